"""Headline and standfirst echoes: the title, or its first words, pasted into the body.

Publishers paste the headline (or its first clause, the "keyphrase") at paragraph ends, glued after ``।`` or
``”`` with no space, on lines of their own, and after the dateline joined by a comma. Matching is done on folded
keys (:mod:`.keys`), so spacing, punctuation, nukta, zero-width characters and Latin case do not matter; one
changed word is tolerated in a long echo. An occurrence is removed only where inserted text sits
(:mod:`.sites`): a sentence that merely *begins* like the headline stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from .keys import Folded, key
from .sites import (
    AFTER_TERM,
    AFTER_WORD,
    BEFORE_TEXT,
    COMMA,
    LINE_END,
    LINE_START,
    left_site,
    right_site,
    trailing_punct,
)
from .spans import Candidate

__all__ = ["find_echoes"]

MIN_CHARS = 8  # a pasted prefix must have at least this many key characters ...
MIN_TOKENS = 2  # ... and this many words
GLUED_MIN_CHARS = 10  # glued to a word with no space: stricter
WINDOW_SLACK = 40


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    tokens: int
    full: bool
    site: str


def _match_tokens(window: list[str], toks: list[str], *, complete: bool) -> tuple[int, bool]:
    """Number of leading title tokens matched (one substitution allowed inside a long match)."""
    usable = len(window) if complete else len(window) - 1
    limit = min(usable, len(toks))
    i = 0
    while i < limit and window[i] == toks[i]:
        i += 1
    if i >= len(toks) or i < MIN_TOKENS or len(toks) < 5:
        return i, False
    j = i + 1
    while j < limit and window[j] == toks[j]:
        j += 1
    if j - (i + 1) >= 2 and (j == len(toks) or j >= 5):
        return j, True
    return i, False


def find_echoes(
    text: str,
    folded: Folded,
    ref: str,
    *,
    rule: str = "boilerplate.title_echo",
    kind: str = "title_echo",
) -> list[Candidate]:
    """Find pasted copies of ``ref`` (a headline or standfirst) or of its first words in ``text``.

    Args:
        text: The body.
        folded: ``fold(text)``.
        ref: The headline (or standfirst).
        rule: Rule id for the edits.
        kind: Kind for the edits.

    Returns:
        Candidate spans in ``text`` coordinates (not yet tidied).

    >>> from newsclean.boilerplate.keys import fold
    >>> body = "रायपुर। खबर यहां है।राज्य में नई नीति लागू\\nदूसरा पैरा।"
    >>> [body[c.start:c.end] for c in find_echoes(body, fold(body), "राज्य में नई नीति लागू, जानिए")]
    ['राज्य में नई नीति लागू']
    """
    rkey = key(ref)
    toks = rkey.split(" ")
    if not rkey or (len(toks) < MIN_TOKENS and len(rkey) < 12):
        return []
    probe = " ".join(toks[:MIN_TOKENS])
    fkey = folded.key
    hits: list[_Hit] = []
    pending: list[_Hit] = []
    pos = fkey.find(probe)
    while pos >= 0:
        stop = pos + len(rkey) + WINDOW_SLACK
        window = fkey[pos:stop].split(" ")
        n, _ = _match_tokens(window, toks, complete=stop >= len(fkey))
        nxt = pos + 1
        if n >= MIN_TOKENS or (n == len(toks)):
            mlen = len(" ".join(window[:n]))
            full = n == len(toks)
            s = folded.raw_start(pos)
            e = trailing_punct(text, folded.raw_end(pos + mlen))
            hit = _classify(text, s, e, n, mlen, full)
            if hit is not None:
                if hit.site == "pending":
                    pending.append(hit)
                else:
                    hits.append(hit)
                    nxt = pos + mlen
        pos = fkey.find(probe, nxt)
    if pending:
        best = max((h.tokens for h in hits), default=0)
        hits.extend(h for h in pending if h.full or (h.tokens >= 3 and h.tokens <= best))
    reason = "pasted copy of the headline/standfirst, or of its first words, at an insertion site"
    return [Candidate(h.start, h.end, rule, kind, reason) for h in sorted(hits, key=lambda h: h.start)]


def _classify(text: str, s: int, e: int, n: int, mlen: int, full: bool) -> _Hit | None:
    """Decide from the sites around ``[s, e)`` whether the occurrence is pasted, pending or content."""
    left, glued = left_site(text, s)
    right, after = right_site(text, e)
    enough = (n >= MIN_TOKENS and mlen >= MIN_CHARS) or full
    if right == LINE_END:
        if left in (LINE_START, AFTER_TERM) and enough:
            return _Hit(s, e, n, full, "strong")
        if left == AFTER_WORD and glued and n >= MIN_TOKENS and mlen >= GLUED_MIN_CHARS:
            return _Hit(s, e, n, full, "strong")
        return None
    if right == COMMA and left in (LINE_START, AFTER_TERM) and (full or n >= 4):
        return _Hit(s, after, n, full, "strong" if full else "pending")
    if right in (BEFORE_TEXT, COMMA) and left in (LINE_START, AFTER_TERM) and n >= 3:
        return _Hit(s, e, n, full, "pending")
    return None
