"""``dedupe``: order-independent batch deduplication of a corpus (exact and near duplicates)."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Sequence
from multiprocessing.pool import Pool, ThreadPool

import numpy as np
import numpy.typing as npt

from ..errors import InputTypeError
from ..types import Document
from . import stages
from .arrays import distinct_pairs, member, sorted_unique
from .features import BatchFeatures, TokenCache, concat, featurize
from .index import DedupResult, build_result
from .minhash import MinHashParams
from .stages import DEFAULT_THRESHOLD, DedupConfig

__all__ = ["DEFAULT_THRESHOLD", "DedupConfig", "dedupe", "texts_of"]

_BLOCK = 4096  # documents per block of shingling and MinHash in a pass (bounds temporaries; cache-sized)
_MIN_PARALLEL = 4000  # below this many documents a process pool costs more than it saves


def texts_of(docs: Sequence[str | Document], func: str) -> list[str]:
    """The raw text of every item, type-checked with the item index in the message.

    Args:
        docs: ``str`` or :class:`~newsclean.Document` items.
        func: Name of the public function, for messages.

    Returns:
        The texts.

    Raises:
        InputTypeError: For an item of another type, or a non-sequence.

    >>> texts_of(["क", None], "dedupe")
    Traceback (most recent call last):
    ...
    newsclean.errors.InputTypeError: dedupe() item 1: 'text' must be str, not NoneType
    """
    if isinstance(docs, (str, bytes)) or not hasattr(docs, "__len__") or not hasattr(docs, "__iter__"):
        msg = f"{func}() argument 'docs' must be a sequence of str or Document, not {type(docs).__name__}"
        raise InputTypeError(msg)
    out: list[str] = []
    for i, d in enumerate(docs):
        if isinstance(d, str):
            out.append(d)
        elif isinstance(d, Document):
            out.append(d.text)
        else:
            msg = f"{func}() item {i}: 'text' must be str, not {type(d).__name__}"  # type: ignore[unreachable]  # runtime check for untyped callers
            raise InputTypeError(msg)
    return out


# One token cache per worker process, shared by the batches it featurizes during one call (the pool lives
# for one call; the parent never fills it, so a forked worker starts with it empty).
_WORKER_CACHE: list[TokenCache] = []


def _worker_cache(seed: int) -> TokenCache:
    if not _WORKER_CACHE or _WORKER_CACHE[0].seed != seed:
        _WORKER_CACHE[:] = [TokenCache(seed)]
    return _WORKER_CACHE[0]


def _featurize_job(args: tuple[list[str], int]) -> BatchFeatures:
    return featurize(args[0], args[1], _worker_cache(args[1]))


# The texts of the running call, set before a ``fork`` pool starts: its workers inherit them and receive
# only index ranges, so no text is pickled between processes (only token arrays come back).
_FORKED_TEXTS: list[str] = []


def _featurize_range(args: tuple[int, int, int]) -> BatchFeatures:
    lo, hi, seed = args
    return featurize(_FORKED_TEXTS[lo:hi], seed, _worker_cache(seed))


def _start_method() -> str:
    """``fork`` where it is safe and cheap (POSIX, this process runs one thread), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform != "darwin":
        return "fork"
    return "spawn"


def _features(texts: list[str], cfg: DedupConfig, pool: Pool | None) -> BatchFeatures:
    size = cfg.batch_size
    if pool is not None:  # at least one batch per process
        size = max(1, min(size, -(-len(texts) // cfg.jobs)))
    bounds = [(lo, min(len(texts), lo + size)) for lo in range(0, len(texts), size)] or [(0, 0)]
    if pool is not None and len(bounds) > 1:
        if _FORKED_TEXTS is texts:
            return concat(pool.imap(_featurize_range, [(lo, hi, cfg.seed) for lo, hi in bounds]))
        return concat(pool.imap(_featurize_job, [(texts[lo:hi], cfg.seed) for lo, hi in bounds]))
    cache = TokenCache(cfg.seed)
    return concat(featurize(texts[lo:hi], cfg.seed, cache) for lo, hi in bounds)


def dedupe(
    docs: Sequence[str | Document],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    containment: float | None = 0.9,
    num_perm: int = 128,
    shingle: int = 4,
    seed: int = 1,
    lsh_threshold: float | None = None,
    boilerplate_min_docs: int = 3,
    boilerplate_max_tokens: int = 30,
    jobs: int = 1,
    batch_size: int = 1024,
) -> DedupResult:
    """Find exact and near-duplicate documents in a corpus; keep one per cluster.

    Raw texts go in, boilerplate included. Steps: matching keys (search profile) and word tokens; short
    lines found in ``boilerplate_min_docs`` or more documents are template lines and left out of the
    shingles; exact duplicates by key hash; near duplicates by one-permutation MinHash over word
    ``shingle``-grams with LSH banding (bands/rows by minimising the false-positive/negative areas); every
    candidate pair is verified by the exact Jaccard resemblance of the shingle sets; clusters by union-find.

    The result does not depend on input order (the kept representative is chosen by content: the longest
    text, ties by content hashes), nor on the process, machine, ``PYTHONHASHSEED`` or ``jobs``.

    Args:
        docs: Texts or :class:`~newsclean.Document` objects.
        threshold: Jaccard resemblance of word-shingle sets from which two documents are duplicates
            (0-1; the default 0.5 is tuned on the development data).
        containment: Also merge a pair when the smaller document's shingles lie at least this much inside
            the larger one and the resemblance is at least ``threshold / 2`` (truncated copies); None: off.
        num_perm: Signature slots.
        shingle: Words per shingle.
        seed: Hash seed (results are reproducible for a given seed).
        lsh_threshold: Resemblance the LSH banding is tuned for (default: ``0.75 * threshold``, lowered to
            ``threshold / 2`` when containment is on; candidates are verified exactly anyway).
        boilerplate_min_docs: Document frequency from which a short line counts as template.
        boilerplate_max_tokens: Longest line (tokens) that may count as template.
        jobs: Processes for the per-document and per-block work (same result for any value; corpora under
            4,000 documents run in this process).
        batch_size: Documents per feature batch (bounds peak memory of the per-document phase).

    Returns:
        A :class:`DedupResult`.

    Raises:
        InputTypeError: If ``docs`` or one of its items has the wrong type.
        ConfigError: If an option is out of range.

    >>> a = "भारत सरकार ने आज नई शिक्षा नीति की घोषणा की। मंत्री ने कहा कि स्कूलों में बदलाव होंगे।"
    >>> b = a.replace("आज", "सोमवार को")
    >>> c = "मुंबई में भारी बारिश से जनजीवन अस्त-व्यस्त हो गया और कई उड़ानें रद्द करनी पड़ीं।"
    >>> r = dedupe([a, c, b])
    >>> r.cluster_ids, r.kept
    ([2, 1, 2], [1, 2])
    >>> r.duplicate_of
    {0: (2, 0.55)}
    """
    options = dict(locals())  # exactly the keyword options above
    del options["docs"]
    cfg = DedupConfig(**options)
    texts = texts_of(docs, "dedupe")
    return run(texts, cfg)


def run(texts: list[str], cfg: DedupConfig) -> DedupResult:
    """Run the whole batch pipeline on type-checked texts (see :mod:`newsclean.dedup.stages`)."""
    n = len(texts)
    if n == 0:
        return DedupResult([], [], {})
    params = cfg.params()
    if cfg.jobs > 1 and n >= _MIN_PARALLEL:
        global _FORKED_TEXTS
        method = _start_method()
        if method == "fork":
            _FORKED_TEXTS = texts
        try:
            # processes for the features (Python string work), threads for the blocks (numpy releases the
            # GIL there, and threads share the features instead of pickling them)
            with multiprocessing.get_context(method).Pool(cfg.jobs) as pool:
                feats = _features(texts, cfg, pool)
        finally:
            _FORKED_TEXTS = []
        with ThreadPool(cfg.jobs) as threads:
            return _run(texts, feats, cfg, params, threads)
    return _run(texts, _features(texts, cfg, None), cfg, params, None)


def _run(
    texts: list[str], feats: BatchFeatures, cfg: DedupConfig, params: MinHashParams, pool: Pool | None
) -> DedupResult:
    mapper: stages.Mapper = map if pool is None else pool.imap
    mt = cfg.boilerplate_max_tokens
    docs, hashes = _line_rows(feats, mt, mapper)
    boiler = stages.boilerplate_lines(hashes, cfg.boilerplate_min_docs, mapper=mapper)
    first = stages.exact_groups(feats.key_hash)[1]
    line_values, line_of_value = _template_lines(feats, boiler, params, mt, mapper)
    template = sorted_unique(line_values)
    sets, offsets, keys, touched = _sets_and_keys(feats, boiler, template, cfg, params, pool)
    labels = _labels(feats, first, cfg, (sets, offsets, keys), mapper)
    # refinement: count each line once per first-pass cluster
    refined = stages.boilerplate_lines(hashes, cfg.boilerplate_min_docs, labels[docs], mapper=mapper)
    if not np.array_equal(refined, boiler):
        subset = bool(member(refined, boiler).all())
        if subset:  # the template shingles of fewer lines: a filter of the first ones
            template = sorted_unique(line_values[member(line_of_value, refined)])
        else:
            template = stages.template_shingles(feats, refined, params, max_tokens=mt)
        del line_values, line_of_value
        if subset:
            # fewer template lines (the usual case): only documents holding a line that stopped being
            # template, or that lost a shingle to the first template set, can change; the others keep
            # exactly their first-pass sets and keys
            redo = touched | stages.has_lines(feats, np.setdiff1d(boiler, refined), mt)
        else:
            redo = np.ones(feats.n_docs, dtype=bool)
        ids = np.flatnonzero(redo)
        part = _sets_and_keys(feats.take(ids), refined, template, cfg, params, pool)[:3]
        sets, offsets, keys = _splice((sets, offsets, keys), ids, part)
        labels = _labels(feats, first, cfg, (sets, offsets, keys), mapper)
    return build_result(texts, labels, feats.key_hash, feats.length, sets, offsets, mapper=mapper)


def _line_rows(
    feats: BatchFeatures, max_tokens: int, mapper: stages.Mapper
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]:
    """:func:`stages.doc_line_rows` block by block (rows are per document: the blocks just concatenate)."""
    n = feats.n_docs

    def rows(lo: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]:
        docs, hashes = stages.doc_line_rows(feats.slice(lo, min(n, lo + _BLOCK)), max_tokens)
        return docs + lo, hashes

    parts = list(mapper(rows, range(0, n, _BLOCK)))
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _template_lines(
    feats: BatchFeatures,
    boiler: npt.NDArray[np.uint64],
    params: MinHashParams,
    max_tokens: int,
    mapper: stages.Mapper,
) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint64]]:
    """:func:`stages.template_line_shingles` block by block (bounds the temporaries), pairs made distinct."""
    n = feats.n_docs

    def block_shingles(lo: int) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint64]]:
        part = feats.slice(lo, min(n, lo + _BLOCK))
        return stages.template_line_shingles(part, boiler, params, max_tokens=max_tokens)

    parts: list[tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint64]]] = list(
        mapper(block_shingles, range(0, n, _BLOCK))
    )
    if len(parts) == 1:
        return parts[0]
    lines, values = distinct_pairs(
        np.concatenate([p[1] for p in parts]), np.concatenate([p[0] for p in parts]).astype(np.uint64)
    )
    return values.astype(np.uint32), lines


_BlockJob = tuple[
    BatchFeatures, "npt.NDArray[np.uint64]", "npt.NDArray[np.uint32]", MinHashParams, int, int, int
]
_BlockOut = tuple[
    "npt.NDArray[np.uint32]", "npt.NDArray[np.int64]", "npt.NDArray[np.uint64]", "npt.NDArray[np.bool_]"
]
_Sets = tuple["npt.NDArray[np.uint32]", "npt.NDArray[np.int64]", "npt.NDArray[np.uint64]"]


def _block_job(job: _BlockJob) -> _BlockOut:
    """Shingle sets, their sizes and band keys of one block of documents (runs in a worker with jobs > 1)."""
    part, boiler, template, params, max_tokens, bands, rows = job
    touched = np.zeros(part.n_docs, dtype=bool)
    s, o = stages.shingle_sets(
        part, boiler, params, max_tokens=max_tokens, template=template, touched=touched
    )
    keys = stages.band_keys(stages.signatures(s, o, params), bands, rows, params.seed)
    return s, np.diff(o), keys, touched


def _sets_and_keys(
    feats: BatchFeatures,
    boiler: npt.NDArray[np.uint64],
    template: npt.NDArray[np.uint32],
    cfg: DedupConfig,
    params: MinHashParams,
    pool: Pool | None,
) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int64], npt.NDArray[np.uint64], npt.NDArray[np.bool_]]:
    """Shingle sets (CSR), band keys and template-touched flags of every document, block by block."""
    n = feats.n_docs
    bands, rows = cfg.bands_rows()
    mt = cfg.boilerplate_max_tokens
    # blocks of documents bound the per-token temporaries; only sets and band keys are kept
    block = _BLOCK if pool is None else max(1, min(_BLOCK, -(-n // (2 * cfg.jobs))))
    jobs = (
        (feats.slice(lo, min(n, lo + block)), boiler, template, params, mt, bands, rows)
        for lo in range(0, n, block)
    )
    outs = pool.imap(_block_job, jobs) if pool is not None else map(_block_job, jobs)
    # every token starts at most one shingle (plus one for a document shorter than a shingle), so one
    # buffer of that size holds all sets without a second copy at concatenation
    buffer = np.empty(feats.tokens.shape[0] + n, dtype=np.uint32)
    sizes = np.zeros(n, dtype=np.int64)
    touched = np.zeros(n, dtype=bool)
    key_parts: list[npt.NDArray[np.uint64]] = [np.zeros((0, bands), dtype=np.uint64)]
    used = 0
    lo = 0
    for s, part_sizes, k, t in outs:
        buffer[used : used + s.shape[0]] = s
        used += s.shape[0]
        sizes[lo : lo + part_sizes.shape[0]] = part_sizes
        touched[lo : lo + t.shape[0]] = t
        lo += part_sizes.shape[0]
        key_parts.append(k)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    return buffer[:used], offsets, np.concatenate(key_parts), touched


def _splice(old: _Sets, docs: npt.NDArray[np.int64], new: _Sets) -> _Sets:
    """``old`` sets/offsets/keys with the rows of ``docs`` (sorted) replaced by ``new``'s (in that order).

    Copied run by run (a run of unchanged documents is contiguous in both layouts), so no index array as
    large as the sets is built.
    """
    sets, offsets, keys = old
    new_sets, new_offsets, new_keys = new
    sizes = np.diff(offsets)
    sizes[docs] = np.diff(new_offsets)
    out_offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    out = np.empty(int(out_offsets[-1]), dtype=np.uint32)
    src, dst, fresh = offsets.tolist(), out_offsets.tolist(), new_offsets.tolist()
    lo = 0
    for k, d in enumerate([*docs.tolist(), sizes.shape[0]]):
        if lo < d:  # unchanged documents lo..d-1
            out[dst[lo] : dst[d]] = sets[src[lo] : src[d]]
        if d < sizes.shape[0]:
            out[dst[d] : dst[d + 1]] = new_sets[fresh[k] : fresh[k + 1]]
        lo = d + 1
    keys[docs] = new_keys  # the band keys are this call's own array: updated in place
    return out, out_offsets, keys


def _labels(
    feats: BatchFeatures,
    first: npt.NDArray[np.bool_],
    cfg: DedupConfig,
    sets_keys: _Sets,
    mapper: stages.Mapper = map,
) -> npt.NDArray[np.int64]:
    """Candidate pairs from the band keys, verified, plus the exact groups: cluster labels."""
    sets, offsets, keys = sets_keys
    valid = first & (np.diff(offsets) > 0)
    pairs = stages.candidate_pairs(keys, feats.key_hash, valid, mapper=mapper)
    return stages.merge_labels(sets, offsets, pairs, feats.key_hash, cfg, mapper=mapper)
