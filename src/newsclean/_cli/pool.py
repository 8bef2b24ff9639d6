"""Worker processes for ``--jobs N``: chunks of lines out, outcomes back in input order, a clean stop.

Each worker has its own pipe and at most one chunk in flight, and the main process sends a worker its next
chunk only after reading that worker's previous result, so neither side can block the other on a full
pipe. There are no helper threads: an interrupt in the main process stops everything at once.

Workers ignore SIGINT (a Ctrl-C at the terminal reaches the whole process group; the main process decides
what to do) and die on SIGTERM, which :meth:`OrderedPool.terminate` sends; a worker whose pipe closes
(the main process died) exits by itself.

>>> from newsclean._cli.work import Job
>>> with OrderedPool(2, Job(steps=("normalize",))) as pool:
...     outs = list(pool.imap(iter([("in.jsonl", [(1, '{"text": "क|"}'.encode())])])))
>>> [o.output for o in outs]
['{"text": "क|", "cleaned": "क।"}']
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection
from types import TracebackType
from typing import TYPE_CHECKING

from .work import Job, Outcome, build_pipeline, process

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from typing_extensions import Self

__all__ = ["Chunk", "OrderedPool", "WorkerDied", "release_workers", "stop_workers"]

Chunk = tuple[str, list[tuple[int, bytes]]]  # (path for messages, [(lineno, raw line), ...])


class WorkerDied(RuntimeError):  # noqa: N818 - reads as the event it reports
    """A worker process ended without sending its result (killed, out of memory, ...)."""


def _worker(conn: Connection, job: Job, inherited: list[Connection]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in inherited:  # forked copies of the main process's pipe ends: close them, so that
        other.close()  # the death of the main process reaches every worker as end-of-file
    build_pipeline(job)
    while True:
        try:
            chunk: Chunk | None = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        path, lines = chunk
        conn.send([process(job, path, lineno, raw) for lineno, raw in lines])


def stop_workers(procs: list[BaseProcess]) -> None:
    """Stop worker processes now: SIGTERM, then SIGKILL for any still alive after 5 s; each is reaped."""
    for proc in procs:
        with contextlib.suppress(Exception):
            proc.terminate()
    for proc in procs:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()


def release_workers(procs: list[BaseProcess], conns: list[Connection]) -> None:
    """Close the pipes to finished workers and release their process objects."""
    for conn in conns:
        conn.close()
    for proc in procs:
        with contextlib.suppress(ValueError):
            proc.close()


class OrderedPool:
    """``n`` worker processes that turn chunks of lines into outcomes, yielded in input order."""

    def __init__(self, n: int, job: Job) -> None:
        """Start the workers.

        Args:
            n: Number of processes.
            job: What each line is turned into.
        """
        self._procs: list[BaseProcess] = []
        self._conns: list[Connection] = []
        forks = multiprocessing.get_start_method() == "fork"
        try:
            for _ in range(n):
                parent, child = multiprocessing.Pipe(duplex=True)
                inherited = [*self._conns, parent] if forks else []
                proc = multiprocessing.Process(target=_worker, args=(child, job, inherited), daemon=True)
                proc.start()
                child.close()
                self._procs.append(proc)
                self._conns.append(parent)
        except BaseException:
            self.terminate()
            raise

    def imap(self, chunks: Iterator[Chunk]) -> Iterator[Outcome]:
        """Process ``chunks``; yield every outcome in input order.

        Args:
            chunks: ``(path, lines)`` pairs.

        Returns:
            An iterator of outcomes.

        Raises:
            WorkerDied: a worker ended without answering.
        """
        busy: deque[int] = deque()  # workers with a chunk in flight, in the order the chunks were sent
        for w in range(len(self._conns)):
            chunk = next(chunks, None)
            if chunk is None:
                break
            self._conns[w].send(chunk)
            busy.append(w)
        while busy:
            w = busy.popleft()
            try:
                outcomes: list[Outcome] = self._conns[w].recv()
            except (EOFError, OSError) as exc:
                code = self._procs[w].exitcode
                msg = f"worker process {w + 1} ended without its result (exit code {code})"
                raise WorkerDied(msg) from exc
            chunk = next(chunks, None)
            if chunk is not None:
                self._conns[w].send(chunk)
                busy.append(w)
            yield from outcomes

    def close(self) -> None:
        """Ask the workers to finish (reading any result still in flight) and wait for them."""
        for conn in self._conns:
            with contextlib.suppress(OSError):
                conn.send(None)
        for conn in self._conns:
            with contextlib.suppress(EOFError, OSError):
                while True:
                    conn.recv()
        for proc in self._procs:
            proc.join()
        self._release()

    def terminate(self) -> None:
        """Stop the workers now (SIGTERM, then SIGKILL for any still alive after 5 s) and reap them."""
        stop_workers(self._procs)
        self._release()

    def _release(self) -> None:
        release_workers(self._procs, self._conns)
        self._conns, self._procs = [], []

    @property
    def pids(self) -> list[int]:
        """The workers' process ids."""
        return [p.pid for p in self._procs if p.pid is not None]

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()
