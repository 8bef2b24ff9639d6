"""The good records of a corpus command's inputs, column by column, and writing chosen ones back unchanged.

Only what the command needs is kept per record: the text, the id, the line number and where the line is.
A line of a plain (uncompressed, regular) file is remembered by its byte offset and length and read again
from that file when it is written, so the corpus's raw lines never have to fit in memory; lines of gzip,
Parquet and stdin inputs are held as bytes. Consecutive lines are read back and written in one piece.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from array import array
from typing import Any

from ..io.inputs import open_input
from ..io.outputs import AtomicWriter
from ..io.records import iter_lines_at
from .errors import EXIT_IO, CliError
from .sources import LineReader, Source, is_stdio

__all__ = ["Records", "open_lines"]

_PIECE = 1 << 23  # bytes read back and written at once


class _Plain:
    """A plain input file kept open (a second descriptor) to read its lines again, and its identity."""

    def __init__(self, source: Source, fd: int) -> None:
        self.shown = source.shown
        self.fd = os.dup(fd)
        st = os.fstat(self.fd)
        self.stamp = (st.st_size, st.st_mtime_ns)

    def read(self, start: int, end: int) -> bytes:
        st = os.fstat(self.fd)
        data = os.pread(self.fd, end - start, start)
        if (st.st_size, st.st_mtime_ns) != self.stamp or len(data) != end - start:
            msg = f"{self.shown!r} changed while it was being read; run again"
            raise CliError(msg, EXIT_IO)
        return data

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


class Records:
    """The good records of the inputs as columns (the parsed dicts are not kept).

    Attributes:
        texts: The text field of each record.
        ids: The id field of each record as parsed (``None`` when absent).
        linenos: The line (or Parquet row) number of each record in its input.
    """

    def __init__(self) -> None:
        """No records yet."""
        self.texts: list[str] = []
        self.ids: list[Any] = []
        self.linenos: list[int] = []
        self._file = array("i")  # index into _plain, or -1: the line is held in _held
        self._start = array("q")
        self._size = array("q")
        self._plain: list[_Plain] = []
        self._held: dict[int, bytes] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def add(self, text: str, key: Any, lineno: int, raw: bytes, offset: int | None) -> None:
        """Append one record; ``offset`` is where ``raw`` starts in the current plain file (else None)."""
        if offset is None:
            self._held[len(self.texts)] = raw
            self._file.append(-1)
            self._start.append(0)
        else:
            self._file.append(len(self._plain) - 1)
            self._start.append(offset)
        self._size.append(len(raw))
        self.texts.append(text)
        self.ids.append(key)
        self.linenos.append(lineno)

    def keep_open(self, source: Source, fd: int) -> None:
        """Keep a second descriptor of the plain file ``fd`` (the next records' offsets refer to it)."""
        self._plain.append(_Plain(source, fd))

    def write(self, writer: AtomicWriter, indices: list[int]) -> None:
        """Write the lines of records ``indices`` (ascending), each exactly as read, with a newline."""
        run: tuple[int, int, int] | None = None  # (file, start, end) of consecutive lines not yet written
        for i in indices:
            k, start, end = self._file[i], self._start[i], self._start[i] + self._size[i]
            if k < 0:
                if run is not None:
                    self._flush(writer, run)
                    run = None
                writer.write_bytes(self._held[i] + b"\n")
            elif run is not None and run[0] == k and run[2] + 1 == start and end - run[1] <= _PIECE:
                run = (k, run[1], end)  # the next line of the file: one "\n" between them
            else:
                if run is not None:
                    self._flush(writer, run)
                run = (k, start, end)
        if run is not None:
            self._flush(writer, run)

    def _flush(self, writer: AtomicWriter, run: tuple[int, int, int]) -> None:
        k, start, end = run
        writer.write_bytes(self._plain[k].read(start, end) + b"\n")

    def close(self) -> None:
        """Close the plain files kept open."""
        for p in self._plain:
            p.close()
        self._plain = []

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _PlainLines:
    """The lines of a plain file with their offsets (``(lineno, raw, offset)``)."""

    def __init__(self, stream: io.BufferedReader) -> None:
        self._stream = stream
        self._lines = iter_lines_at(stream)

    def __iter__(self) -> _PlainLines:
        return self

    def __next__(self) -> tuple[int, bytes, int | None]:
        return next(self._lines)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._stream.close()


class _OtherLines:
    """The lines of any other source (``(lineno, raw, None)``)."""

    def __init__(self, source: Source) -> None:
        self._reader = LineReader(source)
        self._lines = iter(self._reader)

    def __iter__(self) -> _OtherLines:
        return self

    def __next__(self) -> tuple[int, bytes, int | None]:
        lineno, raw = next(self._lines)
        return lineno, raw, None

    def close(self) -> None:
        self._reader.close()


def open_lines(source: Source, records: Records) -> _PlainLines | _OtherLines:
    """The lines of ``source`` as ``(lineno, raw, offset or None)``; a plain file is registered in ``records``.

    Args:
        source: The input.
        records: Where the records of this source go (it keeps a plain file open to read lines again).

    Returns:
        An iterator with ``close()``.
    """
    if source.kind == "jsonl" and not is_stdio(source.path):
        stream = open_input(source.path)
        if type(stream) is io.BufferedReader and stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            try:
                records.keep_open(source, stream.fileno())
            except BaseException:
                stream.close()
                raise
            return _PlainLines(stream)
        stream.close()
    return _OtherLines(source)
