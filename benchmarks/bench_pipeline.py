"""End-to-end benchmark: clean (normalise + boilerplate + split) and dedup a generated Hindi news corpus.

Reports articles/s for the library pipeline, the ``newsclean clean`` command with ``--jobs 1`` and
``--jobs 2`` (JSONL in and out, as users run it), ``newsclean dedup``, a peer stack doing the nearest
equivalent job (indic-nlp normaliser + indic-nlp sentence splitter + datasketch MinHash LSH; no peer strips
boilerplate), and the projected time for one million articles on this machine.

Then the same on real text (:mod:`benchmarks._pipeline_real`): the commands of a crawl (mine, clean with and
without a model, dedup) on the 2026 publisher pool, with the peer stack on the same texts, growth from 1,000 to
10,674 articles, the fit's peak memory and the projections to one million (skipped when ``../shared/data`` is
absent).

Run: ``python -m benchmarks pipeline [--quick]``.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._articles import Article, corpus
from benchmarks._common import digest, header, median_time, save, table
from benchmarks._pipeline_real import run_real

PEERS = ("indic-nlp-library", "datasketch")
GOAL_MINUTES = 15.0


def _write_jsonl(path: Path, arts: list[Article]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for a in arts:
            rec = {
                "id": a.id,
                "publisher": a.publisher,
                "title": a.title,
                "standfirst": a.standfirst,
                "text": a.text,
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _cli(argv: list[str]) -> None:
    from newsclean.cli import main

    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(argv)
    if code != 0:
        msg = f"newsclean {' '.join(argv)} exited {code}:\n{err.getvalue()}"
        raise RuntimeError(msg)


def _library(arts: list[Article]) -> None:
    import newsclean as nc

    pipe = nc.make_pipeline(nc.Normalize(), nc.StripBoilerplate(), nc.SplitSentences())
    for a in arts:
        pipe(nc.Document(a.text, title=a.title, standfirst=a.standfirst, meta={"publisher": a.publisher}))


def _peer_stack(texts: list[str]) -> int:
    """indic-nlp normalise + split, then datasketch MinHash LSH over word 4-shingles; returns duplicates found."""
    from datasketch import MinHash, MinHashLSH
    from indicnlp.normalize.indic_normalize import IndicNormalizerFactory
    from indicnlp.tokenize import sentence_tokenize

    norm = IndicNormalizerFactory().get_normalizer("hi")
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    dups = 0
    for i, text in enumerate(texts):
        clean = norm.normalize(text)
        sentence_tokenize.sentence_split(clean, lang="hi")
        words = clean.split()
        shingles = {" ".join(words[j : j + 4]).encode("utf-8") for j in range(max(1, len(words) - 3))}
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles))
        if lsh.query(m):
            dups += 1
        else:
            lsh.insert(str(i), m)
    return dups


def _cpu_seconds(fn: Any) -> float:
    """CPU time (this process and its finished children) of one call: immune to other load on the machine."""
    import resource

    def now() -> float:
        s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime

    t0 = now()
    fn()
    return now() - t0


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else math.inf


def run(quick: bool = False) -> None:
    """Run the benchmark, print the tables and save ``benchmarks/results/pipeline.json``."""
    n = 400 if quick else 3000
    repeats = 5
    arts = corpus(n)
    texts = [a.text for a in arts]
    rows: list[dict[str, Any]] = []
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        src, out1, out2, kept = d / "in.jsonl", d / "clean1.jsonl", d / "clean2.jsonl", d / "kept.jsonl"
        _write_jsonl(src, arts)
        size_mb = src.stat().st_size / 1e6
        print(header("End-to-end: clean + split + dedup", PEERS, digest(src.read_bytes())))
        print(
            f"{n} generated articles, {size_mb:.1f} MB JSONL, {sum(map(len, texts)) / n:,.0f} characters each"
        )
        load_before = os.getloadavg()[0]
        print(
            f"load average at start {load_before:.2f} on {os.cpu_count()} CPUs (other work slows every row)"
        )

        results["library"] = median_time(lambda: _library(arts), repeats=repeats)
        results["clean_j1"] = median_time(lambda: _cli(["clean", str(src), "-o", str(out1)]), repeats=repeats)
        results["clean_j2"] = median_time(
            lambda: _cli(["clean", str(src), "-o", str(out2), "--jobs", "2"]), repeats=repeats
        )
        assert out1.read_bytes() == out2.read_bytes(), "--jobs 2 must give the same bytes as --jobs 1"
        dedup_argv = ["dedup", str(out2), "-o", str(kept), "--text-field", "cleaned"]
        results["dedup"] = median_time(lambda: _cli(dedup_argv), repeats=repeats)
        kept_n = sum(1 for _ in kept.open(encoding="utf-8"))
        cpu_clean_j2 = _cpu_seconds(lambda: _cli(["clean", str(src), "-o", str(out2), "--jobs", "2"]))
        cpu_dedup = _cpu_seconds(lambda: _cli(dedup_argv))
    # how dedup time grows: the library call on raw texts at n and 4n (fixed costs shrink in the ratio)
    import newsclean as nc

    big = [a.text for a in corpus(4 * n, seed=7)]
    results["dedupe_n"] = median_time(lambda: nc.dedupe(big[:n]), repeats=repeats)
    results["dedupe_4n"] = median_time(lambda: nc.dedupe(big), repeats=repeats)
    try:
        results["peers"] = median_time(lambda: _peer_stack(texts), repeats=repeats)
        peer_dups = _peer_stack(texts)
    except ImportError as exc:
        print(f"peer stack skipped: {exc}")
        peer_dups = -1

    # dedup scaling exponent from n -> 4n, clamped to [1, 2], for the projection
    exponent = min(2.0, max(1.0, math.log(results["dedupe_4n"] / results["dedupe_n"], 4)))
    scale = 1_000_000 / n
    proj_clean = results["clean_j2"] * scale
    proj_dedup = results["dedup"] * scale**exponent
    rows = [
        {"task": "clean+split", "tool": "newsclean library (Pipeline, 1 process)", "s": results["library"]},
        {"task": "clean+split", "tool": "newsclean clean --jobs 1 (JSONL)", "s": results["clean_j1"]},
        {"task": "clean+split", "tool": "newsclean clean --jobs 2 (JSONL)", "s": results["clean_j2"]},
        {"task": "dedup", "tool": "newsclean dedup (cleaned text)", "s": results["dedup"]},
        {"task": "dedup", "tool": "newsclean.dedupe (raw text, library)", "s": results["dedupe_n"]},
        {"task": "end-to-end", "tool": "clean --jobs 2 + dedup", "s": results["clean_j2"] + results["dedup"]},
    ]
    if "peers" in results:
        rows.append(
            {
                "task": "normalise+split+dedup",
                "tool": "peer stack (indic-nlp + datasketch LSH)",
                "s": results["peers"],
            }
        )
    rows.append(
        {
            "task": "dedup",
            "tool": f"newsclean.dedupe (raw text, {4 * n} articles)",
            "s": results["dedupe_4n"],
            "n": 4 * n,
        }
    )
    for r in rows:
        count = r.pop("n", n)
        r["articles/s"] = _rate(count, r["s"])
        r["ms/article"] = 1000 * r["s"] / count
    print(table(rows, ["task", "tool", "s", "articles/s", "ms/article"]))
    print(
        f"\nkept {kept_n} of {n} after dedup"
        + (f"; the peer stack flagged {peer_dups} duplicates" if peer_dups >= 0 else "")
    )
    total_min = (proj_clean + proj_dedup) / 60
    proj = [
        {"phase": "clean --jobs 2", "minutes for 1M": proj_clean / 60, "assumes": "linear"},
        {
            "phase": "dedup",
            "minutes for 1M": proj_dedup / 60,
            "assumes": f"time ~ n^{exponent:.2f} (measured n -> 4n)",
        },
        {"phase": "total", "minutes for 1M": total_min, "assumes": f"goal <= {GOAL_MINUTES:.0f} min"},
    ]
    # the same from CPU seconds, as if both cores were free: clean splits over 2 processes, dedup is 1 process
    cpu_total = (cpu_clean_j2 / 2 * scale + cpu_dedup * scale**exponent) / 60
    proj.append(
        {
            "phase": "total, from CPU time",
            "minutes for 1M": cpu_total,
            "assumes": f"idle 2 cores: clean {cpu_clean_j2:.2f} CPU s / 2, dedup {cpu_dedup:.2f} CPU s, n^{exponent:.2f}",
        }
    )
    print("\n" + table(proj, ["phase", "minutes for 1M", "assumes"]))
    load_after = os.getloadavg()[0]
    print(f"load average at end {load_after:.2f}")
    verdict = "meets" if total_min <= GOAL_MINUTES else "misses"
    print(f"projection {verdict} the {GOAL_MINUTES:.0f}-minute goal for 1M articles on this machine")
    real = run_real(quick)
    save(
        "pipeline",
        {
            "articles": n,
            "repeats": repeats,
            "seconds": results,
            "cpu_seconds": {"clean_jobs2": cpu_clean_j2, "dedup": cpu_dedup},
            "kept": kept_n,
            "peer_duplicates": peer_dups,
            "dedup_exponent": exponent,
            "load_average": [load_before, load_after],
            "projection_minutes_1M": {
                "clean_jobs2": proj_clean / 60,
                "dedup": proj_dedup / 60,
                "total": total_min,
                "total_from_cpu_time": cpu_total,
            },
            "real_text": real,
            "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
    )


if __name__ == "__main__":
    run()
