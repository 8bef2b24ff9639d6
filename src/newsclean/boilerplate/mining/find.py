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

import numpy as np

from ...types import Edit
from .cuts import (
    Cut,
    line_cut,
    merge_cuts,
    sent_end,
    sent_start,
    spare_dateline,
    template_reason,
    tidy,
    to_line_end,
)
from .hashing import part_salt
from .links import headline_cuts
from .place import Place
from .select import GroupTemplates, is_in
from .state import PRE, SUF, Template
from .text import (
    FLAG_GLUE,
    FLAG_SEP,
    GAP_SENT,
    MAX_PART,
    Units,
    is_slot,
    separator_class,
    separator_points,
)

__all__ = ["MAX_SPAN_POINTS", "Template", "find_edits"]

#: cut points a glued line template may span
MAX_SPAN_POINTS = 8


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
    first: list[bool],
    group: str | None,
) -> list[Cut]:
    """Line templates glued into line ``[a, b)``: between cut points, or as the line's tail (only from
    cut points whose token can start a template: ``first[c]``)."""
    cuts: list[Cut] = []
    masked = u.masked
    points, strong, glue = cut
    starts = [c for c in (a, *points) if (c == a or c in strong or c in glue) and first[c]]
    ends = [*points, b]
    for c1 in starts:
        j = bisect_right(ends, c1)
        for c2 in ends[j : j + MAX_SPAN_POINTS]:
            if (c1 == a and c2 == b) or all(masked[c1:c2]):
                continue
            t = lines.get(u.key(c1, c2))
            if t is None:
                continue
            start = sent_start(u, c1)
            end = u.ends[c2 - 1] if c2 in glue else sent_end(u, c2)
            start, end = tidy(u.text, start, end, c2 == b)
            cuts.append(Cut(start, end, "boilerplate.mined_glued", template_reason("line", t, group)))
    # a template of two or more words appended to a line with only a space before it
    for size in sizes:
        c = b - size
        if c <= a or c in strong or c in glue or not first[c]:
            continue
        t = lines.get(u.key(c, b))
        if t is not None:
            start, end = tidy(u.text, sent_start(u, c), sent_end(u, b), True)
            cuts.append(Cut(start, end, "boilerplate.mined_glued", template_reason("line", t, group)))
    return cuts


def _slot_lines(
    u: Units,
    a: int,
    b: int,
    cut: tuple[list[int], set[int], set[int]],
    seps: list[int],
    parts: Mapping[int, Template],
    group: str | None,
) -> list[Cut]:
    """A known lead-in or tail plus a short free part (a headline, a name): the rest of the line goes;
    ``seps`` are the line's :func:`~.text.separator_points`."""
    _, strong, glue = cut
    heads = sorted({a} | strong | glue)
    cuts: list[Cut] = []
    for c in seps:
        # lead-in [s, c) + free part [c, b): the free part is short and holds no sentence boundary
        if is_slot(u, c, b, line_end=True):
            for s in heads[bisect_left(heads, c - MAX_PART) : bisect_left(heads, c - 1)]:
                t = parts.get(u.key(s, c, part_salt(PRE, separator_class(u, c))))
                if t is not None:
                    start, end = to_line_end(u, s, a, b)
                    cuts.append(
                        Cut(start, end, "boilerplate.mined_slot", template_reason("lead-in", t, group))
                    )
                    break
        # free part [s, c) + tail [c, b): s is the last sentence start before c
        if 2 <= b - c <= MAX_PART:
            t = parts.get(u.key(c, b, part_salt(SUF, separator_class(u, c))))
            s = heads[bisect_left(heads, c) - 1]
            if t is not None and is_slot(u, s, c, line_end=False):
                start, end = to_line_end(u, s, a, b)
                cuts.append(Cut(start, end, "boilerplate.mined_slot", template_reason("tail", t, group)))
    return cuts


def find_edits(
    u: Units, t: GroupTemplates, *, n: int, group: str | None, title: str | None = None
) -> list[Edit]:
    """Removal edits for line templates (whole, glued into a line), lead-ins/tails, headline links and
    n-gram spans.

    Args:
        u: the analysed text.
        t: the templates to apply.
        n: the n-gram length the templates were counted with.
        group: group name, for the reasons.
        title: the text's headline, if known (see :class:`~newsclean.boilerplate.mining.place.Place`).

    Returns:
        Sorted, non-overlapping removal edits.

    >>> from newsclean.boilerplate.mining.text import analyse, seq_hash
    >>> u = analyse("खबर है।\\nविज्ञापन\\nदूसरी खबर।")
    >>> ad = Template(df=5, size=1, text="विज्ञापन", first=int(u.ids[2]))
    >>> t = GroupTemplates(3, {seq_hash(u.ids[2:3]): ad}, {}, {})
    >>> [e.old for e in find_edits(u, t, n=5, group=None)]
    ['विज्ञापन\\n']
    >>> u = analyse("खबर है।विज्ञापन\\nदूसरी खबर।")
    >>> [e.old for e in find_edits(u, t, n=5, group=None)]
    ['विज्ञापन']
    """
    lines, parts = t.lines, t.parts
    cuts: list[Cut] = []
    masked = u.masked
    place = Place(u.text, title)
    removed_line = [False] * len(u.lines)
    sizes = t.line_sizes
    # which tokens can start a line template (a glued one needs one), and how many up to each token
    if lines and len(u.ids):
        first_a = is_in(u.ids, t.line_first_index)
        first = first_a.tolist()
        first_cum = np.concatenate(([0], np.cumsum(first_a))).tolist()
    else:
        first, first_cum = [], [0] * (len(u.ids) + 1)
    for k, (a, b) in enumerate(u.lines):
        if all(masked[a:b]):
            continue
        tl = lines.get(u.key(a, b))
        if tl is not None and place.content_here(u.starts[a], tl, t.docs):
            tl = None  # a dateline or a crosshead that many stories share: content where it stands
        if tl is not None:
            s, e = line_cut(u, k)
            cuts.append(Cut(s, e, "boilerplate.mined_line", template_reason("line", tl, group)))
            removed_line[k] = True
            if tl.size <= MAX_LABEL and _widget(u, k):
                for j in (k - 1, k + 1):
                    s, e = line_cut(u, j)
                    reason = f"the same headline on both sides of {tl.text!r}"
                    cuts.append(Cut(s, e, "boilerplate.mined_widget", reason))
                    removed_line[j] = True
            continue
        if b - a < 2:
            continue
        glued = first_cum[b] > first_cum[a]
        seps = separator_points(u, a, b) if parts else []
        if not (glued or seps):
            continue
        cut = _cut_points(u, a, b)
        if glued:
            cuts.extend(_whole_or_glued(u, a, b, cut, lines, sizes, first, group))
        if seps:
            cuts.extend(_slot_lines(u, a, b, cut, seps, parts, group))
    if t.title_index:
        cuts.extend(c for c in headline_cuts(u, t, removed_line, group) if place.link_here(c.start, c.end))
    if t.ngrams:
        cuts.extend(_span_cuts(u, t, n, removed_line, group))
    return merge_cuts(u.text, spare_dateline(u.text, cuts))


def _span_cuts(u: Units, t: GroupTemplates, n: int, removed_line: list[bool], group: str | None) -> list[Cut]:
    ngr = t.ngrams
    first = is_in(u.ids, t.ngram_first_index) if len(u.ids) >= n else np.zeros(0, dtype=bool)
    if not first.any():
        return []  # no token can start a template n-gram
    p, ok = u.span_windows(n)
    p = p[ok]
    p = p[first[p]]
    if not len(p):
        return []
    keys = u.prefix.keys(p, p + n).tolist()
    hit_keys = {i: k for i, k in zip(p.tolist(), keys, strict=True) if k in ngr}
    hits = sorted(hit_keys)
    if not hits:
        return []
    covered = np.zeros(len(u.starts) + 1, dtype=np.int64)
    for i in hits:
        covered[i] += 1
        covered[i + n] -= 1
    pos = np.flatnonzero(np.cumsum(covered)[: len(u.starts)] > 0).tolist()  # the covered tokens
    line_starts = [la for la, _ in u.lines]
    cuts: list[Cut] = []
    x = 0
    while x < len(pos):
        # a run of covered tokens inside one line
        i = pos[x]
        k = bisect_right(line_starts, i) - 1
        la, lb = u.lines[k]
        y = x
        while y + 1 < len(pos) and pos[y + 1] == pos[y] + 1 and pos[y + 1] < lb:
            y += 1
        a, b = i, pos[y] + 1
        x = y + 1
        if removed_line[k]:
            continue
        cut = _span_bounds(u, a, b, la, lb, n)
        if cut is None:
            continue
        start, end, last = cut
        start, end = tidy(u.text, start, end, last)
        tg = next(ngr[hit_keys[q]] for q in hits if a <= q < b)
        cuts.append(Cut(start, end, "boilerplate.mined_span", template_reason("span", tg, group)))
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
    start = sent_start(u, a2) if left == "sentence" else u.starts[a2]
    end = u.ends[b2 - 1] if right == "glue" else sent_end(u, b2)
    return start, end, b2 == lb
