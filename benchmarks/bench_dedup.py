"""Dedup benchmark: quality and speed of ``newsclean.dedupe`` beside its peers, same run.

``python -m benchmarks dedup [--quick]`` runs both parts; ``python -m benchmarks.bench_dedup --real [--sizes
10000,100000] [--repeats 3,2] [--tools nc1,nc2,ds,rensa] [--baseline-src DIR]`` runs only the real-text part
(``--baseline-src`` adds the newsclean of another checkout's ``src`` folder, marked "before").

**Real text** (:mod:`benchmarks._real_dedup_bench`): corpora of 10k and 100k documents built from the real
articles of ``../shared/data`` by the fixed recipe of :mod:`benchmarks._real_dedup` (skipped, with a message,
when that folder is absent); datasketch, rensa (``rensa_lean``), newsclean ``jobs=1`` and ``jobs=2``, every
call in a fresh process, the order rotated per repeat; docs/s of the whole call, pairwise F1 against the
gold clusters, RSS growth during the call, newsclean's candidate pairs per document, and the 1M projection
from the time growth exponent between the two sizes.

**Generated text** (:mod:`benchmarks._synthetic_dedup`): synthetic Hindi articles with injected
near-duplicates and same-template hard negatives. The timed call is the whole ``dedupe(raw_texts)`` (key
building included); the peer is datasketch's usual recipe. Peak memory is measured in a separate, untimed
call under ``tracemalloc`` (numpy buffers included). CPU figures: ``cpu_docs/s`` counts this process (all
its threads) and its finished worker processes (``os.times``); ``x_cpu_vs_datasketch`` divides datasketch's
CPU seconds by newsclean's for the same corpus in the same run; ``x_wall_vs_jobs1`` is the wall-clock
speed-up of ``jobs=2`` over ``jobs=1``. The 1M projection extends the time per document at the largest
size, and the peak memory by its growth per document between the two largest sizes.
"""

from __future__ import annotations

import argparse
import functools
import os
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from benchmarks._common import digest, header, save, table
from benchmarks._dedup_peers import datasketch_lsh
from benchmarks._synthetic_dedup import make_corpus, pairwise


def _measure(
    fn: Callable[[], list[int]], repeats: int, warmup: bool = True
) -> tuple[float, float, float, list[int]]:
    """Median wall, CPU (this process) and worker CPU (finished child processes) seconds over ``repeats``
    runs after one warm-up; returns the last result too."""
    out = fn() if warmup else []
    walls, cpus, kids = [], [], []
    for _ in range(repeats):
        t0 = os.times()
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
        t1 = os.times()
        kids.append(t1.children_user + t1.children_system - t0.children_user - t0.children_system)
    return _median(walls), _median(cpus), _median(kids), out


def _median(xs: list[float]) -> float:
    return sorted(xs)[len(xs) // 2]


def _peak_mib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _newsclean(texts: list[str], jobs: int) -> list[int]:
    import newsclean

    return newsclean.dedupe(texts, jobs=jobs).cluster_ids


def run(quick: bool = False) -> None:
    """Both parts: generated corpora, then real text (10k only with ``quick``)."""
    run_generated(quick)
    run_real_text((10_000,) if quick else (10_000, 100_000), (2,) if quick else (3, 2))


def run_real_text(
    sizes: tuple[int, ...],
    repeats: tuple[int, ...],
    tools: str = "nc1,nc2,ds,rensa",
    baseline: str | None = None,
) -> None:
    """The real-text part (see the module doc); prints the table and saves ``results/dedup_real.json``."""
    from benchmarks._real_dedup import RealDataMissingError
    from benchmarks._real_dedup_bench import run_real, summary_table
    from benchmarks._real_dedup_corpus import cached_corpus

    stats = {}
    try:
        for n in sizes:  # built (or read back) once, before any timed call
            stats[n] = cached_corpus(n).stats
    except RealDataMissingError as e:
        print(f"real-text dedup benchmark skipped: {e}")
        return
    for n, st in stats.items():
        print(
            f"real corpus {n:,}: digest {st['digest']}, {st['bases']['distinct_bases']:,} distinct bases, "
            f"{st['roots_remix']:,} remixed roots, {st['docs_from_remix_roots']:,} documents from remixes, "
            f"kinds {st['kinds']}"
        )
    rows = run_real(sizes, repeats, tools.split(","), baseline_src=baseline)
    text, summary = summary_table(rows)
    print(header("dedup: real Hindi text (fresh process per call)", ["datasketch", "rensa", "numpy"], ""))
    print(text)
    save("dedup_real", {"rows": rows, "summary": summary, "corpora": {str(k): v for k, v in stats.items()}})


def run_generated(quick: bool = False) -> None:
    """The generated-corpora part (see the module doc)."""

    sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
    rows: list[dict[str, Any]] = []
    have_ds = True
    try:
        import datasketch  # noqa: F401
    except ImportError:
        have_ds = False
        print("datasketch missing: peer skipped (pip install datasketch)")
    digests = []
    for n in sizes:
        texts, gold, kinds = make_corpus(n)
        digests.append(digest("\x00".join(texts)))
        reps = 5 if n <= 10_000 or not quick else 3
        tools: list[tuple[str, Callable[[], list[int]], int]] = [
            ("newsclean", functools.partial(_newsclean, texts, 1), reps),
            ("newsclean jobs=2", functools.partial(_newsclean, texts, 2), reps),
        ]
        if have_ds:
            tools.append(
                (
                    "datasketch MinHashLSH",
                    functools.partial(datasketch_lsh, texts),
                    reps if n <= 10_000 else 1,
                )
            )
        measured: dict[str, dict[str, Any]] = {}
        for name, fn, r in tools:
            slow_peer = (
                name.startswith("datasketch") and n > 10_000
            )  # one timed run, no warm-up, no tracemalloc
            wall, cpu, kids, pred = _measure(fn, r, warmup=not slow_peer)
            q = pairwise(gold, pred, kinds)
            peak = _peak_mib(fn) if "jobs" not in name and not slow_peer else float("nan")
            row = {
                "docs": n,
                "tool": name,
                "F1": q["F1"],
                "P": q["P"],
                "R": q["R"],
                "hn_template_merged": q["hn_merged"],
                "wall_s": wall,
                "docs/s": n / wall,
                "cpu_s": cpu + kids,
                "cpu_docs/s": n / (cpu + kids),
                "peak_MiB": peak,
                "repeats": r,
            }
            measured[name] = row
            rows.append(row)
            print(table([row], list(row)), flush=True)
        one, two = measured["newsclean"], measured["newsclean jobs=2"]
        two["x_wall_vs_jobs1"] = one["wall_s"] / two["wall_s"]
        if "datasketch MinHashLSH" in measured:
            peer = measured["datasketch MinHashLSH"]
            one["x_cpu_vs_datasketch"] = peer["cpu_s"] / one["cpu_s"]
            two["x_cpu_vs_datasketch"] = peer["cpu_s"] / two["cpu_s"]
    cols = [
        "docs",
        "tool",
        "F1",
        "P",
        "R",
        "hn_template_merged",
        "wall_s",
        "docs/s",
        "cpu_docs/s",
        "peak_MiB",
        "repeats",
        "x_cpu_vs_datasketch",
        "x_wall_vs_jobs1",
    ]
    print(
        header(
            "dedup: synthetic Hindi corpora with injected near-duplicates",
            ["datasketch", "numpy"],
            ",".join(digests),
        )
    )
    print(table(rows, cols))
    own = [r for r in rows if r["tool"] == "newsclean"]
    projection: dict[str, float] = {}
    if len(own) >= 2:
        big, prev = own[-1], own[-2]
        per_doc_mib = (big["peak_MiB"] - prev["peak_MiB"]) / (big["docs"] - prev["docs"])
        projection = {
            "docs": 1_000_000,
            "cpu_minutes": big["cpu_s"] / big["docs"] * 1_000_000 / 60,
            "peak_GiB": (big["peak_MiB"] + per_doc_mib * (1_000_000 - big["docs"])) / 1024,
        }
        print(
            f"projected for 1M documents (one process, from the {prev['docs']:,} and {big['docs']:,} runs): "
            f"{projection['cpu_minutes']:.1f} CPU minutes, peak {projection['peak_GiB']:.2f} GiB (dedup working "
            "memory, the input texts not counted; small runs overstate the growth per document)"
        )
    save("dedup", {"rows": rows, "input_digests": digests, "projection_1M": projection})


def main(argv: list[str] | None = None) -> None:
    """``python -m benchmarks.bench_dedup``: the real-text part, or one child call (``--child``)."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_dedup")
    ap.add_argument("--child", nargs=2, metavar=("TOOL", "N"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--real", action="store_true", help="run only the real-text part")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--repeats", default="3,2")
    ap.add_argument("--tools", default="nc1,nc2,ds,rensa")
    ap.add_argument("--baseline-src", default=None, help="also time the newsclean of this src folder")
    args = ap.parse_args(argv)
    if args.child:
        from benchmarks._real_dedup_bench import child

        child(args.child[0], int(args.child[1]), args.seed)
        return
    sizes = tuple(int(x) for x in args.sizes.split(","))
    repeats = tuple(int(x) for x in args.repeats.split(","))
    if args.real:
        run_real_text(sizes, repeats, args.tools, args.baseline_src)
    else:
        run()


if __name__ == "__main__":
    main()
