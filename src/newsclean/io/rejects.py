"""The rejects file: every line set aside, with its location, reason and exact bytes."""

from __future__ import annotations

import base64
import os
from typing import Any

from ..errors import RecordError
from .outputs import AtomicWriter, Transaction
from .records import RecordItem, dump_record

__all__ = ["RejectSink"]


class RejectSink(Transaction):
    """Collects rejected lines as JSONL: ``path``, ``line``, ``reason``, ``field`` and the ``raw`` line.

    A raw line that is not valid UTF-8 is kept byte-exact in ``raw_base64`` (``raw`` then shows it with
    replacement characters).

    >>> import json, tempfile, os
    >>> from pathlib import Path
    >>> p = os.path.join(tempfile.mkdtemp(), "rejects.jsonl")
    >>> err = RecordError("field 'text' missing", path="in.jsonl", lineno=3, field="text")
    >>> with RejectSink(p) as sink:
    ...     sink.write(RecordItem("in.jsonl", 3, '{"शीर्षक": 1}'.encode()), err)
    >>> json.loads(Path(p).read_text(encoding="utf-8"))["reason"]
    "field 'text' missing"
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, compresslevel: int = 6) -> None:
        """Open the rejects file (atomically written); ``None`` discards rejects but still counts them.

        Args:
            path: Destination, or ``None``.
            compresslevel: gzip level when ``path`` ends in ``.gz``.
        """
        self._writer = None if path is None else AtomicWriter(path, compresslevel=compresslevel)
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
