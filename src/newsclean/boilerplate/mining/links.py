"""Related-article links: headlines of the group's articles pasted into a text.

A headline is removed when it is a whole sentence (or line), or when a known lead-in ending in a
separator comes before it ("यह भी पढ़ें: <headline>"): then the lead-in goes too, and the headline may run
into the next sentence with no boundary. A headline followed by text that repeats its words is a crosshead
(or a story's own headline) and stays.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

from .cuts import Cut, sent_end, sent_start, tidy, to_line_end
from .hashing import part_salt
from .select import GroupTemplates
from .state import PRE
from .text import (
    FLAG_GLUE,
    FLAG_SEP,
    GAP_LINE,
    GAP_NONE,
    GAP_SENT,
    Units,
    separator_class,
)

__all__ = ["MAX_LEAD", "NEAR", "headline_cuts"]

#: tokens a lead-in before a linked headline may have ("यह भी पढ़ें- 1.")
MAX_LEAD = 5


def _known_lead_in(u: Units, s: int, p: int, t: GroupTemplates) -> bool:
    """True if tokens ``[s, p)`` start with a lead-in template and end at a separator or boundary."""
    if not (u.flags[p - 1] & FLAG_SEP or u.gaps[p - 1] == GAP_SENT):
        return False
    return any(
        u.key(s, c, part_salt(PRE, separator_class(u, c))) in t.parts
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
    end = min(q + NEAR, len(u.ids))
    if end - q < 3:
        return False
    raw = u.raw_prefix
    head = raw.keys(np.arange(p, q - 2), np.arange(p + 3, q + 1)).tolist()
    after = set(raw.keys(np.arange(q, end - 2), np.arange(q + 3, end + 1)).tolist())
    return sum(1 for h in head if h in after) >= 2


def headline_cuts(u: Units, t: GroupTemplates, removed_line: list[bool], group: str | None) -> list[Cut]:
    """Cuts for the headlines of the group's articles pasted into ``u`` (related-article links).

    A headline is removed when it is a whole sentence (or line), or when a short lead-in ending in a
    separator comes before it ("यह भी पढ़ें: <headline>"): then the lead-in goes too, and the headline
    may run into the next sentence with no boundary.
    """
    cuts: list[Cut] = []
    firsts = t.first_index
    total = len(u.ids)
    if not len(firsts) or not total:
        return cuts
    gaps, flags = u.gaps, u.flags
    g, f = u.gap_arrays()
    # a headline can only be cut from a line start, a sentence start, or after a separator (its lead-in's);
    # and it ends at a line end, a sentence end, a separator or a glued script change, unless a lead-in
    # comes before it
    lead_ok = np.zeros(total + 1, dtype=bool)
    lead_ok[1:] = (g == GAP_SENT) | ((f & FLAG_SEP) != 0)
    start_ok = lead_ok[:total].copy()
    start_ok[1:] |= g[:-1] == GAP_LINE
    start_ok[0] = True
    right_ok = np.zeros(total + 1, dtype=bool)
    right_ok[1:] = (g != GAP_NONE) | ((f & (FLAG_GLUE | FLAG_SEP)) != 0)
    at = np.flatnonzero(start_ok)
    raw_at = u.raw_ids[at]
    where = np.minimum(np.searchsorted(firsts, raw_at), len(firsts) - 1)
    candidates = at[firsts[where] == raw_at]
    if not len(candidates):
        return cuts
    line_starts = [a for a, _ in u.lines]
    line_of = [bisect_right(line_starts, p) - 1 for p in candidates.tolist()]
    line_end = np.array([u.lines[k][1] for k in line_of], dtype=np.int64)
    # every (candidate start, headline length) window inside its line at once, looked up among all the headlines
    sizes = t.title_sizes
    starts = np.repeat(candidates, len(sizes))
    lengths = (np.zeros((len(candidates), 1), dtype=np.int64) + sizes).ravel()
    ends = starts + lengths
    fit = ends <= np.repeat(line_end, len(sizes))
    fit[fit] = lead_ok[starts[fit]] | right_ok[ends[fit]]
    starts, lengths = starts[fit], lengths[fit]
    if not len(starts):
        return cuts
    h = u.raw_prefix.keys(starts, starts + lengths)
    keys = t.title_keys
    at = np.minimum(np.searchsorted(keys, h), len(keys) - 1)
    hit = np.flatnonzero((keys[at] == h) & (t.title_lengths[at] == lengths))
    if not len(hit):
        return cuts
    # in the order of the headline lengths, then of the positions
    order = np.lexsort((starts[hit], t.size_rank[lengths[hit]]))
    for p, size in zip(starts[hit][order].tolist(), lengths[hit][order].tolist(), strict=True):
        q = p + size
        k = bisect_right(line_starts, p) - 1
        if removed_line[k]:
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
        end = sent_end(u, q) if right else u.ends[q - 1]
        start, end = to_line_end(u, s, la, lb) if q == lb else tidy(u.text, sent_start(u, s), end, False)
        text = u.text[u.starts[p] : u.ends[q - 1]]
        reason = f"headline of an article of {'group ' + repr(group) if group is not None else 'the corpus'}"
        cuts.append(Cut(start, end, "boilerplate.mined_link", f"mined link {text!r}: {reason}"))
    return cuts
