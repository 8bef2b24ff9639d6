"""Matching keys for dedup: search-profile normalisation and Devanagari-aware tokens.

The key of a document is what two documents must share to count as the same article. It is built from the
raw text by :func:`matching_key`:

- ``newsclean.normalize(text, profile="search")`` (NFC, nukta and chandrabindu folded, digits folded ...)
  when that function is available, else a built-in equivalent fallback (NFC, the same folds by a
  translation table);
- every format character (ZWJ, ZWNJ, zero-width space, BOM, soft hyphen) deleted: they change nothing a
  reader sees, and noise inserts them inside words;
- ``str.casefold`` for Latin words.

What it never does: strip combining marks (मैं and में stay different words), split words at a matra or a
virama (the token pattern lists explicit separators instead of using ``re``'s ``\\w``), or call
``str.isalnum``. Tokens are maximal runs of non-separator characters; line breaks are kept as tokens of
their own, so that line-level template detection can see lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import unicodedata2

__all__ = ["KEY_SCHEME", "matching_key", "tokenize"]

# Separators: whitespace, ASCII punctuation, Latin-1 punctuation and symbols, the General Punctuation block
# (dashes, quotes, ellipsis; the zero-width characters in it are deleted before tokenising), danda, double
# danda, abbreviation sign, CJK punctuation. Explicit code-point classes, so stdlib ``re`` is correct here.
_SEPARATORS = "\\s!-/:-@\\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u0964\u0965\u0970\u3000-\u303f"
_TOKEN = re.compile(f"[^{_SEPARATORS}]+|\\n")
# Format characters deleted from keys (category Cf in the ranges news text uses).
_FORMAT = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]+")

# Fallback search folding (used only while ``normalize(profile="search")`` is unavailable).
_FOLD = str.maketrans(
    {
        "\u093c": None,  # nukta (after NFC only the decomposed sequences are left)
        "\u0929": "\u0928",
        "\u0931": "\u0930",
        "\u0934": "\u0933",
        "\u0901": "\u0902",  # chandrabindu -> anusvara
        **{chr(0x0966 + i): str(i) for i in range(10)},  # Devanagari digits -> ASCII
    }
)
_NEEDS_FOLD = re.compile("[\u093c\u0929\u0931\u0934\u0901\u0966-\u096f]")


def _fallback_search(text: str) -> str:
    text = unicodedata2.normalize("NFC", text)
    if _NEEDS_FOLD.search(text):
        text = text.translate(_FOLD)
    return text


def _resolve() -> tuple[str, Callable[[str], str]]:
    """Pick the search normaliser: the library's own when implemented, else the fallback."""
    try:
        from ..normalize import normalize

        normalize("क़", profile="search")
    except NotImplementedError:
        return "fallback-search-v1", _fallback_search

    def search(text: str) -> str:
        return normalize(text, profile="search")

    return "normalize-search-v1", search


KEY_SCHEME, _search = _resolve()


def matching_key(text: str) -> str:
    """Return the matching key of ``text``: search-normalised, format characters deleted, case-folded.

    Args:
        text: Raw article text.

    Returns:
        The key string. Marks are kept; only format characters (ZWJ, ZWNJ, ...) are deleted.

    >>> matching_key("क्\u200dष") == matching_key("क्ष")
    True
    >>> matching_key("मैं") == matching_key("में")
    False
    >>> matching_key("ख़बर") == matching_key("खबर")
    True
    """
    text = _search(text)
    if _FORMAT.search(text):
        text = _FORMAT.sub("", text)
    return text.casefold()


def tokenize(key: str) -> list[str]:
    """Split a matching key into word tokens, with each line break as a ``"\\n"`` token.

    Args:
        key: A string from :func:`matching_key`.

    Returns:
        Tokens in order; Devanagari words are kept whole (matras, virama, nukta stay in the word).

    >>> tokenize("छत्तीसगढ़ में, नमस्ते।\\nदूसरी पंक्ति")
    ['छत्तीसगढ़', 'में', 'नमस्ते', '\\n', 'दूसरी', 'पंक्ति']
    """
    return _TOKEN.findall(key)
