"""PLACEHOLDER: replaced by the sentence splitter."""

from __future__ import annotations

from dataclasses import dataclass

from .types import Document, Span


@dataclass(frozen=True, slots=True)
class SentenceConfig:
    """Placeholder."""


def split_sentences(text: str) -> list[str]:
    """Placeholder."""
    raise NotImplementedError


def sentence_spans(text: str) -> list[Span]:
    """Placeholder."""
    raise NotImplementedError


@dataclass(frozen=True, slots=True)
class SplitSentences:
    """Placeholder."""

    name: str = "split_sentences"

    def __call__(self, doc: Document, /) -> Document:
        raise NotImplementedError
