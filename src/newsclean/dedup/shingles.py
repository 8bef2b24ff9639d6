"""Word shingles, per-document shingle sets, story keys and the template filter.

A shingle is ``shingle`` consecutive word tokens of a document, across line breaks, the tokens of its
template lines left out (a document shorter than that, but not empty, is one shingle of all its tokens);
the template values, found inside template lines on their own, are then dropped wherever they occur
(:func:`document_sets`). Story keys and template values come from shingles of single lines
(:func:`line_shingles`). Each shingle value is 32 bits: the token hashes times seeded odd multipliers,
summed modulo 2**32, then murmur3's 32-bit finaliser.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .arrays import ValueSet
from .features import BatchFeatures
from .minhash import I64, U32, MinHashParams

__all__ = [
    "STORY_LINE_TOKENS",
    "STORY_SLOTS",
    "document_sets",
    "fmix32",
    "line_shingles",
    "run_shingles",
    "story_keys",
    "unique_sets",
]

_STORY_MULT = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D)  # odd: each slot is another order of the values
STORY_SLOTS = len(_STORY_MULT)
STORY_LINE_TOKENS = 20  # story keys come from lines longer than this: sentences and paragraphs


def fmix32(x: U32) -> U32:
    """murmur3's 32-bit finaliser, in place on ``x``."""
    x ^= x >> np.uint32(16)
    x *= np.uint32(0x85EBCA6B)
    x ^= x >> np.uint32(13)
    x *= np.uint32(0xC2B2AE35)
    x ^= x >> np.uint32(16)
    return x


def run_shingles(tokens: U32, lengths: I64, params: MinHashParams) -> tuple[U32, I64]:
    """The shingle values of consecutive runs of tokens (lines, or documents), in order, and the run of each.

    Args:
        tokens: Token hashes of all runs, concatenated.
        lengths: Tokens per run.
        params: Signature params (shingle size and seed).

    Returns:
        ``(values, run)``; a run of ``L >= shingle`` tokens has ``L - shingle + 1`` values (one per start),
        a shorter non-empty run one, an empty run none.
    """
    k = params.shingle
    mult = (params.shingle_multipliers() & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    total = tokens.shape[0]
    run_of = np.repeat(np.arange(lengths.shape[0], dtype=np.int64), lengths)
    acc = np.zeros(total, dtype=np.uint32)
    count = max(total - k + 1, 0)
    valid = np.zeros(total, dtype=bool)
    if count:
        for j in range(k):
            acc[:count] += tokens[j : j + count] * mult[j]
        np.equal(run_of[:count], run_of[k - 1 : k - 1 + count], out=valid[:count])
    short = np.flatnonzero((lengths > 0) & (lengths < k))
    if short.size:  # a short run: one shingle of its tokens, at its first token
        lens = lengths[short]
        first = (np.cumsum(lengths) - lengths)[short]
        part = np.zeros(short.shape[0], dtype=np.uint32)
        for j in range(k - 1):
            has = lens > j
            part[has] += tokens[first[has] + j] * mult[j]
        acc[first] = part
        valid[first] = True
    values = fmix32(acc[valid] ^ np.uint32(k))
    return values, run_of[valid]


def line_shingles(feats: BatchFeatures, params: MinHashParams) -> tuple[U32, I64]:
    """The shingle values of every line on its own, in line order, and the line of each.

    Args:
        feats: Features of a batch.
        params: Signature params (shingle size and seed).

    Returns:
        ``(values, line)`` (see :func:`run_shingles`; ``line`` indexes ``feats.line_len``).

    >>> from newsclean.dedup.features import featurize
    >>> f = featurize(["क ख ग घ ङ\\nच छ", "ज"], seed=1)
    >>> values, line = line_shingles(f, MinHashParams(shingle=4))
    >>> line.tolist()
    [0, 0, 1, 2]
    """
    return run_shingles(feats.tokens, feats.line_len, params)


def document_sets(
    tokens: U32,
    line_len: I64,
    doc_lines: I64,
    drop_line: npt.NDArray[np.bool_],
    template: ValueSet,
    params: MinHashParams,
) -> tuple[U32, I64]:
    """Each document's set: shingles of its tokens with the template lines left out, minus template values.

    The tokens of the lines in ``drop_line`` are removed first, so shingles run across the gap a template
    line leaves (as they run across every line break); then the values in ``template`` (found inside
    template lines, :func:`newsclean.dedup.templates.template_values`) are dropped wherever they occur. A
    document left with no shingle keeps its full set (it is all template, or all widely shared phrases, and
    must still match its own copies).

    Args:
        tokens: Token hashes of the documents, concatenated.
        line_len: Tokens per non-empty line, documents concatenated.
        doc_lines: Lines per document.
        drop_line: One bool per line: a template line.
        template: The template values.
        params: Signature params.

    Returns:
        ``(sets, offsets)`` in CSR layout, each set sorted.

    >>> from newsclean.dedup.features import featurize
    >>> f = featurize(["क ख ग\\nच छ ज झ", "क ख ग"], seed=1)
    >>> empty = ValueSet(np.zeros(0, np.uint32))
    >>> p = MinHashParams(shingle=4)
    >>> s, o = document_sets(f.tokens, f.line_len, f.doc_lines, np.zeros(3, bool), empty, p)
    >>> o.tolist()  # four 4-grams across the line break; a 3-token document is one shingle
    [0, 4, 5]
    >>> s, o = document_sets(f.tokens, f.line_len, f.doc_lines, np.array([True, False, True]), empty, p)
    >>> o.tolist()  # "क ख ग" left out of both: one 4-gram left, and the second document keeps its set
    [0, 1, 2]
    """
    n = doc_lines.shape[0]
    doc_of_line = np.repeat(np.arange(n, dtype=np.int64), doc_lines)
    kept_len = np.where(drop_line, 0, line_len)
    kept_per_doc = np.bincount(doc_of_line, weights=kept_len, minlength=n).astype(np.int64)
    kept = tokens[np.repeat(~drop_line, line_len)] if drop_line.any() else tokens
    values, owner = run_shingles(kept, kept_per_doc, params)
    if template.size:
        keep = ~template.contains(values)
        values, owner = values[keep], owner[keep]
    sets, offsets = unique_sets(values, owner, n)
    tokens_per_doc = np.bincount(doc_of_line, weights=line_len, minlength=n).astype(np.int64)
    emptied = np.flatnonzero((np.diff(offsets) == 0) & (tokens_per_doc > 0))
    if emptied.size == 0:
        return sets, offsets
    # documents left empty: the shingles of all their tokens, unfiltered
    first = np.concatenate([[0], np.cumsum(tokens_per_doc)])
    take = np.concatenate([np.arange(first[d], first[d + 1]) for d in emptied.tolist()])
    extra, run = run_shingles(tokens[take], tokens_per_doc[emptied], params)
    old_owner = np.repeat(np.arange(n, dtype=np.int64), np.diff(offsets))
    return unique_sets(np.concatenate([sets, extra]), np.concatenate([old_owner, emptied[run]]), n)


def unique_sets(values: U32, owner: I64, n_docs: int) -> tuple[U32, I64]:
    """Sort and deduplicate shingle values per document (CSR layout).

    Args:
        values: Shingle values.
        owner: Document index of each value.
        n_docs: Number of documents.

    Returns:
        ``(sets, offsets)``: ``sets[offsets[d]:offsets[d+1]]`` is document d's sorted set of values.
    """
    keys = owner.astype(np.uint64)
    keys <<= np.uint64(32)
    keys |= values
    keys.sort()
    if keys.size:
        keep = np.empty(keys.shape[0], dtype=bool)
        keep[0] = True
        np.not_equal(keys[1:], keys[:-1], out=keep[1:])
        keys = keys[keep]
    offsets = np.zeros(n_docs + 1, dtype=np.int64)
    docs = (keys >> np.uint64(32)).astype(np.intp)
    np.cumsum(np.bincount(docs, minlength=n_docs), out=offsets[1:])
    return keys.astype(np.uint32), offsets


def story_keys(
    values: U32,
    line: I64,
    feats: BatchFeatures,
    min_tokens: int = STORY_LINE_TOKENS,
    slots: int = STORY_SLOTS,
) -> U32:
    """Per document, ``slots`` minima of the shingles of its long lines, each under another bijection.

    Long lines (more than ``min_tokens`` tokens: sentences and paragraphs; page templates are nearly always
    shorter) carry the article itself: syndicated copies of one story share them whatever page template
    surrounds them, and so share these minima with a probability close to their resemblance. A document
    without a long line gets keys from its exact-duplicate hash instead. Template lines are counted once per
    story key (:func:`newsclean.dedup.templates.template_lines`).

    Args:
        values: Shingle values from :func:`line_shingles` (in line order).
        line: Their lines.
        feats: The batch's features.
        min_tokens: Lines of more tokens than this give the keys.
        slots: Number of keys per document.

    Returns:
        ``(n_docs, slots)`` uint32.
    """
    n = feats.n_docs
    doc_of_line = np.repeat(np.arange(n, dtype=np.int64), feats.doc_lines)
    long = (feats.line_len > min_tokens)[line]
    lv = values[long]
    docs = doc_of_line[line[long]]
    out = np.empty((n, slots), dtype=np.uint32)
    fallback = feats.key_hash
    for j in range(slots):
        out[:, j] = ((fallback >> np.uint64(16 * j)) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    if lv.size:
        starts = np.flatnonzero(np.concatenate([[True], docs[1:] != docs[:-1]]))
        has = docs[starts]
        for j in range(slots):
            mixed = lv * np.uint32(_STORY_MULT[j]) if j else lv
            out[has, j] = np.minimum.reduceat(mixed, starts)
    return out
