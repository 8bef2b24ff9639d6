"""Set operations on hash arrays, faster than their ``numpy`` equivalents for dedup's shapes of data.

``np.sort`` of integers is vectorised (SIMD) and several times faster than ``np.argsort``; ``np.unique`` of
a 1-D integer array goes through a hash table that is slow on large arrays of random hashes, and
``np.unique(axis=0)`` sorts rows as opaque bytes. These helpers sort plain integers instead and check their
shortcut exactly, falling back to ``numpy`` in the rare case the shortcut cannot decide.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "ValueSet",
    "distinct",
    "distinct_pairs",
    "member",
    "sorted_unique",
    "stable_order",
    "value_counts",
]

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
T = TypeVar("T", bound=np.generic)


def _runs(s: npt.NDArray[np.generic]) -> npt.NDArray[np.bool_]:
    """True where a sorted array starts a new value."""
    new = np.empty(s.shape[0], dtype=bool)
    if s.shape[0]:
        new[0] = True
        np.not_equal(s[1:], s[:-1], out=new[1:])
    return new


def sorted_unique(values: npt.NDArray[T]) -> npt.NDArray[T]:
    """``np.unique(values)`` for a 1-D integer array, by a plain sort.

    Args:
        values: Integers.

    Returns:
        The sorted distinct values.

    >>> sorted_unique(np.array([5, 3, 5, 1], dtype=np.uint32)).tolist()
    [1, 3, 5]
    """
    s = np.sort(values)
    out: npt.NDArray[T] = s[_runs(s)]
    return out


def value_counts(values: npt.NDArray[T]) -> tuple[npt.NDArray[T], I64]:
    """``np.unique(values, return_counts=True)`` for a 1-D integer array, by a plain sort.

    Args:
        values: Integers.

    Returns:
        ``(distinct, counts)``.

    >>> [a.tolist() for a in value_counts(np.array([5, 3, 5], dtype=np.uint64))]
    [[3, 5], [1, 2]]
    """
    s = np.sort(values)
    starts = np.flatnonzero(_runs(s))
    counts = np.diff(np.concatenate([starts, [s.shape[0]]])).astype(np.int64)
    return s[starts], counts


def stable_order(values: U64) -> I64:
    """``np.argsort(values, kind="stable")`` for uint64 hashes, by a plain sort of packed keys.

    Each value's high bits are packed with its index, so one ``np.sort`` orders the values by their high
    bits and equal values by index. The rare run of equal high bits that holds different values is then
    re-sorted on its own (a stable sort by the full values inside the run).

    Args:
        values: uint64 values.

    Returns:
        The stable sorting permutation.

    >>> stable_order(np.array([9, 2, 9, 2], dtype=np.uint64)).tolist()
    [1, 3, 0, 2]
    """
    n = values.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    bits = max(1, (n - 1).bit_length())
    low = np.uint64((1 << bits) - 1)
    packed = np.sort((values & ~low) | np.arange(n, dtype=np.uint64))
    order: I64 = (packed & low).astype(np.int64)
    high_new = _runs(packed & ~low)
    mixed = np.flatnonzero(_runs(values[order]) & ~high_new)  # a new value inside a run of equal high bits
    if mixed.size:
        starts = np.flatnonzero(high_new)
        ends = np.append(starts[1:], n)
        for r in np.unique(np.searchsorted(starts, mixed, side="right") - 1).tolist():
            seg = order[starts[r] : ends[r]]  # in index order: a stable sort by value is the answer
            order[starts[r] : ends[r]] = seg[np.argsort(values[seg], kind="stable")]
    return order


def distinct(values: U64) -> tuple[U64, I64, I64]:
    """``np.unique(values, return_index=True, return_inverse=True)``, faster for uint64 hashes.

    Built on :func:`stable_order`, so the index returned for each value is its first position.

    Args:
        values: uint64 values.

    Returns:
        ``(unique, index, inverse)`` as ``np.unique`` defines them.

    >>> u, i, inv = distinct(np.array([7, 3, 7, 9], dtype=np.uint64))
    >>> u.tolist(), i.tolist(), inv.tolist()
    ([3, 7, 9], [1, 0, 3], [1, 0, 1, 2])
    """
    n = values.shape[0]
    if n == 0:
        return values.copy(), np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = stable_order(values)
    full = values[order]
    new = _runs(full)
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return full[new], order[new], inverse


_MIX = np.uint64(0x9E3779B97F4A7C15)


def distinct_pairs(a: U64, b: U64) -> tuple[U64, U64]:
    """The distinct rows of the pairs ``(a[i], b[i])``, sorted (``np.unique(np.stack([a, b], 1), axis=0)``).

    The two columns are hashed into one uint64 and made distinct with :func:`distinct`; every row is then
    checked against its representative, so the result is exact (a hash collision falls back to numpy).

    Args:
        a: First column.
        b: Second column (same length).

    Returns:
        ``(a, b)`` of the distinct rows, sorted by ``a`` then ``b``.

    >>> x, y = distinct_pairs(np.array([2, 1, 2], dtype=np.uint64), np.array([9, 8, 9], dtype=np.uint64))
    >>> x.tolist(), y.tolist()
    ([1, 2], [8, 9])
    """
    if a.shape[0] == 0:
        return a.copy(), b.copy()
    mixed = a * _MIX
    mixed ^= mixed >> np.uint64(29)
    mixed ^= b
    _, index, inverse = distinct(mixed)
    rep = index[inverse]
    if not (np.array_equal(a[rep], a) and np.array_equal(b[rep], b)):
        rows = np.unique(np.stack([a, b], axis=1), axis=0)
        return rows[:, 0].copy(), rows[:, 1].copy()
    ua, ub = a[index], b[index]
    order = np.lexsort((ub, ua))
    return ua[order], ub[order]


def member(values: npt.NDArray[T], table: npt.NDArray[T]) -> npt.NDArray[np.bool_]:
    """``np.isin(values, table)`` for a small sorted unique ``table`` of uniformly spread hashes.

    A bitmap of the table's high bits rules out almost every value with one look-up; only the few values
    that pass it are searched in the table.

    Args:
        values: Unsigned integers (hashes).
        table: Sorted distinct values of the same dtype.

    Returns:
        One bool per value.

    >>> member(np.array([1, 5, 9, 5], dtype=np.uint32), np.array([5, 7], dtype=np.uint32)).tolist()
    [False, True, False, True]
    """
    out = np.zeros(values.shape[0], dtype=bool)
    if table.size == 0 or values.size == 0:
        return out
    width = values.dtype.itemsize * 8
    bits = min(width, max(12, min(24, int(table.shape[0]).bit_length() + 6)))
    shift = values.dtype.type(width - bits)
    bitmap = np.zeros(1 << bits, dtype=bool)
    bitmap[(table >> shift).astype(np.int64)] = True
    maybe = np.flatnonzero(bitmap[(values >> shift).astype(np.int64)])
    if maybe.size:
        cand = values[maybe]
        pos = np.minimum(np.searchsorted(table, cand), table.shape[0] - 1)
        out[maybe] = table[pos] == cand
    return out


_HASH32 = np.uint32(0x9E3779B1)


class ValueSet:
    """A set of uint32 values for fast membership tests: open addressing, at most a quarter full.

    Built once and probed many times (the template filter probes every shingle of the corpus): one
    multiply, one shift and one gather per value, into a table small enough for the cache; the few
    displaced keys are probed again.

    >>> ValueSet(np.array([5, 7], dtype=np.uint32)).contains(np.array([1, 5, 9, 7], dtype=np.uint32)).tolist()
    [False, True, False, True]
    """

    __slots__ = ("_bits", "_empty", "_keys", "size")

    def __init__(self, values: U32) -> None:
        values = sorted_unique(values.astype(np.uint32))
        self.size = int(values.shape[0])
        gap = np.flatnonzero(values != np.arange(values.shape[0], dtype=np.uint32))
        self._empty = np.uint32(gap[0] if gap.size else values.shape[0])  # a value not in the set
        self._bits = max(4, (4 * values.shape[0]).bit_length())
        self._keys = np.full(1 << self._bits, self._empty, dtype=np.uint32)
        slot = self._slots(values)
        mask = (1 << self._bits) - 1
        while values.size:
            free = np.flatnonzero(self._keys.take(slot) == self._empty)
            taken, first = np.unique(slot[free], return_index=True)
            self._keys[taken] = values[free[first]]
            rest = np.ones(values.shape[0], dtype=bool)
            rest[free[first]] = False
            values, slot = values[rest], (slot[rest] + 1) & mask

    def _slots(self, values: U32) -> npt.NDArray[np.intp]:
        out: npt.NDArray[np.intp] = ((values * _HASH32) >> np.uint32(32 - self._bits)).astype(np.intp)
        return out

    def contains(self, values: U32) -> npt.NDArray[np.bool_]:
        """One bool per value: whether it is in the set.

        Args:
            values: uint32 values.

        Returns:
            The membership mask.
        """
        if self.size == 0 or values.size == 0:
            return np.zeros(values.shape[0], dtype=bool)
        slot = self._slots(values)
        at = self._keys.take(slot)
        out: npt.NDArray[np.bool_] = at == values
        out &= at != self._empty  # a value equal to the empty marker is not in the set
        pending = np.flatnonzero(~out & (at != self._empty))
        mask = (1 << self._bits) - 1
        while pending.size:
            slot_p = (slot.take(pending) + 1) & mask
            slot[pending] = slot_p
            at_p = self._keys.take(slot_p)
            v = values.take(pending)
            live = at_p != self._empty
            out[pending[(at_p == v) & live]] = True
            pending = pending[(at_p != v) & live]
        return out
