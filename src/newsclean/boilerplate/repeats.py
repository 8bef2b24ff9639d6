"""Phrases repeated within one article at insertion sites, found without a title.

A phrase that a publisher pastes several times (usually the keyphrase of the headline) shows up as the *tail* of
several paragraphs: the text after the last sentence terminator of a line that does not itself end like a
sentence, or as a line of its own. When the same folded key is such a tail (or a short line) at two or more
places, every such occurrence goes. Genuine repetition stays because it does not sit there: a quotation repeated
once or a refrain is a sentence that ends with ``।``, a name sits inside sentences, and a crosshead that is
also a sentence's topic occurs once as a line and elsewhere inside a sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict

import regex

from ..chars import FULL_STOPS
from ..keys import WORDCHARS
from .sites import CLOSERS, TERMINATORS
from .spans import HSPACE, Candidate

__all__ = ["find_repeats", "tail_start"]

MIN_TOKENS = 2
MIN_CHARS = 10
MAX_TAIL = 200  # longest tail or line considered (characters)
DUPLICATE_WORDS = 4
"""A line of at least this many words seen twice means the page holds the block twice (a page dump): its
repeated lines are copies of the article, not a phrase pasted into it."""
_TRIM = "".join(sorted(HSPACE | TERMINATORS | CLOSERS))
_CLOSE = "".join(sorted(CLOSERS | HSPACE))
_WORD = re.compile(f"[{WORDCHARS}\u200c\u200d]+")
_LAST_TERM = regex.compile("(?r)[" + "".join(map(regex.escape, sorted(TERMINATORS))) + "]")


def _in_number(line: str, i: int) -> bool:
    """A ``.`` between digits (``15.6``) is not a terminator."""
    return line[i] == "." and 0 < i < len(line) - 1 and line[i - 1].isdigit() and line[i + 1].isdigit()


def tail_start(line: str) -> int:
    """Start of the last sentence-like piece of ``line`` (after the last terminator before its end).

    Returns ``-1`` when no terminator occurs within :data:`MAX_TAIL` characters of the end of a long line.

    >>> line = "बात कही गई।राज्य को नया दर्जा"
    >>> line[tail_start(line):]
    'राज्य को नया दर्जा'
    """
    end = len(line.rstrip(_TRIM))
    lo = max(0, end - MAX_TAIL)
    i = lo
    m = _LAST_TERM.search(line, lo, end)  # the last terminator (one reverse search, not one per terminator)
    while m is not None and _in_number(line, m.start()):
        m = _LAST_TERM.search(line, lo, m.start())
    if m is not None:
        i = m.end()
    if i == lo and lo > 0:
        return -1
    while i < end and (line[i] in CLOSERS or line[i] in HSPACE):
        i += 1
    return i


def _key(piece: str) -> str:
    """A cheap matching key: lower-cased words joined by one space (zero-width characters dropped)."""
    return " ".join(_WORD.findall(piece.lower()))


class _LineKeys:
    """The keys of a text's lines, found only for the lines asked about.

    Whether a line's key is on another line too needs the keys of the lines that could share it only: a key
    keeps every ``ा``, ``्`` and ``े`` of its line (word characters that lower-casing leaves alone), so lines
    with the same key have as many of each (and a line with any of them has a key).
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.keys: list[str | None] = [None] * len(lines)
        self.signs = [(ln.count("\u093e"), ln.count("\u094d"), ln.count("\u0947")) for ln in lines]
        self.alike: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        for i, signs in enumerate(self.signs):
            self.alike[signs].append(i)

    def key(self, i: int) -> str:
        k = self.keys[i]
        if k is None:
            k = self.keys[i] = _key(self.lines[i])
        return k

    def next_with_words(self, row: int) -> int:
        """The next line after ``row`` with a non-empty key (``-1``: none)."""
        for i in range(row + 1, len(self.lines)):
            if self.signs[i] != (0, 0, 0) or self.key(i):
                return i
        return -1

    def copied(self, i: int) -> bool:
        """Whether line ``i`` (``-1``: none) has a key of :data:`DUPLICATE_WORDS` words or more that another
        line has too."""
        if i < 0:
            return False
        group = self.alike[self.signs[i]]
        if len(group) < 2:
            return False  # no other line can have its key
        k = self.key(i)
        if k.count(" ") < DUPLICATE_WORDS - 1:
            return False
        return any(j != i and self.key(j) == k for j in group)


def find_repeats(text: str) -> list[Candidate]:
    """Find phrases pasted at two or more insertion sites of ``text``.

    Args:
        text: The body.

    Returns:
        Candidate spans (not yet tidied or merged).

    >>> body = "पहली बात कही गई।राज्य को नया दर्जा\\nदूसरी बात भी कही गई।राज्य को नया दर्जा\\nअंत।"
    >>> [body[c.start:c.end] for c in find_repeats(body)]
    ['राज्य को नया दर्जा', 'राज्य को नया दर्जा']
    """
    sites: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    keys = _LineKeys(text.split("\n"))
    pos = 0
    n = len(text)
    row = -1
    while pos <= n:
        row += 1
        nl = text.find("\n", pos)
        le = n if nl < 0 else nl
        line = text[pos:le]
        stripped = line.strip()
        if stripped and stripped.rstrip(_CLOSE)[-1:] not in FULL_STOPS:
            t = tail_start(line)
            own = t >= 0 and not line[:t].strip()
            glued = t > 0 and line[t - 1] not in HSPACE
            # a paste site: a line of its own, or glued to the sentence before it with no space; a tail after
            # a sentence end and a space is the next sentence (a page that repeats itself repeats those)
            # ... unless the page holds this block twice (the next line too): a copy of the article, not a paste
            if (
                t >= 0
                and (own or glued)
                and (stripped[-1] not in TERMINATORS or glued)
                and not keys.copied(keys.next_with_words(row))
                and not (own and keys.copied(row))
            ):
                piece = line[t:].rstrip()
                k = _key(piece)
                if k.count(" ") + 1 >= MIN_TOKENS and len(k) >= MIN_CHARS:
                    sites[k].append((pos + t, pos + t + len(piece), own))
        if nl < 0:
            break
        pos = nl + 1
    out: list[Candidate] = []
    for places in sites.values():
        if len(places) < 2 or all(own for _, _, own in places):
            continue
        out.extend(
            Candidate(s, e, "boilerplate.repeat", "repeat", "phrase pasted at several paragraph ends")
            for s, e, _ in places
        )
    return out
