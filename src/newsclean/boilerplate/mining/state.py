"""Streaming document-frequency counts for the template miner.

Per group (:class:`GroupCounts`) the miner counts, for every key,

* ``df``: the number of documents it occurs in (each key once per document);
* ``stories``: up to ``cap`` distinct *story* ids among those documents;
* an example text (kept from the second document on).

Keys are whole **lines**, line **parts** (a lead-in before, or a tail after, a separator such as ``:``,
``|`` or `` - ``: "यह भी पढ़ें- <headline>", "<caption> - फोटो : एजेंसी") and token **n-grams**.

A story id is given to each document by a small MinHash-LSH index over its n-grams (and its title):
near-duplicate copies of one story (syndication, republished updates) share a story id, so a story
copied many times never reaches the distinct-story threshold a template needs.

Across groups (:class:`MinerState`), short lines (a few words) are checked against the whole corpus: the
number of documents that use the same words *inside* a sentence is counted, so a place name used as a
crosshead ("नई दिल्ली") is not taken for a brand credit ("DP", "Advertisement").

Rare keys are pruned when a table grows past ``max_candidates`` (keys seen in one document only). The
counts are plain ints and lists, kept in the model so that a refit continues exactly where a fit stopped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .text import (
    MAX_PART,
    Units,
    WindowHasher,
    analyse,
    is_slot,
    ngram_hashes,
    range_index,
    separator_class,
    separator_points,
    seq_hash,
)

__all__ = [
    "MIN_TITLE",
    "PRE",
    "SUF",
    "GroupCounts",
    "MinerState",
    "Template",
    "count_document",
    "doc_ngrams",
    "short_hash",
]

#: lines and parts of at most this many tokens are checked for use inside sentences
SHORT = 3
#: titles of at least this many tokens are remembered (shorter ones could equal a crosshead)
MIN_TITLE = 5
#: hash salts of line prefixes (lead-ins) and suffixes (tails)
PRE = b"nc-pre"
SUF = b"nc-suf"
_BANDS = 8
_ROWS = 3


def _seed(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=8).digest(), "little")


_A = np.array([_seed(f"nc-mh-a{k}") | 1 for k in range(_BANDS * _ROWS)], dtype=np.uint64)
_C = np.array([_seed(f"nc-mh-c{k}") for k in range(_BANDS * _ROWS)], dtype=np.uint64)
_TITLE_BAND = _BANDS
_WHOLE_BAND = 255


@dataclass(frozen=True, slots=True)
class Template:
    """One mined template: its document frequency, its length in tokens and an example text."""

    df: int
    size: int
    text: str


def _copy_table(table: dict[int, list[Any]]) -> dict[int, list[Any]]:
    return {k: [v[0], list(v[1]), v[2], v[3]] for k, v in table.items()}


def _table_to_json(table: dict[int, list[Any]]) -> list[list[Any]]:
    return [[f"{k:016x}", *v] for k, v in sorted(table.items())]


def _table_from_json(rows: list[list[Any]]) -> dict[int, list[Any]]:
    return {int(k, 16): [int(df), [int(x) for x in st], t, int(sl)] for k, df, st, t, sl in rows}


@dataclass(slots=True)
class GroupCounts:
    """Mutable counts of one group while fitting (internal; a model holds its own copy).

    ``lines``, ``parts`` and ``ngr`` map a key to ``[df, stories, example_text, slot_df]``, where
    ``slot_df`` counts, for parts, documents where the rest of the line was a short free part; ``short`` maps the key
    of a short line or part to the n-gram hash of its words (see :func:`short_hash`); ``titles`` maps the
    :func:`short_hash` of each document title of at least ``MIN_TITLE`` tokens to its length (a line that
    is the headline of one of the group's articles is a related-article link); ``ngr1`` holds the n-grams
    seen in one document so far (key -> story), to keep the common case small; ``title_firsts`` the exact
    ids of the titles' first tokens; ``title_lines`` the (masked) line keys of the titles: a line that is a
    headline is left to the exact headline check, never taken as a line template.
    """

    docs: int = 0
    n_stories: int = 0
    story_index: dict[int, int] = field(default_factory=dict)
    lines: dict[int, list[Any]] = field(default_factory=dict)
    parts: dict[int, list[Any]] = field(default_factory=dict)
    ngr: dict[int, list[Any]] = field(default_factory=dict)
    short: dict[int, int] = field(default_factory=dict)
    titles: dict[int, int] = field(default_factory=dict)
    ngr1: dict[int, int] = field(default_factory=dict)
    title_firsts: set[int] = field(default_factory=set)
    title_lines: set[int] = field(default_factory=set)

    def copy(self) -> GroupCounts:
        """A deep copy (entries are lists, so they are copied one level down)."""
        return GroupCounts(
            self.docs,
            self.n_stories,
            dict(self.story_index),
            _copy_table(self.lines),
            _copy_table(self.parts),
            _copy_table(self.ngr),
            dict(self.short),
            dict(self.titles),
            dict(self.ngr1),
            set(self.title_firsts),
            set(self.title_lines),
        )

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form (keys as 16-digit hex, sorted)."""
        return {
            "docs": self.docs,
            "stories": self.n_stories,
            "story_index": [[f"{k:016x}", s] for k, s in sorted(self.story_index.items())],
            "lines": _table_to_json(self.lines),
            "parts": _table_to_json(self.parts),
            "ngrams": _table_to_json(self.ngr),
            "short": [[f"{k:016x}", f"{v:016x}"] for k, v in sorted(self.short.items())],
            "titles": [[f"{k:016x}", v] for k, v in sorted(self.titles.items())],
            "ngrams_once": [[f"{k:016x}", v] for k, v in sorted(self.ngr1.items())],
            "title_firsts": [f"{k:016x}" for k in sorted(self.title_firsts)],
            "title_lines": [f"{k:016x}" for k in sorted(self.title_lines)],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GroupCounts:
        """Inverse of :meth:`to_dict`."""
        return cls(
            int(d["docs"]),
            int(d["stories"]),
            {int(k, 16): int(s) for k, s in d["story_index"]},
            _table_from_json(d["lines"]),
            _table_from_json(d["parts"]),
            _table_from_json(d["ngrams"]),
            {int(k, 16): int(v, 16) for k, v in d["short"]},
            {int(k, 16): int(v) for k, v in d["titles"]},
            {int(k, 16): int(v) for k, v in d["ngrams_once"]},
            {int(k, 16) for k in d["title_firsts"]},
            {int(k, 16) for k in d["title_lines"]},
        )


@dataclass(slots=True)
class MinerState:
    """All counts of a fit: one :class:`GroupCounts` per group, and the corpus-wide count of documents
    using each registered short line's words inside a sentence (``embedded``)."""

    groups: dict[str, GroupCounts] = field(default_factory=dict)
    embedded: dict[int, int] = field(default_factory=dict)

    def copy(self) -> MinerState:
        """A deep copy."""
        return MinerState({g: c.copy() for g, c in self.groups.items()}, dict(self.embedded))

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form."""
        return {
            "groups": {g: self.groups[g].to_dict() for g in sorted(self.groups)},
            "embedded": [[f"{k:016x}", v] for k, v in sorted(self.embedded.items())],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> MinerState:
        """Inverse of :meth:`to_dict`."""
        return cls(
            {g: GroupCounts.from_dict(c) for g, c in d["groups"].items()},
            {int(k, 16): int(v) for k, v in d["embedded"]},
        )


def short_hash(ids: npt.NDArray[np.uint64]) -> int:
    """The hash under which a short token sequence is looked up inside sentences.

    >>> from newsclean.boilerplate.mining.text import analyse
    >>> short_hash(analyse("नई दिल्ली").ids) == short_hash(analyse("नई  दिल्ली।").ids)
    True
    """
    return int(ngram_hashes(ids, len(ids))[0])


def doc_ngrams(u: Units, n: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.bool_]]:
    """N-gram hashes of a document and which of them count (inside one line, not all masked).

    >>> from newsclean.boilerplate.mining.text import analyse
    >>> h, ok = doc_ngrams(analyse("एक दो तीन\\nचार पांच"), 2)
    >>> ok.tolist()
    [True, True, False, True]
    """
    h = ngram_hashes(u.ids, n)
    if not len(h):
        return h, np.zeros(0, dtype=bool)
    line_of = range_index(u.lines, len(u.ids))
    ok = line_of[: len(h)] == line_of[n - 1 :]
    masked = np.array(u.masked, dtype=np.int64)
    csum = np.concatenate(([0], np.cumsum(masked)))
    ok &= (csum[n:] - csum[: len(h)]) < n
    return h, ok


def _signature(ngrams: npt.NDArray[np.uint64], u: Units) -> list[int]:
    """LSH band keys of a document: ``_BANDS`` bands of ``_ROWS`` MinHash values over its n-grams."""
    if len(ngrams):
        mins = [
            int(((ngrams * a + c) ^ (ngrams >> np.uint64(29))).min()) for a, c in zip(_A, _C, strict=True)
        ]
        return [_band_key(b, mins[b * _ROWS : (b + 1) * _ROWS]) for b in range(_BANDS)]
    return [_band_key(_WHOLE_BAND, [seq_hash(u.ids)])]


def _band_key(band: int, values: list[int]) -> int:
    data = bytes([band]) + b"".join(v.to_bytes(8, "little") for v in values)
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=b"nc-band").digest(), "little")


def _story(counts: GroupCounts, bands: list[int]) -> int:
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


def _bump(
    table: dict[int, list[Any]], key: int, story: int, cap: int, u: Units, a: int, b: int, slot: bool = False
) -> None:
    entry = table.get(key)
    if entry is None:
        table[key] = [1, [story], None, int(slot)]
        return
    entry[0] += 1
    entry[3] += slot
    stories = entry[1]
    if len(stories) < cap and story not in stories:
        stories.append(story)
    if entry[2] is None:
        entry[2] = u.text[u.starts[a] : u.ends[b - 1]]


def _line_keys(
    u: Units,
) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int, bool]]]:
    """Keys of the whole lines, and of the line parts (lead-ins and tails at separators) of a text with
    whether the rest of the line is a short free part (a headline, a name: see ``is_slot``)."""
    lines: dict[int, tuple[int, int]] = {}
    parts: dict[int, tuple[int, int, bool]] = {}
    for a, b in u.lines:
        if all(u.masked[a:b]):
            continue
        lines.setdefault(seq_hash(u.ids[a:b]), (a, b))
        for c in separator_points(u, a, b):
            if 2 <= c - a <= MAX_PART and not all(u.masked[a:c]):
                slot = is_slot(u, c, b, line_end=True)
                key = seq_hash(u.ids[a:c], PRE + separator_class(u, c))
                if parts.get(key, (0, 0, False))[2] <= slot:
                    parts[key] = (a, c, slot)
            if 2 <= b - c <= MAX_PART and not all(u.masked[c:b]):
                slot = is_slot(u, a, c, line_end=False)
                key = seq_hash(u.ids[c:b], SUF + separator_class(u, c))
                if parts.get(key, (0, 0, False))[2] <= slot:
                    parts[key] = (c, b, slot)
    return lines, parts


def _count_embedded(state: MinerState, u: Units) -> None:
    """Count this document for every registered short token sequence it uses inside a sentence."""
    n = len(u.ids)
    if not state.embedded or n < 3:
        return
    sent = range_index(u.sentences, n)
    found: set[int] = set()
    hasher = WindowHasher(u.ids)
    for size in range(1, SHORT + 1):
        h = hasher.hashes(size)
        if len(h) < 3:
            break
        # the words at p .. p+size-1 are inside a sentence when tokens p-1 and p+size are in it too
        p = np.arange(1, len(h) - 1)
        inner = p[sent[p - 1] == sent[p + size]]
        found.update(state.embedded.keys() & set(h[inner].tolist()))
    for x in found:
        state.embedded[x] += 1


def _register_short(state: MinerState, counts: GroupCounts, key: int, u: Units, a: int, b: int) -> None:
    if b - a <= SHORT and key not in counts.short:
        sh = short_hash(u.ids[a:b])
        counts.short[key] = sh
        state.embedded.setdefault(sh, 0)


def count_document(
    state: MinerState, group: str, text: str, title: str | None, *, n: int, cap: int, max_candidates: int
) -> None:
    """Add one document's lines, line parts and n-grams to the counts of ``group``.

    >>> s = MinerState()
    >>> count_document(s, "p", "खबर एक।\\nयह भी पढ़ें: दूसरी खबर", None, n=3, cap=3, max_candidates=1000)
    >>> c = s.groups["p"]
    >>> c.docs, len(c.lines), len(c.parts), len(c.ngr1)
    (1, 2, 2, 3)
    """
    counts = state.groups.get(group)
    if counts is None:
        counts = state.groups[group] = GroupCounts()
    u = analyse(text)
    counts.docs += 1
    h, ok = doc_ngrams(u, n)
    valid = h[ok]
    bands = _signature(valid, u)
    if title:
        t = analyse(title)
        if len(t.ids):
            bands.append(_band_key(_TITLE_BAND, [seq_hash(t.ids)]))
        if len(t.ids) >= MIN_TITLE:
            counts.titles[short_hash(t.raw_ids)] = len(t.ids)
            counts.title_firsts.add(int(t.raw_ids[0]))
            counts.title_lines.add(seq_hash(t.ids))
    story = _story(counts, bands)

    _count_embedded(state, u)
    lines, parts = _line_keys(u)
    for key, (a, b) in lines.items():
        _bump(counts.lines, key, story, cap, u, a, b)
        _register_short(state, counts, key, u, a, b)
    for key, (a, b, slot) in parts.items():
        _bump(counts.parts, key, story, cap, u, a, b, slot)
        _register_short(state, counts, key, u, a, b)

    _count_ngrams(counts, u, valid, np.flatnonzero(ok), story, n=n, cap=cap)

    pruned = False
    for table in (counts.lines, counts.parts, counts.ngr):
        if len(table) > max_candidates:
            for key in [k for k, v in table.items() if v[0] == 1]:
                del table[key]
            pruned = True
    if pruned:
        counts.short = {k: v for k, v in counts.short.items() if k in counts.lines or k in counts.parts}
    if len(counts.ngr1) > max_candidates:
        counts.ngr1.clear()


def _count_ngrams(
    counts: GroupCounts,
    u: Units,
    keys: npt.NDArray[np.uint64],
    positions: npt.NDArray[np.intp],
    story: int,
    *,
    n: int,
    cap: int,
) -> None:
    """Count each distinct n-gram once. A key seen in one document only sits in ``ngr1`` (key -> story);
    the second document moves it to ``ngr`` with a full entry."""
    if not len(keys):
        return
    uniq, index = np.unique(keys, return_index=True)
    ngr, ngr1 = counts.ngr, counts.ngr1
    starts, ends, text = u.starts, u.ends, u.text
    for key, i in zip(uniq.tolist(), positions[index].tolist(), strict=True):
        entry = ngr.get(key)
        if entry is not None:
            entry[0] += 1
            stories = entry[1]
            if len(stories) < cap and story not in stories:
                stories.append(story)
            continue
        first = ngr1.pop(key, None)
        if first is None:
            ngr1[key] = story
        else:
            stories = [first] if first == story else [first, story]
            ngr[key] = [2, stories, text[starts[i] : ends[i + n - 1]], 0]
