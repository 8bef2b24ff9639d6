"""Per-batch document features: token hashes, line hashes, exact-duplicate hashes (all plain numpy arrays).

Word tokens are found with numpy over the batch's code points (:mod:`newsclean.dedup.codepoints`); only the
distinct tokens new to the call's :class:`TokenCache` are turned into strings, normalised with the search
profile and hashed (:func:`newsclean.dedup.codepoints.segment_hashes`, one numpy pass), so that cost is
paid per vocabulary entry, not per token occurrence.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .arrays import distinct
from .codepoints import code_points, segment_hashes, token_runs
from .minhash import I64, U32, U64
from .tokens import has_mojibake, normalize_many, prepare

__all__ = ["BatchFeatures", "TokenCache", "featurize"]

_DIGITS = re.compile("[0-9]+")
_LINE_MULT = np.uint64(0x9E3779B97F4A7C15)


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

    def take(self, docs: I64) -> BatchFeatures:
        """The features of the documents ``docs`` (sorted indices), in that order (a copy).

        Args:
            docs: Document indices.

        Returns:
            A :class:`BatchFeatures` for those documents.

        >>> f = featurize(["राम घर गया।\\nसीता आई।", "", "एक"], seed=1)
        >>> g = f.take(np.array([0, 2]))
        >>> g.line_len.tolist(), g.doc_lines.tolist(), g.tokens.tolist() == f.tokens[[0, 1, 2, 3, 4, 5]].tolist()
        ([3, 2, 1], [2, 1], True)
        """
        line_cum = np.concatenate([[0], np.cumsum(self.doc_lines)])
        lines = _ranges(line_cum[docs], self.doc_lines[docs])
        tok_cum = np.concatenate([[0], np.cumsum(self.line_len)])
        toks = _ranges(tok_cum[lines], self.line_len[lines])
        return BatchFeatures(
            tokens=self.tokens[toks],
            line_len=self.line_len[lines],
            line_hash=self.line_hash[lines],
            doc_lines=self.doc_lines[docs],
            key_hash=self.key_hash[docs],
            length=self.length[docs],
        )

    def doc_tokens(self) -> I64:
        """Number of tokens of each document."""
        ends = np.cumsum(self.doc_lines)
        line_cum = np.concatenate([[0], np.cumsum(self.line_len)])
        return np.diff(np.concatenate([[0], line_cum[ends]])).astype(np.int64)


def _ranges(starts: I64, lengths: I64) -> I64:
    """The concatenated index ranges ``starts[i]:starts[i] + lengths[i]``."""
    total = int(lengths.sum())
    shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    out: I64 = np.arange(total, dtype=np.int64) + shift.astype(np.int64)
    return out


def _repair(texts: list[str]) -> list[str]:
    """The texts with Devanagari mojibake repaired (:func:`prepare`), or ``texts`` itself if none has it."""
    if not any(map(has_mojibake, texts)):
        return texts
    return [prepare(t) if has_mojibake(t) else t for t in texts]


class TokenCache:
    """Hashes of normalised tokens, by raw-token identity hash, shared by the batches of one call.

    Two sorted levels (a large one and a small recent one, merged when the recent one grows past an eighth
    of the large one), so adding the few new tokens of one more document never copies the whole cache.
    All arrays: no Python object per token.
    """

    __slots__ = ("_levels", "seed")

    def __init__(self, seed: int) -> None:
        self.seed = seed
        empty = (np.zeros(0, dtype=np.uint64), np.zeros((0, 2), dtype=np.uint64))
        self._levels: list[tuple[U64, U64]] = [empty, empty]

    def lookup(self, idents: U64) -> tuple[npt.NDArray[np.bool_], U64]:
        """Which of the sorted unique ``idents`` are known, and their ``(hash, masked hash)`` rows."""
        found = np.zeros(idents.shape[0], dtype=bool)
        vals = np.zeros((idents.shape[0], 2), dtype=np.uint64)
        for keys, level_vals in self._levels:
            if keys.size == 0:
                continue
            pos = np.minimum(np.searchsorted(keys, idents), keys.shape[0] - 1)
            hit = keys[pos] == idents
            found |= hit
            vals[hit] = level_vals[pos[hit]]
        return found, vals

    def add(self, idents: U64, vals: U64) -> None:
        """Add sorted unique ``idents`` (none known yet) with their rows."""
        (big_k, big_v), (new_k, new_v) = self._levels
        pos = np.searchsorted(new_k, idents)
        new_k, new_v = np.insert(new_k, pos, idents), np.insert(new_v, pos, vals, axis=0)
        if new_k.shape[0] * 8 > big_k.shape[0]:
            order = np.argsort(np.concatenate([big_k, new_k]), kind="stable")
            big_k = np.concatenate([big_k, new_k])[order]
            big_v = np.concatenate([big_v, new_v])[order]
            new_k, new_v = new_k[:0], new_v[:0]
        self._levels = [(big_k, big_v), (new_k, new_v)]


def _norm_hashes(tokens: list[str], seed: int) -> U64:
    """``(hash, digit-masked hash)`` rows of raw tokens: hashes of each token's search-profile form.

    The normalised forms are joined by line breaks and hashed by :func:`segment_hashes` in one numpy pass;
    the masked form has each run of ASCII digits replaced by one ``0`` (dates and counts vary in template
    lines).
    """
    out = np.zeros((len(tokens), 2), dtype=np.uint64)
    if not tokens:
        return out
    norms = normalize_many(tokens)
    joined = "\n".join(norms)
    if joined.count("\n") != len(tokens) - 1:  # no normalised token should hold a line break; if one did
        norms = [t.replace("\n", " ") for t in norms]
        joined = "\n".join(norms)
    chars = code_points(joined + "\n")
    out[:, 0] = out[:, 1] = segment_hashes(chars, len(tokens), seed)
    digits = np.flatnonzero((chars >= 0x30) & (chars <= 0x39))
    if digits.size:  # only the tokens holding ASCII digits get another, masked hash
        which = np.unique(np.searchsorted(np.flatnonzero(chars == 0x0A), digits))
        masked = "\n".join(_DIGITS.sub("0", norms[i]) for i in which.tolist())
        out[which, 1] = segment_hashes(code_points(masked + "\n"), which.shape[0], seed)
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
    runs = token_runs(list(texts), seed, _repair)
    # distinct raw tokens by identity hash; only tokens new to the cache are decoded and normalised
    idents, first, inverse = distinct(runs.ident)
    found, vals = cache.lookup(idents)
    if not found.all():
        missing = np.flatnonzero(~found)
        vals[missing] = _norm_hashes(runs.strings(first[missing]), seed)
        cache.add(idents[missing], vals[missing])
    words = vals[inverse, 0]
    masked = vals[inverse, 1]
    line_of = runs.line
    starts = (
        np.flatnonzero(np.concatenate([[True], line_of[1:] != line_of[:-1]])) if line_of.size else line_of
    )
    line_len = np.diff(np.concatenate([starts, [line_of.shape[0]]])).astype(np.int64)
    line_hash = _sequence_hashes(masked, starts, line_len)
    # lines per document: a line with line number L belongs to document d when
    # newlines_before[d] <= L < newlines_before[d + 1] (every document ends its own last line)
    doc_lines = np.diff(np.searchsorted(line_of[starts], runs.doc_newlines)).astype(np.int64)
    # exact key: the sequence of normalised word tokens (line breaks and separators do not count)
    word_cum = np.searchsorted(line_of, runs.doc_newlines)
    doc_words = np.diff(word_cum).astype(np.int64)
    nonempty = doc_words > 0
    hashes = np.zeros(n, dtype=np.uint64)
    hashes[nonempty] = _sequence_hashes(words, word_cum[:-1][nonempty].astype(np.int64), doc_words[nonempty])
    return BatchFeatures(
        tokens=(words & np.uint64(0xFFFFFFFF)).astype(np.uint32),
        line_len=line_len,
        line_hash=line_hash,
        doc_lines=doc_lines,
        key_hash=hashes,
        length=lengths,
    )


def _sequence_hashes(values: U64, starts: I64, lengths: I64) -> U64:
    """Order-sensitive 64-bit hash of each non-empty run ``values[start:start + length]``."""
    if starts.size == 0:
        return np.zeros(0, dtype=np.uint64)
    pos = np.arange(values.shape[0], dtype=np.int64) - np.repeat(starts, lengths)
    powers = np.cumprod(np.full(int(lengths.max()), _LINE_MULT, dtype=np.uint64))
    summed = np.add.reduceat(values * powers[pos], starts)
    out: U64 = summed ^ (lengths.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F))
    return out


_FIELDS: dict[str, type[np.generic]] = {
    "tokens": np.uint32,
    "line_len": np.int64,
    "line_hash": np.uint64,
    "doc_lines": np.int64,
    "key_hash": np.uint64,
    "length": np.int64,
}


def concat(parts: Iterable[BatchFeatures]) -> BatchFeatures:
    """Concatenate the features of consecutive batches, releasing each batch's arrays as they are copied.

    Args:
        parts: Batch features in input order (any iterable; consumed once).

    Returns:
        One :class:`BatchFeatures` covering all of them.
    """
    pending: dict[str, deque[npt.NDArray[np.generic]]] = {name: deque() for name in _FIELDS}
    for part in parts:
        for name in _FIELDS:
            pending[name].append(getattr(part, name))
    out: dict[str, npt.NDArray[np.generic]] = {}
    for name, dtype in _FIELDS.items():
        queue = pending.pop(name)
        buf = np.empty(sum(a.shape[0] for a in queue), dtype=dtype)
        pos = 0
        while queue:
            a = queue.popleft()
            buf[pos : pos + a.shape[0]] = a
            pos += a.shape[0]
        out[name] = buf
    return BatchFeatures(**out)  # type: ignore[arg-type]
