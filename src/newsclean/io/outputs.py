"""Atomic output: a temporary file beside the destination, renamed into place when the run completes.

A crash or a stop never leaves a truncated file that looks complete, and an existing file keeps its old
content until the new one is whole.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from .inputs import STDIO

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["AtomicWriter", "Transaction", "temp_beside"]


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


class Transaction:
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


class AtomicWriter(Transaction):
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
