"""Matching keys for dedup: search-profile normalisation and Devanagari-aware tokens.

The key of a document is the sequence of its word tokens, each normalised with the **search** profile
(``newsclean.normalize(token, profile="search")``: NFC, nukta and chandrabindu folded, nasal consonants to
anusvara, digits folded ...) and case-folded; two documents must share word shingles of this key to count as
the same article. Line breaks are kept as tokens of their own, so template lines can be found.

How it is built, for speed (the per-document Python work is the dedup bottleneck):

1. per document, :func:`prepare`: format characters (ZWJ, ZWNJ, zero-width space, BOM, soft hyphen) are
   deleted — they change nothing a reader sees and noise inserts them inside words; text showing the
   Devanagari mojibake telltale (``à¤``/``à¥``) is normalised whole first, to repair it;
2. per document, :func:`tokenize`: maximal runs of non-separator characters;
3. per *distinct* token of a batch, :func:`normalize_token`: the search profile and ``casefold``.

Step 3 gives the same tokens as normalising the whole text first: every word-internal rule of the search
profile (NFC, nukta, nasal, vowel and mark rules, digits) is local to a word, and its other rules (spaces,
danda, quotes, dashes) only touch separators, which tokenisation drops anyway. Normalising each distinct
token once per batch costs a fraction of normalising every text.

What it never does: strip combining marks (मैं and में stay different words), split words at a matra or a
virama (the token pattern lists explicit separators instead of using ``re``'s ``\\w``), or call
``str.isalnum``.
"""

from __future__ import annotations

import re

from ..keys import key_scheme as shared_key_scheme
from ..normalize import NormalizeConfig, normalize
from ..normalize.mojibake import MOJIBAKE_GATE

__all__ = [
    "FORMAT_CHARS",
    "SEPARATORS",
    "has_mojibake",
    "key_scheme",
    "matching_key",
    "normalize_many",
    "normalize_token",
    "prepare",
    "tokenize",
]

# Separators: whitespace, ASCII punctuation, Latin-1 punctuation and symbols, the General Punctuation block
# (dashes, quotes, ellipsis; the zero-width characters in it are deleted before tokenising), danda, double
# danda, abbreviation sign, CJK punctuation. Explicit code-point classes, so stdlib ``re`` is correct here.
SEPARATORS = "\\s!-/:-@\\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u0964\u0965\u0970\u3000-\u303f"
_TOKEN = re.compile(f"[^{SEPARATORS}]+|\\n")
# Format characters deleted from keys (category Cf in the ranges news text uses), and the private-use
# characters that feature extraction uses as line (U+E000) and document (U+E001) markers.
FORMAT_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ue000"
_FORMAT = re.compile(f"[{FORMAT_CHARS}\ue001]+")

_SEARCH = NormalizeConfig(profile="search")
# the normaliser's identity and version (profile, rule set version, Unicode data): part of every signature's
# params, so an index saved with other keys refuses to load (IncompatibleSignatureError)
_KEY_SCHEME = shared_key_scheme("search-key/2")


def _search(text: str) -> str:
    return normalize(text, config=_SEARCH)


def normalize_many(tokens: list[str]) -> list[str]:
    """:func:`normalize_token` for many tokens at once (one normaliser call on the tokens joined by line
    breaks, checked to split back into as many; else one call per token).

    Args:
        tokens: Raw tokens (none contains a line break).

    Returns:
        Their matching forms, in order.

    >>> normalize_many(["ख़बर", "IT", "१०"])
    ['खबर', 'it', '10']
    """
    if not tokens:
        return []
    parts = _search("\n".join(tokens)).casefold().split("\n")
    if len(parts) == len(tokens):
        return parts
    return [normalize_token(t) for t in tokens]


def key_scheme() -> str:
    """Name and version of the key normalisation (part of every signature's params).

    Returns:
        ``"search-key/2 "`` followed by the search profile's fingerprint (normaliser version, switched-off
        rules, Unicode data version).

    >>> key_scheme().startswith("search-key/2 normalize/1 profile=search disable=- unicode=")
    True
    """
    return _KEY_SCHEME


def has_mojibake(text: str) -> bool:
    """Whether ``text`` shows the Devanagari mojibake telltale (``à¤``/``à¥``), which :func:`prepare` repairs.

    Args:
        text: Any text.

    Returns:
        True if a telltale is present.

    >>> has_mojibake("à¤¨à¤®"), has_mojibake("नम")
    (True, False)
    """
    return MOJIBAKE_GATE[0] in text or MOJIBAKE_GATE[1] in text


def prepare(text: str) -> str:
    """Document-level preparation before tokenising: mojibake repair (gated) and format characters deleted.

    Args:
        text: Raw article text.

    Returns:
        The text, ready for :func:`tokenize`.

    >>> prepare("क्\u200dष") == "क्ष"
    True
    """
    if has_mojibake(text):
        text = _search(text)
    if _FORMAT.search(text):
        text = _FORMAT.sub("", text)
    return text


def tokenize(text: str) -> list[str]:
    """Split prepared text into word tokens, with each line break as a ``"\\n"`` token.

    Args:
        text: Output of :func:`prepare`.

    Returns:
        Raw tokens in order; Devanagari words are kept whole (matras, virama, nukta stay in the word).

    >>> tokenize("छत्तीसगढ़ में, नमस्ते।\\nदूसरी पंक्ति")
    ['छत्तीसगढ़', 'में', 'नमस्ते', '\\n', 'दूसरी', 'पंक्ति']
    """
    return _TOKEN.findall(text)


def normalize_token(token: str) -> str:
    """The matching form of one raw token: search profile, then ``casefold``.

    Args:
        token: One token from :func:`tokenize`.

    Returns:
        The normalised token (marks kept).

    >>> normalize_token("ख़बर") == normalize_token("खबर")
    True
    >>> normalize_token("मैं") == normalize_token("में")
    False
    >>> normalize_token("CEO")
    'ceo'
    """
    return _search(token).casefold()


def matching_key(text: str) -> str:
    """The whole matching key of a text, as a string (normalised tokens joined by spaces, lines by ``\\n``).

    :func:`newsclean.dedupe` never builds this string (it hashes tokens per batch); it is here to show and
    test what the key is. Two texts are exact duplicates for dedup when their keys are equal.

    Args:
        text: Raw article text.

    Returns:
        The key.

    >>> matching_key("दिल्ली में ३ ख़बरें।\\nनई  दिल्ली")
    'दिल्ली में 3 खबरें\\nनई दिल्ली'
    """
    words = [normalize_token(t) if t != "\n" else t for t in tokenize(prepare(text))]
    return " ".join(words).replace(" \n ", "\n")
