"""Per-batch document features: token hashes, line hashes, exact-duplicate hashes (all plain numpy arrays).

Word tokens are found with numpy over the batch's code points (:mod:`newsclean.dedup.codepoints`); only the
distinct tokens new to the call's :class:`TokenCache` are turned into strings, normalised with the search
profile and hashed (:func:`newsclean.dedup.codepoints.segment_hashes`, one numpy pass), so that cost is
paid per vocabulary entry, not per token occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .codepoints import code_points, mix64, powers, segment_hashes, token_runs
from .minhash import I64, U32, U64
from .tokens import has_mojibake, normalize_many, prepare
from .vocab import TokenCache

__all__ = ["BatchFeatures", "TokenCache", "featurize", "sequence_hashes"]

_DIGITS = re.compile("[0-9]+")
_M32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class BatchFeatures:
    """Features of a batch of documents, in input order (engine-neutral: every field is a plain array).

    Attributes:
        tokens: uint32 hash of every word token, documents concatenated, line breaks removed.
        line_len: Number of tokens of every non-empty line, documents concatenated.
        line_hash: uint64 hash of every non-empty line, with digit runs masked (dates and counts vary
            inside template lines).
        doc_lines: Number of non-empty lines of each document.
        key_hash: uint64 hash of each document's matching key, the sequence of its normalised word tokens
            (exact duplicates; 0 for a document without words).
        length: ``len()`` of each raw text (the keep rule prefers the longest text).
    """

    tokens: U32
    line_len: I64
    line_hash: U64
    doc_lines: I64
    key_hash: U64
    length: I64

    @property
    def n_docs(self) -> int:
        """Number of documents in the batch."""
        return int(self.doc_lines.shape[0])

    def slice(self, start: int, stop: int) -> BatchFeatures:
        """The features of documents ``start:stop`` (views where possible).

        Args:
            start: First document.
            stop: One past the last document.

        Returns:
            A :class:`BatchFeatures` for those documents.
        """
        line_cum = np.concatenate([[0], np.cumsum(self.doc_lines)])
        l0, l1 = int(line_cum[start]), int(line_cum[stop])
        tok_cum = np.concatenate([[0], np.cumsum(self.line_len)])
        t0, t1 = int(tok_cum[l0]), int(tok_cum[l1])
        return BatchFeatures(
            tokens=self.tokens[t0:t1],
            line_len=self.line_len[l0:l1],
            line_hash=self.line_hash[l0:l1],
            doc_lines=self.doc_lines[start:stop],
            key_hash=self.key_hash[start:stop],
            length=self.length[start:stop],
        )

    def doc_tokens(self) -> I64:
        """Number of tokens of each document."""
        ends = np.cumsum(self.doc_lines)
        line_cum = np.concatenate([[0], np.cumsum(self.line_len)])
        return np.diff(np.concatenate([[0], line_cum[ends]])).astype(np.int64)


def _repair(texts: list[str]) -> list[str]:
    """The texts with Devanagari mojibake repaired (:func:`prepare`), or ``texts`` itself if none has it."""
    if not any(map(has_mojibake, texts)):
        return texts
    return [prepare(t) if has_mojibake(t) else t for t in texts]


def _norm_hashes(tokens: list[str], seed: int) -> U64:
    """Packed ``hash | masked hash << 32`` of raw tokens: 32-bit hashes of each token's search-profile form.

    The normalised forms are joined by line breaks and hashed by :func:`segment_hashes` in one numpy pass;
    the masked form has each run of ASCII digits replaced by one ``0`` (dates and counts vary in template
    lines).
    """
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    norms = normalize_many(tokens)
    joined = "\n".join(norms)
    if joined.count("\n") != len(tokens) - 1:  # no normalised token should hold a line break; if one did
        norms = [t.replace("\n", " ") for t in norms]
        joined = "\n".join(norms)
    chars = code_points(joined + "\n")
    plain = segment_hashes(chars, len(tokens), seed) & _M32
    masked = plain.copy()
    digits = np.flatnonzero((chars >= 0x30) & (chars <= 0x39))
    if digits.size:  # only the tokens holding ASCII digits get another, masked hash
        which = np.unique(np.searchsorted(np.flatnonzero(chars == 0x0A), digits))
        text = "\n".join(_DIGITS.sub("0", norms[i]) for i in which.tolist())
        masked[which] = segment_hashes(code_points(text + "\n"), which.shape[0], seed) & _M32
    out: U64 = plain | (masked << np.uint64(32))
    return out


def featurize(texts: Sequence[str], seed: int, cache: TokenCache | None = None) -> BatchFeatures:
    """Build the features of a batch of raw texts.

    Args:
        texts: Raw article texts (already type-checked).
        seed: Seed of the token hashes (``MinHashParams.seed``).
        cache: Token-hash cache shared by the batches of one call (same seed only); None for a fresh one.

    Returns:
        The batch's :class:`BatchFeatures`.

    >>> f = featurize(["राम घर गया।\\nसीता आई।", ""], seed=1)
    >>> f.line_len.tolist(), f.doc_lines.tolist(), f.length.tolist()
    ([3, 2], [2, 0], [20, 0])
    """
    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return BatchFeatures(
            np.zeros(0, np.uint32), empty, np.zeros(0, np.uint64), empty, np.zeros(0, np.uint64), empty
        )
    if cache is None:
        cache = TokenCache(seed)
    elif cache.seed != seed:
        msg = f"token cache built with seed {cache.seed}, not {seed}"
        raise ValueError(msg)
    runs = token_runs(list(texts), _repair)
    # only tokens new to the cache are decoded and normalised, each distinct one once
    found, vals = cache.lookup(runs.ident)
    if not found.all():
        missing = np.flatnonzero(~found)
        idents, first, inverse = np.unique(runs.ident[missing], return_index=True, return_inverse=True)
        new = _norm_hashes(runs.strings(missing[first]), seed)
        cache.add(idents, new)
        vals[missing] = new[inverse.reshape(-1)]
    words = (vals & _M32).astype(np.uint32)
    line_of = runs.line
    starts = (
        np.flatnonzero(np.concatenate([[True], line_of[1:] != line_of[:-1]])) if line_of.size else line_of
    )
    line_len = np.diff(np.concatenate([starts, [line_of.shape[0]]])).astype(np.int64)
    line_hash = sequence_hashes(vals >> np.uint64(32), starts, line_len)
    # lines per document: a line with line number L belongs to document d when
    # newlines_before[d] <= L < newlines_before[d + 1] (every document ends its own last line)
    doc_lines = np.diff(np.searchsorted(line_of[starts], runs.doc_newlines)).astype(np.int64)
    # exact key: the sequence of normalised word tokens (line breaks and separators do not count)
    word_cum = np.searchsorted(line_of, runs.doc_newlines)
    doc_words = np.diff(word_cum).astype(np.int64)
    nonempty = doc_words > 0
    hashes = np.zeros(n, dtype=np.uint64)
    hashes[nonempty] = sequence_hashes(
        words.astype(np.uint64), word_cum[:-1][nonempty].astype(np.int64), doc_words[nonempty]
    )
    return BatchFeatures(
        tokens=words,
        line_len=line_len,
        line_hash=line_hash,
        doc_lines=doc_lines,
        key_hash=hashes,
        length=lengths,
    )


def sequence_hashes(values: U64, starts: I64, lengths: I64) -> U64:
    """Order-sensitive 64-bit hash of each non-empty run ``values[start:start + length]`` (runs in order,
    not overlapping).

    A polynomial over one prefix sum (``sum(v_j * P**j)``, shifted to each run's start by ``P**-start``),
    then mixed with the length. Equal runs hash equally wherever they are.

    Args:
        values: uint64 values (32-bit token hashes).
        starts: First index of each run.
        lengths: Length of each run (at least 1).

    Returns:
        One uint64 hash per run.

    >>> v = np.array([7, 8, 9, 7, 8], dtype=np.uint64)
    >>> h = sequence_hashes(v, np.array([0, 3, 1]), np.array([2, 2, 2]))
    >>> bool(h[0] == h[1] != h[2])
    True
    """
    if starts.size == 0:
        return np.zeros(0, dtype=np.uint64)
    n = values.shape[0]
    pw, inv = powers(n)
    prefix = np.empty(n + 1, dtype=np.uint64)
    prefix[0] = 0
    np.multiply(values, pw, out=prefix[1:])
    np.cumsum(prefix[1:], out=prefix[1:])
    out = prefix[starts + lengths]
    out -= prefix[starts]
    out *= inv[starts]
    out ^= lengths.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    mixed: U64 = mix64(out)
    return mixed
