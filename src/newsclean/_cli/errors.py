"""Exit codes, the error that carries one, and SIGTERM turned into an exception the run can clean up after."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = [
    "EXIT_BAD_RECORD",
    "EXIT_INTERRUPTED",
    "EXIT_IO",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "CliError",
    "Terminated",
    "sigterm_raises",
]

EXIT_OK = 0
EXIT_BAD_RECORD = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM


class CliError(Exception):
    """A run cannot start or continue; carries the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class Terminated(BaseException):  # like KeyboardInterrupt: `except Exception` lets it by
    """SIGTERM arrived: the run stops, removes its temporary files and exits 143."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While active, SIGTERM raises :class:`Terminated` in the main thread (as SIGINT raises KeyboardInterrupt).

    Outside the main thread (where handlers cannot be installed) this does nothing. The previous handler is
    restored at the end.

    Returns:
        A context manager.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
