"""The per-record work of ``clean``/``normalize``/``split``: a picklable job and a pure worker function.

The same :func:`process` runs in the main process (``--jobs 1``) and in pool workers (``--jobs N``); the
pipeline is built once per process and cached.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputTypeError, RecordError
from ..io.articles import format_article
from ..io.records import dump_record, parse_line
from ..pipeline import Pipeline
from ..records import RecordFields, group_key, to_document
from ..types import Document, Step

STEP_NAMES = ("normalize", "boilerplate", "split")


@dataclass(frozen=True, slots=True)
class Fields:
    """Input field names and the names of the fields the output adds."""

    text: str = "text"
    title: str = "title"
    id: str = "id"
    standfirst: str = "standfirst"
    group: str | None = None
    output: str = "cleaned"
    sentences: str = "sentences"
    spans: str | None = None
    edits: str | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs to turn one input line into one output line (picklable)."""

    steps: tuple[str, ...]
    profile: str = "safe"
    model_path: str | None = None
    fields: Fields = field(default_factory=Fields)
    output_format: str = "jsonl"
    disable: tuple[str, ...] = ()
    keep_original: bool = True  # False (--no-original): the input text field is left out of the output


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input line: an output chunk, or the error that rejected it (with the raw line)."""

    lineno: int
    raw: bytes  # kept only for a rejected line (the rejects file stores it); empty otherwise
    output: str | None = None
    error: RecordError | None = None
    removed: tuple[tuple[str, int], ...] = ()  # characters removed, by rule id
    changed: int = 0
    chars: int = 0  # characters of the input text


_CACHE: dict[Job, Pipeline] = {}


def build_pipeline(job: Job) -> Pipeline:
    """The pipeline for ``job`` (cached per process; the boilerplate model is loaded once)."""
    cached = _CACHE.get(job)
    if cached is not None:
        return cached
    from ..boilerplate import BoilerplateModel, StripBoilerplate
    from ..normalize import Normalize, NormalizeConfig
    from ..sentences import SplitSentences

    off_norm = frozenset(r for r in job.disable if r.startswith("normalize."))
    off_boiler = frozenset(r for r in job.disable if r.startswith("boilerplate."))

    steps: list[Step] = []
    for name in job.steps:
        if name == "normalize":
            config = NormalizeConfig(profile=job.profile, disable=off_norm) if off_norm else None
            steps.append(Normalize(profile=job.profile, config=config))
        elif name == "boilerplate":
            model = None if job.model_path is None else BoilerplateModel.load(job.model_path)
            group = job.fields.group or "publisher"
            steps.append(StripBoilerplate(model=model, group_field=group, disable=off_boiler))
        elif name == "split":
            steps.append(SplitSentences())
    pipe = Pipeline(tuple(steps))
    _CACHE[job] = pipe
    return pipe


def record_to_document(record: dict[str, Any], fields: Fields, *, path: str, lineno: int) -> Document:
    """Build the document a pipeline runs on (:func:`newsclean.records.to_document`, as everywhere)."""
    names = RecordFields(text=fields.text, title=fields.title, id=fields.id, standfirst=fields.standfirst)
    return to_document(record, fields=names, path=path, lineno=lineno)


def explain(doc: Document) -> list[dict[str, Any]]:
    """Every edit with its step and its span mapped back to the original text."""
    steps = [r.step for r in doc.history for _ in r.edits]
    out: list[dict[str, Any]] = []
    for step, (span, e) in zip(steps, doc.removed(), strict=True):
        out.append(
            {
                "step": step,
                "rule": e.rule,
                "kind": e.kind,
                "start": span.start,
                "end": span.end,
                "old": e.old,
                "new": e.new,
                "reason": e.reason,
            }
        )
    return out


def render(job: Job, record: dict[str, Any], doc: Document) -> str:
    """The output chunk for one document: a JSON line, or the plain-text article."""
    f = job.fields
    if job.output_format == "text":
        body = "\n".join(doc.sentence_texts()) if "split" in job.steps else doc.text
        return format_article(doc.title, doc.standfirst, body)
    out = dict(record)
    if not job.keep_original:
        out.pop(f.text, None)
    if "normalize" in job.steps or "boilerplate" in job.steps:
        out[f.output] = doc.text
    if "split" in job.steps:
        out[f.sentences] = doc.sentence_texts()
        if f.spans is not None:
            out[f.spans] = [[s.start, s.end] for s in doc.sentences or ()]
    if f.edits is not None:
        out[f.edits] = explain(doc)
    return dump_record(out)


def process_record(job: Job, lineno: int, raw: bytes, record: dict[str, Any], path: str) -> Outcome:
    """Run the pipeline on one parsed record."""
    doc = build_pipeline(job)(record_to_document(record, job.fields, path=path, lineno=lineno))
    removed: Counter[str] = Counter()
    changed = 0
    for r in doc.history:
        for e in r.edits:
            if e.is_removal:
                removed[e.rule] += len(e.old)
            else:
                changed += 1
    output = render(job, record, doc)
    return Outcome(lineno, b"", output, None, tuple(removed.items()), changed, len(doc.original or ""))


def process(job: Job, path: str, lineno: int, raw: bytes) -> Outcome:
    """Parse and clean one JSONL line; every failure becomes a located :class:`RecordError`."""
    f = job.fields
    optional = tuple(x for x in (f.title, f.standfirst) if x is not None and x != f.text)
    try:
        record = parse_line(raw, path=path, lineno=lineno, fields=(f.text,), optional=optional)
        if f.group is not None:
            group_key(record.get(f.group), func="record", arg=f.group)
    except InputTypeError as exc:  # the group field: a str or an integer (the one rule, records.group_key)
        error = RecordError(
            str(exc).replace("record() argument", "field"), path=path, lineno=lineno, field=f.group
        )
        return Outcome(lineno, raw, None, error)
    except RecordError as exc:
        return Outcome(lineno, raw, None, exc)
    return guarded(job, lineno, raw, record, path)


def guarded(job: Job, lineno: int, raw: bytes, record: dict[str, Any], path: str) -> Outcome:
    """:func:`process_record`, with a step's failure on this record turned into a located rejection."""
    try:
        return process_record(job, lineno, raw, record, path)
    except Exception as exc:  # a step failing on one record must not lose it silently
        reason = f"processing failed: {type(exc).__name__}: {exc}"
        return Outcome(lineno, raw, None, RecordError(reason, path=path, lineno=lineno))
