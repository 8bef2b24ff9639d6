"""One way from a record to a :class:`~newsclean.Document`, and one rule for the group (publisher) key.

Every entry point (:meth:`Document.from_dict`, :class:`~newsclean.Pipeline` and :meth:`Pipeline.batch`,
the command line, :class:`~newsclean.BoilerplateMiner`) turns its input into a document with
:func:`to_document`, and every reader of a group field uses :func:`group_key`, so a publisher written ``7``
in one place and ``"7"`` in another is the same group everywhere.

>>> doc = to_document({"text": "खबर।", "title": "शीर्षक", "publisher": 7})
>>> doc.text, doc.title, group_key(doc.meta["publisher"])
('खबर।', 'शीर्षक', '7')
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._check import type_message
from .errors import InputTypeError, RecordError
from .types import Document, Span, StepRecord

__all__ = ["RecordFields", "batch_rows", "group_key", "to_document"]

#: Keys of :meth:`Document.to_dict` that rebuild a document's state rather than going to ``meta``.
_STATE_KEYS = ("meta", "original", "history", "sentences")


@dataclass(frozen=True, slots=True)
class RecordFields:
    """The record fields that hold a document's text, title, id and standfirst.

    Every other field of a record goes to :attr:`Document.meta` unchanged (the group field included).

    >>> RecordFields(text="body").text
    'body'
    """

    text: str = "text"
    title: str = "title"
    id: str = "id"
    standfirst: str = "standfirst"


DEFAULT_FIELDS = RecordFields()


def group_key(value: object, *, func: str = "group_key", arg: str = "group") -> str | None:
    """The group a record's group field names: a ``str`` as it is, an integer as its decimal digits.

    ``7``, ``numpy.int64(7)`` and ``"7"`` name one group, so a model mined from records whose publisher is
    an integer applies to records that spell it as a string, and the other way round. ``None`` (no group)
    stays ``None``.

    Args:
        value: The field's value.
        func: The function to name in an error.
        arg: The argument or field to name in an error.

    Returns:
        The group name, or ``None``.

    Raises:
        InputTypeError: ``value`` is neither ``None``, a ``str`` nor an integer (``bool`` is not an integer
            here, and a float is refused rather than guessed).

    >>> group_key(7), group_key("7"), group_key(None)
    ('7', '7', None)
    >>> group_key(7.0)
    Traceback (most recent call last):
    ...
    newsclean.errors.InputTypeError: group_key() argument 'group' must be str, int or None, not float
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):  # an int to Python, but never a publisher's name
        raise InputTypeError(type_message(func, arg, "str, int or None", value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    raise InputTypeError(type_message(func, arg, "str, int or None", value))


def _located(reason: str, where: str, path: str | None, lineno: int | None, field: str) -> RecordError:
    return RecordError(reason, path=where if path is None else path, lineno=lineno, field=field)


def _wrong_type(reason: str, where: str, path: str | None, lineno: int | None, field: str) -> Exception:
    """A field of the wrong type: a bad record when it came from a file, else a ``TypeError`` like any
    wrong argument."""
    if path is not None:
        return _located(reason, where, path, lineno, field)
    return InputTypeError(f"{where}: {reason}")


def to_document(
    item: Document | str | Mapping[str, Any],
    *,
    fields: RecordFields = DEFAULT_FIELDS,
    where: str = "to_document",
    path: str | None = None,
    lineno: int | None = None,
) -> Document:
    """Turn a record into a :class:`~newsclean.Document`: the one conversion every entry point uses.

    A :class:`~newsclean.Document` is returned as it is and a ``str`` becomes a document with that text. A
    mapping gives the text, title, id and standfirst from the fields named in ``fields``; every other field
    goes to :attr:`Document.meta` (a ``meta`` mapping in the record is merged in first). The keys
    :meth:`Document.to_dict` writes for the document's state (``original``, ``history``, ``sentences``)
    restore it, so ``to_document(doc.to_dict()) == doc``.

    Args:
        item: The record.
        fields: Which fields hold the text, title, id and standfirst.
        where: The caller, named in errors (``"Pipeline.batch"``, ``"BoilerplateMiner.fit"``...).
        path: The file the record came from, if any (errors then read ``path:lineno: reason``).
        lineno: The record's line (or row) number, if any.

    Returns:
        The document.

    Raises:
        RecordError: The text field is missing; or, for a record from a file (``path`` given), a named
            field has a wrong type. The message names the field and, when given, the file and line.
        InputTypeError: ``item`` is none of the accepted types, or (for a record in memory) the text is not
            a ``str`` or the title or standfirst neither ``str`` nor ``None``.

    >>> to_document({"body": "खबर", "headline": "शीर्षक", "publisher": "p1"},
    ...             fields=RecordFields(text="body", title="headline")).meta["publisher"]
    'p1'
    >>> to_document({"title": "शीर्षक"}, where="Pipeline.batch", lineno=3)
    Traceback (most recent call last):
    ...
    newsclean.errors.RecordError: Pipeline.batch:3: field 'text' missing (fields: ['title'])
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(item)
    if not isinstance(item, Mapping):
        raise InputTypeError(type_message(where, "doc", "Document, str or a mapping", item))
    if fields.text not in item:
        reason = f"field {fields.text!r} missing (fields: {sorted(map(str, item))})"
        raise _located(reason, where, path, lineno, fields.text)
    text = item[fields.text]
    if not isinstance(text, str):
        reason = f"field {fields.text!r} must be str, not {type(text).__name__}"
        raise _wrong_type(reason, where, path, lineno, fields.text)
    title = _optional_str(item, fields.title, where, path, lineno)
    standfirst = _optional_str(item, fields.standfirst, where, path, lineno)
    raw_id = item.get(fields.id)
    named = {fields.text, fields.title, fields.id, fields.standfirst, *_STATE_KEYS}
    inner = item.get("meta")
    meta: dict[str, object] = dict(inner) if isinstance(inner, Mapping) else {}
    meta.update({k: v for k, v in item.items() if k not in named})
    original = item.get("original")
    history = tuple(StepRecord.from_dict(r) for r in item.get("history") or ())
    sentences = _spans(item.get("sentences"))
    if sentences is None and item.get("sentences") is not None:
        meta["sentences"] = item["sentences"]  # a column of sentence strings, not spans: keep it as data
    return Document(
        text,
        title=title,
        id=None if raw_id is None else str(raw_id),
        meta=meta,
        original=original if isinstance(original, str) else None,
        history=history,
        sentences=sentences,
        standfirst=standfirst,
    )


def _spans(value: object) -> tuple[Span, ...] | None:
    """``[[start, end], ...]`` as spans (what :meth:`Document.to_dict` writes); ``None`` for anything else."""
    if not isinstance(value, (list, tuple)):
        return None
    out: list[Span] = []
    for pair in value:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            return None
        a, b = pair
        if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, int) or not isinstance(b, int):
            return None
        if not 0 <= a <= b:
            return None
        out.append(Span(a, b))
    return tuple(out)


def _optional_str(
    item: Mapping[str, Any], name: str, where: str, path: str | None, lineno: int | None
) -> str | None:
    value = item.get(name)
    if value is None or isinstance(value, str):
        return value
    reason = f"field {name!r} must be str or null, not {type(value).__name__}"
    raise _wrong_type(reason, where, path, lineno, name)


def batch_rows(batch: Mapping[str, Sequence[Any]], *, where: str = "batch_rows") -> Iterator[dict[str, Any]]:
    """The rows of a batch of columns (what ``datasets.map(batched=True)`` passes), one dict per row.

    Raises:
        RecordError: The columns have different lengths (the message gives each length).
        InputTypeError: ``batch`` is not a mapping of sequences.

    >>> list(batch_rows({"text": ["क", "ख"], "n": [1, 2]}))
    [{'text': 'क', 'n': 1}, {'text': 'ख', 'n': 2}]
    """
    if not isinstance(batch, Mapping):
        raise InputTypeError(type_message(where, "batch", "a mapping of columns", batch))
    lengths = {}
    for k, v in batch.items():
        if isinstance(v, (str, bytes)) or not isinstance(v, Sequence):
            raise InputTypeError(type_message(where, f"batch[{k!r}]", "a sequence (a column)", v))
        lengths[k] = len(v)
    if len(set(lengths.values())) > 1:
        reason = f"columns of different lengths: {lengths}"
        raise RecordError(reason, path=where)
    n = next(iter(lengths.values()), 0)
    keys = list(batch)
    for i in range(n):
        yield {k: batch[k][i] for k in keys}
