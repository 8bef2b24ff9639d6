"""Boilerplate benchmark: quality and docs/s of newsclean beside the baselines, in one run.

    python -m benchmarks boilerplate [--quick]
    python -m benchmarks.bench_boilerplate [--quick] [--lopo]   # --lopo: leave one publisher out on wild2-dev

Quality is scored with the scorer of ``../shared/data/boilerplate`` (char P/R/F1 of removed text, share of
documents damaged) on the synthetic ``dev.jsonl`` and on the two real, hand-labelled sets ``wild-dev.jsonl`` and
``wild2-dev.jsonl`` (mined by their protocol: on the split plus its publisher pool; CCNet line dedup is given the
same pool in its own row); the baselines come from ``baselines.py`` next to it (noop, exact title
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


def _peers(baselines: ModuleType | None, real: bool) -> dict[str, Cleaner | None]:
    """The tools of one split: newsclean within-document and mined (on the split itself for the synthetic set,
    on the split plus its publisher pool for the real sets, as their protocol says), and the baselines."""
    tools: dict[str, Cleaner | None] = {
        "newsclean within": cleaner.within,
        "newsclean mined on the pool" if real else "newsclean mined": cleaner.pool_mined
        if real
        else cleaner.mined,
    }
    for name in ("noop", "title_exact", "justext_clean", "ccnet_n3"):
        tools[f"baseline {name}"] = getattr(baselines, name, None) if baselines else None
    if baselines is not None and importlib.util.find_spec("justext") is None:
        tools["baseline justext_clean"] = None
    if real and baselines is not None:
        tools["baseline ccnet_n3 on the pool"] = functools.partial(_ccnet_with_pool, baselines)
    return tools


def _ccnet_with_pool(baselines: ModuleType, docs: list[dict[str, Any]]) -> list[str]:
    """CCNet-style line dedup given the same pool as newsclean's miner (lines seen in 3+ documents go)."""
    texts = {d["text"] for d in docs}
    pool = [r for r in cleaner.pool_for(docs) if r["text"] not in texts]
    out: list[str] = baselines.ccnet_n3([*docs, *pool])
    return out[: len(docs)]


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


SPLITS = ("dev.jsonl", "wild-dev.jsonl", "wild2-dev.jsonl")


def _split_rows(
    name: str,
    gold: list[dict[str, Any]] | None,
    score: ModuleType | None,
    baselines: ModuleType | None,
    quick: bool,
) -> tuple[list[dict[str, Any]], list[str], int]:
    real = name.startswith("wild")
    docs = (
        [{k: d[k] for k in ("id", "publisher", "title", "text")} for d in gold]
        if gold is not None
        else _synthetic(200)
    )
    repeats = (1 if quick else 3) if real else (2 if quick else 5)  # the real sets' miner fits 10k articles
    missing: list[str] = []
    tools: dict[str, Cleaner] = {}
    outputs: dict[str, list[str]] = {}
    for tool, fn in _peers(baselines, real).items():
        if fn is None:
            missing.append(tool)
            continue
        tools[tool] = fn
        outputs[tool] = fn([dict(d) for d in docs])  # warm-up, and the outputs scored below
    wall: dict[str, list[float]] = {t: [] for t in tools}
    cpu: dict[str, list[float]] = {t: [] for t in tools}
    order = list(tools)
    for k in range(repeats):
        for tool in order[k % len(order) :] + order[: k % len(order)]:  # rotated, interleaved
            batch = [dict(d) for d in docs]
            t0, c0 = time.perf_counter(), time.process_time()
            tools[tool](batch)
            wall[tool].append(time.perf_counter() - t0)
            cpu[tool].append(time.process_time() - c0)
    rows: list[dict[str, Any]] = []
    for tool in tools:
        row: dict[str, Any] = {
            "split": name if gold else "synthetic",
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
    return rows, missing, repeats


def leave_one_publisher_out(score: ModuleType, gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per publisher of a real split: mine on the split plus its pool without that publisher's pool articles,
    and score its articles (beside within-document cleaning of the same articles)."""
    docs = [{k: d[k] for k in ("id", "publisher", "title", "text")} for d in gold]
    pool = cleaner.pool_for(docs)
    rows: list[dict[str, Any]] = []
    import newsclean as nc

    for pub in sorted({d["publisher"] for d in docs}):
        model = cleaner.fit_with_pool(docs, pool, leave_out=pub)
        mine = [i for i, d in enumerate(docs) if d["publisher"] == pub]
        sub = [gold[i] for i in mine]
        mined = [
            nc.strip_boilerplate(docs[i]["text"], title=docs[i]["title"] or None, model=model, group=pub)
            for i in mine
        ]
        res_m = score.score_split(sub, mined)
        res_w = score.score_split(sub, cleaner.within([docs[i] for i in mine]))
        rows.append(
            {
                "publisher": pub,
                "docs": len(mine),
                "pool articles left out": sum(r["publisher"] == pub for r in pool),
                "F1 mined": res_m["F1"],
                "damaged mined": round(res_m["docs_damaged"] * len(mine)),
                "F1 within": res_w["F1"],
                "damaged within": round(res_w["docs_damaged"] * len(mine)),
            }
        )
    return rows


def run(quick: bool = False, lopo: bool = False) -> None:
    """Run the benchmark, print the tables and save ``results/boilerplate.json``."""
    score = _load("bp_score", DATA / "score.py")
    baselines = _load("bp_baselines", DATA / "baselines.py")
    rows: list[dict[str, Any]] = []
    missing: set[str] = set()
    notes: list[str] = []
    for name in SPLITS:
        gold = _read(DATA / name) if (DATA / name).is_file() else None
        if gold is None and name != SPLITS[0]:
            notes.append(f"{name}: absent (../shared/data/boilerplate), skipped")
            continue
        split_rows, split_missing, repeats = _split_rows(name, gold, score, baselines, quick)
        rows += split_rows
        missing.update(split_missing)
        notes.append(f"{name}: median of {repeats} timed calls per tool after a warm-up, rotated order")
    lopo_rows: list[dict[str, Any]] = []
    if lopo and score is not None and (DATA / "wild2-dev.jsonl").is_file():
        lopo_rows = leave_one_publisher_out(score, _read(DATA / "wild2-dev.jsonl"))
    stress: list[dict[str, Any]] = []
    _stress(stress, quick)
    header = _common.header("boilerplate", ["regex", "rapidfuzz", "justext"], _common.digest(str(len(rows))))
    print(header)
    print(
        "one process (docs/s is per core; 'cpu' uses process time, steadier on a loaded machine); the pool-mined "
        f"rows include fitting the miner on the split plus its pool; load average {os.getloadavg()[0]:.1f}"
    )
    for n in notes:
        print("  " + n)
    if missing:
        print("skipped (missing): " + ", ".join(sorted(missing)))
    print()
    cols = ["split", "tool", "P", "R", "F1", "damaged %", "docs/s", "docs/s cpu", "speed vs newsclean within"]
    print(_common.table(rows, cols))
    if lopo_rows:
        print("\nleave one publisher out (wild2-dev): mined without the publisher's pool articles")
        cols = ["publisher", "docs", "pool articles left out", "F1 mined", "damaged mined", "F1 within"]
        print(_common.table(lopo_rows, [*cols, "damaged within"]))
    print()
    print(_common.table(stress, ["task", "tool", "input", "seconds", "MB/s"]))
    path = _common.save(
        "boilerplate",
        {"header": header, "rows": rows, "lopo": lopo_rows, "stress": stress, "missing": sorted(missing)},
    )
    print(f"\nsaved {path}")


if __name__ == "__main__":
    run(quick="--quick" in sys.argv, lopo="--lopo" in sys.argv)
