"""Where a run's records go: JSONL (optionally gzip), Parquet, or plain-text articles; all written atomically."""

from __future__ import annotations

from typing import Protocol

from ..io.outputs import AtomicWriter
from ..io.parquet import ParquetWriter, is_parquet
from .errors import EXIT_USAGE, CliError
from .sources import is_stdio

__all__ = ["Sink", "open_sink"]


class Sink(Protocol):
    """An output: records in, then :meth:`commit` (or :meth:`abort`)."""

    atomic: bool

    def write(self, chunk: str) -> None:
        """Write one rendered record."""

    def commit(self) -> None:
        """Finish the output."""

    def abort(self) -> None:
        """Discard the output (a non-atomic one keeps what was written)."""


class _Lines:
    def __init__(self, writer: AtomicWriter | ParquetWriter) -> None:
        self._writer = writer
        self.atomic = writer.atomic

    def write(self, chunk: str) -> None:
        self._writer.write_line(chunk)

    def commit(self) -> None:
        self._writer.commit()

    def abort(self) -> None:
        self._writer.abort()


class _Articles:
    """Plain-text articles separated by a line holding a form feed."""

    def __init__(self, writer: AtomicWriter) -> None:
        self._writer = writer
        self.atomic = writer.atomic
        self._count = 0

    def write(self, chunk: str) -> None:
        if self._count:
            self._writer.write_text("\f\n")
        self._writer.write_text(chunk)
        self._count += 1

    def commit(self) -> None:
        self._writer.commit()

    def abort(self) -> None:
        self._writer.abort()


def open_sink(path: str | None, output_format: str, compresslevel: int) -> Sink:
    """Open the output ``path`` (``None``/``"-"``: stdout) for ``output_format`` records.

    Args:
        path: Destination; ``.parquet`` writes Parquet, ``.gz`` compresses JSONL or text.
        output_format: ``"jsonl"`` or ``"text"``.
        compresslevel: gzip level for ``.gz``.

    Returns:
        The sink.

    Raises:
        CliError: Parquet asked for with the text output format (exit 2).
    """
    target = None if is_stdio(path) else path
    if target is not None and is_parquet(target):
        if output_format == "text":
            msg = f"{target!r}: --output-format text cannot be written as Parquet"
            raise CliError(msg, EXIT_USAGE)
        return _Lines(ParquetWriter(target))
    writer = AtomicWriter(target, compresslevel=compresslevel)
    return _Articles(writer) if output_format == "text" else _Lines(writer)
