"""MinHash signatures for whole batches, and the LSH band/row choice.

Scheme (``scheme_version`` 2): one-permutation MinHash with densification.

- Every normalised token gets a stable 32-bit hash (seeded, never Python's salted ``hash()``); a shingle of
  ``shingle`` consecutive tokens of one line combines its token hashes with seeded odd multipliers, summed
  modulo 2**32, and murmur3's 32-bit finaliser into one 32-bit value, well spread over ``[0, 2**32)``
  (:mod:`newsclean.dedup.shingles`). One random permutation of the shingle universe is this hash itself.
- The hash range is cut into ``num_perm`` equal bins (bin = ``value * num_perm >> 32``); a document's
  signature holds, for each bin, the smallest of its shingle values falling in it. This is "one permutation
  hashing" (Li, Owen and Zhang 2012): it costs one pass over the shingles instead of ``num_perm`` passes, and
  with the shingles already sorted per document (they are, for exact Jaccard later) the minima fall out of
  the sort for free.
- Empty bins are filled by densification (Shrivastava and Li 2014, "improved densification"): an empty bin
  borrows the value of the nearest non-empty bin in a direction fixed per bin by the seed, re-mixed with the
  distance, so two documents with the same shingles fill the same bins the same way.

The share of equal bins between two signatures estimates the Jaccard resemblance of the shingle sets, as
with classic ``num_perm``-permutation MinHash; ``tests/test_dedup_minhash.py`` checks the error bound.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .._check import check_fraction, check_positive_int
from ..errors import ConfigError, IncompatibleSignatureError

__all__ = ["SCHEME_VERSION", "MinHashParams", "Signature", "lsh_params"]

SCHEME_VERSION = 2
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
_M32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class MinHashParams:
    """Everything a signature depends on; two signatures compare only if their params are equal.

    Args:
        num_perm: Number of signature slots (bins). More slots, finer similarity estimates.
        seed: Seed of every hash (token hash key, shingle mixer, densification directions).
        shingle: Shingle size in word tokens.
        key_scheme: Name of the matching-key normalisation the tokens come from.
        scheme_version: Version of the signature scheme (bumped on any change of hashing).

    >>> MinHashParams(num_perm=64).num_perm
    64
    >>> MinHashParams(num_perm=0)
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: MinHashParams() argument 'num_perm' = 0 is invalid; must be >= 8
    """

    num_perm: int = 128
    seed: int = 1
    shingle: int = 4
    key_scheme: str = ""
    scheme_version: int = SCHEME_VERSION

    def __post_init__(self) -> None:
        check_positive_int(self.num_perm, "MinHashParams", "num_perm", minimum=8)
        check_positive_int(self.shingle, "MinHashParams", "shingle")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or not 0 <= self.seed < 2**63:
            msg = f"MinHashParams() argument 'seed' = {self.seed!r} is invalid; must be in [0, 2**63)"
            raise ConfigError(msg)
        if self.num_perm > 4096:
            msg = f"MinHashParams() argument 'num_perm' = {self.num_perm!r} is invalid; must be <= 4096"
            raise ConfigError(msg)

    def check_compatible(self, other: MinHashParams) -> None:
        """Raise :class:`IncompatibleSignatureError` unless ``other`` equals these params.

        Args:
            other: Params of the signature compared with one of these params.

        Raises:
            IncompatibleSignatureError: On any difference, naming the fields that differ.

        >>> MinHashParams(seed=1).check_compatible(MinHashParams(seed=2))
        Traceback (most recent call last):
        ...
        newsclean.errors.IncompatibleSignatureError: signatures differ in seed (1 != 2)
        """
        if other == self:
            return
        diffs = [
            f"{name} ({getattr(self, name)!r} != {getattr(other, name)!r})"
            for name in ("num_perm", "seed", "shingle", "key_scheme", "scheme_version")
            if getattr(self, name) != getattr(other, name)
        ]
        raise IncompatibleSignatureError("signatures differ in " + ", ".join(diffs))

    def _stream(self, tag: bytes, count: int) -> U64:
        """``count`` pseudo-random 64-bit words derived from the seed and ``tag`` (blake2b in counter mode)."""
        out = bytearray()
        block = 0
        while len(out) < 8 * count:
            h = hashlib.blake2b(tag + block.to_bytes(4, "little"), digest_size=64, key=self._key())
            out += h.digest()
            block += 1
        return np.frombuffer(bytes(out[: 8 * count]), dtype="<u8").astype(np.uint64)

    def _key(self) -> bytes:
        return b"newsclean.dedup" + self.seed.to_bytes(8, "little")

    def shingle_multipliers(self) -> U64:
        """Odd 64-bit multipliers, one per position in a shingle."""
        out: U64 = self._stream(b"shingle", self.shingle) | np.uint64(1)
        return out

    def directions(self) -> npt.NDArray[np.bool_]:
        """Per-bin densification direction (True: borrow from the right)."""
        out: npt.NDArray[np.bool_] = (self._stream(b"direction", self.num_perm) & np.uint64(1)).astype(bool)
        return out


@dataclass(frozen=True, slots=True)
class Signature:
    """A document's MinHash signature with the params that made it.

    >>> p = MinHashParams(num_perm=8)
    >>> a = Signature(p, np.arange(8, dtype=np.uint32))
    >>> a.jaccard(Signature(p, np.array([0, 1, 2, 3, 9, 9, 9, 9], dtype=np.uint32)))
    0.5
    """

    params: MinHashParams
    values: U32

    def jaccard(self, other: Signature) -> float:
        """Estimated Jaccard resemblance: the share of equal slots.

        Args:
            other: A signature made with the same params.

        Returns:
            A float in [0, 1].

        Raises:
            IncompatibleSignatureError: If the params differ.
        """
        self.params.check_compatible(other.params)
        return float(np.count_nonzero(self.values == other.values)) / self.params.num_perm


def mix64to32(x: U64) -> U32:
    """Final avalanche of 64-bit values down to 32 bits (murmur3 fmix64 constants)."""
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    x = x ^ (x >> np.uint64(33))
    out: U32 = (x & _M32).astype(np.uint32)
    return out


def signatures_from_sets(sets: U32, offsets: I64, params: MinHashParams) -> U32:
    """One-permutation MinHash signatures, densified, from per-document sorted shingle sets.

    Args:
        sets: Concatenated sorted unique shingle values (from :func:`unique_sets`).
        offsets: CSR offsets, ``n_docs + 1`` of them.
        params: Signature params.

    Returns:
        ``(n_docs, num_perm)`` uint32. A document without shingles gets all slots ``0xFFFFFFFF``.
    """
    n_docs = offsets.shape[0] - 1
    p = params.num_perm
    sig = np.full((n_docs, p), 0xFFFFFFFF, dtype=np.uint32)
    if n_docs == 0 or sets.size == 0:
        return sig
    lengths = np.diff(offsets)
    if p & (p - 1) == 0:  # a power of two: the bin is the top bits
        bins = sets >> np.uint32(32 - (p.bit_length() - 1))
    else:
        bins = ((sets.astype(np.uint64) * np.uint64(p)) >> np.uint64(32)).astype(np.uint32)
    # each set is sorted and the bin grows with the value: a bin's minimum is its first value
    first = np.empty(sets.shape[0], dtype=bool)
    first[0] = True
    np.not_equal(bins[1:], bins[:-1], out=first[1:])
    nonempty = np.flatnonzero(lengths > 0)
    first[offsets[nonempty]] = True
    at = np.flatnonzero(first)
    per_doc = np.add.reduceat(first.view(np.uint8), offsets[nonempty]).astype(np.int64)  # <= p firsts each
    cell = np.repeat(nonempty * p, per_doc) + bins.take(at)
    sig.reshape(-1)[cell] = sets[at]
    filled = np.zeros(n_docs * p, dtype=bool)
    filled[cell] = True
    _densify(sig, filled.reshape(n_docs, p), lengths > 0, params)
    return sig


def _densify(
    sig: U32, filled: npt.NDArray[np.bool_], nonempty: npt.NDArray[np.bool_], params: MinHashParams
) -> None:
    """Fill empty bins in place from the nearest filled bin, right or left as fixed per bin by the seed."""
    rows = np.flatnonzero(nonempty & ~filled.all(axis=1))
    if rows.size == 0:
        return
    p = params.num_perm
    # each row doubled (circular), flattened: ``count[x]`` filled cells up to x and ``at`` their positions,
    # so the nearest filled cell at or after an empty x is ``at[count[x]]``, and at or before x + p
    # (the same bin, one turn later) is ``at[count[x + p] - 1]``; both lie in x's own doubled row
    f = filled[rows]
    doubled = np.concatenate([f, f], axis=1).reshape(-1)
    at = np.flatnonzero(doubled)
    count = np.cumsum(doubled, dtype=np.int64)
    empty = np.flatnonzero(~f.reshape(-1))
    er, ec = empty // p, empty % p
    x = er * (2 * p) + ec
    base = er * (2 * p)
    right = at[count[x]] - base
    left = at[count[x + p] - 1] - base
    go_right = params.directions()[ec]
    src = np.where(go_right, right, left)
    dist = np.where(go_right, src - ec, ec + p - src).astype(np.uint64)
    rows_e = rows[er]
    borrowed = sig[rows_e, src % p].astype(np.uint64)
    sig[rows_e, ec] = mix64to32((borrowed << np.uint64(16)) ^ (dist * np.uint64(0x9E3779B97F4A7C15)))


def lsh_params(threshold: float, num_perm: int, weights: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int]:
    """Choose LSH ``(bands, rows)`` minimising the weighted false-positive and false-negative areas.

    The probability that two signatures with resemblance ``s`` share at least one band of ``r`` rows out of
    ``b`` is ``1 - (1 - s**r)**b``. The false-positive area is its integral over ``[0, threshold]``, the
    false-negative area the integral of its complement over ``[threshold, 1]`` (the same criterion as
    datasketch's ``MinHashLSH``; integrated here with the trapezoid rule on a fine grid, no scipy).

    Args:
        threshold: Resemblance the LSH should separate at, in (0, 1).
        num_perm: Signature length; ``bands * rows <= num_perm``.
        weights: ``(false_positive_weight, false_negative_weight)``, summing to 1.

    Returns:
        ``(bands, rows)``.

    Raises:
        ConfigError: If a value is out of range.

    >>> lsh_params(0.5, 128)
    (25, 5)
    """
    threshold = check_fraction(threshold, "lsh_params", "threshold")
    if not 0.0 < threshold < 1.0:
        msg = f"lsh_params() argument 'threshold' = {threshold!r} is invalid; must be in (0, 1)"
        raise ConfigError(msg)
    num_perm = check_positive_int(num_perm, "lsh_params", "num_perm", minimum=2)
    fp_w, fn_w = (float(w) for w in weights)
    if fp_w < 0 or fn_w < 0 or abs(fp_w + fn_w - 1.0) > 1e-6:
        msg = f"lsh_params() argument 'weights' = {weights!r} is invalid; must be >= 0 and sum to 1"
        raise ConfigError(msg)
    lo = np.linspace(0.0, threshold, 2001)
    hi = np.linspace(threshold, 1.0, 2001)
    best = (float("inf"), (1, 1))
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = _trapezoid(1.0 - (1.0 - lo**r) ** b, lo)
            fn = _trapezoid((1.0 - hi**r) ** b, hi)
            err = fp * fp_w + fn * fn_w
            if err < best[0]:
                best = (err, (b, r))
    return best[1]


def _trapezoid(y: npt.NDArray[np.float64], x: npt.NDArray[np.float64]) -> float:
    return float(np.sum((y[1:] + y[:-1]) * np.diff(x)) / 2.0)
