"""Devanagari normalisation rules of both profiles: joiners, mark order, vowel letters, doubled marks, danda,
visarga (the search-only folds are in :mod:`newsclean.normalize.search_rules`).

Each rule's docstring says what it changes and what it leaves alone; ``docs/rules.md`` lists them all.
"""

from __future__ import annotations

import dataclasses
import re

from unicodedata2 import combining

from ..chars import (
    DEVANAGARI_DIGITS,
    LETTER_CLASS,
    NON_SPACING_MARK_CLASS,
    VIRAMA,
    VOWEL_LETTER_SEQUENCES,
    VOWEL_SIGN_CLASS,
    WORD_CLASS,
)
from .rule import Rule, rule

__all__ = [
    "COLON_TO_VISARGA",
    "DOUBLE_DANDA",
    "DUP_MARKS",
    "DUP_NUKTA",
    "JOINERS",
    "JOINERS_SEARCH",
    "MARK_ORDER",
    "MARK_ORDER_STRESS",
    "PIPE_TO_DANDA",
    "VOWEL_LETTERS",
    "is_word",
    "prev_char",
]


def is_word(ch: str) -> bool:
    """A Devanagari letter or mark (not danda, digit or abbreviation sign)."""
    return "\u0900" <= ch <= "\u0963" or "\u0971" <= ch <= "\u097f"


def prev_char(m: re.Match[str]) -> str:
    i = m.start()
    return m.string[i - 1] if i else ""


def _no_url(text: str) -> bool:
    return "://" not in text and "www." not in text


def _in_url(s: str, i: int) -> bool:
    """Whether position ``i`` sits in a URL-like token (looks back at most 256 characters)."""
    lo = max(0, i - 256)
    k = max(s.rfind(" ", lo, i), s.rfind("\n", lo, i))
    token = s[(k + 1 if k >= 0 else lo) : i]
    return "://" in token or token.startswith("www.")


# -- joiners --------------------------------------------------------------------------------------------


_NASALS = "\u0900\u0901\u0902\u0903"
_STRESS = "\u0951-\u0954"
_RUN_MARKS = f"{VOWEL_SIGN_CLASS}\u093c\u094d{_NASALS}{_STRESS}"
_SIGNS_VIRAMA = f"{VOWEL_SIGN_CLASS}\u094d"
# Gates for "two adjacent marks out of the encoded order", each led by a literal so the scan is fast:
# a vowel sign or nasal sign before a nukta, and a nasal sign before a vowel sign or virama. The stress marks
# are rare characters: the rule runs whenever one is present (MARK_ORDER_STRESS).
_NUKTA_AFTER_MARK = re.compile(f"\u093c(?<=[{VOWEL_SIGN_CLASS}{_NASALS}]\u093c)")
_NASAL_BEFORE_SIGN = tuple(re.compile(f"{nasal}[{_SIGNS_VIRAMA}]") for nasal in _NASALS)
_MARK_KEY = {"\u093c": 0, "\u0951": 5, "\u0953": 5, "\u0954": 5, "\u0952": 4} | dict.fromkeys(_NASALS, 3)
_RUN_SET = frozenset(re.findall(f"[{_RUN_MARKS}]", "".join(map(chr, range(0x900, 0x980)))))


def _prev_after_nfc(s: str, i: int) -> str:
    """The character that will precede position ``i`` once ``normalize.mark_order`` and NFC have reordered
    the marks before it."""
    k = i - 1
    if k < 0:
        return ""
    if s[k] in _RUN_SET:
        j = k
        while j >= 0 and k - j < 32 and s[j] in _RUN_SET:
            j -= 1
        if j < 0 or not combining(s[j]):  # a run of Devanagari marks only: sorted as mark_order sorts it
            return max(reversed(s[j + 1 : i]), key=lambda c: _MARK_KEY.get(c, 2))
    best, best_ccc = s[k], combining(s[k])
    while best_ccc and k >= 0 and i - k <= 32 and combining(s[k]):
        if combining(s[k]) > best_ccc:
            best, best_ccc = s[k], combining(s[k])
        k -= 1
    return best


def _next_after_nfc(s: str, j: int) -> str:
    """The character that will follow position ``j`` once NFC has reordered the marks after it."""
    n = len(s)
    if j >= n:
        return ""
    best, best_ccc = s[j], combining(s[j])
    k = j
    while best_ccc and k < n and k - j < 32 and combining(s[k]):
        if combining(s[k]) < best_ccc:
            best, best_ccc = s[k], combining(s[k])
        k += 1
    return best


def _joiners(m: re.Match[str], *, keep_after_virama: bool) -> str:
    s, i, j = m.string, m.start(), m.end()
    prev = _prev_after_nfc(s, i)
    if prev == VIRAMA and keep_after_virama:
        return m.group()[0]
    nxt = _next_after_nfc(s, j)
    if is_word(prev) or is_word(nxt):
        return ""
    return m.group()


@rule(
    "normalize.joiners",
    kind="invisible",
    reason="ZWJ/ZWNJ next to Devanagari outside a virama context: no effect on rendering",
    pattern="[\u200c\u200d]+",
    triggers="\u200c\u200d",
    profiles=("safe",),
)
def _joiners_safe(m: re.Match[str]) -> str:
    """Changes: deletes ZWJ/ZWNJ next to a Devanagari character, except the first one directly after a virama
    (क्‍ष asks for a half form, क्‌ष for a visible virama); repeats after a virama collapse to the first.
    Leaves alone: that one joiner after a virama; joiners in emoji sequences and other scripts."""
    return _joiners(m, keep_after_virama=True)


JOINERS: Rule = _joiners_safe


@rule(
    "normalize.joiners_search",
    kind="invisible",
    reason="ZWJ/ZWNJ next to Devanagari deleted, after a virama too (search)",
    pattern="[\u200c\u200d]+",
    triggers="\u200c\u200d",
    profiles=("search",),
)
def _joiners_search(m: re.Match[str]) -> str:
    """Changes (search): deletes every ZWJ/ZWNJ next to a Devanagari character, after a virama too, so the
    half-form and conjunct spellings of a word match.
    Leaves alone: joiners in emoji sequences and other scripts."""
    return _joiners(m, keep_after_virama=False)


JOINERS_SEARCH: Rule = _joiners_search

# -- mark order and vowel letters -------------------------------------------------------------------------


# NFC moves a nukta typed after a virama before it; if a vowel or nasal sign precedes the virama, the nukta
# then follows that sign, so such runs are sorted here already (virama + nukta is rare in real text)
_SIGN_VIRAMA_NUKTA = re.compile(f"[{VOWEL_SIGN_CLASS}{_NASALS}][\u094d\u093c]*\u094d\u093c")


def _mark_order_gate(text: str) -> bool:
    return (
        _NUKTA_AFTER_MARK.search(text) is not None
        or any(p.search(text) for p in _NASAL_BEFORE_SIGN)
        or ("\u094d\u093c" in text and _SIGN_VIRAMA_NUKTA.search(text) is not None)
    )


@rule(
    "normalize.mark_order",
    kind="script",
    reason="marks in the order the standard encodes (nukta before a vowel sign; anusvara/candrabindu after it)",
    pattern=f"(?<![{_RUN_MARKS}])[{_RUN_MARKS}]{{2,}}",
    gate=_mark_order_gate,
)
def _mark_order(m: re.Match[str]) -> str:
    """Changes: the marks after a Devanagari consonant to the encoded order: nukta first, then the vowel sign
    (or virama), then anusvara/candrabindu/visarga, then the stress marks: ज+ि+़ -> ज+़+ि, क+ं+ा -> क+ा+ं.
    NFC cannot do this: vowel signs, anusvara and candrabindu have combining class 0.
    Leaves alone: marks already in order (हैं, में, ज़्या), and the order of two vowel signs."""
    run = m.group()
    return "".join(sorted(run, key=lambda c: _MARK_KEY.get(c, 2)))


MARK_ORDER: Rule = _mark_order
MARK_ORDER_STRESS: Rule = dataclasses.replace(
    _mark_order, gate=None, triggers=frozenset("\u0951\u0952\u0953\u0954")
)

_AA_SECOND = "\u093a\u0945\u0946\u0947\u0948"
_VOWEL_PAIRS = (
    "\u0905[\u093a\u093b\u093e\u0945\u0946\u0949\u094a\u094b\u094c\u094f\u0956\u0957]",
    f"\u0906[{_AA_SECOND}]",
    "\u0909\u0941",
    "\u090f[\u0945-\u0947]",
    "\u0930\u094d+\u0907",
)
# अ+ा+sign comes first so it wins over अ+ा; the gates need no entry for it (it starts with the pair अ+ा)
_VOWEL_PATTERN = "|".join([f"\u0905\u093e[{_AA_SECOND}]", *_VOWEL_PAIRS])
_VOWEL_GATES = tuple(re.compile(p) for p in _VOWEL_PAIRS)


def _vowel_letters_gate(text: str) -> bool:
    return any(p.search(text) is not None for p in _VOWEL_GATES)


@rule(
    "normalize.vowel_letters",
    kind="script",
    reason='two-part spelling of a vowel letter that the Unicode Standard says "do not use" (Table 12-1)',
    pattern=_VOWEL_PATTERN,
    gate=_vowel_letters_gate,
)
def _vowel_letters(m: re.Match[str]) -> str:
    """Changes: the "do not use" spellings of Table 12-1 to the vowel letter: अ+ा -> आ, अ+ॉ -> ऑ, आ+ॅ -> ऑ,
    अ+ो -> ओ, आ+े -> ओ, अ+ौ -> औ, आ+ै -> औ, ए+े -> ऐ, ए+ॅ -> ऍ, ए+ॆ -> ऎ, उ+ु -> ऊ, र्+इ -> ई, अ+ॆ -> ऄ,
    अ+ॊ / आ+ॆ -> ऒ, अ+ॅ -> ॲ and the rarer ॳ ॴ ॵ ॶ ॷ (and अ+ा+े, which is आ+े).
    Leaves alone: every other letter + sign pair, and vowel signs after consonants."""
    s = m.group()
    if s[0] == "\u0930":  # र + virama(s) + इ
        return "\u0908"
    if len(s) == 3 and s[1] == "\u093e":
        return VOWEL_LETTER_SEQUENCES["\u0906" + s[2]]
    return VOWEL_LETTER_SEQUENCES[s]


VOWEL_LETTERS: Rule = _vowel_letters

# -- doubled marks ----------------------------------------------------------------------------------------


_DUP_GATE = re.compile(f"([{NON_SPACING_MARK_CLASS}])\\1")


@rule(
    "normalize.dup_marks",
    kind="script",
    reason="identical non-spacing mark repeated inside a Devanagari cluster renders as one",
    pattern=f"([{NON_SPACING_MARK_CLASS}])\\1+",
    gate=lambda text: _DUP_GATE.search(text) is not None,
)
def _dup_marks(m: re.Match[str]) -> str:
    """Changes: a repeated identical non-spacing mark (anusvara, candrabindu, nukta, virama, the u/uu/e/ai
    signs, …) after a Devanagari character to one (में+ं -> में); an extra nukta on ऩ ऱ ऴ is dropped.
    Leaves alone: repeated spacing vowel signs (ा ि ी ो: elongation, see ``normalize.elongation``),
    different marks, and marks on non-Devanagari bases (Unicode's own tests double marks on Latin letters)."""
    return m.group(1) if is_word(prev_char(m)) else m.group()


DUP_MARKS: Rule = _dup_marks
DUP_NUKTA: Rule = dataclasses.replace(
    _dup_marks,
    pattern=re.compile("([\u0929\u0931\u0934])\u093c+"),
    repl="\\1",
    gate=None,
    triggers=frozenset("\u0929\u0931\u0934"),
)

# -- danda and visarga -------------------------------------------------------------------------------------

_BEFORE_PIPE = f"[{WORD_CLASS}{DEVANAGARI_DIGITS}]"


@rule(
    "normalize.double_danda",
    kind="punctuation",
    reason="two dandas (or pipes typed for them) are the double danda U+0965",
    pattern=f"\\|(?<={_BEFORE_PIPE}\\|)[|\u0964]|\u0964(?:(?<={_BEFORE_PIPE}\u0964)\\||\u0964)",
    gate=lambda text: "|" in text or "\u0964\u0964" in text,
    literal="\u0965",
    literal_when=_no_url,
)
def _double_danda(m: re.Match[str]) -> str:
    """Changes: ``।।`` to ``॥`` anywhere; ``||`` (or ``|।``, ``।|``) glued to the end of a Devanagari word to ``॥``.
    Leaves alone: ``||`` after Latin, digits or a space, and inside URLs; ``॥`` itself."""
    if "|" in m.group() and _in_url(m.string, m.start()):
        return m.group()
    return "\u0965"


DOUBLE_DANDA: Rule = _double_danda


@rule(
    "normalize.pipe_to_danda",
    kind="punctuation",
    reason="ASCII | typed for the danda directly after a Devanagari word",
    # after a word, or after a quote or closing bracket that follows a word (…बढ़ेगा”|)
    pattern=(
        f"\\|(?:(?<={_BEFORE_PIPE}\\|)|(?<={_BEFORE_PIPE}[\"'\u2018-\u201f)\\]]\\|))"
        f"(?=[\\s\"'\u2018-\u201f)\\]}}\u0900-\u097f]|\\Z)"
    ),
    triggers="|",
    literal="\u0964",
    literal_when=_no_url,
)
def _pipe_to_danda(m: re.Match[str]) -> str:
    """Changes: ``|`` glued to the end of a Devanagari word (letter, mark or Devanagari digit before it, or such a
    word and a closing quote or bracket; space, end of text, quote, bracket or Devanagari after it) to ``।``.
    Leaves alone: ``|`` after Latin or ASCII digits, after a space (`` | ``; see ``normalize.spaced_pipe``), before
    Latin text, and inside URLs."""
    return m.group() if _in_url(m.string, m.start()) else "\u0964"


PIPE_TO_DANDA: Rule = _pipe_to_danda


@rule(
    "normalize.colon_to_visarga",
    kind="script",
    reason="ASCII colon between two Devanagari letters with no space is the visarga U+0903",
    pattern=f":(?<=[{WORD_CLASS}]:)(?<![{_STRESS}]:)(?=[{LETTER_CLASS}])",
    gate=":",
    literal="\u0903",
)
def _colon_to_visarga(m: re.Match[str]) -> str:
    """Changes: ``:`` with a Devanagari letter or mark before it and a Devanagari letter after it, no space
    (दु:ख -> दुःख, अंत:करण -> अंतःकरण).
    Leaves alone: a colon followed by a space (``यह भी पढ़ें: …``, ``नाम: …``), between digits (``10:30``,
    ``१०:३०``), or next to Latin."""
    return "\u0903"


COLON_TO_VISARGA: Rule = _colon_to_visarga
