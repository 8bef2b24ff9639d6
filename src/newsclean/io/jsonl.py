"""Record I/O: JSONL and JSONL.gz files or stdin/stdout, located errors, rejects, atomic output.

Reading never loses a line silently: every non-blank line is either a record or a :class:`RecordError`
naming the file and line (malformed JSON, a record that is not an object, a missing or non-string field,
invalid UTF-8). Blank lines are not records and are skipped. Output files are written to a temporary name
in the same directory and renamed only when the run completes, so a crash never leaves a truncated file
that looks complete.

>>> import io, json
>>> raw = io.BytesIO('{"id": 1, "text": "खबर"}\\n\\n{"id": 2}\\n'.encode())
>>> for item in iter_records(raw, path="in.jsonl", fields=("text",)):
...     print(item.lineno, item.record if item.error is None else item.error)
1 {'id': 1, 'text': 'खबर'}
3 in.jsonl:3: field 'text' missing
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from .._check import check_choice
from ..errors import RecordError

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "AtomicWriter",
    "RecordItem",
    "RejectSink",
    "dump_record",
    "iter_lines",
    "iter_records",
    "open_input",
    "parse_line",
    "read_jsonl",
]

STDIO = "-"
_GZIP_MAGIC = b"\x1f\x8b"


def _display(path: str | os.PathLike[str] | None) -> str:
    return "<stdin>" if path is None or str(path) == STDIO else str(path)


def open_input(path: str | os.PathLike[str] | None) -> BinaryIO:
    """Open ``path`` for binary reading; ``None`` or ``"-"`` is stdin. Gzip is detected by its magic bytes.

    Args:
        path: A file name, ``"-"`` or ``None``.

    Returns:
        A binary stream of the (decompressed) content.

    Raises:
        OSError: the file cannot be opened.

    >>> import gzip, tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.jsonl.gz")
    >>> with gzip.open(p, "wb") as f:
    ...     _ = f.write('{"text": "नमस्ते"}\\n'.encode())
    >>> open_input(p).read().decode()
    '{"text": "नमस्ते"}\\n'
    """
    if path is None or str(path) == STDIO:
        raw: BinaryIO = sys.stdin.buffer
    else:
        raw = Path(path).open("rb")  # noqa: SIM115 - returned to the caller
    peek = getattr(raw, "peek", None)
    head = peek(2)[:2] if peek is not None else b""
    if head == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


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
        if stripped.strip():
            yield lineno, stripped


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
    """
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        msg = f"invalid UTF-8 (byte 0x{bad} at byte offset {exc.start})"
        raise RecordError(msg, path=path, lineno=lineno) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON ({exc.msg} at column {exc.colno})"
        raise RecordError(msg, path=path, lineno=lineno) from None
    except RecursionError:
        msg_0 = "invalid JSON (nested too deeply)"
        raise RecordError(msg_0, path=path, lineno=lineno) from None
    if not isinstance(record, dict):
        msg = f"record must be a JSON object, not {_json_type(record)}"
        raise RecordError(msg, path=path, lineno=lineno)
    for name in fields:
        if name not in record:
            msg_0 = f"field {name!r} missing"
            raise RecordError(msg_0, path=path, lineno=lineno, field=name)
        _check_field(record, name, path, lineno)
    for name in optional:
        if record.get(name) is not None:
            _check_field(record, name, path, lineno)
    return record


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
    shown = _display(path)
    for lineno, raw in iter_lines(stream, path=shown):
        try:
            record = parse_line(raw, path=shown, lineno=lineno, fields=fields, optional=optional)
        except RecordError as exc:
            yield RecordItem(shown, lineno, raw, None, exc)
        else:
            yield RecordItem(shown, lineno, raw, record, None)


def read_jsonl(
    path: str | os.PathLike[str] | None,
    *,
    fields: Sequence[str] = ("text",),
    optional: Sequence[str] = (),
    on_error: str = "stop",
    rejects: RejectSink | None = None,
) -> Iterator[dict[str, Any]]:
    """Read the records of a JSONL or JSONL.gz file (``None``/``"-"``: stdin).

    Args:
        path: The file.
        fields: Required string fields.
        optional: Optional string fields.
        on_error: ``"stop"`` raises the first :class:`RecordError`; ``"reject"`` skips bad lines, writing
            each to ``rejects`` when given.
        rejects: Where rejected lines go.

    Returns:
        An iterator of records (dicts).

    Raises:
        RecordError: a bad line with ``on_error="stop"``.
        ConfigError: ``on_error`` is not one of the two choices.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "in.jsonl")
    >>> _ = Path(p).write_text('{"text": "राम"}\\n{"text": null}\\n', encoding="utf-8")
    >>> [r["text"] for r in read_jsonl(p, on_error="reject")]
    ['राम']
    """
    check_choice(on_error, "read_jsonl", "on_error", ("stop", "reject"))
    with contextlib.closing(open_input(path)) as stream:
        for item in iter_records(stream, path=_display(path), fields=fields, optional=optional):
            if item.error is not None:
                if on_error == "stop":
                    raise item.error
                if rejects is not None:
                    rejects.write(item, item.error)
                continue
            assert item.record is not None
            yield item.record


def dump_record(record: Any) -> str:
    """One JSON line (no newline) with Devanagari unescaped; always encodable as UTF-8.

    A record holding a lone surrogate (possible from a ``"\\udc80"`` escape in the input) is written with
    ``\\u`` escapes instead, so the output stays valid UTF-8 and loses nothing.

    Args:
        record: Any JSON-serialisable value.

    Returns:
        The JSON text.

    >>> dump_record({"text": "खबर"})
    '{"text": "खबर"}'
    >>> dump_record({"text": "\\udc80"})
    '{"text": "\\\\udc80"}'
    """
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True)
    return line


def temp_beside(path: Path) -> tuple[int, str]:
    """Create a temporary file next to ``path`` with the permissions a new ``path`` would get.

    ``mkstemp`` makes files readable by their owner only; the renamed output should instead have the mode
    of the file it replaces, or ``0o666`` minus the umask for a new file, like any file the shell creates.

    Args:
        path: The final destination.

    Returns:
        ``(fd, name)`` of the open temporary file.

    >>> import tempfile, os
    >>> fd, name = temp_beside(Path(tempfile.mkdtemp(), "out.jsonl"))
    >>> os.close(fd); Path(name).name.startswith(".out.jsonl.")
    True
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    fchmod = getattr(os, "fchmod", None)  # not on Windows before Python 3.13
    if fchmod is not None:
        with contextlib.suppress(OSError):
            fchmod(fd, mode)
    return fd, name


class _Transaction:
    """``with`` support: :meth:`commit` on success, :meth:`abort` on an exception."""

    def commit(self) -> None:
        """Finish the output."""
        raise NotImplementedError

    def abort(self) -> None:
        """Discard the output."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


class AtomicWriter(_Transaction):
    """Write text lines to a file atomically (temp file + rename on :meth:`commit`), or to stdout.

    ``.gz`` paths are gzip-compressed. :meth:`abort` (or leaving the ``with`` block on an exception) deletes
    the temporary file and leaves any existing file untouched.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "out.jsonl")
    >>> with AtomicWriter(p) as w:
    ...     w.write_line('{"text": "खबर"}')
    ...     os.path.exists(p)
    False
    >>> Path(p).read_text(encoding="utf-8")
    '{"text": "खबर"}\\n'
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        """Open the temporary file (or stdout for ``None``/``"-"``).

        Args:
            path: Destination.
        """
        self.path = None if path is None or str(path) == STDIO else Path(path)
        self._tmp: Path | None = None
        self._raw: IO[bytes] | None = None
        self._closed = False
        self.lines = 0
        if self.path is None:
            self._out: IO[bytes] = sys.stdout.buffer
            return
        fd, name = temp_beside(self.path)
        self._tmp = Path(name)
        self._raw = os.fdopen(fd, "wb")
        if self.path.suffix == ".gz":
            gz = gzip.GzipFile(filename=self.path.name[:-3], fileobj=self._raw, mode="wb", mtime=0)
            self._out = gz  # type: ignore[assignment]
        else:
            self._out = self._raw

    def write_line(self, line: str) -> None:
        """Write one line (a newline is appended).

        Args:
            line: Text without its line ending.
        """
        self._out.write(line.encode("utf-8", "surrogatepass") + b"\n")
        self.lines += 1

    def write_text(self, text: str) -> None:
        """Write raw text as is (for the plain-text output format).

        Args:
            text: Any text.
        """
        self._out.write(text.encode("utf-8", "surrogatepass"))

    def commit(self) -> None:
        """Flush, close and rename the temporary file into place (stdout: flush)."""
        if self._closed:
            return
        self._closed = True
        if self._tmp is None:
            self._out.flush()
            return
        self._out.close()
        if self._raw is not None and self._raw is not self._out:
            self._raw.close()
        assert self.path is not None
        self._tmp.replace(self.path)

    def abort(self) -> None:
        """Delete the temporary file; the destination is left as it was (stdout: flush what was written)."""
        if self._closed:
            return
        self._closed = True
        if self._tmp is None:
            with contextlib.suppress(OSError):
                self._out.flush()
            return
        with contextlib.suppress(OSError):
            self._out.close()
        if self._raw is not None:
            with contextlib.suppress(OSError):
                self._raw.close()
        with contextlib.suppress(OSError):
            self._tmp.unlink()


class RejectSink(_Transaction):
    """Collects rejected lines as JSONL: ``path``, ``line``, ``reason``, ``field`` and the ``raw`` line.

    A raw line that is not valid UTF-8 is kept byte-exact in ``raw_base64`` (``raw`` then shows it with
    replacement characters).

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "rejects.jsonl")
    >>> err = RecordError("field 'text' missing", path="in.jsonl", lineno=3, field="text")
    >>> with RejectSink(p) as sink:
    ...     sink.write(RecordItem("in.jsonl", 3, '{"शीर्षक": 1}'.encode()), err)
    >>> json.loads(Path(p).read_text(encoding="utf-8"))["reason"]
    "field 'text' missing"
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        """Open the rejects file (atomically written); ``None`` discards rejects but still counts them.

        Args:
            path: Destination, or ``None``.
        """
        self._writer = None if path is None else AtomicWriter(path)
        self.count = 0

    def write(self, item: RecordItem, error: RecordError) -> None:
        """Record one rejected line with its location and reason.

        Args:
            item: The line.
            error: Why it was rejected.
        """
        self.count += 1
        if self._writer is None:
            return
        entry: dict[str, Any] = {
            "path": error.path,
            "line": error.lineno,
            "reason": error.reason,
            "field": error.field,
            "raw": item.raw.decode("utf-8", "replace"),
        }
        try:
            item.raw.decode("utf-8")
        except UnicodeDecodeError:
            entry["raw_base64"] = base64.b64encode(item.raw).decode("ascii")
        self._writer.write_line(dump_record(entry))

    def commit(self) -> None:
        """Finish the rejects file."""
        if self._writer is not None:
            self._writer.commit()

    def abort(self) -> None:
        """Drop the temporary rejects file."""
        if self._writer is not None:
            self._writer.abort()
