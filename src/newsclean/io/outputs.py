"""Atomic output: a temporary file beside the destination, renamed into place when the run completes.

A crash or a stop never leaves a truncated file that looks complete, and an existing file keeps its old
content until the new one is whole.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from .inputs import STDIO

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["AtomicWriter", "Transaction", "hold_signals", "is_regular_destination", "temp_beside"]


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


def hold_signals() -> contextlib.AbstractContextManager[object]:
    """Hold SIGINT and SIGTERM back for the duration of a ``with`` block; they are delivered at its end.

    Used around creating, renaming and deleting temporary files, so an interrupt can never fall between
    creating a temporary file and remembering its name (which would leave it behind). A no-op where the
    platform has no ``pthread_sigmask``.

    Returns:
        A context manager.

    >>> with hold_signals():
    ...     pass
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        return contextlib.nullcontext()
    return _held(mask)


@contextlib.contextmanager
def _held(mask: Callable[[int, Iterable[int]], object]) -> Iterator[None]:
    held = {signal.SIGINT, signal.SIGTERM}
    previous = mask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)  # type: ignore[arg-type]


def is_regular_destination(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a regular file (through symlinks) or does not exist yet.

    Anything else (a FIFO, a character device such as ``/dev/null``, ``/dev/stdout``) must be written to
    directly: renaming a temporary file over it would replace the FIFO or device with a regular file.

    Args:
        path: The destination.

    Returns:
        Whether the destination can take an atomic rename.

    >>> is_regular_destination("/no/such/dir/out.jsonl"), is_regular_destination("/dev/null")
    (True, False)
    """
    if str(path).startswith(("/dev/", "/proc/")):
        return False  # /dev/stdout, /dev/fd/N: whatever they lead to, renaming over them is never right
    try:
        st = Path(path).stat()
    except FileNotFoundError:
        return True
    except OSError:
        return True  # let opening the temporary file report the problem
    return stat.S_ISREG(st.st_mode)


class AtomicWriter(Transaction):
    """Write text lines to a file atomically (temp file + rename on :meth:`commit`), or to stdout.

    ``.gz`` paths are gzip-compressed (level 6 unless ``compresslevel`` says otherwise). :meth:`abort` (or
    leaving the ``with`` block on an exception) deletes the temporary file and leaves any existing file
    untouched. A symlink to a regular file keeps being a link: the rename goes onto its target. A
    destination that is not a regular file (FIFO, device, ``/dev/stdout``) is written directly, with no
    temporary file and no rename (:attr:`atomic` is then ``False``).

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "out.jsonl")
    >>> with AtomicWriter(p) as w:
    ...     w.write_line('{"text": "खबर"}')
    ...     os.path.exists(p)
    False
    >>> Path(p).read_text(encoding="utf-8")
    '{"text": "खबर"}\\n'
    >>> with AtomicWriter("/dev/null") as w:
    ...     w.write_line("x")
    >>> w.atomic
    False
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, compresslevel: int = 6) -> None:
        """Open the temporary file (or stdout for ``None``/``"-"``, or a non-regular file directly).

        Args:
            path: Destination.
            compresslevel: gzip level (1 fastest … 9 smallest) for a ``.gz`` destination.
        """
        self.path = None if path is None or str(path) == STDIO else Path(path)
        self._tmp: Path | None = None
        self._target: Path | None = None
        self._raw: IO[bytes] | None = None
        self._closed = False
        self.lines = 0
        self.atomic = self.path is not None and is_regular_destination(self.path)
        if self.path is None:
            self._out: IO[bytes] = sys.stdout.buffer
            return
        try:
            if self.atomic:
                self._target = Path(
                    os.path.realpath(self.path)
                )  # a symlink: replace its target, keep the link
                with hold_signals():
                    fd, name = temp_beside(self._target)
                    self._tmp = Path(name)
                self._raw = os.fdopen(fd, "wb")
            else:
                self._raw = self.path.open("wb")  # a FIFO, a device: write to it, never replace it
            if self.path.suffix == ".gz":
                gz = gzip.GzipFile(
                    filename=self.path.name[:-3],
                    fileobj=self._raw,
                    mode="wb",
                    mtime=0,
                    compresslevel=compresslevel,
                )
                self._out = gz  # type: ignore[assignment]
            else:
                self._out = self._raw
        except BaseException:
            self.abort()
            raise

    @property
    def stream(self) -> IO[bytes]:
        """The binary stream being written (the temporary file, the device, or stdout)."""
        return self._out

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

    def write_bytes(self, data: bytes) -> None:
        """Write bytes as they are.

        Args:
            data: Any bytes.
        """
        self._out.write(data)

    def _close_streams(self) -> None:
        out = getattr(self, "_out", None)  # absent when opening failed
        if out is not None:
            out.close()
        if self._raw is not None and self._raw is not out:
            self._raw.close()

    def commit(self) -> None:
        """Flush, close and rename the temporary file into place (stdout: flush)."""
        if self._closed:
            return
        self._closed = True
        if self.path is None:
            self._out.flush()
            return
        with hold_signals():
            self._close_streams()
            if self._tmp is not None:
                assert self._target is not None
                self._tmp.replace(self._target)
                self._tmp = None

    def abort(self) -> None:
        """Delete the temporary file; the destination is left as it was (stdout: flush what was written)."""
        if self._closed:
            return
        self._closed = True
        if self.path is None:
            with contextlib.suppress(OSError):
                self._out.flush()
            return
        with hold_signals():
            with contextlib.suppress(OSError):
                self._close_streams()
            if self._tmp is not None:
                with contextlib.suppress(OSError):
                    self._tmp.unlink()
                self._tmp = None
