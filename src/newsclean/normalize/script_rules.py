"""Devanagari normalisation rules of both profiles: joiners, mark order, vowel letters, doubled marks, danda
(the visarga rules are in :mod:`newsclean.normalize.visarga`, the search-only folds in
:mod:`newsclean.normalize.search_rules`).

Each rule's docstring says what it changes and what it leaves alone; ``docs/rules.md`` lists them all.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

from unicodedata2 import combining

from ..chars import (
    DEVANAGARI_DIGITS,
    NON_SPACING_MARK_CLASS,
    NUKTA_LETTERS,
    VIRAMA,
    VOWEL_LETTER_SEQUENCES,
    VOWEL_SIGN_CLASS,
    WORD_CLASS,
)
from .rule import Rule, rule

__all__ = [
    "DOUBLE_DANDA",
    "DUP_MARKS",
    "DUP_NUKTA",
    "FIRST_SHORT_LEAD_RE",
    "JOINERS",
    "JOINERS_SEARCH",
    "MARK_ORDER",
    "MARK_ORDER_STRESS",
    "PIPE_TO_DANDA",
    "SHORT_LEAD_RE",
    "TABLE_HINT_RE",
    "VOWEL_LETTERS",
    "PipeLines",
    "is_word",
    "prev_char",
    "writes_dandas",
]


def is_word(ch: str) -> bool:
    """A Devanagari letter or mark (not danda, digit or abbreviation sign)."""
    return "\u0900" <= ch <= "\u0963" or "\u0971" <= ch <= "\u097f"


def prev_char(m: re.Match[str]) -> str:
    i = m.start()
    return m.string[i - 1] if i else ""


def _no_url(text: str) -> bool:
    # the one-character tests first: Hindi text seldom holds ":" or "w", and they are the quicker scans
    return (":" not in text or "://" not in text) and ("w" not in text or "www." not in text)


def _in_url(s: str, i: int) -> bool:
    """Whether position ``i`` sits in a URL-like token (looks back at most 256 characters)."""
    lo = max(0, i - 256)
    k = max(s.rfind(" ", lo, i), s.rfind("\n", lo, i))
    token = s[(k + 1 if k >= 0 else lo) : i]
    return "://" in token or token.startswith("www.")


# -- joiners --------------------------------------------------------------------------------------------


_NASALS = "\u0900\u0901\u0902\u0903"
_STRESS = "\u0951-\u0954"
_RUN_MARKS = f"{VOWEL_SIGN_CLASS}\u093c\u094d{_NASALS}{_STRESS}"
_SIGNS_VIRAMA = f"{VOWEL_SIGN_CLASS}\u094d"
# Gates for "two adjacent marks out of the encoded order", each led by a literal so the scan is fast:
# a vowel sign or nasal sign before a nukta, and a nasal sign before a vowel sign or virama. The stress marks
# are rare characters: the rule runs whenever one is present (MARK_ORDER_STRESS).
_NUKTA_AFTER_MARK = re.compile(f"\u093c(?<=[{VOWEL_SIGN_CLASS}{_NASALS}]\u093c)")
_NASAL_BEFORE_SIGN = tuple(re.compile(f"{nasal}[{_SIGNS_VIRAMA}]") for nasal in _NASALS)
_MARK_KEY = {"\u093c": 0, "\u0951": 5, "\u0953": 5, "\u0954": 5, "\u0952": 4} | dict.fromkeys(_NASALS, 3)
_RUN_SET = frozenset(re.findall(f"[{_RUN_MARKS}]", "".join(map(chr, range(0x900, 0x980)))))


def _prev_after_nfc(s: str, i: int) -> str:
    """The character that will precede position ``i`` once ``normalize.mark_order`` and NFC have reordered
    the marks before it."""
    k = i - 1
    if k < 0:
        return ""
    if s[k] in _RUN_SET:
        j = k
        while j >= 0 and k - j < 32 and s[j] in _RUN_SET:
            j -= 1
        if j < 0 or not combining(s[j]):  # a run of Devanagari marks only: sorted as mark_order sorts it
            return max(reversed(s[j + 1 : i]), key=lambda c: _MARK_KEY.get(c, 2))
    best, best_ccc = s[k], combining(s[k])
    while best_ccc and k >= 0 and i - k <= 32 and combining(s[k]):
        if combining(s[k]) > best_ccc:
            best, best_ccc = s[k], combining(s[k])
        k -= 1
    return best


def _next_after_nfc(s: str, j: int) -> str:
    """The character that will follow position ``j`` once NFC has reordered the marks after it."""
    n = len(s)
    if j >= n:
        return ""
    best, best_ccc = s[j], combining(s[j])
    k = j
    while best_ccc and k < n and k - j < 32 and combining(s[k]):
        if combining(s[k]) < best_ccc:
            best, best_ccc = s[k], combining(s[k])
        k += 1
    return best


def _joiners(m: re.Match[str], *, keep_after_virama: bool) -> str:
    s, i, j = m.string, m.start(), m.end()
    prev = _prev_after_nfc(s, i)
    if prev == VIRAMA and keep_after_virama:
        return m.group()[0]
    nxt = _next_after_nfc(s, j)
    if is_word(prev) or is_word(nxt):
        return ""
    return m.group()


@rule(
    "normalize.joiners",
    kind="invisible",
    reason="ZWJ/ZWNJ next to Devanagari outside a virama context: no effect on rendering",
    pattern="[\u200c\u200d]+",
    triggers="\u200c\u200d",
    profiles=("safe",),
)
def _joiners_safe(m: re.Match[str]) -> str:
    """Changes: deletes ZWJ/ZWNJ next to a Devanagari character, except the first one directly after a virama
    (क्‍ष asks for a half form, क्‌ष for a visible virama); repeats after a virama collapse to the first.
    Leaves alone: that one joiner after a virama; joiners in emoji sequences and other scripts."""
    return _joiners(m, keep_after_virama=True)


JOINERS: Rule = _joiners_safe


@rule(
    "normalize.joiners_search",
    kind="invisible",
    reason="ZWJ/ZWNJ next to Devanagari deleted, after a virama too (search)",
    pattern="[\u200c\u200d]+",
    triggers="\u200c\u200d",
    profiles=("search",),
)
def _joiners_search(m: re.Match[str]) -> str:
    """Changes (search): deletes every ZWJ/ZWNJ next to a Devanagari character, after a virama too, so the
    half-form and conjunct spellings of a word match.
    Leaves alone: joiners in emoji sequences and other scripts."""
    return _joiners(m, keep_after_virama=False)


JOINERS_SEARCH: Rule = _joiners_search

# -- mark order and vowel letters -------------------------------------------------------------------------


# NFC moves a nukta typed after a virama before it; if a vowel or nasal sign precedes the virama, the nukta
# then follows that sign, so such runs are sorted here already (virama + nukta is rare in real text)
_SIGN_VIRAMA_NUKTA = re.compile(f"[{VOWEL_SIGN_CLASS}{_NASALS}][\u094d\u093c]*\u094d\u093c")


def _mark_order_gate(text: str) -> bool:
    return (
        _NUKTA_AFTER_MARK.search(text) is not None
        or any(p.search(text) for p in _NASAL_BEFORE_SIGN)
        or ("\u094d\u093c" in text and _SIGN_VIRAMA_NUKTA.search(text) is not None)
    )


# Hindi's nukta letters are क़ ख़ ग़ ज़ फ़ (loan sounds) and ड़ ढ़; ड़ ढ़ never begin a word, and after a vowel sign
# only they end one (पढ़े, थोड़ी).
_NUKTA_HOSTS = frozenset("\u0915\u0916\u0917\u091c\u0921\u0922\u092b")
_NATIVE_NUKTA_HOSTS = frozenset("\u0921\u0922")


def _nukta_may_move(s: str, i: int, j: int) -> bool:
    """Whether the nukta in the marks ``s[i:j]`` after the consonant ``s[i - 1]`` belongs on that consonant
    (a nukta typed after the vowel sign: पढे़ं, पीडि़त, जि़ला) rather than being a dot typed as a nukta
    (an abbreviation point: डॉ़, पी़, प्रो़; a full stop: रहेगा़) or a stray mark (हु़ए, गृ़ह)."""
    base = s[i - 1] if i else ""
    base = NUKTA_LETTERS.get(base, base)  # क़ U+0958 is क + nukta once NFC has run
    if base not in _NUKTA_HOSTS or "\u0943" in s[i:j]:  # no nukta letter takes ृ (गृ़ह)
        return False
    if base in _NATIVE_NUKTA_HOSTS:
        return i >= 2 and is_word(s[i - 2])  # not at the start of a word (डॉ़ is डॉ.)
    return j < len(s) and is_word(s[j])  # क़ ख़ ग़ ज़ फ़: not at the end of a word (रहेगा़, के़)


def _sort_marks(run: str) -> str:
    return "".join(sorted(run, key=lambda c: _MARK_KEY.get(c, 2)))


@rule(
    "normalize.mark_order",
    kind="script",
    reason="marks in the order the standard encodes (nukta before a vowel sign; anusvara/candrabindu after it)",
    pattern=f"(?<![{_RUN_MARKS}])[{_RUN_MARKS}]{{2,}}",
    gate=_mark_order_gate,
)
def _mark_order(m: re.Match[str]) -> str:
    """Changes: the marks after a Devanagari consonant to the encoded order: nukta first, then the vowel sign
    (or virama), then anusvara/candrabindu/visarga, then the stress marks: ज+ि+़ -> ज+़+ि, क+ं+ा -> क+ा+ं.
    NFC cannot do this: vowel signs, anusvara and candrabindu have combining class 0. A nukta typed after the
    vowel sign moves onto its consonant only where a Hindi nukta letter can stand: on क ख ग ज फ inside or at
    the start of a word (जि़ला -> ज़िला), on ड ढ inside or at the end of one (पढे़ं -> पढ़ें, थोडी़ -> थोड़ी).
    Leaves alone: marks already in order (हैं, में, ज़्या), the order of two vowel signs, and a nukta that is a
    dot typed after a sign: on a consonant with no nukta letter (प्रो़, पी़, हु़ए), on ड/ढ at the start of a
    word (डॉ़, डा़: the abbreviation point), on क ख ग ज फ at the end of a word (रहेगा़, के़), or after ृ
    (गृ़ह); the other marks around it are still ordered."""
    run = m.group()
    if "\u093c" in run.lstrip("\u093c") and not _nukta_may_move(m.string, m.start(), m.end()):
        return "\u093c".join(map(_sort_marks, run.split("\u093c")))
    return _sort_marks(run)


MARK_ORDER: Rule = _mark_order
MARK_ORDER_STRESS: Rule = dataclasses.replace(
    _mark_order, gate=None, triggers=frozenset("\u0951\u0952\u0953\u0954")
)

_AA_SECOND = "\u093a\u0945\u0946\u0947\u0948"
_VOWEL_PAIRS = (
    "\u0905[\u093a\u093b\u093e\u0945\u0946\u0949\u094a\u094b\u094c\u094f\u0956\u0957]",
    f"\u0906[{_AA_SECOND}]",
    "\u0909\u0941",
    "\u090f[\u0945-\u0947]",
    "\u0930\u094d+\u0907",
)
# अ+ा+sign comes first so it wins over अ+ा; the gates need no entry for it (it starts with the pair अ+ा)
_VOWEL_PATTERN = "|".join([f"\u0905\u093e[{_AA_SECOND}]", *_VOWEL_PAIRS])
_VOWEL_GATES = tuple(re.compile(p) for p in _VOWEL_PAIRS)


def _vowel_letters_gate(text: str) -> bool:
    return any(p.search(text) is not None for p in _VOWEL_GATES)


@rule(
    "normalize.vowel_letters",
    kind="script",
    reason='two-part spelling of a vowel letter that the Unicode Standard says "do not use" (Table 12-1)',
    pattern=_VOWEL_PATTERN,
    gate=_vowel_letters_gate,
)
def _vowel_letters(m: re.Match[str]) -> str:
    """Changes: the "do not use" spellings of Table 12-1 to the vowel letter: अ+ा -> आ, अ+ॉ -> ऑ, आ+ॅ -> ऑ,
    अ+ो -> ओ, आ+े -> ओ, अ+ौ -> औ, आ+ै -> औ, ए+े -> ऐ, ए+ॅ -> ऍ, ए+ॆ -> ऎ, उ+ु -> ऊ, र्+इ -> ई, अ+ॆ -> ऄ,
    अ+ॊ / आ+ॆ -> ऒ, अ+ॅ -> ॲ and the rarer ॳ ॴ ॵ ॶ ॷ (and अ+ा+े, which is आ+े).
    Leaves alone: every other letter + sign pair, and vowel signs after consonants."""
    s = m.group()
    if s[0] == "\u0930":  # र + virama(s) + इ
        return "\u0908"
    if len(s) == 3 and s[1] == "\u093e":
        return VOWEL_LETTER_SEQUENCES["\u0906" + s[2]]
    return VOWEL_LETTER_SEQUENCES[s]


VOWEL_LETTERS: Rule = _vowel_letters

# -- doubled marks ----------------------------------------------------------------------------------------


_DUP_GATE = re.compile(f"([{NON_SPACING_MARK_CLASS}])\\1")


@rule(
    "normalize.dup_marks",
    kind="script",
    reason="identical non-spacing mark repeated inside a Devanagari cluster renders as one",
    pattern=f"([{NON_SPACING_MARK_CLASS}])\\1+",
    gate=lambda text: _DUP_GATE.search(text) is not None,
)
def _dup_marks(m: re.Match[str]) -> str:
    """Changes: a repeated identical non-spacing mark (anusvara, candrabindu, nukta, virama, the u/uu/e/ai
    signs, …) after a Devanagari character to one (में+ं -> में); an extra nukta on ऩ ऱ ऴ is dropped.
    Leaves alone: repeated spacing vowel signs (ा ि ी ो: elongation, see ``normalize.elongation``),
    different marks, and marks on non-Devanagari bases (Unicode's own tests double marks on Latin letters)."""
    return m.group(1) if is_word(prev_char(m)) else m.group()


DUP_MARKS: Rule = _dup_marks
DUP_NUKTA: Rule = dataclasses.replace(
    _dup_marks,
    pattern=re.compile("([\u0929\u0931\u0934])\u093c+"),
    repl="\\1",
    gate=None,
    triggers=frozenset("\u0929\u0931\u0934"),
)

# -- danda ------------------------------------------------------------------------------------------------

_BEFORE_PIPE = f"[{WORD_CLASS}{DEVANAGARI_DIGITS}]"
_DANDAS = "|\u0964\u0965"
TABLE_HINT_RE = re.compile("\\|(?<!\\S\\|)")
"""Cheap whole-text test: a pipe at the start of a line or after a space. Without one, no line is a table row
(see :class:`PipeLines`)."""
# at most three words (no pipe in them), then the first pipe of the line; possessive: no backtracking
_LEAD = "[^\\S\n]*+(?:[^\\s|]++[^\\S\n]++){0,2}+[^\\s|]*+[^\\S\n]*+\\|"
SHORT_LEAD_RE = re.compile(f"\n{_LEAD}")
"""A line break, then the line's first pipe after at most three words. A pipe that may be a dateline or byline
separator (see :class:`PipeLines`) is in a line with such a match (or with a match of
:data:`FIRST_SHORT_LEAD_RE` at the start of the text): the first pipe of a line has the shortest lead."""
FIRST_SHORT_LEAD_RE = re.compile(_LEAD)
_TABLE_HEAD = re.compile("[ \t]*\\|")
_NON_SPACE = re.compile("\\S+")
_ALNUM = re.compile("[^\\W_]")
_SHORT_FIELD = re.compile("[^\\S\n]*(?:[^\\s|.?!\u0964\u0965\u2026]+[^\\S\n]*){0,3}\\Z")
"""At most three words and no sentence end (… included: search spells it ``...``) up to the end of the line."""


def writes_dandas(text: str) -> bool:
    """Whether the text writes sentence ends with real dandas (। or ॥)."""
    return "\u0964" in text or "\u0965" in text


class PipeLines:
    """What the pipe rules need to know about the line a pipe sits in, worked out once per line. The pipes
    must be asked about in text order (as ``re.sub`` and ``re.finditer`` find them), so one pass over the text
    is enough, however long its lines.

    A line is a **table row** when it starts with ``|``, ends with a spaced `` |``, or holds `` | `` twice
    (``| शहर | तापमान |``). A pipe **follows a short lead** when at most three words stand before it on its
    line and a letter or digit follows it there (``भास्कर न्यूज | गुमला``, ``रांची| झारखंड में …``).

    >>> s = "| शहर | तापमान |\\nभास्कर न्यूज| गुमला\\nवह घर गया|"
    >>> lines = PipeLines(s)
    >>> [lines.table_row(i) for i in (6, 29, 46)], [lines.short_lead(i) for i in (29, 46)]
    ([True, False, False], [True, False])
    """

    __slots__ = ("_a", "_b", "_n", "_s", "_table", "_words")

    def __init__(self, text: str) -> None:
        self._s, self._n = text, len(text)
        self._a = self._b = 0
        self._table: bool | None = None
        self._words: tuple[int, int, int] | None = None

    def _line(self, i: int) -> None:
        if self._a <= i < self._b:
            return
        s = self._s
        self._a = s.rfind("\n", self._b, i) + 1 if i >= self._b else s.rfind("\n", 0, i) + 1
        b = s.find("\n", i)
        self._b = self._n if b < 0 else b
        self._table = self._words = None

    def table_row(self, i: int) -> bool:
        """Whether the pipe at ``i`` is in a table row."""
        self._line(i)
        if self._table is None:
            s, a, b = self._s, self._a, self._b
            k = b
            while k > a and s[k - 1] in " \t":
                k -= 1
            self._table = (
                _TABLE_HEAD.match(s, a, b) is not None
                or (k - a >= 2 and s[k - 1] == "|" and s[k - 2] in " \t")
                or s.count(" | ", a, b) >= 2
            )
        return self._table

    def _word_starts(self) -> tuple[int, int, int]:
        """Where the first, second and fourth words of the line start (the line end when it has fewer)."""
        if self._words is None:
            found = itertools.islice(_NON_SPACE.finditer(self._s, self._a, self._b), 4)
            starts = [m.start() for m in found]
            starts += [self._b] * (4 - len(starts))
            self._words = (starts[0], starts[1], starts[3])
        return self._words

    def short_lead(self, i: int) -> bool:
        """Whether the pipe at ``i`` follows at most three words at the start of its line, with a letter or
        digit after it on the line."""
        self._line(i)
        first, _, fourth = self._word_starts()
        return first < i <= fourth and _ALNUM.search(self._s, i + 1, self._b) is not None

    def field_separator(self, i: int) -> bool:
        """Whether the pipe at ``i``, glued to the word before it, separates the fields of a dateline or byline
        rather than ending a sentence: it follows a short lead, and either that lead is one word and a space
        follows (``रांची| झारखंड में …``), or at most three words and no sentence end follow it on the line
        (``भास्कर न्यूज| गुमला``, ``सिटी रिपोर्टर|मोतिहारी``); ``पहली खबर|दूसरी खबर।`` is two sentences."""
        if not self.short_lead(i):
            return False
        s = self._s
        _, second, _ = self._word_starts()
        if i <= second and s[i + 1 : i + 2].isspace():
            return True
        return _SHORT_FIELD.match(s, i + 1, self._b) is not None


def _lines_with(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of the lines that hold a match of ``pattern``, in order."""
    spans: list[tuple[int, int]] = []
    end = -1
    for m in pattern.finditer(text):
        i = m.start()
        if i < end:
            continue
        b = text.find("\n", i)
        end = len(text) if b < 0 else b
        spans.append((text.rfind("\n", 0, i) + 1, end))
    return spans


def _lead_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lines whose first pipe follows at most three words (every line that may hold a dateline
    or byline separator)."""
    spans: list[tuple[int, int]] = []
    starts = [m.start() + 1 for m in SHORT_LEAD_RE.finditer(text)]
    if FIRST_SHORT_LEAD_RE.match(text):
        starts.insert(0, 0)
    for a in starts:
        b = text.find("\n", a)
        spans.append((a, len(text) if b < 0 else b))
    return spans


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position is inside one of the sorted, disjoint ``spans``; asked in increasing order."""
    k = 0

    def inside(i: int) -> bool:
        nonlocal k
        while k < len(spans) and spans[k][1] <= i:
            k += 1
        return k < len(spans) and spans[k][0] <= i

    return inside


def _merge(*groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(span for group in groups for span in group):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _double_danda_gate(text: str) -> bool:
    """Every match holds one of ``।।`` ``||`` ``|।`` ``।|``: quick scans instead of the pattern's, which tries
    every danda and pipe."""
    if "\u0964\u0964" in text:
        return True
    return "|" in text and ("||" in text or "|\u0964" in text or "\u0964|" in text)


def _double_danda_repl(text: str) -> Callable[[re.Match[str]], str] | str:
    url, tables = not _no_url(text), _lines_with(TABLE_HINT_RE, text)
    if not (url or tables):
        return "\u0965"
    lines, in_table_hint = PipeLines(text), _inside(tables)

    def repl(m: re.Match[str]) -> str:
        if "|" in m.group():
            s, i = m.string, m.start()
            if (url and _in_url(s, i)) or (in_table_hint(i) and lines.table_row(i)):
                return m.group()
        return "\u0965"

    return repl


@rule(
    "normalize.double_danda",
    kind="punctuation",
    reason="two dandas (or pipes typed for them) are the double danda U+0965",
    pattern=(
        f"\\|(?<={_BEFORE_PIPE}\\|)[|\u0964](?![{_DANDAS}])"
        f"|\u0964(?<![{_DANDAS}]\u0964)(?:(?<={_BEFORE_PIPE}\u0964)\\||\u0964)(?![{_DANDAS}])"
    ),
    gate=_double_danda_gate,
    bind=_double_danda_repl,
)
def _double_danda(m: re.Match[str]) -> str:
    """Changes: ``।।`` to ``॥`` anywhere; ``||`` (or ``|।``, ``।|``) glued to the end of a Devanagari word to ``॥``;
    only an exact pair.
    Leaves alone: a run of three or more (``संसाधन-।।। शाखा``: the numeral III); ``||`` after Latin, digits or a
    space, inside URLs, and a pair with a pipe in a table row (``रहेगा।| शहर | तापमान |``: a danda, then a cell
    separator); ``॥`` itself."""
    repl = _double_danda_repl(m.string)
    return repl if isinstance(repl, str) else repl(m)


DOUBLE_DANDA: Rule = _double_danda


# after a word, or after a quote or closing bracket that follows a word (…बढ़ेगा”|)
_PIPE_RE = re.compile(
    f"\\|(?:(?<={_BEFORE_PIPE}\\|)|(?<={_BEFORE_PIPE}[\"'\u2018-\u201f)\\]]\\|))"
    f"(?=[\\s\"'\u2018-\u201f)\\]}}\u0900-\u097f]|\\Z)"
)


_FEW_PIPES = 3
"""Up to this many pipes in a text, the fast path checks each match directly (cheaper than finding the lines to
look at)."""


def _pipe_spans(text: str) -> tuple[list[tuple[int, int]], bool, bool]:
    """The spans of the lines where a pipe may be a cell or field separator; whether any line may be a table
    row; whether dateline and byline separators are looked for (the text writes real dandas)."""
    tables = _lines_with(TABLE_HINT_RE, text)
    leads = _lead_spans(text) if writes_dandas(text) else []
    return _merge(tables, leads), bool(tables), bool(leads)


def _pipe_keeps(lines: PipeLines, i: int, tables: bool, fields: bool) -> bool:
    return (tables and lines.table_row(i)) or (fields and lines.field_separator(i))


def _pipe_repl(text: str) -> Callable[[re.Match[str]], str] | str:
    url = not _no_url(text)
    spans, tables, fields = _pipe_spans(text)
    if not (url or spans):
        return "\u0964"
    lines, to_check = PipeLines(text), _inside(spans)

    def repl(m: re.Match[str]) -> str:
        s, i = m.string, m.start()
        if (url and _in_url(s, i)) or (to_check(i) and _pipe_keeps(lines, i, tables, fields)):
            return m.group()
        return "\u0964"

    return repl


def _pipe_fast(text: str, found: frozenset[str]) -> str:
    """The same as ``re.sub`` with :func:`_pipe_repl`, but with every match written as ``।`` by ``re`` and the few
    pipes that stay put back: a pipe and a danda are one character each, so nothing moves. With a handful of
    pipes each match is checked directly; with more, only those in the lines :func:`_pipe_spans` points at."""
    if not _no_url(text):
        return _PIPE_RE.sub(_pipe_repl(text), text)
    new = _PIPE_RE.sub("\u0964", text)
    if new == text:
        return new
    lines = PipeLines(text)
    if text.count("|") <= _FEW_PIPES:
        fields = writes_dandas(text)
        keep = [m.start() for m in _PIPE_RE.finditer(text) if _pipe_keeps(lines, m.start(), True, fields)]
    else:
        spans, tables, fields = _pipe_spans(text)
        keep = [
            m.start()
            for a, b in spans
            for m in _PIPE_RE.finditer(text, a, b)
            if _pipe_keeps(lines, m.start(), tables, fields)
        ]
    if not keep:
        return new
    parts: list[str] = []
    prev = 0
    for i in keep:
        parts += (new[prev:i], "|")
        prev = i + 1
    parts.append(new[prev:])
    return "".join(parts)


@rule(
    "normalize.pipe_to_danda",
    kind="punctuation",
    reason="ASCII | typed for the danda directly after a Devanagari word",
    pattern=_PIPE_RE,
    triggers="|",
    bind=_pipe_repl,
    fast_fn=_pipe_fast,
)
def _pipe_to_danda(m: re.Match[str]) -> str:
    """Changes: ``|`` glued to the end of a Devanagari word (letter, mark or Devanagari digit before it, or such a
    word and a closing quote or bracket; space, end of text, quote, bracket or Devanagari after it) to ``।``.
    Leaves alone: ``|`` after Latin or ASCII digits, after a space (`` | ``; see ``normalize.spaced_pipe``), before
    Latin text, inside URLs, in a table row (a line that starts with ``|``, ends with `` |`` or has `` | ``
    twice), and, in text that writes its sentence ends with real dandas, a dateline or byline separator (see
    :meth:`PipeLines.field_separator`: ``भास्कर न्यूज| गुमला``, ``रांची| झारखंड में …``). In text that types every
    danda as ``|``, that pipe is a danda too (``नई दिल्ली| प्रधानमंत्री ने कहा …|``); so is a short sentence glued
    to the next (``पहली खबर|दूसरी खबर।``)."""
    repl = _pipe_repl(m.string)
    return repl if isinstance(repl, str) else repl(m)


PIPE_TO_DANDA: Rule = _pipe_to_danda
