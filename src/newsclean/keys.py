"""Matching keys, with a map back to raw offsets, and the one definition of a key scheme.

A key is the text folded for comparison: the folds of ``normalize(..., profile="search")`` that matter for
matching (nukta, chandrabindu -> anusvara, Devanagari digits -> ASCII; here also ड़/ढ़, which that profile keeps),
plus Latin lower-cased, zero-width characters dropped, and every run of whitespace or punctuation turned into one
space, so words are separated by exactly one space. Each fold is a one-character map or a deletion, which is
what keeps a cheap exact map back to raw offsets. Folding is done with C-level passes (``str.translate`` and
one ``regex`` substitution); the only per-item Python work is one entry per *deleted run*, so the cost is
linear in the text.

Matching happens on keys; removal always happens in the raw text, through :meth:`Folded.raw_start` and
:meth:`Folded.raw_end`.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .chars import NUKTA, NUKTA_FOLD

__all__ = ["WORDCHARS", "Folded", "fold", "key", "key_scheme"]

_DEL = "\x00"
_TABLE: dict[int, str] = {c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
_TABLE.update(
    {
        0x0901: "\u0902",  # chandrabindu -> anusvara
        0x200B: _DEL,
        0x200C: _DEL,
        0x200D: _DEL,
        0x2060: _DEL,
        0xFEFF: _DEL,
        0x00AD: _DEL,
        0x0000: " ",
    }
)
_TABLE.update({ord(c): base for c, base in NUKTA_FOLD.items()})  # every nukta letter -> its base
_TABLE[ord(NUKTA)] = _DEL
_TABLE.update({0x0966 + d: str(d) for d in range(10)})  # Devanagari digits -> ASCII, as the search profile
_MAP = {chr(c): v for c, v in _TABLE.items()}
# the characters the table changes besides ASCII capitals (lower() handles those)
_SPECIAL = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE) if not "A" <= chr(c) <= "Z") + "]"
)
# word characters as explicit code-point ranges (stdlib re is about twice as fast as a \p{...} class here):
# Devanagari letters, signs and digits; ASCII; Latin, Greek, Cyrillic, Arabic, the other Indic scripts, CJK
WORDCHARS = (
    "0-9a-z\x00\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f"
    "\u0600-\u065f\u066e-\u06d3\u06d5-\u06ff\u0900-\u0963\u0966-\u096f\u0971-\u0dff\u3040-\u30ff\u4e00-\u9fff"
)
# one character at a time, so the substitution keeps the length (a space is already a separator: leaving it out
# of the class spares a substitution per word)
_NONWORD = re.compile(f"[^{WORDCHARS} ]")
# runs to shrink: two or more separators/deletions, or a lone deletion
_RUN = re.compile(r"[ \x00]{2,}|\x00")
_SPACES = re.compile(" {2,}")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded key of a text and the deleted runs needed to map key offsets back to raw offsets.

    >>> f = fold("राम।  सीता")
    >>> f.key
    'राम सीता'
    >>> f.raw_start(4), f.raw_end(8)
    (6, 10)
    """

    key: str
    fstarts: tuple[int, ...]
    cum: tuple[int, ...]

    def raw_start(self, pos: int) -> int:
        """Raw offset of the key character at ``pos``.

        >>> fold("क\u200dख").raw_start(1)
        2
        """
        return pos + self.cum[bisect_right(self.fstarts, pos)]

    def raw_end(self, pos: int) -> int:
        """Raw offset just after the key character at ``pos - 1`` (an exclusive end).

        >>> fold("क\u200dख").raw_end(1)
        1
        """
        if pos <= 0:
            return 0
        return self.raw_start(pos - 1) + 1


def _fold_chars(text: str) -> str:
    """The one-character folds: ``lower()`` for case, then the table for the few special characters."""
    if "\u0130" in text:  # the one capital whose lower case is two characters
        return text.translate(_TABLE)
    low = text.lower()
    return _SPECIAL.sub(_swap, low) if _SPECIAL.search(low) else low


def _swap(m: re.Match[str]) -> str:
    return _MAP[m.group()]


def fold(text: str) -> Folded:
    """Fold ``text`` into a matching key that keeps a map to raw offsets.

    Args:
        text: Raw text.

    Returns:
        The :class:`Folded` key.

    >>> fold("छत्तीसगढ़ बनेगा नया IT हब?").key
    'छत्तीसगढ बनेगा नया it हब '
    """
    s = _NONWORD.sub(" ", _fold_chars(text))
    if _DEL not in s and "  " not in s:
        return Folded(s, (), (0,))
    fstarts: list[int] = []
    cum: list[int] = [0]
    parts: list[str] = []
    pos = 0
    deleted = 0
    for m in _RUN.finditer(s):
        a, b = m.span()
        sp = s.find(" ", a, b)
        runs = [(a, b)] if sp < 0 else [(a, sp), (sp + 1, b)]
        for x, y in runs:
            if y <= x:
                continue
            parts.append(s[pos:x])
            fstarts.append(x - deleted)
            deleted += y - x
            cum.append(deleted)
            pos = y
    parts.append(s[pos:])
    return Folded("".join(parts), tuple(fstarts), tuple(cum))


def key(text: str) -> str:
    """The folded key of ``text`` with no leading or trailing space (the key of :func:`fold`, built without the
    map to raw offsets: deletions dropped, then every run of spaces made one).

    The keys of the last short texts are kept: a page's detectors compare the same lines again.

    Args:
        text: Raw text.

    Returns:
        The key string.

    >>> key("  यह भी पढ़ें: ")
    'यह भी पढें'
    >>> key("क\u200d ।  ख\u200cग") == fold("क\u200d ।  ख\u200cग").key.strip(" ")
    True
    """
    return _short_key(text) if len(text) <= _KEEP_LEN else _key(text)


_KEEP_LEN = 1000  # the longest text whose key is kept


def _key(text: str) -> str:
    s = _NONWORD.sub(" ", _fold_chars(text))
    if _DEL in s:
        s = s.replace(_DEL, "")
    if "  " in s:
        s = _SPACES.sub(" ", s)
    return s.strip(" ")


_short_key = lru_cache(maxsize=4096)(_key)


def key_scheme(name: str, probe: Callable[[str], str] | None = None, words: Iterable[str] = ()) -> str:
    """Name a key scheme: ``name``, the search profile's fingerprint and, with ``probe``, a digest of the keys
    ``probe`` gives ``words``.

    Every saved object whose keys come from the normaliser (a dedup index, a boilerplate model) records its
    scheme and refuses to load under another, so a change in the normaliser, its rules or the Unicode data
    makes an old file fail loudly instead of silently matching nothing.

    Args:
        name: The scheme's own name and version.
        probe: A key function to fingerprint (optional).
        words: The words to apply ``probe`` to.

    Returns:
        ``"<name> <search fingerprint>"``, followed by ``"+<digest>"`` when ``probe`` is given.

    >>> key_scheme("demo/1").startswith("demo/1 normalize/1 profile=search disable=- unicode=")
    True
    >>> key_scheme("demo/1", str.upper, ["ab"]) != key_scheme("demo/1", str.lower, ["ab"])
    True
    """
    from .normalize import NormalizeConfig  # the normaliser imports this package's tables, not this module

    scheme = f"{name} {NormalizeConfig(profile='search').fingerprint()}"
    if probe is None:
        return scheme
    keys = "|".join(probe(w) for w in words)
    return scheme + "+" + hashlib.blake2b(keys.encode("utf-8"), digest_size=4).hexdigest()
