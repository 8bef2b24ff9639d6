"""The layout's line measures (boilerplate/layout.py): the byte counts and the kept measures of a line agree
with :meth:`Line.of`, whatever scripts the text mixes."""

from __future__ import annotations

import dataclasses

import pytest

from newsclean.boilerplate.layout import Layout, Line

LINES = [
    "सरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।",
    "  Link Copied  ",
    "",
    "तापमान २७ से ३५ डिग्री, 12.5 मिमी बारिश॥",
    "Café Ārt ɏ × ÷ é",  # Latin letters beyond ASCII (and two signs in that range)
    "বাংলা খবর ঀ ࠀ ༀ",  # other code points whose UTF-8 starts with E0
    "꣠꣱ ॰ ॱ ॿ ऀ ॣ",  # extended Devanagari, signs of the block
    "٣٤ ߁ ١٢ अंक",  # digits of other scripts
    "\ud800 lone surrogate।",
    "\t\u00a0 बात हुई।” \u200b",
]


@pytest.mark.parametrize("rest", ["", "\n" + LINES[4], "\n" + LINES[5], "\n" + LINES[7], "\n" + LINES[3]])
@pytest.mark.parametrize("line", LINES)
def test_layout_lines_measure_as_line_of(line: str, rest: str) -> None:
    text = f"पहली पंक्ति।\n{line}{rest}"
    lay = Layout.of(text)
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        want = Line.of(raw, pos, i)
        got = lay.lines[i]
        assert got == want
        assert [getattr(got, f.name) for f in dataclasses.fields(Line)] == [
            getattr(want, f.name) for f in dataclasses.fields(Line)
        ]
        pos += len(raw) + 1


def test_line_flags_are_measured_once_and_frozen() -> None:
    ln = Line.of("सरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।", 0, 0)
    assert (ln.has_words, ln.is_latin, ln.is_devanagari, ln.ends_full_stop, ln.is_prose) == (
        True,
        False,
        True,
        True,
        True,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        ln.is_prose = False  # type: ignore[misc]
    assert "is_prose" not in repr(ln)


# -- repeats: line keys found lazily -------------------------------------------------------------------------

_PASTE = "राज्य को नया दर्जा मिला"
_REPEATS = [
    f"पहली बात कही गई।{_PASTE}\nदूसरी बात भी कही गई।{_PASTE}\nअंत।",
    # the page holds the block twice (punctuation aside): a copy of the article, not a paste
    f"पहली बात कही गई।{_PASTE}\nसरकार ने आज नई योजना की घोषणा की, और कहा कि काम शुरू होगा\n"
    f"दूसरी बात भी कही गई।{_PASTE}\nसरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा!\nअंत।",
    f"{_PASTE}\n\n{_PASTE}\nबात हुई।{_PASTE}",
    f"Latin words only here\nबात हुई।{_PASTE}\nLatin words only here\nबात हुई।{_PASTE}",
]


@pytest.mark.parametrize("text", _REPEATS)
def test_repeats_match_all_keys_found(text: str) -> None:
    from newsclean.boilerplate import repeats

    lines = text.split("\n")
    keys = repeats._LineKeys(lines)
    everything = [repeats._key(line) for line in lines]
    for i in range(len(lines)):
        want_next = next((j for j in range(i + 1, len(lines)) if everything[j]), -1)
        assert keys.next_with_words(i) == want_next
        k = everything[i]
        assert keys.copied(i) == (k.count(" ") >= repeats.DUPLICATE_WORDS - 1 and everything.count(k) > 1)
