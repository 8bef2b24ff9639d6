"""The sentence scanner: a fast pass in C for dandas, ``?``, ``!`` and line breaks, guards for the rest.

Internal module; the public API is in :mod:`newsclean.sentences`, the patterns in
:mod:`newsclean.sentences.patterns`. :meth:`Rules.cuts` finds the other candidate terminators (``.``, ``…``,
``|``) and decides each with cheap local checks (never more than a few dozen characters either side, no
pairing of quotes), the common shapes without even a regex call; :func:`split` and :func:`scan_matches`
then run the fast pattern between the accepted cuts. The scan is linear, and an unbalanced quote can never
suppress the boundaries after it.

>>> rules = Rules.build(abbreviations=frozenset({"डॉ"}))
>>> text = "डॉ. शर्मा आए। कीमत 2.5 लाख है."
>>> split(text, rules)
['डॉ. शर्मा आए।', 'कीमत 2.5 लाख है.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from .abbreviations import AMBIGUOUS_INITIALS, INITIALS
from .patterns import (
    BLANK_LINE,
    CLOSERS,
    DANDAS,
    DIGITS,
    DOTS,
    HAS_DIGIT,
    HORIZONTAL,
    LINE_BREAKS,
    LIST_NUMERALS,
    OPENERS,
    PIPE,
    PLAIN_WORD,
    QUESTION,
    RUN_CHARS,
    SINGLE_LETTER,
    STOPS,
    WHITESPACE,
    candidate_pattern,
    dot_candidates,
    fast_pattern,
    is_devanagari,
    is_letter_start,
    plain_dot_end,
)

__all__ = ["LINE_BREAKS", "WHITESPACE", "Rules", "scan_matches", "split"]

_TOKEN_WINDOW = 40
_ASK, _ACCEPT, _REJECT, _PLAIN = 0, 1, 2, 3
_WORD_CACHE = 4096  # words before a full stop whose kind is remembered, per configuration


@dataclass(frozen=True)
class Rules:
    """Everything the scan needs for one configuration: the compiled patterns and the lookup tables."""

    fast: re.Pattern[str]
    candidates: re.Pattern[str]
    #: full stops left to decide in Python (the plain ends, whole-word abbreviations and line ends are not)
    dots: re.Pattern[str]
    #: matches at a full stop that the fast pattern ends a sentence at (``हुआ. अब``)
    plain_end: re.Pattern[str]
    candidate_chars: str
    abbreviations: frozenset[str]
    newline_is_boundary: bool
    blank_line_is_boundary: bool
    #: kind of the word before a full stop, by its text (deterministic, so sharing it is safe)
    word_kinds: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        *,
        abbreviations: frozenset[str],
        newline_is_boundary: bool = True,
        blank_line_is_boundary: bool = True,
        pipe_is_danda: bool = True,
    ) -> Rules:
        """Compile the rules for one configuration (abbreviations as lookup keys, see ``abbreviation_key``).

        >>> Rules.build(abbreviations=frozenset()).newline_is_boundary
        True
        """
        plain = plain_dot_end(abbreviations, INITIALS)
        fast = fast_pattern(pipe_is_danda, newline_is_boundary, blank_line_is_boundary, plain)
        chars = DOTS + (PIPE if pipe_is_danda else "")
        return cls(
            fast,
            candidate_pattern(pipe_is_danda),
            dot_candidates(abbreviations, INITIALS, AMBIGUOUS_INITIALS, newline_is_boundary),
            re.compile(f"\\.{plain}"),
            chars,
            abbreviations,
            newline_is_boundary,
            blank_line_is_boundary,
        )

    def cuts(self, text: str, *, shortcuts: bool = True) -> list[int]:
        """Accepted non-danda boundaries as a flat list ``[end0, next0, end1, next1, ...]``.

        ``end`` is where a sentence ends (after its terminator and closers), ``next`` where the next one
        may start (after the whitespace). ``shortcuts=False`` sends every candidate through the full
        guard (the tests check both ways agree).
        """
        find = text.find
        if shortcuts:  # full stops left to decide, found by a literal-led pattern (fast in C); often none
            first = self.dots.search(text)
            positions = [m.start() for m in self.dots.finditer(text, first.start())] if first else []
            rare = self.candidate_chars[1:]
        else:
            positions = []
            rare = self.candidate_chars
        added = False
        for c in rare:  # str.find runs several times faster than a regex character class
            p = find(c)
            while p >= 0:
                positions.append(p)
                added = True
                p = find(c, p + 1)
        if not positions:
            return []
        if added:
            positions.sort()
        out: list[int] = []
        lo = skip = 0
        n = len(text)
        match = self.candidates.match
        for p in positions:
            if p < skip:
                continue  # inside the run, closers or whitespace of the previous candidate
            if shortcuts and text[p] == ".":
                verdict = self._dot_shortcut(text, lo, p, n)
                if verdict == _ACCEPT:
                    out.append(p + 1)  # "हुआ. अब"
                    out.append(p + 2)
                    lo = skip = p + 2
                    continue
                if verdict == _REJECT:
                    skip = p + 1  # "डॉ. शर्मा", "ए.के. शर्मा"
                    continue
            m = match(text, p)
            if m is None:  # cannot happen: every position holds a candidate character
                continue
            i, j = m.span(1)
            e = m.end(2)
            k = m.end()
            if (i and text[i - 1] in STOPS) or (j < n and text[j] in DANDAS) or _has_question(text, i, j):
                skip = j  # a run with a danda, "?" or "!": the fast pattern decides
                continue
            if self.accept(text, lo, i, j, e, k) or self._forced(m.group(3)):
                out.append(e)
                out.append(k)
                lo = skip = k
            else:
                skip = j
        return out

    # -- guards ------------------------------------------------------------------------------------
    def _forced(self, ws: str) -> bool:
        """Whether the whitespace after a candidate holds a line break (or a blank line) that ends the
        sentence anyway; recording it keeps every guard from looking back across it."""
        if len(ws) < 2 and ws not in LINE_BREAKS:
            return False
        if self.newline_is_boundary:
            return any(c in LINE_BREAKS for c in ws)
        return self.blank_line_is_boundary and BLANK_LINE.search(ws) is not None

    def _dot_shortcut(self, text: str, lo: int, p: int, n: int) -> int:
        """Decide the common shapes of a single full stop without the candidate regex.

        Only full stops that :attr:`dots` found come here (a full stop glued to a digit or to Latin
        text never ends a sentence, see :meth:`_glued_dot`).

        Returns:
            ``_ACCEPT`` for ``"हुआ. अब"`` and before a line break (which ends the sentence anyway);
            ``_REJECT`` for an abbreviation, an initial or a chain; ``_ASK`` for everything else (the full
            guard decides).
        """
        if p + 1 >= n or p <= lo or text[p - 1] in WHITESPACE:
            return _ASK
        nx = text[p + 1]
        if nx in RUN_CHARS:
            return _ASK  # an ellipsis or a mixed run
        spaced = nx in WHITESPACE
        if spaced:
            if self.newline_is_boundary and nx in LINE_BREAKS:
                return _ACCEPT  # the line break ends the sentence whatever the guards say
            if p + 2 >= n or text[p + 2] in WHITESPACE or nx in LINE_BREAKS:
                return _ASK  # more whitespace (maybe a line break) or the end: the full guard
        start = p - _TOKEN_WINDOW if p - _TOKEN_WINDOW > lo else lo
        q = text.rfind(" ", start, p)
        raw = text[q + 1 if q >= 0 else start : p]
        kind = self.word_kinds.get(raw)
        if kind is None:
            kind = self._word_kind(raw)
            if len(self.word_kinds) < _WORD_CACHE:
                self.word_kinds[raw] = kind
        if kind != _PLAIN:
            return kind
        if spaced and _continues(text, p + 2, n):  # text[p + 2] is no whitespace (checked above)
            return _ACCEPT
        return _ASK

    def _word_kind(self, raw: str) -> int:
        """``_REJECT`` for an abbreviation, initial or chain; ``_PLAIN`` for a word that may end a sentence;
        ``_ASK`` when the full guard must look (a digit, quote, bracket or danda, or an ambiguous word)."""
        word = raw
        if PLAIN_WORD(word) is None:
            words = word.rsplit(None, 1)  # the word may follow a line break or a tab, not a space
            if not words or PLAIN_WORD(words[-1]) is None:
                return _ASK
            word = words[-1]
        key = word.lower()
        if key in self.abbreviations:
            return _REJECT
        if "." in key:
            return _REJECT if _chain(key.split("."), self.abbreviations) else _PLAIN
        if (len(word) == 1 and word.isascii()) or key in AMBIGUOUS_INITIALS or key in LIST_NUMERALS:
            return _ASK
        if key in INITIALS or (len(word) <= 3 and SINGLE_LETTER.fullmatch(word) is not None):
            return _REJECT
        return _PLAIN

    def accept(self, text: str, lo: int, i: int, j: int, e: int, k: int) -> bool:
        """Decide a candidate: run ``text[i:j]``, closers up to ``e``, whitespace up to ``k``.

        ``lo`` is the end of the previous accepted candidate: no guard looks further back.
        """
        run = text[i:j]
        n = len(text)
        glued = k == e and k < n
        if PIPE in run:
            return _pipe(text, lo, i) and _continues(text, k, n)
        if run != ".":  # an ellipsis: ends a sentence only before a closing quote or bracket
            return e > j
        if glued and e == j:
            return self._glued_dot(text, lo, i, k)
        return _continues(text, k, n) and self._dot(text, lo, i, k)

    def _dot(self, text: str, lo: int, i: int, k: int) -> bool:
        """A full stop followed by whitespace (or a closer, or the end): a boundary unless guarded."""
        if i == lo or text[i - 1] in WHITESPACE:
            return True
        raw = _word_before(text, lo, i)
        tok = raw.lstrip(OPENERS).rstrip(CLOSERS)
        if not tok:
            return True
        if _list_marker(tok) and self._sentence_start(text, lo, i - len(raw)):
            return False  # "1. पहला बिंदु", "a. ...", "iv. ..." at the start of a sentence
        if tok[-1] in DIGITS:
            return True  # "कीमत 500. अगली खबर" (decimals and times are glued, see _glued_dot)
        return not self._abbreviation(tok, text, lo, i, k)

    def _glued_dot(self, text: str, lo: int, i: int, k: int) -> bool:
        """A full stop glued to what follows: only ``है.उन्होंने`` / ``किया.NTT`` shapes are boundaries."""
        if i == lo or not is_devanagari(text[i - 1]) or not is_letter_start(text[k]):
            return False  # decimals, dates, times, URLs, e-mails, Latin chains
        tok = _word_before(text, lo, i).lstrip(OPENERS)
        if not tok or "/" in tok or "@" in tok or self._abbreviation(tok, text, lo, i, k):
            return False
        nxt = text[k : k + _TOKEN_WINDOW].split(None, 1)[0]
        return "." not in nxt and "@" not in nxt  # "सं.रा." is a chain, not two sentences

    def _abbreviation(self, tok: str, text: str, lo: int, i: int, k: int) -> bool:
        key = tok.lower()
        if key in self.abbreviations or _initial(tok):
            return True
        if "." in key:
            return _chain(key.split("."), self.abbreviations)
        if key in AMBIGUOUS_INITIALS:
            if self.newline_is_boundary:  # a full stop before a line break never reaches the scan
                lo = max(lo, i - _TOKEN_WINDOW)  # (the window of _initial_before: constant work)
                lo = max([lo, *(text.rfind(c, lo, i) + 1 for c in LINE_BREAKS)])
            return _initial_before(text, lo, i) or _initial_after(text, k)
        return False

    def _sentence_start(self, text: str, lo: int, p: int) -> bool:
        """Whether only whitespace separates ``p`` from the start of its sentence."""
        while p > lo and text[p - 1] in WHITESPACE:
            if self.newline_is_boundary and text[p - 1] in LINE_BREAKS:
                return True
            p -= 1
        if p <= lo:
            return True
        ch = text[p - 1]
        if ch == ".":  # a plain end that the fast pattern takes (the scan never saw it)
            return self.plain_end.match(text, p - 1) is not None
        return ch in STOPS or (ch in CLOSERS and p >= 2 and text[p - 2] in STOPS)


def _has_question(text: str, i: int, j: int) -> bool:
    if j - i == 1:
        return text[i] in QUESTION
    run = text[i:j]
    return "?" in run or "!" in run


def _word_before(text: str, lo: int, i: int) -> str:
    """The word that ends at ``i`` (at most ``_TOKEN_WINDOW`` characters, not before ``lo`` or a danda)."""
    raw = text[max(lo, i - _TOKEN_WINDOW) : i].rsplit(None, 1)[-1]
    for d in STOPS:
        if d in raw:
            raw = raw.rpartition(d)[2].lstrip(CLOSERS)
    return raw


def _continues(text: str, k: int, n: int) -> bool:
    """False when what follows shows the sentence goes on (a comma, a lower-case Latin word)."""
    if k >= n:
        return True
    ch = text[k]
    return ch not in ",;" and not ("a" <= ch <= "z")


def _pipe(text: str, lo: int, i: int) -> bool:
    """``|`` is a danda after Devanagari, a digit or a closer (``खबर|``, ``है |``), not in Latin text."""
    p = i - 1
    while p >= lo and text[p] in HORIZONTAL:
        p -= 1
    if p < lo:
        return False
    ch = text[p]
    if ch in DANDAS:
        return False
    return is_devanagari(ch) or ch in DIGITS or ch in CLOSERS


def _initial(tok: str) -> bool:
    """An unambiguous initial: a Latin capital, a single Devanagari letter, a Devanagari letter name."""
    if len(tok) == 1 and "A" <= tok <= "Z":
        return True
    if tok in AMBIGUOUS_INITIALS:
        return False
    return tok in INITIALS or SINGLE_LETTER.fullmatch(tok) is not None


def _dotted_initial(word: str) -> bool:
    return len(word) > 1 and word[-1] == "." and (_initial(word[:-1]) or word[:-1] in AMBIGUOUS_INITIALS)


def _initial_before(text: str, start: int, i: int) -> bool:
    words = text[max(start, i - _TOKEN_WINDOW) : i].split()
    return len(words) >= 2 and _dotted_initial(words[-2])


def _initial_after(text: str, k: int) -> bool:
    words = text[k : k + _TOKEN_WINDOW].split(None, 1)
    return bool(words) and _dotted_initial(words[0])


def _chain(pieces: list[str], abbreviations: frozenset[str]) -> bool:
    """``कि.मी``, ``ए.के``, ``u.s``, ``ph.d``: short letter pieces; not ``2.5``, ``www.bbc.com``."""
    for p in pieces:
        if not p or HAS_DIGIT(p) is not None:
            return False
        if p.isascii():
            if len(p) > 4 or (len(p) >= 2 and p.islower() and p not in abbreviations):
                return False
        elif len(p) > 4 and p not in INITIALS:
            return False
    return True


def _list_marker(tok: str) -> bool:
    """``1``, ``१२``, ``a``, ``iv``: what numbers a list item at the start of a sentence."""
    if len(tok) <= 3 and all(c in DIGITS for c in tok):
        return True
    return (len(tok) == 1 and tok.isascii() and tok.isalpha()) or tok.lower() in LIST_NUMERALS


def split(text: str, rules: Rules, *, shortcuts: bool = True) -> list[str]:
    """Return the sentences of ``text`` as strings (slices, trimmed of whitespace).

    Args:
        text: Any string.
        rules: The compiled configuration.
        shortcuts: ``False`` sends every candidate through the full guard (for tests).

    Returns:
        The sentences in order.

    >>> split("राम आया। सीता आई।", Rules.build(abbreviations=frozenset()))
    ['राम आया।', 'सीता आई।']
    """
    cuts = rules.cuts(text, shortcuts=shortcuts)
    findall = rules.fast.findall
    if not cuts:
        return findall(text)
    out: list[str] = []
    a = 0
    for x in range(0, len(cuts), 2):
        out += findall(text, a, cuts[x])
        a = cuts[x + 1]
    out += findall(text, a)
    return out


def scan_matches(text: str, rules: Rules) -> Iterator[re.Match[str]]:
    """Return one match of the fast pattern per sentence, lazily (``m.span()`` is the sentence's offsets).

    Args:
        text: Any string.
        rules: The compiled configuration.

    Returns:
        An iterator over the matches in order. Their spans are half-open, sorted, non-overlapping,
        whitespace-trimmed ranges covering every non-whitespace character of ``text``.

    >>> [m.group() for m in scan_matches("राम आया। सीता आई।", Rules.build(abbreviations=frozenset()))]
    ['राम आया।', 'सीता आई।']
    """
    cuts = rules.cuts(text)
    finditer = rules.fast.finditer
    if not cuts:
        return finditer(text)
    bounds = [0, *cuts, len(text)]
    return chain.from_iterable(finditer(text, bounds[x], bounds[x + 1]) for x in range(0, len(bounds), 2))
