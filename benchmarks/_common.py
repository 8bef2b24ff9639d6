"""Shared benchmark helpers: timing (median of repeats after a warm-up), peer versions, tables, JSON out."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results"


def median_time(fn: Callable[[], object], *, repeats: int = 5, warmup: int = 1) -> float:
    """Median wall time of ``fn()`` in seconds over ``repeats`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def interleaved_medians(fns: Mapping[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median CPU seconds (process time) of each function; one warm-up each, then the functions run in turn
    in every repeat, starting one further along each time (the tool run right after a slow peer pays for
    the caches it emptied, so no tool may always come first). CPU time, not wall time, so other load on a
    shared machine does not distort the ratios (for single-threaded work)."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    order = list(fns.items())
    for r in range(repeats):
        shift = r % len(order)
        for name, fn in order[shift:] + order[:shift]:
            t0 = time.process_time()
            fn()
            times[name].append(time.process_time() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def run_each(fn: Callable[[str], object], items: Iterable[str]) -> None:
    """Call ``fn`` on every item (one timed unit for :func:`interleaved_medians`)."""
    for item in items:
        fn(item)


def version(package: str) -> str:
    """Installed version of ``package``, or ``"missing"``."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def digest(data: str | bytes) -> str:
    """Short blake2b digest of the input, for the table header."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def header(title: str, packages: Sequence[str], input_digest: str = "") -> str:
    """The header every table starts with: Python, CPU count, versions, input digest."""
    vers = ", ".join(f"{p} {version(p)}" for p in ("newsclean", *packages))
    lines = [
        f"## {title}",
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; {vers}",
    ]
    if input_digest:
        lines.append(f"input digest {input_digest}")
    return "\n".join(lines)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """A Markdown table of ``rows`` restricted to ``columns``."""

    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"
        return str(v)

    cells = [[fmt(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    out = ["| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)) + " |"]
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    out.extend(
        "| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=False)) + " |" for row in cells
    )
    return "\n".join(out)


def save(name: str, payload: dict[str, Any]) -> Path:
    """Write ``benchmarks/results/<name>.json`` and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"python": sys.version.split()[0], "cpus": os.cpu_count(), **payload}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
