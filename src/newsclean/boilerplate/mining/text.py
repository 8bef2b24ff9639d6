"""Tokens, masked keys and text units (lines, sentences, n-grams) for the corpus template miner.

Everything here maps back to raw-text coordinates: a token is a ``(start, end)`` slice of the text the
caller passed in, and its *key* is computed from that slice alone: the search profile of
:func:`newsclean.normalize` (NFC; nukta on क़ ख़ ग़ ज़ फ़ and chandrabindu folded; digits ASCII), case
folded, zero-width joiners dropped, numbers and month/weekday names masked. Keys keep the matras and
the virama, so two different Hindi words do not share a key.

Keys are hashed with ``blake2b`` (stable across processes and machines), never with ``hash()``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import numpy as np
import numpy.typing as npt
import regex
import unicodedata2

from ...chars import FULL_STOPS, TERMINATORS
from ...keys import key_scheme as shared_key_scheme

__all__ = [
    "KEY_SCHEME",
    "Units",
    "WindowHasher",
    "analyse",
    "key_scheme",
    "ngram_hashes",
    "range_index",
    "seq_hash",
    "token_key",
]

#: Recorded in every model (with a digest of the normaliser's behaviour, see :func:`key_scheme`): a model
#: is only applied with the key scheme it was fitted with.
KEY_SCHEME = "search-casefold-nozw-mask-v1"

# words whose keys change if the search profile changes: folded letters, marks, digits, joiners
_PROBES = "क़िला ज़िला फ़ोन ख़बर ग़म हँसी पढ़ें क्\u200dया १२३ Updated मई"


@lru_cache(maxsize=1)
def key_scheme() -> str:
    """This miner's key scheme (:func:`newsclean.keys.key_scheme` with the keys of probe words), so that a
    change in the normaliser makes older models refuse to load instead of silently missing.

    >>> key_scheme().startswith(KEY_SCHEME + " normalize/")
    True
    """
    return shared_key_scheme(KEY_SCHEME, lambda w: token_key(w, mask=False), _PROBES.split(" "))


_DEVA = "\u0900-\u0963\u0966-\u097f\ua8e0-\ua8ff"  # Devanagari letters, marks, digits (not the dandas)
# A word is a run of Devanagari or a run of another script's letters/marks/digits: a script change
# splits words, so "ISTइनपुट" (a credit glued to a timestamp) gives two tokens.
_WORD = regex.compile(
    rf"[{_DEVA}][{_DEVA}\u200c\u200d]*|[[\p{{L}}\p{{N}}_\p{{M}}]--[{_DEVA}]][[\p{{L}}\p{{N}}_\p{{M}}\u200c\u200d]--[{_DEVA}]]*",
    flags=regex.V1,
)
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

# Characters that end a sentence. ``.`` counts unless it sits between two digits (2.5).
_TERMINATORS = frozenset(TERMINATORS) - {"."}
_OPENERS = frozenset("([{“‘«")
_SEPARATORS = frozenset(":|–—")

#: Characters that end a line (as ``str.splitlines`` sees them).
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")

# gap codes between consecutive tokens
GAP_NONE = 0  # same sentence
GAP_SENT = 1  # sentence boundary inside a line
GAP_LINE = 2  # line break


def _fold(token: str) -> str:
    """The search profile of :func:`newsclean.normalize`: NFC, nukta and chandrabindu folded, digits ASCII."""
    from ...normalize.api import normalize  # imported here: the normaliser does not depend on this module

    return normalize(token, profile="search")


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
    if not mask:
        return key
    if key in _DATE_WORDS:
        return DATE_KEY
    if _DIGITS.search(key):
        masked = _DIGITS.sub("0", key)
        return NUMBER_KEY if masked.strip("0") == "" else masked
    return key


def _hash_bytes(data: bytes, person: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=person).digest(), "little")


# token -> (id, masked, devanagari, exact id); bounded cache (cleared when full, so memory stays flat)
_CACHE: dict[str, tuple[int, bool, bool, int]] = {}
_CACHE_MAX = 500_000


def _token_info(token: str) -> tuple[int, bool, bool, int]:
    info = _CACHE.get(token)
    if info is None:
        key = token_key(token) or "\x00mark"  # a lone combining mark still holds its place
        tid = _hash_bytes(key.encode("utf-8", "surrogatepass"), b"nc-tok")
        exact = token_key(token, mask=False) or "\x00mark"
        rid = _hash_bytes(exact.encode("utf-8", "surrogatepass"), b"nc-tok")
        info = (tid, key in (NUMBER_KEY, DATE_KEY), _is_deva(token[0]), rid)
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[token] = info
    return info


def seq_hash(ids: npt.NDArray[np.uint64], kind: bytes = b"nc-seq") -> int:
    """Stable 64-bit hash of a sequence of token ids (a line key; ``kind`` salts line prefixes/suffixes).

    >>> a = analyse("यह भी पढ़ें: 12 मई")
    >>> b = analyse("यह भी पढ़ें : 13 मई")
    >>> seq_hash(a.ids) == seq_hash(b.ids), seq_hash(a.ids) == seq_hash(a.ids, b"nc-pre")
    (True, False)
    """
    return _hash_bytes(ids.tobytes(), kind)


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


_MULT = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)


_MINV = np.uint64(pow(int(_MULT), -1, 1 << 64))


def _mix(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    h = h ^ (h >> np.uint64(31))
    h = h * _MIX
    out: npt.NDArray[np.uint64] = h ^ (h >> np.uint64(29))
    return out


class WindowHasher:
    """Hashes of every window of ``size`` consecutive ids, for any sizes, in O(len) numpy work each.

    The window polynomial ``sum(ids[p + j] * M ** (size - 1 - j))`` (mod 2**64) is read off one prefix
    sum of ``ids[j] * M ** -j`` (``M`` is odd, so it has an inverse mod 2**64).

    >>> ids = analyse("एक दो तीन चार").ids
    >>> w = WindowHasher(ids)
    >>> bool((w.hashes(2) == ngram_hashes(ids, 2)).all()), len(w.hashes(4)), len(w.hashes(5))
    (True, 1, 0)
    """

    def __init__(self, ids: npt.NDArray[np.uint64]) -> None:
        n = len(ids)
        with np.errstate(over="ignore"):
            inv = np.full(n, _MINV, dtype=np.uint64)
            inv[0] = 1
            self._pow = np.full(n, _MULT, dtype=np.uint64)
            if n:
                self._pow[0] = 1
            self._pow = np.cumprod(self._pow, dtype=np.uint64)
            self._cum = np.concatenate(([np.uint64(0)], np.cumsum(ids * np.cumprod(inv, dtype=np.uint64))))
        self._n = n

    def hashes(self, size: int) -> npt.NDArray[np.uint64]:
        """Mixed hashes of the windows of ``size`` ids (empty when there are fewer ids)."""
        count = self._n - size + 1
        if count <= 0 or size <= 0:
            return np.zeros(0, dtype=np.uint64)
        with np.errstate(over="ignore"):
            poly = self._pow[size - 1 :] * (self._cum[size:] - self._cum[:count])
        return _mix(poly.astype(np.uint64, copy=False))

    def at(self, positions: npt.NDArray[np.intp], size: int) -> npt.NDArray[np.uint64]:
        """Mixed hashes of the windows of ``size`` ids starting at ``positions`` (all must fit)."""
        with np.errstate(over="ignore"):
            poly = self._pow[positions + size - 1] * (self._cum[positions + size] - self._cum[positions])
        return _mix(poly.astype(np.uint64, copy=False))


def ngram_hashes(ids: npt.NDArray[np.uint64], n: int) -> npt.NDArray[np.uint64]:
    """Stable 64-bit hashes of every window of ``n`` consecutive token ids (empty if too short).

    >>> u = analyse("एक दो तीन चार")
    >>> len(ngram_hashes(u.ids, 3)), len(ngram_hashes(u.ids, 5))
    (2, 0)
    """
    count = len(ids) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(count, dtype=np.uint64)
    for j in range(n):
        h = h * _MULT + ids[j : j + count]
    return _mix(h)


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


def _gap_code(gap: str) -> int:
    if gap == " ":
        return GAP_NONE
    for ch in gap:
        if ch in LINE_BREAKS:
            return GAP_LINE
    for ch in gap:
        if ch in _TERMINATORS:
            return GAP_SENT
    if "." in gap:
        return GAP_SENT
    if ")" in gap and "(" in gap[gap.index(")") :]:
        return GAP_SENT
    return GAP_NONE


# gap text -> (code, separator flag); bounded like the token cache
_GAP_CACHE: dict[str, tuple[int, int]] = {}

#: flag bits of a gap (``Units.flags``); a separator also carries its class (colon, pipe, dash)
FLAG_SEP = 1
FLAG_GLUE = 2
FLAG_SCRIPT = 4
FLAG_COLON = 8
FLAG_PIPE = 16
FLAG_DASH = 32


def _separator_flags(gap: str) -> int:
    if not is_separator_gap(gap):
        return 0
    for ch in gap:
        if ch == ":":
            return FLAG_SEP | FLAG_COLON
        if ch == "|":
            return FLAG_SEP | FLAG_PIPE
    return FLAG_SEP | FLAG_DASH


def separator_class(u: Units, c: int) -> bytes:
    """A hash salt naming the separator before token ``c`` (``:``, ``|`` or a dash).

    >>> u = analyse("यह भी पढ़ें: खबर")
    >>> separator_class(u, 3)
    b':'
    """
    f = u.flags[c - 1]
    return b":" if f & FLAG_COLON else b"|" if f & FLAG_PIPE else b"-"


def _gap_info(gap: str) -> tuple[int, int]:
    info = _GAP_CACHE.get(gap)
    if info is None:
        info = (_gap_code(gap), _separator_flags(gap))
        if len(_GAP_CACHE) >= _CACHE_MAX:
            _GAP_CACHE.clear()
        _GAP_CACHE[gap] = info
    return info


def is_separator_gap(gap: str) -> bool:
    """True if the gap holds a separator that can end a lead-in: ``:``, ``|``, ``–``, ``—``, or a
    hyphen with a space beside it (``कोविड-19`` is one compound, ``पढ़ें- खबर`` a lead-in).

    >>> is_separator_gap(": "), is_separator_gap(", "), is_separator_gap("-"), is_separator_gap("- ")
    (True, False, False, True)
    """
    for ch in gap:
        if ch in _SEPARATORS:
            return True
    return "-" in gap and (gap[0].isspace() or gap[-1].isspace())


def _is_deva(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f" or "\ua8e0" <= ch <= "\ua8ff"


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

    def gap_text(self, i: int) -> str:
        """The raw text after token ``i`` (up to the next token or the end of the text)."""
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.text[self.ends[i] : end]

    def gap_before(self, i: int) -> str:
        """The raw text before token ``i`` (from the previous token or the start of the text)."""
        start = self.ends[i - 1] if i > 0 else 0
        return self.text[start : self.starts[i]]


_SPLIT = regex.compile(f"({_WORD.pattern})", flags=regex.V1)


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
    parts = _SPLIT.split(text)  # gap, token, gap, token, ..., gap
    offsets = list(accumulate(map(len, parts)))
    tokens = parts[1::2]
    n = len(tokens)
    if not n:
        empty = np.zeros(0, dtype=np.uint64)
        return Units(text, [], [], empty, empty, [], [], [], [], [], [], [])
    starts = offsets[0::2][:n]
    ends = offsets[1::2]
    get = _CACHE.get
    infos = [get(t) or _token_info(t) for t in tokens]
    ids = np.array([x[0] for x in infos], dtype=np.uint64)
    raw_ids = np.array([x[3] for x in infos], dtype=np.uint64)
    masked = [x[1] for x in infos]
    gap_strs = parts[2:-1:2]
    gget = _GAP_CACHE.get
    gaps: list[int] = []
    flags: list[int] = []
    if n > 1:
        gap_infos = [gget(g) or _gap_info(g) for g in gap_strs]
        gaps = [x[0] for x in gap_infos]
        flags = [x[1] for x in gap_infos]
        deva = np.array([x[2] for x in infos], dtype=bool)
        for i in np.flatnonzero(deva[:-1] != deva[1:]).tolist():
            flags[i] |= FLAG_SCRIPT | (FLAG_GLUE if ends[i] == starts[i + 1] else 0)
        for i in [i for i, g in enumerate(gap_strs) if g == "." or g == ":"]:
            if gaps[i] == GAP_SENT and gap_strs[i] == "." and tokens[i + 1][0].isdigit():
                gaps[i] = GAP_NONE  # 2.5: a decimal point, not a full stop
            elif gap_strs[i] == ":" and masked[i] and masked[i + 1]:
                flags[i] = 0  # 7:52: a time, not a lead-in
    gaps.append(GAP_LINE)
    flags.append(0)
    lines: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    line_lo = sent_lo = 0
    for i in [i for i, code in enumerate(gaps) if code]:
        sentences.append((sent_lo, i + 1))
        sent_lo = i + 1
        if gaps[i] == GAP_LINE:
            lines.append((line_lo, i + 1))
            line_lo = i + 1
    seps = [i + 1 for i, f in enumerate(flags) if f & FLAG_SEP]
    marks = [i + 1 for i, (g, f) in enumerate(zip(gaps, flags, strict=True)) if g or f]
    return Units(text, starts, ends, ids, raw_ids, masked, gaps, flags, lines, sentences, seps, marks)
