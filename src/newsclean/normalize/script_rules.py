"""Devanagari normalisation rules of both profiles: joiners, mark order, vowel letters, doubled marks (the
danda rules are in :mod:`newsclean.normalize.danda_rules`, the visarga rules in
:mod:`newsclean.normalize.visarga`, the search-only folds in :mod:`newsclean.normalize.search_rules`).

Each rule's docstring says what it changes and what it leaves alone; ``docs/rules.md`` lists them all.
"""

from __future__ import annotations

import dataclasses
import re

from unicodedata2 import combining

from ..chars import (
    NON_SPACING_MARK_CLASS,
    NUKTA_LETTERS,
    VIRAMA,
    VOWEL_LETTER_SEQUENCES,
    VOWEL_SIGN_CLASS,
)
from .rule import Rule, rule

__all__ = [
    "DUP_MARKS",
    "DUP_NUKTA",
    "JOINERS",
    "JOINERS_SEARCH",
    "MARK_ORDER",
    "MARK_ORDER_STRESS",
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


# Hindi's nukta letters are क़ ख़ ग़ ज़ फ़ (loan sounds) and ड़ ढ़; ड़ ढ़ never begin a word, and after a vowel sign
# only they end one (पढ़े, थोड़ी).
_NUKTA_HOSTS = frozenset("\u0915\u0916\u0917\u091c\u0921\u0922\u092b")
_NATIVE_NUKTA_HOSTS = frozenset("\u0921\u0922")


def _nukta_may_move(s: str, i: int, j: int) -> bool:
    """Whether the nukta in the marks ``s[i:j]`` after the consonant ``s[i - 1]`` belongs on that consonant
    (a nukta typed after the vowel sign: पढे़ं, पीडि़त, जि़ला) rather than being a dot typed as a nukta
    (an abbreviation point: डॉ़, पी़, प्रो़; a full stop: रहेगा़) or a stray mark (हु़ए, गृ़ह)."""
    base = s[i - 1] if i else ""
    base = NUKTA_LETTERS.get(base, base)  # क़ U+0958 is क + nukta once NFC has run
    if base not in _NUKTA_HOSTS or "\u0943" in s[i:j]:  # no nukta letter takes ृ (गृ़ह)
        return False
    if base in _NATIVE_NUKTA_HOSTS:
        return i >= 2 and is_word(s[i - 2])  # not at the start of a word (डॉ़ is डॉ.)
    return j < len(s) and is_word(s[j])  # क़ ख़ ग़ ज़ फ़: not at the end of a word (रहेगा़, के़)


def _sort_marks(run: str) -> str:
    return "".join(sorted(run, key=lambda c: _MARK_KEY.get(c, 2)))


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
    NFC cannot do this: vowel signs, anusvara and candrabindu have combining class 0. A nukta typed after the
    vowel sign moves onto its consonant only where a Hindi nukta letter can stand: on क ख ग ज फ inside or at
    the start of a word (जि़ला -> ज़िला), on ड ढ inside or at the end of one (पढे़ं -> पढ़ें, थोडी़ -> थोड़ी).
    Leaves alone: marks already in order (हैं, में, ज़्या), the order of two vowel signs, and a nukta that is a
    dot typed after a sign: on a consonant with no nukta letter (प्रो़, पी़, हु़ए), on ड/ढ at the start of a
    word (डॉ़, डा़: the abbreviation point), on क ख ग ज फ at the end of a word (रहेगा़, के़), or after ृ
    (गृ़ह); the other marks around it are still ordered."""
    run = m.group()
    if "\u093c" in run.lstrip("\u093c") and not _nukta_may_move(m.string, m.start(), m.end()):
        return "\u093c".join(map(_sort_marks, run.split("\u093c")))
    return _sort_marks(run)


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
