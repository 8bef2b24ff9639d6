"""Corpus-level commands: ``dedup`` (kept records + a clusters file); ``mine`` is in :mod:`.mine`."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any, TextIO

from ..errors import RecordError
from ..io.outputs import AtomicWriter
from ..io.records import RecordItem, dump_record, parse_line
from ..io.rejects import RejectSink
from .columns import Records, open_lines
from .errors import EXIT_BAD_RECORD, EXIT_OK, EXIT_USAGE, CliError
from .report import Summary
from .sources import Source, expand_inputs, is_stdio
from .stream import IO, check_paths, is_directory_output
from .work import Fields


def _read_all(
    io: IO, sources: list[Source], fields: Fields, summary: Summary, err: TextIO, rejects: RejectSink
) -> Records | None:
    """Every good record of the inputs; ``None`` when a bad line stops the run (already reported)."""
    optional = tuple(x for x in (fields.title, fields.group) if x is not None and x != fields.text)
    required = (fields.text,)
    text, key = fields.text, fields.id
    good = Records()
    add = good.add
    collecting = gc.isenabled()
    # the parsed records hold no cycles and are freed as they go: the cyclic collector, run every few
    # hundred records, would only look at them again
    gc.disable()
    try:
        for source in sources:
            shown = source.shown
            lines = open_lines(source, good)
            try:
                for lineno, raw, offset in lines:
                    summary.read += 1
                    try:
                        record = parse_line(
                            raw, path=shown, lineno=lineno, fields=required, optional=optional
                        )
                    except RecordError as exc:
                        if io.on_error == "stop":
                            err.write(f"newsclean {summary.command}: error: {exc}\n")
                            summary.status = "STOPPED at a bad record (no output file was written)"
                            summary.unwritten = summary.read - summary.rejected
                            good.close()
                            return None
                        rejects.write(RecordItem(shown, lineno, raw, None, exc), exc)
                        summary.rejected += 1
                        continue
                    add(record[text], record.get(key), lineno, raw, offset)
            finally:
                lines.close()
    except BaseException:
        good.close()
        raise
    finally:
        if collecting:
            gc.enable()
    return good


def _run_corpus(
    io: IO,
    fields: Fields,
    summary: Summary,
    err: TextIO,
    extra_outputs: list[str | None],
    body: Callable[[Records], None],
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
            with items:  # closes the input files kept open to copy the kept lines
                body(items)
        if items is not None:
            items.close()
    assert summary.balanced(), summary
    err.write(summary.render() + "\n")
    return code


def run_dedup(
    io: IO, fields: Fields, threshold: float, clusters: str | None, summary: Summary, err: TextIO
) -> int:
    """Drop near-duplicates: write the kept records (byte-exact, input order) and one cluster line per record."""
    from ..dedup import dedupe

    def body(records: Records) -> None:
        kwargs: dict[str, Any] = {"threshold": threshold}
        # record ids break ties between identical texts, so a shuffled input keeps the same records
        ids = records.ids
        if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in ids):
            kwargs["ids"] = ids
        if io.jobs > 1:
            kwargs["jobs"] = io.jobs
        result = dedupe(records.texts, **kwargs)
        kept = result.kept  # indices in input order
        with AtomicWriter(
            None if is_stdio(io.output) else io.output, compresslevel=io.compress_level
        ) as writer:
            records.write(writer, kept)  # the lines exactly as read
        summary.written += len(kept)
        summary.duplicates += len(records) - len(kept)
        if clusters is None:
            return
        keep = set(kept)
        lines = records.linenos
        with AtomicWriter(clusters, compresslevel=io.compress_level) as cw:
            for i, lineno in enumerate(lines):
                dup = result.duplicate_of.get(i)
                entry = {
                    "line": lineno,
                    "id": records.ids[i],
                    "cluster": lines[result.cluster_ids[i]],
                    "kept": i in keep,
                    "duplicate_of": None if dup is None else lines[dup[0]],
                    "score": None if dup is None else round(float(dup[1]), 4),
                }
                cw.write_line(dump_record(entry))

    return _run_corpus(io, fields, summary, err, [clusters], body)
