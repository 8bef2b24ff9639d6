"""Corpus-level commands: ``dedup`` (kept records + a clusters file) and ``mine`` (a boilerplate model)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..io.jsonl import (
    AtomicWriter,
    RecordItem,
    RejectSink,
    dump_record,
    iter_records,
    open_input,
    temp_beside,
)
from .report import Summary
from .stream import EXIT_BAD_RECORD, EXIT_OK, IO, check_paths, is_stdio
from .work import Fields


def _read_all(
    io: IO, fields: Fields, summary: Summary, err: TextIO, rejects: RejectSink
) -> list[RecordItem] | None:
    """Every good record of the input; ``None`` when a bad line stops the run (already reported)."""
    shown = "<stdin>" if is_stdio(io.input) else io.input
    optional = tuple(x for x in (fields.title, fields.group) if x is not None and x != fields.text)
    good: list[RecordItem] = []
    with contextlib.closing(open_input(io.input)) as stream:
        for item in iter_records(stream, path=shown, fields=(fields.text,), optional=optional):
            summary.read += 1
            if item.error is None:
                good.append(item)
                continue
            if io.on_error == "stop":
                err.write(f"newsclean {summary.command}: error: {item.error}\n")
                summary.status = "STOPPED at a bad record (no output file was written)"
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
    check_paths([io.input], [io.output, io.rejects, *extra_outputs])
    code = EXIT_OK
    with RejectSink(io.rejects) as rejects:
        items = _read_all(io, fields, summary, err, rejects)
        if items is None:
            rejects.abort()
            code = EXIT_BAD_RECORD
        else:
            body(items)
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
        if io.jobs > 1:
            kwargs["jobs"] = io.jobs
        result = dedupe(texts, **kwargs)
        kept = set(result.kept)
        with AtomicWriter(None if is_stdio(io.output) else io.output) as writer:
            for i, it in enumerate(items):
                if i in kept:
                    writer.write_line(it.raw.decode("utf-8"))
                    summary.written += 1
                else:
                    summary.duplicates += 1
        if clusters is None:
            return
        with AtomicWriter(clusters) as cw:
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


def run_mine(io: IO, fields: Fields, summary: Summary, err: TextIO, *, min_docs: int = 3) -> int:
    """Fit a boilerplate model per publisher (``--group-field``) and save it as JSON (atomically)."""
    from ..boilerplate import BoilerplateMiner

    group = fields.group or "publisher"

    def body(items: list[RecordItem]) -> None:
        docs: list[dict[str, Any]] = []
        for it in items:
            assert it.record is not None
            r = it.record
            docs.append({"text": r[fields.text], "title": r.get(fields.title), group: r.get(group)})
        model = BoilerplateMiner(group_field=group, min_docs=min_docs).fit(docs)
        out = Path(io.output)
        fd, name = temp_beside(out)
        os.close(fd)
        try:
            model.save(name)
            Path(name).replace(out)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(name).unlink()
            raise
        summary.written = len(docs)

    return _run_corpus(io, fields, summary, err, [], body)
