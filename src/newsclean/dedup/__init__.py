"""PLACEHOLDER: replaced by the dedup implementation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Document


@dataclass(frozen=True)
class DedupResult:
    """Placeholder."""

    cluster_ids: list[int]
    kept: list[int]
    duplicate_of: dict[int, tuple[int, float]]


class Deduplicator:
    """Placeholder."""


def dedupe(docs: Sequence[str | Document], *, threshold: float = 0.5) -> DedupResult:
    """Placeholder."""
    raise NotImplementedError
