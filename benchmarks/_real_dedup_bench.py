"""Dedup on real text: every timed call in a fresh process, RSS sampled from outside, peers in the same run.

The parent runs ``python -m benchmarks.bench_dedup --child TOOL N`` once per call, one child at a time, the
order of the tools rotated by one per repeat. A child reads the corpus (built once by the recipe of
:mod:`benchmarks._real_dedup` and cached, see :func:`benchmarks._real_dedup_corpus.cached_corpus`),
imports its tool, collects garbage, prints ``START``, makes the one timed call, prints ``END`` and a JSON
``RESULT`` (wall and CPU seconds, pairwise precision/recall/F1 against the gold clusters, the share of each
hard-negative kind merged with anything, newsclean's candidate pairs).

Memory, "RSS growth": the peak resident set of the child between ``START`` and ``END`` (the parent reads
``/proc/PID/statm`` every 5 ms; the child's own ``ru_maxrss`` after the call counts too when it grew)
minus its resident set at ``START``; the input texts are already loaded then, so they are not counted. For
``jobs=2`` the workers' memory is reported apart: the summed PSS growth of the child and its descendants
(shared pages counted once), sampled every 100 ms.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._common import ROOT
from benchmarks._synthetic_dedup import pairwise

__all__ = ["TOOLS", "child", "run_real", "summary_table"]

TOOLS = {
    "nc1": "newsclean jobs=1",
    "nc2": "newsclean jobs=2",
    "ds": "datasketch MinHashLSH",
    "rensa": "rensa lean",
}
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss(pid: int | str = "self") -> int:
    with Path(f"/proc/{pid}/statm").open() as f:
        return int(f.read().split()[1]) * _PAGE


def _pss(pid: int) -> int:
    try:
        with Path(f"/proc/{pid}/smaps_rollup").open() as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = [int(x) for x in (task / "children").read_text().split()]
                out.extend(kids)
                todo.extend(kids)
        except OSError:
            pass
    return out


# ------------------------------------------------------------------------------------------------ child


def _tool(name: str, counts: dict[str, list[int]]) -> Callable[[list[str]], list[int]]:
    if name in ("nc1", "nc2"):
        import newsclean
        from newsclean.dedup import batch

        if hasattr(batch, "prefilter"):  # count candidate pairs (before and after the prefilter)
            cp, pf = getattr(batch, "candidate_pairs"), getattr(batch, "prefilter")  # noqa: B009

            def counted_cp(*a: Any, **k: Any) -> Any:
                out = cp(*a, **k)
                counts.setdefault("candidates", []).append(int(out.shape[0]))
                return out

            def counted_pf(*a: Any, **k: Any) -> Any:
                out = pf(*a, **k)
                counts.setdefault("verified", []).append(int(out.sum()))
                return out

            setattr(batch, "candidate_pairs", counted_cp)  # noqa: B010
            setattr(batch, "prefilter", counted_pf)  # noqa: B010
        jobs = 1 if name == "nc1" else 2
        return lambda texts: newsclean.dedupe(texts, jobs=jobs).cluster_ids
    from benchmarks import _dedup_peers

    return _dedup_peers.datasketch_lsh if name == "ds" else _dedup_peers.rensa_lean


def child(name: str, n: int, seed: int) -> None:
    """One timed call of tool ``name`` on the ``n``-document corpus (prints START, END and RESULT lines)."""
    from benchmarks._real_dedup_corpus import cached_corpus

    corpus = cached_corpus(n, seed)
    counts: dict[str, list[int]] = {}
    fn = _tool(name, counts)
    gc.collect()
    ru0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    rss0, pss0 = _rss(), _pss(os.getpid())
    print("START", flush=True)
    t0 = os.times()
    w0 = time.perf_counter()
    pred = list(fn(corpus.texts))
    wall = time.perf_counter() - w0
    t1 = os.times()
    print("END", flush=True)
    ru1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    q = pairwise(corpus.labels, pred, corpus.kinds)
    merged = {}
    for kind in ("hn_template", "hn_quote"):
        members = [i for i, k in enumerate(corpus.kinds) if k == kind]
        sizes: dict[int, int] = {}
        for p in pred:
            sizes[p] = sizes.get(p, 0) + 1
        merged[kind] = sum(sizes[pred[i]] > 1 for i in members) / max(1, len(members))
    cpu = t1.user + t1.system - t0.user - t0.system + t1.children_user + t1.children_system
    cpu -= t0.children_user + t0.children_system
    out = {
        "tool": name,
        "docs": n,
        "digest": corpus.stats["digest"],
        "wall_s": wall,
        "cpu_s": cpu,
        "rss_before": rss0,
        "pss_before": pss0,
        "maxrss_grew": ru1 > ru0,
        "maxrss_after": ru1,
        "F1": q["F1"],
        "P": q["P"],
        "R": q["R"],
        "merged": merged,
        "counts": counts,
        "load": os.getloadavg()[0],
    }
    print("RESULT " + json.dumps(out), flush=True)


# ------------------------------------------------------------------------------------------------ parent


def _run_child(name: str, n: int, seed: int, env: dict[str, str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.bench_dedup", "--child", name, str(n), "--seed", str(seed)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    state: dict[str, Any] = {"started": False, "ended": False, "result": None}
    lines: list[str] = []

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("START"):
                state["started"] = True
            elif line.startswith("END"):
                state["ended"] = True
            elif line.startswith("RESULT "):
                state["result"] = json.loads(line[7:])

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    peak_rss = peak_pss = 0
    last_pss = 0.0
    while proc.poll() is None:
        if state["started"] and not state["ended"]:
            with contextlib.suppress(OSError):
                peak_rss = max(peak_rss, _rss(proc.pid))
            now = time.monotonic()
            if name == "nc2" and now - last_pss >= 0.1:
                last_pss = now
                peak_pss = max(peak_pss, _pss(proc.pid) + sum(_pss(k) for k in _descendants(proc.pid)))
            time.sleep(0.005)
        else:
            time.sleep(0.02)
    thread.join()
    r: dict[str, Any] | None = state["result"]
    if proc.returncode != 0 or r is None:
        msg = f"child {name} {n} failed (exit {proc.returncode}):\n{''.join(lines)[-3000:]}"
        raise RuntimeError(msg)
    peak = max(peak_rss, r["maxrss_after"]) if r["maxrss_grew"] else peak_rss
    r["rss_growth_MiB"] = (peak - r["rss_before"]) / 2**20
    r["pss_growth_MiB"] = (peak_pss - r["pss_before"]) / 2**20 if name == "nc2" else None
    return r


def run_real(
    sizes: tuple[int, ...],
    repeats: tuple[int, ...],
    tools: list[str],
    seed: int = 0,
    baseline_src: str | None = None,
) -> list[dict[str, Any]]:
    """Every tool on every size, ``repeats`` rounds per size, rotated order; returns one row per call.

    ``baseline_src`` adds ``nc1@base`` and ``nc2@base``: the newsclean found in that ``src`` folder.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    envs = dict.fromkeys(tools, env)
    if baseline_src:
        for t in ("nc1", "nc2"):
            if t in tools:
                envs[f"{t}@base"] = {**env, "PYTHONPATH": os.pathsep.join([baseline_src, env["PYTHONPATH"]])}
    rows: list[dict[str, Any]] = []
    for n, rep in zip(sizes, repeats, strict=True):
        names = list(envs)
        for r in range(rep):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                res = _run_child(name.split("@")[0], n, seed, envs[name])
                res["tool"], res["repeat"] = name, r
                rows.append(res)
                cand = res["counts"].get("candidates")
                print(
                    f"{n:>8,} {name:<10} rep {r}: {res['wall_s']:7.2f} s wall {res['cpu_s']:7.2f} s CPU "
                    f"{n / res['wall_s']:7.0f} docs/s F1 {res['F1']:.4f} RSS +{res['rss_growth_MiB']:.0f} MiB "
                    f"load {res['load']:.1f}" + (f" candidates {cand}" if cand else ""),
                    flush=True,
                )
    return rows


def _label(tool: str) -> str:
    base, _, tag = tool.partition("@")
    return TOOLS[base] + (" (before)" if tag else "")


def summary_table(rows: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Medians per (size, tool), the ratios in one size, growth exponents and the 1M projection."""
    keys = sorted({(r["docs"], r["tool"]) for r in rows}, key=lambda k: (k[0], k[1]))
    summary: list[dict[str, Any]] = []
    for n, tool in keys:
        rs = [r for r in rows if r["docs"] == n and r["tool"] == tool]
        wall = statistics.median(r["wall_s"] for r in rs)
        s: dict[str, Any] = {
            "docs": n,
            "tool": tool,
            "runs": len(rs),
            "wall_s": wall,
            "walls": [round(r["wall_s"], 2) for r in rs],
            "cpu_s": statistics.median(r["cpu_s"] for r in rs),
            "docs/s": n / wall,
            "F1": rs[0]["F1"],
            "P": rs[0]["P"],
            "R": rs[0]["R"],
            "hn_template": rs[0]["merged"]["hn_template"],
            "hn_quote": rs[0]["merged"]["hn_quote"],
            "rss_growth_MiB": statistics.median(r["rss_growth_MiB"] for r in rs),
            "pss_growth_MiB": statistics.median(r["pss_growth_MiB"] for r in rs)
            if rs[0]["pss_growth_MiB"] is not None
            else None,
        }
        c = rs[0]["counts"]
        if c.get("candidates"):
            s["cand/doc"] = c["candidates"][-1] / n
            s["verified/doc"] = c["verified"][-1] / n
        summary.append(s)
    head = ["docs", "tool", "docs/s", "wall s (runs)", "CPU s", "F1", "P", "R", "hn_template merged",
            "hn_quote merged", "RSS growth MiB", "candidates/doc (verified)"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in summary:
        rss = f"{s['rss_growth_MiB']:.0f}"
        if s["pss_growth_MiB"] is not None:
            rss += f" (with workers, PSS: {s['pss_growth_MiB']:.0f})"
        cand = f"{s['cand/doc']:.2f} ({s['verified/doc']:.2f})" if "cand/doc" in s else "-"
        cells = [f"{s['docs']:,}", _label(s["tool"]), f"{s['docs/s']:,.0f}",
                 f"{s['wall_s']:.2f} ({', '.join(map(str, s['walls']))})", f"{s['cpu_s']:.2f}",
                 f"{s['F1']:.4f}", f"{s['P']:.4f}", f"{s['R']:.4f}", f"{s['hn_template']:.3f}",
                 f"{s['hn_quote']:.3f}", rss, cand]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    by_n: dict[int, dict[str, dict[str, Any]]] = {}
    for s in summary:
        by_n.setdefault(s["docs"], {})[s["tool"]] = s
    for n, d in sorted(by_n.items()):
        for own in ("nc1", "nc2"):
            if own not in d:
                continue
            ratios = [f"{d[p]['wall_s'] / d[own]['wall_s']:.2f} x {_label(p)}" for p in d if p != own]
            lines.append(f"- {n:,} docs, {_label(own)}: " + "; ".join(ratios))
    sizes = sorted(by_n)
    if len(sizes) >= 2:
        n1, n2 = sizes[0], sizes[-1]
        for tool in by_n[n1]:
            if tool not in by_n[n2]:
                continue
            a, b = by_n[n1][tool], by_n[n2][tool]
            e = math.log(b["wall_s"] / a["wall_s"]) / math.log(n2 / n1)
            t1m = b["wall_s"] * (1_000_000 / n2) ** e
            per_doc = (b["rss_growth_MiB"] - a["rss_growth_MiB"]) / (n2 - n1)
            mem = b["rss_growth_MiB"] + per_doc * (1_000_000 - n2)
            lines.append(
                f"- {_label(tool)}: time growth exponent {n1:,} -> {n2:,} = {e:.2f}; projected for 1M documents: "
                f"{t1m / 60:.1f} min, RSS growth {mem / 1024:.2f} GiB (linear from the two sizes)"
            )
    return "\n".join(lines), summary
