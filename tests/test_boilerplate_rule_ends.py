"""The ``ends=`` line filter of the rule engine never skips a line a rule's pattern matches in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.boilerplate.rule_engine import _ends_with, _gate_forms
from newsclean.boilerplate.rule_table import default_rules

_RULES = [r for r in default_rules() if r.ends]
_PIECES = [
    " ",
    "\t",
    "\u00a0",
    ":",
    "ः",
    "-",
    "–",
    "—",
    ".",
    "।",
    "!",
    "|",
    ")",
    "]",
    "(",
    ",",
    "से",
    "की",
    "खास",
    "पटना",
    "राम",
    "रिपोर्ट",
    "report",
    "REPORT",
    "लाइव",
    "live",
    "LIVE",
    "अपडेट",
    "अपडेट्स",
    "updates",
    "Update",
    "वीडियो",
    "video",
    "देखें",
    "देखिए",
    "watch",
    "see",
    "the",
    "photos",
    "pics",
    "gallery",
    "फोटो",
    "तस्वीरें",
    "यहां",
    "नीचे",
    "3",
    "भाषा",
    "पीटीआई",
    "PTI",
    "ians",
    "एपी",
    "ap",
    "x",
    "İ",
]


def _spans_and_filter(line: str) -> list[tuple[str, bool, bool]]:
    out = []
    for r in _RULES:
        ends = tuple(sorted({v for w in r.ends for v in _gate_forms(w)}))
        found = any(True for _ in r.compiled.finditer(line))
        out.append((r.id, found, _ends_with(line, (0, len(line)), ends, r.ends_after, max(map(len, r.ends)))))
    return out


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_a_matching_line_is_never_filtered_out(line: str) -> None:
    for rule_id, found, kept in _spans_and_filter(line):
        assert kept or not found, (rule_id, line)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40).filter(lambda s: "\n" not in s))
def test_random_text(line: str) -> None:
    for rule_id, found, kept in _spans_and_filter(line):
        assert kept or not found, (rule_id, line)


def test_examples() -> None:
    for line in ["पटना से राम कुमार की रिपोर्ट।", "खबर। यहां देखें वीडियो:", "आगे - पीटीआई", "Live Updates"]:
        assert any(found and kept for _, found, kept in _spans_and_filter(line)), line
