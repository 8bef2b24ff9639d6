"""Unicode NFC conformance (vendored lines), the development cases (optional), and large or adversarial input."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import unicodedata2

import newsclean as nc

DATA = Path(__file__).parent / "data" / "ucd_nfc_devanagari.jsonl"
_PROFILE = {"default-safe": "safe", "aggressive-search": "search"}


def _records(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_all_636_unicode_nfc_lines_pass_in_their_profiles() -> None:
    records = _records(DATA)
    assert len(records) == 636
    checked = 0
    for rec in records:
        for name in rec["profiles"]:  # type: ignore[attr-defined]
            profile = _PROFILE[name]
            got = nc.normalize(rec["input"], profile=profile)  # type: ignore[arg-type]
            assert got == rec["expected"], (rec["id"], profile)
            assert nc.normalize(got, profile=profile) == got  # type: ignore[arg-type]
            checked += 1
    assert checked == 636 + 626


def test_development_cases_pass(shared_data: Path) -> None:
    """Optional: the hand-built development cases in ../shared/data (skipped when absent)."""
    records = _records(shared_data / "normalize" / "cases-dev.jsonl")
    assert records
    for rec in records:
        for name in rec["profiles"]:  # type: ignore[attr-defined]
            profile = _PROFILE[name]
            assert nc.normalize(rec["input"], profile=profile) == rec["expected"], (rec["id"], profile)  # type: ignore[arg-type]
            assert nc.normalize(rec["expected"], profile=profile) == rec["expected"], rec["id"]  # type: ignore[arg-type]


_CLEAN = ["भारत की राजधानी नई दिल्ली है। ", "उन्होंने कहा कि ज़िंदगी अहम है। ", "दुःख की बात है।\n"]
_DIRTY = [
    "उन्होंने सरकार से सवाल किया| ",  # four words: never a dateline's lead
    "\u00a0",
    "\u200b",
    "\u095bिंदगी ",
    "&amp; ",
    "à¤¹à¤¿ ",
    "दु:ख ",
    "  ",
    "\r\n",
    "\x1b[31m",
    " \ud800",
    "क\u093f\u093c ",
    "“उद्धरण” ",
]


def _mixed_text(size: int, *, dirty: float = 0.2) -> str:
    rng = random.Random(5)
    parts: list[str] = []
    n = 0
    while n < size:
        p = rng.choice(_DIRTY if rng.random() < dirty else _CLEAN)
        parts.append(p)
        n += len(p)
    return "".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["safe", "search"])
def test_ten_megabytes(profile: str) -> None:
    text = _mixed_text(10_000_000)
    out = nc.normalize(text, profile=profile)  # type: ignore[arg-type]
    assert unicodedata2.normalize("NFC", out) == out
    assert "|" not in out
    assert "\u200b" not in out
    assert "\ud800" not in out
    assert nc.normalize(out, profile=profile) == out  # type: ignore[arg-type]


@pytest.mark.slow
def test_explain_on_a_very_dirty_megabyte() -> None:
    text = _mixed_text(1_000_000, dirty=1.0)
    cleaned = nc.normalize_and_explain(text)
    assert cleaned.text == nc.normalize(text)
    assert nc.apply_edits(text, cleaned.edits) == cleaned.text
    assert nc.normalize(cleaned.text) == cleaned.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("।" * 1_000_000, "।" * 1_000_000),  # a run of three or more is not a double danda
        ("क" + "\u0902" * 100_000, "क\u0902"),
        ("a" + "\u0902" * 100_000, "a" + "\u0902" * 100_000),
        ("&amp;" * 100_000, "&" * 100_000),
        ("\x1b[" + "1" * 100_000, "[" + "1" * 100_000),
        ("\x1b]" * 100_000, ""),
        ("राम|" * 100_000, "राम।" * 100_000),
        ("1" * 100_000, "1" * 100_000),
        (" " * 100_000, " "),
        ("à¤" * 100_000, "\ufffd" * 100_000),  # truncated sequences: each a lost character
        ("क" + "\u093f\u093c" * 50_000, None),
    ],
    ids=[
        "dandas",
        "anusvaras",
        "latin-marks",
        "entities",
        "csi",
        "osc",
        "pipes",
        "digits",
        "spaces",
        "telltale",
        "marks",
    ],
)
def test_adversarial_inputs(text: str, expected: str | None) -> None:
    for profile in ("safe", "search"):
        out = nc.normalize(text, profile=profile)  # type: ignore[arg-type]
        if expected is not None and profile == "safe":
            assert out == expected
        assert nc.normalize(out, profile=profile) == out  # type: ignore[arg-type]
