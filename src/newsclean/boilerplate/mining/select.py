"""Miner options and the choice of templates from the counts.

A key becomes a template of its group when it is seen in at least ``min_docs`` documents of *distinct
stories* and in at least ``min_fraction`` of the group's documents. N-gram spans (glued to content) need
``min_span_docs`` stories. A short line or lead-in (a few words) is dropped when the corpus uses the same
words inside sentences in more documents than half its own document frequency (and more than three): "नई
दिल्ली" alone on a line is a crosshead, not a brand credit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..._check import check_fraction, check_positive_int, check_str
from .state import DF, FIRST, SHORT_HASH, SIZE, STORIES, TEXT, GroupCounts, MinerState, Template

#: a lead-in or tail is a template only when, in at least this share of its documents, the rest of the
#: line was a short free part (a linked headline, a name): "नयी दिल्ली :" before a paragraph is a dateline
SLOT_RATIO = 0.5

__all__ = [
    "EMBEDDED_RATIO",
    "SLOT_RATIO",
    "GroupTemplates",
    "MinerParams",
    "is_in",
    "select",
    "stories",
]

#: a short template is dropped when its words are used inside sentences in more documents than this
#: share of its own document frequency
EMBEDDED_RATIO = 0.5
#: ... and in more than this many documents (a couple of chance uses do not count)
EMBEDDED_FLOOR = 3


@dataclass(frozen=True, slots=True)
class MinerParams:
    """The options of a :class:`~newsclean.BoilerplateMiner`, recorded in every model it fits.

    Attributes:
        group_field: meta field (or mapping key) naming a document's group; ``None`` for one group.
        min_docs: distinct stories a line template must be seen in (at least 2).
        min_fraction: share of a group's documents a template must be seen in.
        ngram: tokens per n-gram for span templates found inside lines.
        min_span_docs: distinct stories an n-gram span template must be seen in.
        max_candidates: table size past which keys seen in one document only are pruned.

    >>> MinerParams().min_docs
    3
    """

    group_field: str | None = "publisher"
    min_docs: int = 3
    min_fraction: float = 0.0
    ngram: int = 5
    min_span_docs: int = 5
    max_candidates: int = 2_000_000

    def __post_init__(self) -> None:
        if self.group_field is not None:
            check_str(self.group_field, "BoilerplateMiner", "group_field")
        check_positive_int(self.min_docs, "BoilerplateMiner", "min_docs", minimum=2)
        check_fraction(self.min_fraction, "BoilerplateMiner", "min_fraction")
        check_positive_int(self.ngram, "BoilerplateMiner", "ngram", minimum=2)
        check_positive_int(self.min_span_docs, "BoilerplateMiner", "min_span_docs", minimum=2)
        check_positive_int(self.max_candidates, "BoilerplateMiner", "max_candidates", minimum=1000)

    @property
    def cap(self) -> int:
        """How many story signatures are kept per key: twice the largest story threshold, so that copies of
        one story among them rarely hide the distinct stories a template has.

        >>> MinerParams(min_docs=7).cap
        14
        """
        return 2 * max(self.min_docs, self.min_span_docs)

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form.

        >>> MinerParams(min_docs=4).to_dict()["min_docs"]
        4
        """
        return {
            "group_field": self.group_field,
            "min_docs": self.min_docs,
            "min_fraction": self.min_fraction,
            "ngram": self.ngram,
            "min_span_docs": self.min_span_docs,
            "max_candidates": self.max_candidates,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MinerParams:
        """Inverse of :meth:`to_dict`.

        >>> MinerParams.from_dict(MinerParams(ngram=6).to_dict()).ngram
        6
        """
        return cls(
            group_field=d["group_field"],
            min_docs=d["min_docs"],
            min_fraction=d["min_fraction"],
            ngram=d["ngram"],
            min_span_docs=d["min_span_docs"],
            max_candidates=d["max_candidates"],
        )


@dataclass(frozen=True)
class GroupTemplates:
    """The templates of one group: whole lines, line parts (lead-ins/tails), n-gram spans, and the
    headlines of the group's articles (by length in tokens, for related-article links).

    >>> GroupTemplates(0, {}, {}, {}).is_empty
    True
    """

    docs: int
    lines: Mapping[int, Template]
    parts: Mapping[int, Template]
    ngrams: Mapping[int, Template]
    titles: Mapping[int, int] = field(default_factory=dict)
    title_firsts: frozenset[int] = frozenset()
    title_index: dict[int, npt.NDArray[np.uint64]] = field(init=False, repr=False, compare=False)
    first_index: npt.NDArray[np.uint64] = field(init=False, repr=False, compare=False)
    title_keys: npt.NDArray[np.uint64] = field(init=False, repr=False, compare=False)
    title_lengths: npt.NDArray[np.int64] = field(init=False, repr=False, compare=False)
    title_sizes: npt.NDArray[np.int64] = field(init=False, repr=False, compare=False)
    size_rank: npt.NDArray[np.int64] = field(init=False, repr=False, compare=False)
    line_firsts: frozenset[int] = field(init=False, repr=False, compare=False)
    line_sizes: tuple[int, ...] = field(init=False, repr=False, compare=False)
    line_first_index: npt.NDArray[np.uint64] = field(init=False, repr=False, compare=False)
    ngram_first_index: npt.NDArray[np.uint64] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "line_sizes", tuple(sorted({t.size for t in self.lines.values() if t.size >= 2}))
        )
        firsts = frozenset(t.first for t in self.lines.values())
        object.__setattr__(self, "line_firsts", firsts)
        object.__setattr__(self, "line_first_index", np.array(sorted(firsts), dtype=np.uint64))
        grams = sorted({t.first for t in self.ngrams.values()})
        object.__setattr__(self, "ngram_first_index", np.array(grams, dtype=np.uint64))
        by_size: dict[int, list[int]] = {}
        for key, size in self.titles.items():
            by_size.setdefault(size, []).append(key)
        index = {size: np.array(sorted(keys), dtype=np.uint64) for size, keys in by_size.items()}
        object.__setattr__(self, "title_index", index)
        object.__setattr__(self, "first_index", np.array(sorted(self.title_firsts), dtype=np.uint64))
        keys = sorted(self.titles)
        object.__setattr__(self, "title_keys", np.array(keys, dtype=np.uint64))
        object.__setattr__(self, "title_lengths", np.array([self.titles[k] for k in keys], dtype=np.int64))
        object.__setattr__(self, "title_sizes", np.array(list(by_size), dtype=np.int64))
        rank = np.zeros(max(by_size, default=0) + 1, dtype=np.int64)
        rank[list(by_size)] = np.arange(len(by_size))
        object.__setattr__(self, "size_rank", rank)

    @property
    def is_empty(self) -> bool:
        """True when the group has no template."""
        return not (self.lines or self.parts or self.ngrams or self.titles)

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form (keys as 16-digit hex, sorted): each template as ``[key, df, size, first
        token id, text]``."""
        return {
            "docs": self.docs,
            "lines": _templates_to_json(self.lines),
            "parts": _templates_to_json(self.parts),
            "ngrams": _templates_to_json(self.ngrams),
            "titles": [[f"{k:016x}", v] for k, v in sorted(self.titles.items())],
            "title_firsts": [f"{k:016x}" for k in sorted(self.title_firsts)],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> GroupTemplates:
        """Inverse of :meth:`to_dict`."""
        return cls(
            int(d["docs"]),
            _templates_from_json(d["lines"]),
            _templates_from_json(d["parts"]),
            _templates_from_json(d["ngrams"]),
            {int(k, 16): int(v) for k, v in d["titles"]},
            frozenset(int(k, 16) for k in d["title_firsts"]),
        )


def _templates_to_json(table: Mapping[int, Template]) -> list[list[Any]]:
    return [[f"{k:016x}", t.df, t.size, f"{t.first:016x}", t.text] for k, t in sorted(table.items())]


def _templates_from_json(rows: list[list[Any]]) -> dict[int, Template]:
    return {
        int(k, 16): Template(int(df), int(size), str(text), int(first, 16))
        for k, df, size, first, text in rows
    }


def _template(v: list[Any]) -> Template:
    return Template(v[DF], v[SIZE], v[TEXT], v[FIRST])


#: two documents whose n-gram sets have about this Jaccard similarity or more (by their MinHash values) are
#: copies of one story; so are two documents with the same headline
STORY_JACCARD = 0.5


def stories(signatures: list[bytes]) -> int:
    """How many distinct stories the signatures (sorted, see :func:`.count.signatures`) belong to: each in
    turn joins the first story it is a copy of (half its MinHash values or more agree, or the same non-empty
    headline key) or starts a new one.

    >>> a = bytes(range(100))
    >>> b = a[:52] + bytes(48)  # 13 of 24 values agree (and the headline key differs)
    >>> c = bytes(100)
    >>> stories(sorted([a, b, c])), stories([a, c])
    (2, 2)
    """
    n = len(signatures)
    if n < 2:
        return n
    sig = np.frombuffer(b"".join(signatures), dtype=np.uint32).reshape(n, -1)
    values, title = sig[:, :-1], sig[:, -1]
    need = STORY_JACCARD * values.shape[1]
    same = (values[:, None, :] == values[None, :, :]).sum(axis=2) >= need
    same |= (title[:, None] == title[None, :]) & (title[:, None] != 0)
    heads: list[int] = []
    for i in range(n):
        if not any(same[i, h] for h in heads):
            heads.append(i)
    return len(heads)


def _keep(v: list[Any], need: int, min_stories: int) -> bool:
    return bool(v[DF] >= need and len(v[STORIES]) >= min_stories and stories(v[STORIES]) >= min_stories)


def _short_ok(v: list[Any], state: MinerState) -> bool:
    sh = v[SHORT_HASH]
    return not sh or state.embedded(sh) <= max(EMBEDDED_RATIO * v[DF], EMBEDDED_FLOOR)


def select(counts: GroupCounts, state: MinerState, p: MinerParams) -> GroupTemplates:
    """Choose the templates of one group from its counts.

    >>> select(GroupCounts(), MinerState(), MinerParams()).is_empty
    True
    """
    need = max(p.min_docs, math.ceil(p.min_fraction * counts.docs))
    lines = {
        k: _template(v)
        for k, v in counts.lines.items()
        if _keep(v, need, p.min_docs) and k not in counts.title_lines and _short_ok(v, state)
    }
    parts = {
        k: _template(v)
        for k, v in counts.parts.items()
        if _keep(v, need, p.min_docs) and v[3] >= SLOT_RATIO * v[DF] and _short_ok(v, state)
    }
    span_need = max(need, p.min_span_docs)
    ngrams = {k: _template(v) for k, v in counts.ngr.items() if _keep(v, span_need, p.min_span_docs)}
    return GroupTemplates(
        counts.docs, lines, parts, ngrams, dict(counts.titles), frozenset(counts.title_firsts)
    )


def is_in(values: npt.NDArray[np.uint64], index: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
    """Whether each of ``values`` is in the sorted non-empty array ``index``.

    >>> is_in(np.array([3, 5], dtype=np.uint64), np.array([1, 3], dtype=np.uint64)).tolist()
    [True, False]
    """
    at = np.minimum(np.searchsorted(index, values), len(index) - 1)
    found: npt.NDArray[np.bool_] = index[at] == values
    return found
