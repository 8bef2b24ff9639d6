"""Devanagari code-point tables and compiled character patterns (data only, no logic).

Every class is an explicit code-point range, so the patterns use the stdlib ``re`` (no ``\\w``). Strings
ending in ``_CLASS`` are bodies for a ``[...]`` character class. Other modules may import from here.

>>> from newsclean import chars
>>> bool(chars.DEVANAGARI_RE.search("नमस्ते world"))
True
>>> chars.VIRAMA == "\\u094d" and chars.NUKTA == "\\u093c"
True
"""

from __future__ import annotations

import re

__all__ = [
    "ANUSVARA",
    "CANDRABINDU",
    "CLOSERS",
    "CONSONANT_CLASS",
    "DANDA",
    "DEVANAGARI_CLASS",
    "DEVANAGARI_DIGITS",
    "DEVANAGARI_RE",
    "DOUBLE_DANDA",
    "FULL_STOPS",
    "INDEPENDENT_VOWEL_CLASS",
    "JOINERS",
    "LETTER_CLASS",
    "MARK_CLASS",
    "NON_SPACING_MARK_CLASS",
    "NUKTA",
    "NUKTA_FOLD",
    "NUKTA_LETTERS",
    "RTL_CLASS",
    "RTL_RE",
    "SENTENCE_ENDS",
    "SOFT_ENDS",
    "SPACING_VOWEL_SIGN_CLASS",
    "TERMINATORS",
    "UNICODE_SPACES",
    "VIRAMA",
    "VISARGA",
    "VOWEL_LETTER_SEQUENCES",
    "VOWEL_SIGN_CLASS",
    "WORD_CLASS",
    "ZWJ",
    "ZWNJ",
]

# -- single characters --------------------------------------------------------------------------------
CANDRABINDU = "\u0901"
ANUSVARA = "\u0902"
VISARGA = "\u0903"
NUKTA = "\u093c"
VIRAMA = "\u094d"
DANDA = "\u0964"
DOUBLE_DANDA = "\u0965"
ZWNJ = "\u200c"
ZWJ = "\u200d"
JOINERS = ZWNJ + ZWJ

# -- what ends a sentence ------------------------------------------------------------------------------
SENTENCE_ENDS = DANDA + DOUBLE_DANDA + "?!"
"""Characters that end a sentence wherever they stand (danda, double danda, question and exclamation mark)."""
SOFT_ENDS = ".|…"
"""Characters that end a sentence only in the right context: a full stop (not in a number, abbreviation or
initial), a pipe typed for a danda, an ellipsis. The sentence splitter decides each; cruder scanners treat
them as ends where a space or a line break follows."""
FULL_STOPS = DANDA + DOUBLE_DANDA + "."
"""What a written sentence ends with, as opposed to a headline or a label (which may end in ``?`` or ``!``)."""
TERMINATORS = SENTENCE_ENDS + SOFT_ENDS
"""Every sentence terminator: :data:`SENTENCE_ENDS` and :data:`SOFT_ENDS`."""
CLOSERS = "\"'”’»›)]}"
"""Closing quotes and brackets that belong to the sentence they follow (``…कहा।”``)."""

# -- nukta letters ---------------------------------------------------------------------------------------
NUKTA_LETTERS: dict[str, str] = {chr(0x0958 + i): base for i, base in enumerate("कखगजडढफय")}
"""The precomposed nukta letters क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (U+0958..U+095F, composition exclusions: NFC writes each as
base + nukta) and their base consonants."""
NUKTA_FOLD: dict[str, str] = NUKTA_LETTERS | {"\u0929": "न", "\u0931": "र", "\u0934": "ळ"}
"""Every precomposed letter with a nukta and its base: :data:`NUKTA_LETTERS` and ऩ ऱ ऴ (which NFC composes).
Folding for matching maps each to its base and deletes a lone :data:`NUKTA`."""

# -- classes (bodies of [...]) --------------------------------------------------------------------------
DEVANAGARI_CLASS = "\u0900-\u097f"
"""The Devanagari block."""
CONSONANT_CLASS = "\u0915-\u0939\u0958-\u095f\u0978-\u097f"
"""Consonants, including the precomposed nukta letters and the extension letters at U+0978..U+097F."""
INDEPENDENT_VOWEL_CLASS = "\u0904-\u0914\u0960\u0961\u0972-\u0977"
LETTER_CLASS = CONSONANT_CLASS + INDEPENDENT_VOWEL_CLASS + "\u093d\u0950"
"""Letters: consonants, independent vowels, avagraha and om."""
VOWEL_SIGN_CLASS = "\u093a\u093b\u093e-\u094c\u094e\u094f\u0955-\u0957\u0962\u0963"
"""Dependent vowel signs (matras), spacing and non-spacing."""
SPACING_VOWEL_SIGN_CLASS = "\u093b\u093e-\u0940\u0949-\u094c\u094e\u094f"
"""Vowel signs of General_Category Mc (ा ि ी ॉ ॊ ो ौ …): repeated, they show as elongation."""
MARK_CLASS = "\u0900-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963"
"""Every Devanagari combining mark (Mn and Mc)."""
NON_SPACING_MARK_CLASS = "\u0900-\u0902\u093a\u093c\u0941-\u0948\u094d\u0951-\u0957\u0962\u0963"
"""Devanagari marks of General_Category Mn: doubled, they stack on themselves and look like one."""
WORD_CLASS = "\u0900-\u0963\u0971-\u097f"
"""Letters and marks: what a Devanagari word is made of (no danda, digits or abbreviation sign)."""
DEVANAGARI_DIGITS = "०१२३४५६७८९"

RTL_CLASS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff"
"""Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, … and their presentation forms."""

UNICODE_SPACES = (
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
"""TAB and every Zs space other than U+0020 (NBSP, en/em/thin/hair spaces, narrow NBSP, ideographic …), listed
one by one: a string of the characters and the body of a ``[...]`` class."""

# -- the "do not use" vowel-letter spellings ----------------------------------------------------------
VOWEL_LETTER_SEQUENCES: dict[str, str] = {
    # Unicode Standard, chapter 12, Table 12-1 (Devanagari vowel letters: "use" / "do not use");
    # the same list drives HarfBuzz's dotted-circle insertion for invalid Devanagari clusters.
    "\u0905\u0946": "\u0904",  # अ + ॆ -> ऄ
    "\u0905\u093e": "\u0906",  # अ + ा -> आ
    "\u0930\u094d\u0907": "\u0908",  # र् + इ -> ई
    "\u0909\u0941": "\u090a",  # उ + ु -> ऊ
    "\u090f\u0945": "\u090d",  # ए + ॅ -> ऍ
    "\u090f\u0946": "\u090e",  # ए + ॆ -> ऎ
    "\u090f\u0947": "\u0910",  # ए + े -> ऐ
    "\u0905\u0949": "\u0911",  # अ + ॉ -> ऑ
    "\u0906\u0945": "\u0911",  # आ + ॅ -> ऑ
    "\u0905\u094a": "\u0912",  # अ + ॊ -> ऒ
    "\u0906\u0946": "\u0912",  # आ + ॆ -> ऒ
    "\u0905\u094b": "\u0913",  # अ + ो -> ओ
    "\u0906\u0947": "\u0913",  # आ + े -> ओ
    "\u0905\u094c": "\u0914",  # अ + ौ -> औ
    "\u0906\u0948": "\u0914",  # आ + ै -> औ
    "\u0905\u0945": "\u0972",  # अ + ॅ -> ॲ
    "\u0905\u093a": "\u0973",  # अ + ऺ -> ॳ
    "\u0905\u093b": "\u0974",  # अ + ऻ -> ॴ
    "\u0906\u093a": "\u0974",  # आ + ऺ -> ॴ
    "\u0905\u094f": "\u0975",  # अ + ॏ -> ॵ
    "\u0905\u0956": "\u0976",  # अ + ॖ -> ॶ
    "\u0905\u0957": "\u0977",  # अ + ॗ -> ॷ
}
"""Two- or three-code-point spellings of a vowel letter that the standard says not to use, and the letter."""

# -- compiled patterns --------------------------------------------------------------------------------
DEVANAGARI_RE = re.compile(f"[{DEVANAGARI_CLASS}]")
RTL_RE = re.compile(f"[{RTL_CLASS}]")
