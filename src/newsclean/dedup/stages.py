"""Engine-neutral dedup phases: each takes and returns plain numpy arrays, so any engine can run them.

:func:`newsclean.dedupe` is exactly this sequence on one machine; a distributed engine (Ray Data, Spark,
Slurm jobs over Parquet files) gets the *same* result by running the same phases with a shuffle between:

1. per batch (map): ``feats = featurize(texts, params.seed)``; emit ``doc_line_rows(feats, max_tokens)``
   (one row per document and distinct short line);
2. global (reduce): ``boiler = boilerplate_lines(hashes, min_docs)`` — a sorted array of line hashes,
   small enough to broadcast; then ``template = union of template_shingles(feats, boiler, ...)`` over batches;
3. per batch (map): ``sets, offsets = shingle_sets(feats, boiler, params, template=template)``;
   ``sig = signatures(sets, offsets, params)``; ``keys = band_keys(sig, bands, rows, params.seed)``;
   keep ``feats.key_hash``, ``feats.length``, ``sets``/``offsets`` with global document ids;
4. group by (band, key) (shuffle): ``candidate_pairs(keys, rank, valid)`` on each group's rows gives the
   pairs (global ids); ``rank`` is ``key_hash`` and ``valid`` excludes empty documents and all but one
   member of each exact-duplicate group (see :func:`exact_groups`);
5-6. join each pair with both documents' ``sets``; :func:`merge_labels` verifies the pairs
   (:func:`verify_pairs`, then :func:`accept` with the :class:`DedupConfig`), adds the exact groups and
   labels the clusters by union-find (:func:`components`): the first-pass labels;
7. refinement: ``boiler2 = boilerplate_lines(hashes, min_docs, groups=labels[docs])`` counts each line once
   per first-pass cluster; if it differs from ``boiler``, run phases 3-6 again with it (a syndicated
   article's own short lines stop counting as template). ``boiler2`` is a subset of ``boiler``, so only
   documents with a line in ``boiler - boiler2`` (:func:`has_lines`) or that lost a shingle to the first
   template set (``shingle_sets(..., touched=...)``) can get another set; the others keep theirs;
8. :func:`newsclean.dedup.index.build_result` applies the keep rule and scores duplicates.

Every choice in these phases depends on document content only (hashes, lengths), never on input order or on
the batch a document fell in, except the boilerplate counts of phase 2, which are global by design.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
import numpy.typing as npt

from .arrays import distinct, distinct_pairs, member, sorted_unique, stable_order, value_counts
from .config import DEFAULT_THRESHOLD, DedupConfig
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
    "DEFAULT_THRESHOLD",
    "DedupConfig",
    "accept",
    "band_keys",
    "boilerplate_lines",
    "candidate_pairs",
    "components",
    "doc_line_rows",
    "exact_groups",
    "has_lines",
    "merge_labels",
    "shingle_sets",
    "signatures",
    "template_line_shingles",
    "template_shingles",
    "verify_pairs",
]

# ``map``, or the ``imap`` of a thread pool: the phases below run independent blocks through it
Mapper = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]


def doc_line_rows(feats: BatchFeatures, max_tokens: int) -> tuple[I64, U64]:
    """The distinct short lines of each document, one row per (document, line).

    Only lines of at most ``max_tokens`` tokens can be template lines; long lines (paragraphs) never are.
    A line repeated inside one document counts once.

    Args:
        feats: Features of a batch.
        max_tokens: Longest line (in tokens) that may count as a template line.

    Returns:
        ``(docs, hashes)``: batch-local document index and line hash of each row. Concatenate the rows of all
        batches (with global document ids) and pass them to :func:`boilerplate_lines`.
    """
    doc_of_line = np.repeat(np.arange(feats.n_docs, dtype=np.uint64), feats.doc_lines)
    short = feats.line_len <= max_tokens
    docs, hashes = distinct_pairs(doc_of_line[short], feats.line_hash[short])
    return docs.astype(np.int64), hashes


def boilerplate_lines(hashes: U64, min_docs: int, groups: I64 | None = None, *, mapper: Mapper = map) -> U64:
    """Line hashes found in at least ``min_docs`` documents (or groups): a template is what many share.

    Counting groups instead of documents (``groups``: the cluster label of each row's document, from a
    first pass) keeps a widely syndicated article's own lines from counting as a template: its copies are
    one cluster, while a template spans many different articles.

    Args:
        hashes: Line hashes of the rows from :func:`doc_line_rows` over the whole corpus.
        min_docs: Number of documents (groups) from which a short line is a template line.
        groups: Optional group of each row; rows of one group count once.
        mapper: ``map`` or a pool's ``imap`` (the two halves of the hash range are counted apart).

    Returns:
        Sorted unique uint64 hashes of template lines.

    >>> boilerplate_lines(np.array([5, 7, 5, 5, 7], dtype=np.uint64), 3).tolist()
    [5]
    >>> boilerplate_lines(np.array([5, 7, 5, 5, 7], dtype=np.uint64), 3, np.array([0, 0, 0, 1, 1])).tolist()
    []
    """

    def count(part: npt.NDArray[np.bool_] | None) -> U64:
        h = hashes if part is None else hashes[part]
        if groups is not None:
            h = distinct_pairs((groups if part is None else groups[part]).astype(np.uint64), h)[1]
        values, counts = value_counts(h)
        found: U64 = values[counts >= min_docs]
        return found

    if mapper is map or hashes.shape[0] < 1 << 16:
        return count(None)
    # two halves by the top bit of the hash: counted independently, and concatenated they stay sorted
    top = (hashes >> np.uint64(63)).astype(bool)
    low, high = mapper(count, [~top, top])
    out: U64 = np.concatenate([low, high])
    return out


def _template_mask(feats: BatchFeatures, boiler: U64, max_tokens: int) -> npt.NDArray[np.bool_]:
    return member(feats.line_hash, boiler) & (feats.line_len <= max_tokens)


def template_shingles(feats: BatchFeatures, boiler: U64, params: MinHashParams, *, max_tokens: int) -> U32:
    """Shingle values found inside template lines (each template line shingled on its own).

    Removing these from every document, and not only the template lines' tokens, keeps the comparison
    symmetric: a passage that is a separate (template-counted) line in some copies and part of a longer
    line in another loses the same shingles in all of them.

    Args:
        feats: Features of a batch.
        boiler: Output of :func:`boilerplate_lines`.
        params: Signature params.
        max_tokens: The same value given to :func:`doc_line_rows`.

    Returns:
        Sorted unique uint32 values. In a distributed run, take the union over all batches.
    """
    return sorted_unique(template_line_shingles(feats, boiler, params, max_tokens=max_tokens)[0])


def template_line_shingles(
    feats: BatchFeatures, boiler: U64, params: MinHashParams, *, max_tokens: int
) -> tuple[U32, U64]:
    """The shingle values of every template line, with the hash of the line each comes from.

    With the line hashes, the template shingles of a smaller set of template lines (the refinement pass)
    are a filter of these: ``sorted_unique(values[member(lines, smaller)])``. Arguments as for
    :func:`template_shingles`.

    Returns:
        ``(values, line_hashes)``, one entry per distinct pair (template lines recur: few pairs).
    """
    drop_line = _template_mask(feats, boiler, max_tokens)
    keep_tok = np.repeat(drop_line, feats.line_len)
    lengths = feats.line_len[drop_line]
    starts = (np.cumsum(lengths) - lengths).astype(np.int64)
    values, owner = shingle_values(feats.tokens[keep_tok], starts, lengths, params)
    lines, distinct_values = distinct_pairs(feats.line_hash[drop_line][owner], values.astype(np.uint64))
    return distinct_values.astype(np.uint32), lines


def has_lines(feats: BatchFeatures, hashes: U64, max_tokens: int) -> npt.NDArray[np.bool_]:
    """Which documents have a short line (at most ``max_tokens`` tokens) whose hash is in ``hashes``.

    Args:
        feats: Features of a batch.
        hashes: Line hashes (for instance the lines whose template status changed).
        max_tokens: The same value given to :func:`doc_line_rows`.

    Returns:
        One bool per document.
    """
    doc_of_line = np.repeat(np.arange(feats.n_docs, dtype=np.int64), feats.doc_lines)
    hit = member(feats.line_hash, hashes) & (feats.line_len <= max_tokens)
    out: npt.NDArray[np.bool_] = np.bincount(doc_of_line[hit], minlength=feats.n_docs) > 0
    return out


def shingle_sets(
    feats: BatchFeatures,
    boiler: U64,
    params: MinHashParams,
    *,
    max_tokens: int,
    template: U32 | None = None,
    touched: npt.NDArray[np.bool_] | None = None,
) -> tuple[U32, I64]:
    """Per-document sorted sets of shingle values, template lines left out.

    Tokens of short lines whose hash is in ``boiler`` are dropped before shingling, and shingle values in
    ``template`` (from :func:`template_shingles`) are dropped after. A document left with no shingle keeps
    its full set (it is all template, or all widely shared, and must still match its own copies).

    Args:
        feats: Features of a batch.
        boiler: Output of :func:`boilerplate_lines`.
        params: Signature params.
        max_tokens: The same value given to :func:`doc_line_rows`.
        template: Output of :func:`template_shingles` over the whole corpus (None: computed from ``feats``).
        touched: Optional bool array, one per document, set True here for each document that lost a shingle
            to ``template`` (a document not touched and without a changed template line keeps its set when
            the template lines shrink: see :func:`newsclean.dedupe`'s second pass).

    Returns:
        ``(sets, offsets)`` in CSR layout, one set per document of the batch.
    """
    if template is None:
        template = template_shingles(feats, boiler, params, max_tokens=max_tokens)
    drop_line = _template_mask(feats, boiler, max_tokens)
    keep_tok = np.repeat(~drop_line, feats.line_len)
    doc_tokens = feats.doc_tokens()
    doc_starts = (np.cumsum(doc_tokens) - doc_tokens).astype(np.int64)
    kept_cum = np.concatenate([[0], np.cumsum(keep_tok, dtype=np.int64)])
    kept_per_doc = kept_cum[doc_starts + doc_tokens] - kept_cum[doc_starts]
    starts = (np.cumsum(kept_per_doc) - kept_per_doc).astype(np.int64)
    values, owner = shingle_values(feats.tokens[keep_tok], starts, kept_per_doc, params)
    if template.size:
        keep = ~member(values, template)
        if touched is not None:
            touched[owner[~keep]] = True
        values, owner = values[keep], owner[keep]
    sets, offsets = unique_sets(values, owner, feats.n_docs)
    empty = (np.diff(offsets) == 0) & (doc_tokens > 0)
    if not empty.any():
        return sets, offsets
    # documents left empty: their full shingle sets, unfiltered
    rows = np.flatnonzero(empty)
    lens = doc_tokens[rows]
    sub_vals, sub_owner = shingle_values(
        feats.tokens[np.repeat(empty, doc_tokens)],
        (np.cumsum(lens) - lens).astype(np.int64),
        lens,
        params,
    )
    old_owner = np.repeat(np.arange(feats.n_docs, dtype=np.int64), np.diff(offsets))
    return unique_sets(
        np.concatenate([sets, sub_vals]), np.concatenate([old_owner, rows[sub_owner]]), feats.n_docs
    )


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


def candidate_pairs(
    keys: U64, rank: U64, valid: npt.NDArray[np.bool_], *, window: int = 32, mapper: Mapper = map
) -> I64:
    """Pairs of documents sharing a bucket in any band, found by sorting band keys (no dict of lists).

    Inside a bucket, members are ordered by ``rank`` (a content hash), and each is paired with the next
    ``window`` members; buckets up to ``window + 1`` members give all their pairs. The pair set therefore
    depends on content only, not on input order.

    Args:
        keys: ``(n, bands)`` from :func:`band_keys`.
        rank: Content rank of each document (its ``key_hash``).
        valid: Documents allowed in buckets (non-empty, one per exact-duplicate group).
        window: Pairs per member in oversized buckets.
        mapper: ``map`` or a pool's ``imap`` (groups of bands are independent).

    Returns:
        ``(m, 2)`` int64 unique pairs ``(i, j)`` with ``i < j``.
    """
    ids = np.flatnonzero(valid).astype(np.int64)
    ids = ids[np.argsort(rank[ids], kind="stable")]  # rank order once; stable sorts keep it
    m, bands = ids.shape[0], keys.shape[1]
    # several bands per sort (band-major, so each band's members stay in rank order), about 512k keys at a
    # time; keys of different bands never meet (``band_keys`` mixes the band into every key), and a pair
    # is only a candidate, verified exactly later
    step = max(1, min(bands, (1 << 19) // max(m, 1)))

    def group(b0: int) -> list[I64]:
        found: list[I64] = []
        col = keys[ids, b0 : b0 + step].T.reshape(-1)
        order = stable_order(col)
        sk, sid = col[order], ids[order % m]
        same = sk[1:] == sk[:-1]
        if not same.any():
            return found
        # run lengths tell how far to look: max distance inside a run
        run_start = np.flatnonzero(np.concatenate([[True], ~same]))
        run_len = np.diff(np.concatenate([run_start, [sk.shape[0]]]))
        reach = min(window, int(run_len.max()) - 1)
        for d in range(1, reach + 1):
            hit = sk[d:] == sk[:-d]
            if not hit.any():
                break
            a, c = sid[:-d][hit], sid[d:][hit]
            found.append(np.stack([np.minimum(a, c), np.maximum(a, c)], axis=1))
        return found

    out = [p for found in mapper(group, range(0, bands, step)) for p in found]
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    both = np.concatenate(out)
    n = np.int64(keys.shape[0])  # one int64 code per pair sorts as the pairs do: (i, j) -> i * n + j
    codes = sorted_unique(both[:, 0] * n + both[:, 1])
    return np.stack([codes // n, codes % n], axis=1)


def verify_pairs(
    sets: U32, offsets: I64, pairs: I64, *, block: int = 8192, mapper: Mapper = map
) -> tuple[I64, I64, I64]:
    """Exact intersection sizes of the shingle sets of each pair (vectorised, in blocks of pairs).

    Args:
        sets: Shingle sets (CSR values) covering every document named in ``pairs``.
        offsets: CSR offsets.
        pairs: ``(m, 2)`` document indices.
        block: Pairs handled per vectorised step (bounds memory).
        mapper: ``map`` or a pool's ``imap`` (blocks are independent; results are kept in order).

    Returns:
        ``(intersection, size_a, size_b)`` int64 arrays of length m.
    """
    m = pairs.shape[0]
    sizes = np.diff(offsets)

    def count(lo: int) -> I64:
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
        out: I64 = np.bincount(owners, minlength=chunk.shape[0]).astype(np.int64)
        return out

    parts = list(mapper(count, range(0, m, block)))
    inter = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
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
    _, first_idx, group = distinct(key_hash)
    first = np.zeros(key_hash.shape[0], dtype=bool)
    first[first_idx] = True
    return group.astype(np.int64).reshape(-1), first


def merge_labels(
    sets: U32, offsets: I64, pairs: I64, key_hash: U64, cfg: DedupConfig, *, mapper: Mapper = map
) -> I64:
    """Verify candidate pairs, add the exact-duplicate groups, and label the clusters (union-find).

    The one place where accepted pairs and exact groups become clusters: :func:`newsclean.dedupe` and the
    Ray adapter both call it.

    Args:
        sets: Shingle sets (CSR values) covering every document named in ``pairs``.
        offsets: CSR offsets over all documents.
        pairs: ``(m, 2)`` candidate pairs from :func:`candidate_pairs` (global ids).
        key_hash: Matching-key hash of every document (exact duplicates share one).
        cfg: The options (``threshold``, ``containment``).
        mapper: ``map`` or a pool's ``imap``, for :func:`verify_pairs`.

    Returns:
        int64 labels (see :func:`components`).

    >>> sets = np.array([1, 2, 3, 1, 2, 3, 9], dtype=np.uint32)
    >>> offsets = np.array([0, 3, 6, 7, 7], dtype=np.int64)
    >>> key_hash = np.array([10, 11, 12, 12], dtype=np.uint64)
    >>> merge_labels(sets, offsets, np.array([[0, 1], [1, 2]]), key_hash, DedupConfig()).tolist()
    [0, 0, 2, 2]
    """
    inter, sa, sb = verify_pairs(sets, offsets, pairs, mapper=mapper)
    ok, _ = cfg.accept(inter, sa, sb)
    group, first = exact_groups(key_hash)
    first_of_group = np.empty(int(group.max()) + 1 if group.size else 0, dtype=np.int64)
    first_of_group[group[first]] = np.flatnonzero(first)
    n = key_hash.shape[0]
    exact = np.stack([np.arange(n, dtype=np.int64), first_of_group[group]], axis=1)
    edges = np.concatenate([pairs[ok].astype(np.int64).reshape(-1, 2), exact[exact[:, 0] != exact[:, 1]]])
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


def _gather(sets: U32, offsets: I64, docs: I64) -> tuple[U32, I64]:
    """Concatenate the sets of ``docs`` with, for each value, the position of its document in ``docs``."""
    lens = offsets[docs + 1] - offsets[docs]
    total = int(lens.sum())
    owner = np.repeat(np.arange(docs.shape[0], dtype=np.int64), lens)
    starts = np.repeat(offsets[docs] - (np.cumsum(lens) - lens).astype(np.int64), lens)
    return sets[np.arange(total, dtype=np.int64) + starts], owner
