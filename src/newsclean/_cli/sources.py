"""What a run reads: the input arguments expanded (globs, directories) into sources, and each source's lines.

A source is one JSONL(.gz) file, one Parquet file, stdin, or (``--format text``) one article file or
directory of articles. Directories give their ``*.jsonl``, ``*.jsonl.gz``, ``*.ndjson`` and ``*.parquet``
files in name order (their ``*.txt`` files with ``--format text``); a quoted glob is expanded here, in name
order, so ``'crawl/*.jsonl.gz'`` works without the shell. Hidden files are never picked up.
"""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..io.inputs import STDIO, display, input_size, open_input, position
from ..io.parquet import ParquetRows, is_parquet
from ..io.records import iter_lines
from .errors import EXIT_IO, EXIT_USAGE, CliError

__all__ = ["SHARD_SUFFIXES", "LineReader", "Source", "expand_inputs", "is_stdio"]

SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".parquet")


def is_stdio(path: str | None) -> bool:
    """True for ``None`` and ``"-"``."""
    return path is None or path == STDIO


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its path (``"-"`` for stdin), how it is named in messages, its kind and its size."""

    path: str
    kind: str = "jsonl"  # "jsonl", "parquet" or "text"

    @property
    def shown(self) -> str:
        """The name used in messages."""
        return display(self.path)

    @property
    def size(self) -> int | None:
        """Bytes in the file (``None`` for stdin, a pipe or a directory)."""
        return input_size(self.path)

    @property
    def name(self) -> str:
        """The file name (a shard's output has the same name)."""
        return Path(self.path).name


class LineReader:
    """The lines of a JSONL or Parquet source as ``(line or row number, raw bytes)``, with progress."""

    def __init__(self, source: Source) -> None:
        """Open the source.

        Args:
            source: A JSONL or Parquet source.
        """
        self.source = source
        self._rows: ParquetRows | None = None
        if source.kind == "parquet":
            self._rows = ParquetRows(source.path)
            self._lines: Iterator[tuple[int, bytes]] = iter(self._rows)
            self._stream = None
        else:
            self._stream = open_input(source.path)
            self._lines = iter_lines(self._stream, path=source.shown)

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        return self._lines

    def position(self) -> int | None:
        """Bytes of the file consumed so far (compressed bytes for gzip and Parquet)."""
        if self._rows is not None:
            return self._rows.position
        assert self._stream is not None
        return position(self._stream)

    def close(self) -> None:
        """Close the file (never stdin)."""
        if self._rows is not None:
            self._rows.close()
        elif self._stream is not None and not is_stdio(self.source.path):
            with contextlib.suppress(OSError):
                self._stream.close()

    def __enter__(self) -> LineReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _directory(path: Path, input_format: str) -> list[Source]:
    if input_format == "text":
        return [Source(str(path), "text")]
    files = sorted(
        p
        for p in path.iterdir()
        if not p.name.startswith(".") and p.name.endswith(SHARD_SUFFIXES) and p.is_file()
    )
    if not files:
        msg = (
            f"{str(path)!r} is a directory with no {', '.join('*' + s for s in SHARD_SUFFIXES)} files "
            "(for plain-text articles, add --format text)"
        )
        raise CliError(msg, EXIT_USAGE)
    return [_file(str(p), input_format) for p in files]


def _file(path: str, input_format: str) -> Source:
    if input_format == "text":
        return Source(path, "text")
    return Source(path, "parquet" if is_parquet(path) else "jsonl")


def expand_inputs(args: list[str] | tuple[str, ...], input_format: str) -> list[Source]:
    """The sources named by the input arguments, in order (no argument: stdin).

    Args:
        args: Files, directories, quoted globs, or ``"-"``.
        input_format: ``"jsonl"`` (JSONL and Parquet) or ``"text"``.

    Returns:
        The sources.

    Raises:
        CliError: a missing file or a glob matching nothing (exit 3), a directory without input files or the
            same file named twice (exit 2).
    """
    sources: list[Source] = []
    for arg in args or [STDIO]:
        if is_stdio(arg):
            sources.append(Source(STDIO, "text" if input_format == "text" else "jsonl"))
            continue
        if glob.has_magic(arg) and not Path(arg).exists():
            matches = sorted(m for m in glob.glob(arg) if not Path(m).name.startswith("."))  # noqa: PTH207 - a pattern with a directory part
            if not matches:
                msg = f"cannot read {arg!r}: no file matches"
                raise CliError(msg, EXIT_IO)
        else:
            matches = [arg]
        for match in matches:
            p = Path(match)
            if p.is_dir():
                sources.extend(_directory(p, input_format))
            elif not p.exists():
                msg = f"cannot read {match!r}: no such file"
                raise CliError(msg, EXIT_IO)
            else:
                sources.append(_file(match, input_format))
    _refuse_repeats(sources)
    return sources


def _refuse_repeats(sources: list[Source]) -> None:
    seen: dict[tuple[int, int], Source] = {}
    stdin = [s for s in sources if is_stdio(s.path)]
    if len(stdin) > 1:
        msg = "stdin ('-') is named more than once"
        raise CliError(msg, EXIT_USAGE)
    for s in sources:
        if is_stdio(s.path):
            continue
        st = os.stat(s.path)  # noqa: PTH116 - the identity of the file, through links
        key = (st.st_dev, st.st_ino)
        if key in seen:
            msg = f"the same input is named twice: {seen[key].path!r} and {s.path!r}"
            raise CliError(msg, EXIT_USAGE)
        seen[key] = s
