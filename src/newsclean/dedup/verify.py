"""Exact verification of candidate pairs: intersection sizes of sorted shingle sets, and the accept rule."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .candidates import Mapper
from .minhash import I64, U32

__all__ = ["accept", "gather", "verify_pairs"]

_BLOCK = 1 << 11  # pairs per vectorised step (bounds the temporaries: about 13 bytes per shingle)


def verify_pairs(sets: U32, offsets: I64, pairs: I64, *, mapper: Mapper = map) -> tuple[I64, I64, I64]:
    """Exact intersection sizes of the shingle sets of each pair (vectorised, in blocks of pairs).

    In a block, each side's sets are laid out pair after pair with every value tagged by its pair's
    position (``position << 32 | value``): each side is then one sorted array, so a stable sort of the two
    sides together is a merge of two runs, and a common value shows as two equal neighbours.

    Args:
        sets: Shingle sets (CSR values, each sorted) covering every document named in ``pairs``.
        offsets: CSR offsets.
        pairs: ``(m, 2)`` document indices.
        mapper: ``map`` or a pool's ``imap`` (blocks are independent; results are kept in order).

    Returns:
        ``(intersection, size_a, size_b)`` int64 arrays of length m.

    >>> sets = np.array([1, 4, 6, 2, 4, 6, 9], dtype=np.uint32)
    >>> verify_pairs(sets, np.array([0, 3, 7]), np.array([[0, 1]]))[0].tolist()
    [2]
    """
    m = pairs.shape[0]
    sizes = np.diff(offsets)

    def count(lo: int) -> I64:
        chunk = pairs[lo : lo + _BLOCK]
        merged = np.concatenate([_tagged(sets, offsets, chunk[:, 0]), _tagged(sets, offsets, chunk[:, 1])])
        merged.sort(kind="stable")
        same = merged[1:] == merged[:-1]
        owners = (merged[1:][same] >> np.uint64(32)).astype(np.intp)
        out: I64 = np.bincount(owners, minlength=chunk.shape[0]).astype(np.int64)
        return out

    parts = list(mapper(count, range(0, m, _BLOCK)))
    inter = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return inter, sizes[pairs[:, 0]], sizes[pairs[:, 1]]


def _tagged(sets: U32, offsets: I64, docs: I64) -> npt.NDArray[np.uint64]:
    """The sets of ``docs`` concatenated, each value tagged ``position << 32 | value`` (a sorted array)."""
    values, lens = gather(sets, offsets, docs)
    out = np.repeat(np.arange(docs.shape[0], dtype=np.uint64) << np.uint64(32), lens)
    out |= values
    return out


def gather(sets: U32, offsets: I64, docs: I64) -> tuple[U32, I64]:
    """Concatenate the sets of ``docs`` (one slice copy per document).

    Args:
        sets: CSR values.
        offsets: CSR offsets.
        docs: Document indices.

    Returns:
        ``(values, lengths)``: the concatenated sets and each one's length.

    >>> v, n = gather(np.array([5, 6, 7], np.uint32), np.array([0, 2, 3]), np.array([1, 0]))
    >>> v.tolist(), n.tolist()
    ([7, 5, 6], [1, 2])
    """
    starts, ends = offsets[docs], offsets[docs + 1]
    if docs.shape[0] == 0:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    values = np.concatenate([sets[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)])
    return values, ends - starts


def accept(
    inter: I64, size_a: I64, size_b: I64, *, threshold: float, containment: float | None
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Decide which verified pairs are near-duplicates, and their Jaccard resemblance.

    A pair matches when its Jaccard resemblance ``|A ∩ B| / |A ∪ B|`` reaches ``threshold``, or when the
    smaller set is almost wholly inside the larger one (``|A ∩ B| / min(|A|, |B|) >= containment``) *and*
    the resemblance still reaches ``threshold / 2`` — a truncated copy. Containment alone is not enough: an
    article quoting a long passage of another is largely "contained" too.

    Args:
        inter: Intersection sizes.
        size_a: Set sizes of the first documents.
        size_b: Set sizes of the second documents.
        threshold: Resemblance threshold.
        containment: Containment threshold, or None to use resemblance only.

    Returns:
        ``(matched, jaccard)``.

    >>> m, j = accept(np.array([50, 48]), np.array([100, 50]), np.array([60, 120]), threshold=0.5,
    ...               containment=0.9)
    >>> m.tolist(), j.round(3).tolist()
    ([False, True], [0.455, 0.393])
    """
    union = size_a + size_b - inter
    jac = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
    matched = jac >= threshold
    if containment is not None:
        small = np.minimum(size_a, size_b)
        con = np.where(small > 0, inter / np.maximum(small, 1), 0.0)
        matched |= (con >= containment) & (jac >= threshold / 2)
    return matched, jac
