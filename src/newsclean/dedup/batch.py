"""``dedupe``: order-independent batch deduplication of a corpus (exact and near duplicates)."""

from __future__ import annotations

from collections.abc import Sequence
from multiprocessing.pool import ThreadPool

import numpy as np
import numpy.typing as npt

from ..errors import ConfigError, InputTypeError
from ..types import Document
from . import collect
from .arrays import ValueSet, member
from .candidates import U8, Mapper, band_keys, candidate_pairs, fingerprints, prefilter
from .clusters import cluster_labels, exact_groups, matching_pairs
from .collect import Corpus, Rows, scan_corpus
from .config import DEFAULT_THRESHOLD, DEFAULTS, DedupConfig
from .features import featurize
from .index import DedupResult, Id, build_result
from .minhash import I64, U32, U64, MinHashParams, signatures_from_sets
from .shingles import document_sets
from .templates import line_texts, representatives, template_lines, template_values

__all__ = ["DEFAULT_THRESHOLD", "DedupConfig", "dedupe", "ids_of", "texts_of"]

_BLOCK = 1024  # documents per block of the corpus-wide phases (bounds their temporaries)


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


def ids_of(ids: Sequence[Id] | None, n: int, func: str) -> list[Id] | None:
    """Check ``ids``: one ``str`` or ``int`` per document (or None for no ids).

    Args:
        ids: The ids given.
        n: Number of documents.
        func: Name of the public function, for messages.

    Returns:
        The ids as a list, or None.

    Raises:
        InputTypeError: For a non-sequence or an id of another type.
        ConfigError: If there are not ``n`` of them.

    >>> ids_of(["a", 7], 2, "dedupe")
    ['a', 7]
    >>> ids_of(["a"], 2, "dedupe")
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: dedupe() argument 'ids' has 1 items for 2 documents
    """
    if ids is None:
        return None
    if isinstance(ids, (str, bytes)) or not hasattr(ids, "__len__") or not hasattr(ids, "__iter__"):
        msg = f"{func}() argument 'ids' must be a sequence of str or int, not {type(ids).__name__}"
        raise InputTypeError(msg)
    out = list(ids)
    if len(out) != n:
        msg = f"{func}() argument 'ids' has {len(out)} items for {n} documents"
        raise ConfigError(msg)
    for i, v in enumerate(out):
        if isinstance(v, bool) or not isinstance(v, (str, int)):
            msg = f"{func}() ids item {i} must be str or int, not {type(v).__name__}"
            raise InputTypeError(msg)
    return out


def dedupe(
    docs: Sequence[str | Document],
    *,
    ids: Sequence[Id] | None = None,
    threshold: float = DEFAULTS.threshold,
    containment: float | None = DEFAULTS.containment,
    num_perm: int = DEFAULTS.num_perm,
    shingle: int = DEFAULTS.shingle,
    seed: int = DEFAULTS.seed,
    lsh_threshold: float | None = DEFAULTS.lsh_threshold,
    boilerplate_min_docs: int = DEFAULTS.boilerplate_min_docs,
    boilerplate_max_tokens: int = DEFAULTS.boilerplate_max_tokens,
    jobs: int = DEFAULTS.jobs,
    batch_size: int = DEFAULTS.batch_size,
) -> DedupResult:
    """Find exact and near-duplicate documents in a corpus; keep one per cluster.

    Raw texts go in, boilerplate included. Steps: matching keys (search profile) and word tokens; word
    ``shingle``-grams inside each line; short lines found in ``boilerplate_min_docs`` or more stories are
    template lines and their shingles are left out; exact duplicates by key hash; near duplicates by
    one-permutation MinHash with LSH banding chosen for ``threshold``; candidates screened on their
    signatures and verified by the exact Jaccard resemblance of the shingle sets; clusters by union-find.

    The result does not depend on input order (the kept representative is chosen by content: the longest
    text, ties by content hashes, then by ``ids``), nor on the process, machine, ``PYTHONHASHSEED`` or
    ``jobs``.

    Args:
        docs: Texts or :class:`~newsclean.Document` objects.
        ids: A stable key per document (``str`` or ``int``, e.g. the record id): between byte-identical
            texts the one with the smallest id is kept (ints before strings), so a shuffled corpus keeps
            the same records. Without ids such a tie goes to the lower input index.
        threshold: Jaccard resemblance of word-shingle sets from which two documents are duplicates
            (0-1; the default 0.5 is tuned on the development data).
        containment: Also merge a pair when the smaller document's shingles lie at least this much inside
            the larger one and the resemblance is at least ``threshold / 2`` (truncated copies); None: off.
        num_perm: Signature slots.
        shingle: Words per shingle.
        seed: Hash seed (results are reproducible for a given seed).
        lsh_threshold: Resemblance the LSH banding is tuned for (default: the most rows per band that
            still find a pair at ``threshold`` with probability 0.99; candidates are verified anyway).
        boilerplate_min_docs: Number of stories from which a short line counts as template.
        boilerplate_max_tokens: Longest line (tokens) that may count as template.
        jobs: Processes for the per-document work and threads for the corpus-wide phases (same result for
            any value; corpora under 4,000 documents run in this process).
        batch_size: Documents per scan batch (bounds peak memory of the per-document phase).

    Returns:
        A :class:`DedupResult`.

    Raises:
        InputTypeError: If ``docs``, ``ids`` or one of their items has the wrong type.
        ConfigError: If an option is out of range, or ``ids`` has another length than ``docs``.

    >>> a = "भारत सरकार ने आज नई शिक्षा नीति की घोषणा की। मंत्री ने कहा कि स्कूलों में बदलाव होंगे।"
    >>> b = a.replace("आज", "सोमवार को")
    >>> c = "मुंबई में भारी बारिश से जनजीवन अस्त-व्यस्त हो गया और कई उड़ानें रद्द करनी पड़ीं।"
    >>> r = dedupe([a, c, b])
    >>> r.cluster_ids, r.kept
    ([2, 1, 2], [1, 2])
    >>> r.duplicate_of
    {0: (2, 0.55)}
    >>> dedupe([a, a], ids=["rec-9", "rec-2"]).kept
    [1]
    """
    options = dict(locals())  # exactly the keyword options above
    del options["docs"], options["ids"]
    cfg = DedupConfig(**options)
    texts = texts_of(docs, "dedupe")
    return run(texts, cfg, ids_of(ids, len(texts), "dedupe"))


def run(texts: list[str], cfg: DedupConfig, ids: list[Id] | None = None) -> DedupResult:
    """Run the whole batch pipeline on type-checked texts (see :mod:`newsclean.dedup.stages`)."""
    if not texts:
        return DedupResult([], [], {})
    params = cfg.params()
    corpus, rows = scan_corpus(texts, cfg, params)
    if cfg.jobs > 1 and len(texts) >= collect.MIN_PARALLEL:
        # threads for the corpus-wide phases: numpy releases the GIL there, and threads share the arrays
        with ThreadPool(cfg.jobs) as threads:
            return _finish(texts, corpus, rows, cfg, params, threads.imap, ids)
    return _finish(texts, corpus, rows, cfg, params, map, ids)


def _finish(
    texts: list[str],
    corpus: Corpus,
    rows: Rows,
    cfg: DedupConfig,
    params: MinHashParams,
    mapper: Mapper,
    ids: list[Id] | None,
) -> DedupResult:
    n = len(texts)
    template = template_lines(rows.hash, rows.stories[rows.doc], cfg.boilerplate_min_docs)
    values = _template_values(texts, rows, corpus, template, params)
    drop_line = np.zeros(corpus.line_len.shape[0], dtype=bool)
    drop_line[corpus.line_start[rows.doc] + rows.line] = member(rows.hash, template)
    del rows
    sets, offsets, keys, prints = _sets_and_signatures(corpus, drop_line, values, cfg, params, mapper)
    key_hash = corpus.key_hash
    sizes = np.diff(offsets)
    valid = exact_groups(key_hash)[1] & (sizes > 0)
    pairs = candidate_pairs(keys, key_hash, valid, mapper=mapper)
    del keys
    pairs = pairs[prefilter(pairs, sizes, prints, threshold=cfg.threshold, containment=cfg.containment)]
    del prints
    accepted, jac = matching_pairs(sets, offsets, pairs, cfg, mapper=mapper)
    labels = cluster_labels(n, accepted, key_hash)
    return build_result(
        texts, labels, key_hash, corpus.length, sets, offsets, ids=ids, known=(accepted, jac), mapper=mapper
    )


def _template_values(
    texts: list[str], rows: Rows, corpus: Corpus, template: U64, params: MinHashParams
) -> U32:
    """The shingle values of the template lines, from one occurrence of each (re-read from its text)."""
    docs, line_no = representatives(rows.doc, rows.hash, rows.line, template, corpus.key_hash)
    if docs.size == 0:
        return np.zeros(0, dtype=np.uint32)
    lines = line_texts([texts[i] for i in docs.tolist()], line_no)
    feats = featurize(lines, params.seed, corpus.cache)
    return template_values(feats, np.arange(feats.line_len.shape[0], dtype=np.int64), params)


def _sets_and_signatures(
    corpus: Corpus,
    drop_line: npt.NDArray[np.bool_],
    template: U32,
    cfg: DedupConfig,
    params: MinHashParams,
    mapper: Mapper,
) -> tuple[U32, I64, U32, U8]:
    """Shingle sets without the template (written over the tokens, in place), then signatures, band keys
    and fingerprints, block by block; only the sets, the keys and the fingerprints are kept."""
    tokens, offsets = corpus.tokens, corpus.offsets
    n = offsets.shape[0] - 1
    bands, rows = cfg.bands_rows()
    lookup = ValueSet(template)  # built once, probed by every block

    def block(lo: int) -> tuple[int, int, U32, I64, U32, U8]:
        hi = min(n, lo + _BLOCK)
        l0, l1 = int(corpus.line_start[lo]), int(corpus.line_start[hi])
        s, o = document_sets(
            tokens[offsets[lo] : offsets[hi]],
            corpus.line_len[l0:l1].astype(np.int64),
            np.diff(corpus.line_start[lo : hi + 1]),
            drop_line[l0:l1],
            lookup,
            params,
        )
        sig = signatures_from_sets(s, o, params)
        return lo, hi, s, o, band_keys(sig, bands, rows, params.seed), fingerprints(sig)

    keys = np.empty((bands, n), dtype=np.uint32)
    prints = np.empty((n, params.num_perm), dtype=np.uint8)
    out_offsets = np.zeros(n + 1, dtype=np.int64)
    used = 0
    # a set has at most as many values as its document has tokens, so block k's sets end below the
    # tokens of block k + 1 (which its own worker has read or is reading): writing them in place is safe
    for lo, hi, s, o, k, fp in mapper(block, range(0, n, _BLOCK)):
        tokens[used : used + s.shape[0]] = s
        out_offsets[lo + 1 : hi + 1] = used + o[1:]
        used += s.shape[0]
        keys[:, lo:hi] = k.T
        prints[lo:hi] = fp
    return tokens[:used], out_offsets, keys, prints
