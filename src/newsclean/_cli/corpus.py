"""Corpus-level commands: ``dedup`` (kept records + a clusters file); ``mine`` is in :mod:`.mine`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TextIO

from ..errors import RecordError
from ..io.outputs import AtomicWriter
from ..io.records import RecordItem, dump_record, parse_line
from ..io.rejects import RejectSink
from .errors import EXIT_BAD_RECORD, EXIT_OK, EXIT_USAGE, CliError
from .report import Summary
from .sources import LineReader, Source, expand_inputs, is_stdio
from .stream import IO, check_paths, is_directory_output
from .work import Fields


def _records(source: Source, fields: Fields, optional: tuple[str, ...]) -> Iterator[RecordItem]:
    with LineReader(source) as reader:
        for lineno, raw in reader:
            try:
                record = parse_line(
                    raw, path=source.shown, lineno=lineno, fields=(fields.text,), optional=optional
                )
            except RecordError as exc:
                yield RecordItem(source.shown, lineno, raw, None, exc)
            else:
                yield RecordItem(source.shown, lineno, raw, record, None)


def _read_all(
    io: IO, sources: list[Source], fields: Fields, summary: Summary, err: TextIO, rejects: RejectSink
) -> list[RecordItem] | None:
    """Every good record of the inputs; ``None`` when a bad line stops the run (already reported)."""
    optional = tuple(x for x in (fields.title, fields.group) if x is not None and x != fields.text)
    good: list[RecordItem] = []
    for source in sources:
        for item in _records(source, fields, optional):
            summary.read += 1
            if item.error is None:
                good.append(item)
                continue
            if io.on_error == "stop":
                err.write(f"newsclean {summary.command}: error: {item.error}\n")
                summary.status = "STOPPED at a bad record (no output file was written)"
                summary.unwritten = summary.read - summary.rejected
                return None
            rejects.write(item, item.error)
            summary.rejected += 1
    return good


def _run_corpus(
    io: IO,
    fields: Fields,
    summary: Summary,
    err: TextIO,
    extra_outputs: list[str | None],
    body: Callable[[list[RecordItem]], None],
) -> int:
    """Read the whole input (stop/reject), run ``body`` on the good records, print the summary."""
    if is_directory_output(io.output):
        msg = f"newsclean {summary.command} writes one output file; -o {io.output!r} is a directory"
        raise CliError(msg, EXIT_USAGE)
    sources = expand_inputs(io.inputs, "jsonl")
    check_paths([s.path for s in sources], [io.output, io.rejects, *extra_outputs])
    code = EXIT_OK
    with RejectSink(io.rejects, compresslevel=io.compress_level) as rejects:
        items = _read_all(io, sources, fields, summary, err, rejects)
        if items is None:
            rejects.abort()
            code = EXIT_BAD_RECORD
        elif summary.read and not items:
            summary.status = "FAILED: every record was rejected (no output file was written)"
            err.write(
                f"newsclean {summary.command}: error: every record ({summary.read:,}) was rejected; "
                f"is --text-field {fields.text!r} right?\n"
            )
            code = EXIT_BAD_RECORD
        else:
            body(items)
    assert summary.balanced(), summary
    err.write(summary.render() + "\n")
    return code


def run_dedup(
    io: IO, fields: Fields, threshold: float, clusters: str | None, summary: Summary, err: TextIO
) -> int:
    """Drop near-duplicates: write the kept records (byte-exact, input order) and one cluster line per record."""
    from ..dedup import dedupe

    def body(items: list[RecordItem]) -> None:
        texts = [str(it.record[fields.text]) for it in items if it.record is not None]
        kwargs: dict[str, Any] = {"threshold": threshold}
        # record ids break ties between identical texts, so a shuffled input keeps the same records
        ids = [it.record.get(fields.id) for it in items if it.record is not None]
        if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in ids):
            kwargs["ids"] = ids
        if io.jobs > 1:
            kwargs["jobs"] = io.jobs
        result = dedupe(texts, **kwargs)
        kept = set(result.kept)
        with AtomicWriter(
            None if is_stdio(io.output) else io.output, compresslevel=io.compress_level
        ) as writer:
            for i, it in enumerate(items):
                if i in kept:
                    writer.write_line(it.raw.decode("utf-8"))
                    summary.written += 1
                else:
                    summary.duplicates += 1
        if clusters is None:
            return
        with AtomicWriter(clusters, compresslevel=io.compress_level) as cw:
            for i, it in enumerate(items):
                assert it.record is not None
                dup = result.duplicate_of.get(i)
                entry = {
                    "line": it.lineno,
                    "id": it.record.get(fields.id),
                    "cluster": items[result.cluster_ids[i]].lineno,
                    "kept": i in kept,
                    "duplicate_of": None if dup is None else items[dup[0]].lineno,
                    "score": None if dup is None else round(float(dup[1]), 4),
                }
                cw.write_line(dump_record(entry))

    return _run_corpus(io, fields, summary, err, [clusters], body)
