"""LSH candidates: band keys, buckets found by sorting, pairs bounded per bucket, a signature prefilter.

Candidate generation grows linearly with the corpus: every band is one sort of ``n`` packed integers, a
bucket of ``m`` members gives at most ``m * window`` pairs, and the pairs that the signatures already rule
out (:func:`prefilter`: set sizes, containment bound, slot agreement) never reach exact verification.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
import numpy.typing as npt

from .arrays import sorted_unique
from .minhash import I64, U32, U64, mix64to32

__all__ = ["Mapper", "band_keys", "candidate_pairs", "fingerprints", "prefilter"]

# ``map``, or the ``imap`` of a thread pool: the phases run independent blocks through it
Mapper = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]
U8 = npt.NDArray[np.uint8]
WINDOW = 32  # pairs per member in a bucket: buckets up to WINDOW + 1 members give all their pairs
_FALSE_AGREE = 1.0 / 256.0  # two different slots agree on their low byte by chance


def band_keys(sig: U32, bands: int, rows: int, seed: int) -> U32:
    """Hash each band of ``rows`` signature slots to one uint32 bucket key.

    Args:
        sig: ``(n, num_perm)`` signatures with ``bands * rows <= num_perm``.
        bands: Number of bands.
        rows: Slots per band.
        seed: Params seed (keys of different seeds never meet).

    Returns:
        ``(n, bands)`` uint32 keys; two documents are LSH candidates if a column holds equal keys. A key
        collision of different bands' contents is a false candidate, removed by verification.

    >>> s = np.arange(12, dtype=np.uint32).reshape(2, 6)
    >>> band_keys(s, 2, 3, 1).shape, bool((band_keys(s, 2, 3, 1) == band_keys(s, 2, 3, 1)).all())
    ((2, 2), True)
    """
    n = sig.shape[0]
    acc = np.full((n, bands), np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
    acc += np.arange(bands, dtype=np.uint64)[None, :]
    block = sig[:, : bands * rows].reshape(n, bands, rows)
    for r in range(rows):
        acc ^= block[:, :, r]
        acc *= np.uint64(0x100000001B3)
        acc ^= acc >> np.uint64(29)
    out: U32 = mix64to32(acc)
    return out


def fingerprints(sig: U32) -> U8:
    """The low byte of every signature slot: 1 byte per slot kept for :func:`prefilter`.

    Args:
        sig: ``(n, num_perm)`` signatures.

    Returns:
        ``(n, num_perm)`` uint8.
    """
    out: U8 = (sig & np.uint32(0xFF)).astype(np.uint8)
    return out


def candidate_pairs(
    keys: U32, rank: U64, valid: npt.NDArray[np.bool_], *, window: int = WINDOW, mapper: Mapper = map
) -> I64:
    """Pairs of documents sharing a bucket in any band, found by sorting band keys (no dict of lists).

    Inside a bucket, members are ordered by ``rank`` (a content hash, ties by index), and each is paired
    with the next ``window`` members. The pair set therefore depends on content only, not on input order.

    Args:
        keys: ``(bands, n)`` band-major keys (the transpose of :func:`band_keys`'s output).
        rank: Content rank of each document (its ``key_hash``).
        valid: Documents allowed in buckets (non-empty, one per exact-duplicate group).
        window: Pairs per member in oversized buckets.
        mapper: ``map`` or a pool's ``imap`` (bands are independent).

    Returns:
        ``(m, 2)`` int64 unique pairs ``(i, j)`` with ``i < j``, sorted.

    >>> k = np.array([[7, 7, 9, 7], [1, 2, 3, 4]], dtype=np.uint32)
    >>> candidate_pairs(k, np.arange(4, dtype=np.uint64), np.ones(4, bool)).tolist()
    [[0, 1], [0, 3], [1, 3]]
    """
    ids = np.flatnonzero(valid).astype(np.int64)
    ids = ids[np.argsort(rank[ids], kind="stable")]  # rank order once; ties by index
    m, n = ids.shape[0], keys.shape[1]
    position = np.arange(m, dtype=np.uint64)

    def band(b: int) -> I64:
        packed = keys[b, ids].astype(np.uint64)
        packed <<= np.uint64(32)
        packed |= position  # equal keys stay in rank order
        packed.sort()
        bucket = packed >> np.uint64(32)
        member = ids[(packed & np.uint64(0xFFFFFFFF)).astype(np.intp)]
        found: list[I64] = []
        for d in range(1, window + 1):
            hit = np.flatnonzero(bucket[d:] == bucket[:-d])
            if hit.size == 0:
                break
            a, c = member[hit], member[hit + d]
            found.append(np.minimum(a, c) * n + np.maximum(a, c))
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    codes = [c for c in mapper(band, range(keys.shape[0])) if c.size]
    if not codes:
        return np.zeros((0, 2), dtype=np.int64)
    unique = sorted_unique(np.concatenate(codes))  # one int64 code per pair sorts as the pairs do
    return np.stack([unique // n, unique % n], axis=1)


def prefilter(
    pairs: I64,
    sizes: I64,
    prints: U8,
    *,
    threshold: float,
    containment: float | None,
    block: int = 1 << 13,
) -> npt.NDArray[np.bool_]:
    """Which candidate pairs may still match: the rest are ruled out by their signatures alone.

    A pair can match only if its resemblance can reach the lowest value the accept rule allows for its
    set sizes ``s <= l``: ``threshold``, or by containment ``max(threshold / 2, c * s / (l + (1 - c) * s))``
    (``c`` = ``containment``; ``|A ∩ B| >= c * s`` forces that resemblance). Set sizes alone bound the
    resemblance by ``s / l``. The share of agreeing slot bytes estimates the resemblance (corrected for
    chance agreement); a pair more than four standard deviations below its bound is dropped. Sets smaller
    than the signature are always kept (densified slots are noisier there, and verifying them is cheap).

    Args:
        pairs: ``(m, 2)`` candidate pairs.
        sizes: Shingle-set size of every document.
        prints: ``(n, num_perm)`` from :func:`fingerprints`.
        threshold: Resemblance threshold.
        containment: Containment threshold, or None.
        block: Pairs compared per step (bounds the temporaries).

    Returns:
        One bool per pair: True to verify it exactly.
    """
    m = pairs.shape[0]
    keep = np.zeros(m, dtype=bool)
    slots = prints.shape[1]
    for lo in range(0, m, block):
        a, b = pairs[lo : lo + block, 0], pairs[lo : lo + block, 1]
        sa, sb = sizes[a], sizes[b]
        small = np.minimum(sa, sb).astype(np.float64)
        large = np.maximum(np.maximum(sa, sb), 1).astype(np.float64)
        if containment is None:
            need = np.full(small.shape[0], threshold)
        else:
            forced = containment * small / (large + (1.0 - containment) * small)
            need = np.minimum(threshold, np.maximum(threshold / 2, forced))
        agree = np.count_nonzero(prints[a] == prints[b], axis=1) / slots
        estimate = (agree - _FALSE_AGREE) / (1.0 - _FALSE_AGREE)
        margin = 4.0 * np.sqrt(need * (1.0 - need) / slots) + 2.0 / slots
        possible = small / large >= need
        keep[lo : lo + block] = possible & ((estimate >= need - margin) | (small < slots))
    return keep
