"""Apply mined templates to one text: removal edits in raw-text coordinates.

The levels, each recorded with its own rule id (kind ``mined``):

1. ``mined_line``: a line whose key is a line template goes whole, with the line break(s) after it; a
   ``mined_widget`` label ("Also Read") takes the equal headline lines above and below it too.
2. ``mined_glued``: a line template inside a longer line, between cut points (sentence boundaries, a
   script change with no space, separators), or appended at the end of a line after a space.
3. ``mined_slot``: a known lead-in ("यह भी पढ़ें:") or tail ("- फोटो : एजेंसी") with a short free part
   that is not a sentence: the line goes (from a sentence start, when glued after text).
4. ``mined_link``: the headline of an article of the group, alone at a sentence start and end, or after
   a known lead-in; not when the text after it repeats its words (a crosshead and its story).
5. ``mined_span``: a run of template n-grams glued to content on one side without a sentence boundary
   (an SEO lead-in before ``:``, a credit glued to a word of another script); a run of whole sentences is
   never removed at this level.

What stays: every token not covered by a template, punctuation that belongs to a kept sentence, and
repeated content inside a sentence (a quotation, a refrain after "ने कहा,"). Removed spans take one
side's joining whitespace, never a neighbouring sentence's characters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..types import Edit
from .mining_select import GroupTemplates
from .mining_state import PRE, SUF, Template, doc_ngrams
from .mining_text import (
    FLAG_GLUE,
    FLAG_SEP,
    GAP_LINE,
    GAP_SENT,
    LINE_BREAKS,
    MAX_PART,
    Units,
    WindowHasher,
    is_slot,
    separator_class,
    separator_points,
    seq_hash,
    split_gap,
)

__all__ = ["MAX_SPAN_POINTS", "Template", "find_edits"]

#: cut points a glued line template may span
MAX_SPAN_POINTS = 8


_HSPACE = frozenset(
    " \t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


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
    for k in range(len(gap) - 1, -1, -1):
        if gap[k] in LINE_BREAKS:
            return lo + k + 1
    return u.starts[i]


def _line_cut(u: Units, k: int) -> tuple[int, int]:
    """The whole line ``k`` with the break(s) after it (or, for the last line, the break before it)."""
    a, _ = u.lines[k]
    if k + 1 < len(u.lines):
        return _after_break(u, a), _after_break(u, u.lines[k + 1][0])
    if k == 0:
        return 0, len(u.text)
    return _sent_end(u, u.lines[k - 1][1]), len(u.text)


#: tokens a widget label may have ("Also Read", "यह भी पढ़ें")
MAX_LABEL = 4


def _widget(u: Units, k: int) -> bool:
    """True if line ``k`` (a template such as "Also Read") sits between two equal headline-like lines:
    a related-article widget that repeats the linked headline above and below its label."""
    if k == 0 or k + 1 >= len(u.lines):
        return False
    (a1, b1), (a2, b2) = u.lines[k - 1], u.lines[k + 1]
    if b1 - a1 != b2 - a2 or not bool((u.raw_ids[a1:b1] == u.raw_ids[a2:b2]).all()):
        return False
    return is_slot(u, a1, b1, line_end=True)


def _cut_points(u: Units, a: int, b: int) -> tuple[list[int], set[int], set[int]]:
    """Token indices inside line ``[a, b)`` where inserted text can begin or end.

    Returns ``(points, strong, glue)``: ``strong`` are sentence boundaries, ``glue`` script changes with no
    space; ``points`` also holds separator gaps (``:``, ``|``, dash) and spaced script changes, which can
    only end a lead-in.
    """
    gaps, flags = u.gaps, u.flags
    marks = u.marks
    points = marks[bisect_right(marks, a) : bisect_left(marks, b)]
    strong = {c for c in points if gaps[c - 1] == GAP_SENT}
    glue = {c for c in points if flags[c - 1] & FLAG_GLUE and c not in strong}
    return points, strong, glue


def _whole_or_glued(
    u: Units,
    a: int,
    b: int,
    cut: tuple[list[int], set[int], set[int]],
    lines: Mapping[int, Template],
    sizes: tuple[int, ...],
    firsts: frozenset[int],
    group: str | None,
) -> list[_Cut]:
    """Line templates glued into line ``[a, b)``: between cut points, or as the line's tail (only from
    cut points whose token can start a template: ``firsts``)."""
    cuts: list[_Cut] = []
    masked = u.masked
    ids = u.ids
    points, strong, glue = cut
    starts = [c for c in (a, *points) if (c == a or c in strong or c in glue) and int(ids[c]) in firsts]
    ends = [*points, b]
    for c1 in starts:
        j = bisect_right(ends, c1)
        for c2 in ends[j : j + MAX_SPAN_POINTS]:
            if (c1 == a and c2 == b) or all(masked[c1:c2]):
                continue
            t = lines.get(seq_hash(u.ids[c1:c2]))
            if t is None:
                continue
            start = _sent_start(u, c1)
            end = u.ends[c2 - 1] if c2 in glue else _sent_end(u, c2)
            start, end = _tidy(u.text, start, end, c2 == b)
            cuts.append(_Cut(start, end, "boilerplate.mined_glued", _reason("line", t, group)))
    # a template of two or more words appended to a line with only a space before it
    for size in sizes:
        c = b - size
        if c <= a or c in strong or c in glue or int(ids[c]) not in firsts:
            continue
        t = lines.get(seq_hash(u.ids[c:b]))
        if t is not None:
            start, end = _tidy(u.text, _sent_start(u, c), _sent_end(u, b), True)
            cuts.append(_Cut(start, end, "boilerplate.mined_glued", _reason("line", t, group)))
    return cuts


def _to_line_end(u: Units, s: int, a: int, b: int) -> tuple[int, int]:
    """Cut from token ``s`` to the end of line ``[a, b)``: the whole line with its break if ``s == a``."""
    if s == a:
        return _line_cut(u, bisect_left(u.lines, (a, b)))  # lines are sorted
    return _tidy(u.text, _sent_start(u, s), _sent_end(u, b), True)


def _slot_lines(
    u: Units,
    a: int,
    b: int,
    cut: tuple[list[int], set[int], set[int]],
    parts: Mapping[int, Template],
    group: str | None,
) -> list[_Cut]:
    """A known lead-in or tail plus a short free part (a headline, a name): the rest of the line goes."""
    seps = separator_points(u, a, b)
    if not seps:
        return []
    _, strong, glue = cut
    heads = sorted({a} | strong | glue)
    cuts: list[_Cut] = []
    for c in seps:
        # lead-in [s, c) + free part [c, b): the free part is short and holds no sentence boundary
        if is_slot(u, c, b, line_end=True):
            for s in heads[bisect_left(heads, c - MAX_PART) : bisect_left(heads, c - 1)]:
                t = parts.get(seq_hash(u.ids[s:c], PRE + separator_class(u, c)))
                if t is not None:
                    start, end = _to_line_end(u, s, a, b)
                    cuts.append(_Cut(start, end, "boilerplate.mined_slot", _reason("lead-in", t, group)))
                    break
        # free part [s, c) + tail [c, b): s is the last sentence start before c
        if 2 <= b - c <= MAX_PART:
            t = parts.get(seq_hash(u.ids[c:b], SUF + separator_class(u, c)))
            s = heads[bisect_left(heads, c) - 1]
            if t is not None and is_slot(u, s, c, line_end=False):
                start, end = _to_line_end(u, s, a, b)
                cuts.append(_Cut(start, end, "boilerplate.mined_slot", _reason("tail", t, group)))
    return cuts


def find_edits(u: Units, t: GroupTemplates, *, n: int, group: str | None) -> list[Edit]:
    """Removal edits for line templates (whole, glued into a line), lead-ins/tails, headline links and
    n-gram spans.

    Args:
        u: the analysed text.
        t: the templates to apply.
        n: the n-gram length the templates were counted with.
        group: group name, for the reasons.

    Returns:
        Sorted, non-overlapping removal edits.

    >>> from newsclean.boilerplate.mining_text import analyse
    >>> ad = Template(df=5, size=1, text="विज्ञापन")
    >>> u = analyse("खबर है।\\nविज्ञापन\\nदूसरी खबर।")
    >>> t = GroupTemplates(3, {seq_hash(u.ids[2:3]): ad}, {}, {})
    >>> [e.old for e in find_edits(u, t, n=5, group=None)]
    ['विज्ञापन\\n']
    >>> u = analyse("खबर है।विज्ञापन\\nदूसरी खबर।")
    >>> [e.old for e in find_edits(u, t, n=5, group=None)]
    ['विज्ञापन']
    """
    lines, parts = t.lines, t.parts
    cuts: list[_Cut] = []
    masked = u.masked
    removed_line = [False] * len(u.lines)
    sizes = t.line_sizes
    for k, (a, b) in enumerate(u.lines):
        if all(masked[a:b]):
            continue
        tl = lines.get(seq_hash(u.ids[a:b]))
        if tl is not None:
            s, e = _line_cut(u, k)
            cuts.append(_Cut(s, e, "boilerplate.mined_line", _reason("line", tl, group)))
            removed_line[k] = True
            if tl.size <= MAX_LABEL and _widget(u, k):
                for j in (k - 1, k + 1):
                    s, e = _line_cut(u, j)
                    reason = f"the same headline on both sides of {tl.text!r}"
                    cuts.append(_Cut(s, e, "boilerplate.mined_widget", reason))
                    removed_line[j] = True
            continue
        if b - a < 2:
            continue
        cut = _cut_points(u, a, b)
        if lines:
            cuts.extend(_whole_or_glued(u, a, b, cut, lines, sizes, t.line_firsts, group))
        if parts:
            cuts.extend(_slot_lines(u, a, b, cut, parts, group))
    if t.title_index:
        cuts.extend(_headline_cuts(u, t, removed_line, group))
    if t.ngrams:
        cuts.extend(_span_cuts(u, t.ngrams, n, removed_line, group))
    return _merge(u.text, cuts)


#: tokens a lead-in before a linked headline may have ("यह भी पढ़ें- 1.")
MAX_LEAD = 5


def _known_lead_in(u: Units, s: int, p: int, t: GroupTemplates) -> bool:
    """True if tokens ``[s, p)`` start with a lead-in template and end at a separator or boundary."""
    if not (u.flags[p - 1] & FLAG_SEP or u.gaps[p - 1] == GAP_SENT):
        return False
    return any(
        seq_hash(u.ids[s:c], PRE + separator_class(u, c)) in t.parts
        for c in range(s + 1, p + 1)
        if u.flags[c - 1] & FLAG_SEP
    )


#: tokens after a headline checked for words it shares (a crosshead introduces its paragraph)
NEAR = 60


def _introduces(u: Units, p: int, q: int) -> bool:
    """True if the text right after the headline ``[p, q)`` repeats three-word runs of it: the line is
    a crosshead (or a story's own headline) followed by its story, not a link to another article."""
    if q - p < 3 or q >= len(u.ids):
        return False
    head = WindowHasher(u.raw_ids[p:q]).hashes(3)
    after = WindowHasher(u.raw_ids[q : q + NEAR]).hashes(3)
    return int(np.isin(head, after).sum()) >= 2


def _headline_cuts(u: Units, t: GroupTemplates, removed_line: list[bool], group: str | None) -> list[_Cut]:
    """Headlines of the group's articles pasted into the text (related-article links).

    A headline is removed when it is a whole sentence (or line), or when a short lead-in ending in a
    separator comes before it ("यह भी पढ़ें: <headline>"): then the lead-in goes too, and the headline
    may run into the next sentence with no boundary.
    """
    total = len(u.ids)
    line_of = np.zeros(total, dtype=np.int64)
    for k, (a, b) in enumerate(u.lines):
        line_of[a:b] = k
    gaps, flags = u.gaps, u.flags
    cuts: list[_Cut] = []
    hasher = WindowHasher(u.raw_ids)
    firsts = t.first_index
    if not len(firsts):
        return cuts
    where = np.minimum(np.searchsorted(firsts, u.raw_ids), len(firsts) - 1)
    candidates = np.flatnonzero(firsts[where] == u.raw_ids)
    for size, keys in t.title_index.items():
        pos = candidates[candidates + size <= total]
        if not len(pos):
            continue
        h = hasher.at(pos, size)
        where = np.minimum(np.searchsorted(keys, h), len(keys) - 1)
        for p in pos[keys[where] == h].tolist():
            q = p + size
            k = int(line_of[p])
            if removed_line[k] or line_of[q - 1] != k:
                continue
            la, lb = u.lines[k]
            s = p
            for c in range(p - 1, max(la, p - MAX_LEAD) - 1, -1):
                if _known_lead_in(u, c, p, t):
                    s = c  # a known lead-in may follow text with no boundary ("... गिरावट ये भी पढ़ें:")
                    break
                if c == la or gaps[c - 1] == GAP_SENT:
                    break
            lead_in = s < p
            right = q == lb or gaps[q - 1] == GAP_SENT or flags[q - 1] & (FLAG_GLUE | FLAG_SEP)
            at_start = p == la or gaps[p - 1] == GAP_SENT
            if not (lead_in or (at_start and right)) or _introduces(u, p, q):
                continue
            end = _sent_end(u, q) if right else u.ends[q - 1]
            start, end = (
                _to_line_end(u, s, la, lb) if q == lb else _tidy(u.text, _sent_start(u, s), end, False)
            )
            text = u.text[u.starts[p] : u.ends[q - 1]]
            reason = (
                f"headline of an article of {'group ' + repr(group) if group is not None else 'the corpus'}"
            )
            cuts.append(_Cut(start, end, "boilerplate.mined_link", f"mined link {text!r}: {reason}"))
    return cuts


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
        cut = _span_bounds(u, a, b, la, lb, n)
        if cut is None:
            continue
        start, end, last = cut
        start, end = _tidy(u.text, start, end, last)
        t = next(ngr[int(h[p])] for p in hits if a <= p < b)
        cuts.append(_Cut(start, end, "boilerplate.mined_span", _reason("span", t, group)))
    return cuts


def _span_bounds(u: Units, a: int, b: int, la: int, lb: int, n: int) -> tuple[int, int, bool] | None:
    """Where a run of template n-grams ``[a, b)`` in line ``[la, lb)`` can be cut, if anywhere.

    The run is shrunk to its widest part that starts and ends at a boundary (line edge, sentence
    boundary, script glue, separator). It is cut only when one side is glued to content without a
    sentence boundary (a lead-in before ``:``, a credit glued to a word of another script): a run that is
    whole sentences on both sides is left to the line templates, so a repeated sentence stays.
    """
    gaps, flags = u.gaps, u.flags

    def edge(c: int) -> str:
        if c in (la, lb) or gaps[c - 1] == GAP_SENT:
            return "sentence"
        if flags[c - 1] & FLAG_GLUE:
            return "glue"
        return "sep" if flags[c - 1] & FLAG_SEP else ""

    a2 = next((c for c in range(a, b - n + 1) if edge(c)), None)
    if a2 is None:
        return None
    b2 = next((c for c in range(b, a2 + n - 1, -1) if edge(c)), None)
    if b2 is None:
        return None
    left, right = edge(a2), edge(b2)
    if left == "sentence" and right == "sentence":
        return None
    if left == "sep":
        return None  # what follows a colon or dash is too often a sentence of content
    start = _sent_start(u, a2) if left == "sentence" else u.starts[a2]
    end = u.ends[b2 - 1] if right == "glue" else _sent_end(u, b2)
    return start, end, b2 == lb


def _merge(text: str, cuts: list[_Cut]) -> list[Edit]:
    cuts = sorted((c for c in cuts if c.end > c.start), key=lambda c: (c.start, -c.end))
    out: list[Edit] = []
    cur: _Cut | None = None
    for c in cuts:
        if cur is not None and c.start < cur.end:  # touching cuts stay separate edits
            if c.end > cur.end:
                cur = _Cut(cur.start, c.end, cur.rule, cur.reason + "; " + c.reason)
            continue
        if cur is not None:
            out.append(Edit(cur.rule, "mined", cur.start, cur.end, text[cur.start : cur.end], "", cur.reason))
        cur = c
    if cur is not None:
        out.append(Edit(cur.rule, "mined", cur.start, cur.end, text[cur.start : cur.end], "", cur.reason))
    return out
