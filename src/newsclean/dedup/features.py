"""Per-batch document features: token hashes, line hashes, exact-duplicate hashes (all plain numpy arrays).

This is the only per-document Python work in dedup; everything after it is vectorised over a batch.
Token strings are hashed once per distinct token per batch (a batch-local vocabulary), so the blake2b cost
is paid per vocabulary entry, not per token occurrence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .keys import matching_key, tokenize
from .minhash import I64, U32, U64, token_hash

__all__ = ["BatchFeatures", "featurize", "key_hash"]

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
        key_hash: uint64 blake2b hash of each document's whole matching key (exact duplicates).
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

    def doc_tokens(self) -> I64:
        """Number of tokens of each document."""
        ends = np.cumsum(self.doc_lines)
        line_cum = np.concatenate([[0], np.cumsum(self.line_len)])
        return np.diff(np.concatenate([[0], line_cum[ends]])).astype(np.int64)


def key_hash(key: str) -> int:
    """Stable 64-bit hash of a matching key (blake2b, unkeyed: it does not depend on the params seed).

    Args:
        key: A matching key.

    Returns:
        An int in ``[0, 2**64)``.

    >>> key_hash("भारत") == key_hash("भारत")
    True
    """
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def featurize(texts: Sequence[str], seed: int) -> BatchFeatures:
    """Build the features of a batch of raw texts.

    Args:
        texts: Raw article texts (already type-checked).
        seed: Seed of the token hashes (``MinHashParams.seed``).

    Returns:
        The batch's :class:`BatchFeatures`.

    >>> f = featurize(["राम घर गया।\\nसीता आई।", ""], seed=1)
    >>> f.line_len.tolist(), f.doc_lines.tolist(), f.length.tolist()
    ([3, 2], [2, 0], [20, 0])
    """
    all_tokens: list[str] = []
    counts = np.zeros(len(texts), dtype=np.int64)
    hashes = np.zeros(len(texts), dtype=np.uint64)
    lengths = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        key = matching_key(text)
        toks = tokenize(key)
        toks.append("\n")  # every document ends a line, so lines never span documents
        all_tokens.extend(toks)
        counts[i] = len(toks)
        hashes[i] = key_hash(key)
        lengths[i] = len(text)
    vocab = list(dict.fromkeys(all_tokens))
    index = dict(zip(vocab, range(len(vocab)), strict=True))
    ids = np.fromiter(map(index.__getitem__, all_tokens), dtype=np.int64, count=len(all_tokens))
    word_hash = np.fromiter((token_hash(t, seed) for t in vocab), dtype=np.uint32, count=len(vocab))
    masked = np.fromiter(
        (token_hash(_DIGITS.sub("0", t), seed) if _DIGITS.search(t) else 0 for t in vocab),
        dtype=np.uint32,
        count=len(vocab),
    )
    masked = np.where(masked != 0, masked, word_hash)
    newline_id = index["\n"] if vocab else -1
    is_nl = ids == newline_id
    word_ids = ids[~is_nl]
    # line number of every word token: number of line breaks before it
    line_of = np.cumsum(is_nl)[~is_nl]
    starts = (
        np.flatnonzero(np.concatenate([[True], line_of[1:] != line_of[:-1]])) if line_of.size else line_of
    )
    line_len = np.diff(np.concatenate([starts, [line_of.shape[0]]])).astype(np.int64)
    line_hash = _line_hashes(masked[word_ids], starts, line_len)
    # lines per document: a line with line number L belongs to document d when
    # nl_before[d] <= L < nl_before[d + 1] (every document ends with its own line break)
    doc_starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    nl_per_doc = np.add.reduceat(is_nl.astype(np.int64), doc_starts) if counts.size else counts
    nl_before = np.concatenate([[0], np.cumsum(nl_per_doc)])
    line_ids = line_of[starts]
    doc_lines = np.diff(np.searchsorted(line_ids, nl_before)).astype(np.int64)
    return BatchFeatures(
        tokens=word_hash[word_ids],
        line_len=line_len,
        line_hash=line_hash,
        doc_lines=doc_lines,
        key_hash=hashes,
        length=lengths,
    )


def _line_hashes(masked: U32, starts: I64, line_len: I64) -> U64:
    """Order-sensitive 64-bit hash of each line from its (digit-masked) token hashes."""
    if starts.size == 0:
        return np.zeros(0, dtype=np.uint64)
    pos = np.arange(masked.shape[0], dtype=np.int64) - np.repeat(starts, line_len)
    powers = np.cumprod(np.full(int(line_len.max()), _LINE_MULT, dtype=np.uint64))
    summed = np.add.reduceat(masked.astype(np.uint64) * powers[pos], starts)
    out: U64 = summed ^ (line_len.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F))
    return out


def concat(parts: Sequence[BatchFeatures]) -> BatchFeatures:
    """Concatenate the features of consecutive batches.

    Args:
        parts: Batch features in input order.

    Returns:
        One :class:`BatchFeatures` covering all of them.
    """
    if len(parts) == 1:
        return parts[0]

    def cat(name: str) -> npt.NDArray[np.generic]:
        return np.concatenate([getattr(p, name) for p in parts])

    return BatchFeatures(
        tokens=cat("tokens").astype(np.uint32),
        line_len=cat("line_len").astype(np.int64),
        line_hash=cat("line_hash").astype(np.uint64),
        doc_lines=cat("doc_lines").astype(np.int64),
        key_hash=cat("key_hash").astype(np.uint64),
        length=cat("length").astype(np.int64),
    )
