"""PLACEHOLDER: replaced by the corpus-level boilerplate miner."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..types import Edit


class BoilerplateModel:
    """Placeholder: frozen, versioned template model; ``find`` returns removal edits."""

    def find(self, text: str, group: str | None = None) -> list[Edit]:
        """Placeholder."""
        raise NotImplementedError


class BoilerplateMiner:
    """Placeholder."""

    def __init__(self, *, group_field: str = "publisher", **options: Any) -> None:
        self.group_field = group_field

    def fit(self, docs: Iterable[Any]) -> BoilerplateModel:
        """Placeholder."""
        raise NotImplementedError
