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

    __slots__ = ("_bits", "_keys", "_used", "_vals", "seed")

    def __init__(self, seed: int, bits: int = 16) -> None:
        self.seed = seed
        self._bits = bits
        self._keys = np.zeros(1 << bits, dtype=np.uint64)
        self._vals = np.zeros(1 << bits, dtype=np.uint64)
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
        keys = np.where(idents == _EMPTY, _STAND_IN, idents)
        slot = self._slots(keys)
        at = self._keys[slot]
        vals = self._vals[slot]
        found = at == keys
        pending = np.flatnonzero(~found & (at != _EMPTY))
        mask = (1 << self._bits) - 1
        while pending.size:  # displaced keys: probe on for the few that are neither here nor absent
            slot[pending] = (slot[pending] + 1) & mask
            s = slot[pending]
            at_p = self._keys[s]
            hit = at_p == keys[pending]
            vals[pending[hit]] = self._vals[s[hit]]
            found[pending[hit]] = True
            pending = pending[~hit & (at_p != _EMPTY)]
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
            live = self._keys != _EMPTY
            old_keys, old_vals = self._keys[live], self._vals[live]
            self._bits = bits
            self._keys = np.zeros(1 << bits, dtype=np.uint64)
            self._vals = np.zeros(1 << bits, dtype=np.uint64)
            self._used = 0
            self._put(old_keys, old_vals)
        self._put(np.where(idents == _EMPTY, _STAND_IN, idents), values)

    def _put(self, keys: U64, values: U64) -> None:
        self._used += keys.shape[0]
        mask = (1 << self._bits) - 1
        slot = self._slots(keys)
        while keys.size:
            free = np.flatnonzero(self._keys[slot] == _EMPTY)
            # several keys may want one free slot: the first of each takes it, the rest probe on
            taken, first = np.unique(slot[free], return_index=True)
            win = free[first]
            self._keys[taken] = keys[win]
            self._vals[taken] = values[win]
            rest = np.ones(keys.shape[0], dtype=bool)
            rest[win] = False
            keys, values, slot = keys[rest], values[rest], (slot[rest] + 1) & mask
