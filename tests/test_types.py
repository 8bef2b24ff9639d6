"""Core types: spans, edits, documents, offsets back to the original, pickling."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean as nc
from newsclean.edits import apply_edits, check_edits, input_span
from newsclean.types import Document, Edit, Span, StepRecord


def test_span_rejects_negative_and_reversed():
    with pytest.raises(ValueError, match="start <= end"):
        Span(3, 2)
    with pytest.raises(ValueError, match="start <= end"):
        Span(-1, 2)


def test_apply_edits_replaces_and_removes():
    text = "रायपुर। शीर्षक, खबर|"
    edits = [Edit("b", "title_echo", 8, 16, "शीर्षक, "), Edit("n", "p", 19, 20, "|", "।")]
    check_edits(text, edits)
    assert apply_edits(text, edits) == "रायपुर। खबर।"


def test_check_edits_rejects_overlap_and_mismatch():
    with pytest.raises(ValueError, match="overlaps"):
        check_edits("abcdef", [Edit("r", "k", 0, 3, "abc"), Edit("r", "k", 2, 4, "cd")])
    with pytest.raises(ValueError, match="old"):
        check_edits("abcdef", [Edit("r", "k", 0, 1, "x")])


def test_input_span_through_removal_and_replacement():
    # "aa|bbXXcc" -> remove XX, replace | with "।"
    edits = [Edit("r", "k", 2, 3, "|", "।"), Edit("r", "k", 5, 7, "XX")]
    out = apply_edits("aa|bbXXcc", edits)
    assert out == "aa।bbcc"
    assert input_span(edits, 5, 7) == (7, 9)  # "cc"
    assert input_span(edits, 2, 3) == (2, 3)  # the danda maps to the pipe
    assert input_span(edits, 3, 6) == (3, 8)  # "bbc" spans the removed XX


def test_document_history_maps_back_across_two_steps():
    d0 = Document("क|  ख")
    d1 = d0.with_step("s1", "", (Edit("r", "k", 1, 2, "|", "।"),))
    d2 = d1.with_step("s2", "", (Edit("r", "k", 2, 4, "  ", " "),))
    assert d2.text == "क। ख"
    assert d2.original == "क|  ख"
    assert d2.replay() == d2.text
    assert d2.to_original(Span(3, 4)) == Span(4, 5)
    removed = d2.removed()
    assert [(s, e.old) for s, e in removed] == [(Span(1, 2), "|"), (Span(2, 4), "  ")]


def test_document_type_errors_name_the_argument():
    with pytest.raises(TypeError, match="Document\\(\\) argument 'text' must be str, not bytes; decode it"):
        Document(b"abc")  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match="'title' must be str or None, not int"):
        Document("a", title=3)  # type: ignore[arg-type]


def test_document_meta_is_read_only_and_pickles():
    d = Document("खबर", title="शीर्षक", id="7", meta={"publisher": "p"}, standfirst="सार")
    with pytest.raises(TypeError):
        d.meta["x"] = 1  # type: ignore[index]
    d2 = d.with_step("s", "c", (Edit("r", "k", 0, 1, "ख"),))
    back = pickle.loads(pickle.dumps(d2))
    assert back == d2
    assert back.meta["publisher"] == "p"


def test_document_dict_round_trip():
    d = Document(
        "खबर। दूसरी।", title="t", id="1", meta={"publisher": "p"}, sentences=(Span(0, 4), Span(5, 11))
    )
    d = d.with_step("s", "c", (Edit("r", "k", 0, 0, "", ""),))
    assert Document.from_dict(d.to_dict()) == d


def test_step_record_round_trip():
    r = StepRecord("normalize", "profile=safe", (Edit("r", "k", 0, 1, "|", "।", "why"),))
    assert StepRecord.from_dict(r.to_dict()) == r


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        new = draw(st.text(max_size=3))
        edits.append(Edit("r", "k", a, b, text[a:b], new))
    return text, edits


@given(text_and_edits())
def test_input_span_points_at_the_source_of_each_output_char(te):
    text, edits = te
    check_edits(text, edits)
    out = apply_edits(text, edits)
    # every output character outside replacement text maps to an identical input character
    from newsclean.edits import output_offsets

    starts, ends = output_offsets(edits)
    inside = set()
    for s, e in zip(starts, ends, strict=False):
        inside.update(range(s, e))
    for i in range(len(out)):
        a, b = input_span(edits, i, i + 1)
        assert 0 <= a <= b <= len(text)
        if i not in inside:
            assert (a, b) == (a, a + 1)
            assert text[a] == out[i]
