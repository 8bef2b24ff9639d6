"""The shape of an article body: its lines, which of them are prose, and the zones around the prose.

Extracted news pages keep the page around the article: navigation and the headline above it, related-story
lists, author boxes, app prompts and legal notices below it. What marks the article itself is *prose*: lines of
several words of the article's script that end in (or contain) a full stop. The lines before the first prose
line are the **head**, the lines after the last one the **tail**; the rest is the **body**. The detectors in
:mod:`.structure` ask for stronger evidence in the body than in the head and tail, so that a crosshead, a
dateline or a table row inside the article stays while the same kind of line around it may go.

>>> lay = Layout.of("Hindi News\\nनई दिल्ली\\nसरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।\\nAlso on the site")
>>> [ln.text for ln in lay.head], [ln.text for ln in lay.tail]
(['Hindi News', 'नई दिल्ली'], ['Also on the site'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt
import regex

from ..chars import CLOSERS, FULL_STOPS

__all__ = ["PROSE_WORDS", "Layout", "Line"]

_LAYOUTS: dict[str, Layout] = {}

PROSE_WORDS = 8
"""A prose line has at least this many words (shorter lines are labels, headlines, crossheads, datelines)."""

_NOT_DEVANAGARI = regex.compile(r"[^\u0900-\u0963\u0966-\u097f\ua8e0-\ua8ff]+")
_NOT_LATIN = regex.compile(r"[^A-Za-z\u00c0-\u024f]+")
_NOT_DIGIT = regex.compile(r"[^\d]+")
# the same three classes as bits of one table per code point (built with the same patterns), so that one pass
# over a text counts them for every line
_DEV, _LAT, _DIG = 1, 2, 4


def _class_bits(ch: str) -> int:
    return (
        (_DEV if _NOT_DEVANAGARI.match(ch) is None else 0)
        | (_LAT if _NOT_LATIN.match(ch) is None else 0)
        | (_DIG if _NOT_DIGIT.match(ch) is None else 0)
    )


@cache
def _bits_table() -> npt.NDArray[np.uint8]:
    return np.array([_class_bits(chr(c)) for c in range(0x10000)], dtype=np.uint8)


def _line_counts(text: str) -> tuple[list[int], list[int], list[int]]:
    """Devanagari, Latin and digit characters of each line of ``text`` (lines split at ``\\n``)."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bits = _bits_table()[np.minimum(cp, 0xFFFF)]
    astral = np.flatnonzero(cp > 0xFFFF)
    if len(astral):
        bits[astral] = [_class_bits(chr(int(c))) for c in cp[astral].tolist()]
    cuts = np.concatenate(([0], np.flatnonzero(cp == 10) + 1, [len(cp) + 1]))
    out = []
    for bit in (_DEV, _LAT, _DIG):
        cum = np.concatenate(([0], np.cumsum((bits & bit) != 0, dtype=np.int64), [0]))
        cum[-1] = cum[-2]
        out.append((cum[cuts[1:] - 1] - cum[cuts[:-1]]).tolist())
    return out[0], out[1], out[2]


_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")
_TRIM = "".join(CLOSERS) + " \t\u00a0\u200b\u200c\u200d\ufeff"
# a full stop followed by more text: the line holds a sentence end inside it (not in a number: 2.5, not "..")
_CLOSE = regex.escape(_TRIM)
# a danda followed by more text (glued or not), or a full stop followed by a space and more text
_INNER_STOP = regex.compile(rf"[।॥][{_CLOSE}]*\S|(?<![.\d])\.(?![.\d])[{_CLOSE}]*[ \t\u00a0]+\S")
# any sentence end followed by more text, a question or exclamation mark included
_INNER_END = regex.compile(rf"[।॥][{_CLOSE}]*\S|(?<![.\d])[.?!](?![.\d?!])[{_CLOSE}]*[ \t\u00a0]+\S")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text with the counts the detectors use.

    ``start``/``end`` bound the line in the text (without its line break); :attr:`text` is the line without
    surrounding spaces.

    >>> ln = Line.of("  सरकार ने कहा कि काम कल से शुरू होगा और सब ठीक है। ", 0, 7)
    >>> ln.words, ln.is_prose, ln.ends_full_stop
    (13, True, True)
    """

    start: int
    end: int
    index: int
    text: str
    words: int
    devanagari: int
    latin: int
    digits: int

    _prose: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "_prose",
            self.words >= PROSE_WORDS and self.is_devanagari and (self.ends_full_stop or self.has_inner_stop),
        )

    @classmethod
    def of(cls, raw: str, start: int, index: int) -> Line:
        """Measure the line ``raw`` that starts at ``start`` in its text."""
        text = raw.strip()
        return cls(
            start,
            start + len(raw),
            index,
            text,
            len(text.split()),
            len(_NOT_DEVANAGARI.sub("", text)),
            len(_NOT_LATIN.sub("", text)),
            len(_NOT_DIGIT.sub("", text)),
        )

    @property
    def letters(self) -> int:
        """Devanagari and Latin letters and marks."""
        return self.devanagari + self.latin

    @property
    def is_blank(self) -> bool:
        """Nothing but spaces."""
        return not self.text

    @property
    def has_words(self) -> bool:
        """At least one letter or digit."""
        return _HAS_WORD.search(self.text) is not None

    @property
    def is_latin(self) -> bool:
        """Mostly Latin letters (at least 60 % of its letters and at least three of them).

        >>> Line.of("Link Copied", 0, 0).is_latin, Line.of("IPL में मैच", 0, 0).is_latin
        (True, False)
        """
        return self.latin >= 3 and self.latin >= 0.6 * self.letters

    @property
    def is_devanagari(self) -> bool:
        """Mostly Devanagari (at least half of its letters)."""
        return self.devanagari > 0 and self.devanagari >= 0.5 * self.letters

    @property
    def ends_full_stop(self) -> bool:
        """Ends with a danda, double danda or a single full stop (closing quotes and brackets aside).

        >>> Line.of("बात हुई।”", 0, 0).ends_full_stop, Line.of("और पढ़ें...", 0, 0).ends_full_stop
        (True, False)
        """
        t = self.text.rstrip(_TRIM)
        if t.endswith("|"):
            return True  # a pipe typed for a danda
        if not t or t[-1] not in FULL_STOPS:
            return False
        return not (t[-1] == "." and (t.endswith("..") or (len(t) > 1 and t[-2].isdigit())))

    @property
    def has_inner_stop(self) -> bool:
        """Holds a full stop followed by more text (two sentences, or a sentence and something after it)."""
        return _INNER_STOP.search(self.text) is not None

    @property
    def has_inner_end(self) -> bool:
        """Holds any sentence end (``?`` and ``!`` included) followed by more text."""
        return _INNER_END.search(self.text) is not None

    @property
    def ends_question(self) -> bool:
        """Ends with ``?`` or ``!`` (closing quotes aside)."""
        return self.text.rstrip(_TRIM)[-1:] in ("?", "!")

    @property
    def is_prose(self) -> bool:
        """A line of the article's running text: mostly Devanagari, at least :data:`PROSE_WORDS` words, and a
        full stop at its end or inside it."""
        return self._prose


@dataclass(frozen=True, slots=True)
class Layout:
    """The lines of a text and where its prose begins and ends.

    ``first``/``last`` are the indexes of the first and last prose line (``-1`` when the text has none: then
    every line is in the body, and nothing is treated as head or tail).

    >>> Layout.of("क।\\nख").first
    -1
    """

    text: str
    lines: tuple[Line, ...]
    first: int
    last: int
    _nonblank: tuple[Line, ...] = field(default=(), repr=False, compare=False)
    _next: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _prev: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        nonblank = tuple(ln for ln in self.lines if not ln.is_blank)
        n = len(self.lines)
        nxt = [-1] * n
        prv = [-1] * n
        last = -1
        for i in range(n):
            prv[i] = last
            if not self.lines[i].is_blank:
                last = i
        last = -1
        for i in range(n - 1, -1, -1):
            nxt[i] = last
            if not self.lines[i].is_blank:
                last = i
        object.__setattr__(self, "_nonblank", nonblank)
        object.__setattr__(self, "_next", tuple(nxt))
        object.__setattr__(self, "_prev", tuple(prv))

    @classmethod
    def of(cls, text: str) -> Layout:
        """Split ``text`` into lines (at ``\\n``) and find its prose (the last few texts are remembered: a
        model and the page detectors look at the same text)."""
        cached = _LAYOUTS.get(text)
        if cached is not None:
            return cached
        raws = text.split("\n")
        devanagari, latin, digits = _line_counts(text)
        out: list[Line] = []
        pos = 0
        for i, raw in enumerate(raws):
            stripped = raw.strip()
            out.append(
                Line(
                    pos,
                    pos + len(raw),
                    i,
                    stripped,
                    len(stripped.split()),
                    devanagari[i],
                    latin[i],
                    digits[i],
                )
            )
            pos += len(raw) + 1
        prose = [ln.index for ln in out if ln.is_prose]
        first, last = (prose[0], prose[-1]) if prose else (-1, -1)
        lay = cls(text, tuple(out), first, last)
        if len(_LAYOUTS) >= 8:
            del _LAYOUTS[next(iter(_LAYOUTS))]
        _LAYOUTS[text] = lay
        return lay

    @property
    def head(self) -> tuple[Line, ...]:
        """The non-blank lines before the first prose line."""
        return tuple(ln for ln in self.lines[: max(self.first, 0)] if not ln.is_blank)

    @property
    def tail(self) -> tuple[Line, ...]:
        """The non-blank lines after the last prose line."""
        if self.last < 0:
            return ()
        return tuple(ln for ln in self.lines[self.last + 1 :] if not ln.is_blank)

    def zone(self, line: Line) -> str:
        """``"head"``, ``"body"`` or ``"tail"``.

        >>> lay = Layout.of("ऊपर\\nसरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।\\nनीचे")
        >>> [lay.zone(ln) for ln in lay.lines]
        ['head', 'body', 'tail']
        """
        if self.first < 0:
            return "body"
        if line.index < self.first:
            return "head"
        if line.index > self.last:
            return "tail"
        return "body"

    @property
    def nonblank(self) -> tuple[Line, ...]:
        """Every line with text, in order."""
        return self._nonblank

    def next_line(self, line: Line) -> Line | None:
        """The next non-blank line after ``line``."""
        i = self._next[line.index]
        return None if i < 0 else self.lines[i]

    def prev_line(self, line: Line) -> Line | None:
        """The non-blank line before ``line``."""
        i = self._prev[line.index]
        return None if i < 0 else self.lines[i]
