"""The ASCII colon typed for the visarga (``दु:ख`` for ``दुःख``): a table of attested visarga words, and the two
rules that use it.

A colon between two Devanagari letters is not evidence of a visarga: news text glues datelines, headline
kickers and labels to the next word (``नई दिल्ली:प्रधानमंत्री``, ``अलर्ट:रोहतक``), and folding those makes
non-words. So a colon becomes ``ः`` only inside a word that is attested with a visarga, matched as a word or a
prefix so that inflected forms work (``दु:खों``, ``नि:शुल्क``, ``अंत:करणों``).

The table (:data:`VISARGA_TABLE`, one entry a line) has three kinds of entries:

``word``
    A whole word ending in ``ः`` whose stem (the word without ``ः``) is not itself a word: the adverbs in
    -तः and -शः (अतः, स्वतः, क्रमशः, मुख्यतः), पुनः, प्रायः, प्रातः, छः. A colon directly after the stem is the
    visarga: glued to a following letter in both profiles, and before a space or punctuation in the search
    profile (``normalize.final_ta_visarga``).
``prefix``
    A first member of compounds (निः, दुः, पुनः, प्रातः, अधः …) whose stem is not a word: the colon folds when
    it is glued to one of the letters before which sandhi keeps the visarga inside a word, क ख प फ श ष स
    (``नि:शुल्क``, ``दु:ख``, ``प्रात:काल``; before any other letter the visarga would have become र्/ओ or a
    sibilant: निर्भर, मनोबल, नमस्ते).
``member``
    A first member whose stem is an everyday word (अंतः/अंत, मनः/मन, तेजः/तेज …): the colon folds only when
    the word after it is one of the listed second members, bare or with a noun/adjective ending
    (``अंत:करण``, ``अंत:करणों``, ``मन:स्थितियों``), so ``असर तेज:पूर्व राज्यपाल`` keeps its colon.

Words are compared by their search-profile spelling (``अन्त:करण`` matches ``अंतःकरण``; the text keeps its own
spelling), so a fold in one profile never depends on a fold the other profile makes later.

Sources (basis codes in the table):

- ``CHD``: Central Hindi Directorate (केंद्रीय हिंदी निदेशालय), *देवनागरी लिपि तथा हिंदी वर्तनी का मानकीकरण*
  (standard Hindi orthography, 2016/2019), the rule on विसर्ग: tatsama words keep their visarga, with the
  list अतः, पुनः, स्वतः, प्रायः, पूर्णतः, मूलतः, अंततः, वस्तुतः, क्रमशः and the examples दुःख, दुःसाहस, निःशब्द.
- ``W170``, ``W1098``, ``W1106``, ``W1111``: W. D. Whitney, *Sanskrit Grammar* (2nd ed., 1889): §170 and
  §172 (final s is visarga before k kh p ph and the sibilants; a sibilant before t c ṭ), §1098 (adverbs in
  -tas, Hindi -तः), §1106 (distributives in -śas, Hindi -शः), §1111 (prāyas, bahis).
- ``VS``: school-grammar examples of visarga sandhi (निः + संदेह = निःसंदेह, दुः + शासन = दुःशासन,
  रजः + कण = रजःकण; and where it does not survive: निः + धन = निर्धन, मनः + बल = मनोबल).
- ``lex``: attested in at least one Hindi lexicon packaged by Debian: the Apertium Hindi monolingual
  lexicon (``apertium-hin``), the aspell-hi word list (``aspell-hi`` 0.02), hunspell-hi (LibreOffice
  dictionaries). The two spelling lists also hold colons typed as visarga (``हैः``, ``चुनावः``), so a lexicon
  alone is never the basis of an entry.

Left out on purpose: ततः यतः इतः कुतः पयः नमः (their stems are everyday or poetic words: तत, इत, पय, नम), and
whole-word forms whose stem is a word (अंतः, मनः …: only their compounds are entries).

>>> is_visarga_word("स्वत"), is_visarga_word("भारत")
(True, False)
>>> glued_visarga("नि", "शुल्क"), glued_visarga("नि", "धन"), glued_visarga("अंत", "करणों"), glued_visarga("तेज", "पूर्व")
(True, False, True, False)
"""

from __future__ import annotations

import functools
import re

from ..chars import VISARGA
from .rule import Rule, rule

__all__ = [
    "COLON_TO_VISARGA",
    "FINAL_TA_VISARGA",
    "MEMBER_ENDINGS",
    "SANDHI_LETTERS",
    "VISARGA_TABLE",
    "glued_visarga",
    "is_visarga_word",
]

VISARGA_TABLE = """\
# form	kind	basis	second members (kind member) or attested compounds (kind prefix)
अतः	word	CHD W1098 lex
पुनः	word	CHD lex
स्वतः	word	CHD W1098 lex
प्रायः	word	CHD W1111 lex
पूर्णतः	word	CHD W1098 lex
मूलतः	word	CHD W1098 lex
अंततः	word	CHD W1098 lex
वस्तुतः	word	CHD W1098 lex
क्रमशः	word	CHD W1106 lex
अंशतः	word	W1098 lex
मुख्यतः	word	W1098 lex
सामान्यतः	word	W1098 lex
संभवतः	word	W1098 lex
सम्भवतः	word	W1098 lex
फलतः	word	W1098 lex
प्रधानतः	word	W1098 lex
स्पष्टतः	word	W1098 lex
विशेषतः	word	W1098 lex
प्रत्यक्षतः	word	W1098 lex
परोक्षतः	word	W1098
सर्वतः	word	W1098 lex
अधिकांशतः	word	W1098 lex
स्वभावतः	word	W1098 lex
साधारणतः	word	W1098 lex
तत्वतः	word	W1098
तत्त्वतः	word	W1098 lex
नियमतः	word	W1098 lex
सिद्धांततः	word	W1098
व्यवहारतः	word	W1098
अनिवार्यतः	word	W1098 lex
प्रमुखतः	word	W1098
उभयतः	word	W1098
निष्कर्षतः	word	W1098
अनुमानतः	word	W1098 lex
अधिमानतः	word	W1098
प्रथमतः	word	W1098 lex
यथार्थतः	word	W1098
न्यायतः	word	W1098 lex
धर्मतः	word	W1098
जन्मतः	word	W1098 lex
स्वरूपतः	word	W1098
रूपतः	word	W1098
गुणतः	word	W1098
अर्थतः	word	W1098 lex
अपवादतः	word	W1098 lex
अल्पतः	word	W1098 lex
अन्यतः	word	W1098 lex
शब्दशः	word	W1106 lex
अक्षरशः	word	W1106 lex
अनेकशः	word	W1106 lex
कोटिशः	word	W1106
शतशः	word	W1106 lex
सहस्रशः	word	W1106 lex
बहुशः	word	W1106 lex
प्रायशः	word	W1106 lex
शनैः	word	W1111 lex
छः	word	lex
प्रातः	word	W170 lex
अधः	word	W170 lex
बहिः	word	W1111 lex
भुवः	word	lex
निः	prefix	CHD W170 VS lex	निःशुल्क निःसंदेह निःस्वार्थ निःशब्द निःशस्त्र निःशेष निःश्वास निःसंकोच निःसंतान निःसहाय निःस्पृह
दुः	prefix	CHD W170 VS lex	दुःख दुःखद दुःखी दुःखित दुःखांत दुःसाहस दुःस्वप्न दुःशासन दुःसाध्य दुःशील
पुनः	prefix	W170 lex	पुनःप्रसारण पुनःस्थापना पुनःपरीक्षण पुनःप्रवेश पुनःसृष्टि पुनःपूर्ति पुनःप्राप्ति पुनःस्मरण
प्रातः	prefix	W170 lex	प्रातःकाल प्रातःकालीन प्रातःस्मरणीय
अधः	prefix	W170 lex	अधःपतन अधःस्तर अधःस्थल
बहिः	prefix	W170 lex	बहिःस्राव बहिःप्रवाह
अयः	prefix	W170 lex	अयःशंकु
चतुः	prefix	W170 lex	चतुःसीमा चतुःषष्टि चतुःशाल
स्वतः	prefix	W170 lex	स्वतःस्फूर्त स्वतःप्रमाण
अंतः	member	W170 lex	करण पुर शिरा क्रिया स्रावी सलिला प्रेरणा स्थ संयोजन प्रज्ञा प्रांतीय
मनः	member	W170 lex	स्थिति शक्ति कायिक पूत
तपः	member	W170 lex	पूत स्थली शक्ति
यशः	member	W170	काय
वयः	member	W170 lex	संधि प्राप्त
पुरः	member	W170	सर
रजः	member	W170 VS	कण
तेजः	member	W170	पुंज
वक्षः	member	W170	स्थल
उरः	member	W170	स्थल
नभः	member	W170	स्थल
"""
"""The attested visarga words, one entry a line: form, kind (``word``, ``prefix`` or ``member``), basis
(source codes, see the module docstring), and for ``member`` entries the second members the colon may be
glued to (for ``prefix`` entries, attested compounds, for reference: any compound whose second member starts
with a letter of :data:`SANDHI_LETTERS` matches)."""

SANDHI_LETTERS = frozenset("कखपफशषस")
"""Letters before which sandhi keeps a visarga inside a word (Whitney §170, §172): क ख प फ and श ष स."""

MEMBER_ENDINGS = ("", "ों", "ो", "ी", "ीय", "िक", "िका", "यों", "याँ", "यां", "एं", "एँ", "ओं")
"""What may follow a second member of a ``member`` entry inside the same word: nothing, or a noun or adjective
ending (अंतःकरणों, मनःस्थितियों, अंतःक्रियाएं, अंतःकरणीय)."""

_MAX_WORD = 24
"""Longer tokens are not looked up (the longest stem in the table has 11 code points)."""


def _search_key(text: str) -> str:
    """The spelling of a word in the search profile (folded nukta, candrabindu, nasal conjuncts, …)."""
    from .api import normalize  # deferred: api imports this module

    return normalize(text, profile="search")


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str], dict[str, tuple[str, ...]]]:
    """The table as lookups by search spelling: word stems, prefix stems, and member stems with their seconds."""
    words: set[str] = set()
    prefixes: set[str] = set()
    members: dict[str, tuple[str, ...]] = {}
    for line in VISARGA_TABLE.splitlines():
        if not line or line.startswith("#"):
            continue
        form, kind, _basis, *rest = line.split("\t")
        stem = _search_key(form.removesuffix(VISARGA))
        if kind == "word":
            words.add(stem)
        elif kind == "prefix":
            prefixes.add(stem)
        else:
            members[stem] = tuple(_search_key(w) for w in rest[0].split())
    return frozenset(words), frozenset(prefixes), members


@functools.lru_cache(maxsize=4096)
def _key(word: str) -> str:
    return _search_key(word) if word else word


def is_visarga_word(stem: str) -> bool:
    """Whether ``stem`` + ``ः`` is an attested whole word whose stem is not itself a word (``स्वत`` for स्वतः).

    >>> is_visarga_word("क्रमश"), is_visarga_word("अंत")
    (True, False)
    """
    return _key(stem) in _tables()[0]


def glued_visarga(stem: str, after: str) -> bool:
    """Whether a colon between the Devanagari word ``stem`` and the word ``after`` (no space) is a visarga.

    >>> glued_visarga("दु", "खों"), glued_visarga("दिल्ली", "प्रधानमंत्री"), glued_visarga("मन", "स्थितियों")
    (True, False, True)
    """
    words, prefixes, members = _tables()
    key = _key(stem)
    if key in words:
        return True
    nxt = _key(after)
    if key in prefixes:
        return nxt[:1] in SANDHI_LETTERS
    seconds = members.get(key)
    return seconds is not None and any(nxt.startswith(s) and nxt[len(s) :] in MEMBER_ENDINGS for s in seconds)


# -- the rules ------------------------------------------------------------------------------------------

# The last characters a whole-word stem can end in (and the nukta, which the search spelling may drop), so the
# word-final rule looks up only the colons after them (not ``कानपुर:``, ``पढ़ें:``).
_WORD_STEM_ENDS = "".join(
    sorted(
        {line.split("\t")[0][-2] for line in VISARGA_TABLE.splitlines() if "\tword\t" in line} | {"\u093c"}
    )
)

_WORD = "\u0900-\u0963\u0971-\u097f"  # chars.WORD_CLASS
_LETTER = "\u0904-\u0939\u093d\u0950\u0958-\u0961\u0972-\u097f"  # chars.LETTER_CLASS
_IS_WORD = re.compile(f"[{_WORD}]")


def _word_before(s: str, i: int) -> str:
    """The Devanagari word that ends at ``i`` ("" when it is longer than any stem in the table)."""
    j = i
    lo = max(0, i - _MAX_WORD - 1)
    while j > lo and _IS_WORD.match(s, j - 1):
        j -= 1
    return "" if j == lo and lo > 0 else s[j:i]


def _word_after(s: str, j: int) -> str:
    """The Devanagari word that starts at ``j``, at most ``2 * _MAX_WORD`` code points of it."""
    k = j
    hi = min(len(s), j + 2 * _MAX_WORD)
    while k < hi and _IS_WORD.match(s, k):
        k += 1
    return s[j:k]


@rule(
    "normalize.colon_to_visarga",
    kind="script",
    reason="ASCII colon typed for the visarga U+0903 inside an attested visarga word",
    pattern=f":(?<=[{_WORD}]:)(?<![\u0951-\u0954]:)(?=[{_LETTER}])",
    gate=":",
)
def _colon_to_visarga(m: re.Match[str]) -> str:
    """Changes: ``:`` glued between two Devanagari letters inside an attested visarga word (see
    :data:`VISARGA_TABLE`): after a whole-word stem (अत:, स्वत:), after a prefix before क ख प फ श ष स (दु:ख,
    नि:शुल्क, प्रात:काल, दु:खों), after a first member before one of its listed second members (अंत:करण,
    मन:स्थिति).
    Leaves alone: every other colon: a dateline, headline kicker or label glued to the next word
    (``नई दिल्ली:प्रधानमंत्री``, ``अलर्ट:रोहतक``, ``असर तेज:पूर्व``), a colon followed by a space (``यह भी पढ़ें:
    …``; but see ``normalize.final_ta_visarga``), between digits (``10:30``), next to Latin."""
    s, i = m.string, m.start()
    if glued_visarga(_word_before(s, i), _word_after(s, i + 1)):
        return VISARGA
    return ":"


COLON_TO_VISARGA: Rule = _colon_to_visarga


@rule(
    "normalize.final_ta_visarga",
    kind="script",
    reason="word-final colon of an attested visarga word (अतः, स्वतः, क्रमशः) (search)",
    # before a space or punctuation, quotes and … included (search folds them to ASCII after this rule)
    pattern=f":(?<=[{_WORD_STEM_ENDS}]:)(?=[\\s\"'\u2018-\u201f\u2026),.;!?\u0964\u0965]|\\Z)",
    gate=":",
    profiles=("search",),
)
def _final_ta_visarga(m: re.Match[str]) -> str:
    """Changes (search): a colon at the end of a whole word of :data:`VISARGA_TABLE` whose stem is not a word,
    before a space, punctuation or the end (अत: -> अतः, स्वत: -> स्वतः, क्रमश: -> क्रमशः). The id is from
    when the rule took every word ending in त.
    Leaves alone: other word-final colons (``भारत:``, ``स्रोत:``, ``राहत:``, ``पढ़ें:``), and the safe profile."""
    return VISARGA if is_visarga_word(_word_before(m.string, m.start())) else ":"


FINAL_TA_VISARGA: Rule = _final_ta_visarga
