"""Removal spans: tidying whitespace at a cut, merging overlaps, and composing passes into edits.

Every detector proposes :class:`Candidate` spans in the coordinates of the text it saw. :func:`tidy` widens a
span over the whitespace that joins it to its neighbours (so a removed line takes its line break, a phrase glued
at a paragraph end takes the space before it), :func:`merge` unions overlapping spans, and :class:`Removals`
keeps the spans of successive passes in the coordinates of the original input, so the final record is a list of
pure-removal :class:`~newsclean.types.Edit` objects that replays exactly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..types import Edit

__all__ = ["HSPACE", "Candidate", "Removals", "close_end", "line_bounds", "merge", "tidy"]

HSPACE = frozenset(
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\r\f\v"
)
_WS = HSPACE | {"\n", "\u2028", "\u2029", "\x85"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span proposed for removal, with the rule that found it.

    >>> Candidate(0, 8, "boilerplate.advert", "advert", "advertisement label").end
    8
    """

    start: int
    end: int
    rule: str
    kind: str
    reason: str = ""


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (before the newline) of the line holding ``pos``.

    >>> line_bounds("क\\nखग\\nघ", 3)
    (2, 4)
    """
    return text.rfind("\n", 0, pos) + 1, (e if (e := text.find("\n", pos)) >= 0 else len(text))


def _back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in HSPACE:
        pos -= 1
    return pos


def _fwd(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in HSPACE:
        pos += 1
    return pos


def tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` over the whitespace that joins it to the text around it.

    A span that fills its line takes the line break and following blank lines (or, on the last line, the
    line breaks before it); a span at a line end takes the spaces before it; a span at a line start takes the
    spaces after it; a span inside a line takes the spaces after it when there are spaces on both sides.

    Args:
        text: The text the span is in.
        start: Span start.
        end: Span end.

    Returns:
        The widened ``(start, end)``.

    >>> t = "पहला।\\nविज्ञापन\\nदूसरा।"
    >>> s, e = tidy(t, 6, 14)
    >>> t[:s] + t[e:]
    'पहला।\\nदूसरा।'
    >>> t = "बात है। यह भी पढ़ें\\nअगला"
    >>> s, e = tidy(t, 8, 19)
    >>> t[:s] + t[e:]
    'बात है।\\nअगला'
    """
    n = len(text)
    p = _back(text, start)
    q = _fwd(text, end)
    at_start = p == 0 or text[p - 1] == "\n"
    at_end = q == n or text[q] == "\n"
    if at_start and at_end:
        if q < n:
            e = q + 1
            while True:  # swallow following blank lines
                f = _fwd(text, e)
                if f < n and text[f] == "\n":
                    e = f + 1
                else:
                    break
            return p, e
        s = p
        while s > 0 and text[s - 1] in _WS:
            s -= 1
        return s, q
    if at_end:
        return p, q
    if at_start:
        return p, q
    if p < start and q > end:
        return start, q
    return start, end


def merge(cands: Iterable[Candidate]) -> list[Candidate]:
    """Sort candidates and union overlapping ones (the earliest, then longest, names the union).

    >>> a = Candidate(0, 5, "r1", "k1")
    >>> b = Candidate(3, 9, "r2", "k2")
    >>> [(c.start, c.end, c.rule) for c in merge([b, a])]
    [(0, 9, 'r1')]
    """
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if c.end <= c.start:
            continue
        if out and c.start < out[-1].end:
            last = out[-1]
            if c.end > last.end:
                out[-1] = Candidate(last.start, c.end, last.rule, last.kind, last.reason)
            continue
        out.append(c)
    return out


def close_end(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Let a removal that runs from a line start to the end of the text take the line breaks before it, so
    that removing the last lines leaves no line break that the text did not end with (``spans`` merged).

    >>> t = "पहला।\\nदूसरा\\nतीसरा"
    >>> [(c.start, c.end) for c in close_end(t, [Candidate(6, 17, "r", "k")])]
    [(5, 17)]
    """
    if not spans:
        return spans
    k = len(spans) - 1  # the first of the spans that run without a gap to the end of the text
    if spans[k].end < len(text.rstrip()):
        return spans
    while k > 0 and not text[spans[k - 1].end : spans[k].start].strip(" \t"):
        k -= 1
    first = spans[k]
    if first.start == 0 or text[first.start - 1] != "\n":
        return spans
    start = first.start
    while start > 0 and text[start - 1] in "\n\r":
        start -= 1
    if k > 0:
        start = max(start, spans[k - 1].end)
    return [*spans[:k], Candidate(start, first.end, first.rule, first.kind, first.reason), *spans[k + 1 :]]


class Removals:
    """Removals accumulated over passes, kept in the coordinates of the original text.

    >>> r = Removals("क ख ग")
    >>> r.add([Candidate(1, 3, "r", "k")])
    >>> r.text
    'क ग'
    >>> r.add([Candidate(1, 2, "r", "k")])
    >>> r.text, [(e.start, e.end) for e in r.edits()]
    ('कग', [(1, 3), (3, 4)])
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self._removed: list[Candidate] = []  # original coordinates, sorted, disjoint
        self._seg_cur: list[int] = [0]  # kept segments: start in current text
        self._seg_orig: list[int] = [0]  # ... and in the original
        self._seg_len: list[int] = [len(original)]

    def add(self, spans: list[Candidate]) -> None:
        """Record sorted, disjoint spans given in the coordinates of :attr:`text`."""
        if not spans:
            return
        new: list[Candidate] = []
        for c in spans:
            i = max(0, bisect_right(self._seg_cur, c.start) - 1)
            while i < len(self._seg_cur) and self._seg_cur[i] < c.end:
                a = max(c.start, self._seg_cur[i])
                b = min(c.end, self._seg_cur[i] + self._seg_len[i])
                if b > a:
                    off = self._seg_orig[i] - self._seg_cur[i]
                    new.append(Candidate(a + off, b + off, c.rule, c.kind, c.reason))
                i += 1
        self._removed = sorted(self._removed + new, key=lambda c: c.start)
        self._rebuild()

    def _rebuild(self) -> None:
        seg_cur: list[int] = []
        seg_orig: list[int] = []
        seg_len: list[int] = []
        parts: list[str] = []
        pos = cur = 0
        for c in [*self._removed, Candidate(len(self.original), len(self.original), "", "")]:
            if c.start > pos:
                seg_cur.append(cur)
                seg_orig.append(pos)
                seg_len.append(c.start - pos)
                parts.append(self.original[pos : c.start])
                cur += c.start - pos
            pos = max(pos, c.end)
        self._seg_cur, self._seg_orig, self._seg_len = seg_cur or [0], seg_orig or [0], seg_len or [0]
        self.text = "".join(parts)

    def edits(self) -> tuple[Edit, ...]:
        """The removals as sorted, non-overlapping edits on the original text."""
        return tuple(
            Edit(c.rule, c.kind, c.start, c.end, self.original[c.start : c.end], "", c.reason)
            for c in self._removed
        )
