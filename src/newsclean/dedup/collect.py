"""The scan of a whole corpus, batch by batch: in this process, or shared with worker processes.

With ``jobs > 1`` this process and ``jobs - 1`` workers scan batches side by side (this process takes the next
batch itself between collecting the workers' results). Under ``fork`` the workers inherit the texts and a
shared memory mapping: each batch writes its token hashes straight into its own region of that mapping, so
only a few small arrays per batch travel back through the pool; the regions are then moved together in
order. Elsewhere (``spawn``) texts and results are pickled. Either way the result equals the one-process scan.
"""

from __future__ import annotations

import contextlib
import mmap
import multiprocessing
import sys
import threading
import traceback
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection

import numpy as np

from .config import DedupConfig
from .features import TokenCache
from .minhash import I64, U32, U64, MinHashParams
from .scan import I32, ScanPart, batch_bounds, empty_part, scan
from .shingles import STORY_SLOTS

__all__ = ["MIN_PARALLEL", "Corpus", "Rows", "scan_corpus"]

MIN_PARALLEL = 4000  # below this many documents a process pool costs more than it saves
BATCH_CHARS = 1 << 18  # characters per scan batch (bounds the per-character temporaries)
CHUNK = 1 << 24  # shingle values per extra chunk of the one-process scan
IN_FLIGHT = 8  # batches queued per worker (the pool's threads hand them over between this process's batches)
_NO_VALUES = np.zeros(0, dtype=np.uint32)


@dataclass(frozen=True)
class Rows:
    """The short-line rows of every document (global indices) and the story keys of the documents."""

    doc: I64
    hash: U64
    line: I64
    stories: U32


@dataclass(frozen=True)
class Corpus:
    """The scan results of every document: token hashes and line lengths (the sets are made later).

    Attributes:
        tokens: Every token's hash, documents concatenated (the sets overwrite them, block by block).
        offsets: First token of each document (one more entry: the total).
        line_len: Tokens of every non-empty line, documents concatenated (int32).
        line_start: First line of each document (one more entry: the total).
        key_hash: Matching-key hash of each document.
        length: ``len()`` of each raw text.
        cache: This process's token cache after the scan (its vocabulary, to re-read a few lines).
    """

    tokens: U32
    offsets: I64
    line_len: I32
    line_start: I64
    key_hash: U64
    length: I64
    cache: TokenCache


# Per worker process for one call (the pool lives for one call): the token cache its batches share, and
# under ``fork`` the call's texts and the shared mapping, inherited (never filled in the parent otherwise).
_WORKER_CACHE: list[TokenCache] = []
_FORKED_TEXTS: list[str] = []
_SHARED: list[U32] = []


def _worker_cache(seed: int) -> TokenCache:
    if not _WORKER_CACHE or _WORKER_CACHE[0].seed != seed:
        _WORKER_CACHE[:] = [TokenCache(seed)]
    return _WORKER_CACHE[0]


def _scan_job(args: tuple[list[str], MinHashParams, int]) -> ScanPart:
    texts, params, max_tokens = args
    return scan(texts, params, max_tokens, _worker_cache(params.seed))


def _scan_shared(args: tuple[int, int, int, MinHashParams, int]) -> ScanPart:
    """Scan ``_FORKED_TEXTS[lo:hi]``; its tokens go to the shared mapping from ``start`` on, not back."""
    lo, hi, start, params, max_tokens = args
    part = scan(_FORKED_TEXTS[lo:hi], params, max_tokens, _worker_cache(params.seed))
    _SHARED[0][start : start + part.tokens.shape[0]] = part.tokens
    return replace(part, tokens=_NO_VALUES)


def start_method() -> str:
    """``fork`` where it is safe and cheap (POSIX, this process runs one thread), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform != "darwin":
        return "fork"
    return "spawn"


def scan_corpus(texts: list[str], cfg: DedupConfig, params: MinHashParams) -> tuple[Corpus, Rows]:
    """Scan every document (see the module doc).

    Args:
        texts: The type-checked texts.
        cfg: The options (``jobs``, ``batch_size``, ``boilerplate_max_tokens``).
        params: Signature params.

    Returns:
        The tokens of all documents in one array, and the rows for the template count.
    """
    lengths = [len(t) for t in texts]
    mt = cfg.boilerplate_max_tokens
    if cfg.jobs == 1 or len(texts) < MIN_PARALLEL:
        bounds = batch_bounds(lengths, cfg.batch_size, BATCH_CHARS)
        cache = TokenCache(params.seed)
        local = (scan(texts[lo:hi], params, mt, cache) for lo, hi in bounds)
        return _one_process(texts, lengths, bounds, local, cache)
    size = max(1, min(cfg.batch_size, -(-len(texts) // (4 * cfg.jobs))))  # several batches per process
    bounds = batch_bounds(lengths, size, BATCH_CHARS)
    shared: _SharedValues | None = None
    if start_method() == "fork":
        # a region per batch, as large as its tokens can be (each token needs a character and a separator):
        # reserved, not touched, so it costs memory only where tokens are written
        caps = np.array([sum(lengths[lo:hi]) // 2 + 2 * (hi - lo) for lo, hi in bounds], dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(caps)]).astype(np.int64)
        jobs = [(lo, hi, int(st), params, mt) for (lo, hi), st in zip(bounds, starts, strict=False)]
        with contextlib.suppress(OSError, ValueError):  # no shared mapping here: pickle instead
            shared = _SharedValues(int(starts[-1]))
    if shared is not None:
        with shared:
            _FORKED_TEXTS[:] = texts
            try:
                cache = TokenCache(params.seed)
                with _Workers(cfg.jobs - 1) as workers:
                    parts = list(workers.scan(jobs, cache))
            finally:
                _FORKED_TEXTS[:] = []
            counts = [int(p.line_len.sum()) for p in parts]
            return _assemble(parts, bounds, shared.compact(starts, counts), cache)
    with multiprocessing.get_context(start_method()).Pool(cfg.jobs - 1) as pool:
        parts_iter = pool.imap(_scan_job, [(texts[lo:hi], params, mt) for lo, hi in bounds])
        return _one_process(texts, lengths, bounds, parts_iter, TokenCache(params.seed))


def _worker_loop(conn: Connection, inherited: list[Connection]) -> None:
    """A forked worker: scan the batches it is sent (``_scan_shared``) until it is sent ``None``."""
    for other in inherited:  # the forked copies of the other workers' pipe ends
        other.close()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the main process is gone
            return
        if job is None:
            return
        try:
            conn.send((True, _scan_shared(job)))
        except BaseException:
            conn.send((False, traceback.format_exc()))
            return


class _Workers:
    """``count`` forked workers, one pipe each, no helper threads: this process hands out batches, scans
    the next one itself while the workers are busy, and collects results in input order."""

    def __init__(self, count: int) -> None:
        ctx = multiprocessing.get_context("fork")
        pipes = [ctx.Pipe() for _ in range(count)]
        self._conns = [mine for mine, _ in pipes]
        self._procs = []
        for k, (_, theirs) in enumerate(pipes):
            others = [c for j, pair in enumerate(pipes) if j != k for c in pair] + [pipes[k][0]]
            proc = ctx.Process(target=_worker_loop, args=(theirs, others), daemon=True)
            proc.start()
            theirs.close()
            self._procs.append(proc)

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for conn in self._conns:
            with contextlib.suppress(OSError):
                conn.send(None)
            conn.close()
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()

    def scan(
        self, jobs: list[tuple[int, int, int, MinHashParams, int]], cache: TokenCache
    ) -> Iterator[ScanPart]:
        """The parts of every batch in order: a few queued per worker, the next one scanned here."""
        _WORKER_CACHE[:] = [cache]  # this process's own cache for its batches
        queued: list[deque[int]] = [deque() for _ in self._conns]
        done: dict[int, ScanPart] = {}
        nxt = emit = 0
        try:
            while emit < len(jobs):
                # near the end, short queues: a worker should not be left with batches this process
                # could have taken while it waits
                depth = IN_FLIGHT if len(jobs) - nxt > 2 * IN_FLIGHT * len(self._conns) else 1
                for conn, q in zip(self._conns, queued, strict=True):
                    while q and conn.poll():
                        done[q.popleft()] = self._receive(conn)
                    while nxt < len(jobs) and len(q) < depth:
                        conn.send(jobs[nxt])
                        q.append(nxt)
                        nxt += 1
                if nxt < len(jobs):  # this process takes the next batch itself
                    done[nxt] = _scan_shared(jobs[nxt])
                    nxt += 1
                elif emit not in done:  # only the workers' batches are left: wait for the next one
                    for conn, q in zip(self._conns, queued, strict=True):
                        if q and q[0] == emit:
                            done[q.popleft()] = self._receive(conn)
                while emit in done:
                    yield done.pop(emit)
                    emit += 1
        finally:
            _WORKER_CACHE[:] = []

    @staticmethod
    def _receive(conn: Connection) -> ScanPart:
        try:
            ok, value = conn.recv()
        except (EOFError, OSError) as exc:
            msg = "a dedup worker process ended without sending its result (killed, out of memory?)"
            raise RuntimeError(msg) from exc
        if not ok:
            msg = f"a dedup worker process failed:\n{value}"
            raise RuntimeError(msg)
        part: ScanPart = value
        return part


class _SharedValues:
    """An anonymous shared mapping of uint32 values, inherited by forked workers (``_SHARED[0]``)."""

    def __init__(self, count: int) -> None:
        self._map = mmap.mmap(-1, max(4 * count, mmap.PAGESIZE), flags=mmap.MAP_SHARED)
        self.values: U32 = np.frombuffer(self._map, dtype=np.uint32, count=count)

    def __enter__(self) -> _SharedValues:
        _SHARED[:] = [self.values]
        return self

    def __exit__(self, *exc: object) -> None:
        _SHARED[:] = []

    def compact(self, starts: I64, sizes: list[int]) -> U32:
        """Move the batches' regions together in order; return the values (a view of the mapping).

        Each region moves down (or stays); once moved, the pages of its old place past the new end of the
        data are handed back to the system, so the mapping never holds much more than the values.
        """
        out = 0
        page = mmap.PAGESIZE // 4
        for start, m in zip(starts.tolist(), sizes, strict=False):
            if start != out:
                self.values[out : out + m] = self.values[start : start + m]  # numpy copes with overlap
            out += m
            first = -(-max(out, start) // page) * page  # whole pages of the old region, past the data
            last = (start + m) // page * page
            if last > first and hasattr(mmap, "MADV_REMOVE"):
                self._map.madvise(mmap.MADV_REMOVE, 4 * first, 4 * (last - first))
        return self.values[:out]


def _one_process(
    texts: list[str],
    lengths: list[int],
    bounds: list[tuple[int, int]],
    parts: Iterator[ScanPart],
    cache: TokenCache,
) -> tuple[Corpus, Rows]:
    """Collect parts that carry their tokens: into one chunk sized from the text (untouched pages cost
    nothing), more chunks only if the text is unusually dense in tokens."""
    chunk = np.empty(sum(lengths) // 4 + len(texts) + 1, dtype=np.uint32)
    chunks: list[U32] = []
    used = 0
    small: list[ScanPart] = []
    for part in parts:
        m = part.tokens.shape[0]
        if used + m > chunk.shape[0]:
            chunks.append(chunk[:used])
            chunk, used = np.empty(max(CHUNK, m), dtype=np.uint32), 0
        chunk[used : used + m] = part.tokens
        used += m
        small.append(replace(part, tokens=_NO_VALUES))
    chunks.append(chunk[:used])
    del chunk
    tokens = chunks[0] if len(chunks) == 1 else _gather(chunks)
    return _assemble(small, bounds, tokens, cache)


def _gather(chunks: list[U32]) -> U32:
    """The chunks in one array, each chunk freed once copied."""
    out = np.empty(sum(c.shape[0] for c in chunks), dtype=np.uint32)
    pos = 0
    chunks.reverse()
    while chunks:
        c = chunks.pop()
        out[pos : pos + c.shape[0]] = c
        pos += c.shape[0]
        del c
    return out


def _assemble(
    parts: list[ScanPart], bounds: list[tuple[int, int]], tokens: U32, cache: TokenCache
) -> tuple[Corpus, Rows]:
    """One corpus from the parts (in order, their tokens already laid out in ``tokens``)."""
    if not parts:
        parts = [empty_part(STORY_SLOTS)]
        bounds = [(0, 0)]
    line_len = np.concatenate([p.line_len for p in parts])
    doc_lines = np.concatenate([p.doc_lines for p in parts])
    line_start = np.zeros(doc_lines.shape[0] + 1, dtype=np.int64)
    np.cumsum(doc_lines, out=line_start[1:])
    line_cum = np.zeros(line_len.shape[0] + 1, dtype=np.int64)
    np.cumsum(line_len, out=line_cum[1:])
    rows = Rows(
        doc=np.concatenate(
            [p.row_doc.astype(np.int64) + lo for p, (lo, _) in zip(parts, bounds, strict=True)]
        ),
        hash=np.concatenate([p.row_hash for p in parts]),
        line=np.concatenate([p.row_line for p in parts]).astype(np.int64),
        stories=np.concatenate([p.stories for p in parts]),
    )
    key_hash = np.concatenate([p.key_hash for p in parts])
    length = np.concatenate([p.length for p in parts])
    return Corpus(tokens, line_cum[line_start], line_len, line_start, key_hash, length, cache), rows
