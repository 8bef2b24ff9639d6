"""Real text for ``bench_pipeline``: the 2026 publisher pool run the way a user runs a crawl.

The commands of issue 15 run as subprocesses on the first 1,000 and 3,000 articles and on the whole pool
(10,674 articles, 447 publishers):

    newsclean mine POOL -o model.json --group-field publisher [--jobs 2]
    newsclean clean POOL -o clean.jsonl --model model.json --jobs 2
    newsclean clean POOL -o clean.jsonl --jobs 2
    newsclean dedup clean.jsonl -o kept.jsonl

Each is timed (wall and CPU of the process tree, medians over repeats, the order rotated every repeat so
no step always follows a slow one); the peer stack (indic-nlp normaliser and splitter, datasketch MinHash
LSH) runs on the same texts in the same run. Growth from 3,000 to 10,674 articles gives each step's exponent
for the projection to one million; the fit's peak memory is measured at each size and projected with the
miner's bound on its tables. Skipped, with a message, when ``../shared/data`` is absent.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._common import SHARED_DATA, table

POOL = SHARED_DATA / "boilerplate" / "pool-2026-dev.jsonl.gz"
MILLION = 1_000_000
#: seconds each step may take for one million articles on two cores (issue 15), and the rate that gives
BUDGET_S = {"mine": 200, "clean --model": 450, "dedup": 150}
MEMORY_BUDGET_GIB = 4.0

_MEMORY_PROBE = """
import gzip, json, sys, tracemalloc
import newsclean as nc
from newsclean.boilerplate.mining.select import MinerParams
rows = [json.loads(l) for l in gzip.open(sys.argv[1], "rb")]
tracemalloc.start()
model = nc.BoilerplateMiner(group_field="publisher").fit(rows)
peak = tracemalloc.get_traced_memory()[1]
titles = sum(len(c.titles) for c in model.state.groups.values())
print(json.dumps({"peak": peak, "keys": model.state.size, "titles": titles, "pruned": model.state.pruned,
                  "cap": MinerParams().max_candidates}))
"""


def _newsclean(argv: list[str]) -> tuple[float, float]:
    """Run ``newsclean ARGV`` in a subprocess: (wall seconds, CPU seconds of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "newsclean", *argv], capture_output=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        msg = f"newsclean {' '.join(argv)} exited {proc.returncode}:\n{proc.stderr.decode()[-2000:]}"
        raise RuntimeError(msg)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _raw(path: Path) -> bytes:
    with gzip.open(path, "rb") as f:
        return f.read()


def _subsets(d: Path, sizes: tuple[int, ...]) -> dict[int, Path]:
    lines = [ln for ln in _raw(POOL).splitlines() if ln.strip()]
    out: dict[int, Path] = {}
    for n in sizes:
        if n >= len(lines):
            out[len(lines)] = POOL
            continue
        path = d / f"pool-{n}.jsonl.gz"
        with gzip.open(path, "wb", compresslevel=6) as f:
            f.write(b"\n".join(lines[:n]) + b"\n")
        out[n] = path
    return out


def _steps(src: Path, d: Path, n: int) -> dict[str, list[str]]:
    model, clean, kept = d / f"model-{n}.json", d / f"clean-{n}.jsonl", d / f"kept-{n}.jsonl"
    mine = ["mine", str(src), "-o", str(model), "--group-field", "publisher", "--no-progress"]
    return {
        "mine --jobs 2": [*mine, "--jobs", "2"],
        "mine": mine,
        "clean --model": [
            "clean",
            str(src),
            "-o",
            str(clean),
            "--model",
            str(model),
            "--jobs",
            "2",
            "--no-progress",
        ],
        "clean (no model)": [
            "clean",
            str(src),
            "-o",
            str(d / f"plain-{n}.jsonl"),
            "--jobs",
            "2",
            "--no-progress",
        ],
        "dedup": ["dedup", str(clean), "-o", str(kept), "--no-progress"],
    }


def _measure(src: Path, d: Path, n: int, repeats: int) -> dict[str, dict[str, float]]:
    steps = _steps(src, d, n)
    names = list(steps)
    # a first run of each in order (a warm-up): the model for clean and the cleaned file for dedup exist after it
    for name in names:
        _newsclean(steps[name])
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in names}
    for r in range(repeats):
        order = names[r % len(names) :] + names[: r % len(names)]  # each repeat starts one step further on
        for name in order:
            times[name].append(_newsclean(steps[name]))
    return {
        k: {"wall": statistics.median(w for w, _ in v), "cpu": statistics.median(c for _, c in v)}
        for k, v in times.items()
    }


def _memory(src: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(src)], capture_output=True, check=True, text=True
    )
    out: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def _peers(src: Path) -> float | None:
    try:
        from benchmarks.bench_pipeline import _peer_stack
    except ImportError:
        return None
    texts = [json.loads(ln)["text"] for ln in _raw(src).splitlines() if ln.strip()]
    try:
        t0 = time.perf_counter()
        _peer_stack(texts)
    except ImportError as exc:
        print(f"peer stack skipped: {exc}")
        return None
    return time.perf_counter() - t0


def _exponent(small: tuple[int, float], big: tuple[int, float]) -> float:
    (n1, t1), (n2, t2) = small, big
    if t1 <= 0 or t2 <= 0 or n2 <= n1:
        return 1.0
    return min(2.0, max(1.0, math.log(t2 / t1) / math.log(n2 / n1)))


def run_real(quick: bool = False) -> dict[str, Any] | None:
    """Run the real-text part; ``None`` (and a message) when the pool is absent."""
    if not POOL.exists():
        print(f"\nreal-text pipeline skipped: {POOL} not found (../shared/data is absent)")
        return None
    repeats = 1 if quick else 3
    sizes = (1000, 3000) if quick else (1000, 3000, 10**9)
    corpus_bytes = len(_raw(POOL))
    print(
        f"\n## Real text: the 2026 pool ({POOL.name}, {corpus_bytes / 1e6:.1f} MB of JSONL), as a crawl is run"
    )
    print(
        f"load average at start {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; medians of {repeats} runs"
    )
    results: dict[str, Any] = {"sizes": {}, "corpus_bytes": corpus_bytes}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files = _subsets(d, sizes)
        for n, src in files.items():
            steps = _measure(src, d, n, repeats)
            mem = _memory(src)
            model_bytes = (d / f"model-{n}.json").stat().st_size
            src_bytes = len(_raw(src))
            results["sizes"][n] = {
                "steps": steps,
                "memory": mem,
                "model_bytes": model_bytes,
                "bytes": src_bytes,
            }
            print(f"  {n:>6,} articles done (load {os.getloadavg()[0]:.2f})", flush=True)
        biggest = max(files)
        results["peers_s"] = _peers(files[biggest])
    _report(results)
    return results


#: processes a step keeps busy: its CPU seconds over this is its wall time on idle cores
PARALLEL = {"mine --jobs 2": 2, "mine": 1, "clean --model": 2, "clean (no model)": 2, "dedup": 1}


def _report(results: dict[str, Any]) -> None:
    """The table: measured wall and CPU, the rate, and the projection to one million articles on two idle
    cores (from CPU seconds, which other load on a shared machine does not inflate as it does wall time;
    the growth exponent is measured from the two largest sizes)."""
    sizes = sorted(results["sizes"])
    big, mid = sizes[-1], sizes[-2]
    rows = []
    steps = results["sizes"][big]["steps"]
    for name in steps:
        c_big, c_mid = steps[name]["cpu"], results["sizes"][mid]["steps"][name]["cpu"]
        e = _exponent((mid, c_mid), (big, c_big))
        idle = c_big / PARALLEL.get(name, 1)
        projected = idle * (MILLION / big) ** e
        budget_key = "mine" if name.startswith("mine") else name if name in BUDGET_S else ""
        budget = BUDGET_S.get(budget_key)
        rows.append(
            {
                "step (2 cores)": name,
                "wall s": steps[name]["wall"],
                "CPU s": c_big,
                "articles/s": big / steps[name]["wall"],
                "idle-core articles/s": big / idle,
                "target/s": MILLION / budget if budget else "",
                "n^e": f"{e:.2f}",
                "1M min": projected / 60,
                "budget min": budget / 60 if budget else "",
            }
        )
    e2e = [r for r in rows if r["step (2 cores)"] in ("mine --jobs 2", "clean --model", "dedup")]
    rows.append(
        {
            "step (2 cores)": "all three",
            "wall s": sum(r["wall s"] for r in e2e),
            "CPU s": sum(r["CPU s"] for r in e2e),
            "1M min": sum(r["1M min"] for r in e2e),
            "budget min": 15.0,
        }
    )
    if results.get("peers_s"):
        rows.append(
            {
                "step (2 cores)": "peer stack (indic-nlp + datasketch LSH, 1 process)",
                "wall s": results["peers_s"],
                "articles/s": big / results["peers_s"],
            }
        )
    cols = [
        "step (2 cores)",
        "wall s",
        "CPU s",
        "articles/s",
        "idle-core articles/s",
        "target/s",
        "n^e",
        "1M min",
        "budget min",
    ]
    print(f"\n{big:,} articles:\n" + table(rows, cols))
    growth = []
    for n in sizes:
        s = results["sizes"][n]
        mem = s["memory"]
        growth.append(
            {
                "articles": n,
                "mine CPU s": s["steps"]["mine"]["cpu"],
                "clean --model CPU s": s["steps"]["clean --model"]["cpu"],
                "dedup CPU s": s["steps"]["dedup"]["cpu"],
                "fit peak MiB": mem["peak"] / 2**20,
                "keys held": mem["keys"],
                "model / corpus": s["model_bytes"] / s["bytes"],
            }
        )
    print("\ngrowth:\n" + table(growth, list(growth[0])))
    print("\n" + _memory_projection(results["sizes"], sizes))


def _memory_projection(by_size: dict[int, Any], sizes: list[int]) -> str:
    """Peak fit memory at one million articles: what does not grow, plus the keys (bounded by the miner's
    ``max_candidates``, past which the rarest are pruned) and the headlines (one per article) at their
    measured cost."""
    a, b = by_size[sizes[0]]["memory"], by_size[sizes[-1]]["memory"]
    per_key = (b["peak"] - a["peak"]) / max(1, (b["keys"] - a["keys"]) + (b["titles"] - a["titles"]))
    fixed = a["peak"] - per_key * (a["keys"] + a["titles"])
    keys_per_article = b["keys"] / sizes[-1]
    keys_1m = min(keys_per_article * MILLION, b["cap"])
    peak_1m = fixed + per_key * (keys_1m + b["titles"] / sizes[-1] * MILLION)
    verdict = "meets" if peak_1m <= MEMORY_BUDGET_GIB * 2**30 else "misses"
    return (
        f"fit peak memory projected to 1M articles: {peak_1m / 2**30:.2f} GiB ({verdict} the "
        f"{MEMORY_BUDGET_GIB:.0f} GiB budget): {fixed / 2**20:.0f} MiB that does not grow, "
        f"{per_key:.0f} B per key or headline, {keys_1m:,.0f} keys (the tables are pruned past "
        f"{b['cap']:,}; {keys_per_article:.1f} kept per article here), one headline per article"
    )
