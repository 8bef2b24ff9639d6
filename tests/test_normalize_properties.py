"""Properties of normalisation for any string: idempotence, NFC output, an exact replayable record."""

from __future__ import annotations

import unicodedata2
from hypothesis import given
from hypothesis import strategies as st

import newsclean as nc
from newsclean.edits import apply_edits, check_edits

from .strategies import devanagari_text, hindi_paragraphs, hostile_text

PROFILES = st.sampled_from(["safe", "search"])

# Pieces that trigger every rule and their interactions (entities, mojibake, marks, danda, spaces …).
PIECES = st.sampled_from(
    [
        "&amp;",
        "&",
        "amp;",
        "lt;",
        "&#2361;",
        "&nbsp;",
        "à¤",
        "à¥",
        "¹",
        "\x8d",
        " ",
        "  ",
        "\n",
        "\r",
        "\t",
        "|",
        "||",
        "।",
        ":",
        "क",
        "न",
        "र",
        "अ",
        "आ",
        "उ",
        "ए",
        "इ",
        "ा",
        "ि",
        "ु",
        "े",
        "ॉ",
        "ॅ",
        "ं",
        "ँ",
        "\u093c",
        "\u094d",
        "\u200d",
        "\u200c",
        "\u200b",
        "\u00ad",
        "\u200e",
        "ا",
        "a",
        "1",
        "१",
        "त",
        "म",
        "प",
        "ज",
        "\u095b",
        "\u0929",
        "\u0301",
        "\u0334",
        "\ud800",
        "\udc00",
        "\x1b[31m",
        "…",
        "“",
        "—",
        "http://x",
        "\u2028",
        "\u00a0",
        "\ufffd",
        "\u0951",
        "\u0952",
    ]
)
tricky_text = st.lists(PIECES, max_size=40).map("".join)
any_text = st.one_of(hostile_text, devanagari_text, tricky_text)


@given(any_text, PROFILES)
def test_output_is_nfc_and_a_fixpoint(text: str, profile: str) -> None:
    out = nc.normalize(text, profile=profile)  # type: ignore[arg-type]
    assert unicodedata2.normalize("NFC", out) == out
    assert nc.normalize(out, profile=profile) == out  # type: ignore[arg-type]
    assert not any("\ud800" <= c <= "\udfff" for c in out)
    out.encode("utf-8")  # always writable


@given(any_text, PROFILES)
def test_explain_agrees_and_replays(text: str, profile: str) -> None:
    cleaned = nc.normalize_and_explain(text, profile=profile)  # type: ignore[arg-type]
    assert cleaned.text == nc.normalize(text, profile=profile)  # type: ignore[arg-type]
    check_edits(text, cleaned.edits)  # sorted, non-overlapping, every old == the input slice
    for e in cleaned.edits:
        assert text[e.start : e.end] == e.old
        assert e.old != e.new
        assert e.rule.startswith("normalize.")
    assert apply_edits(text, cleaned.edits) == cleaned.text


@given(hindi_paragraphs().map(lambda s: unicodedata2.normalize("NFC", s)))
def test_safe_leaves_clean_hindi_unchanged(text: str) -> None:
    assert nc.normalize(text) == text
    assert nc.normalize_and_explain(text).edits == ()


@given(hindi_paragraphs(), PROFILES)
def test_step_equals_function(text: str, profile: str) -> None:
    doc = nc.Normalize(profile=profile)(nc.Document(text))
    assert doc.text == nc.normalize(text, profile=profile)  # type: ignore[arg-type]
    assert doc.replay() == doc.text


@st.composite
def _edit_list(draw: st.DrawFn, text: str, rule: str) -> list[nc.Edit]:
    """Sorted, non-overlapping random edits of ``text`` (insertions, deletions, replacements)."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits: list[nc.Edit] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):  # an odd last cut is dropped
        new = draw(st.sampled_from(["", "x", "।", "कि", "  "]))
        if text[a:b] != new:
            edits.append(nc.Edit(rule, "k", a, b, text[a:b], new))
    return edits


@given(st.data(), st.text(alphabet="कखग |।ािx", max_size=30))
def test_compose_replays_two_rules_in_first_coordinates(data: st.DataObject, text0: str) -> None:
    from newsclean.normalize.compose import compose

    edits_a = data.draw(_edit_list(text0, "a"))
    text1 = apply_edits(text0, edits_a)
    edits_b = data.draw(_edit_list(text1, "b"))
    text2 = apply_edits(text1, edits_b)
    composed = compose(text0, edits_a, text2, edits_b)
    check_edits(text0, composed)
    assert apply_edits(text0, composed) == text2
