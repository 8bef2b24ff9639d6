"""Headline variants: a pasted headline with a word changed, inserted or dropped.

Exact and near-exact echoes are found by :mod:`.title_echo`. Here whole lines and paragraph tails whose length
is close to the headline's are aligned with it word by word (``rapidfuzz`` Levenshtein over the folded words,
``processor=None`` so no Devanagari is mangled) and kept when at most one word in eight differs and the folded
strings are at least 85 % alike. Only segments of about the headline's length are folded and aligned, so the cost
stays linear in the text.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..keys import key
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
    for pos, le in _candidate_lines(text, _anchors(ref), lo):
        # the whole line, and the tail after its last terminator (only the end of a long line is sliced)
        w0 = pos if le - pos <= hi + 8 else le - hi - 8
        piece = text[w0:le]
        end = piece[-len(ref) :]
        likely_tail = fuzz.ratio(end, ref, processor=None, score_cutoff=RAW_CUTOFF - 10)
        t = tail_start(piece) if likely_tail else -1
        starts = ([0] if w0 == pos else []) + ([t] if t > 0 else [])
        for start in starts:
            seg = piece[start:].strip()
            if not lo <= len(seg) <= hi:
                continue
            raw = fuzz.ratio(seg, ref, processor=None, score_cutoff=RAW_CUTOFF)
            if not raw or raw == 100:
                continue  # cheap raw comparison first (exact copies are the echo finder's): few are folded
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
    return out


_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_UNSAFE = frozenset("कखगजडढफयनरळ\u0902\u0901\u094d\u093c")


@lru_cache(maxsize=256)
def _anchors(ref: str) -> tuple[str, ...]:
    """Two long words of the headline that can be searched literally (no nukta letter, anusvara or virama).

    A variant keeps all but one or two words, so one of them occurs in any line worth aligning. An empty
    result means every line is a candidate.
    """
    words = sorted({w for w in _WORD.findall(ref) if len(w) >= 4 and not _UNSAFE.intersection(w)}, key=len)[
        ::-1
    ]
    return tuple(words[:3]) if len(words) >= 3 else ()


def _candidate_lines(text: str, anchors: tuple[str, ...], lo: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines at least ``lo`` long that hold an anchor word (all such lines if none)."""
    lines: dict[int, int] = {}
    if anchors:
        for word in anchors:
            p = text.find(word)
            while p >= 0:
                a = text.rfind("\n", 0, p) + 1
                b = text.find("\n", p)
                b = len(text) if b < 0 else b
                lines[a] = b
                p = text.find(word, b)
    else:
        pos = 0
        while pos <= len(text):
            b = text.find("\n", pos)
            b = len(text) if b < 0 else b
            lines[pos] = b
            pos = b + 1
    return sorted((a, b) for a, b in lines.items() if b - a >= lo)
