"""Devanagari normalisation rules: joiners, mark order, vowel letters, doubled marks, danda, visarga, folds.

Each rule's docstring says what it changes and what it leaves alone; ``docs/rules.md`` lists them all.
"""

from __future__ import annotations

import re

from .chars import (
    CONSONANT_CLASS,
    DEVANAGARI_DIGITS,
    LETTER_CLASS,
    NON_SPACING_MARK_CLASS,
    SPACING_VOWEL_SIGN_CLASS,
    VIRAMA,
    VOWEL_LETTER_SEQUENCES,
    VOWEL_SIGN_CLASS,
    WORD_CLASS,
)
from .normalize_rule import Rule, rule

__all__ = [
    "CANDRABINDU",
    "CANDRA_O",
    "COLON_TO_VISARGA",
    "DIGITS",
    "DOUBLE_DANDA",
    "DUP_MARKS",
    "ELONGATION",
    "FINAL_TA_VISARGA",
    "I_SIGN",
    "JOINERS",
    "JOINERS_SEARCH",
    "MARK_ORDER",
    "NASAL_ANUSVARA",
    "NUKTA_LOAN",
    "PIPE_TO_DANDA",
    "SPACED_PIPE",
    "VOWEL_LETTERS",
]


def _is_deva(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f"


def _prev(m: re.Match[str]) -> str:
    i = m.start()
    return m.string[i - 1] if i else ""


def _in_url(s: str, i: int) -> bool:
    """Whether position ``i`` sits in a URL-like token (looks back at most 256 characters)."""
    lo = max(0, i - 256)
    k = max(s.rfind(" ", lo, i), s.rfind("\n", lo, i))
    token = s[(k + 1 if k >= 0 else lo) : i]
    return "://" in token or token.startswith("www.")


# -- joiners --------------------------------------------------------------------------------------------


def _joiners(m: re.Match[str], *, keep_after_virama: bool) -> str:
    s, i, j = m.string, m.start(), m.end()
    prev = s[i - 1] if i else ""
    if prev == VIRAMA and keep_after_virama:
        return m.group()[0]
    nxt = s[j] if j < len(s) else ""
    if _is_deva(prev) or _is_deva(nxt):
        return ""
    return m.group()


@rule(
    "normalize.joiners",
    kind="invisible",
    reason="ZWJ/ZWNJ next to Devanagari outside a virama context: no effect on rendering",
    pattern="[\u200c\u200d]+",
    gate="\u200c\u200d",
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
    gate="\u200c\u200d",
    profiles=("search",),
)
def _joiners_search(m: re.Match[str]) -> str:
    """Changes (search): deletes every ZWJ/ZWNJ next to a Devanagari character, after a virama too, so the
    half-form and conjunct spellings of a word match.
    Leaves alone: joiners in emoji sequences and other scripts."""
    return _joiners(m, keep_after_virama=False)


JOINERS_SEARCH: Rule = _joiners_search

# -- mark order and vowel letters -------------------------------------------------------------------------


@rule(
    "normalize.mark_order",
    kind="script",
    reason="marks in the order the standard encodes (nukta before a vowel sign; anusvara/candrabindu after it)",
    pattern=f"([{VOWEL_SIGN_CLASS}])(\u093c)|([\u0901\u0902])([{VOWEL_SIGN_CLASS}])",
)
def _mark_order(m: re.Match[str]) -> str:
    """Changes: a nukta typed after a vowel sign moves before it (ज+ि+़ -> ज+़+ि); an anusvara or candrabindu
    typed before a vowel sign moves after it (क+ं+ा -> क+ा+ं). NFC cannot fix these: vowel signs have
    combining class 0.
    Leaves alone: marks already in order; virama/nukta order (NFC reorders those)."""
    if m.group(1):
        return m.group(2) + m.group(1)
    return m.group(4) + m.group(3)


MARK_ORDER: Rule = _mark_order

_AA_SECOND = "\u093a\u0945\u0946\u0947\u0948"
_VOWEL_PATTERN = "|".join(
    [
        f"\u0905\u093e[{_AA_SECOND}]",
        "\u0905[\u093a\u093b\u093e\u0945\u0946\u0949\u094a\u094b\u094c\u094f\u0956\u0957]",
        f"\u0906[{_AA_SECOND}]",
        "\u0909\u0941",
        "\u090f[\u0945-\u0947]",
        "\u0930\u094d\u0907",
    ]
)


@rule(
    "normalize.vowel_letters",
    kind="script",
    reason='two-part spelling of a vowel letter that the Unicode Standard says "do not use" (Table 12-1)',
    pattern=_VOWEL_PATTERN,
)
def _vowel_letters(m: re.Match[str]) -> str:
    """Changes: the "do not use" spellings of Table 12-1 to the vowel letter: अ+ा -> आ, अ+ॉ -> ऑ, आ+ॅ -> ऑ,
    अ+ो -> ओ, आ+े -> ओ, अ+ौ -> औ, आ+ै -> औ, ए+े -> ऐ, ए+ॅ -> ऍ, ए+ॆ -> ऎ, उ+ु -> ऊ, र्+इ -> ई, अ+ॆ -> ऄ,
    अ+ॊ / आ+ॆ -> ऒ, अ+ॅ -> ॲ and the rarer ॳ ॴ ॵ ॶ ॷ (and अ+ा+े, which is आ+े).
    Leaves alone: every other letter + sign pair, and vowel signs after consonants."""
    s = m.group()
    if len(s) == 3 and s[1] == "\u093e":
        return VOWEL_LETTER_SEQUENCES["\u0906" + s[2]]
    return VOWEL_LETTER_SEQUENCES[s]


VOWEL_LETTERS: Rule = _vowel_letters

# -- doubled marks ----------------------------------------------------------------------------------------


@rule(
    "normalize.dup_marks",
    kind="script",
    reason="identical non-spacing mark repeated inside a Devanagari cluster renders as one",
    pattern=f"([{NON_SPACING_MARK_CLASS}])\\1+|([\u0929\u0931\u0934])\u093c+",
)
def _dup_marks(m: re.Match[str]) -> str:
    """Changes: a repeated identical non-spacing mark (anusvara, candrabindu, nukta, virama, the u/uu/e/ai
    signs, …) after a Devanagari character to one (में+ं -> में); an extra nukta on ऩ ऱ ऴ is dropped.
    Leaves alone: repeated spacing vowel signs (ा ि ी ो: elongation, see ``normalize.elongation``),
    different marks, and marks on non-Devanagari bases (Unicode's own tests double marks on Latin letters)."""
    if m.group(2):
        return m.group(2)
    return m.group(1) if _is_deva(_prev(m)) else m.group()


DUP_MARKS: Rule = _dup_marks

# -- danda and visarga -------------------------------------------------------------------------------------

_BEFORE_PIPE = f"[{WORD_CLASS}{DEVANAGARI_DIGITS}]"


@rule(
    "normalize.double_danda",
    kind="punctuation",
    reason="two dandas (or pipes typed for them) are the double danda U+0965",
    pattern=f"(?<={_BEFORE_PIPE})(?:\\|\\||\\|\u0964|\u0964\\|)|\u0964\u0964",
    gate=lambda text: "|" in text or "\u0964\u0964" in text,
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
    pattern=f"(?<={_BEFORE_PIPE})\\|(?=[\\s\"'\u201d\u2019)\\]}}\u0900-\u097f]|\\Z)",
    gate="|",
)
def _pipe_to_danda(m: re.Match[str]) -> str:
    """Changes: ``|`` glued to the end of a Devanagari word (letter, mark or Devanagari digit before it; space,
    end of text, closing quote/bracket or Devanagari after it) to ``।``.
    Leaves alone: ``|`` after Latin or ASCII digits, after a space (`` | ``; see ``normalize.spaced_pipe``), before
    Latin text, and inside URLs."""
    return m.group() if _in_url(m.string, m.start()) else "\u0964"


PIPE_TO_DANDA: Rule = _pipe_to_danda


@rule(
    "normalize.colon_to_visarga",
    kind="script",
    reason="ASCII colon between two Devanagari letters with no space is the visarga U+0903",
    pattern=f"(?<=[{WORD_CLASS}]):(?=[{LETTER_CLASS}])",
    gate=":",
)
def _colon_to_visarga(m: re.Match[str]) -> str:
    """Changes: ``:`` with a Devanagari letter or mark before it and a Devanagari letter after it, no space
    (दु:ख -> दुःख, अंत:करण -> अंतःकरण).
    Leaves alone: a colon followed by a space (``यह भी पढ़ें: …``, ``नाम: …``), between digits (``10:30``,
    ``१०:३०``), or next to Latin."""
    return "\u0903"


COLON_TO_VISARGA: Rule = _colon_to_visarga

# -- search profile ------------------------------------------------------------------------------------------


@rule(
    "normalize.spaced_pipe",
    kind="punctuation",
    reason="a spaced | between Devanagari words used as a danda (search)",
    pattern=f"(?<=[{WORD_CLASS}]) \\|(?= [{WORD_CLASS}])",
    gate="|",
    profiles=("search",),
)
def _spaced_pipe(m: re.Match[str]) -> str:
    """Changes (search): `` | `` between two Devanagari words to ``। `` (राम | श्याम -> राम। श्याम).
    Leaves alone: pipes between Latin words or digits, and the safe profile."""
    return "\u0964"


SPACED_PIPE: Rule = _spaced_pipe


@rule(
    "normalize.final_ta_visarga",
    kind="script",
    reason="word-final त: is तः (अतः, स्वतः) (search)",
    pattern=f"(?<=[{WORD_CLASS}]\u0924):(?=[\\s\"'\u201d\u2019),.;!?\u0964\u0965]|\\Z)",
    gate=":",
    profiles=("search",),
)
def _final_ta_visarga(m: re.Match[str]) -> str:
    """Changes (search): a colon at the end of a word ending in त (अत: -> अतः, स्वत: -> स्वतः).
    Leaves alone: other word-final colons (``पढ़ें:``), and the safe profile."""
    return "\u0903"


FINAL_TA_VISARGA: Rule = _final_ta_visarga

_DIGITS = str.maketrans(DEVANAGARI_DIGITS, "0123456789")


@rule(
    "normalize.fold_digits",
    kind="digits",
    reason="Devanagari digits folded to ASCII digits (search)",
    pattern=f"[{DEVANAGARI_DIGITS}]+",
    profiles=("search",),
)
def _fold_digits(m: re.Match[str]) -> str:
    """Changes (search): ० … ९ to 0 … 9.
    Leaves alone: other scripts' digits, and the safe profile."""
    return m.group().translate(_DIGITS)


DIGITS: Rule = _fold_digits


@rule(
    "normalize.fold_nukta_loan",
    kind="script",
    reason="optional nukta of a Perso-Arabic loan sound dropped (search)",
    pattern="([\u0915\u0916\u0917\u091c\u092b])\u093c",
    gate="\u093c",
    profiles=("search",),
)
def _fold_nukta_loan(m: re.Match[str]) -> str:
    """Changes (search): क़ ख़ ग़ ज़ फ़ to क ख ग ज फ (ज़िंदगी -> जिंदगी).
    Leaves alone: ड़ ढ़ (native Hindi letters), य़ ऩ ऱ ऴ, and the safe profile."""
    return m.group(1)


NUKTA_LOAN: Rule = _fold_nukta_loan


@rule(
    "normalize.fold_candrabindu",
    kind="script",
    reason="candrabindu folded to anusvara (search)",
    pattern="[\u0901\u0902]*\u0901[\u0901\u0902]*",
    gate="\u0901",
    profiles=("search",),
)
def _fold_candrabindu(m: re.Match[str]) -> str:
    """Changes (search): candrabindu to anusvara (हँसी -> हंसी); a mixed run of both becomes one anusvara.
    Leaves alone: anusvara, and the safe profile."""
    return "\u0902"


CANDRABINDU: Rule = _fold_candrabindu


@rule(
    "normalize.fold_candra_o",
    kind="script",
    reason="candra o folded to aa (search)",
    pattern="[\u0949\u0911]",
    gate="\u0949\u0911",
    profiles=("search",),
)
def _fold_candra_o(m: re.Match[str]) -> str:
    """Changes (search): ॉ to ा and ऑ to आ (डॉक्टर -> डाक्टर).
    Leaves alone: candra e (ॅ ऍ), and the safe profile."""
    return "\u093e" if m.group() == "\u0949" else "\u0906"


CANDRA_O: Rule = _fold_candra_o

_NASAL_PATTERN = "|".join(
    f"{nasal}\u094d(?=[{row}])"
    for nasal, row in (
        ("\u0919", "\u0915-\u0918"),
        ("\u091e", "\u091a-\u091d"),
        ("\u0923", "\u091f-\u0922"),
        ("\u0928", "\u0924-\u0927"),
        ("\u092e", "\u092a-\u092d"),
    )
)


@rule(
    "normalize.nasal_to_anusvara",
    kind="script",
    reason="nasal consonant + virama before a consonant of its own class written as anusvara (search)",
    pattern=_NASAL_PATTERN,
    gate=VIRAMA,
    profiles=("search",),
)
def _nasal_to_anusvara(m: re.Match[str]) -> str:
    """Changes (search): ङ्क ञ्च ण्ड न्त म्ब … (nasal + virama before a stop of the same class) to the anusvara
    (हिन्दी -> हिंदी, सम्बन्ध -> संबंध).
    Leaves alone: न्य म्म न्म न्ह (उन्होंने), nasal + consonant of another class, and the safe profile."""
    return "\u0902"


NASAL_ANUSVARA: Rule = _nasal_to_anusvara


@rule(
    "normalize.elongation",
    kind="script",
    reason="repeated spacing vowel sign (elongation) collapsed (search)",
    pattern=f"([{SPACING_VOWEL_SIGN_CLASS}])\\1+",
    profiles=("search",),
)
def _elongation(m: re.Match[str]) -> str:
    """Changes (search): a spacing vowel sign repeated after a Devanagari character to one (अच्छाााा -> अच्छा).
    Leaves alone: different signs in a row, and the safe profile (elongation is kept there)."""
    return m.group(1) if _is_deva(_prev(m)) else m.group()


ELONGATION: Rule = _elongation


@rule(
    "normalize.i_sign_order",
    kind="script",
    reason="i-sign typed before its consonant (legacy typing order) moved after it (search)",
    pattern=f"(?<![\u0900-\u097f])\u093f((?:[{CONSONANT_CLASS}]\u093c?\u094d)*[{CONSONANT_CLASS}]\u093c?)",
    gate="\u093f",
    profiles=("search",),
)
def _i_sign_order(m: re.Match[str]) -> str:
    """Changes (search): ि at the start of a word, before a consonant (cluster), moved after it: िकताब -> किताब,
    िप्रय -> प्रिय.
    Leaves alone: ि after its consonant (the encoded order), and the safe profile."""
    return m.group(1) + "\u093f"


I_SIGN: Rule = _i_sign_order
