"""Properties of normalisation for any string: idempotence, NFC output, an exact replayable record."""

from __future__ import annotations

import itertools

import unicodedata2
from hypothesis import assume, given
from hypothesis import strategies as st

import newsclean as nc
from newsclean.edits import apply_edits, check_edits
from newsclean.normalize.mojibake import C1_CP1252

from .strategies import WORDS, devanagari_text, hindi_paragraphs, hostile_text

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
        # issue 12: C1 controls, nukta dots, field pipes, table cells, visarga words, the abbreviation ०
        "\x93",
        "\x94",
        "\x85",
        "\x96",
        "\x81",
        "ड",
        "ढ",
        "ग",
        "ह",
        "ॉ",
        "ी",
        "ृ",
        "ो",
        "ः",
        "॥",
        " | ",
        "\n|",
        "\t\t",
        "०",
        "डॉ",
        "दु",
        "नि",
        "अंत",
        "स्वत",
        "अन्त",
        "करण",
        "ख",
        "श",
        "भास्कर न्यूज",
        "\u0970",
        "न्त",
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


# -- issue 12: what the safe profile must keep ------------------------------------------------------------

_HINDI_SEVEN = frozenset("कखगजडढफ")  # the consonants with a Hindi nukta letter


def _nukta_pairs(text: str) -> dict[str, int]:
    """How often each consonant outside :data:`_HINDI_SEVEN` carries a nukta, in NFD."""
    nfd = unicodedata2.normalize("NFD", text)
    counts: dict[str, int] = {}
    for a, b in itertools.pairwise(nfd):
        if b == "\u093c" and "\u0915" <= a <= "\u0939" and a not in _HINDI_SEVEN:
            counts[a] = counts.get(a, 0) + 1
    return counts


@given(any_text, PROFILES)
def test_no_nukta_is_moved_onto_a_letter_hindi_does_not_write(text: str, profile: str) -> None:
    """A nukta ends up on प ह र न … only where it was typed on it, never moved there from a vowel sign."""
    assume("&" not in text and "\u00e0" not in text)  # entities and mojibake make new letters
    kept = "".join(c for c in text if unicodedata2.category(c) not in ("Cc", "Cf"))  # deletions join letters
    before, after = _nukta_pairs(kept), _nukta_pairs(nc.normalize(text, profile=profile))  # type: ignore[arg-type]
    for consonant, n in after.items():
        assert n <= before.get(consonant, 0), consonant


_C1_TEXT = st.lists(st.sampled_from([*C1_CP1252, "\x81", "\x9d", *WORDS, " ", "\n"]), max_size=30).map(
    "".join
)


@given(_C1_TEXT)
def test_c1_characters_become_their_windows_1252_reading(text: str) -> None:
    out = nc.normalize(text)
    assert not any("\x80" <= c <= "\x9f" for c in out)
    # every C1 control with a windows-1252 meaning is now that character, in order (U+0085 may be NEL instead)
    meant = [C1_CP1252[c] for c in text if c in C1_CP1252 and c != "\x85"]
    assert [c for c in out if c in C1_CP1252.values() and c != "…"] == meant


_WORD = st.sampled_from([w for w in WORDS if w.isalpha() or any("\u0900" <= c <= "\u097f" for c in w)])


@given(st.lists(st.tuples(_WORD, st.sampled_from([":", ": ", ":\n"]), _WORD), min_size=1, max_size=6))
def test_colons_after_everyday_words_stay_colons(pairs: list[tuple[str, str, str]]) -> None:
    """Datelines, kickers and labels glued with a colon: none of them is a visarga word."""
    text = " ".join(a + sep + b for a, sep, b in pairs)
    for profile in ("safe", "search"):
        assert nc.normalize(text, profile=profile).count(":") == text.count(":")  # type: ignore[arg-type]


@given(st.lists(st.lists(_WORD, min_size=1, max_size=3).map(" ".join), min_size=2, max_size=6))
def test_table_rows_keep_their_pipes(cells: list[str]) -> None:
    row = "| " + " | ".join(cells) + " |"
    text = f"{row}\n{row}"
    for profile in ("safe", "search"):
        assert nc.normalize(text, profile=profile).count("|") == text.count("|")  # type: ignore[arg-type]
