"""Streaming document-frequency counts for the template miner (one :class:`GroupCounts` per group).

Per group the miner counts, for every *segment* key (a whole line or a sentence) and every n-gram key,

* ``df``: the number of documents it occurs in;
* ``inline_df``: for short lines, the number of documents using the same words inside a longer line;
* ``stories``: up to ``cap`` distinct *story* ids among those documents.

A story id is given to each document by a small MinHash-LSH index over its n-grams (and its title):
near-duplicate copies of one story (syndication, republished updates) share a story id, so a story
copied many times never reaches the distinct-story threshold a template needs.

Rare keys are pruned when a table grows past ``max_candidates`` (keys seen in one document only). The
counts are plain ints and lists, kept in the model so that a refit continues exactly where a fit stopped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .mining_text import Units, analyse, ngram_hashes, seq_hash

__all__ = ["GroupCounts", "count_document", "doc_ngrams"]

#: lines of at most this many tokens are checked for use inside sentences
SHORT_LINE = 4
_BANDS = 8
_ROWS = 3


def _seed(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=8).digest(), "little")


_A = np.array([_seed(f"nc-mh-a{k}") | 1 for k in range(_BANDS * _ROWS)], dtype=np.uint64)
_C = np.array([_seed(f"nc-mh-c{k}") for k in range(_BANDS * _ROWS)], dtype=np.uint64)
_TITLE_BAND = _BANDS


@dataclass(slots=True)
class GroupCounts:
    """Mutable counts of one group while fitting (internal; a model holds a frozen copy).

    ``seg`` (whole lines) and ``ngr`` (n-grams) map a key to ``[df, inline_df, stories, example_text]``;
    ``inline_df`` counts, for short lines, documents where the same words occur inside a longer line
    (a place name used as a crosshead is also used in sentences; a brand credit is not).
    ``short`` maps the n-gram hash of a short line's words to its line key.
    """

    docs: int = 0
    n_stories: int = 0
    story_index: dict[tuple[int, int], int] = field(default_factory=dict)
    seg: dict[int, list[Any]] = field(default_factory=dict)
    ngr: dict[int, list[Any]] = field(default_factory=dict)
    short: dict[int, int] = field(default_factory=dict)

    def copy(self) -> GroupCounts:
        """A deep copy (entries are lists, so they are copied one level down)."""
        return GroupCounts(
            self.docs,
            self.n_stories,
            dict(self.story_index),
            {k: [v[0], v[1], list(v[2]), v[3]] for k, v in self.seg.items()},
            {k: [v[0], v[1], list(v[2]), v[3]] for k, v in self.ngr.items()},
            dict(self.short),
        )

    # -- JSON ------------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form (keys as 16-digit hex, sorted)."""
        return {
            "docs": self.docs,
            "stories": self.n_stories,
            "story_index": [[b, f"{v:016x}", s] for (b, v), s in sorted(self.story_index.items())],
            "segments": [[f"{k:016x}", *v] for k, v in sorted(self.seg.items())],
            "ngrams": [[f"{k:016x}", *v] for k, v in sorted(self.ngr.items())],
            "short": [[f"{k:016x}", f"{v:016x}"] for k, v in sorted(self.short.items())],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GroupCounts:
        """Inverse of :meth:`to_dict`."""
        return cls(
            int(d["docs"]),
            int(d["stories"]),
            {(int(b), int(v, 16)): int(s) for b, v, s in d["story_index"]},
            {int(k, 16): [int(a), int(b), [int(x) for x in c], t] for k, a, b, c, t in d["segments"]},
            {int(k, 16): [int(a), int(b), [int(x) for x in c], t] for k, a, b, c, t in d["ngrams"]},
            {int(k, 16): int(v, 16) for k, v in d["short"]},
        )


def doc_ngrams(u: Units, n: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.bool_]]:
    """N-gram hashes of a document and which of them count (inside one line, not all masked).

    >>> from newsclean.boilerplate.mining_text import analyse
    >>> h, ok = doc_ngrams(analyse("एक दो तीन\\nचार पांच"), 2)
    >>> ok.tolist()
    [True, True, False, True]
    """
    h = ngram_hashes(u.ids, n)
    if not len(h):
        return h, np.zeros(0, dtype=bool)
    line_of = np.zeros(len(u.ids), dtype=np.int64)
    for k, (a, b) in enumerate(u.lines):
        line_of[a:b] = k
    ok = line_of[: len(h)] == line_of[n - 1 :]
    masked = np.array(u.masked, dtype=np.int64)
    csum = np.concatenate(([0], np.cumsum(masked)))
    ok &= (csum[n:] - csum[: len(h)]) < n
    return h, ok


def _signature(ngrams: npt.NDArray[np.uint64], u: Units) -> list[tuple[int, int]]:
    if len(ngrams):
        mins = [
            int(((ngrams * a + c) ^ (ngrams >> np.uint64(29))).min()) for a, c in zip(_A, _C, strict=True)
        ]
        bands = [(b, _seed_pair(mins[b * _ROWS : (b + 1) * _ROWS])) for b in range(_BANDS)]
    else:
        bands = [(0, seq_hash(u.ids))]
    return bands


def _seed_pair(values: list[int]) -> int:
    data = b"".join(v.to_bytes(8, "little") for v in values)
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def _story(counts: GroupCounts, bands: Iterable[tuple[int, int]]) -> int:
    bands = list(bands)
    story = -1
    for band in bands:
        story = counts.story_index.get(band, -1)
        if story >= 0:
            break
    if story < 0:
        story = counts.n_stories
        counts.n_stories += 1
    for band in bands:
        counts.story_index.setdefault(band, story)
    return story


def _bump(table: dict[int, list[Any]], key: int, story: int, cap: int) -> list[Any]:
    entry = table.get(key)
    if entry is None:
        entry = table[key] = [1, 0, [story], None]
        return entry
    entry[0] += 1
    stories = entry[2]
    if len(stories) < cap and story not in stories:
        stories.append(story)
    return entry


def count_document(
    counts: GroupCounts, text: str, title: str | None, *, n: int, cap: int, max_candidates: int
) -> None:
    """Add one document's lines, sentences and n-grams to ``counts`` (each key once per document).

    >>> c = GroupCounts()
    >>> count_document(c, "खबर एक।\\nविज्ञापन", None, n=3, cap=3, max_candidates=1000)
    >>> c.docs, len(c.seg)
    (1, 2)
    """
    u = analyse(text)
    counts.docs += 1
    h, ok = doc_ngrams(u, n)
    valid = h[ok]
    bands = _signature(valid, u)
    if title:
        t = analyse(title)
        if len(t.ids):
            bands.append((_TITLE_BAND, seq_hash(t.ids)))
    story = _story(counts, bands)

    line_keys: dict[int, tuple[int, int]] = {}
    for a, b in u.lines:
        if not all(u.masked[a:b]):
            line_keys.setdefault(seq_hash(u.ids[a:b]), (a, b))
    for key, (a, b) in line_keys.items():
        entry = _bump(counts.seg, key, story, cap)
        if entry[0] == 2 and entry[3] is None:
            entry[3] = text[u.starts[a] : u.ends[b - 1]]

    positions = np.flatnonzero(ok)
    first: dict[int, int] = {}
    for key, pos in zip(valid.tolist(), positions.tolist(), strict=True):
        first.setdefault(key, pos)
    for key, pos in first.items():
        entry = _bump(counts.ngr, key, story, cap)
        if entry[0] == 2 and entry[3] is None:
            entry[3] = text[u.starts[pos] : u.ends[pos + n - 1]]

    for table in (counts.seg, counts.ngr):
        if len(table) > max_candidates:
            for key in [k for k, v in table.items() if v[0] == 1]:
                del table[key]
            if table is counts.seg:
                counts.short = {k: v for k, v in counts.short.items() if v in counts.seg}
