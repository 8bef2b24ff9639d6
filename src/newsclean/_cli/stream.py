"""The streaming loop shared by ``clean``, ``normalize`` and ``split``: read, process (in order), write.

Inputs are read in order into one output file (or stdout), or, with an output directory, each input into a
shard of the same name there, each written atomically and recorded in the directory's manifest so that
``--resume`` can skip it next time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from ..io.articles import iter_articles
from ..io.inputs import STDIO
from ..io.outputs import hold_signals
from ..io.records import RecordItem
from ..io.rejects import RejectSink
from .errors import EXIT_BAD_RECORD, EXIT_OK, EXIT_USAGE, CliError
from .manifest import Manifest, ShardRecord, file_digest, options_digest
from .pool import Chunk, OrderedPool
from .report import Progress, Summary
from .sinks import Sink, open_sink
from .sources import LineReader, Source, expand_inputs, is_stdio
from .work import Job, Outcome, guarded, process

__all__ = ["IO", "check_paths", "is_directory_output", "run_stream"]

CHUNK_LINES = 64
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class IO:
    """Where a run reads and writes, and what it does with bad lines."""

    inputs: tuple[str, ...] = ()
    output: str = STDIO
    input_format: str = "jsonl"
    on_error: str = "stop"
    rejects: str | None = None
    jobs: int = 1
    progress: bool = True
    compress_level: int = 6
    resume: bool = False


def is_directory_output(path: str | None) -> bool:
    """True when ``-o`` names a directory: an existing one, or a name ending in ``/``."""
    if path is None or is_stdio(path):
        return False
    return path.endswith(("/", os.sep)) or Path(path).is_dir()


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
                msg = f"two outputs name the same file {a!r}"
                raise CliError(msg, EXIT_USAGE)


# --- reading: outcomes in input order, with the input position for the progress bar -----------------------
def _chunks(reader: LineReader, shown: str, at: list[int | None]) -> Iterator[Chunk]:
    lines: list[tuple[int, bytes]] = []
    size = 0
    for lineno, raw in reader:
        lines.append((lineno, raw))
        size += len(raw)
        if len(lines) >= CHUNK_LINES or size >= CHUNK_BYTES:
            at[0] = reader.position()
            yield shown, lines
            lines, size = [], 0
    if lines:
        at[0] = reader.position()
        yield shown, lines


def _outcomes(job: Job, source: Source, pool: OrderedPool | None) -> Iterator[tuple[Outcome, int | None]]:
    if source.kind == "text":
        f = job.fields
        for item in iter_articles([source.path]):
            if item.error is not None or item.doc is None:
                assert item.error is not None
                yield Outcome(item.lineno, item.raw, None, item.error), None
                continue
            doc = item.doc
            record: dict[str, object] = {}
            for name, value in ((f.id, doc.id), (f.title, doc.title), (f.standfirst, doc.standfirst)):
                if value is not None:
                    record[name] = value
            record[f.text] = doc.text
            yield guarded(job, 1, item.raw, record, item.path), None  # an error names the article file
        return
    with LineReader(source) as reader:
        if pool is None:
            for lineno, raw in reader:
                yield process(job, source.shown, lineno, raw), reader.position()
            return
        at: list[int | None] = [None]
        for outcome in pool.imap(_chunks(reader, source.shown, at)):
            yield outcome, at[0]


# --- writing ---------------------------------------------------------------------------------------------
@dataclass
class _Tally:
    """What went into one output (a file, stdout or one shard)."""

    read: int = 0
    written: int = 0
    rejected: int = 0
    first_reject: RecordItem | None = None
    first_reason: str = ""


class _Run:
    def __init__(self, job: Job, io: IO, summary: Summary, err: TextIO, pool: OrderedPool | None) -> None:
        self.job, self.io, self.summary, self.err, self.pool = job, io, summary, err, pool
        self.progress = Progress(err, None, enabled=io.progress and err.isatty())
        self.base = 0  # bytes of the inputs finished before the current one

    def drain(self, sources: list[Source], sink: Sink, rejects: RejectSink, tally: _Tally) -> int:
        """Process ``sources`` into ``sink``; return ``EXIT_BAD_RECORD`` when a bad record stops the run."""
        s = self.summary
        for source in sources:
            for outcome, pos in _outcomes(self.job, source, self.pool):
                s.read += 1
                tally.read += 1
                self.progress.update(1, None if pos is None else self.base + pos)
                if outcome.error is not None:
                    if self.io.on_error == "stop":
                        self.progress.close()
                        self.err.write(f"newsclean {s.command}: error: {outcome.error}\n")
                        return EXIT_BAD_RECORD
                    rejects.write(RecordItem(source.shown, outcome.lineno, outcome.raw), outcome.error)
                    s.rejected += 1
                    tally.rejected += 1
                    if tally.first_reject is None:
                        tally.first_reject = RecordItem(source.shown, outcome.lineno, outcome.raw)
                        tally.first_reason = str(outcome.error)
                    continue
                assert outcome.output is not None
                sink.write(outcome.output)
                s.written += 1
                tally.written += 1
                s.changed += outcome.changed
                s.input_chars += outcome.chars
                s.removed.update(dict(outcome.removed))
            self.base += source.size or 0
        return EXIT_OK

    def stopped(self, sink: Sink, tally: _Tally, where: str) -> None:
        """Account for a run stopped at a bad record: the bad one, and an atomic output's records, unwritten."""
        s = self.summary
        s.status = "STOPPED at a bad record"
        s.unwritten += 1
        if sink.atomic:
            s.status += f" ({where} was not written)"
            s.written -= tally.written
            s.unwritten += tally.written

    def all_rejected(self, tally: _Tally, consequence: str) -> str:
        """The hint printed when every record of an output was rejected."""
        f = self.job.fields
        hint = f"every record ({tally.read:,}) was rejected, {consequence}; the first: {tally.first_reason}"
        raw = tally.first_reject.raw if tally.first_reject is not None else b""
        if f"field {f.text!r}" in tally.first_reason:
            hint += f"\n  is --text-field {f.text!r} right?"
            keys = _keys(raw)
            if keys:
                hint += f" The first record has the fields: {', '.join(keys)}"
        elif "invalid" in tally.first_reason and self.io.input_format == "jsonl":
            hint += "\n  is the input JSONL? (plain-text articles need --format text)"
        return hint


def _keys(raw: bytes) -> list[str]:
    import json

    try:
        value = json.loads(raw)
    except ValueError:
        return []
    return [str(k) for k in value] if isinstance(value, dict) else []


def _where(path: str | None) -> str:
    return "the output" if path is None or is_stdio(path) else repr(str(path))


def _run_one(run: _Run, sources: list[Source]) -> int:
    io = run.io
    check_paths([s.path for s in sources], [io.output, io.rejects])
    sizes = [s.size for s in sources]
    run.progress.total = sum(x for x in sizes if x is not None) if None not in sizes else None
    sink = open_sink(io.output, run.job.output_format, io.compress_level)
    try:
        rejects = RejectSink(io.rejects, compresslevel=io.compress_level)
    except BaseException:
        sink.abort()
        raise
    tally = _Tally()
    try:
        code = run.drain(sources, sink, rejects, tally)
    except BaseException:
        sink.abort()
        rejects.abort()
        run.progress.close()
        raise
    run.progress.close()
    if code != EXIT_OK:
        run.stopped(sink, tally, "the output file")
        sink.abort()
        rejects.abort()
        return code
    if tally.read and tally.rejected == tally.read and sink.atomic and not is_stdio(io.output):
        consequence = f"so {_where(io.output)} was not written"
        run.err.write(f"newsclean {run.summary.command}: error: {run.all_rejected(tally, consequence)}\n")
        run.summary.status = "FAILED: every record was rejected"
        with hold_signals():
            sink.abort()
            rejects.commit()
        return EXIT_BAD_RECORD
    with hold_signals():
        sink.commit()
        rejects.commit()
    if tally.read and tally.rejected == tally.read:
        run.err.write(
            f"newsclean {run.summary.command}: error: {run.all_rejected(tally, 'so nothing was written')}\n"
        )
        run.summary.status = "FAILED: every record was rejected"
        return EXIT_BAD_RECORD
    return EXIT_OK


def _options(job: Job, io: IO) -> dict[str, Any]:
    from .. import __version__

    model = None if job.model_path is None else file_digest(job.model_path)
    return {
        "version": __version__,
        "job": asdict(job) | {"model_path": None},
        "model": model,
        "on_error": io.on_error,
        "rejects": io.rejects is not None,
        "compress_level": io.compress_level,
    }


def _shard_plan(sources: list[Source], out_dir: Path, rejects_dir: Path | None) -> list[tuple[Source, Path]]:
    by_name: dict[str, Source] = {}
    for s in sources:
        if is_stdio(s.path):
            msg = "stdin has no name to write a shard under; with an output directory, name input files"
            raise CliError(msg, EXIT_USAGE)
        if s.name in by_name:
            msg = (
                f"two inputs have the same name {s.name!r} ({by_name[s.name].path!r} and {s.path!r}); "
                "their shards would overwrite each other in the output directory"
            )
            raise CliError(msg, EXIT_USAGE)
        by_name[s.name] = s
    plan = [(s, out_dir / s.name) for s in sources]
    outs: list[str | None] = [str(t) for _, t in plan]
    if rejects_dir is not None:
        outs += [str(rejects_dir / _rejects_name(s.name)) for s in sources]
    check_paths([s.path for s in sources], outs)
    return plan


def _rejects_name(name: str) -> str:
    return name[: -len(".parquet")] + ".jsonl" if name.endswith(".parquet") else name


def _run_shards(run: _Run, sources: list[Source]) -> int:
    io = run.io
    out_dir = Path(io.output)
    rejects_dir = None if io.rejects is None else Path(io.rejects)
    if rejects_dir is not None and not is_directory_output(io.rejects):
        msg = "with an output directory, --rejects names a directory too (one rejects file per shard)"
        raise CliError(msg, EXIT_USAGE)
    if rejects_dir is not None and rejects_dir.resolve() == out_dir.resolve():
        msg = "--rejects must not be the output directory (its files would be read as shards)"
        raise CliError(msg, EXIT_USAGE)
    plan = _shard_plan(sources, out_dir, rejects_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if rejects_dir is not None:
        rejects_dir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(out_dir)
    options = options_digest(_options(run.job, io))
    sizes = [s.size for s in sources]
    run.progress.total = sum(x for x in sizes if x is not None) if None not in sizes else None
    code = EXIT_OK
    for source, target in plan:
        size = source.size or 0
        expected = ShardRecord(str(Path(source.path).resolve()), size, file_digest(source.path), options, 0)
        if io.resume and manifest.complete(target.name, expected):
            run.summary.shards_skipped += 1
            run.base += size
            continue
        sink = open_sink(str(target), run.job.output_format, io.compress_level)
        rejects_path = None if rejects_dir is None else rejects_dir / _rejects_name(source.name)
        try:
            rejects = RejectSink(rejects_path, compresslevel=io.compress_level)
        except BaseException:
            sink.abort()
            raise
        tally = _Tally()
        try:
            stop = run.drain([source], sink, rejects, tally)
        except BaseException:
            sink.abort()
            rejects.abort()
            run.progress.close()
            raise
        if stop != EXIT_OK:
            run.stopped(sink, tally, f"shard {target.name!r}")
            sink.abort()
            rejects.abort()
            return stop
        if tally.read and tally.rejected == tally.read:
            run.progress.close()
            consequence = f"so {str(target)!r} was not written"
            run.err.write(f"newsclean {run.summary.command}: error: {run.all_rejected(tally, consequence)}\n")
            run.summary.status = "FAILED: every record of a shard was rejected"
            with hold_signals():
                sink.abort()
                rejects.commit()
            code = EXIT_BAD_RECORD
            continue
        with hold_signals():
            sink.commit()
            rejects.commit()
            entry = ShardRecord(
                expected.input,
                size,
                expected.input_digest,
                options,
                target.stat().st_size,
                tally.read,
                tally.written,
                tally.rejected,
            )
            manifest.record(target.name, entry)
        run.summary.shards_done += 1
    run.progress.close()
    return code


def run_stream(job: Job, io: IO, summary: Summary, err: TextIO) -> int:
    """Process every record of the inputs into the output(s); print the summary; return the exit code."""
    sources = expand_inputs(io.inputs, io.input_format)
    directory = is_directory_output(io.output)
    if io.resume and not directory:
        msg = "--resume needs an output directory (-o DIR/), where a manifest records the complete shards"
        raise CliError(msg, EXIT_USAGE)
    if directory and io.input_format == "text":
        msg = "an output directory takes JSONL or Parquet inputs (one shard each); --format text writes one file"
        raise CliError(msg, EXIT_USAGE)
    if directory and job.output_format == "text":
        msg = "an output directory writes JSONL or Parquet shards; --output-format text needs an output file"
        raise CliError(msg, EXIT_USAGE)
    pool = OrderedPool(io.jobs, job) if io.jobs > 1 and io.input_format != "text" else None
    try:
        run = _Run(job, io, summary, err, pool)
        code = _run_shards(run, sources) if directory else _run_one(run, sources)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    if pool is not None:
        pool.close()
    assert summary.balanced(), summary
    err.write(summary.render() + "\n")
    return code
