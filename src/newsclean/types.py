"""Core value types: :class:`Span`, :class:`Edit`, :class:`Cleaned`, :class:`StepRecord`, :class:`Document`.

Every change newsclean makes is an :class:`Edit` with a rule id and a span *in the coordinates of the text
the step received*. A :class:`Document` keeps the original text and one :class:`StepRecord` per step, so any
span of the final text maps back to the original input (:meth:`Document.to_original`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from ._check import check_str, type_message
from .edits import apply_edits, check_edits, input_span
from .errors import InputTypeError

__all__ = ["Cleaned", "Document", "Edit", "Span", "Step", "StepRecord"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into one specific text.

    >>> text = "भारत की राजधानी नई दिल्ली है।"
    >>> s = Span(5, 15)
    >>> s.of(text), len(s)
    ('की राजधानी', 10)
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            msg = f"Span() needs 0 <= start <= end, got start={self.start}, end={self.end}"
            raise ValueError(msg)

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """Return the slice of ``text`` this span covers.

        >>> Span(0, 4).of("भारत में")
        'भारत'
        """
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change made by one step, in that step's *input* coordinates.

    ``old`` always equals ``step_input[start:end]``; ``new == ""`` means a removal.

    >>> e = Edit(rule="normalize.pipe_to_danda", kind="punctuation", start=6, end=7, old="|", new="।")
    >>> e.span, e.is_removal
    (Span(start=6, end=7), False)
    """

    rule: str
    kind: str
    start: int
    end: int
    old: str
    new: str = ""
    reason: str = ""

    @property
    def span(self) -> Span:
        """The span this edit replaced, in the step's input."""
        return Span(self.start, self.end)

    @property
    def is_removal(self) -> bool:
        """True when the edit deletes text and inserts nothing."""
        return self.new == ""

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form.

        >>> Edit("r", "k", 0, 1, "|", "।").to_dict()["new"]
        '।'
        """
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Edit:
        """Inverse of :meth:`to_dict`.

        >>> e = Edit("r", "k", 0, 1, "|", "।")
        >>> Edit.from_dict(e.to_dict()) == e
        True
        """
        return cls(
            rule=str(d["rule"]),
            kind=str(d["kind"]),
            start=int(d["start"]),
            end=int(d["end"]),
            old=str(d["old"]),
            new=str(d.get("new", "")),
            reason=str(d.get("reason", "")),
        )


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A result with its replayable record: ``apply_edits(source, edits) == text``.

    >>> c = Cleaned(text="क।", edits=(Edit("normalize.pipe_to_danda", "punctuation", 1, 2, "|", "।"),))
    >>> c.replay("क|") == c.text
    True
    """

    text: str
    edits: tuple[Edit, ...] = ()

    def replay(self, source: str) -> str:
        """Apply :attr:`edits` to ``source`` (the text the step received).

        >>> Cleaned("ab", ()).replay("ab")
        'ab'
        """
        return apply_edits(source, self.edits)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class StepRecord:
    """What one step did to a document: its name, its configuration and its edits.

    >>> StepRecord("normalize", "profile=safe", ()).edits
    ()
    """

    step: str
    config: str
    edits: tuple[Edit, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form.

        >>> StepRecord("normalize", "profile=safe").to_dict()
        {'step': 'normalize', 'config': 'profile=safe', 'edits': []}
        """
        return {"step": self.step, "config": self.config, "edits": [e.to_dict() for e in self.edits]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StepRecord:
        """Inverse of :meth:`to_dict`.

        >>> r = StepRecord("x", "c", (Edit("r", "k", 0, 1, "a"),))
        >>> StepRecord.from_dict(r.to_dict()) == r
        True
        """
        return cls(str(d["step"]), str(d["config"]), tuple(Edit.from_dict(e) for e in d.get("edits", ())))


def _freeze_meta(meta: Mapping[str, object] | None) -> Mapping[str, object]:
    if meta is None:
        return MappingProxyType({})
    if isinstance(meta, MappingProxyType):
        return meta
    return MappingProxyType(dict(meta))


@dataclass(frozen=True, slots=True)
class Document:
    """An article moving through a pipeline; steps return new documents, never mutate.

    ``original`` is the text before the first step; ``history`` holds one :class:`StepRecord` per step.

    >>> doc = Document("रायपुर। खबर|", title="शीर्षक", id="a1")
    >>> doc2 = doc.with_step("demo", "", (Edit("normalize.pipe_to_danda", "punctuation", 11, 12, "|", "।"),))
    >>> doc2.text, doc2.original
    ('रायपुर। खबर।', 'रायपुर। खबर|')
    >>> doc2.to_original(Span(8, 12))
    Span(start=8, end=12)
    """

    text: str
    title: str | None = None
    id: str | None = None
    meta: Mapping[str, object] = field(default_factory=dict)
    original: str | None = None
    history: tuple[StepRecord, ...] = ()
    sentences: tuple[Span, ...] | None = None
    standfirst: str | None = None

    def __post_init__(self) -> None:
        check_str(self.text, "Document", "text")
        for name in ("title", "id", "standfirst"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputTypeError(type_message("Document", name, "str or None", value))
        if not isinstance(self.meta, Mapping):
            raise InputTypeError(type_message("Document", "meta", "a mapping", self.meta))
        object.__setattr__(self, "meta", _freeze_meta(self.meta))
        if self.original is None:
            object.__setattr__(self, "original", self.text)

    # -- building new documents -------------------------------------------------------------------
    def with_step(
        self, step: str, config: str, edits: tuple[Edit, ...], *, text: str | None = None
    ) -> Document:
        """Return a new document with ``edits`` applied to :attr:`text` and recorded in :attr:`history`.

        ``text`` may be given when the step already built the output (it must equal the replay; this is
        checked cheaply by length). Sentence spans are dropped when the text changes.

        >>> d = Document("ab|").with_step("s", "", (Edit("r", "k", 2, 3, "|", "।"),))
        >>> d.text, len(d.history)
        ('ab।', 1)
        """
        new_text = apply_edits(self.text, edits) if text is None else text
        if text is not None and edits:
            expected = len(self.text) + sum(len(e.new) - (e.end - e.start) for e in edits)
            if expected != len(text):
                msg = f"step {step!r}: output text does not match its edits"
                raise ValueError(msg)
        sentences = self.sentences if new_text == self.text else None
        return dataclasses.replace(
            self,
            text=new_text,
            history=(*self.history, StepRecord(step, config, tuple(edits))),
            sentences=sentences,
        )

    def replace(self, **changes: Any) -> Document:
        """``dataclasses.replace`` as a method.

        >>> Document("क").replace(id="x").id
        'x'
        """
        return dataclasses.replace(self, **changes)

    # -- offsets ------------------------------------------------------------------------------------
    def to_original(self, span: Span) -> Span:
        """Map a span of :attr:`text` back to :attr:`original` by composing the history backwards.

        A position inside replaced text maps to the whole replaced range (so the result always covers
        the source of every character in ``span``).

        >>> from newsclean.types import Edit
        >>> d = Document("क  ख").with_step("x", "", (Edit("r", "k", 1, 3, "  ", " "),))
        >>> d.text, d.to_original(Span(2, 3))
        ('क ख', Span(start=3, end=4))
        """
        start, end = span.start, span.end
        for record in reversed(self.history):
            start, end = input_span(record.edits, start, end)
        return Span(start, end)

    def removed(self) -> list[tuple[Span, Edit]]:
        """Every edit of every step with its span mapped back to :attr:`original`.

        >>> d = Document("कख").with_step("x", "", (Edit("r", "k", 1, 2, "ख"),))
        >>> [(s, e.old) for s, e in d.removed()]
        [(Span(start=1, end=2), 'ख')]
        """
        out: list[tuple[Span, Edit]] = []
        for i, record in enumerate(self.history):
            for e in record.edits:
                start, end = e.start, e.end
                for earlier in reversed(self.history[:i]):
                    start, end = input_span(earlier.edits, start, end)
                out.append((Span(start, end), e))
        return out

    def replay(self) -> str:
        """Replay the whole history from :attr:`original`; equals :attr:`text` for a valid document.

        >>> d = Document("क|").with_step("x", "", (Edit("r", "k", 1, 2, "|", "।"),))
        >>> d.replay() == d.text
        True
        """
        text = self.original if self.original is not None else self.text
        for record in self.history:
            check_edits(text, record.edits)
            text = apply_edits(text, record.edits)
        return text

    def sentence_texts(self) -> list[str]:
        """The sentences as strings (empty list if no splitter ran).

        >>> Document("क। ख।", sentences=(Span(0, 2), Span(3, 5))).sentence_texts()
        ['क।', 'ख।']
        """
        return [s.of(self.text) for s in self.sentences or ()]

    # -- (de)serialisation --------------------------------------------------------------------------
    def to_dict(self, *, history: bool = True) -> dict[str, object]:
        """A JSON-ready dict (``datasets.map`` and JSONL friendly).

        >>> Document("क", id="1").to_dict(history=False)["text"]
        'क'
        """
        d: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "standfirst": self.standfirst,
            "text": self.text,
            "meta": dict(self.meta),
            "original": self.original,
            "sentences": None if self.sentences is None else [[s.start, s.end] for s in self.sentences],
        }
        if history:
            d["history"] = [r.to_dict() for r in self.history]
        return d

    @classmethod
    def from_dict(
        cls,
        d: Mapping[str, Any],
        *,
        text_field: str = "text",
        title_field: str = "title",
        id_field: str = "id",
        standfirst_field: str = "standfirst",
    ) -> Document:
        """Build a document from a mapping; fields other than the named ones go to :attr:`meta`.

        The conversion is :func:`newsclean.records.to_document`, the one every entry point uses.

        Raises:
            RecordError: The text field is missing or a named field has a wrong type.

        >>> doc = Document.from_dict({"body": "खबर", "headline": "शीर्षक", "publisher": "p1"},
        ...                          text_field="body", title_field="headline")
        >>> doc.text, doc.title, dict(doc.meta)
        ('खबर', 'शीर्षक', {'publisher': 'p1'})
        """
        from .records import RecordFields, to_document  # records builds on this module

        if not isinstance(d, Mapping):
            raise InputTypeError(type_message("Document.from_dict", "d", "a mapping", d))
        fields = RecordFields(text=text_field, title=title_field, id=id_field, standfirst=standfirst_field)
        return to_document(d, fields=fields, where="Document.from_dict")

    def to_json(self) -> str:
        """One JSON line, Devanagari unescaped.

        >>> Document("खबर").to_json()[:15]
        '{"id": null, "t'
        """
        return json.dumps(self.to_dict(), ensure_ascii=False)

    # pickling: slots + frozen + MappingProxyType need help
    def __getstate__(self) -> tuple[object, ...]:
        return (
            self.text,
            self.title,
            self.id,
            dict(self.meta),
            self.original,
            self.history,
            self.sentences,
            self.standfirst,
        )

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        names = ("text", "title", "id", "meta", "original", "history", "sentences", "standfirst")
        for name, value in zip(names, state, strict=False):
            object.__setattr__(self, name, MappingProxyType(dict(value)) if name == "meta" else value)


@runtime_checkable
class Step(Protocol):
    """A pipeline step: a pure callable from :class:`Document` to a new :class:`Document`.

    Steps are frozen, picklable values with a stable :attr:`name`.

    >>> import newsclean as nc
    >>> isinstance(nc.Normalize(), Step)
    True
    """

    @property
    def name(self) -> str:
        """Stable step name used in :class:`StepRecord`."""
        ...

    def __call__(self, doc: Document, /) -> Document:
        """Return a new document."""
        ...
