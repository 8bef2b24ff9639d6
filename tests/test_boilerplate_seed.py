"""Golden test: the seed article's body comes out as the hand-checked expected body."""

from __future__ import annotations

from pathlib import Path

import newsclean as nc
from newsclean.edits import apply_edits, check_edits

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _paragraphs(text: str) -> list[str]:
    """Lines with line-end whitespace dropped; blank lines ignored."""
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def _seed() -> tuple[str, str, str]:
    raw = (SEEDS / "seed_article.txt").read_text(encoding="utf-8")
    head, body = raw.split("\n\n", 1)
    title, standfirst = head.split("\n")[:2]
    return title, standfirst, body


def test_seed_golden() -> None:
    title, standfirst, body = _seed()
    expected = (SEEDS / "seed_expected_body.txt").read_text(encoding="utf-8")
    out = nc.strip_boilerplate(body, title=title, standfirst=standfirst)
    assert _paragraphs(out) == _paragraphs(expected)


def test_seed_explained_edits() -> None:
    title, standfirst, body = _seed()
    cleaned = nc.strip_boilerplate_and_explain(body, title=title, standfirst=standfirst)
    check_edits(body, cleaned.edits)
    assert apply_edits(body, cleaned.edits) == cleaned.text
    assert all(e.is_removal and e.kind == "title_echo" for e in cleaned.edits)
    keyphrase = "छत्तीसगढ़ बनेगा नया IT हब?"
    assert [e.old for e in cleaned.edits[1:]] == [keyphrase] * 4
    # the pasted headline goes with its joining comma; the dateline stays
    assert cleaned.edits[0].old == title + ", "
    assert cleaned.text.startswith("रायपुर/टोक्यो। छत्तीसगढ़ को एक वैश्विक")


def test_seed_crossheads_stay() -> None:
    title, standfirst, body = _seed()
    out = nc.strip_boilerplate(body, title=title, standfirst=standfirst)
    lines = _paragraphs(out)
    for crosshead in (
        "$90 बिलियन की कंपनी से निवेश पर चर्चा",
        "सांस्कृतिक और व्यापारिक संबंधों पर भी जोर",
        "छत्तीसगढ़ के लिए खुल सकते हैं बड़े अवसर",
    ):
        assert crosshead in lines


def test_seed_step_matches_function() -> None:
    title, standfirst, body = _seed()
    doc = nc.Document(body, title=title, standfirst=standfirst)
    out = nc.StripBoilerplate()(doc)
    assert out.text == nc.strip_boilerplate(body, title=title, standfirst=standfirst)
    assert out.replay() == out.text
