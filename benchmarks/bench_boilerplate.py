"""Boilerplate benchmark: quality and docs/s of newsclean beside the baselines, in one run.

    python -m benchmarks boilerplate [--quick]

Quality is scored with the scorer of ``../shared/data/boilerplate`` (char P/R/F1 of removed text, share of
documents damaged) on its ``dev.jsonl``; the baselines come from ``baselines.py`` next to it (noop, exact title
removal, jusText, CCNet-style line dedup). Both are imported lazily: when the data folder or a peer is missing,
that row is reported and skipped. Speed is the median of >= 5 timed calls on the whole split after a warm-up,
tools interleaved (one process, so docs/s is per core; wall and process time are both reported). newsclean
runs within-document only, and with templates mined from the split (the fit is timed with it). Two stress
inputs follow: a title echoed 10^4 times and a 10 MB article.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks import _common
from benchmarks import boilerplate_cleaner as cleaner

DATA = _common.SHARED_DATA / "boilerplate"
Cleaner = Callable[[list[dict[str, Any]]], list[str]]


def _load(name: str, path: Path) -> ModuleType | None:
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> list[dict[str, Any]]:
    import json

    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _synthetic(n: int) -> list[dict[str, Any]]:
    """Hand-written Hindi articles with pasted boilerplate, used when the labelled data is absent."""
    title = "बिजली दरों में बढ़ोतरी नहीं होगी: ऊर्जा मंत्री ने विधानसभा में दी जानकारी"
    body = (
        "लखनऊ। प्रदेश में इस साल बिजली की दरें नहीं बढ़ेंगी। ऊर्जा मंत्री ने सदन में यह घोषणा की।"
        "बिजली दरों में बढ़ोतरी नहीं होगी\nविज्ञापन\n"
        "उन्होंने कहा कि नियामक आयोग के प्रस्ताव पर सरकार विचार करेगी।\nयह भी पढ़ें: नई बस सेवा शुरू\n"
        "बैठक में अधिकारियों को बकाया वसूली तेज करने के निर्देश दिए गए। (इनपुट- पीटीआई)\n"
    )
    return [{"id": str(i), "publisher": f"p{i % 4}", "title": title, "text": body * 3} for i in range(n)]


def _peers(baselines: ModuleType | None) -> dict[str, Cleaner | None]:
    tools: dict[str, Cleaner | None] = {
        "newsclean within": cleaner.within,
        "newsclean mined": cleaner.mined,
    }
    for name in ("noop", "title_exact", "justext_clean", "ccnet_n3"):
        tools[f"baseline {name}"] = getattr(baselines, name, None) if baselines else None
    if baselines is not None and importlib.util.find_spec("justext") is None:
        tools["baseline justext_clean"] = None
    return tools


def _stress(rows: list[dict[str, Any]], quick: bool) -> None:
    import newsclean as nc

    title = "बिजली दरों में बढ़ोतरी नहीं होगी: ऊर्जा मंत्री ने विधानसभा में दी जानकारी"
    para = "लखनऊ। प्रदेश में इस साल बिजली की दरें नहीं बढ़ेंगी। ऊर्जा मंत्री ने सदन में यह घोषणा की।"
    echoed = (para + "बिजली दरों में बढ़ोतरी नहीं होगी\n") * 10_000
    size = 1_000_000 if quick else 10_000_000
    big = (para + "\n") * (size // (len(para) + 1) + 1)
    for label, text in (("title echoed 10^4 times", echoed), (f"{len(big) / 1e6:.0f} MB article", big)):
        t = _common.median_time(
            functools.partial(nc.strip_boilerplate, text, title=title), repeats=5, warmup=1
        )
        rows.append(
            {
                "task": "stress",
                "tool": "newsclean within",
                "input": label,
                "seconds": t,
                "MB/s": len(text) / t / 1e6,
            }
        )


def run(quick: bool = False) -> None:
    """Run the benchmark, print the tables and save ``results/boilerplate.json``."""
    score = _load("bp_score", DATA / "score.py")
    baselines = _load("bp_baselines", DATA / "baselines.py")
    gold = _read(DATA / "dev.jsonl") if (DATA / "dev.jsonl").is_file() else None
    docs = (
        [{k: d[k] for k in ("id", "publisher", "title", "text")} for d in gold]
        if gold is not None
        else _synthetic(200)
    )
    repeats = 5
    rows: list[dict[str, Any]] = []
    missing: list[str] = []
    tools: dict[str, Cleaner] = {}
    outputs: dict[str, list[str]] = {}
    for tool, fn in _peers(baselines).items():
        if fn is None:
            missing.append(tool)
            continue
        tools[tool] = fn
        outputs[tool] = fn([dict(d) for d in docs])  # warm-up, and the outputs scored below
    wall: dict[str, list[float]] = {t: [] for t in tools}
    cpu: dict[str, list[float]] = {t: [] for t in tools}
    for _ in range(repeats):
        for tool, fn in tools.items():  # interleaved, so load drifts on a shared machine hit every tool alike
            batch = [dict(d) for d in docs]
            t0, c0 = time.perf_counter(), time.process_time()
            fn(batch)
            wall[tool].append(time.perf_counter() - t0)
            cpu[tool].append(time.process_time() - c0)
    for tool in tools:
        row: dict[str, Any] = {
            "task": "dev" if gold else "synthetic",
            "tool": tool,
            "docs/s": len(docs) / statistics.median(wall[tool]),
            "docs/s cpu": len(docs) / statistics.median(cpu[tool]),
        }
        if gold is not None and score is not None:
            res = score.score_split(gold, outputs[tool])
            row.update(
                {"P": res["P"], "R": res["R"], "F1": res["F1"], "damaged %": 100 * res["docs_damaged"]}
            )
        rows.append(row)
    base = next((r["docs/s cpu"] for r in rows if r["tool"] == "newsclean within"), None)
    for r in rows:
        if base:
            r["speed vs newsclean within"] = r["docs/s cpu"] / base
    stress: list[dict[str, Any]] = []
    _stress(stress, quick)
    header = _common.header(
        "boilerplate", ["regex", "rapidfuzz", "justext"], _common.digest("".join(d["text"] for d in docs))
    )
    print(header)
    print(
        f"{len(docs)} documents; median of {repeats} timed calls per tool after a warm-up, tools interleaved; "
        f"one process (docs/s is per core; 'cpu' uses process time, steadier on a loaded machine); "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    if missing:
        print("skipped (missing): " + ", ".join(missing))
    print()
    print(
        _common.table(
            rows,
            [
                "task",
                "tool",
                "P",
                "R",
                "F1",
                "damaged %",
                "docs/s",
                "docs/s cpu",
                "speed vs newsclean within",
            ],
        )
    )
    print()
    print(_common.table(stress, ["task", "tool", "input", "seconds", "MB/s"]))
    path = _common.save("boilerplate", {"header": header, "rows": rows, "stress": stress, "missing": missing})
    print(f"\nsaved {path}")


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
