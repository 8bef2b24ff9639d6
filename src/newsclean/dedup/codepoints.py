"""Word tokens of a whole batch found with numpy over its code points (no per-token Python objects).

A batch of texts is joined with line breaks, encoded once as UTF-32 and viewed as a uint32 array. A lookup
table classifies every code point as a format character (deleted), a separator (whitespace and the
punctuation of :data:`newsclean.dedup.tokens.SEPARATORS`), a line break or a word character; word tokens are
the maximal runs of word characters, exactly the tokens :func:`newsclean.dedup.tokens.tokenize` returns after
:func:`newsclean.dedup.tokens.prepare`.

Each token gets a 64-bit *identity* hash of its code points, so that the distinct tokens of a batch are
found with integer arrays and only those are turned back into strings (to be normalised). The identity hash
is polynomial, computed for every token at once from one prefix sum over the batch:
``ident = (prefix[end] - prefix[start]) * P**-start + length * GOLDEN`` (mod 2**64), where
``prefix[i] = sum(c_j * P**j for j < i)`` and ``P`` is a fixed odd constant (so ``P**-1`` exists mod 2**64).
That is one multiply and one add per code point, plus a few operations per token. Polynomial hashes modulo a
power of two have structured collisions (Thue-Morse strings), but only between strings of at least 2**10
code points; tokens that long are hashed with ``blake2b`` instead. The identity only decides which raw tokens
share one normalisation; the normalised token itself is hashed separately (:func:`segment_hashes`).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from .tokens import FORMAT_CHARS, SEPARATORS, has_mojibake

__all__ = [
    "TokenRuns",
    "code_points",
    "finish",
    "mix64",
    "powers",
    "run_hashes",
    "segment_hashes",
    "token_runs",
]

U8 = npt.NDArray[np.uint8]
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

WORD, SEPARATOR, FORMAT, NEWLINE = 0, 1, 2, 3
_T = TypeVar("_T", bound=np.generic)
LONG_TOKEN = 1 << 10  # tokens from this many code points get a blake2b identity (see the module doc)


def _class_table() -> U8:
    """Class of every code point (characters above the BMP are word characters: none is listed)."""
    table = np.zeros(0x110000, dtype=np.uint8)
    chars = "".join(map(chr, range(0x10000)))  # a str keeps surrogates as separate code points
    sep = re.compile(f"[{SEPARATORS}]")
    fmt = re.compile(f"[{FORMAT_CHARS}\ue001]")
    table[[m.start() for m in sep.finditer(chars)]] = SEPARATOR
    table[[m.start() for m in fmt.finditer(chars)]] = FORMAT  # deleted first, so format wins
    table[0x0A] = NEWLINE
    return table


_TABLE = _class_table()
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_P = 0x2545F4914F6CDD1D  # odd: invertible modulo 2**64
_P_INV = pow(_P, -1, 1 << 64)
_POWER_CACHE = 1 << 19  # positions whose powers are kept between calls (8 MiB at most)
_powers_lock = threading.Lock()
_powers_kept: tuple[U64, U64] = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))


def powers(n: int) -> tuple[U64, U64]:
    """``P**i`` and ``P**-i`` modulo 2**64 for ``i < n`` (cached up to a size; read-only views).

    Args:
        n: Number of positions.

    Returns:
        ``(pow, inv)``, uint64 arrays of length ``n``.

    >>> p, q = powers(3)
    >>> (p * q).tolist()
    [1, 1, 1]
    """
    global _powers_kept
    pw, inv = _powers_kept
    if pw.shape[0] >= n:
        return pw[:n], inv[:n]
    size = max(n, min(2 * pw.shape[0], _POWER_CACHE))
    grown = tuple(_power_array(b, size) for b in (_P, _P_INV))
    if size <= _POWER_CACHE:
        with _powers_lock:
            if _powers_kept[0].shape[0] < size:
                for a in grown:
                    a.setflags(write=False)
                _powers_kept = (grown[0], grown[1])
    return grown[0][:n], grown[1][:n]


def _power_array(base: int, n: int) -> U64:
    out = np.full(n, base, dtype=np.uint64)
    out[0] = 1
    return np.cumprod(out, out=out)  # uint64 products wrap modulo 2**64


def mix64(x: U64) -> U64:
    """splitmix64's finaliser, in place on ``x`` (a bijection of uint64)."""
    tmp = np.empty_like(x)
    for shift, mult in ((30, _M1), (27, _M2)):
        np.right_shift(x, np.uint64(shift), out=tmp)
        x ^= tmp
        x *= mult
    np.right_shift(x, np.uint64(31), out=tmp)
    x ^= tmp
    return x


def code_points(text: str) -> U32:
    """The code points of ``text`` as a uint32 array (lone surrogates included).

    Args:
        text: Any string.

    Returns:
        One uint32 per character.

    >>> code_points("क\\n").tolist()
    [2325, 10]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@dataclass(frozen=True, slots=True)
class TokenRuns:
    """The word tokens and line breaks of a batch of texts joined by line breaks.

    Attributes:
        chars: Code points of the batch with format characters deleted.
        start: Position in ``chars`` of each word token, in order.
        length: Code points of each word token.
        ident: 64-bit identity hash of each word token's code points.
        line: Number of runs of line breaks before each word token (its line number in the batch; blank
            lines do not count).
        doc_newlines: Runs of line breaks starting before each text (one more entry: the total).
    """

    chars: U32
    start: I64
    length: I64
    ident: U64
    line: I64
    doc_newlines: I64

    def strings(self, tokens: I64) -> list[str]:
        """The strings of the word tokens ``tokens`` (indices into ``start``), decoded in one call.

        Args:
            tokens: Token indices.

        Returns:
            Their strings, in that order.
        """
        if tokens.size == 0:
            return []
        lengths = self.length[tokens] + 1  # each followed by a line break
        ends = np.cumsum(lengths)
        pos = np.arange(int(ends[-1]), dtype=np.int64) - np.repeat(ends - lengths, lengths)
        src = np.repeat(self.start[tokens], lengths) + pos
        buf = np.full(int(ends[-1]), 0x0A, dtype=np.uint32)
        word = pos < np.repeat(lengths - 1, lengths)
        buf[word] = self.chars[src[word]]
        return buf.tobytes().decode("utf-32-le", "surrogatepass").split("\n")[:-1]


def token_runs(texts: list[str], repair: Callable[[list[str]], list[str]] | None = None) -> TokenRuns:
    """Word tokens of ``texts`` (each text ends its last line; format characters deleted first).

    Args:
        texts: Texts.
        repair: Called with the texts when the batch shows the telltale of Devanagari mojibake
            (:func:`newsclean.dedup.tokens.has_mojibake`); returns the texts to use instead (the same list
            object when none needs repair).

    Returns:
        The batch's :class:`TokenRuns`.

    >>> r = token_runs(["राम घर।\\nसीता", "एक\\u200bदो"])
    >>> r.strings(np.arange(r.start.shape[0]))
    ['राम', 'घर', 'सीता', 'एकदो']
    >>> r.line.tolist(), r.doc_newlines.tolist()
    ([0, 0, 1, 2], [0, 2, 3])
    >>> bool(r.ident[2] == token_runs(["x सीता"]).ident[1])
    True
    """
    joined = "\n".join(texts) + "\n"
    # "à" in text is a fast scan; the two-character telltale is only searched for when it is there
    if repair is not None and "à" in joined and has_mojibake(joined):
        fixed = repair(texts)
        if fixed is not texts:
            texts = fixed
            joined = "\n".join(texts) + "\n"
    chars = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    del joined
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    cls = _TABLE.take(chars)
    doc_start = np.cumsum(sizes) - sizes
    fmt = np.flatnonzero(cls == FORMAT)
    if fmt.size:  # deleted: each document starts earlier by the format characters before it
        doc_start -= np.searchsorted(fmt, doc_start)
        chars, cls = _delete(chars, fmt), _delete(cls, fmt)
    n = chars.shape[0]
    # runs of one class (words, separators, line breaks): a token is a word run, its line the number of
    # line-break runs before it (the last character is a line break, so every word run has a successor)
    run = np.flatnonzero(cls[1:] != cls[:-1]) + 1
    run = np.concatenate([[0], run, [n]]) if n else np.zeros(1, dtype=np.int64)
    kind = cls.take(run[:-1])
    words = np.flatnonzero(kind == WORD)
    breaks = kind == NEWLINE
    before = np.cumsum(breaks) - breaks
    start = run.take(words)
    end = run.take(words + 1)
    line = before.take(words)
    newline_runs = run[:-1][breaks]
    doc_newlines = np.concatenate([np.searchsorted(newline_runs, doc_start), [newline_runs.shape[0]]])
    pw, inv = powers(n)
    prefix = np.empty(n + 1, dtype=np.uint64)
    prefix[0] = 0
    np.multiply(chars, pw, out=prefix[1:])
    np.cumsum(prefix[1:], out=prefix[1:])
    length = end - start
    ident = prefix.take(end)
    ident -= prefix.take(start)
    del prefix
    ident *= inv.take(start)
    ident += length.astype(np.uint64) * _GOLDEN
    long = np.flatnonzero(length >= LONG_TOKEN)
    if long.size:
        ident[long] = _strong_idents(chars, start[long], end[long])
    return TokenRuns(chars, start, length, ident, line, doc_newlines.astype(np.int64))


def _delete(values: npt.NDArray[_T], at: I64) -> npt.NDArray[_T]:
    """``values`` without the sorted positions ``at`` (a handful: the pieces between them copied once)."""
    if at.shape[0] > 16:
        keep = np.ones(values.shape[0], dtype=bool)
        keep[at] = False
        kept: npt.NDArray[_T] = values[keep]
        return kept
    pieces = np.split(values, at)
    out: npt.NDArray[_T] = np.concatenate([pieces[0], *(p[1:] for p in pieces[1:])])
    return out


def _strong_idents(chars: U32, start: I64, end: I64) -> U64:
    """``blake2b`` identities of long tokens (never equal to a polynomial one but by a 2**-64 chance)."""
    out = np.empty(start.shape[0], dtype=np.uint64)
    for k, (a, b) in enumerate(zip(start.tolist(), end.tolist(), strict=True)):
        digest = hashlib.blake2b(chars[a:b].tobytes(), digest_size=8, person=b"nc.longtok").digest()
        out[k] = int.from_bytes(digest, "little")
    return out


def run_hashes(chars: U32, word: npt.NDArray[np.bool_], seed: int) -> tuple[I64, I64, U64]:
    """The maximal runs of ``word`` characters and a 64-bit hash of each run's code points.

    The hash is the sum of ``mix(code point, position in the run)`` over the run, mixed with its length and
    the seed (``mix``: splitmix64's finaliser). It hashes normalised tokens (a few per vocabulary entry),
    where strength matters more than speed.

    Args:
        chars: Code points.
        word: Which of them belong to runs; the last one must not.
        seed: Hash seed.

    Returns:
        ``(start, length, hash)`` of every run, in order.
    """
    flags = word.view(np.int8)
    edges = np.flatnonzero(flags[1:] != flags[:-1]) + 1
    if flags.shape[0] and flags[0]:
        edges = np.concatenate([[0], edges])
    start = edges[0::2].astype(np.int64)
    length = (edges[1::2] - start).astype(np.int64)
    # positions restart at every run edge (a cumulative sum with resets); sums by one ``reduceat``
    index = np.int32 if chars.shape[0] < 2**31 else np.int64
    steps = np.ones(chars.shape[0], dtype=index)
    if edges.size:
        steps[edges[0]] = 1 - edges[0]
        steps[edges[1:]] = 1 - np.diff(edges)
    mixed = np.cumsum(steps, dtype=index).astype(np.uint64)  # position in run, plus one
    mixed <<= np.uint64(21)
    mixed |= chars
    salt = np.uint64((seed * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    mixed += salt
    mix64(mixed)
    summed = np.add.reduceat(mixed, edges)[0::2] if edges.size else np.zeros(0, np.uint64)
    return start, length, finish(summed, length, seed)


def finish(summed: U64, length: I64, seed: int) -> U64:
    """The last step of :func:`run_hashes` (also the hash of an empty run: ``summed`` and ``length`` 0)."""
    salt = np.uint64((seed * 0xC2B2AE3D27D4EB4F) & 0xFFFFFFFFFFFFFFFF)
    return mix64(summed ^ (length.astype(np.uint64) * _GOLDEN) ^ salt)


def segment_hashes(chars: U32, count: int, seed: int) -> U64:
    """:func:`run_hashes` of each of the ``count`` segments of ``chars`` ended by line breaks (empty ones too).

    Args:
        chars: Code points of the segments, each followed by ``"\\n"`` (exactly ``count`` line breaks).
        count: Number of segments.
        seed: Hash seed.

    Returns:
        One uint64 hash per segment.

    >>> h = segment_hashes(code_points("कम\\n\\nकम\\n"), 3, seed=1)
    >>> bool(h[0] == h[2] != h[1]), bool(h[1] == finish(np.zeros(1, np.uint64), np.zeros(1, np.int64), 1)[0])
    (True, True)
    """
    newline = chars == 0x0A
    start, _, hashes = run_hashes(chars, ~newline, seed)
    out = np.full(count, finish(np.zeros(1, np.uint64), np.zeros(1, np.int64), seed)[0], dtype=np.uint64)
    out[np.searchsorted(np.flatnonzero(newline), start)] = hashes
    return out
