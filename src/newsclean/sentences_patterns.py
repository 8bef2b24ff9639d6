"""Character tables and compiled patterns of the sentence splitter (data and regex builders, no logic).

Internal module. Every pattern uses stdlib ``re`` over explicit code-point classes only (no ``\\w``, no
Unicode properties), where ``re`` is about twice as fast as ``regex``.

>>> fast_pattern(pipe=True, newline=True, blank_line=True).findall("राम आया। क्या? हाँ")
['राम आया।', 'क्या?', 'हाँ']
"""

from __future__ import annotations

import re

__all__ = [
    "BLANK_LINE",
    "CLOSE",
    "CLOSERS",
    "CURLY_CLOSERS",
    "DANDAS",
    "DIGITS",
    "DOTS",
    "DOT_CANDIDATES",
    "HAS_DIGIT",
    "HORIZONTAL",
    "LETTER_START",
    "LINE_BREAKS",
    "LIST_NUMERALS",
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
    "fast_pattern",
    "is_devanagari",
    "is_letter_start",
]

#: Every character for which ``str.isspace()`` is true (checked against the Unicode tables in the tests).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: Line breaks as ``str.splitlines()`` sees them.
LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
HORIZONTAL = "".join(c for c in WHITESPACE if c not in LINE_BREAKS)

DANDAS = "।॥"
QUESTION = "?!"
STOPS = DANDAS + QUESTION  # decided by the fast pattern alone
DOTS = ".…"
PIPE = "|"
CURLY_CLOSERS = "”’»›)]}"
STRAIGHT_QUOTES = "\"'"
CLOSERS = CURLY_CLOSERS + STRAIGHT_QUOTES
OPENERS = "\"'“‘«‹([{"
LETTER_START = "[\u0904-\u0939\u0958-\u0961A-Z]"
DIGITS = "0123456789०१२३४५६७८९"
LIST_NUMERALS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})

RUN_CHARS = DANDAS + QUESTION + DOTS + PIPE
#: Full stops that may end a sentence: before whitespace, a closer, another terminator or the end, or glued
#: between Devanagari and a letter (``हुई.उन्होंने``). Led by a literal, so ``re`` scans for it quickly.
DOT_CANDIDATES = re.compile(
    f"\\.(?:(?=[{re.escape(WHITESPACE + CLOSERS + RUN_CHARS)}]|\\Z)"
    f"|(?<=[\u0900-\u097f]\\.)(?=[\u0904-\u0939\u0958-\u0961A-Z]))"
)
BLANK_LINE = re.compile(
    f"(?:\r\n|[{re.escape(LINE_BREAKS)}])[{re.escape(HORIZONTAL)}]*(?:\r\n|[{re.escape(LINE_BREAKS)}])"
)
HAS_DIGIT = re.compile(f"[{DIGITS}]").search
PLAIN_WORD = re.compile(
    f"[^{re.escape(WHITESPACE + DANDAS + OPENERS + CURLY_CLOSERS + STRAIGHT_QUOTES + DIGITS + QUESTION)}@/|…]+"
).fullmatch
SINGLE_LETTER = re.compile("[\u0904-\u0939\u0958-\u0961\u0972-\u097f][\u0900-\u0903\u093c]{0,2}")


CLOSE = f"(?:[{re.escape(CURLY_CLOSERS)}]|[{STRAIGHT_QUOTES}](?!{LETTER_START}))*"


def fast_pattern(pipe: bool, newline: bool, blank_line: bool) -> re.Pattern[str]:
    """One match per sentence when dandas, ``?``, ``!`` and line breaks end sentences (the C-speed path).

    A ``?``/``!`` run is no boundary when a comma, semicolon or lower-case Latin word follows, or inside
    Latin text glued on both sides (``a?b=1``); everything else is decided in :meth:`Rules.cuts`.
    """
    ws, nl, hws = re.escape(WHITESPACE), re.escape(LINE_BREAKS), re.escape(HORIZONTAL)
    terms = re.escape(DANDAS + QUESTION + DOTS + (PIPE if pipe else ""))
    rest = f"[{re.escape(QUESTION + DOTS + (PIPE if pipe else ''))}]*{CLOSE}"
    # the character class first, so a danda fails at once; then "a comma or a-z follows" or "Latin glued"
    goes_on = f"[{QUESTION}](?:{rest}(?=[{ws}]*[,;a-z])|(?<=[!-~].){rest}(?=[!-~]))"
    end = f"[{DANDAS}{QUESTION}][{terms}]*{CLOSE}"
    stop = DANDAS + QUESTION
    if newline:
        body = f"[^{stop}{nl}]*(?:(?:{goes_on})[^{stop}{nl}]*)*"
    elif blank_line:
        brk = f"(?:\r\n|[{nl}])(?![{hws}]*[{nl}])"
        body = f"[^{stop}{nl}]*(?:(?:{goes_on}|{brk})[^{stop}{nl}]*)*"
    else:
        body = f"[^{stop}]*(?:(?:{goes_on})[^{stop}]*)*"
    return re.compile(f"[^{ws}{DANDAS}]{body}(?:{end}|(?<![{ws}]))|{end}")


def candidate_pattern(pipe: bool) -> re.Pattern[str]:
    """Runs of terminators with their closers and whitespace (runs with a danda, ``?`` or ``!`` are skipped)."""
    terms = re.escape(QUESTION + DOTS + (PIPE if pipe else ""))
    return re.compile(f"([{terms}][{terms}]*)({CLOSE})([{re.escape(WHITESPACE)}]*)")


def is_devanagari(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f"


def is_letter_start(ch: str) -> bool:
    """A Devanagari letter (not a sign) or a Latin capital: where a glued next sentence can start."""
    return ("\u0904" <= ch <= "\u0939") or ("\u0958" <= ch <= "\u0961") or ("A" <= ch <= "Z")
