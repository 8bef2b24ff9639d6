"""The order-independent keep rule and the duplicate scores: from cluster labels to a :class:`DedupResult`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .candidates import Mapper
from .minhash import I64, U32, U64
from .verify import verify_pairs

__all__ = ["DedupResult", "Id", "build_result"]

Id = str | int  # a stable key per document (``dedupe(..., ids=...)``)


@dataclass(frozen=True)
class DedupResult:
    """What :func:`newsclean.dedupe` found.

    Attributes:
        cluster_ids: One id per input; equal ids mean the same cluster. The id is the input index of the
            cluster's kept representative (so ``cluster_ids[i] == i`` exactly for kept documents).
        kept: Sorted input indices of the representatives (one per cluster, singletons included).
        duplicate_of: For every document that is not kept, ``(kept index, score)``; the score is the
            Jaccard resemblance of the document's shingle set to its representative's, on the 0-1 scale of
            ``threshold`` (1.0 for documents whose matching keys are identical). It can be below
            ``threshold`` when the document joined the cluster through another member, or as a truncated
            (contained) copy.

    >>> r = DedupResult([0, 0, 2], [0, 2], {1: (0, 1.0)})
    >>> r.n_clusters, r.removed
    (2, [1])
    """

    cluster_ids: list[int]
    kept: list[int]
    duplicate_of: dict[int, tuple[int, float]] = field(default_factory=dict)

    @property
    def n_clusters(self) -> int:
        """Number of clusters (kept documents)."""
        return len(self.kept)

    @property
    def removed(self) -> list[int]:
        """Sorted indices of the documents that are duplicates of a kept one."""
        return sorted(self.duplicate_of)


def build_result(
    texts: Sequence[str],
    labels: I64,
    key_hash: U64,
    length: I64,
    sets: U32,
    offsets: I64,
    *,
    ids: Sequence[Id] | None = None,
    known: tuple[I64, npt.NDArray[np.float64]] | None = None,
    mapper: Mapper = map,
) -> DedupResult:
    """Choose each cluster's representative by content and score every duplicate against it.

    Keep rule (independent of input order): the longest raw text; among equally long ones the smallest
    matching-key hash; among those (same key, same length, different bytes) the smallest blake2b hash of
    the raw text; among byte-identical texts the smallest id (``ids``: ints before strings), and only then
    the lowest input index (identical texts with no ids, or equal ids).

    Args:
        texts: The raw texts (only read to break rare ties).
        labels: Component label of each document (from :func:`newsclean.dedup.clusters.components`).
        key_hash: Matching-key hash of each document.
        length: ``len()`` of each raw text.
        sets: Shingle sets (CSR values) of every document.
        offsets: Their CSR offsets.
        ids: Optional stable key of each document, for ties between byte-identical texts.
        known: Accepted pairs with their resemblance (from verification): reused as scores.
        mapper: ``map`` or a pool's ``imap``, for :func:`verify_pairs`.

    Returns:
        The :class:`DedupResult`.
    """
    n = labels.shape[0]
    idx = np.arange(n, dtype=np.int64)
    order = np.lexsort((idx, key_hash, -length, labels))
    sl = labels[order]
    first = np.concatenate([[True], sl[1:] != sl[:-1]]) if n else np.zeros(0, dtype=bool)
    rep_of_label = np.empty(n, dtype=np.int64)
    reps = order[first]
    rep_of_label[labels[reps]] = reps
    # rare: the runner-up ties with the representative on (length, key hash) but is a different text
    second = np.flatnonzero(~first)
    tied = second[
        (sl[second] == sl[second - 1])
        & (length[order[second]] == length[order[second - 1]])
        & (key_hash[order[second]] == key_hash[order[second - 1]])
    ]
    if tied.size:  # all tied clusters at once: the members level with their representative
        _break_ties(texts, labels, key_hash, length, rep_of_label, sl[tied], ids)
    rep = rep_of_label[labels]
    dups = np.flatnonzero(rep != idx)
    scores = np.ones(dups.shape[0], dtype=np.float64)
    differ = np.flatnonzero(key_hash[dups] != key_hash[rep[dups]])
    if differ.size:
        a, b = dups[differ], rep[dups[differ]]
        codes = np.minimum(a, b) * n + np.maximum(a, b)
        todo = np.ones(differ.shape[0], dtype=bool)
        if known is not None and known[0].size:
            kc = known[0][:, 0].astype(np.int64) * n + known[0][:, 1]
            order_k = np.argsort(kc, kind="stable")
            kc = kc[order_k]
            pos = np.minimum(np.searchsorted(kc, codes), kc.shape[0] - 1)
            hit = kc[pos] == codes
            scores[differ[hit]] = known[1][order_k][pos[hit]]
            todo = ~hit
        if todo.any():
            pairs = np.stack([a[todo], b[todo]], axis=1)
            inter, sa, sb = verify_pairs(sets, offsets, pairs, mapper=mapper)
            union = sa + sb - inter
            scores[differ[todo]] = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
    rounded = [round(s, 6) for s in scores.tolist()]
    duplicate_of = dict(zip(dups.tolist(), zip(rep[dups].tolist(), rounded, strict=True), strict=True))
    kept = np.flatnonzero(rep == idx).tolist()
    return DedupResult(cluster_ids=rep.tolist(), kept=kept, duplicate_of=duplicate_of)


def _break_ties(
    texts: Sequence[str],
    labels: I64,
    key_hash: U64,
    length: I64,
    rep_of_label: I64,
    tied_labels: I64,
    ids: Sequence[Id] | None,
) -> None:
    """Among the members level with their representative, keep the smallest (raw hash, id, index)."""
    n = labels.shape[0]
    in_tied = np.zeros(n, dtype=bool)
    in_tied[tied_labels] = True
    cand = np.flatnonzero(in_tied[labels])
    top = rep_of_label[labels[cand]]
    cand = cand[(length[cand] == length[top]) & (key_hash[cand] == key_hash[top])]
    best: dict[int, tuple[bytes, tuple[int, int | str], int]] = {}
    for i, lab in zip(cand.tolist(), labels[cand].tolist(), strict=True):
        rank = (_raw_hash(texts[i]), _id_rank(ids[i]) if ids is not None else (0, 0), i)
        if lab not in best or rank < best[lab]:
            best[lab] = rank
    for lab, (_, _, i) in best.items():
        rep_of_label[lab] = i


def _id_rank(value: Id) -> tuple[int, int | str]:
    return (0, value) if isinstance(value, int) else (1, value)


def _raw_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
