"""Vectorised scanning: word tokens, the gaps between them and the tokens' keys, for many texts at once.

A text (or a batch of texts joined by line breaks) is turned into an array of code points and each code
point into a class from one lookup table; token boundaries, gap codes and separator flags are then array
operations, and a token's key is found by its 64-bit hash in a sorted cache, so the per-token Python work
is done once per distinct token of a run, not once per occurrence.

A token is a run of Devanagari (letters, signs, digits; not the dandas) or a run of another script's letters,
marks, digits and ``_``; ZWNJ/ZWJ continue the run they follow. So a script change splits words:
"ISTइनपुट" (a credit glued to a timestamp) gives two tokens.

>>> s = scan(["यह भी पढ़ें: 12 मई", "Also Read"])
>>> [s.text[a:b] for a, b in zip(s.starts.tolist(), s.ends.tolist())]
['यह', 'भी', 'पढ़ें', '12', 'मई', 'Also', 'Read']
>>> s.gaps.tolist(), s.doc_tokens.tolist()
([0, 0, 0, 0, 2, 0, 2], [0, 5, 7])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
import unicodedata2

from ...chars import TERMINATORS

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
    "LINE_BREAKS",
    "Scan",
    "TokenCache",
    "mix",
    "scan",
]

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

#: Characters that end a line (as ``str.splitlines`` sees them).
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")

# gap codes between consecutive tokens
GAP_NONE = 0  # same sentence
GAP_SENT = 1  # sentence boundary inside a line
GAP_LINE = 2  # line break

#: flag bits of a gap; a separator also carries its class (colon, pipe, dash)
FLAG_SEP = 1
FLAG_GLUE = 2
FLAG_SCRIPT = 4
FLAG_COLON = 8
FLAG_PIPE = 16
FLAG_DASH = 32

# character classes (bits of one table entry per code point)
C_DEVA = 1
C_OTHER = 2
C_JOIN = 4
C_LB = 8
C_TERM = 16  # a terminator other than "."
C_DOT = 32
C_COLON = 64
C_PIPE = 128
C_LDASH = 256  # – —
C_SPACE = 512
C_DIGIT = 1024
C_HYPH = 2048
C_RPAR = 4096
C_LPAR = 8192
C_FULL = 16384  # a full stop or danda
_WORD = C_DEVA | C_OTHER

_MULT = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_MINV = np.uint64(pow(0x9E3779B97F4A7C15, -1, 1 << 64))
_SEED = np.uint64(0x2545F4914F6CDD1D)
_KEY_SALT = np.uint64(0x6C62272E07BB0142)


def mix(h: U64) -> U64:
    """The finaliser every hash here goes through (a bijection of 64-bit words)."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(31))
        h = h * _MIX
        out: U64 = h ^ (h >> np.uint64(29))
    return out


def _is_deva(cp: int) -> bool:
    return 0x0900 <= cp <= 0x0963 or 0x0966 <= cp <= 0x097F or 0xA8E0 <= cp <= 0xA8FF


def _char_class(cp: int) -> int:
    ch = chr(cp)
    c = 0
    if _is_deva(cp):
        c |= C_DEVA
    elif unicodedata2.category(ch)[0] in "LMN" or ch == "_":
        c |= C_OTHER
    if ch in "\u200c\u200d":
        c |= C_JOIN
    if ch in LINE_BREAKS:
        c |= C_LB
    if ch in TERMINATORS and ch != ".":
        c |= C_TERM
    c |= C_DOT if ch == "." else C_COLON if ch == ":" else C_PIPE if ch == "|" else 0
    if ch in "–—":
        c |= C_LDASH
    if ch.isspace():
        c |= C_SPACE
    if ch.isdigit():
        c |= C_DIGIT
    c |= C_HYPH if ch == "-" else C_RPAR if ch == ")" else C_LPAR if ch == "(" else 0
    if ch in "।॥.":
        c |= C_FULL
    return c


@cache
def _table() -> npt.NDArray[np.uint16]:
    """Classes of the Basic Multilingual Plane (code points above it are looked up one by one)."""
    return np.array([_char_class(cp) for cp in range(0x10000)], dtype=np.uint16)


def classes(cp: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint16]:
    """The class bits of every code point."""
    out: npt.NDArray[np.uint16] = _table()[np.minimum(cp, 0xFFFF)]
    astral = np.flatnonzero(cp > 0xFFFF)
    if len(astral):
        out[astral] = [_char_class(int(c)) for c in cp[astral].tolist()]
    return out


def key_ids(keys: list[str]) -> U64:
    """The ids of token keys: a polynomial hash of each key's code points, salted and mixed (all at once)."""
    if not keys:
        return np.zeros(0, dtype=np.uint64)
    text = "\n".join(k or "\x00mark" for k in keys)
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    ends = np.flatnonzero(cp == 10)
    if len(ends) != len(keys) - 1:  # a key holding a line break: one by one
        return np.concatenate(
            [key_ids([k]) if "\n" not in k else key_ids([k.replace("\n", "\x00")]) for k in keys]
        )
    ends = np.concatenate((ends, [len(cp)])).astype(np.int64)
    starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64)
    return mix(_token_hashes(cp, starts, ends) ^ _KEY_SALT)


_POW: list[U64] = [np.ones(1, dtype=np.uint64)]
_INV: list[U64] = [np.ones(1, dtype=np.uint64)]


def powers(n: int) -> tuple[U64, U64]:
    """``M ** k`` and ``M ** -k`` (mod 2**64) for ``k < n`` (at least; tables grow by doubling)."""
    if len(_POW[0]) < n:
        size = max(n, 2 * len(_POW[0]), 1 << 16)
        with np.errstate(over="ignore"):
            pw = np.full(size, _MULT, dtype=np.uint64)
            inv = np.full(size, _MINV, dtype=np.uint64)
            pw[0] = inv[0] = 1
            _POW[0] = np.cumprod(pw, dtype=np.uint64)
            _INV[0] = np.cumprod(inv, dtype=np.uint64)
    return _POW[0], _INV[0]


_EMPTY = -1


class TokenCache:
    """Token hash -> (key id, exact id, masked) for every distinct token seen: an open-addressing hash table
    in numpy arrays, looked up for all the tokens of a batch at once.

    A token's *hash* is a polynomial hash of its code points; its *key id* is the hash of its matching key
    (:func:`newsclean.boilerplate.mining.text.token_key`, masked) and its *exact id* that of its unmasked
    key. Keys are computed once per distinct token; the cache is emptied when it grows past ``limit``.
    """

    def __init__(self, info: Callable[[list[str]], list[tuple[str, str]]], limit: int = 2_000_000) -> None:
        self._info = info
        self._limit = limit
        self._clear()

    def _clear(self) -> None:
        self._n = 0
        self._hashes: U64 = np.zeros(1024, dtype=np.uint64)  # entry -> token hash
        self._ids: U64 = np.zeros(1024, dtype=np.uint64)
        self._raw: U64 = np.zeros(1024, dtype=np.uint64)
        self._masked: npt.NDArray[np.bool_] = np.zeros(1024, dtype=bool)
        self._slots: npt.NDArray[np.int64] = np.full(4096, _EMPTY, dtype=np.int64)  # slot -> entry

    def __len__(self) -> int:
        return self._n

    def _find(self, hashes: U64) -> npt.NDArray[np.int64]:
        """The entry of each hash (``-1`` when absent), by linear probing, all hashes at once."""
        slots, keys = self._slots, self._hashes
        mask = len(slots) - 1
        out = np.full(len(hashes), _EMPTY, dtype=np.int64)
        todo = np.arange(len(hashes))
        s = (hashes & np.uint64(mask)).astype(np.int64)
        while len(todo):
            e = slots[s]
            occupied = e >= 0
            hit = occupied & (keys[np.maximum(e, 0)] == hashes[todo])
            out[todo[hit]] = e[hit]
            keep = occupied & ~hit
            todo = todo[keep]
            s = (s[keep] + 1) & mask
        return out

    def lookup(
        self, hashes: U64, text: str, starts: I64, ends: I64
    ) -> tuple[U64, U64, npt.NDArray[np.bool_]]:
        """Key ids, exact ids and masked flags of the tokens ``text[starts[i]:ends[i]]`` with ``hashes``."""
        entry = self._find(hashes)
        missing = np.flatnonzero(entry < 0)
        if len(missing):
            new: dict[int, str] = {}
            for h, s, e in zip(
                hashes[missing].tolist(), starts[missing].tolist(), ends[missing].tolist(), strict=True
            ):
                if h not in new:
                    new[h] = text[s:e]
            if self._n + len(new) > self._limit:
                self._clear()
            self._insert(np.array(list(new), dtype=np.uint64), self._info(list(new.values())))
            entry = self._find(hashes)
        return self._ids[entry], self._raw[entry], self._masked[entry]

    def _insert(self, hashes: U64, infos: list[tuple[str, str]]) -> None:
        """Add new distinct tokens (their hashes and keys)."""
        start, k = self._n, len(hashes)
        end = start + k
        if end > len(self._hashes):
            grow = max(2 * len(self._hashes), end)
            self._hashes = np.resize(self._hashes, grow)
            self._ids = np.resize(self._ids, grow)
            self._raw = np.resize(self._raw, grow)
            self._masked = np.resize(self._masked, grow)
        self._hashes[start:end] = hashes
        self._ids[start:end] = key_ids([key for key, _ in infos])
        self._raw[start:end] = key_ids([ex for _, ex in infos])
        self._masked[start:end] = [key in ("<num>", "<date>") for key, _ in infos]
        self._n = end
        if 2 * end > len(self._slots):
            size = len(self._slots)
            while 2 * end > size:
                size *= 2
            self._slots = np.full(size, _EMPTY, dtype=np.int64)
            self._place(np.arange(end, dtype=np.int64))
        else:
            self._place(np.arange(start, end, dtype=np.int64))

    def _place(self, entries: npt.NDArray[np.int64]) -> None:
        """Put ``entries`` into free slots by linear probing (all at once, a round per probe step)."""
        slots = self._slots
        mask = len(slots) - 1
        s = (self._hashes[entries] & np.uint64(mask)).astype(np.int64)
        todo = entries
        while len(todo):
            free = slots[s] < 0
            # one entry per free slot wins this round
            cand, cs = todo[free], s[free]
            order = np.argsort(cs, kind="stable")
            cand, cs = cand[order], cs[order]
            win = np.concatenate(([True], cs[1:] != cs[:-1])) if len(cs) else np.zeros(0, dtype=bool)
            slots[cs[win]] = cand[win]
            placed = np.zeros(len(todo), dtype=bool)
            placed[np.flatnonzero(free)[order[win]]] = True
            todo, s = todo[~placed], (s[~placed] + 1) & mask


@dataclass(frozen=True, slots=True)
class Scan:
    """The tokens of a batch of texts (joined by ``"\\n"`` into :attr:`text`) as arrays.

    ``starts``/``ends`` are token offsets in :attr:`text`; ``ids``/``raw_ids`` the key and exact ids;
    ``gaps[i]``/``flags[i]`` the code and flag bits of the gap after token ``i`` (the last token of each text
    has ``GAP_LINE`` and no flags); tokens ``doc_tokens[k]:doc_tokens[k + 1]`` belong to text ``k``, which
    starts at character ``doc_chars[k]``; ``cls`` holds the class bits of every character.
    """

    text: str
    cls: npt.NDArray[np.uint16]
    starts: I64
    ends: I64
    ids: U64
    raw_ids: U64
    masked: npt.NDArray[np.bool_]
    deva: npt.NDArray[np.bool_]
    gaps: npt.NDArray[np.int8]
    flags: npt.NDArray[np.int8]
    doc_tokens: I64
    doc_chars: I64


_CACHE: list[TokenCache] = []


def token_cache() -> TokenCache:
    """The process-wide token cache."""
    if not _CACHE:
        from .text import token_infos

        _CACHE.append(TokenCache(token_infos))
    return _CACHE[0]


def _token_hashes(cp: npt.NDArray[np.uint32], starts: I64, ends: I64) -> U64:
    """A 64-bit hash of each token's code points (polynomial, by prefix sums, then mixed with its length)."""
    n = len(cp)
    pw, inv = powers(n + 1)
    with np.errstate(over="ignore"):
        cum = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(cp * inv[:n], out=cum[1:])
        poly = pw[ends - 1] * (cum[ends] - cum[starts])
        return mix(poly ^ ((ends - starts).astype(np.uint64) * _SEED))


def scan(texts: Sequence[str]) -> Scan:
    """Cut ``texts`` into tokens and classify the gaps between them (see :class:`Scan`)."""
    text = "\n".join(texts)
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = classes(cp)
    n = len(cp)
    word = (cls & _WORD).astype(np.int8)
    join = (cls & C_JOIN) != 0
    if join.any():  # a joiner continues the run of the last non-joiner before it (if that is a word char)
        idx = np.where(join, -1, np.arange(n))
        last = np.maximum.accumulate(idx)
        inherit = np.where(last >= 0, word[np.maximum(last, 0)], 0).astype(np.int8)
        word = np.where(join, inherit, word)
    prev = np.concatenate((np.zeros(1, dtype=np.int8), word[:-1]))
    nxt = np.concatenate((word[1:], np.zeros(1, dtype=np.int8)))
    starts = np.flatnonzero((word != 0) & (prev != word))
    ends = np.flatnonzero((word != 0) & (nxt != word)) + 1
    # which text each token belongs to
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    doc_chars = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(lengths + 1)))[:-1]
    doc_tokens = np.searchsorted(starts, np.concatenate((doc_chars, [n + 1])))
    cache = token_cache()
    ids, raw_ids, masked = cache.lookup(_token_hashes(cp, starts, ends), text, starts, ends)
    deva = (cls[starts] & C_DEVA) != 0 if len(starts) else np.zeros(0, dtype=bool)
    gaps, flags = _gaps(text, cls, starts, ends, masked, deva)
    last = doc_tokens[1:] - 1
    last = last[doc_tokens[1:] > doc_tokens[:-1]]
    gaps[last] = GAP_LINE
    flags[last] = 0
    return Scan(text, cls, starts, ends, ids, raw_ids, masked, deva, gaps, flags, doc_tokens, doc_chars)


@cache
def _single_gap_tables() -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
    """Gap code and flags of a one-character gap, by the character's class bits."""
    size = 1 << 15
    code = np.zeros(size, dtype=np.int8)
    flag = np.zeros(size, dtype=np.int8)
    for c in range(size):
        code[c] = GAP_LINE if c & C_LB else GAP_SENT if c & (C_TERM | C_DOT) else GAP_NONE
        flag[c] = (
            FLAG_SEP | FLAG_COLON
            if c & C_COLON
            else FLAG_SEP | FLAG_PIPE
            if c & C_PIPE
            else FLAG_SEP | FLAG_DASH
            if c & C_LDASH
            else 0
        )
    return code, flag


def _gaps(
    text: str,
    cls: npt.NDArray[np.uint16],
    starts: I64,
    ends: I64,
    masked: npt.NDArray[np.bool_],
    deva: npt.NDArray[np.bool_],
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
    """Gap codes and flags after every token (the last one's are fixed by the caller)."""
    t = len(starts)
    gaps = np.zeros(t, dtype=np.int8)
    flags = np.zeros(t, dtype=np.int8)
    if t < 2:
        return gaps, flags
    a, b = ends[:-1], starts[1:]
    glen = b - a
    one = np.flatnonzero(glen == 1)
    c = cls[a[one]]
    code_table, flag_table = _single_gap_tables()
    gaps[one] = code_table[c]
    flags[one] = flag_table[c]
    # "2.5": a decimal point, not a full stop; "7:52": a time, not a lead-in
    dot = one[(c & C_DOT) != 0]
    if len(dot):
        digit = (cls[starts[dot + 1]] & C_DIGIT) != 0
        gaps[dot[digit]] = GAP_NONE
    longer = np.flatnonzero(glen > 1)
    if len(longer):
        la, lb = a[longer], b[longer]
        bounds = np.empty(2 * len(longer), dtype=np.int64)
        bounds[0::2], bounds[1::2] = la, lb
        seen = np.bitwise_or.reduceat(cls, bounds)[0::2]  # the class bits present in each gap
        code = np.where(seen & C_LB, GAP_LINE, np.where(seen & (C_TERM | C_DOT), GAP_SENT, GAP_NONE))
        edge_space = ((cls[la] | cls[lb - 1]) & C_SPACE) != 0
        flag = np.where(
            seen & C_COLON,
            FLAG_SEP | FLAG_COLON,
            np.where(
                seen & C_PIPE,
                FLAG_SEP | FLAG_PIPE,
                np.where(
                    ((seen & C_LDASH) != 0) | (((seen & C_HYPH) != 0) & edge_space), FLAG_SEP | FLAG_DASH, 0
                ),
            ),
        )
        gaps[longer] = code
        flags[longer] = flag
        # where the order of characters decides (a bracket pair with no stronger end, a colon and a pipe)
        odd = np.flatnonzero(
            (((seen & C_RPAR) != 0) & ((seen & C_LPAR) != 0) & (code == GAP_NONE))
            | (((seen & C_COLON) != 0) & ((seen & C_PIPE) != 0))
        )
        for i in odd.tolist():
            gap = text[int(la[i]) : int(lb[i])]
            gaps[longer[i]] = gap_code(gap)
            flags[longer[i]] = separator_flags(gap)
    change = np.flatnonzero(deva[:-1] != deva[1:])
    if len(change):
        flags[change] |= np.where(glen[change] == 0, FLAG_SCRIPT | FLAG_GLUE, FLAG_SCRIPT).astype(np.int8)
    colon = one[(c & C_COLON) != 0]
    if len(colon):
        flags[colon[masked[colon] & masked[colon + 1]]] = 0
    return gaps, flags


_TERMS = frozenset(TERMINATORS) - {"."}
_SEPARATORS = frozenset(":|–—")


def gap_code(gap: str) -> int:
    """The code of the text between two tokens: line break, sentence boundary or none.

    >>> gap_code(" "), gap_code("। "), gap_code(" \\n"), gap_code(") (")
    (0, 1, 2, 1)
    """
    if gap == " ":
        return GAP_NONE
    for ch in gap:
        if ch in LINE_BREAKS:
            return GAP_LINE
    for ch in gap:
        if ch in _TERMS:
            return GAP_SENT
    if "." in gap:
        return GAP_SENT
    if ")" in gap and "(" in gap[gap.index(")") :]:
        return GAP_SENT
    return GAP_NONE


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


def separator_flags(gap: str) -> int:
    """The flag bits of a separator gap (0 for any other gap)."""
    if not is_separator_gap(gap):
        return 0
    for ch in gap:
        if ch == ":":
            return FLAG_SEP | FLAG_COLON
        if ch == "|":
            return FLAG_SEP | FLAG_PIPE
    return FLAG_SEP | FLAG_DASH
