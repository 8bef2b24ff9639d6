"""Apply mined templates to one text: removal edits in raw-text coordinates.

Three levels, tried in order:

1. **Lines** whose key is a template are removed whole, with the line break(s) after them.
2. **Sentences** inside a kept line whose key is a template are removed with their own closing
   punctuation and one side's joining whitespace; the rest of the line stays.
3. **Spans**: tokens covered by template n-grams form runs; a run is removed only where inserted text
   sits: it must start at a line or sentence start (or be glued to a word of another script) and end at a
   line or sentence end, before a separator (``:``, ``|``, dash) or at such a glue point. A run that is a
   whole sentence is removed only if that sentence is itself a template allowed at sentence level.

What stays: every token not covered by a template, punctuation that belongs to a kept sentence, and
repeated content that sits inside a sentence (a quotation, a refrain after "ने कहा,").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..types import Edit
from .mining_state import doc_ngrams
from .mining_text import (
    GAP_SENT,
    LINE_BREAKS,
    Units,
    is_glue,
    is_script_change,
    is_separator_gap,
    seq_hash,
    split_gap,
)

__all__ = ["Template", "find_edits"]

_HSPACE = frozenset(
    " \t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


@dataclass(frozen=True, slots=True)
class Template:
    """One mined template: its document frequency and an example text."""

    df: int
    text: str


@dataclass(frozen=True, slots=True)
class _Cut:
    start: int
    end: int
    rule: str
    reason: str


def _reason(what: str, t: Template, group: str | None) -> str:
    where = f" of group {group!r}" if group is not None else ""
    return f"mined {what} template {t.text!r} seen in {t.df} documents{where}"


def _sent_start(u: Units, a: int) -> int:
    """Char offset where the sentence starting at token ``a`` begins (its opening punctuation)."""
    prev_end = u.ends[a - 1] if a > 0 else 0
    return prev_end + split_gap(u.text[prev_end : u.starts[a]])[1]


def _sent_end(u: Units, b: int) -> int:
    """Char offset just after the closing punctuation of the span ending with token ``b - 1``."""
    return u.ends[b - 1] + split_gap(u.gap_text(b - 1))[0]


def _tidy(text: str, start: int, end: int, last_on_line: bool) -> tuple[int, int]:
    """Take the joining whitespace on one side (after, or before when nothing follows on the line)."""
    if not last_on_line:
        while end < len(text) and text[end] in _HSPACE:
            end += 1
    else:
        while start > 0 and text[start - 1] in _HSPACE:
            start -= 1
    return start, end


def _after_break(u: Units, i: int) -> int:
    """Offset just after the last line break in the gap before token ``i`` (0 for the first token)."""
    if i == 0:
        return 0
    lo = u.ends[i - 1]
    gap = u.text[lo : u.starts[i]]
    last = max(gap.rfind(ch) for ch in LINE_BREAKS)
    return lo + last + 1 if last >= 0 else u.starts[i]


def _line_cut(u: Units, k: int) -> tuple[int, int]:
    """The whole line ``k`` with the break(s) after it (or, for the last line, the break before it)."""
    a, _ = u.lines[k]
    if k + 1 < len(u.lines):
        return _after_break(u, a), _after_break(u, u.lines[k + 1][0])
    if k == 0:
        return 0, len(u.text)
    return _sent_end(u, u.lines[k - 1][1]), len(u.text)


def _cut_points(u: Units, a: int, b: int) -> tuple[list[int], set[int], set[int]]:
    """Token indices inside line ``[a, b)`` where inserted text can begin or end.

    Returns ``(points, strong, glue)``: ``strong`` are sentence boundaries, ``glue`` script changes with no
    space; ``points`` also holds separator gaps (``:``, ``|``, dash) and spaced script changes, which can
    only end a lead-in.
    """
    strong: set[int] = set()
    glue: set[int] = set()
    points = []
    for c in range(a + 1, b):
        code = u.gaps[c - 1]
        if code == GAP_SENT:
            strong.add(c)
        elif is_glue(u.text, u.ends[c - 1], u.starts[c]):
            glue.add(c)
        elif not (
            is_separator_gap(u.gap_text(c - 1)) or is_script_change(u.text, u.ends[c - 1], u.starts[c])
        ):
            continue
        points.append(c)
    return points, strong, glue


def find_edits(
    u: Units,
    lines: Mapping[int, Template],
    ngr: Mapping[int, Template],
    *,
    n: int,
    group: str | None,
    max_span_points: int = 8,
) -> list[Edit]:
    """Removal edits for line templates (whole lines, or glued into a line) and n-gram span templates.

    Args:
        u: the analysed text.
        lines: line templates by key.
        ngr: n-gram templates by key.
        n: the n-gram length the templates were counted with.
        group: group name, for the reasons.
        max_span_points: how many cut points a glued line template may span.

    Returns:
        Sorted, non-overlapping removal edits.

    >>> from newsclean.boilerplate.mining_text import analyse
    >>> t = Template(df=5, text="विज्ञापन")
    >>> u = analyse("खबर है।\\nविज्ञापन\\nदूसरी खबर।")
    >>> key = seq_hash(u.ids[2:3])
    >>> [e.old for e in find_edits(u, {key: t}, {}, n=5, group=None)]
    ['विज्ञापन\\n']
    >>> u = analyse("खबर है।विज्ञापन\\nदूसरी खबर।")
    >>> [e.old for e in find_edits(u, {key: t}, {}, n=5, group=None)]
    ['विज्ञापन']
    """
    cuts: list[_Cut] = []
    masked = u.masked
    removed_line = [False] * len(u.lines)
    for k, (a, b) in enumerate(u.lines):
        if all(masked[a:b]):
            continue
        t = lines.get(seq_hash(u.ids[a:b]))
        if t is not None:
            s, e = _line_cut(u, k)
            cuts.append(_Cut(s, e, "boilerplate.mined_line", _reason("line", t, group)))
            removed_line[k] = True
            continue
        if b - a < 2:
            continue
        points, strong, glue = _cut_points(u, a, b)
        starts = [a, *[c for c in points if c in strong or c in glue]]
        ends = [*points, b]
        for i, c1 in enumerate(starts):
            for c2 in ends[i : i + max_span_points]:
                if c2 <= c1 or (c1 == a and c2 == b) or all(masked[c1:c2]):
                    continue
                t = lines.get(seq_hash(u.ids[c1:c2]))
                if t is None:
                    continue
                at_start = c1 == a or c1 in strong
                at_end = c2 == b or c2 in strong or (c2 not in glue and c2 in points and c2 not in strong)
                start = _sent_start(u, c1) if at_start else u.starts[c1]
                end = _sent_end(u, c2) if at_end and c2 not in glue else u.ends[c2 - 1]
                start, end = _tidy(u.text, start, end, c2 == b)
                cuts.append(_Cut(start, end, "boilerplate.mined_glued", _reason("line", t, group)))

    if ngr:
        cuts.extend(_span_cuts(u, ngr, n, removed_line, group))
    return _merge(u.text, cuts)


def _span_cuts(
    u: Units, ngr: Mapping[int, Template], n: int, removed_line: list[bool], group: str | None
) -> list[_Cut]:
    h, ok = doc_ngrams(u, n)
    if not len(h):
        return []
    hits = [
        i for i, (key, good) in enumerate(zip(h.tolist(), ok.tolist(), strict=True)) if good and key in ngr
    ]
    if not hits:
        return []
    covered = np.zeros(len(u.starts) + 1, dtype=np.int64)
    for i in hits:
        covered[i] += 1
        covered[i + n] -= 1
    cov = np.cumsum(covered)[: len(u.starts)] > 0
    cuts: list[_Cut] = []
    k = 0
    total = len(u.starts)
    i = 0
    while i < total:
        while k + 1 < len(u.lines) and u.lines[k][1] <= i:
            k += 1
        if not cov[i]:
            i += 1
            continue
        la, lb = u.lines[k]
        j = i
        while j + 1 < lb and cov[j + 1]:
            j += 1
        a, b = i, j + 1
        i = b
        if removed_line[k]:
            continue
        gap_before = u.gap_before(a) if a > la else ""
        left = a == la or u.gaps[a - 1] == GAP_SENT
        left_glue = not left and is_glue(u.text, u.ends[a - 1], u.starts[a])
        left_sep = not left and not left_glue and is_separator_gap(gap_before)
        right = b == lb or u.gaps[b - 1] == GAP_SENT
        right_glue = not right and is_glue(u.text, u.ends[b - 1], u.starts[b])
        right_sep = not right and not right_glue and is_separator_gap(u.gap_text(b - 1))
        if not ((left or left_glue or left_sep) and (right or right_glue or right_sep)):
            continue
        if left and right:
            continue  # whole sentences: only removed when they match a line template
        if left_sep and not right:
            continue
        start = _sent_start(u, a) if left else u.starts[a]
        end = _sent_end(u, b) if (right or right_sep) else u.ends[b - 1]
        start, end = _tidy(u.text, start, end, b == lb)
        t = next(ngr[int(h[p])] for p in hits if a <= p < b)
        cuts.append(_Cut(start, end, "boilerplate.mined_span", _reason("span", t, group)))
    return cuts


def _merge(text: str, cuts: list[_Cut]) -> list[Edit]:
    cuts = sorted((c for c in cuts if c.end > c.start), key=lambda c: (c.start, -c.end))
    out: list[Edit] = []
    cur: _Cut | None = None
    for c in cuts:
        if cur is not None and c.start <= cur.end:
            if c.end > cur.end:
                cur = _Cut(cur.start, c.end, cur.rule, cur.reason + "; " + c.reason)
            continue
        if cur is not None:
            out.append(Edit(cur.rule, "mined", cur.start, cur.end, text[cur.start : cur.end], "", cur.reason))
        cur = c
    if cur is not None:
        out.append(Edit(cur.rule, "mined", cur.start, cur.end, text[cur.start : cur.end], "", cur.reason))
    return out
