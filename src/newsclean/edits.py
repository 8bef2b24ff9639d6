"""Replaying edits and mapping offsets through them.

Edits are sorted by ``start`` and do not overlap; zero-width edits (insertions) are allowed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .types import Edit

__all__ = ["apply_edits", "check_edits", "input_span", "output_offsets"]


def check_edits(text: str, edits: Sequence[Edit]) -> None:
    """Raise ``ValueError`` unless ``edits`` are sorted, non-overlapping and each ``old`` matches ``text``.

    >>> from newsclean import Edit
    >>> check_edits("क|", [Edit("r", "k", 1, 2, "|", "।")])
    >>> check_edits("क|", [Edit("r", "k", 0, 1, "|", "।")])
    Traceback (most recent call last):
    ...
    ValueError: edit 0 (r): old '|' != text[0:1] 'क'
    """
    pos = 0
    for i, e in enumerate(edits):
        if e.start < pos or e.end < e.start or e.end > len(text):
            msg = f"edit {i} ({e.rule}): span [{e.start}, {e.end}) overlaps or is out of range"
            raise ValueError(msg)
        if text[e.start : e.end] != e.old:
            msg = f"edit {i} ({e.rule}): old {e.old!r} != text[{e.start}:{e.end}] {text[e.start : e.end]!r}"
            raise ValueError(msg)
        pos = e.end


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits (in ``text`` coordinates) and return the new text.

    >>> from newsclean import Edit
    >>> apply_edits("नमस्ते|दुनिया", [Edit("r", "k", 6, 7, "|", "। ")])
    'नमस्ते। दुनिया'
    """
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.new)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def output_offsets(edits: Sequence[Edit]) -> tuple[list[int], list[int]]:
    """Return ``(out_starts, out_ends)``: where each edit's ``new`` text sits in the output."""
    starts: list[int] = []
    ends: list[int] = []
    delta = 0
    for e in edits:
        s = e.start + delta
        starts.append(s)
        ends.append(s + len(e.new))
        delta += len(e.new) - (e.end - e.start)
    return starts, ends


def _to_input(edits: Sequence[Edit], starts: list[int], ends: list[int], pos: int, *, is_end: bool) -> int:
    if is_end:
        # ``pos`` is exclusive: the last character is ``pos - 1``; only edits starting before it matter
        i = bisect_left(starts, pos) - 1
        if i < 0:
            return pos
        if pos <= ends[i]:  # the last character is replacement text: cover the whole replaced range
            return edits[i].end
        return edits[i].end + (pos - ends[i])
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return pos
    if pos < ends[i]:  # the first character is replacement text
        return edits[i].start
    return edits[i].end + (pos - ends[i])


def input_span(edits: Sequence[Edit], start: int, end: int) -> tuple[int, int]:
    """Map the output range ``[start, end)`` of a step back to its input range.

    >>> from newsclean import Edit
    >>> edits = [Edit("r", "k", 2, 5, "abc")]          # "xxabcyy" -> "xxyy"
    >>> input_span(edits, 2, 4)
    (5, 7)
    >>> input_span(edits, 0, 3)
    (0, 6)
    """
    if not edits:
        return start, end
    starts, ends = output_offsets(edits)
    s = _to_input(edits, starts, ends, start, is_end=False)
    e = _to_input(edits, starts, ends, end, is_end=True) if end > start else s
    return s, max(s, e)
