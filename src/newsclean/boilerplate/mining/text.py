"""Tokens, masked keys and text units (lines, sentences, n-grams) for the corpus template miner.

Everything here maps back to raw-text coordinates: a token is a ``(start, end)`` slice of the text the
caller passed in, and its *key* is computed from that slice alone: the search profile of
:func:`newsclean.normalize` (NFC; nukta on क़ ख़ ग़ ज़ फ़ and chandrabindu folded; digits ASCII), case
folded, zero-width joiners dropped, numbers and month/weekday names masked. Keys keep the matras and
the virama, so two different Hindi words do not share a key.

Keys are hashed with ``blake2b`` (stable across processes and machines), never with ``hash()``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import regex
import unicodedata2

from ...chars import FULL_STOPS
from ...keys import key_scheme as shared_key_scheme
from .hashing import LINE_SALT, Prefix, WindowHasher, ngram_hashes, salt, seq_hash
from .scan import (
    FLAG_COLON,
    FLAG_DASH,
    FLAG_GLUE,
    FLAG_PIPE,
    FLAG_SCRIPT,
    FLAG_SEP,
    GAP_LINE,
    GAP_NONE,
    GAP_SENT,
    LINE_BREAKS,
    Scan,
    is_separator_gap,
    scan,
)

__all__ = [
    "FLAG_COLON",
    "FLAG_DASH",
    "FLAG_GLUE",
    "FLAG_PIPE",
    "FLAG_SCRIPT",
    "FLAG_SEP",
    "GAP_LINE",
    "GAP_NONE",
    "GAP_SENT",
    "KEY_SCHEME",
    "LINE_BREAKS",
    "LINE_SALT",
    "Prefix",
    "Units",
    "WindowHasher",
    "analyse",
    "is_separator_gap",
    "key_scheme",
    "ngram_hashes",
    "range_index",
    "salt",
    "seq_hash",
    "span_windows",
    "token_key",
]

#: Recorded in every model (with a digest of the normaliser's behaviour, see :func:`key_scheme`): a model
#: is only applied with the key scheme it was fitted with.
KEY_SCHEME = "search-casefold-nozw-mask-v2"

# words whose keys change if the search profile changes: folded letters, marks, digits, joiners
_PROBES = "क़िला ज़िला फ़ोन ख़बर ग़म हँसी पढ़ें क्\u200dया १२३ Updated मई"


@lru_cache(maxsize=1)
def key_scheme() -> str:
    """This miner's key scheme (:func:`newsclean.keys.key_scheme` with the keys of probe words and their
    hashes), so that a change in the normaliser or in the hashing makes older models refuse to load instead
    of silently missing.

    >>> key_scheme().startswith(KEY_SCHEME + " normalize/")
    True
    """
    return shared_key_scheme(KEY_SCHEME, _probe, _PROBES.split(" "))


def _probe(word: str) -> str:
    """A probe word's exact key and its line key: a change in the normaliser or in how keys are hashed
    changes the scheme."""
    return f"{token_key(word, mask=False)}:{seq_hash(analyse(word).ids):016x}"


_DIGITS = regex.compile(r"\p{N}+")
_HAS_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_ZW = {0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0x00AD: None}

_EN_DATE_WORDS = (
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december mon tue tues wed thu thur thurs fri sat sun monday tuesday "
    "wednesday thursday friday saturday sunday am pm"
)
_HI_DATE_WORDS = (
    "जनवरी फरवरी फ़रवरी मार्च अप्रैल अप्रेल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर "
    "दिसंबर दिसम्बर सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार"
)
_DATE_WORDS = frozenset(unicodedata2.normalize("NFC", f"{_EN_DATE_WORDS} {_HI_DATE_WORDS}").split(" "))
NUMBER_KEY = "<num>"
DATE_KEY = "<date>"

_OPENERS = frozenset("([{“‘«")


def _fold(token: str) -> str:
    """The search profile of :func:`newsclean.normalize`: NFC, nukta and chandrabindu folded, digits ASCII."""
    from ...normalize.api import normalize  # imported here: the normaliser does not depend on this module

    return normalize(token, profile="search")


def _mask(key: str) -> str:
    if key in _DATE_WORDS:
        return DATE_KEY
    if _DIGITS.search(key):
        masked = _DIGITS.sub("0", key)
        return NUMBER_KEY if masked.strip("0") == "" else masked
    return key


def token_key(token: str, *, mask: bool = True) -> str:
    """Return the matching key of one token: search-normalised, case folded, zero-width chars dropped, masked.

    Numbers (any script, so Devanagari digits too) become ``<num>``; month and weekday names and AM/PM
    (English and Hindi) become ``<date>``, so "12 मई" and "13 मई" give the same keys.

    Args:
        token: one word token.
        mask: mask numbers and date words (``False`` for exact keys, as used for headlines).

    Returns:
        The key; an empty string for a token with no letter or digit (a lone mark).

    >>> token_key("Updated"), token_key("१२"), token_key("मई"), token_key("ख\u093cबर") == token_key("ख़बर")
    ('updated', '<num>', '<date>', True)
    >>> token_key("१२", mask=False), token_key("ज़िला") == token_key("जिला")
    ('12', True)
    """
    key: str = _fold(token).translate(_ZW).casefold()
    if not _HAS_WORD_CHAR.search(key):
        return ""
    return _mask(key) if mask else key


# tokens of these characters only are normalised together, one line each: every rule of the search profile
# that can touch them looks inside one word (NFC, nukta, chandrabindu, digits, signs, joiners)
_PLAIN = regex.compile(r"[\u0900-\u097f\u200c\u200da-zA-Z0-9]+")


def token_infos(tokens: list[str]) -> list[tuple[str, str]]:
    """The masked and the exact key of each token (what :class:`.scan.TokenCache` stores per token):
    :func:`token_key` of each, with the plain tokens (Devanagari, joiners, ASCII letters and digits)
    normalised in one call, one token a line.

    >>> token_infos(["१२", "Updated", "ख\u093cबर"])
    [('<num>', '12'), ('updated', 'updated'), ('खबर', 'खबर')]
    """
    out: list[tuple[str, str] | None] = [None] * len(tokens)
    plain = [i for i, t in enumerate(tokens) if _PLAIN.fullmatch(t)]
    folded = _fold("\n".join(tokens[i] for i in plain)).split("\n") if plain else []
    if len(folded) != len(plain):  # a line break changed: normalise one by one
        folded = [_fold(tokens[i]) for i in plain]
    for i, f in zip(plain, folded, strict=True):
        key = f.translate(_ZW).casefold()
        key = key if _HAS_WORD_CHAR.search(key) else ""
        out[i] = (_mask(key) if key else "", key)
    for i, t in enumerate(tokens):
        if out[i] is None:
            out[i] = (token_key(t), token_key(t, mask=False))
    return [x for x in out if x is not None]


#: tokens the free part of a lead-in/tail line may have (a linked headline, a name and a city)
MAX_SLOT = 20
#: tokens a lead-in or tail may have (a disclaimer's text after "डिस्क्लेमर:")
MAX_PART = 24


def ends_sentence(u: Units, b: int) -> bool:
    """True if the line ending with token ``b - 1`` ends in a full stop or danda (a sentence, not a
    headline or a name).

    >>> ends_sentence(analyse("यह खबर है।"), 3), ends_sentence(analyse("नई खबर"), 2)
    (True, False)
    """
    gap = u.gap_text(b - 1)
    for ch in gap:
        if ch in LINE_BREAKS:
            break
        if ch in FULL_STOPS:
            return True
    return False


def is_slot(u: Units, lo: int, hi: int, *, line_end: bool) -> bool:
    """True if tokens ``[lo, hi)`` can be the free part of a lead-in/tail line: short, no sentence
    boundary inside, and (at the end of a line) not ending like a sentence.

    >>> u = analyse("यह भी पढ़ें- बाजार में तेजी")
    >>> is_slot(u, 3, 6, line_end=True)
    True
    """
    if hi - lo > MAX_SLOT or GAP_SENT in u.gaps[lo : hi - 1]:
        return False
    return not (line_end and ends_sentence(u, hi))


def separator_points(u: Units, a: int, b: int, limit: int = 3) -> list[int]:
    """Token indices in line ``[a, b)`` right after a separator gap (at most ``limit`` from each end).

    >>> u = analyse("यह भी पढ़ें- बाजार में तेजी")
    >>> separator_points(u, 0, len(u.starts))
    [3]
    """
    seps = u.seps
    points = seps[bisect_right(seps, a) : bisect_left(seps, b)]
    if len(points) > 2 * limit:
        points = points[:limit] + points[-limit:]
    return points


def range_index(ranges: list[tuple[int, int]], n: int) -> npt.NDArray[np.int64]:
    """For each of ``n`` tokens, the index of the half-open range (line or sentence) holding it.

    >>> u = analyse("एक दो। तीन\\nचार")
    >>> range_index(u.lines, 4).tolist(), range_index(u.sentences, 4).tolist()
    ([0, 0, 0, 1], [0, 0, 1, 2])
    """
    out = np.zeros(n, dtype=np.int64)
    for k, (a, b) in enumerate(ranges):
        out[a:b] = k
    return out


def split_gap(gap: str) -> tuple[int, int]:
    """Split the text between two tokens into (end of left part, start of right part).

    The left part is the punctuation that closes the previous token's sentence (``।``, ``”।``, ``)``),
    the right part the punctuation that opens the next one (``(``, ``“``); whitespace sits between.

    >>> split_gap("। ("), split_gap("”।"), split_gap(")("), split_gap(" ")
    ((1, 2), (2, 2), (1, 1), (0, 1))
    """
    left = 0
    while left < len(gap) and not gap[left].isspace() and gap[left] not in _OPENERS:
        left += 1
    right = left
    for k in range(len(gap) - 1, left - 1, -1):
        if gap[k].isspace():
            right = k + 1
            break
    return left, right


def separator_class(u: Units, c: int) -> bytes:
    """A name for the separator before token ``c`` (``:``, ``|`` or a dash), salting lead-in/tail keys.

    >>> u = analyse("यह भी पढ़ें: खबर")
    >>> separator_class(u, 3)
    b':'
    """
    f = u.flags[c - 1]
    return b":" if f & FLAG_COLON else b"|" if f & FLAG_PIPE else b"-"


@dataclass(frozen=True, slots=True)
class Units:
    """One text cut into word tokens, with sentence and line structure.

    ``starts``/``ends`` are token offsets in the raw text; ``ids`` their key hashes (``raw_ids`` without
    masking numbers and dates); ``masked`` marks
    number/date tokens; ``gaps[i]`` is the code of the gap after token ``i`` (``GAP_NONE``, ``GAP_SENT``,
    ``GAP_LINE``) and ``flags[i]`` its bits (``FLAG_SEP``, ``FLAG_GLUE``, ``FLAG_SCRIPT``); ``lines`` and
    ``sentences`` are half-open token ranges; ``seps`` and ``marks`` list the token indices right after a
    separator, and after any gap that is not a plain space inside a sentence.
    """

    text: str
    starts: list[int]
    ends: list[int]
    ids: npt.NDArray[np.uint64]
    raw_ids: npt.NDArray[np.uint64]
    masked: list[bool]
    gaps: list[int]
    flags: list[int]
    lines: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    seps: list[int]
    marks: list[int]
    _prefix: list[Prefix] = field(default_factory=list, repr=False, compare=False)
    _scan: tuple[Scan, int] | None = field(default=None, repr=False, compare=False)
    _arrays: list[npt.NDArray[np.int8]] = field(default_factory=list, repr=False, compare=False)

    def gap_text(self, i: int) -> str:
        """The raw text after token ``i`` (up to the next token or the end of the text)."""
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.text[self.ends[i] : end]

    def gap_before(self, i: int) -> str:
        """The raw text before token ``i`` (from the previous token or the start of the text)."""
        start = self.ends[i - 1] if i > 0 else 0
        return self.text[start : self.starts[i]]

    @property
    def prefix(self) -> Prefix:
        """Prefix sums of :attr:`ids` (built on first use)."""
        if not self._prefix:
            self._prefix.append(Prefix(self.ids))
        return self._prefix[0]

    @property
    def raw_prefix(self) -> Prefix:
        """Prefix sums of :attr:`raw_ids` (built on first use)."""
        if not self._prefix:
            self._prefix.append(Prefix(self.ids))
        if len(self._prefix) == 1:
            self._prefix.append(Prefix(self.raw_ids))
        return self._prefix[1]

    def gap_arrays(self) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
        """:attr:`gaps` and :attr:`flags` as arrays (views of the scan when there is one)."""
        if not self._arrays:
            if self._scan is not None:
                s, lo = self._scan
                hi = lo + len(self.starts)
                self._arrays.extend((s.gaps[lo:hi], s.flags[lo:hi]))
            else:
                self._arrays.extend((np.array(self.gaps, dtype=np.int8), np.array(self.flags, dtype=np.int8)))
        return self._arrays[0], self._arrays[1]

    def span_windows(self, n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
        """:func:`span_windows` of this text (window starts and whether each is not all numbers)."""
        if self._scan is None:
            return span_windows(scan([self.text]), 0, len(self.starts), n)
        s, lo = self._scan
        p, ok = span_windows(s, lo, lo + len(self.starts), n)
        return p, ok

    def key(self, a: int, b: int, salt: int = LINE_SALT) -> int:
        """The key of tokens ``[a, b)``: a line key by default (``seq_hash(ids[a:b])``), or with another salt.

        >>> u = analyse("खबर है\\nयह भी पढ़ें")
        >>> u.key(2, 5) == seq_hash(analyse("यह भी पढ़ें").ids)
        True
        """
        return self.prefix.key(a, b, salt)


def span_windows(s: Scan, lo: int, hi: int, n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Starts of the n-gram windows of tokens ``[lo, hi)`` that lie inside a span region (see the module
    docstring), and whether each is not all numbers and dates."""
    gaps, flags, masked = s.gaps[lo:hi], s.flags[lo:hi], s.masked[lo:hi]
    t = hi - lo
    if t < n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    before = np.concatenate((np.full(1, GAP_LINE, dtype=np.int8), gaps[:-1]))  # gap before each token
    fbefore = np.concatenate((np.zeros(1, dtype=np.int8), flags[:-1]))
    glue = (fbefore & FLAG_GLUE) != 0
    left = (before != 0) | glue  # a line start, a sentence start or a glued script change
    # a separator or a glued script change before the token (not a line break: a line end is a sentence end)
    right_any = (((fbefore & FLAG_SEP) != 0) | glue) & (before != GAP_LINE)
    line_end = np.concatenate((gaps[:-1] == GAP_LINE, [True]))
    # each token's line end (token index one past the line)
    ends_at = np.flatnonzero(line_end) + 1
    line_stop = ends_at[np.searchsorted(ends_at, np.arange(t), side="right")]
    # right edges: positions e (a token index, or the line end) where a region may stop
    right_pos = np.flatnonzero(right_any)  # e is a token index with a separator/glue before it
    sent_end = np.flatnonzero(before != 0)  # a sentence or line starts at e: the previous one ended
    reach = np.zeros(t, dtype=np.int64)
    starts = np.flatnonzero(left)
    limit = np.minimum(starts + MAX_PART, line_stop[starts])
    e = _last_at_most(right_pos, limit)
    e = np.where(e > starts, e, 0)
    from_glue = glue[starts]
    if from_glue.any():  # from a glued script change a span may also run to a sentence end or line end
        cand = np.concatenate((sent_end, ends_at))
        cand.sort()
        e2 = _last_at_most(cand, limit)
        e = np.where(from_glue & (e2 > starts), np.maximum(e, e2), e)
    reach[starts] = e
    reach = np.maximum.accumulate(reach)
    p = np.arange(t - n + 1, dtype=np.int64)
    inside = p + n <= reach[p]
    p = p[inside]
    mcum = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(masked, dtype=np.int64)))
    return p, (mcum[p + n] - mcum[p]) < n


def _last_at_most(values: npt.NDArray[np.int64], limit: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """For each limit, the largest of the sorted ``values`` not above it (0 when there is none)."""
    if not len(values):
        return np.zeros(len(limit), dtype=np.int64)
    idx = np.searchsorted(values, limit, side="right") - 1
    return np.where(idx >= 0, values[np.maximum(idx, 0)], 0)


def analyse(text: str) -> Units:
    """Cut ``text`` into tokens, sentences and lines.

    Args:
        text: any string.

    Returns:
        The :class:`Units` of the text.

    >>> u = analyse("पहली खबर। दूसरी बात\\nविज्ञापन")
    >>> [u.text[u.starts[a]:u.ends[b - 1]] for a, b in u.sentences]
    ['पहली खबर', 'दूसरी बात', 'विज्ञापन']
    >>> len(u.lines), u.flags
    (2, [0, 0, 0, 0, 0])
    """
    return units_of(scan([text]), 0)


def units_of(s: Scan, k: int) -> Units:
    """The :class:`Units` of text ``k`` of a scanned batch (offsets relative to that text)."""
    lo, hi = int(s.doc_tokens[k]), int(s.doc_tokens[k + 1])
    base = int(s.doc_chars[k])
    end = int(s.doc_chars[k + 1]) - 1 if k + 1 < len(s.doc_chars) else len(s.text)
    text = s.text[base:end]
    if hi == lo:
        empty = np.zeros(0, dtype=np.uint64)
        return Units(text, [], [], empty, empty, [], [], [], [], [], [], [])
    gaps_a = s.gaps[lo:hi]
    flags_a = s.flags[lo:hi]
    gaps = gaps_a.tolist()
    flags = flags_a.tolist()
    # the last token's gap is a line break: every token is in a sentence and a line
    sent_ends = (np.flatnonzero(gaps_a) + 1).tolist()
    sentences = list(zip([0, *sent_ends[:-1]], sent_ends, strict=True))
    line_ends = (np.flatnonzero(gaps_a == GAP_LINE) + 1).tolist()
    lines = list(zip([0, *line_ends[:-1]], line_ends, strict=True))
    seps = (np.flatnonzero(flags_a & FLAG_SEP) + 1).tolist()
    marks = (np.flatnonzero((gaps_a != 0) | (flags_a != 0)) + 1).tolist()
    starts = (s.starts[lo:hi] - base).tolist()
    ends = (s.ends[lo:hi] - base).tolist()
    masked = s.masked[lo:hi].tolist()
    return Units(
        text,
        starts,
        ends,
        s.ids[lo:hi],
        s.raw_ids[lo:hi],
        masked,
        gaps,
        flags,
        lines,
        sentences,
        seps,
        marks,
        _scan=(s, lo),
    )
