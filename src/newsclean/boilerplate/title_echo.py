"""Headline and standfirst echoes: the title, or its first words, pasted into the body.

Publishers paste the headline (or its first clause, the "keyphrase") at paragraph ends, glued after ``।`` or
``”`` with no space, on lines of their own, and after the dateline joined by a comma. Matching is done on folded
keys (:mod:`newsclean.keys`), so spacing, punctuation, nukta, zero-width characters and Latin case do not matter; one
changed word is tolerated in a long echo. An occurrence is removed only where inserted text sits
(:mod:`.sites`): a sentence that merely *begins* like the headline stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..chars import FULL_STOPS, NUKTA_FOLD
from ..keys import Folded, fold, key
from .layout import PROSE_WORDS, Line
from .sites import (
    AFTER_SEP,
    AFTER_TERM,
    AFTER_WORD,
    BEFORE_TEXT,
    CLOSERS,
    COMMA,
    LINE_END,
    LINE_START,
    TERMINATORS,
    left_site,
    right_site,
    trailing_punct,
)
from .spans import Candidate

__all__ = ["find_echoes"]

MIN_CHARS = 8  # a pasted prefix must have at least this many key characters ...
MIN_TOKENS = 2  # ... and this many words
GLUED_MIN_CHARS = 10  # glued to a word with no space: stricter
SPACED_MIN_CHARS = 15  # after a word with a space (the sentence before lacks its terminator): stricter still
SINGLE_MIN_CHARS = 8  # a one-word first clause ("कोरोनावायरस: ...") must be this long
WINDOW_SLACK = 40


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    tokens: int
    full: bool
    site: str
    clause: bool = False
    where: str = ""


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
    ref: str,
    *,
    rule: str = "boilerplate.title_echo",
    kind: str = "title_echo",
) -> list[Candidate]:
    """Find pasted copies of ``ref`` (a headline or standfirst) or of its first words in ``text``.

    Candidates are found by a literal search for the start of the first word (or, when that start is too
    short, in the folded key of the whole text); only a window after each candidate is folded and compared with
    the reference (nukta, zero-width, chandrabindu, spacing, punctuation and case variants allowed), so the cost
    follows the number of candidates.

    Args:
        text: The body.
        ref: The headline (or standfirst).
        rule: Rule id for the edits.
        kind: Kind for the edits.

    Returns:
        Candidate spans in ``text`` coordinates (not yet tidied).

    >>> body = "रायपुर। खबर यहां है।राज्य में नई नीति लागू\\nदूसरा पैरा।"
    >>> [body[c.start:c.end] for c in find_echoes(body, "राज्य में नई नीति लागू, जानिए")]
    ['राज्य में नई नीति लागू']
    """
    ref_info = _reference(ref)
    if ref_info is None:
        return []
    rkey, toks, clause, short_ok, heads, probe, second = ref_info
    hits: list[_Hit] = []
    pending: list[_Hit] = []
    glued_before: list[tuple[int, int, int]] = []
    span = len(ref) + WINDOW_SLACK
    pos = 0
    reach = len(toks[0]) + 12
    for p in _candidates(text, heads, probe):
        if p < pos:
            continue
        if second and len(second[0]) >= 2:
            for h in second:
                if text.find(h, p + 1, p + reach) >= 0:
                    break
            else:
                continue  # cheap reject: the second word does not follow
        # a pasted headline never spans a line break: the window ends at the line's end
        nl = text.find("\n", p, p + span)
        line_end = nl >= 0
        stop = nl if line_end else p + span
        fw = _fold_window(text[p:stop])
        window = fw.key[: len(rkey) + WINDOW_SLACK].rstrip(" ").split(" ")
        complete = (line_end or stop >= len(text)) and len(fw.key) <= len(rkey) + WINDOW_SLACK
        n, _ = _match_tokens(window, toks, complete=complete)
        mlen = len(" ".join(window[:n]))
        if 0 < n < len(toks) and n < len(window) and _runs_into_copy(window[n], toks[n], toks[0]):
            # the next word runs into another copy glued on with no space: the copy ends inside the key word
            n += 1
            mlen += len(toks[n - 1]) + 1
        if n >= MIN_TOKENS or n == len(toks) or (short_ok and n == 1):
            e0 = p + fw.raw_end(mlen)
            hit = _classify(text, p, e0, _Match(n, mlen, n == len(toks), n == clause))
            if hit is None:
                glued_before.append((p, e0, n))
            elif hit.site == "pending":
                pending.append(hit)
            else:
                hits.append(hit)
                pos = e0
    # copies glued one after another: each one before an accepted copy goes too (right to left)
    starts = {h.start for h in hits}
    for p, e0, n in reversed(glued_before):
        e = trailing_punct(text, e0)
        if (e0 in starts or e in starts) and n >= MIN_TOKENS:
            why = "the REF glued before another copy"
            hits.append(_Hit(p, e, n, n == len(toks), "strong", n == clause, why))
            starts.add(p)
    if pending:
        # between two sentences: only the exact phrase pasted elsewhere too, the first clause or the headline
        pasted = {h.tokens for h in hits}
        hits.extend(h for h in pending if h.full or h.tokens in pasted or (h.clause and h.tokens >= 4))
    hits = _not_content(text, ref, hits)
    ref_name = "standfirst" if kind == "standfirst_echo" else "headline"
    return [
        Candidate(h.start, h.end, rule, kind, "pasted: " + h.where.replace("REF", ref_name))
        for h in sorted(hits, key=lambda h: h.start)
    ]


@lru_cache(maxsize=4096)
def _fold_window(window: str) -> Folded:
    """The folded key of a window after a candidate start (kept for recent windows: the text left after cuts is
    searched again, and most of its lines are the same)."""
    return fold(window)


def _line_at(text: str, pos: int, step: int) -> Line | None:
    """The next line with text before (``step`` -1) or after (``step`` 1) the line holding ``pos``."""
    while True:
        if step < 0:
            end = text.rfind("\n", 0, pos)
            if end < 0:
                return None
            start = text.rfind("\n", 0, end) + 1
            pos = start
        else:
            nl = text.find("\n", pos)
            if nl < 0:
                return None
            start = nl + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            pos = start
        if text[start:end].strip():
            return Line.of(text[start:end], start, 0)


_CLOSE = "".join(sorted(CLOSERS)) + " \t\u00a0"


def _not_content(text: str, ref: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop the hits that are the article's own text, not pasted copies:

    - a part of the headline on a line of its own between two paragraphs, once: a crosshead (publishers head
      a section with the headline's first clause), or the end of a short line ("क्या है <its first words>");
    - a part of the headline on a line of its own in a list (the lines before and after it short, with no full
      stop): a highlight bullet;
    - a part of the headline ending in a full stop inside a sentence (:func:`_mid_sentence`), or the whole
      headline when the headline is itself a sentence and the copy stands in the body after a space: a
      sentence of the article.
    """
    if not hits:
        return hits
    once = {h.tokens for h in hits}
    counts = {n: sum(h.tokens == n for h in hits) for n in once}
    ref_sentence = ref.rstrip()[-1:] in FULL_STOPS
    out: list[_Hit] = []
    for h in hits:
        ls = text.rfind("\n", 0, h.start) + 1
        le = text.find("\n", h.end)
        le = len(text) if le < 0 else le
        own = not text[ls : h.start].strip() and not text[h.end : le].strip()
        stop = text[h.start : h.end].rstrip(_CLOSE)[-1:] in FULL_STOPS
        if h.full:
            if (
                ref_sentence
                and stop
                and (not own or _after_prose(text, h.start))
                and not _glued(text, h.start)
            ):
                continue  # the headline is a sentence of the article, and here it stands in the body
            out.append(h)
            continue
        if stop and not own and _mid_sentence(text, h.start):
            continue
        short = len(text[ls : h.start].split()) < PROSE_WORDS
        if not own and short and not _glued(text, h.start) and _mid_sentence(text, h.start):
            continue  # the end of a short line ("क्या है <the headline's first words>"): a crosshead's words
        if own:
            prev, nxt = _line_at(text, h.start, -1), _line_at(text, h.end, 1)
            if (
                prev is not None
                and nxt is not None
                and prev.is_prose
                and nxt.is_prose
                and counts[h.tokens] == 1
            ):
                continue  # a crosshead: once, on a line of its own between two paragraphs
            in_list = prev is not None and not prev.is_prose and nxt is not None and _list_item(nxt)
            if in_list and _after_prose(text, h.start):
                continue  # a highlight bullet in the body
        out.append(h)
    return out


def _after_prose(text: str, pos: int, lines: int = 8) -> bool:
    """Whether a prose line stands among the ``lines`` lines with text before ``pos``."""
    for _ in range(lines):
        line = _line_at(text, pos, -1)
        if line is None:
            return False
        if line.is_prose:
            return True
        pos = line.start
    return False


def _list_item(line: Line) -> bool:
    return 3 <= line.words < PROSE_WORDS * 2 and not line.is_prose and not line.ends_full_stop


_QUOTES = "'\"‘“"


def _mid_sentence(text: str, start: int) -> bool:
    """Whether ``start`` is inside a sentence: the text before it on its line does not end in a sentence end
    (an opening quote after a space or a comma is inside: "..., 'सुपर अल नीनो' का खतरा।")."""
    p = start
    while p > 0 and text[p - 1] in " \t\u00a0":
        p -= 1
    if p == 0 or text[p - 1] == "\n":
        return False
    c = text[p - 1]
    if c in _QUOTES:
        return p < 2 or text[p - 2] in " \t\u00a0,\n"
    if c in CLOSERS:
        return p < 2 or text[p - 2] not in TERMINATORS
    return c not in TERMINATORS


def _glued(text: str, start: int) -> bool:
    return start > 0 and not text[start - 1].isspace()


_NUKTA_BASES = {base: comp for comp, base in NUKTA_FOLD.items()}  # base letter -> precomposed nukta letter
_RARE_NUKTA = frozenset("नरळ")


def _heads(word: str) -> tuple[str, ...]:
    """Raw spellings of the start of a key word, to search literally.

    Up to four characters are expanded into their raw variants (a nukta letter precomposed, decomposed or bare;
    anusvara or chandrabindu; Latin upper or lower case); expansion stops after a virama (a zero-width joiner
    may follow it) or when the variants would pass twelve. न, र and ळ are not expanded: their nukta forms are
    rare in Hindi, and expanding them would multiply the searches for most words.

    >>> [len(h) for h in _heads("कोरोना")], _heads("कोरोना")[0]
    ([4, 5, 4], 'कोरो')
    """
    heads = [""]
    for c in word[:4]:
        if c in _NUKTA_BASES and c not in _RARE_NUKTA:
            options = [c, c + "\u093c", _NUKTA_BASES[c]]
        elif c == "\u0902":
            options = ["\u0902", "\u0901"]
        elif "a" <= c <= "z":
            options = [c, c.upper()]
        else:
            options = [c]
        if len(heads) * len(options) > 12:
            break
        heads = [h + o for h in heads for o in options]
        if c == "\u094d":
            break
    return tuple(heads)


def _candidates(text: str, heads: tuple[str, ...], probe: str) -> list[int]:
    """Raw offsets where the reference may start: literal searches for its first characters when they are
    long enough to be selective, else a search in the folded key of the whole text."""
    if len(heads[0]) >= 2:
        found: list[int] = []
        for head in heads:
            p = text.find(head)
            while p >= 0:
                found.append(p)
                p = text.find(head, p + 1)
        return sorted(found) if len(heads) > 1 else found
    folded = fold(text)
    out: list[int] = []
    q = folded.key.find(probe)
    while q >= 0:
        out.append(folded.raw_start(q))
        q = folded.key.find(probe, q + 1)
    return out


@lru_cache(maxsize=256)
def _reference(ref: str) -> tuple[str, list[str], int, bool, tuple[str, ...], str, tuple[str, ...]] | None:
    """Key, key words, first-clause length, one-word clause flag, literal heads, key probe, second-word heads."""
    rkey = key(ref)
    toks = rkey.split(" ")
    if not rkey or (len(toks) < MIN_TOKENS and len(rkey) < SINGLE_MIN_CHARS):
        return None
    clause = _first_clause(ref)
    short_ok = clause == 1 and len(toks[0]) >= SINGLE_MIN_CHARS
    first = toks[:1] if short_ok or len(toks) == 1 else toks[:MIN_TOKENS]
    second = _heads(toks[1]) if len(first) > 1 else ()
    return rkey, toks, clause, short_ok, _heads(first[0]), " ".join(first), second


_CLAUSE_END = regex.compile(r"[?:|,;।!]|\s[-–—]\s|ः\s")


def _first_clause(ref: str) -> int:
    """Number of key words in the headline's first clause (the keyphrase up to ``?``, ``:``, ``|``, `` - ``...)."""
    m = _CLAUSE_END.search(ref)
    head = key(ref[: m.start()]) if m else ""
    return len(head.split(" ")) if head else 0


@dataclass(frozen=True, slots=True)
class _Match:
    tokens: int
    chars: int
    full: bool
    clause: bool


def _classify(text: str, s: int, e0: int, m: _Match) -> _Hit | None:
    """Decide from the sites around ``[s, e0)`` whether the occurrence is pasted, pending or content."""
    e = trailing_punct(text, e0)
    term = any(c in TERMINATORS for c in text[e0:e])
    left, glued = left_site(text, s)
    right, after = right_site(text, e)
    n = m.tokens
    enough = (n >= MIN_TOKENS and m.chars >= MIN_CHARS) or m.full or m.clause
    what = (
        "the whole REF"
        if m.full
        else ("the first clause of the REF" if m.clause else f"the first {n} words of the REF")
    )
    where = {
        LINE_START: "on a line of its own" if right == LINE_END else "at a paragraph start",
        AFTER_TERM: ("glued after" if glued else "after") + " a sentence end",
        AFTER_SEP: "after a dateline",
        AFTER_WORD: "glued to a word" if glued else "after a sentence with no terminator",
    }[left]
    hit = _Hit(s, e, n, m.full, "strong", m.clause, f"{what} {where}")
    if right == LINE_END:
        if left in (LINE_START, AFTER_TERM) and enough:
            return hit
        if left == AFTER_SEP and (m.full or (n >= 3 and m.chars >= SPACED_MIN_CHARS)):
            return hit
        if left == AFTER_WORD and glued and n >= MIN_TOKENS and m.chars >= GLUED_MIN_CHARS:
            return hit
        if left == AFTER_WORD and (m.full or (n >= 3 and m.chars >= SPACED_MIN_CHARS)):
            return hit
        return None
    if right == COMMA and left in (LINE_START, AFTER_TERM, AFTER_SEP) and (m.full or n >= 4):
        # a partial headline before a comma may be a sentence's own first clause: needs the same paste elsewhere
        return _Hit(
            s, after, n, m.full, "strong" if m.full else "pending", False, f"{what} {where}, with its comma"
        )
    if right == BEFORE_TEXT and left == AFTER_TERM and n >= 3 and (m.full or not term):
        if not term and _continues(text, e):
            return None  # "बाढ़ से तबाही मची है।": the words are the subject of the sentence they begin
        return _Hit(s, e, n, m.full, "pending", m.clause, f"{what} between two sentences")
    return None


#: words that continue a sentence begun by the words before them (postpositions, auxiliaries, conjunctions)
_CONTINUATION = frozenset(
    {"के", "की", "का", "को", "से", "में", "पर", "ने", "है", "हैं", "था", "थी", "थे", "हो", "हुआ", "हुई", "हुए"}
    | {"और", "या", "तो", "भी", "ही", "कि", "जो", "रहा", "रही", "रहे", "गया", "गई", "गए"}
)
_NEXT_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]++")


def _continues(text: str, end: int) -> bool:
    """True if the text after ``end`` continues a sentence rather than starting one: its first word is a
    postposition, auxiliary or conjunction, or fewer than three words come before the next sentence end."""
    stop = end
    n = len(text)
    while stop < n and stop - end < 400 and text[stop] not in TERMINATORS and text[stop] != "\n":
        stop += 1
    words = _NEXT_WORDS.findall(text, end, stop)
    return not words or words[0] in _CONTINUATION or len(words) < 3


def _runs_into_copy(word: str, expected: str, first: str) -> bool:
    """``word`` is ``expected`` with another copy of the headline (starting with ``first``) glued on."""
    rest = word[len(expected) :] if word != expected and word.startswith(expected) else ""
    return bool(rest) and (rest.startswith(first) or first.startswith(rest))
