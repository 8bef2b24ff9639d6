"""Abbreviations and initials that a full stop does not end a sentence after (data, no logic but lookups).

The sentence splitter reads these tables; users extend them through
``SentenceConfig(extra_abbreviations=...)`` or :meth:`SentenceConfig.with_abbreviations`.

Entries are written without their final full stop. Lookups are case-insensitive for Latin letters
(``Dr``, ``DR`` and ``dr`` are one entry); Devanagari is matched exactly, so write the spelling you
expect (``डॉ`` and the older ``डा`` are two entries).

Dotted chains such as ``कि.मी.``, ``अ.भा.``, ``ई.पू.`` or ``U.S.`` need no entry: any chain of short
letter pieces joined by full stops is treated as one abbreviation. A single Devanagari letter with
at most a nukta, anusvara, chandrabindu or visarga (``म.``, ``सं.``, ``उ.``) is an abbreviation too.

>>> "डॉ" in HINDI_ABBREVIATIONS and "dr" in ENGLISH_ABBREVIATIONS
True
>>> abbreviation_key("Dr.")
'dr'
>>> abbreviation_key("कि.मी.")
'कि.मी'
"""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_INITIALS",
    "ENGLISH_ABBREVIATIONS",
    "HINDI_ABBREVIATIONS",
    "INITIALS",
    "abbreviation_key",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Hindi abbreviations written with a full stop: titles and ranks; money, numbers, units, dates; places,
#: bodies and contact details.
HINDI_ABBREVIATIONS: frozenset[str] = _words(
    "डॉ डा श्री प्रो प्रा स्व पं कु चि मा न्या इंजी एड ले कै ब्रि सु फिल "
    "रु रू नं क्र सं पृ ई पू मि घं ग्रा डि ता दि "
    "जि तह पो वि प्र रा भा नि मु लि मो फो"
)

#: English abbreviations, compared in lower case.
ENGLISH_ABBREVIATIONS: frozenset[str] = _words(
    "dr mr mrs ms prof sh smt shri st jr sr hon rev lt col gen capt maj brig sgt cdr adm "
    "rs re no nos vs etc approx est fig vol pp ed eds govt dept inc ltd pvt co corp bros mt ft km kg "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

#: Names of Latin letters written in Devanagari, used for initials (``ए.के. शर्मा``, ``ए. पी. जे.``).
INITIALS: frozenset[str] = _words(
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू डबल्यू डब्लू एक्स वाई जेड ज़ेड \u095bेड"
)

#: Initials that are also common Hindi words (``आई`` came, ``जी`` the honorific): an
#: initial only next to another initial (``आई. के. गुजराल``), never alone before a full stop.
AMBIGUOUS_INITIALS: frozenset[str] = frozenset({"आई", "जी"})


def abbreviation_key(abbreviation: str) -> str:
    """Return the lookup key of an abbreviation: no surrounding space, no final full stop, lower case.

    Args:
        abbreviation: As users write it, with or without the final full stop (``"मि."``, ``"Dr"``).

    Returns:
        The key stored in the tables and compared with the word before a full stop.

    >>> abbreviation_key(" प्रो. ")
    'प्रो'
    >>> abbreviation_key("Ph.D.")
    'ph.d'
    """
    return abbreviation.strip().rstrip(".").lower()
