"""Quality gate: score newsclean on the development sets and compare with the pinned floors in baseline.json.

    python -m benchmarks.eval_gate                 # check; exit 1 on any regression
    python -m benchmarks.eval_gate --update        # raise floors to the current scores (never lowers them)
    python -m benchmarks.eval_gate --update --allow-regression   # also lower floors (say why in the commit)

It runs the scorers that ship with the data sets (``../shared/data``) in subprocesses, reads their JSON output,
and checks quality only: there are no timings here. A digest of each data file is pinned too, so a silently
edited data set is reported instead of compared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
BASELINE = Path(__file__).resolve().parent / "baseline.json"

WRAPPERS = """
import newsclean as nc


def search(text):
    return nc.normalize(text, profile="search")


def dedup(texts):
    return nc.dedupe(texts).cluster_ids
"""


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=8).hexdigest()


def _run(args: list[str], cwd: Path, extra_path: str) -> None:
    env = dict(os.environ)
    paths = [extra_path, str(ROOT / "benchmarks"), str(ROOT / "src")]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
    proc = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        msg = f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
        raise RuntimeError(msg)


def _normalize(tmp: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    d = DATA / "normalize"
    cases = ["--cases", "ucd_nfc_devanagari.jsonl", "--cases", "cases-dev.jsonl"]
    for profile, spec in (
        ("default-safe", "newsclean:normalize"),
        ("aggressive-search", "gate_wrappers:search"),
    ):
        js = tmp / f"norm-{profile}.json"
        _run(["eval.py", *cases, "--profile", profile, "--normalizer", spec, "--json", str(js)], d, str(tmp))
        res = json.loads(js.read_text(encoding="utf-8"))["results"][spec]
        passed = sum(v["pass"] for v in res["per_rule"].values())
        total = sum(v["total"] for v in res["per_rule"].values())
        out[f"normalize.{profile}.pass_rate"] = passed / total
    return out


def _segment(tmp: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    d = DATA / "segment"
    for one_doc in (False, True):
        js = tmp / f"seg-{one_doc}.json"
        args = ["eval.py", "--gold", "hdtb-dev.jsonl", "--gold", "peers-golden.jsonl"]
        args += ["--splitter", "newsclean:split_sentences", "--json", str(js)]
        _run([*args, *(["--as-one-doc"] if one_doc else [])], d, str(tmp))
        res = json.loads(js.read_text(encoding="utf-8"))["results"]
        suffix = ".one_doc" if one_doc else ""
        for gold in ("hdtb-dev", "peers-golden"):
            key = f"{gold}(one-doc)" if one_doc else gold
            out[f"segment.{gold}{suffix}.f1"] = res[key]["newsclean:split_sentences"]["f1"]
    return out


def _boilerplate(tmp: Path) -> dict[str, float]:
    d = DATA / "boilerplate"
    out: dict[str, float] = {}
    # the synthetic set (mined on the split itself), and the real sets by their protocol (mined on the split
    # plus its publisher pool)
    runs = (
        ("dev.jsonl", "", ("within", "mined")),
        ("wild-dev.jsonl", "wild.", ("within", "pool_mined")),
        ("wild2-dev.jsonl", "wild2.", ("within", "pool_mined")),
    )
    for data, prefix, cleaners in runs:
        js = tmp / f"bp-{data}.json"
        args = ["score.py", "--data", data, "--repeats", "1", "--json", str(js)]
        for name in cleaners:
            args += ["--cleaner", f"boilerplate_cleaner:{name}"]
        _run(args, d, str(tmp))
        res = json.loads(js.read_text(encoding="utf-8"))[data]
        for name in cleaners:
            r = res[f"boilerplate_cleaner:{name}"]
            label = "mined" if name.endswith("mined") else name
            out[f"boilerplate.{prefix}{label}.f1"] = r["F1"]
            out[f"boilerplate.{prefix}{label}.undamaged"] = 1.0 - r["docs_damaged"]
    return out


def _dedup(tmp: Path) -> dict[str, float]:
    d = DATA / "dedup"
    js = tmp / "dedup.jsonl"
    _run(
        ["score.py", "--data", "dev.jsonl", "--dedup", "gate_wrappers:dedup", "--json", str(js), "--quiet"],
        d,
        str(tmp),
    )
    res = json.loads(js.read_text(encoding="utf-8").splitlines()[-1])
    out = {"dedup.f1": float(res["f1"])}
    for kind, v in res["per_kind"].items():
        if kind.startswith("hn_"):
            out[f"dedup.{kind}.unmerged"] = 1.0 - float(v["merged"])
    return out


SUITES: dict[str, tuple[Callable[[Path], dict[str, float]], list[str]]] = {
    "normalize": (_normalize, ["normalize/ucd_nfc_devanagari.jsonl", "normalize/cases-dev.jsonl"]),
    "segment": (_segment, ["segment/hdtb-dev.jsonl", "segment/peers-golden.jsonl"]),
    "boilerplate": (
        _boilerplate,
        [
            "boilerplate/dev.jsonl",
            "boilerplate/wild-dev.jsonl",
            "boilerplate/wild2-dev.jsonl",
            "boilerplate/pool-2020-dev.jsonl.gz",
            "boilerplate/pool-2026-dev.jsonl.gz",
        ],
    ),
    "dedup": (_dedup, ["dedup/dev.jsonl"]),
}


def measure(suites: list[str]) -> tuple[dict[str, float], dict[str, str]]:
    """Run the named suites; return (scores, data digests)."""
    scores: dict[str, float] = {}
    digests: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "gate_wrappers.py").write_text(WRAPPERS, encoding="utf-8")
        for name in suites:
            fn, files = SUITES[name]
            scores.update(fn(tmp))
            digests.update({f: _digest(DATA / f) for f in files})
    return scores, digests


def compare(scores: dict[str, float], baseline: dict[str, Any]) -> list[str]:
    """Return one message per metric below its floor (a tolerance of 1e-9 for float noise)."""
    floors: dict[str, float] = baseline.get("floors", {})
    return [
        f"{k}: {scores[k]:.4f} < floor {floors[k]:.4f}"
        for k in sorted(floors)
        if k in scores and scores[k] < floors[k] - 1e-9
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.eval_gate", description=__doc__.split("\n")[0])
    ap.add_argument("suites", nargs="*", metavar="SUITE", help=f"any of {list(SUITES)} (default: all)")
    ap.add_argument("--update", action="store_true", help="raise floors to the current scores")
    ap.add_argument("--allow-regression", action="store_true", help="with --update: also lower floors")
    args = ap.parse_args(argv)
    unknown = set(args.suites) - set(SUITES)
    if unknown:
        ap.error(f"unknown suite(s) {sorted(unknown)}; choose from {list(SUITES)}")
    if not DATA.is_dir():
        print(f"eval gate: {DATA} is absent; nothing to check")
        return 1 if os.environ.get("CI") else 0  # CI runs with the data beside the clone: absent is an error
    baseline: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    scores, digests = measure(args.suites or list(SUITES))
    changed = [f for f, dg in digests.items() if baseline.get("data", {}).get(f, dg) != dg]
    for k in sorted(scores):
        floor = baseline.get("floors", {}).get(k)
        print(f"{k:45s} {scores[k]:.4f}" + ("" if floor is None else f"   floor {floor:.4f}"))
    if changed and not args.update:
        print("data changed since the floors were pinned (rerun with --update): " + ", ".join(changed))
        return 1
    failures = compare(scores, baseline)
    if args.update:
        floors = dict(baseline.get("floors", {}))
        for k, v in scores.items():
            pinned = math.floor(v * 10_000) / 10_000  # four decimals, never above the score
            if args.allow_regression or pinned >= floors.get(k, 0.0):
                floors[k] = pinned
        baseline = {"floors": dict(sorted(floors.items())), "data": {**baseline.get("data", {}), **digests}}
        BASELINE.write_text(json.dumps(baseline, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
        return 0
    for f in failures:
        print("REGRESSION " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
