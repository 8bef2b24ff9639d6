"""Quality floors on the development sets. Quality only, no timings.

Skips when ../shared/data is absent, except under ``CI`` (see ``conftest.require_shared_data``); a data file
whose digest differs from the pinned one fails, naming the file and how to re-pin it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GATE = ROOT / "benchmarks" / "eval_gate.py"

pytestmark = pytest.mark.skipif(not GATE.exists(), reason="benchmarks/ not present (installed-wheel run)")


def _load_gate():  # benchmarks/ is not a package on the test path in every layout: load it by file
    spec = importlib.util.spec_from_file_location("newsclean_eval_gate", GATE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quality_floors_hold(shared_data: Path) -> None:
    gate = _load_gate()
    baseline = json.loads((GATE.parent / "baseline.json").read_text(encoding="utf-8"))
    scores, digests = gate.measure(list(gate.SUITES))
    changed = {f: (baseline["data"].get(f), d) for f, d in digests.items() if baseline["data"].get(f) != d}
    assert not changed, (
        "development data differ from the pinned digests "
        + ", ".join(f"{f} (pinned {old}, now {new})" for f, (old, new) in sorted(changed.items()))
        + ": check what changed in the data, then re-pin with `python -m benchmarks.eval_gate --update`"
        " (it records the new digests and raises floors, never lowering one without --allow-regression)"
    )
    assert set(baseline["floors"]) <= set(scores), "a pinned metric is no longer measured"
    assert gate.compare(scores, baseline) == []
    # the issues' acceptance levels, independent of the pinned floors
    assert scores["boilerplate.mined.f1"] >= 0.95
    # the real sets (issue 11): mined on their pools F1 >= 0.93, within-document F1 >= 0.85, at most one
    # document damaged in each (40 and 65 documents)
    for real, docs in (("wild", 40), ("wild2", 65)):
        assert scores[f"boilerplate.{real}.mined.f1"] >= 0.93
        assert scores[f"boilerplate.{real}.within.f1"] >= 0.85
        for how in ("mined", "within"):
            assert (1 - scores[f"boilerplate.{real}.{how}.undamaged"]) * docs <= 1 + 1e-9
    assert scores["dedup.f1"] >= 0.99
    assert min(v for k, v in scores.items() if k.startswith("dedup.hn_")) > 0.99
    assert scores["segment.hdtb-dev.f1"] >= 0.994
    assert scores["segment.hdtb-dev.one_doc.f1"] >= 0.994
    assert scores["normalize.default-safe.pass_rate"] == 1.0


def test_compare_reports_each_metric_below_its_floor() -> None:
    gate = _load_gate()
    baseline = {"floors": {"a": 0.9, "b": 0.5, "c": 0.1}}
    assert gate.compare({"a": 0.95, "b": 0.4, "c": 0.1}, baseline) == ["b: 0.4000 < floor 0.5000"]
