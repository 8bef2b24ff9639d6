"""The normalised hashes of raw tokens, by identity hash: an open-addressing hash table in numpy arrays."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["TokenCache"]

U64 = npt.NDArray[np.uint64]
_MULT = np.uint64(0x9E3779B97F4A7C15)
_EMPTY = np.uint64(0)
_STAND_IN = np.uint64(0xD6E8FEB86659FD93)  # stored instead of an identity equal to the empty marker


class TokenCache:
    """Hashes of normalised tokens, by raw-token identity hash, shared by the batches of one call.

    Linear probing over power-of-two arrays kept at most a quarter full, so almost every look-up is one
    gather from the key array and one from the value array; no Python object per token. Values are
    uint64 rows packing two 32-bit hashes (the normalised token and its digit-masked form).

    >>> c = TokenCache(seed=1)
    >>> keys = np.array([5, 9], dtype=np.uint64)
    >>> c.add(keys, np.array([50, 90], dtype=np.uint64))
    >>> found, vals = c.lookup(np.array([9, 7, 5, 9], dtype=np.uint64))
    >>> found.tolist(), vals.tolist()
    ([True, False, True, True], [90, 0, 50, 90])
    """

    __slots__ = ("_bits", "_rows", "_used", "seed")

    def __init__(self, seed: int, bits: int = 16) -> None:
        self.seed = seed
        self._bits = bits
        self._rows = np.zeros((1 << bits, 2), dtype=np.uint64)  # (key, value): one gather per look-up
        self._used = 0

    def __len__(self) -> int:
        return self._used

    def _slots(self, keys: U64) -> npt.NDArray[np.intp]:
        out: npt.NDArray[np.intp] = ((keys * _MULT) >> np.uint64(64 - self._bits)).astype(np.intp)
        return out

    def lookup(self, idents: U64) -> tuple[npt.NDArray[np.bool_], U64]:
        """Which of ``idents`` are known, and their values (0 where unknown).

        Args:
            idents: Identity hashes (any order, repeats allowed).

        Returns:
            ``(found, values)``.
        """
        keys = np.where(idents == _EMPTY, _STAND_IN, idents) if (idents == _EMPTY).any() else idents
        slot = self._slots(keys)
        rows = self._rows.take(slot, axis=0)
        found = rows[:, 0] == keys
        vals = rows[:, 1].copy()
        pending = np.flatnonzero(~found & (rows[:, 0] != _EMPTY))
        mask = (1 << self._bits) - 1
        while pending.size:  # displaced keys: probe on for the few that are neither here nor absent
            slot[pending] = (slot[pending] + 1) & mask
            again = self._rows.take(slot[pending], axis=0)
            hit = again[:, 0] == keys[pending]
            vals[pending[hit]] = again[hit, 1]
            found[pending[hit]] = True
            pending = pending[~hit & (again[:, 0] != _EMPTY)]
        vals[~found] = 0
        return found, vals

    def add(self, idents: U64, values: U64) -> None:
        """Add distinct identities that are not in the cache yet, with their values.

        Args:
            idents: Distinct, unknown identity hashes.
            values: One value per identity.
        """
        need = self._used + idents.shape[0]
        if need * 4 > (1 << self._bits):
            bits = self._bits
            while need * 4 > (1 << bits):
                bits += 1
            old = self._rows[self._rows[:, 0] != _EMPTY]
            self._bits = bits
            self._rows = np.zeros((1 << bits, 2), dtype=np.uint64)
            self._used = 0
            self._put(old[:, 0].copy(), old[:, 1].copy())
        self._put(np.where(idents == _EMPTY, _STAND_IN, idents), values)

    def _put(self, keys: U64, values: U64) -> None:
        self._used += keys.shape[0]
        mask = (1 << self._bits) - 1
        slot = self._slots(keys)
        while keys.size:
            free = np.flatnonzero(self._rows[slot, 0] == _EMPTY)
            # several keys may want one free slot: the first of each takes it, the rest probe on
            taken, first = np.unique(slot[free], return_index=True)
            win = free[first]
            self._rows[taken, 0] = keys[win]
            self._rows[taken, 1] = values[win]
            rest = np.ones(keys.shape[0], dtype=bool)
            rest[win] = False
            keys, values, slot = keys[rest], values[rest], (slot[rest] + 1) & mask
