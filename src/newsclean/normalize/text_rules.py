"""Script-independent normalisation rules: encoding damage, markup, invisible characters, spaces, punctuation.

Each rule's docstring says what it changes and what it leaves alone; ``docs/rules.md`` lists them all.
"""

from __future__ import annotations

import dataclasses
import html
import html.entities
import re
from collections.abc import Callable

from ..chars import RTL_RE, UNICODE_SPACES
from .mojibake import C1_CP1252, MOJIBAKE_GATE, MOJIBAKE_RE, NEL, repair_run
from .rule import Rule, char_map, rule

__all__ = [
    "BIDI_MARKS",
    "CONTROLS",
    "ELLIPSIS",
    "FOLD_DASHES",
    "FOLD_QUOTES",
    "HTML_ENTITIES",
    "INVISIBLE",
    "LINE_BREAKS",
    "MOJIBAKE",
    "MOJIBAKE_C1",
    "SPACES",
    "SPACES_SEARCH",
    "SPACE_RUNS",
    "SURROGATES",
]

_HTML5 = html.entities.html5


@rule(
    "normalize.surrogates",
    kind="encoding",
    reason="lone surrogate (not a Unicode scalar value, cannot be written as UTF-8) replaced by U+FFFD",
    pattern="[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]",
    triggers=frozenset(map(chr, range(0xD800, 0xE000))),
    introduces_rare=True,
)
def _surrogates(m: re.Match[str]) -> str:
    """Changes: a lone surrogate code point to U+FFFD; a high surrogate directly followed by a low one
    (UTF-16 read as code units) to the character they encode.
    Leaves alone: every other character, including an existing U+FFFD (it records an earlier loss)."""
    s = m.group()
    if len(s) == 2:
        return chr(0x10000 + ((ord(s[0]) - 0xD800) << 10) + (ord(s[1]) - 0xDC00))
    return "\ufffd"


SURROGATES: Rule = _surrogates


@rule(
    "normalize.html_entities",
    kind="markup",
    reason="HTML character reference left in extracted text",
    pattern="&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});",
    gate="&",
    repeat=True,
    introduces_rare=True,
)
def _html_entities(m: re.Match[str]) -> str:
    """Changes: named (``&amp;`` ``&nbsp;`` ``&quot;``) and numeric (``&#2361;`` ``&#x939;``) HTML character
    references to the character, repeatedly (``&amp;lt;`` -> ``<``); numeric references to surrogates, NUL or
    out-of-range values become U+FFFD, as HTML5 says.
    Leaves alone: a bare ``&`` (``R&D``), a reference without its ``;``, unknown names (``&foo;``)."""
    s = m.group()
    if s[1] == "#":
        return html.unescape(s)
    return _HTML5.get(s[1:], s)


HTML_ENTITIES: Rule = _html_entities


@rule(
    "normalize.mojibake",
    kind="encoding",
    reason="UTF-8 bytes that were decoded as windows-1252/latin-1 (mojibake), decoded again as UTF-8",
    pattern=MOJIBAKE_RE,
    gate=lambda text: MOJIBAKE_GATE[0] in text or MOJIBAKE_GATE[1] in text,
    triggers="\u00e0",
    repeat=True,
    introduces_rare=True,
)
def _mojibake(m: re.Match[str]) -> str:
    """Changes: runs of windows-1252/latin-1 characters that are the bytes of UTF-8 sequences (``à¤¹à¤¿``
    -> ``हि``), only in text that shows the Devanagari telltale ``à¤`` or ``à¥``; partial mojibake is repaired
    run by run. A Devanagari sequence whose last byte was lost (replaced by U+FFFD or dropped by the decoder) becomes one
    U+FFFD.
    Leaves alone: text without the telltale (French ``à`` stays), runs that are not valid UTF-8."""
    return repair_run(m)


MOJIBAKE: Rule = _mojibake


_C1_CLASS = "".join(sorted(C1_CP1252))
_C1_KEYS = frozenset(C1_CP1252)


def _c1_fast(text: str, found: frozenset[str]) -> str:
    hit = found & _C1_KEYS
    windows_1252 = any(c in text for c in hit if c != NEL)
    for c in hit:
        if c != NEL or windows_1252:
            text = text.replace(c, C1_CP1252[c])
    return text


def _c1_repl(text: str) -> Callable[[re.Match[str]], str]:
    windows_1252 = any(c in text for c in _C1_CLASS if c != NEL)

    def repl(m: re.Match[str]) -> str:
        c = m.group()
        return c if c == NEL and not windows_1252 else C1_CP1252[c]

    return repl


@rule(
    "normalize.mojibake",
    kind="encoding",
    reason="C1 control that is a windows-1252 character decoded as latin-1 (U+0093 for “): that character",
    pattern=f"[{_C1_CLASS}]",
    triggers=_C1_CLASS,
    fast_fn=_c1_fast,
    bind=_c1_repl,
    introduces_rare=True,
)
def _mojibake_c1(m: re.Match[str]) -> str:
    """Changes: the C1 controls U+0080..U+009F that stand for a windows-1252 character to it: U+0091..U+0094 to
    ‘ ’ “ ”, U+0096/U+0097 to – —, U+0080 to €, U+0095 to •, U+0099 to ™ and the rest of the windows-1252 table;
    U+0085 to ``…`` when the text holds another of them (then it was windows-1252 read as latin-1).
    Leaves alone: U+0081, U+008D, U+008F, U+0090, U+009D (no windows-1252 meaning: ``normalize.controls``
    deletes them), and U+0085 in other text: it is NEXT LINE there (``normalize.line_breaks``)."""
    return _c1_repl(m.string)(m)


MOJIBAKE_C1: Rule = _mojibake_c1


_CONTROL_CHARS = "".join(map(chr, [*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]))
# (after ``normalize.mojibake`` only U+0081 U+008D U+008F U+0090 U+009D are left of the C1 range)
_CONTROL_DELETE = char_map(dict.fromkeys(_CONTROL_CHARS, ""))
_ANSI_RE = re.compile(
    "\x1b(?:\\[[0-?]{0,64}[ -/]{0,16}[@-~]|\\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\\\)|[@-Z\\\\-_])"
    "|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+"
)


def _controls_fast(text: str, found: frozenset[str]) -> str:
    if "\x1b" in found:
        return _ANSI_RE.sub("", text)
    return _CONTROL_DELETE(text, found)


@rule(
    "normalize.controls",
    kind="invisible",
    reason="control character or ANSI terminal escape sequence: carries no text",
    pattern=_ANSI_RE,
    triggers=_CONTROL_CHARS,
    fast_fn=_controls_fast,
)
def _controls(m: re.Match[str]) -> str:
    """Changes: deletes C0 controls other than TAB, LF, VT, FF, CR; DEL; the C1 controls with no windows-1252
    meaning (U+0081 U+008D U+008F U+0090 U+009D; ``normalize.mojibake`` maps the others); ANSI escape
    sequences (``ESC [ 1 ; 31 m`` colours, ``ESC ] … BEL`` titles).
    Leaves alone: TAB (see ``normalize.spaces``), line breaks (see ``normalize.line_breaks``), format
    characters such as ZWJ/ZWNJ (see ``normalize.joiners``)."""
    return ""


CONTROLS: Rule = _controls


_LINE_MAP = char_map(dict.fromkeys("\r\u2028\u2029\x85\x0b\x0c", "\n"))


@rule(
    "normalize.line_breaks",
    kind="whitespace",
    reason="line end normalised to LF (Unicode Newline Guidelines)",
    pattern="\r\n?|[\u2028\u2029\x85\x0b\x0c]",
    triggers="\r\u2028\u2029\x85\x0b\x0c",
    fast_fn=lambda text, found: _LINE_MAP(text.replace("\r\n", "\n"), found),
)
def _line_breaks(m: re.Match[str]) -> str:
    """Changes: CR LF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR, NEL, VT and FF to one LF.
    Leaves alone: LF, and the number of line breaks (a blank line stays a blank line)."""
    return "\n"


LINE_BREAKS: Rule = _line_breaks


@rule(
    "normalize.invisible",
    kind="invisible",
    reason="invisible format character with no role in Hindi (ZWSP, soft hyphen, word joiner, BOM)",
    pattern="[\u200b\u00ad\u2060\ufeff]+",
    triggers="\u200b\u00ad\u2060\ufeff",
    fast_fn=char_map(dict.fromkeys("\u200b\u00ad\u2060\ufeff", "")),
)
def _invisible(m: re.Match[str]) -> str:
    """Changes: deletes ZERO WIDTH SPACE, SOFT HYPHEN, WORD JOINER and ZWNBSP/BOM (a ZWSP inside a word
    joins the word; it is not turned into a space).
    Leaves alone: ZWJ and ZWNJ (``normalize.joiners``), LRM/RLM (``normalize.bidi_marks``)."""
    return ""


INVISIBLE: Rule = _invisible


def _bidi_gate(text: str) -> bool:
    return ("\u200e" in text or "\u200f" in text) and RTL_RE.search(text) is None


@rule(
    "normalize.bidi_marks",
    kind="invisible",
    reason="LRM/RLM in text that holds no right-to-left script: no effect on display",
    pattern="[\u200e\u200f]+",
    triggers="\u200e\u200f",
    gate=_bidi_gate,
    fast_fn=char_map(dict.fromkeys("\u200e\u200f", "")),
)
def _bidi_marks(m: re.Match[str]) -> str:
    """Changes: deletes LEFT-TO-RIGHT MARK and RIGHT-TO-LEFT MARK when the text contains no right-to-left
    script (Hebrew, Arabic, Urdu, Syriac, Thaana, NKo, …).
    Leaves alone: both marks in any text with right-to-left script; embedding and isolate controls."""
    return ""


BIDI_MARKS: Rule = _bidi_marks


_SPACES_NOT_TAB = UNICODE_SPACES.replace("\t", "")


@rule(
    "normalize.spaces",
    kind="whitespace",
    reason="Unicode space: layout, not content; mapped to U+0020",
    pattern=f"[{_SPACES_NOT_TAB}]",
    triggers=_SPACES_NOT_TAB,
    fast_fn=char_map(dict.fromkeys(_SPACES_NOT_TAB, " ")),
    profiles=("safe",),
)
def _spaces(m: re.Match[str]) -> str:
    """Changes: NO-BREAK SPACE, NARROW NO-BREAK SPACE, the en/em/thin/hair/figure spaces, MEDIUM MATHEMATICAL
    SPACE, IDEOGRAPHIC SPACE and OGHAM SPACE MARK to U+0020; in the search profile TAB too.
    Leaves alone: TAB in the safe profile (it separates the cells of tables typed as text, and two TABs hold an
    empty cell: ``1251⇥⇥227``), line breaks, and zero-width characters (not spaces)."""
    return " "


SPACES: Rule = _spaces
SPACES_SEARCH: Rule = dataclasses.replace(
    _spaces,
    reason="Unicode space or TAB: layout, not content; mapped to U+0020 (TAB: search)",
    pattern=re.compile(f"[{UNICODE_SPACES}]"),
    triggers=frozenset(UNICODE_SPACES),
    fast_fn=char_map(dict.fromkeys(UNICODE_SPACES, " ")),
    profiles=frozenset({"search"}),
)


def _collapse_spaces(text: str, found: frozenset[str]) -> str:
    while "  " in text:
        text = text.replace("  ", " ")
    return text


@rule(
    "normalize.space_runs",
    kind="whitespace",
    reason="run of spaces collapsed to one",
    pattern=" {2,}",
    gate=lambda text: "  " in text,
    fast_fn=_collapse_spaces,
)
def _space_runs(m: re.Match[str]) -> str:
    """Changes: a run of two or more spaces (after ``normalize.spaces`` has mapped TAB, NBSP, …) to one,
    wherever it is (also at the start or end of a line, or of the text).
    Leaves alone: single spaces, line breaks and blank lines (a line of spaces keeps one space)."""
    return " "


SPACE_RUNS: Rule = _space_runs

# -- search profile ---------------------------------------------------------------------------------------

_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'"} | dict.fromkeys(
    "\u201c\u201d\u201e\u201f", '"'
)


@rule(
    "normalize.fold_quotes",
    kind="punctuation",
    reason="curly quotation mark folded to ASCII (search)",
    pattern="[\u2018-\u201f]",
    triggers="\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f",
    profiles=("search",),
)
def _fold_quotes(m: re.Match[str]) -> str:
    """Changes (search): ‘ ’ ‚ ‛ to ``'`` and “ ” „ ‟ to ``"``.
    Leaves alone: guillemets, primes, and every quote in the safe profile."""
    return _QUOTES[m.group()]


FOLD_QUOTES: Rule = _fold_quotes


@rule(
    "normalize.fold_dashes",
    kind="punctuation",
    reason="dash or minus sign folded to ASCII hyphen-minus (search)",
    pattern="[\u2010-\u2014\u2212]",
    triggers="\u2010\u2011\u2012\u2013\u2014\u2212",
    literal="-",
    profiles=("search",),
)
def _fold_dashes(m: re.Match[str]) -> str:
    """Changes (search): HYPHEN, NON-BREAKING HYPHEN, FIGURE DASH, EN DASH, EM DASH and MINUS SIGN to ``-``.
    Leaves alone: HORIZONTAL BAR, and every dash in the safe profile."""
    return "-"


FOLD_DASHES: Rule = _fold_dashes


@rule(
    "normalize.fold_ellipsis",
    kind="punctuation",
    reason="horizontal ellipsis spelled as three full stops (search)",
    pattern="\u2026",
    triggers="\u2026",
    literal="...",
    profiles=("search",),
)
def _fold_ellipsis(m: re.Match[str]) -> str:
    """Changes (search): ``…`` to ``...``.
    Leaves alone: ``…`` in the safe profile."""
    return "..."


ELLIPSIS: Rule = _fold_ellipsis
