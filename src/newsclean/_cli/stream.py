"""The streaming loop shared by ``clean``, ``normalize`` and ``split``: read, process (in order), write."""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import RecordError
from ..io.articles import read_articles
from ..io.jsonl import STDIO, AtomicWriter, RecordItem, RejectSink, iter_lines, open_input
from .report import Progress, Summary
from .work import Job, Outcome, guarded, init_worker, process, work

CHUNKSIZE = 32

EXIT_OK = 0
EXIT_BAD_RECORD = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_INTERRUPTED = 130


class CliError(Exception):
    """A run cannot start or continue; carries the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class IO:
    """Where a run reads and writes, and what it does with bad lines."""

    input: str = STDIO
    output: str = STDIO
    input_format: str = "jsonl"
    on_error: str = "stop"
    rejects: str | None = None
    jobs: int = 1
    progress: bool = True


def is_stdio(path: str | None) -> bool:
    """True for ``None`` and ``"-"``."""
    return path is None or path == STDIO


def _same(a: str, b: str) -> bool:
    if is_stdio(a) or is_stdio(b):
        return False
    pa, pb = Path(a), Path(b)
    if pa.exists() and pb.exists():
        return pa.samefile(pb)
    return pa.resolve() == pb.resolve()


def check_paths(inputs: list[str], outputs: list[str | None]) -> None:
    """Refuse to write over an input file, or to send two outputs to one file."""
    outs = [o for o in outputs if o is not None and not is_stdio(o)]
    for out in outs:
        for src in inputs:
            if _same(src, out):
                msg = f"refusing to overwrite the input file {src!r}; choose another output"
                raise CliError(msg, EXIT_USAGE)
    for i, a in enumerate(outs):
        for b in outs[i + 1 :]:
            if _same(a, b):
                msg_0 = f"two outputs name the same file {a!r}"
                raise CliError(msg_0, EXIT_USAGE)
    for src in inputs:
        if not is_stdio(src) and not Path(src).exists():
            msg_0 = f"cannot read {src!r}: no such file"
            raise CliError(msg_0, EXIT_IO)


def _outcomes(job: Job, io: IO, shown: str) -> Iterator[Outcome]:
    if io.input_format == "text":
        try:
            for lineno, (path, doc) in enumerate(read_articles([io.input]), start=1):
                record: dict[str, object] = {}
                f = job.fields
                for name, value in ((f.id, doc.id), (f.title, doc.title), (f.standfirst, doc.standfirst)):
                    if value is not None:
                        record[name] = value
                record[f.text] = doc.text
                yield guarded(job, lineno, b"", record, path)  # an error names the article file
        except RecordError as exc:
            yield Outcome(exc.lineno or 0, b"", None, exc)
        return
    with contextlib.closing(open_input(io.input)) as stream:
        lines = iter_lines(stream, path=shown)
        if io.jobs <= 1:
            for lineno, raw in lines:
                yield process(job, shown, lineno, raw)
            return
        with multiprocessing.Pool(io.jobs, initializer=init_worker, initargs=(job, shown)) as pool:
            yield from pool.imap(work, lines, chunksize=CHUNKSIZE)


def run_stream(job: Job, io: IO, summary: Summary, err: TextIO) -> int:
    """Process every line of ``io.input`` into ``io.output``; print the summary; return the exit code."""
    check_paths([io.input], [io.output, io.rejects])
    shown = "<stdin>" if is_stdio(io.input) else io.input
    total = None
    if not is_stdio(io.input) and io.input_format == "jsonl" and not io.input.endswith(".gz"):
        total = Path(io.input).stat().st_size
    progress = Progress(err, total, enabled=io.progress and err.isatty())
    writer = AtomicWriter(None if is_stdio(io.output) else io.output)
    rejects = RejectSink(io.rejects)
    code = EXIT_OK
    try:
        for outcome in _outcomes(job, io, shown):
            summary.read += 1
            progress.update(1, outcome.nbytes)
            if outcome.error is not None:
                if io.on_error == "stop":
                    progress.close()
                    err.write(f"newsclean {summary.command}: error: {outcome.error}\n")
                    summary.status = "STOPPED at a bad record"
                    if not is_stdio(io.output):
                        summary.status += " (the output file was not written)"
                        summary.written = 0
                    code = EXIT_BAD_RECORD
                    break
                rejects.write(RecordItem(shown, outcome.lineno, outcome.raw), outcome.error)
                summary.rejected += 1
                continue
            assert outcome.output is not None
            if job.output_format == "text":
                if summary.written:
                    writer.write_text("\f\n")  # a form feed line separates plain-text articles
                writer.write_text(outcome.output)
            else:
                writer.write_line(outcome.output)
            summary.written += 1
            summary.changed += outcome.changed
            summary.removed.update(dict(outcome.removed))
    except BaseException:
        writer.abort()
        rejects.abort()
        progress.close()
        raise
    progress.close()
    if code == EXIT_OK:
        writer.commit()
        rejects.commit()
    else:
        writer.abort()
        rejects.abort()
    err.write(summary.render() + "\n")
    return code
