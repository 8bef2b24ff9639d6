"""The shape of an article body: its lines, which of them are prose, and the zones around the prose.

Extracted news pages keep the page around the article: navigation and the headline above it, related-story
lists, author boxes, app prompts and legal notices below it. What marks the article itself is *prose*: lines of
several words of the article's script that end in (or contain) a full stop. The lines before the first prose
line are the **head**, the lines after the last one the **tail**; the rest is the **body**. The detectors in
:mod:`.structure` ask for stronger evidence in the body than in the head and tail, so that a crosshead, a
dateline or a table row inside the article stays while the same kind of line around it may go.

>>> lay = Layout.of("Hindi News\\nनई दिल्ली\\nसरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।\\nAlso on the site")
>>> [ln.text for ln in lay.head], [ln.text for ln in lay.tail]
(['Hindi News', 'नई दिल्ली'], ['Also on the site'])
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..chars import CLOSERS, FULL_STOPS

__all__ = ["LIST_ITEM_WORDS", "PROSE_WORDS", "Layout", "Line", "list_runs", "shape", "table_rows"]

# the layouts of the last few texts, and their next/previous non-blank lines (a layout never changes)
_KEEP = 8
_LAYOUTS: dict[str, Layout] = {}
_NEIGHBOURS: dict[int, tuple[Layout, list[int], list[int]]] = {}

PROSE_WORDS = 8
"""A prose line has at least this many words (shorter lines are labels, headlines, crossheads, datelines)."""

_NOT_DEVANAGARI = regex.compile(r"[^\u0900-\u0963\u0966-\u097f\ua8e0-\ua8ff]+")
_NOT_LATIN = regex.compile(r"[^A-Za-z\u00c0-\u024f]+")
_NOT_DIGIT = regex.compile(r"[^\d]+")
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")
_DIGIT = regex.compile(r"\d")
_DEV_LETTER = regex.compile(r"[\u0900-\u0963\u0971-\u097f]")
_OTHER_DIGITS = regex.compile(r"[\d--[0-9\u0966-\u096f]]", regex.VERSION1)
_TRIM = "".join(CLOSERS) + " \t\u00a0\u200b\u200c\u200d\ufeff"
# a full stop followed by more text: the line holds a sentence end inside it (not in a number: 2.5, not "..")
_CLOSE = regex.escape(_TRIM)
# a danda followed by more text (glued or not), or a full stop followed by a space and more text
_INNER_STOP = regex.compile(rf"[।॥][{_CLOSE}]*\S|(?<![.\d])\.(?![.\d])[{_CLOSE}]*[ \t\u00a0]+\S")
# any sentence end followed by more text, a question or exclamation mark included
_INNER_END = regex.compile(rf"[।॥][{_CLOSE}]*\S|(?<![.\d])[.?!](?![.\d?!])[{_CLOSE}]*[ \t\u00a0]+\S")


def _ends_full_stop(text: str) -> bool:
    t = text.rstrip(_TRIM)
    if t.endswith("|"):
        return True  # a pipe typed for a danda
    if not t or t[-1] not in FULL_STOPS:
        return False
    return not (t[-1] == "." and (t.endswith("..") or (len(t) > 1 and t[-2].isdigit())))


def _flags(text: str, words: int, dev: int, latin: int) -> tuple[bool, bool, bool, bool, bool]:
    """A line's flags (see :class:`Line`), in the order of :data:`_FLAGS`."""
    letters = dev + latin
    devanagari = dev > 0 and dev >= 0.5 * letters
    stop = _ends_full_stop(text)
    return (
        _HAS_WORD.search(text) is not None,
        latin >= 3 and latin >= 0.6 * letters,
        devanagari,
        stop,
        words >= PROSE_WORDS and devanagari and (stop or _INNER_STOP.search(text) is not None),
    )


_FLAGS = ("has_words", "is_latin", "is_devanagari", "ends_full_stop", "is_prose")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text with the counts the detectors use.

    ``start``/``end`` bound the line in the text (without its line break); :attr:`text` is the line without
    surrounding spaces. The flags the detectors ask most often are measured once, when the line is made:

    - ``has_words``: at least one letter or digit;
    - ``is_latin``: mostly Latin letters (at least 60 % of its letters and at least three of them);
    - ``is_devanagari``: mostly Devanagari (at least half of its letters);
    - ``ends_full_stop``: ends with a danda, double danda or a single full stop (closing quotes and brackets
      aside; a pipe typed for a danda counts, an ellipsis and a number's point do not);
    - ``is_prose``: a line of the article's running text: mostly Devanagari, at least :data:`PROSE_WORDS`
      words, and a full stop at its end or inside it.

    >>> ln = Line.of("  सरकार ने कहा कि काम कल से शुरू होगा और सब ठीक है। ", 0, 7)
    >>> ln.words, ln.is_prose, ln.ends_full_stop
    (13, True, True)
    >>> Line.of("Link Copied", 0, 0).is_latin, Line.of("IPL में मैच", 0, 0).is_latin
    (True, False)
    >>> Line.of("बात हुई।”", 0, 0).ends_full_stop, Line.of("और पढ़ें...", 0, 0).ends_full_stop
    (True, False)
    """

    start: int
    end: int
    index: int
    text: str
    words: int
    devanagari: int
    latin: int
    digits: int
    has_words: bool = field(init=False, repr=False, compare=False)
    is_latin: bool = field(init=False, repr=False, compare=False)
    is_devanagari: bool = field(init=False, repr=False, compare=False)
    ends_full_stop: bool = field(init=False, repr=False, compare=False)
    is_prose: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        for name, value in zip(
            _FLAGS, _flags(self.text, self.words, self.devanagari, self.latin), strict=True
        ):
            put(self, name, value)

    @classmethod
    def of(cls, raw: str, start: int, index: int) -> Line:
        """Measure the line ``raw`` that starts at ``start`` in its text."""
        text = raw.strip()
        return cls(
            start,
            start + len(raw),
            index,
            text,
            len(text.split()),
            len(_NOT_DEVANAGARI.sub("", text)),
            len(_NOT_LATIN.sub("", text)),
            len(_NOT_DIGIT.sub("", text)),
        )

    @property
    def letters(self) -> int:
        """Devanagari and Latin letters and marks."""
        return self.devanagari + self.latin

    @property
    def is_blank(self) -> bool:
        """Nothing but spaces."""
        return not self.text

    @property
    def has_inner_stop(self) -> bool:
        """Holds a full stop followed by more text (two sentences, or a sentence and something after it)."""
        return _INNER_STOP.search(self.text) is not None

    @property
    def has_inner_end(self) -> bool:
        """Holds any sentence end (``?`` and ``!`` included) followed by more text."""
        return _INNER_END.search(self.text) is not None

    @property
    def ends_question(self) -> bool:
        """Ends with ``?`` or ``!`` (closing quotes aside)."""
        return self.text.rstrip(_TRIM)[-1:] in ("?", "!")


def shape(line: Line) -> tuple[str, ...]:
    """A line's shape: each token as ``9`` (it holds a digit), ``W`` (Devanagari), ``L`` (other letters) or the
    token itself (punctuation).

    >>> shape(Line.of("सोमवार 27.0 37.0", 0, 0)), shape(Line.of("2021- 13 जून", 0, 0))
    (('W', '9', '9'), ('9', '9', 'W'))
    """
    return _shape(line.text)


@lru_cache(maxsize=16384)
def _shape(text: str) -> tuple[str, ...]:
    """The shape of the stripped line ``text`` (kept for recent lines: a text is laid out again after cuts)."""
    out = []
    for tok in text.split():
        if _DIGIT.search(tok):
            out.append("9")
        elif _DEV_LETTER.search(tok):
            out.append("W")
        elif _HAS_WORD.search(tok):
            out.append("L")
        else:
            out.append(tok)
    return tuple(out)


def table_rows(lines: tuple[Line, ...]) -> frozenset[int]:
    """The lines of ``lines`` (non-blank, in order) that are rows or cells of a table: runs of three or more
    lines of one shape with a digit in it ("सोमवार 27.0 37.0"), and runs of label and value lines taking turns
    ("वीरवार" / "39/25"), six lines or more.

    >>> lay = Layout.of("दिन तापमान\\nसोमवार 27.0 37.0\\nमंगलवार 26.0 36.0\\nबुधवार 25.0 35.0\\nबाद में बारिश होगी")
    >>> sorted(lay.table)
    [1, 2, 3]
    """
    shapes = [shape(ln) if ln.digits and ln.words <= 12 else None for ln in lines]
    if len(shapes) - shapes.count(None) < 3:
        return frozenset()  # both kinds of table have three rows with digits at least
    rows: set[int] = set()
    n = len(lines)
    i = 0
    while i < n:  # a run of one shape
        j = i
        while j + 1 < n and shapes[i] is not None and shapes[j + 1] == shapes[i]:
            j += 1
        if j - i + 1 >= 3:
            rows.update(lines[k].index for k in range(i, j + 1))
        i = j + 1
    for i in range(n - 5):  # label and value taking turns: a value line (digits) every other line
        window = shapes[i : i + 6]
        values, labels = window[1::2], lines[i : i + 6 : 2]
        if all(v is not None and v == values[0] for v in values) and all(lab.words <= 3 for lab in labels):
            rows.update(lines[k].index for k in range(i, i + 6))
    return frozenset(rows)


LIST_ITEM_WORDS = 4
"""A line of a short list (drinks, names, places) has at most this many words and no full stop."""


def list_runs(lines: tuple[Line, ...], least: int = 4) -> list[tuple[int, ...]]:
    """Runs of ``least`` or more consecutive lines (no blank line between them) of a short list: each with words,
    at most :data:`LIST_ITEM_WORDS` of them and no full stop. ``lines`` are all the lines, in order.

    >>> lay = Layout.of("पेय पदार्थ लें।\\nनींबू पानी\\nछाछ\\nनारियल पानी\\nORS\\nबस।")
    >>> list_runs(lay.lines)
    [(1, 2, 3, 4)]
    """
    out: list[tuple[int, ...]] = []
    run: list[int] = []
    for ln in [*lines, None]:
        if ln is not None and ln.has_words and ln.words <= LIST_ITEM_WORDS and not ln.ends_full_stop:
            run.append(ln.index)
            continue
        if len(run) >= least:
            out.append(tuple(run))
        run = []
    return out


_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_NOT_ASCII_LETTER = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_NOT_ASCII_DIGIT = bytes(b for b in range(256) if not 48 <= b <= 57)
# a code point outside ASCII, Latin-1's signs, the Devanagari block and the punctuation and symbol blocks
# (2000-2BFF, with no letter or digit the counts see): one the byte counts of :func:`_measure` may miscount
# (other letters counted as Latin, other code points whose UTF-8 starts with the byte E0 as Devanagari's do,
# other digits than 0-9 and Devanagari's)
_RARE = re.compile(r"[^\x00-\xbf\u0900-\u097f\u2000-\u2bff]")
_DEV_DIGIT = re.compile(r"[\u0966-\u096f]")
# the measures of recent lines (a line's measures depend on its text alone): text, words, counts and flags
_Measures = tuple[str, int, int, int, int, bool, bool, bool, bool, bool]
_MEASURED: dict[str, _Measures] = {}
_MEASURED_KEEP = 20_000


def _measure(st: str, plain: bool, dev_digits: bool) -> _Measures:
    """The measures of the stripped line ``st``: its words, Devanagari letters, Latin letters and digits as
    :meth:`Line.of` counts them, and its flags.

    In a ``plain`` text (no code point :data:`_RARE` matches) the letters are counted from the line's UTF-8
    bytes: a Devanagari code point starts with the byte E0 (the two dandas are not letters), an ASCII letter
    or digit is one byte; ``dev_digits`` says whether the text has Devanagari digits to count.
    """
    if plain:
        b = st.encode("utf-8", "surrogatepass")
        dev = b.count(b"\xe0")
        if dev:
            dev -= st.count("\u0964") + st.count("\u0965")
        latin = len(b.translate(None, _NOT_ASCII_LETTER))
        digits = len(b.translate(None, _NOT_ASCII_DIGIT))
        if dev_digits:
            digits += len(_DEV_DIGIT.findall(st))
    else:
        dev = len(_NOT_DEVANAGARI.sub("", st))
        latin = len(_NOT_LATIN.sub("", st))
        digits = len(_NOT_DIGIT.sub("", st))
    words = len(st.split())
    return (st, words, dev, latin, digits, *_flags(st, words, dev, latin))


# a :class:`Line` is made with its measures (its flags already found: no :meth:`Line.__post_init__`), its fields
# set through their slots (the frozen class's ``__setattr__`` refuses them)
_new_line = object.__new__
_SLOT_SETTERS: tuple[Callable[[Line, object], None], ...] = tuple(
    Line.__dict__[name].__set__
    for name in (
        "start",
        "end",
        "index",
        "text",
        "words",
        "devanagari",
        "latin",
        "digits",
        "has_words",
        "is_latin",
        "is_devanagari",
        "ends_full_stop",
        "is_prose",
    )
)


@dataclass(frozen=True, slots=True)
class Layout:
    """The lines of a text and where its prose begins and ends.

    ``first``/``last`` are the indexes of the first and last prose line (``-1`` when the text has none: then
    every line is in the body, and nothing is treated as head or tail).

    >>> Layout.of("क।\\nख").first
    -1
    """

    text: str
    lines: tuple[Line, ...]
    first: int
    last: int
    nonblank: tuple[Line, ...] = ()
    """Every line with text, in order."""
    table: frozenset[int] = frozenset()
    """The indexes of the lines that are rows or cells of a table (see :func:`table_rows`)."""

    @classmethod
    def of(cls, text: str) -> Layout:
        """Split ``text`` into lines (at ``\\n``) and find its prose.

        The letter counts of a line come from its bytes (see :func:`_measure`), the same counts :meth:`Line.of`
        finds with its expressions, and are kept for the lines of the texts that follow (a text loses lines as
        boilerplate goes, and is laid out again). The layouts of the last few texts are kept (a layout never
        changes): the page detectors and a corpus model look at the same text.
        """
        cached = _LAYOUTS.get(text)
        if cached is not None:
            return cached
        lay = cls._of(text)
        if len(_LAYOUTS) >= _KEEP:
            del _LAYOUTS[next(iter(_LAYOUTS))]
        _LAYOUTS[text] = lay
        return lay

    @classmethod
    def _of(cls, text: str) -> Layout:
        # how to count a new line's letters (see :func:`_measure`): found for the text at its first new line
        # (the text left after cuts has no new lines, or few)
        plain: bool | None = None
        dev_digits = False
        if len(_MEASURED) > _MEASURED_KEEP:
            _MEASURED.clear()
        out: list[Line] = []
        nonblank: list[Line] = []
        first = last = -1
        pos = 0
        get, new = _MEASURED.get, _new_line
        s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12 = _SLOT_SETTERS
        for i, raw in enumerate(text.split("\n")):
            st = raw.strip()
            measures = get(st)
            if measures is None:
                if plain is None:
                    plain = _RARE.search(text) is None
                    dev_digits = _DEV_DIGIT.search(text) is not None
                measures = _MEASURED[st] = _measure(st, plain, dev_digits)
            _, words, dev, latin, digits, has_words, is_latin, is_devanagari, stop, prose = measures
            end = pos + len(raw)
            ln = new(Line)
            s0(ln, pos)
            s1(ln, end)
            s2(ln, i)
            s3(ln, st)
            s4(ln, words)
            s5(ln, dev)
            s6(ln, latin)
            s7(ln, digits)
            s8(ln, has_words)
            s9(ln, is_latin)
            s10(ln, is_devanagari)
            s11(ln, stop)
            s12(ln, prose)
            out.append(ln)
            if st:
                nonblank.append(ln)
            if prose:
                if first < 0:
                    first = i
                last = i
            pos = end + 1
        filled = tuple(nonblank)
        return cls(text, tuple(out), first, last, filled, table_rows(filled))

    @property
    def head(self) -> tuple[Line, ...]:
        """The non-blank lines before the first prose line."""
        return tuple(ln for ln in self.lines[: max(self.first, 0)] if not ln.is_blank)

    @property
    def tail(self) -> tuple[Line, ...]:
        """The non-blank lines after the last prose line."""
        if self.last < 0:
            return ()
        return tuple(ln for ln in self.lines[self.last + 1 :] if not ln.is_blank)

    def zone(self, line: Line) -> str:
        """``"head"``, ``"body"`` or ``"tail"``.

        >>> lay = Layout.of("ऊपर\\nसरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।\\nनीचे")
        >>> [lay.zone(ln) for ln in lay.lines]
        ['head', 'body', 'tail']
        """
        if self.first < 0:
            return "body"
        if line.index < self.first:
            return "head"
        if line.index > self.last:
            return "tail"
        return "body"

    def next_line(self, line: Line) -> Line | None:
        """The next non-blank line after ``line``."""
        i = self._neighbours()[0][line.index]
        return None if i < 0 else self.lines[i]

    def prev_line(self, line: Line) -> Line | None:
        """The non-blank line before ``line``."""
        i = self._neighbours()[1][line.index]
        return None if i < 0 else self.lines[i]

    def _neighbours(self) -> tuple[list[int], list[int]]:
        """For each line, the index of the next and of the previous non-blank line (``-1``: none); computed
        once per layout."""
        got = _NEIGHBOURS.get(id(self))
        if got is not None and got[0] is self:
            return got[1], got[2]
        n = len(self.lines)
        nxt, prv = [-1] * n, [-1] * n
        last = -1
        for i in range(n):
            prv[i] = last
            if self.lines[i].text:
                last = i
        last = -1
        for i in range(n - 1, -1, -1):
            nxt[i] = last
            if self.lines[i].text:
                last = i
        if len(_NEIGHBOURS) >= _KEEP:
            del _NEIGHBOURS[next(iter(_NEIGHBOURS))]
        _NEIGHBOURS[id(self)] = (self, nxt, prv)
        return nxt, prv
