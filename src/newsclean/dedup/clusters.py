"""From verified pairs and exact-duplicate groups to cluster labels (vectorised union-find)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .arrays import distinct
from .candidates import Mapper
from .config import DedupConfig
from .minhash import I64, U32, U64
from .verify import verify_pairs

__all__ = ["cluster_labels", "components", "exact_groups", "matching_pairs"]


def exact_groups(key_hash: U64) -> tuple[I64, npt.NDArray[np.bool_]]:
    """Group documents with equal matching keys.

    Args:
        key_hash: Key hash of each document.

    Returns:
        ``(group, first)``: the group number of each document (groups numbered by key hash, so content-based)
        and a mask with exactly one True per group — the member that enters LSH. Which member it is does not
        matter: all members have the same key, hence the same shingles.

    >>> g, f = exact_groups(np.array([9, 4, 9], dtype=np.uint64))
    >>> g.tolist(), f.tolist()
    ([1, 0, 1], [True, True, False])
    """
    _, first_idx, group = distinct(key_hash)
    first = np.zeros(key_hash.shape[0], dtype=bool)
    first[first_idx] = True
    return group.astype(np.int64).reshape(-1), first


def matching_pairs(
    sets: U32, offsets: I64, pairs: I64, cfg: DedupConfig, *, mapper: Mapper = map
) -> tuple[I64, npt.NDArray[np.float64]]:
    """Verify candidate pairs exactly and keep those the accept rule takes, with their resemblance.

    Args:
        sets: Shingle sets (CSR values) covering every document named in ``pairs``.
        offsets: CSR offsets over all documents.
        pairs: ``(m, 2)`` candidate pairs (global ids).
        cfg: The options (``threshold``, ``containment``).
        mapper: ``map`` or a pool's ``imap``, for :func:`verify_pairs`.

    Returns:
        ``(pairs, jaccard)`` of the accepted pairs, in the order given.
    """
    inter, sa, sb = verify_pairs(sets, offsets, pairs, mapper=mapper)
    ok, jac = cfg.accept(inter, sa, sb)
    return pairs[ok].reshape(-1, 2), jac[ok]


def cluster_labels(n: int, accepted: I64, key_hash: U64) -> I64:
    """Cluster labels from accepted pairs plus the exact-duplicate groups (see :func:`components`).

    The one place where accepted pairs and exact groups become clusters: :func:`newsclean.dedupe` and the
    Ray adapter both call it.

    Args:
        n: Number of documents.
        accepted: ``(m, 2)`` accepted pairs.
        key_hash: Matching-key hash of every document (exact duplicates share one).

    Returns:
        int64 labels.

    >>> cluster_labels(4, np.array([[0, 1]]), np.array([10, 11, 12, 12], dtype=np.uint64)).tolist()
    [0, 0, 2, 2]
    """
    group, first = exact_groups(key_hash)
    first_of_group = np.empty(int(group.max()) + 1 if group.size else 0, dtype=np.int64)
    first_of_group[group[first]] = np.flatnonzero(first)
    exact = np.stack([np.arange(n, dtype=np.int64), first_of_group[group]], axis=1)
    edges = np.concatenate([accepted.astype(np.int64).reshape(-1, 2), exact[exact[:, 0] != exact[:, 1]]])
    return components(n, edges)


def components(n: int, edges: I64) -> I64:
    """Connected components of ``n`` nodes: each node labelled with the smallest node of its component.

    Vectorised union-find: min-label propagation along the edges with pointer jumping until stable.

    Args:
        n: Number of nodes.
        edges: ``(m, 2)`` int64 node pairs.

    Returns:
        int64 labels; equal labels, same component.

    >>> components(5, np.array([[3, 4], [0, 3]], dtype=np.int64)).tolist()
    [0, 1, 2, 0, 0]
    """
    labels = np.arange(n, dtype=np.int64)
    if edges.size == 0:
        return labels
    a, b = edges[:, 0], edges[:, 1]
    while True:
        low = np.minimum(labels[a], labels[b])
        before = labels.copy()
        np.minimum.at(labels, a, low)
        np.minimum.at(labels, b, low)
        while True:  # pointer jumping: labels always point at a smaller node of the same component
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels, before):
            return labels
