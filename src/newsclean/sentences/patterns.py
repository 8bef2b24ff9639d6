"""Character tables and compiled patterns of the sentence splitter (data and regex builders, no logic).

Internal module. Every pattern uses stdlib ``re`` over explicit code-point classes only (no ``\\w``, no
Unicode properties), where ``re`` is about twice as fast as ``regex``.

>>> plain = plain_dot_end(frozenset(), frozenset())
>>> fast_pattern(pipe=True, newline=True, blank_line=True, dot_end=plain).findall("राम आया। क्या? हाँ")
['राम आया।', 'क्या?', 'हाँ']
"""

from __future__ import annotations

import re

from ..chars import DANDA, DEVANAGARI_CLASS, DEVANAGARI_DIGITS, DOUBLE_DANDA, WORD_CLASS

__all__ = [
    "BLANK_LINE",
    "CLOSE",
    "CLOSERS",
    "CURLY_CLOSERS",
    "DANDAS",
    "DIGITS",
    "DOTS",
    "HAS_DIGIT",
    "HORIZONTAL",
    "LETTER_START",
    "LINE_BREAKS",
    "LIST_NUMERALS",
    "MAY_END",
    "OPENERS",
    "PIPE",
    "PLAIN_WORD",
    "QUESTION",
    "RUN_CHARS",
    "SINGLE_LETTER",
    "STOPS",
    "STRAIGHT_QUOTES",
    "WHITESPACE",
    "candidate_pattern",
    "dot_candidates",
    "fast_pattern",
    "is_devanagari",
    "is_letter_start",
    "plain_dot_end",
]

#: Every character for which ``str.isspace()`` is true (checked against the Unicode tables in the tests).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: Line breaks as ``str.splitlines()`` sees them.
LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
HORIZONTAL = "".join(c for c in WHITESPACE if c not in LINE_BREAKS)

DANDAS = DANDA + DOUBLE_DANDA
QUESTION = "?!"
STOPS = DANDAS + QUESTION  # decided by the fast pattern alone
DOTS = ".…"
PIPE = "|"
CURLY_CLOSERS = "”’»›)]}"
STRAIGHT_QUOTES = "\"'"
CLOSERS = CURLY_CLOSERS + STRAIGHT_QUOTES
OPENERS = "\"'“‘«‹([{"
LETTER_START = "[\u0904-\u0939\u0958-\u0961A-Z]"  # see is_letter_start
DIGITS = "0123456789" + DEVANAGARI_DIGITS
LIST_NUMERALS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})

RUN_CHARS = DANDAS + QUESTION + DOTS + PIPE
#: Where a full stop may end a sentence (just after it): before whitespace, a closer, another terminator or
#: the end, or glued between Devanagari and a letter (``हुई.उन्होंने``).
MAY_END = (
    f"(?=[{re.escape(WHITESPACE + CLOSERS + RUN_CHARS)}]|\\Z)|(?<=[{DEVANAGARI_CLASS}]\\.)(?={LETTER_START})"
)
BLANK_LINE = re.compile(
    f"(?:\r\n|[{re.escape(LINE_BREAKS)}])[{re.escape(HORIZONTAL)}]*(?:\r\n|[{re.escape(LINE_BREAKS)}])"
)
HAS_DIGIT = re.compile(f"[{DIGITS}]").search
PLAIN_WORD = re.compile(
    f"[^{re.escape(WHITESPACE + DANDAS + OPENERS + CURLY_CLOSERS + STRAIGHT_QUOTES + DIGITS + QUESTION)}@/|…]+"
).fullmatch
#: The words of a plain sentence end are Devanagari letters and signs (:data:`~newsclean.chars.WORD_CLASS`).
PURE_WORD = re.compile(f"[{WORD_CLASS}]+")
PLAIN_WORD_MAX = 24  # longer words before a full stop go to the guards
_LENGTH_TIERS = ((8, PLAIN_WORD_MAX), (4, 7), (1, 3))
_NUMBER_MAX = 12  # longer numbers before a full stop go to the guards
_CHAIN_PIECE_MAX = 4  # "ए.के.", "कि.मी.": two short pieces of letters make an abbreviation
SINGLE_LETTER_PARTS = ("[\u0904-\u0939\u0958-\u0961\u0972-\u097f]", "[\u0900-\u0903\u093c]")
SINGLE_LETTER = re.compile(f"{SINGLE_LETTER_PARTS[0]}{SINGLE_LETTER_PARTS[1]}{{0,2}}")


CLOSE = f"(?:[{re.escape(CURLY_CLOSERS)}]|[{STRAIGHT_QUOTES}](?!{LETTER_START}))*"


def fast_pattern(pipe: bool, newline: bool, blank_line: bool, dot_end: str) -> re.Pattern[str]:
    """One match per sentence when dandas, ``?``, ``!`` and line breaks end sentences (the C-speed path).

    A ``?``/``!`` run is no boundary when a comma, semicolon or lower-case Latin word follows, or inside
    Latin text glued on both sides (``a?b=1``). ``dot_end`` (from :func:`plain_dot_end`) makes the common
    full stops ends too (``हुआ. अब``); every other full stop goes on, and is decided in :meth:`Rules.cuts`.
    """
    ws, nl, hws = re.escape(WHITESPACE), re.escape(LINE_BREAKS), re.escape(HORIZONTAL)
    terms = re.escape(DANDAS + QUESTION + DOTS + (PIPE if pipe else ""))
    rest = f"[{re.escape(QUESTION + DOTS + (PIPE if pipe else ''))}]*{CLOSE}"
    # the character class first, so a danda fails at once; then "a comma or a-z follows" or "Latin glued"
    question_goes_on = f"[{QUESTION}](?:{rest}(?=[{ws}]*[,;a-z])|(?<=[!-~].){rest}(?=[!-~]))"
    end = f"[{STOPS}][{terms}]*{CLOSE}"
    stop = STOPS + "."  # a full stop leaves the plain run; it goes on unless it is a plain end
    if newline:
        # the ends are tried at each stop before going on (a lazy loop), so a plain end is checked once
        chunk = f"[^{stop}{nl}]*"
        line_end = f"(?<![{ws}])(?=[{hws}]*(?:[{nl}]|\\Z))"
        ends = f"(?!{question_goes_on}){end}|\\.{dot_end}|{line_end}"
        body = f"{chunk}(?:(?:{question_goes_on}|\\.){chunk})*?"
        return re.compile(f"[^{ws}{DANDAS}]{body}(?:{ends})|{end}")
    goes_on = f"{question_goes_on}|\\.(?!{dot_end})"
    ends = f"{end}|\\.{dot_end}"
    if blank_line:
        brk = f"(?:\r\n|[{nl}])(?![{hws}]*[{nl}])"
        body = f"[^{stop}{nl}]*(?:(?:{goes_on}|{brk})[^{stop}{nl}]*)*"
    else:
        body = f"[^{stop}]*(?:(?:{goes_on})[^{stop}]*)*"
    return re.compile(f"[^{ws}{DANDAS}]{body}(?:{ends}|(?<![{ws}]))|{end}")


def _alternation(words: list[str]) -> str:
    """A regex for exactly these literals, longest first (``re`` tries alternatives in order)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _pure(words: frozenset[str]) -> list[str]:
    """The words a plain end can be (all Devanagari letters and signs, at most ``PLAIN_WORD_MAX``)."""
    return [w for w in words if len(w) <= PLAIN_WORD_MAX and PURE_WORD.fullmatch(w)]


def _whole_word(word: str) -> str:
    """A look-behind, just after a full stop, for whitespace, a word matching ``word`` (fixed width),
    the full stop. (A word at the very start of the text is left to the scanner.)"""
    return f"(?<=[{re.escape(WHITESPACE)}]{word}\\.)"


def _words_of(words: list[str], width: int) -> list[str]:
    """Regexes for the ``words`` of this width and the single letters (:data:`SINGLE_LETTER`) of it."""
    found = (
        [_alternation([w for w in words if len(w) == width])] if any(len(w) == width for w in words) else []
    )
    if width <= 3:
        found.append(f"{SINGLE_LETTER_PARTS[0]}{SINGLE_LETTER_PARTS[1]}{{{width - 1}}}")
    return found


def plain_dot_end(abbreviations: frozenset[str], initials: frozenset[str]) -> str:
    """The condition, just after a full stop, that it ends a sentence with no guard needed: ``हुआ. अब``.

    The word before is all Devanagari letters and signs (at most ``PLAIN_WORD_MAX`` of them), follows
    whitespace, and is no abbreviation, initial or single letter; one horizontal space follows, then a
    character that may start a sentence (no comma or semicolon, no lower-case Latin). Zero-width, built
    from fixed-width look-behinds, one per word length, each failing at its first character unless the
    length is right: a few steps per full stop.
    """
    ws, hws = re.escape(WHITESPACE), re.escape(HORIZONTAL)
    pure = _pure(abbreviations | initials)
    lengths = []
    for k in range(1, PLAIN_WORD_MAX + 1):
        guarded = _words_of(pure, k)
        guard = f"(?!(?:{'|'.join(guarded)})\\.)" if guarded else ""
        lengths.append(_whole_word(f"{guard}[{WORD_CLASS}]{{{k}}}"))
    # dispatch on the length first (at least 8 letters? at least 4?), so few look-behinds are tried
    tiers = []
    for lo, hi in _LENGTH_TIERS:
        at_least = f"(?<=[{WORD_CLASS}]{{{lo}}}\\.)" if lo > 1 else ""
        tiers.append(f"{at_least}(?:{'|'.join(lengths[lo - 1 : hi])})")
    words = f"(?<=[{WORD_CLASS}]\\.)(?:{'|'.join(tiers)})"
    # a number of four digits or more is no list marker: "कीमत 5000. अगली खबर"
    numbers = "|".join(_whole_word(f"[{DIGITS}]{{{k}}}") for k in range(4, _NUMBER_MAX + 1))
    return f"(?=[{hws}][^{ws},;a-z])(?:{words}|(?<=[{DIGITS}]{{4}}\\.)(?:{numbers}))"


def dot_candidates(
    abbreviations: frozenset[str], initials: frozenset[str], ambiguous: frozenset[str], newline: bool
) -> re.Pattern[str]:
    """Full stops the scanner must decide: those that may end a sentence (before whitespace, a closer,
    another terminator or the end, or glued between Devanagari and a letter: ``हुई.उन्होंने``), less the
    ones decided here already: a plain end (:func:`plain_dot_end`, the fast pattern ends the sentence), a
    whole-word abbreviation, initial or two-piece chain in Devanagari before a non-space (``डॉ. शर्मा``,
    ``ए.के. शर्मा``: never an end), one before the end of the text and, when a line break ends a sentence,
    one before a line break. Led by a literal, so ``re`` scans for it quickly."""
    ws, hws, nl = re.escape(WHITESPACE), re.escape(HORIZONTAL), re.escape(LINE_BREAKS)
    run = re.escape(RUN_CHARS)
    never = _pure(abbreviations | (initials - ambiguous))
    words = "|".join(
        _whole_word(f"(?:{w})") for k in range(1, PLAIN_WORD_MAX + 1) for w in _words_of(never, k)
    )
    pieces = range(1, _CHAIN_PIECE_MAX + 1)
    chains = "|".join(
        _whole_word(f"[{WORD_CLASS}]{{{a}}}\\.[{WORD_CLASS}]{{{b}}}") for a in pieces for b in pieces
    )
    decided = [f"(?<=[{WORD_CLASS}]\\.)(?=[{hws}][^{ws}]|[^{ws}{run}])(?:{words}|{chains})"]
    decided.append(f"(?=[{ws}]*\\Z)")  # the text ends there anyway
    if newline:
        decided.append(f"(?<=[^{ws}{run}]\\.)(?=[{hws}]*[{nl}])")
    # the plain ends first: in full-stop text most full stops are those, and they are out at once
    plain = plain_dot_end(abbreviations, initials)
    return re.compile(f"\\.(?!{plain})(?:{MAY_END})(?!{'|'.join(decided)})")


def candidate_pattern(pipe: bool) -> re.Pattern[str]:
    """Runs of terminators with their closers and whitespace (runs with a danda, ``?`` or ``!`` are skipped)."""
    terms = re.escape(QUESTION + DOTS + (PIPE if pipe else ""))
    return re.compile(f"([{terms}][{terms}]*)({CLOSE})([{re.escape(WHITESPACE)}]*)")


def is_devanagari(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f"


def is_letter_start(ch: str) -> bool:
    """A Devanagari letter (not a sign) or a Latin capital: where a glued next sentence can start."""
    return ("\u0904" <= ch <= "\u0939") or ("\u0958" <= ch <= "\u0961") or ("A" <= ch <= "Z")
