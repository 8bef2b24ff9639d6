"""PLACEHOLDER: replaced by the normalisation implementation."""

from __future__ import annotations

from dataclasses import dataclass

from .types import Cleaned, Document


@dataclass(frozen=True, slots=True)
class NormalizeConfig:
    """Placeholder."""

    profile: str = "safe"


def normalize(text: str, *, profile: str = "safe") -> str:
    """Placeholder."""
    raise NotImplementedError


def normalize_and_explain(text: str, *, profile: str = "safe") -> Cleaned:
    """Placeholder."""
    raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Normalize:
    """Placeholder."""

    profile: str = "safe"
    name: str = "normalize"

    def __call__(self, doc: Document, /) -> Document:
        raise NotImplementedError
