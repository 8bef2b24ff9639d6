"""Opening inputs: files or stdin, gzip recognised by its content.

>>> import io
>>> display(None), display("-"), display("in.jsonl")
('<stdin>', '<stdin>', 'in.jsonl')
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path
from typing import BinaryIO

__all__ = ["STDIO", "display", "open_input"]

STDIO = "-"
_GZIP_MAGIC = b"\x1f\x8b"


def display(path: str | os.PathLike[str] | None) -> str:
    """How ``path`` is named in messages: stdin shows as ``<stdin>``."""
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
