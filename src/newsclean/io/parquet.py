"""Parquet in and out, through ``pyarrow`` (the ``parquet`` extra), record for record like JSONL.

Reading goes one row group at a time; each row becomes one JSON line, so the same field checks, rejects and
counts apply as to JSONL (an error names the file and the 1-based row). Values JSON has no type for are
written as strings: timestamps, dates and times in ISO 8601, decimals as text, binary as UTF-8 text when it
is valid UTF-8 and as base64 otherwise. A float ``NaN`` is not JSON: its row is rejected with that reason.

Writing buffers rows into row groups. The columns come from the first row group (every field seen in it;
a field that is null throughout it becomes a string column); a later record with a field the schema lacks,
or a value that does not fit its column, stops the run with an error naming the record: nothing is dropped.
Missing fields are written as null.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import decimal
import importlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import NewscleanError
from .outputs import AtomicWriter, Transaction
from .records import dump_record

__all__ = [
    "ParquetError",
    "ParquetRows",
    "ParquetWriter",
    "is_parquet",
    "require_pyarrow",
]

EXTRA_HINT = "Parquet needs pyarrow: pip install 'newsclean[parquet]'"


class ParquetError(NewscleanError, OSError):
    """A Parquet file cannot be read, or a record cannot be written to one; the message names it."""


def require_pyarrow() -> tuple[ModuleType, ModuleType]:
    """Import ``pyarrow`` and ``pyarrow.parquet``.

    Returns:
        The two modules.

    Raises:
        ModuleNotFoundError: pyarrow is not installed (the message names the extra).
    """
    try:
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ModuleNotFoundError(EXTRA_HINT) from exc
    return pa, pq


def is_parquet(path: str | os.PathLike[str]) -> bool:
    """True for a name ending in ``.parquet``.

    Args:
        path: A file name.

    Returns:
        Whether the file is read and written as Parquet.

    >>> is_parquet("shard-0001.parquet"), is_parquet("a.jsonl.gz")
    (True, False)
    """
    return str(path).endswith(".parquet")


def _to_json(value: object) -> object:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return base64.b64encode(value).decode("ascii")
    msg = f"a value of type {type(value).__name__} has no JSON form"
    raise TypeError(msg)


class ParquetRows:
    """The rows of a Parquet file as ``(row number, JSON line)``, read one row group at a time.

    :attr:`position` is the compressed size of the row groups read so far (for the progress bar).

    >>> import tempfile, os
    >>> pa, pq = require_pyarrow()
    >>> p = os.path.join(tempfile.mkdtemp(), "a.parquet")
    >>> pq.write_table(pa.table({"id": [1, 2], "text": ["राम|", None]}), p)
    >>> [(n, line.decode()) for n, line in ParquetRows(p)]
    [(1, '{"id": 1, "text": "राम|"}'), (2, '{"id": 2, "text": null}')]
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open the file (its footer is read now).

        Args:
            path: The file.

        Raises:
            ParquetError: not a readable Parquet file.
        """
        pa, pq = require_pyarrow()
        self.path = str(path)
        self.position = 0
        try:
            self._file = pq.ParquetFile(self.path)
        except (pa.ArrowException, OSError) as exc:
            msg = f"{self.path}: not a readable Parquet file: {exc}"
            raise ParquetError(msg) from None
        self._errors = (pa.ArrowException, OSError)

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        meta = self._file.metadata
        groups = self._file.num_row_groups
        row = 0
        for g in range(groups):
            try:
                rows = self._file.read_row_group(g).to_pylist()
            except self._errors as exc:
                msg = f"{self.path}: cannot read row group {g + 1} of {groups} (after {row:,} rows): {exc}"
                raise ParquetError(msg) from None
            for record in rows:
                row += 1
                yield row, dump_record(record, default=_to_json).encode("utf-8", "surrogatepass")
            group = meta.row_group(g)
            self.position += sum(group.column(c).total_compressed_size for c in range(group.num_columns))

    def close(self) -> None:
        """Release the file."""
        self._file.close()


class ParquetWriter(Transaction):
    """Write JSON lines as Parquet rows, atomically like :class:`~newsclean.io.outputs.AtomicWriter`.

    >>> import tempfile, os
    >>> pa, pq = require_pyarrow()
    >>> p = os.path.join(tempfile.mkdtemp(), "out.parquet")
    >>> with ParquetWriter(p) as w:
    ...     w.write_line('{"id": 1, "text": "खबर"}')
    >>> pq.read_table(p).to_pylist()
    [{'id': 1, 'text': 'खबर'}]
    """

    def __init__(self, path: str | os.PathLike[str], *, row_group_size: int = 10_000) -> None:
        """Open the temporary file.

        Args:
            path: Destination (``.parquet``).
            row_group_size: Rows per row group.
        """
        self._pa, self._pq = require_pyarrow()
        self.path = Path(path)
        self._file = AtomicWriter(path)
        self.atomic = self._file.atomic
        self._size = row_group_size
        self._rows: list[dict[str, Any]] = []
        self._writer: Any = None
        self._type: Any = None
        self.lines = 0

    def write_line(self, line: str) -> None:
        """Add one record (a JSON object line).

        Args:
            line: The record as JSON.
        """
        self._rows.append(json.loads(line))
        self.lines += 1
        if len(self._rows) >= self._size:
            self._flush()

    def _flush(self) -> None:
        pa = self._pa
        rows, self._rows = self._rows, []
        first = self.lines - len(rows) + 1
        if self._type is None:
            inferred = pa.array(rows) if rows else pa.array([], type=pa.struct([]))
            fields = [f if f.type != pa.null() else pa.field(f.name, pa.string()) for f in inferred.type]
            self._type = pa.struct(fields)
            self._writer = self._pq.ParquetWriter(self._file.stream, pa.schema(fields))
        names = {f.name for f in self._type}
        for i, row in enumerate(rows):
            extra = sorted(set(row) - names)
            if extra:
                msg = (
                    f"{self.path}: record {first + i:,} has field {extra[0]!r}, which the first "
                    f"{self._size:,} records lack; Parquet needs one set of columns (write JSONL instead)"
                )
                raise ParquetError(msg)
        try:
            batch = pa.array(rows, type=self._type)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            msg = (
                f"{self.path}: records {first:,}-{first + len(rows) - 1:,} do not fit the columns taken from "
                f"the first records ({exc}); write JSONL instead, or make each field's type consistent"
            )
            raise ParquetError(msg) from None
        if rows:
            self._writer.write_table(pa.Table.from_struct_array(batch))

    def commit(self) -> None:
        """Write the last row group and the footer, and rename the file into place."""
        if self._rows or self._writer is None:
            self._flush()
        self._writer.close()
        self._file.commit()

    def abort(self) -> None:
        """Delete the temporary file."""
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()
            self._writer = None
        self._file.abort()
