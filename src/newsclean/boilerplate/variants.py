"""Headline variants: a pasted headline with a word changed, inserted or dropped.

Exact and near-exact echoes are found by :mod:`.title_echo`. Here whole lines and paragraph tails whose length
is close to the headline's are aligned with it word by word (``rapidfuzz`` Levenshtein over the folded words,
``processor=None`` so no Devanagari is mangled) and kept when at most one word in eight differs and the folded
strings are at least 85 % alike. Only segments of about the headline's length are folded and aligned, so the cost
stays linear in the text.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .keys import key
from .repeats import tail_start
from .sites import AFTER_TERM, LINE_START, left_site
from .spans import Candidate

__all__ = ["find_variants"]

MIN_WORDS = 5  # shorter headlines are matched exactly only
MIN_RATIO = 85.0
RAW_CUTOFF = 70.0


@lru_cache(maxsize=256)
def _ref_key(ref: str) -> tuple[str, list[str]]:
    rkey = key(ref)
    return rkey, rkey.split(" ")


def find_variants(
    text: str,
    ref: str,
    *,
    rule: str = "boilerplate.title_variant",
    kind: str = "title_echo",
) -> list[Candidate]:
    """Find lines or paragraph tails that are the headline ``ref`` with a word or two changed.

    Args:
        text: The body.
        ref: The headline (or standfirst).
        rule: Rule id for the edits.
        kind: Kind for the edits.

    Returns:
        Candidate spans (not yet tidied or merged).

    >>> title = "राज्य सरकार ने किसानों के लिए नई बीमा योजना शुरू की"
    >>> body = "खबर यहां है।\\nराज्य सरकार ने किसानों के वास्ते नई बीमा योजना शुरू की\\nअंत।"
    >>> [body[c.start:c.end] for c in find_variants(body, title)]
    ['राज्य सरकार ने किसानों के वास्ते नई बीमा योजना शुरू की']
    """
    rkey, rwords = _ref_key(ref)
    if len(rwords) < MIN_WORDS:
        return []
    lo, hi = int(len(ref) * 0.75), int(len(ref) * 1.3) + 2
    budget = max(1, len(rwords) // 8)
    out: list[Candidate] = []
    n = len(text)
    pos = 0
    while pos <= n:
        nl = text.find("\n", pos)
        le = n if nl < 0 else nl
        if le - pos >= lo:
            # the whole line, and the tail after its last terminator (only the end of a long line is sliced)
            w0 = pos if le - pos <= hi + 8 else le - hi - 8
            piece = text[w0:le]
            t = tail_start(piece)
            starts = ([0] if w0 == pos else []) + ([t] if t > 0 else [])
            for start in starts:
                seg = piece[start:].strip()
                if not lo <= len(seg) <= hi or not fuzz.ratio(
                    seg, ref, processor=None, score_cutoff=RAW_CUTOFF
                ):
                    continue  # cheap raw comparison first: only likely variants are folded and aligned
                skey = key(seg)
                if Levenshtein.distance(skey.split(" "), rwords) > budget:
                    continue
                if fuzz.ratio(skey, rkey, processor=None) < MIN_RATIO:
                    continue
                s = w0 + start + (len(piece) - start - len(piece[start:].lstrip()))
                if left_site(text, s)[0] in (LINE_START, AFTER_TERM):
                    reason = "pasted headline with a word changed (word alignment)"
                    out.append(Candidate(s, s + len(seg), rule, kind, reason))
                    break
        if nl < 0:
            break
        pos = nl + 1
    return out
