"""``newsclean mine``: fit a boilerplate model on a stream of records, in one process or in ``--jobs N``.

Records are read and checked one by one (never all held in memory) and counted in batches. With ``--jobs N``
the main process reads and parses, and sends each publisher's documents to one of ``N`` worker processes (a
new publisher goes to the worker with the fewest documents so far), so no two workers count the same group;
at the end the workers' sketches of words used inside sentences are summed, sent back, and each worker picks
its groups' templates. The model is the same for any ``N``. It is written without its counts unless
``--counts`` asks for them (needed to continue the fit later with :meth:`BoilerplateMiner.update`).
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import signal
from collections.abc import Iterator
from multiprocessing import shared_memory
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np

from ..boilerplate.corpus import BATCH, DEFAULT_GROUP, BoilerplateModel
from ..boilerplate.mining.count import count_batch
from ..boilerplate.mining.select import MinerParams, select
from ..boilerplate.mining.state import SATURATED, SKETCH_BITS, MinerState, Sketch
from ..boilerplate.mining.text import key_scheme
from ..errors import InputTypeError, RecordError
from ..io.outputs import AtomicWriter, hold_signals
from ..io.records import RecordItem
from ..io.rejects import RejectSink
from ..records import group_key
from .errors import EXIT_BAD_RECORD, EXIT_OK, EXIT_USAGE, CliError
from .pool import WorkerDied, release_workers, stop_workers
from .report import Summary
from .sources import LineReader, Source, expand_inputs
from .stream import IO, check_paths, is_directory_output
from .work import Fields

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

__all__ = ["run_mine"]

Doc = tuple[str, str, str | None]  # group, text, title


def _records(source: Source, fields: Fields, optional: tuple[str, ...], group: str) -> Iterator[RecordItem]:
    from ..io.records import parse_line

    with LineReader(source) as reader:
        for lineno, raw in reader:
            try:
                record = parse_line(
                    raw, path=source.shown, lineno=lineno, fields=(fields.text,), optional=optional
                )
                group_key(record.get(group), func="record", arg=group)
            except InputTypeError as exc:
                error = RecordError(
                    str(exc).replace("record() argument", "field"),
                    path=source.shown,
                    lineno=lineno,
                    field=group,
                )
                yield RecordItem(source.shown, lineno, raw, None, error)
            except RecordError as exc:
                yield RecordItem(source.shown, lineno, raw, None, exc)
            else:
                yield RecordItem(source.shown, lineno, raw, record, None)


class _Counter:
    """Counts in this process (``--jobs 1``)."""

    def __init__(self, params: MinerParams) -> None:
        self.params = params
        self.state = MinerState()
        self._batch: list[Doc] = []

    def add(self, doc: Doc) -> None:
        self._batch.append(doc)
        if len(self._batch) == BATCH:
            self._flush()

    def _flush(self) -> None:
        p = self.params
        count_batch(self.state, self._batch, n=p.ngram, cap=p.cap, max_candidates=p.max_candidates)
        self._batch = []

    def finish(self, counts: bool) -> BoilerplateModel:
        self._flush()
        model = BoilerplateModel.from_state(self.params, self.state)
        return model if counts else model.compact()

    def stop(self) -> None:
        self._batch = []


def _worker(conn: Connection, params: dict[str, Any], shm_name: str, inherited: list[Connection]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in inherited:  # the main process's ends of the other pipes (see _cli/pool.py)
        other.close()
    p = MinerParams.from_dict(params)
    state = MinerState()
    shm = shared_memory.SharedMemory(name=shm_name)
    try:
        state.sketch.place_in(shm.buf)
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                return
            if msg[0] == "docs":
                count_batch(state, msg[1], n=p.ngram, cap=p.cap, max_candidates=p.max_candidates)
            elif msg[0] == "sketch":  # the counters are in shared memory: say they are complete
                conn.send(state.pruned)
            elif msg[0] == "select":  # the shared counters now hold every worker's sum
                templates = {g: select(c, state, p) for g, c in state.groups.items()}
                conn.send((templates, state.groups if msg[1] else None))
                return
            else:
                return
    finally:
        state.sketch = Sketch()  # let go of the shared buffer before closing it
        shm.close()


class _Pool:
    """This process and ``n - 1`` worker processes, each counting the groups given to it (this one also
    reads and parses every record, so it takes a smaller share)."""

    #: this process's documents weigh this much more when groups are shared out (it also parses)
    READER_WEIGHT = 1.4

    def __init__(self, n: int, params: MinerParams) -> None:
        self.params = params
        self._procs: list[BaseProcess] = []
        self._conns: list[Connection] = []
        self._shms: list[shared_memory.SharedMemory] = []
        self._load = [0.0] * n  # [this process, worker 1, ...]
        self._owner: dict[str, int] = {}
        self._batches: list[list[Doc]] = [[] for _ in range(n)]
        # each process bounds its own tables: together they hold what one process would
        self._own = _Counter(
            MinerParams.from_dict(
                {**params.to_dict(), "max_candidates": max(1000, params.max_candidates // n)}
            )
        )
        forks = multiprocessing.get_start_method() == "fork"
        if forks:
            key_scheme()  # scans probe words: the tables of the scanner and the normaliser, inherited ready
        worker_params = self._own.params.to_dict()
        try:
            for _ in range(n - 1):
                shm = shared_memory.SharedMemory(create=True, size=2 << SKETCH_BITS)
                self._shms.append(shm)
                parent, child = multiprocessing.Pipe(duplex=True)
                inherited = [*self._conns, parent] if forks else []
                proc = multiprocessing.Process(
                    target=_worker, args=(child, worker_params, shm.name, inherited), daemon=True
                )
                proc.start()
                child.close()
                self._procs.append(proc)
                self._conns.append(parent)
        except BaseException:
            self.stop()
            raise

    def _send(self, w: int, msg: tuple[Any, ...]) -> None:
        try:
            self._conns[w].send(msg)
        except OSError as exc:
            raise self._died(w) from exc

    def _recv(self, w: int) -> Any:
        try:
            return self._conns[w].recv()
        except (EOFError, OSError) as exc:
            raise self._died(w) from exc

    def _died(self, w: int) -> WorkerDied:
        code = self._procs[w].exitcode
        return WorkerDied(f"worker process {w + 1} ended without its result (exit code {code})")

    def add(self, doc: Doc) -> None:
        w = self._owner.get(doc[0])
        if w is None:
            w = self._owner[doc[0]] = min(range(len(self._load)), key=self._load.__getitem__)
        if w == 0:
            self._load[0] += self.READER_WEIGHT
            self._own.add(doc)
            return
        self._load[w] += 1
        batch = self._batches[w]
        batch.append(doc)
        if len(batch) == BATCH:
            self._send(w - 1, ("docs", batch))
            self._batches[w] = []

    def finish(self, counts: bool) -> BoilerplateModel:
        workers = len(self._conns)
        for w in range(workers):
            if self._batches[w + 1]:
                self._send(w, ("docs", self._batches[w + 1]))
            self._send(w, ("sketch",))
        own = self._own
        own._flush()
        summed = own.state.sketch.dense()  # this process's counters: the others' are added in place
        pruned = own.state.pruned
        views = [np.ndarray((1 << SKETCH_BITS,), dtype=np.uint16, buffer=shm.buf) for shm in self._shms]
        for w in range(workers):
            pruned = max(pruned, self._recv(w))
            np.add(summed, views[w], out=summed)
            np.putmask(summed, summed < views[w], SATURATED)  # the sum wrapped past SATURATED
        for view in views:
            view[:] = summed
        del views
        for w in range(workers):
            self._send(w, ("select", counts))
        state = own.state
        state.sketch = Sketch.of_counters(summed)
        state.pruned = pruned
        by_group = {g: select(c, state, own.params) for g, c in state.groups.items()}
        for w in range(workers):
            templates, state_groups = self._recv(w)
            by_group.update(templates)
            if state_groups is not None:
                state.groups.update(state_groups)
        for proc in self._procs:
            proc.join()
        self._release()
        return BoilerplateModel(self.params, by_group, state if counts else None)

    def stop(self) -> None:
        stop_workers(self._procs)
        self._release()

    def _release(self) -> None:
        release_workers(self._procs, self._conns)
        for shm in self._shms:
            with contextlib.suppress(Exception):
                shm.close()
            with contextlib.suppress(Exception):
                shm.unlink()
        self._conns, self._procs, self._shms = [], [], []


def run_mine(
    io: IO, fields: Fields, summary: Summary, err: TextIO, *, min_docs: int = 3, counts: bool = False
) -> int:
    """Fit a boilerplate model per publisher (``--group-field``) and save it as JSON (atomically)."""
    if is_directory_output(io.output):
        msg = f"newsclean mine writes one output file; -o {io.output!r} is a directory"
        raise CliError(msg, EXIT_USAGE)
    sources = expand_inputs(io.inputs, "jsonl")
    check_paths([s.path for s in sources], [io.output, io.rejects])
    group = fields.group or "publisher"
    params = MinerParams(group_field=group, min_docs=min_docs)
    optional = tuple(x for x in (fields.title,) if x is not None and x != fields.text)
    counter: _Counter | _Pool = _Counter(params) if io.jobs <= 1 else _Pool(io.jobs, params)
    code = EXIT_OK
    good = 0
    try:
        with RejectSink(io.rejects, compresslevel=io.compress_level) as rejects:
            stopped = False
            for source in sources:
                for item in _records(source, fields, optional, group):
                    summary.read += 1
                    if item.error is not None:
                        if io.on_error == "stop":
                            err.write(f"newsclean mine: error: {item.error}\n")
                            summary.status = "STOPPED at a bad record (no output file was written)"
                            summary.unwritten = summary.read - summary.rejected
                            stopped = True
                            break
                        rejects.write(item, item.error)
                        summary.rejected += 1
                        continue
                    r = item.record
                    assert r is not None
                    g = group_key(r.get(group), func="record", arg=group)
                    title = r.get(fields.title) if fields.title is not None else None
                    counter.add((DEFAULT_GROUP if g is None else g, r[fields.text], title))
                    good += 1
                if stopped:
                    break
            if stopped:
                rejects.abort()
                counter.stop()
                code = EXIT_BAD_RECORD
            elif summary.read and not good:
                summary.status = "FAILED: every record was rejected (no output file was written)"
                err.write(
                    f"newsclean mine: error: every record ({summary.read:,}) was rejected; "
                    f"is --text-field {fields.text!r} right?\n"
                )
                counter.stop()
                code = EXIT_BAD_RECORD
            else:
                model = counter.finish(counts)
                summary.written = good
                data = json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":"))
                with AtomicWriter(io.output) as out, hold_signals():
                    out.write_text(data)
                templates = sum(len(t.lines) + len(t.parts) + len(t.ngrams) for t in model.by_group.values())
                kept = "with its counts" if counts else "without counts (--counts keeps them)"
                summary.model = (
                    f"{templates:,} templates for {len(model.groups):,} groups, written to {io.output} {kept}"
                )
    except BaseException:
        counter.stop()
        raise
    assert summary.balanced(), summary
    err.write(summary.render() + "\n")
    return code
