"""Composing the edit lists of successive rules into one list in the coordinates of the first input.

Each normalisation rule records edits against the text *it* received. :func:`compose` turns
``edits_a`` (text0 -> text1) and ``edits_b`` (text1 -> text2) into one sorted, non-overlapping list
(text0 -> text2). Edits of the two lists that overlap (or an empty one that touches the other) merge into one
edit whose ``old`` is the slice of text0 and whose ``new`` is the slice of text2; its rule ids are joined
with ``+``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Edit

__all__ = ["compose"]


def _join(values: list[str], sep: str) -> str:
    seen: list[str] = []
    for v in values:
        for part in v.split(sep):
            if part and part not in seen:
                seen.append(part)
    return sep.join(seen)


def _touch(s1: int, e1: int, s2: int, e2: int) -> bool:
    """Whether two half-open ranges must merge: they overlap, or one is empty and touches the other."""
    if s1 < e2 and s2 < e1:
        return True
    if s1 == e1 or s2 == e2:
        return s1 <= e2 and s2 <= e1
    return False


def _compose_disjoint(text0: str, edits_a: Sequence[Edit], edits_b: Sequence[Edit]) -> list[Edit] | None:
    """The common case: no edit of ``edits_b`` touches the output of an edit of ``edits_a``. Then the result is
    the two lists merged, ``edits_b`` shifted back to text0 coordinates. Returns None when they touch."""
    result: list[Edit] = []
    i, na = 0, len(edits_a)
    delta = 0  # text1 - text0 for positions after edits_a[:i]
    out_start = edits_a[0].start if na else 0
    out_end = out_start + len(edits_a[0].new) if na else 0
    for eb in edits_b:
        s, e = eb.start, eb.end
        while i < na and out_end <= s and not (out_start == out_end == s):
            if s == e == out_end:  # an insertion touching an edit's end: not disjoint
                return None
            ea = edits_a[i]
            result.append(ea)
            delta += len(ea.new) - (ea.end - ea.start)
            i += 1
            if i < na:
                out_start = edits_a[i].start + delta
                out_end = out_start + len(edits_a[i].new)
        if i < na and (
            (s < out_end and out_start < e)
            or ((s == e or out_start == out_end) and s <= out_end and out_start <= e)
        ):
            return None  # overlaps, or an empty one touches the other (see _touch)
        a0, a1 = s - delta, e - delta
        result.append(
            eb if a0 == eb.start else Edit(eb.rule, eb.kind, a0, a1, text0[a0:a1], eb.new, eb.reason)
        )
    result.extend(edits_a[i:])
    return result


def compose(text0: str, edits_a: Sequence[Edit], text2: str, edits_b: Sequence[Edit]) -> list[Edit]:
    """Compose ``edits_a`` (text0 -> text1) with ``edits_b`` (text1 -> text2) into text0 -> text2 edits.

    Args:
        text0: The text ``edits_a`` apply to.
        edits_a: Sorted, non-overlapping edits in text0 coordinates.
        text2: The final text (``edits_b`` applied to text1).
        edits_b: Sorted, non-overlapping edits in text1 coordinates.

    Returns:
        Sorted, non-overlapping edits in text0 coordinates that turn text0 into text2.

    >>> a = [Edit("r1", "k", 1, 2, "|", "।")]             # "क| ख" -> "क। ख"
    >>> b = [Edit("r2", "k", 2, 3, " ", "")]              # "क। ख" -> "क।ख"
    >>> [(e.rule, e.start, e.end, e.old, e.new) for e in compose("क| ख", a, "क।ख", b)]
    [('r1', 1, 2, '|', '।'), ('r2', 2, 3, ' ', '')]
    >>> c = [Edit("r3", "k", 1, 3, "। ", "॥")]             # overlaps r1's output: merged
    >>> [(e.rule, e.old, e.new) for e in compose("क| ख", a, "क॥ख", c)]
    [('r1+r3', '| ', '॥')]
    """
    if not edits_a:
        return list(edits_b)
    if not edits_b:
        return list(edits_a)
    fast = _compose_disjoint(text0, edits_a, edits_b)
    if fast is not None:
        return fast
    # output ranges of edits_a in text1 coordinates
    out_a: list[tuple[int, int]] = []
    delta = 0
    for e in edits_a:
        s = e.start + delta
        out_a.append((s, s + len(e.new)))
        delta += len(e.new) - (e.end - e.start)

    result: list[Edit] = []
    i = j = 0
    na, nb = len(edits_a), len(edits_b)
    delta_a = 0  # text1 - text0 offset for positions after the edits_a consumed so far
    delta_b = 0  # text2 - text1 offset for positions after the edits_b consumed so far
    while i < na or j < nb:
        # start a group with whichever interval starts first (an edits_a one on ties)
        if j >= nb or (i < na and out_a[i][0] <= edits_b[j].start):
            gs, ge = out_a[i]
            members_a = [i]
            members_b: list[int] = []
            i += 1
        else:
            gs, ge = edits_b[j].start, edits_b[j].end
            members_a = []
            members_b = [j]
            j += 1
        grown = True
        while grown:
            grown = False
            while i < na and _touch(gs, ge, *out_a[i]):
                gs, ge = min(gs, out_a[i][0]), max(ge, out_a[i][1])
                members_a.append(i)
                i += 1
                grown = True
            while j < nb and _touch(gs, ge, edits_b[j].start, edits_b[j].end):
                gs, ge = min(gs, edits_b[j].start), max(ge, edits_b[j].end)
                members_b.append(j)
                j += 1
                grown = True
        a0 = gs - delta_a
        for k in members_a:
            ea = edits_a[k]
            delta_a += len(ea.new) - (ea.end - ea.start)
        a1 = ge - delta_a
        f0 = gs + delta_b
        for k in members_b:
            eb = edits_b[k]
            delta_b += len(eb.new) - (eb.end - eb.start)
        f1 = ge + delta_b
        if len(members_a) + len(members_b) == 1:
            src = edits_a[members_a[0]] if members_a else edits_b[members_b[0]]
            if src.start == a0 and src.end == a1:
                result.append(src)
            else:
                result.append(Edit(src.rule, src.kind, a0, a1, text0[a0:a1], src.new, src.reason))
            continue
        group = [edits_a[k] for k in members_a] + [edits_b[k] for k in members_b]
        old, new = text0[a0:a1], text2[f0:f1]
        if old == new:
            continue  # the second rule undid the first
        result.append(
            Edit(
                _join([e.rule for e in group], "+"),
                _join([e.kind for e in group], "+"),
                a0,
                a1,
                old,
                new,
                _join([e.reason for e in group], "; "),
            )
        )
    return result
