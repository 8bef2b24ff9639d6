"""JSONL records: lines, parsing with located errors, and writing one record as one line.

Reading never loses a line silently: every non-blank line is either a record or a :class:`RecordError`
naming the file and line (malformed JSON, a record that is not an object, a missing or non-string field,
invalid UTF-8). Blank lines are not records and are skipped.

>>> import io, json
>>> raw = io.BytesIO('{"id": 1, "text": "खबर"}\\n\\n{"id": 2}\\n'.encode())
>>> for item in iter_records(raw, path="in.jsonl", fields=("text",)):
...     print(item.lineno, item.record if item.error is None else item.error)
1 {'id': 1, 'text': 'खबर'}
3 in.jsonl:3: field 'text' missing
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from ..errors import RecordError
from .inputs import STDIO, display

__all__ = ["RecordItem", "dump_record", "iter_lines", "iter_lines_at", "iter_records", "parse_line"]


@dataclass(frozen=True, slots=True)
class RecordItem:
    """One non-blank input line: its location, raw bytes, and either the parsed record or the error.

    >>> item = RecordItem("in.jsonl", 4, b'{"text": "x"}', {"text": "x"})
    >>> item.ok
    True
    """

    path: str
    lineno: int
    raw: bytes
    record: dict[str, Any] | None = None
    error: RecordError | None = None

    @property
    def ok(self) -> bool:
        """True when the line parsed into a valid record."""
        return self.error is None


def iter_lines(stream: IO[bytes], *, path: str = STDIO) -> Iterator[tuple[int, bytes]]:
    """Yield ``(lineno, raw_line)`` for every non-blank line (1-based, without the line ending).

    Only ``\\n`` ends a line (``\\r\\n`` is accepted), so U+2028 inside a JSON string never splits a record.

    Args:
        stream: A binary stream.
        path: Used only for messages.

    Returns:
        An iterator of ``(lineno, bytes)``.

    >>> import io
    >>> list(iter_lines(io.BytesIO("क\\r\\n\\n  \\nख".encode())))
    [(1, b'\\xe0\\xa4\\x95'), (4, b'\\xe0\\xa4\\x96')]
    """
    for lineno, line in enumerate(stream, start=1):
        stripped = line.rstrip(b"\r\n")
        if lineno == 1 and stripped.startswith(b"\xef\xbb\xbf"):
            stripped = stripped[3:]
        if stripped and not stripped.isspace():  # not blank (as `stripped.strip()`, without its copy)
            yield lineno, stripped


def iter_lines_at(stream: IO[bytes]) -> Iterator[tuple[int, bytes, int]]:
    """:func:`iter_lines` with each line's byte offset in the stream: ``(lineno, raw_line, offset)``.

    ``stream[offset : offset + len(raw_line)]`` is the line, so it can be read again from the file.

    Args:
        stream: A binary stream read from its start.

    Returns:
        An iterator of ``(lineno, bytes, offset)``.

    >>> import io
    >>> list(iter_lines_at(io.BytesIO("\\ufeffक\\r\\n\\n  \\nख".encode())))
    [(1, b'\\xe0\\xa4\\x95', 3), (4, b'\\xe0\\xa4\\x96', 12)]
    """
    pos = 0
    for lineno, line in enumerate(stream, start=1):
        start = pos
        pos += len(line)
        stripped = line.rstrip(b"\r\n")
        if lineno == 1 and stripped.startswith(b"\xef\xbb\xbf"):
            stripped = stripped[3:]
            start += 3
        if stripped and not stripped.isspace():  # not blank (as `stripped.strip()`, without its copy)
            yield lineno, stripped, start


def parse_line(
    raw: bytes,
    *,
    path: str,
    lineno: int,
    fields: Sequence[str] = ("text",),
    optional: Sequence[str] = (),
) -> dict[str, Any]:
    """Decode and parse one JSONL line; check required and optional string fields.

    Args:
        raw: The line's bytes.
        path: File name for the message.
        lineno: 1-based line number for the message.
        fields: Fields that must be present and hold a string.
        optional: Fields that, when present and not null, must hold a string.

    Returns:
        The record as a dict.

    Raises:
        RecordError: invalid UTF-8, malformed JSON, not an object, or a bad field; the message starts with
            ``path:lineno:``.

    >>> parse_line('{"text": "खबर"}'.encode(), path="a.jsonl", lineno=1)
    {'text': 'खबर'}
    >>> parse_line(b'{"text": 5}', path="a.jsonl", lineno=2)
    Traceback (most recent call last):
    ...
    newsclean.errors.RecordError: a.jsonl:2: field 'text' must be a string, not int
    >>> parse_line(b'{"text": "\\xff"}', path="a.jsonl", lineno=3)
    Traceback (most recent call last):
    ...
    newsclean.errors.RecordError: a.jsonl:3: invalid UTF-8 (byte 0xff at byte offset 10)
    >>> parse_line(b'{"text": "x", "score": NaN}', path="a.jsonl", lineno=4)
    Traceback (most recent call last):
    ...
    newsclean.errors.RecordError: a.jsonl:4: invalid JSON (NaN is not a JSON value; write null or a string)
    """
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        msg = f"invalid UTF-8 (byte 0x{bad} at byte offset {exc.start})"
        raise RecordError(msg, path=path, lineno=lineno) from None
    try:
        if line.startswith("\ufeff"):  # as json.loads says it (a BOM past the first line's)
            msg = "Unexpected UTF-8 BOM (decode using utf-8-sig)"
            raise json.JSONDecodeError(msg, line, 0)
        record = _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        # some messages already end in "at" ("Unterminated string starting at"): no "at at"
        where = "column" if exc.msg.endswith(" at") else "at column"
        msg = f"invalid JSON ({exc.msg} {where} {exc.colno})"
        raise RecordError(msg, path=path, lineno=lineno) from None
    except _NotJsonError as exc:
        msg = f"invalid JSON ({exc} is not a JSON value; write null or a string)"
        raise RecordError(msg, path=path, lineno=lineno) from None
    except RecursionError:
        msg = "invalid JSON (nested too deeply)"
        raise RecordError(msg, path=path, lineno=lineno) from None
    if not isinstance(record, dict):
        msg = f"record must be a JSON object, not {_json_type(record)}"
        raise RecordError(msg, path=path, lineno=lineno)
    for name in fields:
        if name not in record:
            msg = f"field {name!r} missing"
            raise RecordError(msg, path=path, lineno=lineno, field=name)
        _check_field(record, name, path, lineno)
    for name in optional:
        if record.get(name) is not None:
            _check_field(record, name, path, lineno)
    return record


class _NotJsonError(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's ``json`` accepts them, JSON does not."""


def _refuse_constant(name: str) -> Any:
    raise _NotJsonError(name)


# one decoder for every line (``json.loads`` with an option builds a new one per call)
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _check_field(record: dict[str, Any], name: str, path: str, lineno: int) -> None:
    value = record[name]
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        msg = f"field {name!r} must be a string, not {kind}"
        raise RecordError(msg, path=path, lineno=lineno, field=name)


def iter_records(
    stream: IO[bytes],
    *,
    path: str = STDIO,
    fields: Sequence[str] = ("text",),
    optional: Sequence[str] = (),
) -> Iterator[RecordItem]:
    """Yield a :class:`RecordItem` for every non-blank line: a record, or the error that line raised.

    Args:
        stream: A binary stream (see :func:`open_input`).
        path: The name used in messages (``"-"`` shows as ``<stdin>``).
        fields: Required string fields.
        optional: Optional string fields.

    Returns:
        An iterator of items, in input order.

    >>> import io
    >>> items = list(iter_records(io.BytesIO(b'{"text": "a"}\\n[1]\\n'), path="x.jsonl"))
    >>> [(i.lineno, i.ok) for i in items], str(items[1].error)
    ([(1, True), (2, False)], 'x.jsonl:2: record must be a JSON object, not array')
    """
    shown = display(path)
    for lineno, raw in iter_lines(stream, path=shown):
        try:
            record = parse_line(raw, path=shown, lineno=lineno, fields=fields, optional=optional)
        except RecordError as exc:
            yield RecordItem(shown, lineno, raw, None, exc)
        else:
            yield RecordItem(shown, lineno, raw, record, None)


def dump_record(record: Any, *, default: Callable[[Any], Any] | None = None) -> str:
    """One JSON line (no newline) with Devanagari unescaped; always encodable as UTF-8.

    A record holding a lone surrogate (possible from a ``"\\udc80"`` escape in the input) is written with
    ``\\u`` escapes instead, so the output stays valid UTF-8 and loses nothing.

    Args:
        record: Any JSON-serialisable value.
        default: Called for values JSON has no type for (as in :func:`json.dumps`).

    Returns:
        The JSON text.

    >>> dump_record({"text": "खबर"})
    '{"text": "खबर"}'
    >>> dump_record({"text": "\\udc80"})
    '{"text": "\\\\udc80"}'
    """
    line = json.dumps(record, ensure_ascii=False, default=default)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, default=default)
    return line
