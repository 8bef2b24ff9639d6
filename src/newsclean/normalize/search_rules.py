"""Devanagari folds of the search profile: spaced pipe, digits, loan nukta, candrabindu, candra o,
nasal conjuncts, elongation and the i-sign typed first.

Each rule's docstring says what it changes and what it leaves alone; ``docs/rules.md`` lists them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..chars import (
    CONSONANT_CLASS,
    DEVANAGARI_DIGITS,
    SPACING_VOWEL_SIGN_CLASS,
    VOWEL_LETTER_SEQUENCES,
    WORD_CLASS,
)
from .danda_rules import PipeLines
from .rule import Rule, rule
from .script_rules import is_word, prev_char

__all__ = [
    "CANDRABINDU",
    "CANDRA_O",
    "CANDRA_O_SIGN",
    "DIGITS",
    "ELONGATION",
    "I_SIGN",
    "NASAL_ANUSVARA",
    "NUKTA_LOAN",
    "SPACED_PIPE",
]


def _spaced_pipe_repl(text: str) -> Callable[[re.Match[str]], str]:
    lines = PipeLines(text)

    def repl(m: re.Match[str]) -> str:
        i = m.start()
        return m.group() if lines.table_row(i) or lines.short_lead(i) else "\u0964"

    return repl


@rule(
    "normalize.spaced_pipe",
    kind="punctuation",
    reason="a spaced | between Devanagari words used as a danda (search)",
    pattern=f"\\|(?<=[{WORD_CLASS}] \\|)(?= [{WORD_CLASS}])",
    triggers="|",
    profiles=("search",),
    bind=_spaced_pipe_repl,
)
def _spaced_pipe(m: re.Match[str]) -> str:
    """Changes (search): the ``|`` of `` | `` between two Devanagari words, after a sentence, to ``।``
    (राम घर से निकला | श्याम आया -> राम घर से निकला । श्याम आया).
    Leaves alone: pipes between Latin words or digits; a pipe in a table row (``| शहर | तापमान |``); a pipe after
    at most three words at the start of a line (a dateline or byline: ``भास्कर न्यूज | चतरा``,
    ``जयपुर | राजस्थान में …``); and the safe profile."""
    return _spaced_pipe_repl(m.string)(m)


SPACED_PIPE: Rule = _spaced_pipe


_DIGITS = str.maketrans(DEVANAGARI_DIGITS, "0123456789")
_DIGIT_RE = re.compile(f"[{DEVANAGARI_DIGITS}]")


@rule(
    "normalize.fold_digits",
    kind="digits",
    reason="Devanagari digits folded to ASCII digits (search)",
    pattern=f"[{DEVANAGARI_DIGITS}]+",
    gate=lambda text: _DIGIT_RE.search(text) is not None,
    profiles=("search",),
)
def _fold_digits(m: re.Match[str]) -> str:
    """Changes (search): ० … ९ to 0 … 9.
    Leaves alone: a lone ० right after a Devanagari letter or mark, typed for the abbreviation sign ॰
    (``डॉ०``, ``एस० एन० सिंह``: not a number); other scripts' digits; and the safe profile."""
    run = m.group()
    if run == "\u0966" and is_word(prev_char(m)):
        return run
    return run.translate(_DIGITS)


DIGITS: Rule = _fold_digits


@rule(
    "normalize.fold_nukta_loan",
    kind="script",
    reason="optional nukta of a Perso-Arabic loan sound dropped (search)",
    pattern="\u093c(?<=[\u0915\u0916\u0917\u091c\u092b]\u093c)",  # led by the nukta: a fast scan
    template="",
    profiles=("search",),
)
def _fold_nukta_loan(m: re.Match[str]) -> str:
    """Changes (search): deletes the nukta of क़ ख़ ग़ ज़ फ़ (ज़िंदगी -> जिंदगी).
    Leaves alone: ड़ ढ़ (native Hindi letters), य़ ऩ ऱ ऴ, and the safe profile."""
    return ""


NUKTA_LOAN: Rule = _fold_nukta_loan


@rule(
    "normalize.fold_candrabindu",
    kind="script",
    reason="candrabindu folded to anusvara (search)",
    pattern="[\u0901\u0902]*\u0901[\u0901\u0902]*",
    gate="\u0901",
    literal="\u0902",
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
    pattern="\u0949",
    gate="\u0949",
    literal="\u093e",
    profiles=("search",),
)
def _fold_candra_o_sign(m: re.Match[str]) -> str:
    """Changes (search): the vowel sign ॉ to ा (डॉक्टर -> डाक्टर).
    Leaves alone: candra e (ॅ), and the safe profile."""
    return "\u093e"


@rule(
    "normalize.fold_candra_o",
    kind="script",
    reason="candra o folded to aa (search)",
    pattern="\u0911[\u093a\u0945-\u0948]*",
    gate="\u0911",
    profiles=("search",),
)
def _fold_candra_o(m: re.Match[str]) -> str:
    """Changes (search): the letter ऑ to आ (ऑफ़िस -> आफ़िस); signs after it that would make a "do not use"
    spelling with आ are joined as ``normalize.vowel_letters`` would (ऑ+े -> ओ).
    Leaves alone: candra e (ऍ), and the safe profile."""
    s = m.group()
    letter = "\u0906"
    for i, sign in enumerate(s[1:], 1):
        if letter != "\u0906":
            return letter + s[i:]
        letter = VOWEL_LETTER_SEQUENCES["\u0906" + sign]
        letter = "\u0906" if letter == "\u0911" else letter
    return letter


CANDRA_O_SIGN: Rule = _fold_candra_o_sign
CANDRA_O: Rule = _fold_candra_o

_NASAL_CONJUNCTS = "|".join(
    f"{nasal}\u094d(?=[{row}])"
    for nasal, row in (
        ("\u0919", "\u0915-\u0918"),
        ("\u091e", "\u091a-\u091d"),
        ("\u0923", "\u091f-\u0922"),
        ("\u0928", "\u0924-\u0927"),
        ("\u092e", "\u092a-\u092d"),
    )
)
_NASAL_RE = re.compile(_NASAL_CONJUNCTS)


def _nasal_repl(m: re.Match[str]) -> str:
    return "" if prev_char(m) == "\u0902" else "\u0902"


def _nasal_fast(text: str, found: frozenset[str]) -> str:
    """``re.sub`` with the literal anusvara, unless a conjunct followed an anusvara (then ``ंं`` shows)."""
    new = _NASAL_RE.sub("\u0902", text)
    if "\u0902\u0902" in new:
        new = _NASAL_RE.sub(_nasal_repl, text)
    return new


@rule(
    "normalize.nasal_to_anusvara",
    kind="script",
    reason="nasal consonant + virama before a consonant of its own class written as anusvara (search)",
    pattern=_NASAL_RE,
    fast_fn=_nasal_fast,
    profiles=("search",),
)
def _nasal_to_anusvara(m: re.Match[str]) -> str:
    """Changes (search): ङ्क ञ्च ण्ड न्त म्ब … (nasal + virama before a stop of the same class) to the anusvara
    (हिन्दी -> हिंदी, सम्बन्ध -> संबंध); after an anusvara typed just before it, the conjunct is the same nasal
    written twice and goes (हिंन्दी -> हिंदी).
    Leaves alone: न्य म्म न्म न्ह (उन्होंने), nasal + consonant of another class, and the safe profile."""
    return _nasal_repl(m)


NASAL_ANUSVARA: Rule = _nasal_to_anusvara


_ELONGATION_GATE = re.compile(f"([{SPACING_VOWEL_SIGN_CLASS}])\\1")


@rule(
    "normalize.elongation",
    kind="script",
    reason="repeated spacing vowel sign (elongation) collapsed (search)",
    pattern=f"([{SPACING_VOWEL_SIGN_CLASS}])\\1+",
    gate=lambda text: _ELONGATION_GATE.search(text) is not None,
    profiles=("search",),
)
def _elongation(m: re.Match[str]) -> str:
    """Changes (search): a spacing vowel sign repeated after a Devanagari character to one (अच्छाााा -> अच्छा).
    Leaves alone: different signs in a row, and the safe profile (elongation is kept there)."""
    return m.group(1) if is_word(prev_char(m)) else m.group()


ELONGATION: Rule = _elongation


_I_SIGN_GATE = re.compile(f"\u093f(?<![{WORD_CLASS}]\u093f)")


@rule(
    "normalize.i_sign_order",
    kind="script",
    reason="i-sign typed before its consonant (legacy typing order) moved after it (search)",
    pattern=f"\u093f(?<![{WORD_CLASS}]\u093f)((?:[{CONSONANT_CLASS}]\u093c*\u094d)*[{CONSONANT_CLASS}]\u093c*)",
    gate=lambda text: _I_SIGN_GATE.search(text) is not None,
    profiles=("search",),
)
def _i_sign_order(m: re.Match[str]) -> str:
    """Changes (search): ि at the start of a word, before a consonant (cluster), moved after it: िकताब -> किताब,
    िप्रय -> प्रिय.
    Leaves alone: ि after its consonant (the encoded order), and the safe profile."""
    return m.group(1) + "\u093f"


I_SIGN: Rule = _i_sign_order
