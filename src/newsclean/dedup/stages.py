"""Engine-neutral dedup phases: each takes and returns plain numpy arrays, so any engine can run them.

:func:`newsclean.dedupe` is exactly this sequence on one machine; a distributed engine (Ray Data, Spark,
Slurm jobs over Parquet files) gets the *same* result by running the same phases with a shuffle between:

1. per batch (map): ``feats = featurize(texts, params.seed)``; emit ``doc_line_hashes(feats, max_tokens)``
   (one row per document and distinct short line);
2. global (reduce): ``boiler = boilerplate_lines(all_rows, min_docs)`` — a sorted array of line hashes,
   small enough to broadcast;
3. per batch (map): ``sets, offsets = shingle_sets(feats, boiler, params)``;
   ``sig = signatures(sets, offsets, params)``; ``keys = band_keys(sig, bands, rows, params.seed)``;
   keep ``feats.key_hash``, ``feats.length``, ``sets``/``offsets`` with global document ids;
4. group by (band, key) (shuffle): ``candidate_pairs(keys, rank, valid)`` on each group's rows gives the
   pairs (global ids); ``rank`` is ``key_hash`` and ``valid`` excludes empty documents and all but one
   member of each exact-duplicate group (see :func:`exact_groups`);
5. join each pair with both documents' ``sets`` and run ``verify_pairs``; keep the pairs that pass
   :func:`accept`;
6. global: :func:`newsclean.dedup.index.build_result` runs union-find on the accepted pairs plus the exact
   groups and applies the keep rule.

Every choice in these phases depends on document content only (hashes, lengths), never on input order or on
the batch a document fell in, except the boilerplate counts of phase 2, which are global by design.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .features import BatchFeatures
from .minhash import (
    I64,
    U32,
    U64,
    MinHashParams,
    mix64to32,
    shingle_values,
    signatures_from_sets,
    unique_sets,
)

__all__ = [
    "accept",
    "band_keys",
    "boilerplate_lines",
    "candidate_pairs",
    "doc_line_hashes",
    "exact_groups",
    "shingle_sets",
    "signatures",
    "verify_pairs",
]

_EMPTY = np.uint32(0xFFFFFFFF)


def doc_line_hashes(feats: BatchFeatures, max_tokens: int) -> U64:
    """Distinct hashes of the short lines of each document, one row per (document, line), as a flat array.

    Only lines of at most ``max_tokens`` tokens can be template lines; long lines (paragraphs) never are.
    A line repeated inside one document counts once.

    Args:
        feats: Features of a batch.
        max_tokens: Longest line (in tokens) that may count as a template line.

    Returns:
        uint64 line hashes, each (document, line) once. Concatenate these over all batches and pass them to
        :func:`boilerplate_lines`.
    """
    doc_of_line = np.repeat(np.arange(feats.n_docs, dtype=np.uint64), feats.doc_lines)
    short = feats.line_len <= max_tokens
    pairs = np.unique(np.stack([doc_of_line[short], feats.line_hash[short]], axis=1), axis=0)
    return pairs[:, 1].copy() if pairs.size else np.zeros(0, dtype=np.uint64)


def boilerplate_lines(line_hashes: U64, min_docs: int) -> U64:
    """Line hashes found in at least ``min_docs`` documents: what many documents share is a template.

    Args:
        line_hashes: Output of :func:`doc_line_hashes` over the whole corpus (concatenated).
        min_docs: Document frequency from which a short line is a template line.

    Returns:
        Sorted unique uint64 hashes of template lines.

    >>> boilerplate_lines(np.array([5, 7, 5, 5, 7], dtype=np.uint64), 3).tolist()
    [5]
    """
    values, counts = np.unique(line_hashes, return_counts=True)
    return values[counts >= min_docs]


def shingle_sets(
    feats: BatchFeatures, boiler: U64, params: MinHashParams, *, max_tokens: int
) -> tuple[U32, I64]:
    """Per-document sorted sets of shingle values, template lines left out.

    Tokens of short lines whose hash is in ``boiler`` are dropped before shingling; a document left with
    fewer tokens than the shingle size keeps all its tokens (it is all template, and must still match its
    own copies).

    Args:
        feats: Features of a batch.
        boiler: Output of :func:`boilerplate_lines`.
        params: Signature params.
        max_tokens: The same value given to :func:`doc_line_hashes`.

    Returns:
        ``(sets, offsets)`` in CSR layout, one set per document of the batch.
    """
    drop_line = np.isin(feats.line_hash, boiler) & (feats.line_len <= max_tokens)
    keep_tok = np.repeat(~drop_line, feats.line_len)
    doc_tokens = feats.doc_tokens()
    kept_cum = np.concatenate([[0], np.cumsum(keep_tok, dtype=np.int64)])
    doc_ends = np.cumsum(doc_tokens)
    kept_per_doc = kept_cum[doc_ends] - kept_cum[doc_ends - doc_tokens]
    fallback = kept_per_doc < np.minimum(params.shingle, doc_tokens)
    keep_tok |= np.repeat(fallback, doc_tokens)
    lengths = np.where(fallback, doc_tokens, kept_per_doc).astype(np.int64)
    tokens = feats.tokens[keep_tok]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    values, owner = shingle_values(tokens, starts, lengths, params)
    return unique_sets(values, owner, feats.n_docs)


def signatures(sets: U32, offsets: I64, params: MinHashParams) -> U32:
    """MinHash signatures of a batch: ``(n_docs, num_perm)`` uint32 (see :mod:`newsclean.dedup.minhash`).

    Args:
        sets: Shingle sets from :func:`shingle_sets`.
        offsets: Their CSR offsets.
        params: Signature params.

    Returns:
        The signature matrix; a document with no shingle has every slot ``0xFFFFFFFF``.
    """
    return signatures_from_sets(sets, offsets, params)


def band_keys(sig: U32, bands: int, rows: int, seed: int) -> U64:
    """Hash each band of ``rows`` signature slots to one uint64 bucket key.

    Args:
        sig: ``(n, num_perm)`` signatures with ``bands * rows <= num_perm``.
        bands: Number of bands.
        rows: Slots per band.
        seed: Params seed (keys of different seeds never meet).

    Returns:
        ``(n, bands)`` uint64 keys; two documents are LSH candidates if any column holds equal keys.
    """
    n = sig.shape[0]
    acc = np.full((n, bands), np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
    acc += np.arange(bands, dtype=np.uint64)[None, :]
    block = sig[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    for r in range(rows):
        acc = (acc ^ block[:, :, r]) * np.uint64(0x100000001B3)
        acc ^= acc >> np.uint64(29)
    hi = mix64to32(acc).astype(np.uint64) << np.uint64(32)
    out: U64 = hi | mix64to32(acc ^ np.uint64(0xA5A5A5A5A5A5A5A5)).astype(np.uint64)
    return out


def candidate_pairs(keys: U64, rank: U64, valid: npt.NDArray[np.bool_], *, window: int = 32) -> I64:
    """Pairs of documents sharing a bucket in any band, found by sorting band keys (no dict of lists).

    Inside a bucket, members are ordered by ``rank`` (a content hash), and each is paired with the next
    ``window`` members; buckets up to ``window + 1`` members give all their pairs. The pair set therefore
    depends on content only, not on input order.

    Args:
        keys: ``(n, bands)`` from :func:`band_keys`.
        rank: Content rank of each document (its ``key_hash``).
        valid: Documents allowed in buckets (non-empty, one per exact-duplicate group).
        window: Pairs per member in oversized buckets.

    Returns:
        ``(m, 2)`` int64 unique pairs ``(i, j)`` with ``i < j``.
    """
    ids = np.flatnonzero(valid).astype(np.int64)
    out: list[I64] = []
    for b in range(keys.shape[1]):
        col = keys[ids, b]
        order = np.lexsort((rank[ids], col))
        sk, sid = col[order], ids[order]
        same = sk[1:] == sk[:-1]
        if not same.any():
            continue
        # run lengths tell how far to look: max distance inside a run
        run_start = np.flatnonzero(np.concatenate([[True], ~same]))
        run_len = np.diff(np.concatenate([run_start, [sk.shape[0]]]))
        reach = min(window, int(run_len.max()) - 1)
        for d in range(1, reach + 1):
            hit = sk[d:] == sk[:-d]
            if not hit.any():
                break
            a, c = sid[:-d][hit], sid[d:][hit]
            out.append(np.stack([np.minimum(a, c), np.maximum(a, c)], axis=1))
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(out), axis=0)


def verify_pairs(sets: U32, offsets: I64, pairs: I64, *, block: int = 65536) -> tuple[I64, I64, I64]:
    """Exact intersection sizes of the shingle sets of each pair (vectorised, in blocks of pairs).

    Args:
        sets: Shingle sets (CSR values) covering every document named in ``pairs``.
        offsets: CSR offsets.
        pairs: ``(m, 2)`` document indices.
        block: Pairs handled per vectorised step (bounds memory).

    Returns:
        ``(intersection, size_a, size_b)`` int64 arrays of length m.
    """
    m = pairs.shape[0]
    sizes = np.diff(offsets)
    inter = np.zeros(m, dtype=np.int64)
    for lo in range(0, m, block):
        chunk = pairs[lo : lo + block]
        vals_a, own_a = _gather(sets, offsets, chunk[:, 0])
        vals_b, own_b = _gather(sets, offsets, chunk[:, 1])
        keys = np.sort(
            np.concatenate(
                [
                    (own_a.astype(np.uint64) << np.uint64(32)) | vals_a.astype(np.uint64),
                    (own_b.astype(np.uint64) << np.uint64(32)) | vals_b.astype(np.uint64),
                ]
            )
        )
        dup = keys[1:] == keys[:-1]
        owners = (keys[1:][dup] >> np.uint64(32)).astype(np.int64)
        inter[lo : lo + chunk.shape[0]] = np.bincount(owners, minlength=chunk.shape[0])
    return inter, sizes[pairs[:, 0]], sizes[pairs[:, 1]]


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


def exact_groups(key_hash: U64) -> tuple[I64, npt.NDArray[np.bool_]]:
    """Group documents with equal matching keys.

    Args:
        key_hash: Key hash of each document.

    Returns:
        ``(group, first)``: the group number of each document (groups numbered by key hash, so content-based)
        and a mask with exactly one True per group — the member that enters LSH. Which member it is does not
        matter: all members have the same key, hence the same shingles.
    """
    _, first_idx, group = np.unique(key_hash, return_index=True, return_inverse=True)
    first = np.zeros(key_hash.shape[0], dtype=bool)
    first[first_idx] = True
    return group.astype(np.int64).reshape(-1), first


def _gather(sets: U32, offsets: I64, docs: I64) -> tuple[U32, I64]:
    """Concatenate the sets of ``docs`` with, for each value, the position of its document in ``docs``."""
    lens = offsets[docs + 1] - offsets[docs]
    total = int(lens.sum())
    owner = np.repeat(np.arange(docs.shape[0], dtype=np.int64), lens)
    starts = np.repeat(offsets[docs] - np.concatenate([[0], np.cumsum(lens)[:-1]]), lens)
    return sets[np.arange(total, dtype=np.int64) + starts], owner
