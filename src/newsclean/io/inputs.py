"""Opening inputs: files or stdin, gzip recognised by its content, damaged gzip reported with its location.

A file is read as gzip when its name ends in ``.gz``, or when its first bytes are a gzip header *and* the
data after it inflates without error to text; a plain JSONL file whose first line merely starts with the
two magic bytes ``\\x1f\\x8b`` is read as the text it is. Truncated or corrupt gzip data raises
:class:`CorruptInputError` naming the file and how far reading got, never a bare ``EOFError``.

>>> display(None), display("-"), display("in.jsonl")
('<stdin>', '<stdin>', 'in.jsonl')
"""

from __future__ import annotations

import contextlib
import gzip
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import BinaryIO

from ..errors import NewscleanError

__all__ = ["STDIO", "CorruptInputError", "display", "input_size", "looks_like_gzip", "open_input", "position"]

STDIO = "-"
_SNIFF = 1 << 16  # bytes looked at to recognise gzip (one buffer read)
_BUFFER = 1 << 16
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


class CorruptInputError(NewscleanError, OSError):
    """An input file's compressed data is truncated or corrupt; says which file and how far reading got.

    >>> str(CorruptInputError("in.jsonl.gz", "CRC check failed", lines=12, nbytes=3400))
    'in.jsonl.gz: truncated or corrupt gzip data after 12 complete lines (3,400 bytes decompressed): CRC check failed'
    """

    def __init__(self, path: str, reason: str, *, lines: int, nbytes: int) -> None:
        super().__init__(
            f"{path}: truncated or corrupt gzip data after {lines:,} complete lines "
            f"({nbytes:,} bytes decompressed): {reason}"
        )
        self.path = path
        self.reason = reason
        self.lines = lines
        self.nbytes = nbytes


def display(path: str | os.PathLike[str] | None) -> str:
    """How ``path`` is named in messages: stdin shows as ``<stdin>``.

    Args:
        path: A file name, ``"-"`` or ``None``.

    Returns:
        The name to show.
    """
    return "<stdin>" if path is None or str(path) == STDIO else str(path)


def looks_like_gzip(head: bytes) -> bool:
    """True when ``head`` (the first bytes of a stream) starts gzip data that inflates to text.

    The header must be valid (magic, deflate method, no reserved flag bits) and the bytes after it must
    inflate without error to UTF-8 (a character cut at the end of the sample is allowed).

    Args:
        head: The first bytes of the stream (up to 64 KiB is plenty).

    Returns:
        Whether to read the stream as gzip.

    >>> looks_like_gzip(gzip.compress('{"text": "खबर"}\\n'.encode()))
    True
    >>> looks_like_gzip(b'\\x1f\\x8b{"text": "x"}\\n'), looks_like_gzip(b'{"text": "x"}')
    (False, False)
    >>> looks_like_gzip(b'\\x1f\\x8b\\x08\\n{"text": ""}\\n'), looks_like_gzip(gzip.compress(b""))
    (False, True)
    """
    if len(head) < 10 or head[:3] != b"\x1f\x8b\x08" or head[3] & 0xE0:
        return False
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(head, 4096)
    except zlib.error:
        return False
    if not out and not inflater.eof:
        return False  # nothing inflated from the whole sample: bytes that only begin like a gzip header
    try:
        out.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data"  # a character cut by the sample's end
    return True


class _GzipInput(gzip.GzipFile):
    """A gzip reader that turns a damaged stream into :class:`CorruptInputError` and counts what it read."""

    def __init__(self, raw: BinaryIO, shown: str) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self.source = raw
        self.shown = shown
        self.lines_read = 0
        self.bytes_read = 0

    def _fail(self, exc: BaseException) -> CorruptInputError:
        reason = str(exc) or type(exc).__name__
        return CorruptInputError(self.shown, reason, lines=self.lines_read, nbytes=self.bytes_read)

    def _count(self, data: bytes) -> bytes:
        self.bytes_read += len(data)
        self.lines_read += data.count(b"\n")
        return data

    def read(self, size: int | None = -1) -> bytes:
        try:
            if size is not None and size >= 0:
                return self._count(super().read(size))
            chunks = []  # read all in pieces, so a failure reports how far it got
            while chunk := super().read(_BUFFER):
                chunks.append(self._count(chunk))
            return b"".join(chunks)
        except _GZIP_ERRORS as exc:
            raise self._fail(exc) from None

    def read1(self, size: int = -1) -> bytes:
        try:
            return self._count(super().read1(size))
        except _GZIP_ERRORS as exc:
            raise self._fail(exc) from None

    def readline(self, size: int | None = -1) -> bytes:
        try:
            return self._count(super().readline(-1 if size is None else size))
        except _GZIP_ERRORS as exc:
            raise self._fail(exc) from None

    def peek(self, n: int = 0) -> bytes:
        try:
            return super().peek(n)
        except _GZIP_ERRORS as exc:
            raise self._fail(exc) from None

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.source is not sys.stdin.buffer:
                self.source.close()


def open_input(path: str | os.PathLike[str] | None) -> BinaryIO:
    """Open ``path`` for binary reading; ``None`` or ``"-"`` is stdin. Gzip is recognised by name or content.

    Args:
        path: A file name, ``"-"`` or ``None``.

    Returns:
        A binary stream of the (decompressed) content; reading damaged gzip data raises
        :class:`CorruptInputError`.

    Raises:
        OSError: the file cannot be opened.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.jsonl.gz")
    >>> with gzip.open(p, "wb") as f:
    ...     _ = f.write('{"text": "नमस्ते"}\\n'.encode())
    >>> open_input(p).read().decode()
    '{"text": "नमस्ते"}\\n'
    >>> _ = Path(p).write_bytes(gzip.compress(b'{"text": "x"}\\n' * 100)[:-20])
    >>> open_input(p).read()
    Traceback (most recent call last):
    ...
    newsclean.io.inputs.CorruptInputError: ...a.jsonl.gz: truncated or corrupt gzip data after ... complete lines ...
    """
    shown = display(path)
    if path is None or str(path) == STDIO:
        raw: BinaryIO = sys.stdin.buffer
    else:
        raw = Path(path).open("rb", buffering=_BUFFER)  # noqa: SIM115 - returned to the caller
    named_gz = str(path).endswith(".gz")
    peek = getattr(raw, "peek", None)
    head = peek(_SNIFF)[:_SNIFF] if peek is not None else b""
    if named_gz or looks_like_gzip(head):
        return _GzipInput(raw, shown)  # type: ignore[return-value]
    return raw


def position(stream: BinaryIO) -> int | None:
    """How many bytes of the underlying file ``stream`` has consumed (compressed bytes for gzip).

    Args:
        stream: A stream from :func:`open_input`.

    Returns:
        The offset, or ``None`` when it cannot be known (a pipe).
    """
    source: object = getattr(stream, "source", stream)
    tell = getattr(source, "tell", None)
    if tell is None:
        return None
    try:
        offset = tell()
    except (OSError, ValueError):
        return None
    return offset if isinstance(offset, int) else None


def input_size(path: str | os.PathLike[str] | None) -> int | None:
    """The size in bytes of a regular input file; ``None`` for stdin, pipes and devices.

    Args:
        path: A file name, ``"-"`` or ``None``.

    Returns:
        The size, or ``None``.
    """
    if path is None or str(path) == STDIO:
        return None
    with contextlib.suppress(OSError):
        st = Path(path).stat()
        if stat.S_ISREG(st.st_mode):
            return st.st_size
    return None
