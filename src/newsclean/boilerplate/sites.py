"""Where a span sits: the insertion sites publishers paste text into.

A dateline such as ``रांची :`` ends with a separator followed by a space (``AFTER_SEP``).

Inserted text sits at the edges of the text's structure: alone on a line, glued or spaced after a sentence
terminator at a paragraph end, at a paragraph start, or between two sentences. A phrase *inside* a sentence is
content. :func:`left_site` and :func:`right_site` classify the two sides of a span.
"""

from __future__ import annotations

import regex

from .. import chars
from .spans import HSPACE

__all__ = [
    "AFTER_SEP",
    "AFTER_TERM",
    "AFTER_WORD",
    "BEFORE_TEXT",
    "CLOSERS",
    "COMMA",
    "LINE_END",
    "LINE_START",
    "TERMINATORS",
    "dateline_end",
    "left_site",
    "right_site",
    "trailing_punct",
]

TERMINATORS = frozenset(chars.TERMINATORS)
CLOSERS = frozenset(chars.CLOSERS)
TRAILING = frozenset("?!:|.-–—…;ः।॥")
SEPARATORS = frozenset(":ः-–—,")

LINE_START = "line_start"
AFTER_TERM = "after_terminator"
AFTER_SEP = "after_separator"
AFTER_WORD = "after_word"
LINE_END = "line_end"
COMMA = "comma"
BEFORE_TEXT = "before_text"


def left_site(text: str, start: int) -> tuple[str, bool]:
    """Classify what precedes ``start``; the flag tells whether the span is glued (no space before it).

    >>> left_site("बात है।छत्तीसगढ़", 7)
    ('after_terminator', True)
    >>> left_site("बात है कि", 7)
    ('after_word', False)
    """
    p = start
    while p > 0 and text[p - 1] in HSPACE:
        p -= 1
    glued = p == start
    if p == 0 or text[p - 1] == "\n":
        return LINE_START, glued
    c = text[p - 1]
    if c in TERMINATORS or c in CLOSERS:
        return AFTER_TERM, glued
    if c in SEPARATORS and not glued:
        return AFTER_SEP, glued
    return AFTER_WORD, glued


def trailing_punct(text: str, end: int) -> int:
    """Extend ``end`` over punctuation that belongs to a pasted phrase (``?``, ``:``, ``|`` ...).

    >>> trailing_punct("नया IT हब?\\n", 9)
    10
    """
    n = len(text)
    q = end
    while q < n and (text[q] in TRAILING or text[q] in CLOSERS or text[q] in HSPACE):
        q += 1
    while q > end and text[q - 1] in HSPACE:
        q -= 1
    return q


def right_site(text: str, end: int) -> tuple[str, int]:
    """Classify what follows ``end``; for a joining comma also return the end past the comma.

    >>> right_site("हब?\\nअगला", 3)
    ('line_end', 3)
    >>> right_site("चर्चा, छत्तीसगढ़", 5)
    ('comma', 6)
    """
    n = len(text)
    q = end
    while q < n and text[q] in HSPACE:
        q += 1
    if q == n or text[q] == "\n":
        return LINE_END, end
    if text[q] in ",،":
        return COMMA, q + 1
    return BEFORE_TEXT, end


_LABEL_WORDS = (
    r"पढ़|पढ\u093c|प\u095d|पढे|पढें|देख|read|also|more|इनपुट|input|फोटो|फ़ोटो|फ\u093cोटो|photo|तस्वीर|image|लेखक|"
    r"रिपोर्ट|अपडेट|update|publish|प्रकाशित|डिस्क्लेमर|disclaimer|साभार|स्रोत|source|by|ब्रेकिंग|breaking|news|"
    r"खबर|ख़बर|न्यूज|विज्ञापन|advert|नोट|note|सूचना"
)
_DATELINE = regex.compile(
    r"[ \t\u00a0]*+(?![^\n:ः।]{0,40}?(?:" + _LABEL_WORDS + r"))"
    r"[\p{L}\p{M}]++(?:[ \t\u00a0]{1,2}[\p{L}\p{M}]++){0,2}"  # a place: one to three words
    r"(?:[ \t\u00a0]*+[/,\-][ \t\u00a0]*+[\p{L}\p{M}]++(?:[ \t\u00a0][\p{L}\p{M}]++)?)?"  # "रायपुर/टोक्यो"
    r"(?:[ \t\u00a0]*+,[ \t\u00a0]*+\d{1,2}[ \t\u00a0]++[\p{L}\p{M}]++(?:[ \t\u00a0]++\d{4})?)?"  # ", 12 मई"
    r"(?:[ \t\u00a0]*+[(\[][^()\[\]\n]{1,25}[)\]])?"  # "(भाषा)"
    r"[ \t\u00a0]*+[:ः।,\-–—][ \t\u00a0]*+",
    regex.IGNORECASE,
)


def dateline_end(text: str, start: int) -> int:
    """End of the dateline (``रांची :``, ``नई दिल्ली, 12 मई (भाषा)।``) opening the line at ``start``, or ``-1``.

    Only the first line with text is looked at (a dateline opens an article), and a line that opens with a
    label (``यह भी पढ़ें:``, ``फोटो:``, ``इनपुट:``) has no dateline.

    >>> t = "रांची : राज्य में नई नीति लागू"
    >>> t[dateline_end(t, 0):]
    'राज्य में नई नीति लागू'
    >>> dateline_end("खबर।\\nरांची : आगे", 5), dateline_end("यह भी पढ़ें: आगे", 0)
    (-1, -1)
    """
    if text[:start].strip():
        return -1
    m = _DATELINE.match(text, start)
    if m is None or m.end() >= len(text) or text[m.end()] == "\n":
        return -1
    return m.end()
