"""Word shingles inside lines, per-document shingle sets, story keys and the template filter.

A shingle is ``shingle`` consecutive word tokens of one line (a line shorter than that, but not empty, is one
shingle of all its tokens). Shingles never cross a line break, so a document's set is the union of its
lines' sets: leaving template lines out is subtracting their shingles, with no "bridge" shingle across a
removed line, and it can be done after the sets are built, once the corpus-wide template count is known.
Each shingle value is 32 bits: the token hashes times seeded odd multipliers, summed modulo 2**32, then
murmur3's 32-bit finaliser.
"""

from __future__ import annotations

import numpy as np

from .arrays import ValueSet
from .features import BatchFeatures
from .minhash import I64, U32, MinHashParams

__all__ = ["STORY_SLOTS", "filter_sets", "fmix32", "line_shingles", "story_keys", "unique_sets"]

_STORY_MULT = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D)  # odd: each slot is another order of the values
STORY_SLOTS = len(_STORY_MULT)


def fmix32(x: U32) -> U32:
    """murmur3's 32-bit finaliser, in place on ``x``."""
    x ^= x >> np.uint32(16)
    x *= np.uint32(0x85EBCA6B)
    x ^= x >> np.uint32(13)
    x *= np.uint32(0xC2B2AE35)
    x ^= x >> np.uint32(16)
    return x


def line_shingles(feats: BatchFeatures, params: MinHashParams) -> tuple[U32, I64]:
    """The shingle values of every line, in line order, and the line (index into ``feats.line_len``) of each.

    Args:
        feats: Features of a batch.
        params: Signature params (shingle size and seed).

    Returns:
        ``(values, line)``; a line of ``L >= shingle`` tokens has ``L - shingle + 1`` values, a shorter
        non-empty line one.

    >>> from newsclean.dedup.features import featurize
    >>> f = featurize(["क ख ग घ ङ\\nच छ", "ज"], seed=1)
    >>> values, line = line_shingles(f, MinHashParams(shingle=4))
    >>> line.tolist()
    [0, 0, 1, 2]
    """
    k = params.shingle
    mult = (params.shingle_multipliers() & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    tokens = feats.tokens
    total = tokens.shape[0]
    lines = feats.line_len.shape[0]
    line_of = np.repeat(np.arange(lines, dtype=np.int64), feats.line_len)
    acc = np.zeros(total, dtype=np.uint32)
    count = max(total - k + 1, 0)
    valid = np.zeros(total, dtype=bool)
    if count:
        for j in range(k):
            acc[:count] += tokens[j : j + count] * mult[j]
        np.equal(line_of[:count], line_of[k - 1 : k - 1 + count], out=valid[:count])
    short = np.flatnonzero(feats.line_len < k)
    if short.size:  # a short line: one shingle of its tokens, at its first token
        lens = feats.line_len[short]
        first = (np.cumsum(feats.line_len) - feats.line_len)[short]
        part = np.zeros(short.shape[0], dtype=np.uint32)
        for j in range(k - 1):
            has = lens > j
            part[has] += tokens[first[has] + j] * mult[j]
        acc[first] = part
        valid[first] = True
    values = fmix32(acc[valid] ^ np.uint32(k))
    return values, line_of[valid]


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
    values: U32, line: I64, feats: BatchFeatures, max_tokens: int, slots: int = STORY_SLOTS
) -> U32:
    """Per document, ``slots`` minima of its long-line shingle values, each under another bijection.

    Long lines (more than ``max_tokens`` tokens) are never template lines, so they are the article itself:
    syndicated copies of one story share them whatever page template surrounds them, and so share these
    minima with a probability close to their resemblance. A document without a long line gets keys from
    its exact-duplicate hash instead. Template lines are counted once per story key
    (:func:`newsclean.dedup.templates.template_lines`).

    Args:
        values: Shingle values from :func:`line_shingles` (in line order).
        line: Their lines.
        feats: The batch's features.
        max_tokens: Longest line that may count as a template line.
        slots: Number of keys per document.

    Returns:
        ``(n_docs, slots)`` uint32.
    """
    n = feats.n_docs
    doc_of_line = np.repeat(np.arange(n, dtype=np.int64), feats.doc_lines)
    long = (feats.line_len > max_tokens)[line]
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


def filter_sets(sets: U32, offsets: I64, template: U32 | ValueSet) -> tuple[U32, I64]:
    """Every set without the ``template`` values; a set left empty keeps all its values.

    A document that is all template (or all widely shared phrases) must still match its own copies.

    Args:
        sets: Sorted per-document sets (CSR values).
        offsets: Their offsets.
        template: Template values (a :class:`~newsclean.dedup.arrays.ValueSet`, built once for many calls).

    Returns:
        ``(sets, offsets)`` of the filtered sets (new arrays).

    >>> s, o = filter_sets(np.array([1, 2, 3, 2], np.uint32), np.array([0, 3, 4]), np.array([2], np.uint32))
    >>> s.tolist(), o.tolist()
    ([1, 3, 2], [0, 2, 3])
    """
    if not isinstance(template, ValueSet):
        template = ValueSet(template)
    if template.size == 0 or sets.size == 0:
        return sets.copy(), offsets.copy()
    drop = template.contains(sets)
    dropped = np.flatnonzero(drop)  # a small share of the values
    sizes = np.diff(offsets)
    kept = sizes - np.bincount(
        np.searchsorted(offsets, dropped, side="right") - 1, minlength=sizes.shape[0]
    ).astype(np.int64)
    keep = ~drop
    emptied = np.flatnonzero((kept == 0) & (sizes > 0))
    for d in emptied.tolist():  # rare: a document of template only keeps its set
        keep[offsets[d] : offsets[d + 1]] = True
        kept[d] = offsets[d + 1] - offsets[d]
    out = np.zeros(offsets.shape[0], dtype=np.int64)
    np.cumsum(kept, out=out[1:])
    return sets[keep], out
