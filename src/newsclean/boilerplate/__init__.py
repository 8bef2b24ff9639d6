"""PLACEHOLDER: replaced by the boilerplate implementation."""

from __future__ import annotations

from dataclasses import dataclass
from ..types import Cleaned, Document


@dataclass(frozen=True, slots=True)
class PatternRule:
    """Placeholder."""

    id: str
    pattern: str
    reason: str


def default_rules() -> tuple[PatternRule, ...]:
    """Placeholder."""
    raise NotImplementedError


from .corpus import BoilerplateMiner, BoilerplateModel


def strip_boilerplate(text: str, *, title: str | None = None, standfirst: str | None = None,
                      model: BoilerplateModel | None = None, group: str | None = None) -> str:
    """Placeholder."""
    raise NotImplementedError


def strip_boilerplate_and_explain(text: str, *, title: str | None = None, standfirst: str | None = None,
                                  model: BoilerplateModel | None = None, group: str | None = None) -> Cleaned:
    """Placeholder."""
    raise NotImplementedError


@dataclass(frozen=True, slots=True)
class StripBoilerplate:
    """Placeholder."""

    model: BoilerplateModel | None = None
    name: str = "strip_boilerplate"

    def __call__(self, doc: Document, /) -> Document:
        raise NotImplementedError
