"""Compose steps into a :class:`Pipeline` that maps lazily and pickles.

A pipeline is a frozen tuple of steps. Steps are module-level frozen dataclasses (no lambdas), so a
pipeline pickles and works with ``multiprocessing`` and ``datasets.map(num_proc=N)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._check import type_message
from .errors import ConfigError, InputTypeError
from .types import Document, Step

__all__ = ["Pipeline", "make_pipeline"]


def _as_document(item: object, where: str) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(item)
    if isinstance(item, Mapping):
        return Document.from_dict(item)
    raise InputTypeError(type_message(where, "doc", "Document, str or a mapping", item))


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Steps applied in order; each returns a new :class:`Document` with its edits recorded.

    >>> import newsclean as nc
    >>> pipe = nc.Pipeline((nc.Normalize(), nc.SplitSentences()))
    >>> doc = pipe("राम घर गया|सीता आई।")
    >>> doc.text
    'राम घर गया।सीता आई।'
    >>> doc.sentence_texts()
    ['राम घर गया।', 'सीता आई।']
    >>> [r.step for r in doc.history]
    ['normalize', 'split_sentences']
    """

    steps: tuple[Step, ...] = ()

    def __post_init__(self) -> None:
        steps = tuple(self.steps)
        for i, step in enumerate(steps):
            if not callable(step):
                raise InputTypeError(type_message("Pipeline", f"steps[{i}]", "a callable step", step))
        object.__setattr__(self, "steps", steps)

    @property
    def name(self) -> str:
        """``"pipeline(a,b,...)"``: a pipeline is itself a step.

        >>> import newsclean as nc
        >>> nc.make_pipeline(nc.Normalize()).name
        'pipeline(normalize)'
        """
        return "pipeline(" + ",".join(getattr(s, "name", type(s).__name__) for s in self.steps) + ")"

    def __call__(self, doc: Document | str | Mapping[str, Any], /) -> Document:
        """Run every step on one document (a ``str`` or mapping is wrapped first)."""
        d = _as_document(doc, "Pipeline.__call__")
        for step in self.steps:
            d = step(d)
        return d

    def map(self, docs: Iterable[Document | str | Mapping[str, Any]]) -> Iterator[Document]:
        """Lazily apply the pipeline to each item of ``docs``.

        >>> import newsclean as nc
        >>> it = nc.make_pipeline(nc.Normalize()).map(["क|", "ख|"])
        >>> [d.text for d in it]
        ['क।', 'ख।']
        """
        for doc in docs:
            yield self(doc)

    def batch(
        self,
        batch: Mapping[str, Sequence[Any]],
        *,
        text_field: str = "text",
        title_field: str = "title",
        id_field: str = "id",
        output_field: str | None = None,
        sentences_field: str | None = "sentences",
        edits_field: str | None = None,
    ) -> dict[str, list[Any]]:
        """Serve ``datasets.map(pipe.batch, batched=True)``: a dict of columns in, a dict of columns out.

        Every input column is kept; the cleaned text goes to ``output_field`` (default: overwrite
        ``text_field``), sentences (as strings) to ``sentences_field`` when a splitter ran, and the removal
        record as JSON strings to ``edits_field`` when given.

        >>> import newsclean as nc
        >>> out = nc.make_pipeline(nc.Normalize(), nc.SplitSentences()).batch({"text": ["क|ख।"], "n": [1]})
        >>> out["text"], out["sentences"], out["n"]
        (['क।ख।'], [['क।', 'ख।']], [1])
        """
        if text_field not in batch:
            msg = f"Pipeline.batch(): column {text_field!r} missing (columns: {sorted(batch)})"
            raise KeyError(msg)
        texts = batch[text_field]
        n = len(texts)
        ragged = {k: len(v) for k, v in batch.items() if len(v) != n}
        if ragged:
            msg = f"Pipeline.batch(): column {text_field!r} has {n} rows, but {ragged}: columns must be equally long"
            raise ConfigError(msg)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                msg = f"Pipeline.batch() row {i}: column {text_field!r} must hold str, not {type(text).__name__}"
                raise InputTypeError(msg)
        titles = batch.get(title_field, [None] * n)
        ids = batch.get(id_field, [None] * n)
        out: dict[str, list[Any]] = {k: list(v) for k, v in batch.items()}
        cleaned: list[str] = []
        sentences: list[list[str]] = []
        split_ran = False
        edits: list[str] = []
        for i in range(n):
            title = titles[i]
            raw_id = ids[i]
            doc = Document(
                texts[i],
                title=title if isinstance(title, str) else None,
                id=None if raw_id is None else str(raw_id),
            )
            res = self(doc)
            cleaned.append(res.text)
            sentences.append(res.sentence_texts())
            split_ran = split_ran or res.sentences is not None
            if edits_field is not None:
                import json

                edits.append(json.dumps([r.to_dict() for r in res.history], ensure_ascii=False))
        out[output_field or text_field] = cleaned
        if sentences_field is not None and split_ran:
            out[sentences_field] = sentences
        if edits_field is not None:
            out[edits_field] = edits
        return out


def make_pipeline(*steps: Step) -> Pipeline:
    """Build a :class:`Pipeline` from steps (sugar for ``Pipeline(steps)``).

    >>> import newsclean as nc
    >>> pipe = nc.make_pipeline(nc.Normalize(profile="search"), nc.SplitSentences())
    >>> pipe("क़ीमत १०० रुपये|").sentence_texts()
    ['कीमत 100 रुपये।']
    """
    return Pipeline(tuple(steps))
