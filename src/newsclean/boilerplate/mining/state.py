"""Streaming document-frequency counts for the template miner: mergeable, order-independent, bounded.

Per group (:class:`GroupCounts`) the miner counts, for every key of a whole **line**, a line **part** (a
lead-in before, or a tail after, a separator such as ``:``, ``|`` or `` - ``: "यह भी पढ़ें- <headline>",
"<caption> - फोटो : एजेंसी") and a token **n-gram** next to a lead-in's separator or a script change,

* ``df``: the number of documents it occurs in (each key once per document);
* ``stories``: the ``cap`` smallest distinct *story signatures* among those documents;
* an example text (the smallest of its occurrences), its length in tokens, the hash of its words (for the
  check below) and the id of its first token.

A document's story signature holds LSH band keys of a MinHash of its word n-grams and a band for its title
(:func:`.count.signatures`): near-duplicate copies of one story (syndication, republished updates) share a
band, so a story copied many times never reaches the distinct-story threshold a template needs
(:func:`.select.stories` counts the stories among a key's kept signatures).

Across groups (:class:`MinerState`), every word, word pair and word triple used *inside* a sentence is
counted once per document in a count-min sketch (:data:`SKETCH_BITS` bits of index, saturating 16-bit
counters), so that a short line that the corpus uses inside sentences ("नई दिल्ली") is not taken for a
brand credit ("DP", "Advertisement"). The sketch never under-counts: at worst it drops a short template.

Everything a document adds depends on that document alone, and every count is a sum, a union, a minimum or
a bottom-k set, so counts of parts of a corpus merge (:meth:`MinerState.merge`) into exactly the counts of
the whole, in any order and any grouping, as long as nothing was pruned: when the tables hold more than
``max_candidates`` keys, keys seen in one document only are dropped (then in two, ...), and the state
remembers that it was pruned.
"""

from __future__ import annotations

import base64
import zlib
from bisect import insort
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "MIN_TITLE",
    "PRE",
    "SHORT",
    "SKETCH_BITS",
    "SUF",
    "GroupCounts",
    "MinerState",
    "Template",
    "bump",
]

#: lines and parts of at most this many tokens are checked for use inside sentences
SHORT = 3
#: titles of at least this many tokens are remembered (shorter ones could equal a crosshead)
MIN_TITLE = 5
#: hash salts of line prefixes (lead-ins) and suffixes (tails)
PRE = b"nc-pre"
SUF = b"nc-suf"
#: index bits of the sketch of words used inside sentences (2**25 counters of 16 bits: 64 MiB)
SKETCH_BITS = 25
SATURATED = 0xFFFF

# an entry: [df, stories (sorted, at most cap), example text, slot_df, size, short hash, first token id]
DF, STORIES, TEXT, SLOT, SIZE, SHORT_HASH, FIRST = range(7)


@dataclass(frozen=True, slots=True)
class Template:
    """One mined template: its document frequency, its length in tokens, an example text and the key id of
    its first token."""

    df: int
    size: int
    text: str
    first: int = 0


def bump(
    table: dict[int, list[Any]],
    key: int,
    story: bytes,
    text: str,
    slot: int,
    size: int,
    sh: int,
    first: int,
    cap: int,
) -> None:
    """Count one document's occurrence of ``key`` (the caller gives each key once per document)."""
    e = table.get(key)
    if e is None:
        table[key] = [1, [story], text, slot, size, sh, first]
        return
    e[DF] += 1
    e[SLOT] += slot
    stories = e[STORIES]
    if story not in stories:
        if len(stories) < cap:
            insort(stories, story)
        elif story < stories[-1]:
            stories.pop()
            insort(stories, story)
    if text < e[TEXT]:
        e[TEXT] = text


def _merge_entry(a: list[Any], b: list[Any], cap: int) -> list[Any]:
    stories = sorted(set(a[STORIES]) | set(b[STORIES]))[:cap]
    return [
        a[DF] + b[DF],
        stories,
        min(a[TEXT], b[TEXT]),
        a[SLOT] + b[SLOT],
        a[SIZE],
        a[SHORT_HASH],
        a[FIRST],
    ]


def _merge_table(into: dict[int, list[Any]], other: dict[int, list[Any]], cap: int) -> None:
    for k, v in other.items():
        mine = into.get(k)
        into[k] = [v[0], list(v[1]), *v[2:]] if mine is None else _merge_entry(mine, v, cap)


def _copy_table(table: dict[int, list[Any]]) -> dict[int, list[Any]]:
    return {k: [v[0], list(v[1]), *v[2:]] for k, v in table.items()}


def _table_to_json(table: dict[int, list[Any]]) -> list[list[Any]]:
    return [
        [f"{k:016x}", v[DF], [s.hex() for s in v[STORIES]], v[TEXT], v[SLOT], v[SIZE], f"{v[SHORT_HASH]:016x}",
         f"{v[FIRST]:016x}"]
        for k, v in sorted(table.items())
    ]  # fmt: skip


def _table_from_json(rows: list[list[Any]]) -> dict[int, list[Any]]:
    return {
        int(k, 16): [
            int(df),
            [bytes.fromhex(s) for s in st],
            str(t),
            int(sl),
            int(size),
            int(sh, 16),
            int(first, 16),
        ]
        for k, df, st, t, sl, size, sh, first in rows
    }


@dataclass(slots=True)
class GroupCounts:
    """Mutable counts of one group while fitting (internal; a model holds its own copy).

    ``lines``, ``parts`` and ``ngr`` map a key to an entry ``[df, stories, example text, slot_df, size,
    short hash, first id]``, where ``slot_df`` counts, for parts, documents where the rest of the line was a
    short free part; ``titles`` maps the hash of each document title of at least ``MIN_TITLE`` tokens to its
    length (a line that is the headline of one of the group's articles is a related-article link);
    ``title_firsts`` holds the exact ids of the titles' first tokens; ``title_lines`` the (masked) line keys
    of the titles: a line that is a headline is left to the exact headline check, never taken as a line
    template.
    """

    docs: int = 0
    lines: dict[int, list[Any]] = field(default_factory=dict)
    parts: dict[int, list[Any]] = field(default_factory=dict)
    ngr: dict[int, list[Any]] = field(default_factory=dict)
    titles: dict[int, int] = field(default_factory=dict)
    title_firsts: set[int] = field(default_factory=set)
    title_lines: set[int] = field(default_factory=set)

    def copy(self) -> GroupCounts:
        """A deep copy (entries are lists, so they are copied one level down)."""
        return GroupCounts(
            self.docs,
            _copy_table(self.lines),
            _copy_table(self.parts),
            _copy_table(self.ngr),
            dict(self.titles),
            set(self.title_firsts),
            set(self.title_lines),
        )

    def merge(self, other: GroupCounts, cap: int) -> None:
        """Add ``other``'s counts to these (as if its documents had been counted here)."""
        self.docs += other.docs
        _merge_table(self.lines, other.lines, cap)
        _merge_table(self.parts, other.parts, cap)
        _merge_table(self.ngr, other.ngr, cap)
        self.titles.update(other.titles)
        self.title_firsts |= other.title_firsts
        self.title_lines |= other.title_lines

    @property
    def size(self) -> int:
        """The number of keys held."""
        return len(self.lines) + len(self.parts) + len(self.ngr)

    def prune(self, below: int) -> None:
        """Drop the keys seen in fewer than ``below`` documents."""
        for table in (self.lines, self.parts, self.ngr):
            for k in [k for k, v in table.items() if v[DF] < below]:
                del table[k]

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form (keys as 16-digit hex, sorted)."""
        return {
            "docs": self.docs,
            "lines": _table_to_json(self.lines),
            "parts": _table_to_json(self.parts),
            "ngrams": _table_to_json(self.ngr),
            "titles": [[f"{k:016x}", v] for k, v in sorted(self.titles.items())],
            "title_firsts": [f"{k:016x}" for k in sorted(self.title_firsts)],
            "title_lines": [f"{k:016x}" for k in sorted(self.title_lines)],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GroupCounts:
        """Inverse of :meth:`to_dict`."""
        return cls(
            int(d["docs"]),
            _table_from_json(d["lines"]),
            _table_from_json(d["parts"]),
            _table_from_json(d["ngrams"]),
            {int(k, 16): int(v) for k, v in d["titles"]},
            {int(k, 16) for k in d["title_firsts"]},
            {int(k, 16) for k in d["title_lines"]},
        )


class Sketch:
    """Saturating 16-bit counters at ``2 ** SKETCH_BITS`` cells: sparse (sorted cells and values) while few
    cells are set, a dense array after that. Adding and merging are sums (capped at :data:`SATURATED`)."""

    __slots__ = ("_cells", "_dense", "_vals")

    DENSE_AT = 1 << 16

    def __init__(self) -> None:
        self._dense: npt.NDArray[np.uint16] | None = None
        self._cells = np.zeros(0, dtype=np.int64)
        self._vals = np.zeros(0, dtype=np.uint16)

    def sparse(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint16]]:
        """The set cells (sorted) and their values."""
        if self._dense is None:
            return self._cells, self._vals
        cells = np.flatnonzero(self._dense)
        return cells, self._dense[cells]

    def add(self, cells: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]) -> None:
        """Add ``counts`` at the distinct, sorted ``cells``."""
        if self._dense is not None:
            old = self._dense[cells].astype(np.int64)
            self._dense[cells] = np.minimum(old + counts, SATURATED).astype(np.uint16)
            return
        allc = np.concatenate((self._cells, cells))
        allv = np.concatenate((self._vals.astype(np.int64), counts))
        order = np.argsort(allc, kind="stable")
        allc, allv = allc[order], allv[order]
        first = np.concatenate(([True], allc[1:] != allc[:-1])) if len(allc) else np.zeros(0, dtype=bool)
        at = np.flatnonzero(first)
        self._cells = allc[at]
        self._vals = np.minimum(np.add.reduceat(allv, at) if len(at) else allv, SATURATED).astype(np.uint16)
        if len(self._cells) > self.DENSE_AT:
            self._dense = np.zeros(1 << SKETCH_BITS, dtype=np.uint16)
            self._dense[self._cells] = self._vals
            self._cells = np.zeros(0, dtype=np.int64)
            self._vals = np.zeros(0, dtype=np.uint16)

    def place_in(self, buffer: Any) -> None:
        """Keep the counters in ``buffer`` (``2 ** SKETCH_BITS`` 16-bit words, e.g. shared memory) from now
        on, with the counts so far."""
        dense: npt.NDArray[np.uint16] = np.ndarray((1 << SKETCH_BITS,), dtype=np.uint16, buffer=buffer)
        if self._dense is not None:
            dense[:] = self._dense
        else:
            dense[:] = 0
            dense[self._cells] = self._vals
        self._dense = dense
        self._cells = np.zeros(0, dtype=np.int64)
        self._vals = np.zeros(0, dtype=np.uint16)

    @classmethod
    def of_counters(cls, counters: npt.NDArray[np.uint16]) -> Sketch:
        """A sketch whose counters are ``counters`` (``2 ** SKETCH_BITS`` of them, used as they are)."""
        out = cls()
        out._dense = counters
        return out

    def dense(self) -> npt.NDArray[np.uint16]:
        """The counters as one array (made dense if they were not)."""
        if self._dense is None:
            dense = np.zeros(1 << SKETCH_BITS, dtype=np.uint16)
            dense[self._cells] = self._vals
            self._dense = dense
            self._cells = np.zeros(0, dtype=np.int64)
            self._vals = np.zeros(0, dtype=np.uint16)
        return self._dense

    def get(self, cell: int) -> int:
        """The counter at ``cell``."""
        if self._dense is not None:
            return int(self._dense[cell])
        i = int(np.searchsorted(self._cells, cell))
        return int(self._vals[i]) if i < len(self._cells) and self._cells[i] == cell else 0

    def merge(self, other: Sketch) -> None:
        """Add ``other``'s counters."""
        if other._dense is not None and self._dense is not None:
            self._dense = np.minimum(self._dense.astype(np.uint32) + other._dense, SATURATED).astype(
                np.uint16
            )
            return
        if other._dense is not None:
            cells, vals = self.sparse()
            self._dense = other._dense.copy()
            self._cells = np.zeros(0, dtype=np.int64)
            self._vals = np.zeros(0, dtype=np.uint16)
        else:
            cells, vals = other.sparse()
        self.add(cells, vals.astype(np.int64))

    def copy(self) -> Sketch:
        """A copy."""
        out = Sketch()
        out._dense = None if self._dense is None else self._dense.copy()
        out._cells, out._vals = self._cells.copy(), self._vals.copy()
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sketch):
            return NotImplemented
        if self._dense is not None and other._dense is not None:
            return bool(np.array_equal(self._dense, other._dense))
        (a, x), (b, y) = self.sparse(), other.sparse()
        return bool(np.array_equal(a, b) and np.array_equal(x, y))

    __hash__ = None  # type: ignore[assignment]

    def to_text(self) -> str:
        """The set cells and values, compressed and base64-encoded."""
        cells, vals = self.sparse()
        data = cells.astype(np.uint32).tobytes() + vals.tobytes()
        return base64.b64encode(zlib.compress(data, 6)).decode("ascii")

    @classmethod
    def from_text(cls, text: str) -> Sketch:
        """Inverse of :meth:`to_text`."""
        raw = zlib.decompress(base64.b64decode(text))
        n = len(raw) // 6
        out = cls()
        cells = np.frombuffer(raw[: 4 * n], dtype=np.uint32).astype(np.int64)
        out.add(cells, np.frombuffer(raw[4 * n :], dtype=np.uint16).astype(np.int64))
        return out


@dataclass(slots=True)
class MinerState:
    """All counts of a fit: one :class:`GroupCounts` per group, the :class:`Sketch` of words used inside
    sentences, and the highest document frequency pruning dropped (0: nothing was pruned)."""

    groups: dict[str, GroupCounts] = field(default_factory=dict)
    sketch: Sketch = field(default_factory=Sketch)
    pruned: int = 0

    def copy(self) -> MinerState:
        """A deep copy."""
        return MinerState({g: c.copy() for g, c in self.groups.items()}, self.sketch.copy(), self.pruned)

    @property
    def size(self) -> int:
        """The number of keys held over all groups."""
        return sum(c.size for c in self.groups.values())

    def counts(self, group: str) -> GroupCounts:
        """The counts of ``group`` (created empty on first use)."""
        c = self.groups.get(group)
        if c is None:
            c = self.groups[group] = GroupCounts()
        return c

    def add_windows(self, cells: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]) -> None:
        """Add ``counts`` documents to the sketch cells ``cells`` (distinct, sorted)."""
        self.sketch.add(cells, counts)

    def embedded(self, window_hash: int) -> float:
        """How many documents use the words with this window hash inside a sentence (an upper bound;
        infinite once the counter saturated)."""
        v = self.sketch.get(window_hash >> (64 - SKETCH_BITS))
        return float("inf") if v >= SATURATED else v

    def merge(self, other: MinerState, cap: int) -> None:
        """Add ``other``'s counts to these (``other`` is not changed)."""
        for g, c in other.groups.items():
            mine = self.groups.get(g)
            if mine is None:
                self.groups[g] = c.copy()
            else:
                mine.merge(c, cap)
        self.sketch.merge(other.sketch)
        self.pruned = max(self.pruned, other.pruned)

    def prune(self, limit: int) -> None:
        """While more than ``limit`` keys are held, drop the rarest (df 1, then 2, ...)."""
        below = self.pruned + 1
        while self.size > limit:
            below = max(below, 2)
            for c in self.groups.values():
                c.prune(below)
            self.pruned = below - 1
            below += 1

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form (the sketch as its non-zero cells, compressed)."""
        return {
            "groups": {g: self.groups[g].to_dict() for g in sorted(self.groups)},
            "sketch_bits": SKETCH_BITS,
            "sketch": self.sketch.to_text(),
            "pruned": self.pruned,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> MinerState:
        """Inverse of :meth:`to_dict`."""
        if int(d.get("sketch_bits", -1)) != SKETCH_BITS:
            msg = f"sketch of {d.get('sketch_bits')} bits, not {SKETCH_BITS}"
            raise ValueError(msg)
        groups = {g: GroupCounts.from_dict(c) for g, c in d["groups"].items()}
        return cls(groups, Sketch.from_text(d["sketch"]), int(d.get("pruned", 0)))
