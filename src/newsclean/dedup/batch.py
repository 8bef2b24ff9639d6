"""``dedupe``: order-independent batch deduplication of a corpus (exact and near duplicates)."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.pool import Pool

import numpy as np
import numpy.typing as npt

from .._check import check_fraction, check_positive_int
from ..errors import ConfigError, InputTypeError
from ..types import Document
from . import stages
from .features import BatchFeatures, concat, featurize
from .index import DedupResult, build_result, components
from .keys import key_scheme
from .minhash import MinHashParams, lsh_params

__all__ = ["DedupConfig", "dedupe", "texts_of"]

DEFAULT_THRESHOLD = 0.5
_BLOCK = 16384  # documents per block of shingling and MinHash in a pass (bounds temporaries)
_MIN_PARALLEL = 4000  # below this many documents a process pool costs more than it saves


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Options of :func:`dedupe` (validated at construction; see :func:`dedupe` for their meaning).

    >>> DedupConfig(threshold=1.5)
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: dedupe() argument 'threshold' = 1.5 is invalid; must be in [0.0, 1.0]
    """

    threshold: float = DEFAULT_THRESHOLD
    containment: float | None = 0.9
    num_perm: int = 128
    shingle: int = 4
    seed: int = 1
    lsh_threshold: float | None = None
    boilerplate_min_docs: int = 3
    boilerplate_max_tokens: int = 30
    jobs: int = 1
    batch_size: int = 4096

    def __post_init__(self) -> None:
        f = "dedupe"
        check_fraction(self.threshold, f, "threshold")
        if self.threshold <= 0.0:
            raise ConfigError(f"dedupe() argument 'threshold' = {self.threshold!r} is invalid; must be > 0")
        if self.containment is not None:
            check_fraction(self.containment, f, "containment")
        if self.lsh_threshold is not None:
            check_fraction(self.lsh_threshold, f, "lsh_threshold", low=0.01, high=0.99)
        check_positive_int(self.num_perm, f, "num_perm", minimum=8)
        check_positive_int(self.shingle, f, "shingle")
        check_positive_int(self.boilerplate_min_docs, f, "boilerplate_min_docs", minimum=2)
        check_positive_int(self.boilerplate_max_tokens, f, "boilerplate_max_tokens", minimum=0)
        check_positive_int(self.jobs, f, "jobs")
        check_positive_int(self.batch_size, f, "batch_size")

    def params(self) -> MinHashParams:
        """The signature params these options imply."""
        return MinHashParams(
            num_perm=self.num_perm, seed=self.seed, shingle=self.shingle, key_scheme=key_scheme()
        )

    def bands_rows(self) -> tuple[int, int]:
        """LSH ``(bands, rows)`` for these options."""
        target = self.lsh_threshold if self.lsh_threshold is not None else _default_lsh_threshold(self)
        return _lsh_params_cached(round(target, 4), self.num_perm)


def _default_lsh_threshold(cfg: DedupConfig) -> float:
    # candidates must also cover contained (truncated) copies, whose resemblance can be as low as threshold/2
    low = cfg.threshold / 2 if cfg.containment is not None else cfg.threshold
    return min(max(0.75 * cfg.threshold, low, 0.05), 0.95)


@lru_cache(maxsize=64)
def _lsh_params_cached(threshold: float, num_perm: int) -> tuple[int, int]:
    return lsh_params(threshold, num_perm, weights=(0.3, 0.7))


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
        raise InputTypeError(
            f"{func}() argument 'docs' must be a sequence of str or Document, not {type(docs).__name__}"
        )
    out: list[str] = []
    for i, d in enumerate(docs):
        if isinstance(d, str):
            out.append(d)
        elif isinstance(d, Document):
            out.append(d.text)
        else:
            raise InputTypeError(f"{func}() item {i}: 'text' must be str, not {type(d).__name__}")
    return out


def _featurize_job(args: tuple[list[str], int]) -> BatchFeatures:
    return featurize(args[0], args[1])


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
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)] or [[]]
    if pool is not None and len(chunks) > 1:
        return concat(pool.imap(_featurize_job, [(c, cfg.seed) for c in chunks]))
    cache: dict[str, tuple[int, int]] = {}
    return concat(featurize(c, cfg.seed, cache) for c in chunks)


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
    batch_size: int = 4096,
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
    cfg = DedupConfig(
        threshold=threshold,
        containment=containment,
        num_perm=num_perm,
        shingle=shingle,
        seed=seed,
        lsh_threshold=lsh_threshold,
        boilerplate_min_docs=boilerplate_min_docs,
        boilerplate_max_tokens=boilerplate_max_tokens,
        jobs=jobs,
        batch_size=batch_size,
    )
    texts = texts_of(docs, "dedupe")
    return run(texts, cfg)


def run(texts: list[str], cfg: DedupConfig) -> DedupResult:
    """Run the whole batch pipeline on type-checked texts (see :mod:`newsclean.dedup.stages`)."""
    n = len(texts)
    if n == 0:
        return DedupResult([], [], {})
    params = cfg.params()
    if cfg.jobs > 1 and n >= _MIN_PARALLEL:
        with multiprocessing.get_context(_start_method()).Pool(cfg.jobs) as pool:
            return _run(texts, cfg, params, pool)
    return _run(texts, cfg, params, None)


def _run(texts: list[str], cfg: DedupConfig, params: MinHashParams, pool: Pool | None) -> DedupResult:
    feats = _features(texts, cfg, pool)
    docs, hashes = stages.doc_line_rows(feats, cfg.boilerplate_max_tokens)
    boiler = stages.boilerplate_lines(hashes, cfg.boilerplate_min_docs)
    group, first = stages.exact_groups(feats.key_hash)
    labels, sets, offsets = _cluster_pass(feats, boiler, group, first, cfg, params, pool)
    # refinement: count each line once per first-pass cluster
    refined = stages.boilerplate_lines(hashes, cfg.boilerplate_min_docs, labels[docs])
    if not np.array_equal(refined, boiler):
        del sets, offsets  # the second pass replaces them: do not hold both
        labels, sets, offsets = _cluster_pass(feats, refined, group, first, cfg, params, pool)
    return build_result(texts, labels, feats.key_hash, feats.length, sets, offsets)


_BlockJob = tuple[
    BatchFeatures, "npt.NDArray[np.uint64]", "npt.NDArray[np.uint32]", MinHashParams, int, int, int
]
_BlockOut = tuple["npt.NDArray[np.uint32]", "npt.NDArray[np.int64]", "npt.NDArray[np.uint64]"]


def _block_job(job: _BlockJob) -> _BlockOut:
    """Shingle sets, their sizes and band keys of one block of documents (runs in a worker with jobs > 1)."""
    part, boiler, template, params, max_tokens, bands, rows = job
    s, o = stages.shingle_sets(part, boiler, params, max_tokens=max_tokens, template=template)
    keys = stages.band_keys(stages.signatures(s, o, params), bands, rows, params.seed)
    return s, np.diff(o), keys


def _cluster_pass(
    feats: BatchFeatures,
    boiler: npt.NDArray[np.uint64],
    group: npt.NDArray[np.int64],
    first: npt.NDArray[np.bool_],
    cfg: DedupConfig,
    params: MinHashParams,
    pool: Pool | None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint32], npt.NDArray[np.int64]]:
    """Phases 3-6 of :mod:`newsclean.dedup.stages` with a given set of template lines."""
    n = feats.n_docs
    mt = cfg.boilerplate_max_tokens
    template = stages.template_shingles(feats, boiler, params, max_tokens=mt)
    bands, rows = cfg.bands_rows()
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
    key_parts: list[npt.NDArray[np.uint64]] = []
    used = 0
    lo = 0
    for s, part_sizes, k in outs:
        buffer[used : used + s.shape[0]] = s
        used += s.shape[0]
        sizes[lo : lo + part_sizes.shape[0]] = part_sizes
        lo += part_sizes.shape[0]
        key_parts.append(k)
    sets = buffer[:used]
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    keys = np.concatenate(key_parts)
    del key_parts
    valid = first & (np.diff(offsets) > 0)
    pairs = stages.candidate_pairs(keys, feats.key_hash, valid)
    inter, sa, sb = stages.verify_pairs(sets, offsets, pairs)
    ok, _ = stages.accept(inter, sa, sb, threshold=cfg.threshold, containment=cfg.containment)
    first_of_group = np.empty(int(group.max()) + 1, dtype=np.int64)
    first_of_group[group[first]] = np.flatnonzero(first)
    exact_edges = np.stack([np.arange(n, dtype=np.int64), first_of_group[group]], axis=1)
    edges = np.concatenate([pairs[ok], exact_edges[exact_edges[:, 0] != exact_edges[:, 1]]])
    return components(n, edges), sets, offsets
