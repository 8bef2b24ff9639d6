"""Cuts in raw-text coordinates: sentence and line edges, joining whitespace, merging into edits.

A cut never starts or ends inside a token: it runs from a token's opening punctuation (after the last
space before it) to its closing punctuation, and takes the joining whitespace on one side only.

>>> from newsclean.boilerplate.mining.text import analyse
>>> u = analyse("पहली बात। (दूसरी बात)। तीसरी")
>>> u.text[sent_start(u, 2) : sent_end(u, 4)]
'(दूसरी बात)।'
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ...types import Edit
from ..sites import dateline_end
from .state import Template
from .text import GAP_LINE, LINE_BREAKS, Units, split_gap

__all__ = [
    "Cut",
    "after_break",
    "line_cut",
    "merge_cuts",
    "sent_end",
    "sent_start",
    "spare_dateline",
    "template_reason",
    "tidy",
    "to_line_end",
]

_HSPACE = frozenset(
    " \t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


@dataclass(frozen=True, slots=True)
class Cut:
    """One planned removal ``[start, end)`` with its rule and reason."""

    start: int
    end: int
    rule: str
    reason: str


def template_reason(what: str, t: Template, group: str | None) -> str:
    """The reason recorded for a removal: the template and its document frequency."""
    where = f" of group {group!r}" if group is not None else ""
    return f"mined {what} template {t.text!r} seen in {t.df} documents{where}"


def sent_start(u: Units, a: int) -> int:
    """Char offset where the sentence starting at token ``a`` begins (its opening punctuation)."""
    prev_end = u.ends[a - 1] if a > 0 else 0
    return prev_end + split_gap(u.text[prev_end : u.starts[a]])[1]


def sent_end(u: Units, b: int) -> int:
    """Char offset just after the closing punctuation of the span ending with token ``b - 1``.

    At the end of a line that is everything up to the line break (no token follows there).
    """
    gap = u.gap_text(b - 1)
    if u.gaps[b - 1] == GAP_LINE:
        for k, ch in enumerate(gap):
            if ch in LINE_BREAKS:
                return u.ends[b - 1] + k
        return len(u.text)
    return u.ends[b - 1] + split_gap(gap)[0]


def tidy(text: str, start: int, end: int, last_on_line: bool) -> tuple[int, int]:
    """Take the joining whitespace on one side (after, or before when nothing follows on the line)."""
    if not last_on_line:
        while end < len(text) and text[end] in _HSPACE:
            end += 1
    else:
        while start > 0 and text[start - 1] in _HSPACE:
            start -= 1
    return start, end


def after_break(u: Units, i: int) -> int:
    """Offset just after the last line break in the gap before token ``i`` (0 for the first token)."""
    if i == 0:
        return 0
    lo = u.ends[i - 1]
    gap = u.text[lo : u.starts[i]]
    for k in range(len(gap) - 1, -1, -1):
        if gap[k] in LINE_BREAKS:
            return lo + k + 1
    return u.starts[i]


def line_cut(u: Units, k: int) -> tuple[int, int]:
    """The whole line ``k`` with the break(s) after it (or, for the last line, the break before it)."""
    a, _ = u.lines[k]
    if k + 1 < len(u.lines):
        return after_break(u, a), after_break(u, u.lines[k + 1][0])
    if k == 0:
        return 0, len(u.text)
    return sent_end(u, u.lines[k - 1][1]), len(u.text)


def to_line_end(u: Units, s: int, a: int, b: int) -> tuple[int, int]:
    """Cut from token ``s`` to the end of line ``[a, b)``: the whole line with its break if ``s == a``."""
    if s == a:
        return line_cut(u, bisect_left(u.lines, (a, b)))  # lines are sorted
    return tidy(u.text, sent_start(u, s), sent_end(u, b), True)


def spare_dateline(text: str, cuts: list[Cut]) -> list[Cut]:
    """Keep the dateline that opens ``text`` (``रांची :``): a cut that starts before its end starts after it.

    A place name followed by a separator opens many of a publisher's articles, so it can look like a
    template lead-in ("रांची : <headline>"); it is content.

    >>> [(c.start, c.end) for c in spare_dateline("रांची : राज्य में नई नीति लागू", [Cut(0, 29, "r", "x")])]
    [(8, 29)]
    """
    if not cuts:
        return cuts
    first = len(text) - len(text.lstrip())
    ls = text.rfind("\n", 0, first) + 1
    d = dateline_end(text, ls)
    if d < 0:
        return cuts
    keep = len(text[:d].rstrip(" \t\u00a0"))
    out: list[Cut] = []
    for c in cuts:
        if c.start >= keep or c.end <= ls:
            out.append(c)
        elif c.end > d:
            out.append(Cut(d, c.end, c.rule, c.reason))
    return out


def merge_cuts(text: str, cuts: list[Cut]) -> list[Edit]:
    """Sorted, non-overlapping removal edits: overlapping cuts merge, touching ones stay apart."""
    cuts = sorted((c for c in cuts if c.end > c.start), key=lambda c: (c.start, -c.end))
    out: list[Edit] = []
    cur: Cut | None = None
    for c in cuts:
        if cur is not None and c.start < cur.end:  # touching cuts stay separate edits
            if c.end > cur.end:
                cur = Cut(cur.start, c.end, cur.rule, cur.reason + "; " + c.reason)
            continue
        if cur is not None:
            out.append(Edit(cur.rule, "mined", cur.start, cur.end, text[cur.start : cur.end], "", cur.reason))
        cur = c
    if cur is not None:
        out.append(Edit(cur.rule, "mined", cur.start, cur.end, text[cur.start : cur.end], "", cur.reason))
    return out
