"""Hashes of token-id sequences: polynomial keys of any range read off prefix sums, salted by kind.

A range's polynomial ``sum(ids[j] * M ** (b - 1 - j))`` (mod 2**64) is ``M ** (b - 1)`` times a difference of
prefix sums of ``ids[j] * M ** -j`` (``M`` is odd, so it has an inverse mod 2**64), so the key of any range of a
text, or of every window of a size, is O(1) or one array operation. Every key is the polynomial XOR a salt
(lines, lead-ins and tails at each separator, or none for plain windows), mixed; stable across processes and
machines.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .scan import mix, powers

__all__ = [
    "LINE_SALT",
    "Prefix",
    "WindowHasher",
    "mix_int",
    "ngram_hashes",
    "part_salt",
    "salt",
    "seq_hash",
]

_MULT = np.uint64(0x9E3779B97F4A7C15)
_MINV = np.uint64(pow(int(_MULT), -1, 1 << 64))


def salt(kind: bytes) -> int:
    """The 64-bit salt of a kind of key (``b"nc-seq"`` for lines, prefixes and suffixes for line parts).

    >>> salt(b"nc-seq") != salt(b"nc-pre:")
    True
    """
    return int.from_bytes(hashlib.blake2b(kind, digest_size=8, person=b"nc-salt").digest(), "little")


LINE_SALT = salt(b"nc-seq")
_M64 = (1 << 64) - 1
_MIXI = 0xBF58476D1CE4E5B9


def mix_int(h: int) -> int:
    """:func:`newsclean.boilerplate.mining.scan.mix` on a Python int."""
    h ^= h >> 31
    h = (h * _MIXI) & _M64
    return h ^ (h >> 29)


def seq_hash(ids: npt.NDArray[np.uint64], kind: bytes | int = b"nc-seq") -> int:
    """Stable 64-bit hash of a sequence of token ids (a line key; ``kind`` salts line prefixes/suffixes;
    ``0`` gives the plain window hash, as :class:`WindowHasher` computes it).

    >>> from newsclean.boilerplate.mining.text import analyse
    >>> a = analyse("यह भी पढ़ें: 12 मई")
    >>> b = analyse("यह भी पढ़ें : 13 मई")
    >>> seq_hash(a.ids) == seq_hash(b.ids), seq_hash(a.ids) == seq_hash(a.ids, b"nc-pre")
    (True, False)
    >>> seq_hash(a.ids, 0) == int(WindowHasher(a.ids).hashes(len(a.ids))[0]) == a.key(0, 5, 0)
    True
    """
    if not len(ids):
        return mix_int(salt(kind) if isinstance(kind, bytes) else kind)
    return Prefix(ids).key(0, len(ids), salt(kind) if isinstance(kind, bytes) else kind)


class Prefix:
    """Prefix sums of a token-id sequence: the key of any range ``[a, b)`` in O(1).

    The range's polynomial ``sum(ids[j] * M ** (b - 1 - j))`` (mod 2**64) is ``M ** (b - 1)`` times a
    difference of prefix sums of ``ids[j] * M ** -j``; the key is that polynomial XOR a salt, mixed.
    """

    __slots__ = ("_cum", "_pow", "cum", "pow")

    def __init__(self, ids: npt.NDArray[np.uint64]) -> None:
        n = len(ids)
        pw, inv = powers(n)  # the shared tables of M ** k and M ** -k
        self.pow = pw[:n]
        self.cum = np.zeros(n + 1, dtype=np.uint64)
        with np.errstate(over="ignore"):
            np.cumsum(ids * inv[:n], out=self.cum[1:])
        self._pow: list[int] | None = None
        self._cum: list[int] | None = None

    def keys(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], salt: int = 0
    ) -> npt.NDArray[np.uint64]:
        """Keys of the ranges ``[a[i], b[i])`` (all non-empty)."""
        with np.errstate(over="ignore"):
            poly = self.pow[b - 1] * (self.cum[b] - self.cum[a])
        return mix(poly ^ np.uint64(salt))

    def key(self, a: int, b: int, salt: int = 0) -> int:
        """The key of the range ``[a, b)`` (non-empty)."""
        if self._pow is None:
            self._pow = self.pow.tolist()
            self._cum = self.cum.tolist()
        cum = self._cum
        assert cum is not None
        return mix_int(((self._pow[b - 1] * (cum[b] - cum[a])) & _M64) ^ salt)


class WindowHasher:
    """Hashes of every window of ``size`` consecutive ids, for any sizes, in O(len) numpy work each.

    The window polynomial ``sum(ids[p + j] * M ** (size - 1 - j))`` (mod 2**64) is read off one prefix
    sum of ``ids[j] * M ** -j`` (``M`` is odd, so it has an inverse mod 2**64); it is the unsalted key of
    :class:`Prefix`.

    >>> from newsclean.boilerplate.mining.text import analyse
    >>> ids = analyse("एक दो तीन चार").ids
    >>> w = WindowHasher(ids)
    >>> bool((w.hashes(2) == ngram_hashes(ids, 2)).all()), len(w.hashes(4)), len(w.hashes(5))
    (True, 1, 0)
    """

    def __init__(self, ids: npt.NDArray[np.uint64]) -> None:
        self._p = Prefix(ids)
        self._n = len(ids)

    def hashes(self, size: int) -> npt.NDArray[np.uint64]:
        """Mixed hashes of the windows of ``size`` ids (empty when there are fewer ids)."""
        count = self._n - size + 1
        if count <= 0 or size <= 0:
            return np.zeros(0, dtype=np.uint64)
        a = np.arange(count, dtype=np.int64)
        return self._p.keys(a, a + size)

    def at(self, positions: npt.NDArray[np.intp], size: int) -> npt.NDArray[np.uint64]:
        """Mixed hashes of the windows of ``size`` ids starting at ``positions`` (all must fit)."""
        return self._p.keys(positions, positions + size)


def ngram_hashes(ids: npt.NDArray[np.uint64], n: int) -> npt.NDArray[np.uint64]:
    """Stable 64-bit hashes of every window of ``n`` consecutive token ids (empty if too short).

    >>> from newsclean.boilerplate.mining.text import analyse
    >>> u = analyse("एक दो तीन चार")
    >>> len(ngram_hashes(u.ids, 3)), len(ngram_hashes(u.ids, 5))
    (2, 0)
    """
    return WindowHasher(ids).hashes(n)


@lru_cache(maxsize=16)
def part_salt(kind: bytes, separator: bytes) -> int:
    """The salt of a lead-in (``kind`` ``b"nc-pre"``) or tail (``b"nc-suf"``) key at a separator.

    >>> part_salt(b"nc-pre", b":") != part_salt(b"nc-suf", b":")
    True
    """
    return salt(kind + separator)
