"""JSONL and JSONL.gz files or stdin/stdout: reading records, located errors, rejects, atomic output.

The pieces live in :mod:`.inputs` (opening), :mod:`.records` (lines and parsing), :mod:`.outputs` (atomic
writing) and :mod:`.rejects` (the rejects file); this module is the one to import them from.

>>> import io, json
>>> raw = io.BytesIO('{"id": 1, "text": "खबर"}\\n\\n{"id": 2}\\n'.encode())
>>> for item in iter_records(raw, path="in.jsonl", fields=("text",)):
...     print(item.lineno, item.record if item.error is None else item.error)
1 {'id': 1, 'text': 'खबर'}
3 in.jsonl:3: field 'text' missing
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from typing import Any

from .._check import check_choice
from .inputs import STDIO, display, open_input
from .outputs import AtomicWriter, temp_beside
from .records import RecordItem, dump_record, iter_lines, iter_records, parse_line
from .rejects import RejectSink

__all__ = [
    "STDIO",
    "AtomicWriter",
    "RecordItem",
    "RejectSink",
    "dump_record",
    "iter_lines",
    "iter_records",
    "open_input",
    "parse_line",
    "read_jsonl",
    "temp_beside",
]


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
    >>> from pathlib import Path
    >>> p = os.path.join(tempfile.mkdtemp(), "in.jsonl")
    >>> _ = Path(p).write_text('{"text": "राम"}\\n{"text": null}\\n', encoding="utf-8")
    >>> [r["text"] for r in read_jsonl(p, on_error="reject")]
    ['राम']
    """
    check_choice(on_error, "read_jsonl", "on_error", ("stop", "reject"))
    with contextlib.closing(open_input(path)) as stream:
        for item in iter_records(stream, path=display(path), fields=fields, optional=optional):
            if item.error is not None:
                if on_error == "stop":
                    raise item.error
                if rejects is not None:
                    rejects.write(item, item.error)
                continue
            assert item.record is not None
            yield item.record
