"""Options of every dedup entry point (``dedupe``, ``Deduplicator``, the Ray adapter) in one object."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from .._check import check_fraction, check_positive_int
from ..errors import ConfigError
from .minhash import I64, MinHashParams, lsh_params
from .tokens import key_scheme
from .verify import accept

__all__ = ["DEFAULTS", "DEFAULT_THRESHOLD", "DedupConfig", "verified_banding"]

DEFAULT_THRESHOLD = 0.5
_RECALL = 0.99  # chance that LSH proposes a pair whose resemblance is exactly ``threshold``


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Options of every dedup entry point, validated at construction (see :func:`newsclean.dedupe`).

    :func:`newsclean.dedupe`, :class:`newsclean.Deduplicator` and the Ray adapter all build one of these, so
    an option means the same everywhere.

    >>> DedupConfig(threshold=1.5)
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: dedupe() argument 'threshold' = 1.5 is invalid; must be in [0.0, 1.0]
    """

    threshold: float = DEFAULT_THRESHOLD
    containment: float | None = 0.9
    num_perm: int = 128
    shingle: int = 4
    seed: int = 1
    lsh_threshold: float | None = None
    boilerplate_min_docs: int = 3
    boilerplate_max_tokens: int = 30
    jobs: int = 1
    batch_size: int = 1024

    def __post_init__(self) -> None:
        f = "dedupe"
        check_fraction(self.threshold, f, "threshold")
        if self.threshold <= 0.0:
            msg = f"dedupe() argument 'threshold' = {self.threshold!r} is invalid; must be > 0"
            raise ConfigError(msg)
        if self.containment is not None:
            check_fraction(self.containment, f, "containment")
        if self.lsh_threshold is not None:
            check_fraction(self.lsh_threshold, f, "lsh_threshold", low=0.01, high=0.99)
        check_positive_int(self.num_perm, f, "num_perm", minimum=8)
        check_positive_int(self.shingle, f, "shingle")
        check_positive_int(self.boilerplate_min_docs, f, "boilerplate_min_docs", minimum=2)
        check_positive_int(self.boilerplate_max_tokens, f, "boilerplate_max_tokens", minimum=0)
        check_positive_int(self.jobs, f, "jobs")
        check_positive_int(self.batch_size, f, "batch_size")

    @classmethod
    def from_options(cls, func: str, options: dict[str, Any]) -> DedupConfig:
        """Build a config from keyword options, naming ``func`` for an unknown one.

        Args:
            func: Public function name, for messages.
            options: Option names and values.

        Returns:
            The validated config.

        Raises:
            TypeError: For an option that does not exist.
            ConfigError: For a value out of range.

        >>> DedupConfig.from_options("f", {"threshold": 0.7}).threshold
        0.7
        >>> DedupConfig.from_options("f", {"treshold": 0.7})
        Traceback (most recent call last):
        ...
        TypeError: f() got an unexpected keyword argument 'treshold'
        """
        known = {f.name for f in fields(cls)}
        for name in options:
            if name not in known:
                msg = f"{func}() got an unexpected keyword argument {name!r}"
                raise TypeError(msg)
        return cls(**options)

    def params(self) -> MinHashParams:
        """The signature params these options imply."""
        return MinHashParams(
            num_perm=self.num_perm, seed=self.seed, shingle=self.shingle, key_scheme=key_scheme()
        )

    def bands_rows(self) -> tuple[int, int]:
        """LSH ``(bands, rows)`` for these options (see :func:`verified_banding`)."""
        if self.lsh_threshold is not None:
            return _lsh_params_cached(round(self.lsh_threshold, 4), self.num_perm)
        return verified_banding(self.threshold, self.num_perm)

    def accept(
        self, inter: I64, size_a: I64, size_b: I64
    ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
        """:func:`newsclean.dedup.verify.accept` with this config's ``threshold`` and ``containment``."""
        return accept(inter, size_a, size_b, threshold=self.threshold, containment=self.containment)


DEFAULTS = DedupConfig()  # the one place where every option's default is written (in the fields above)


@lru_cache(maxsize=64)
def verified_banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """Banding for the verified threshold: all ``num_perm`` slots in bands of as many rows as possible
    while a pair of resemblance ``threshold`` still shares a band with probability at least 0.99.

    Candidates are verified exactly (after :func:`newsclean.dedup.candidates.prefilter`), so banding only
    has to find the pairs that can match; more rows per band means fewer false candidates.

    Args:
        threshold: Resemblance threshold.
        num_perm: Signature slots.

    Returns:
        ``(bands, rows)``.

    >>> verified_banding(0.5, 128)
    (42, 3)
    """
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold**rows) ** bands < _RECALL:
            break
        best = (bands, rows)
    return best


@lru_cache(maxsize=64)
def _lsh_params_cached(threshold: float, num_perm: int) -> tuple[int, int]:
    return lsh_params(threshold, num_perm, weights=(0.3, 0.7))
