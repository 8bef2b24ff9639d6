"""Per-batch document features: token hashes, line hashes, exact-duplicate hashes (all plain numpy arrays).

This is the only per-document Python work in dedup; everything after it is vectorised over a batch.
Token strings are hashed once per distinct token per batch (a batch-local vocabulary), so the blake2b cost
is paid per vocabulary entry, not per token occurrence.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from .keys import FORMAT_CHARS, has_mojibake, normalize_many, prepare, tokenize
from .minhash import I64, U32, U64

__all__ = ["BatchFeatures", "featurize", "key_hash"]

_DIGITS = re.compile(b"[0-9]+")
_LINE = "\ue000"  # a private-use character standing for a line break between whitespace chunks
_LINE_MARK = " \ue000 "
_DOC = "\ue001"  # a private-use character ending each document of a batch
_DOC_END = "\n\ue001 "  # every document ends its last line, then the document marker
# format characters other than the line marker (the marker is deleted from the texts first)
_WORD_FORMAT = re.compile(f"[{FORMAT_CHARS.replace(_LINE, '')}]+")
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


def key_hash(key: str) -> int:
    """Stable 64-bit hash of a string (blake2b, unkeyed).

    Args:
        key: Any string (lone surrogates allowed).

    Returns:
        An int in ``[0, 2**64)``.

    >>> key_hash("भारत") == key_hash("भारत") != key_hash("भारती")
    True
    """
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def _search_if_mojibake(text: str) -> str:
    return prepare(text) if has_mojibake(text) else text


def _vocab_hashes(vocab: list[str], seed: int, cache: dict[str, tuple[int, int]]) -> tuple[U64, U64]:
    """64-bit hashes of each distinct raw token's normalised form, and of its digit-masked form.

    ``cache`` maps raw tokens to their hashes across the batches of one call (filled here).
    """
    cache.setdefault("\n", (0, 0))
    new = [t for t in dict.fromkeys(vocab) if t not in cache]  # distinct tokens first (a C-level pass)
    key = seed.to_bytes(8, "little")
    for tok, norm_str in zip(new, normalize_many(new), strict=True):
        norm = norm_str.encode("utf-8", "surrogatepass")
        h = int.from_bytes(hashlib.blake2b(norm, digest_size=8, key=key).digest(), "little")
        m = h
        if _DIGITS.search(norm):
            m = int.from_bytes(
                hashlib.blake2b(_DIGITS.sub(b"0", norm), digest_size=8, key=key).digest(), "little"
            )
        cache[tok] = (h, m)
    flat = chain.from_iterable(map(cache.__getitem__, vocab))
    pairs = np.fromiter(flat, dtype=np.uint64, count=2 * len(vocab)).reshape(-1, 2)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def featurize(
    texts: Sequence[str], seed: int, cache: dict[str, tuple[int, int]] | None = None
) -> BatchFeatures:
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
    if not texts:
        empty = np.zeros(0, dtype=np.int64)
        return BatchFeatures(
            np.zeros(0, np.uint32), empty, np.zeros(0, np.uint64), empty, np.zeros(0, np.uint64), empty
        )
    # the whole batch at once: documents joined with a document marker, line breaks as a marker chunk;
    # one format-character pass and one ``str.split`` over the joined text (mojibake repair, rare, per text)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    joined = _DOC_END.join(texts) + _DOC_END
    if has_mojibake(joined):  # one test over the batch; the repair is per text
        texts = [_search_if_mojibake(t) for t in texts]
        joined = _DOC_END.join(texts) + _DOC_END
    if joined.count(_DOC) != len(texts):  # a text holds the document marker itself: it is deleted there
        joined = _DOC_END.join(t.replace(_DOC, "") for t in texts) + _DOC_END
    if _LINE in joined:  # a text holds the line marker itself: it is a format character, deleted
        joined = joined.replace(_LINE, "")
    all_chunks = joined.replace("\n", _LINE_MARK).split()
    # one dict pass: each chunk maps to the position of its first occurrence, then to a dense id
    first: dict[str, int] = {}
    n_chunks = len(all_chunks)
    first_pos = np.fromiter(
        map(first.setdefault, all_chunks, range(n_chunks)), dtype=np.int64, count=n_chunks
    )
    del all_chunks
    chunk_vocab = list(first)
    dense = np.zeros(n_chunks, dtype=np.int64)
    dense[np.fromiter(first.values(), dtype=np.int64, count=len(first))] = np.arange(
        len(first), dtype=np.int64
    )
    chunk_ids = dense[first_pos]
    doc_id = int(dense[first[_DOC]])
    chunk_vocab[doc_id] = ""  # the document marker holds no token
    # one tokenizer call over all distinct chunks joined by line breaks (chunks hold no whitespace, so the
    # joins never merge tokens); the "\n" tokens it returns separate the chunks' token lists. Format
    # characters are deleted here, once per distinct chunk: none of them is whitespace, so deleting them
    # before or after ``str.split`` gives the same tokens
    vocab_text = "\n".join(chunk_vocab) + "\n"
    if _WORD_FORMAT.search(vocab_text):
        vocab_text = _WORD_FORMAT.sub("", vocab_text)
    flat = np.array(tokenize(vocab_text), dtype=object)
    sep = flat == "\n"
    per_chunk = np.diff(np.concatenate([[-1], np.flatnonzero(sep)])) - 1
    marker = flat == _LINE  # the line-break marker chunk stands for a line break token
    flat[marker] = "\n"
    keep_vocab = ~sep
    vocab: list[str] = flat[keep_vocab].tolist()
    vocab_nl = marker[keep_vocab]
    word_hash, masked = _vocab_hashes(vocab, seed, {} if cache is None else cache)
    chunk_off = np.concatenate([[0], np.cumsum(per_chunk)]).astype(np.int64)
    # expand every chunk occurrence into its tokens' positions in ``vocab``
    occ_len = per_chunk[chunk_ids]
    occ_cum = np.cumsum(occ_len)
    total = int(occ_cum[-1]) if occ_cum.size else 0
    ids = np.repeat(chunk_off[chunk_ids] - (occ_cum - occ_len), occ_len) + np.arange(total, dtype=np.int64)
    counts = np.diff(np.concatenate([[0], occ_cum[chunk_ids == doc_id]]))
    is_nl = vocab_nl[ids]
    word_ids = ids[~is_nl]
    words = word_hash[word_ids]
    # line number of every word token: number of line breaks before it
    line_of = np.cumsum(is_nl)[~is_nl]
    starts = (
        np.flatnonzero(np.concatenate([[True], line_of[1:] != line_of[:-1]])) if line_of.size else line_of
    )
    line_len = np.diff(np.concatenate([starts, [line_of.shape[0]]])).astype(np.int64)
    line_hash = _sequence_hashes(masked[word_ids], starts, line_len)
    # lines per document: a line with line number L belongs to document d when
    # nl_before[d] <= L < nl_before[d + 1] (every document ends with its own line break)
    doc_starts = (np.cumsum(counts) - counts).astype(np.int64)
    nl_per_doc = np.add.reduceat(is_nl.astype(np.int64), doc_starts) if counts.size else counts
    nl_before = np.concatenate([[0], np.cumsum(nl_per_doc)])
    doc_lines = np.diff(np.searchsorted(line_of[starts], nl_before)).astype(np.int64)
    # exact key: the sequence of normalised word tokens (line breaks and separators do not count)
    doc_words = counts - nl_per_doc
    word_starts = (np.cumsum(doc_words) - doc_words).astype(np.int64)
    nonempty = doc_words > 0
    hashes = np.zeros(len(texts), dtype=np.uint64)
    hashes[nonempty] = _sequence_hashes(words, word_starts[nonempty], doc_words[nonempty])
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
