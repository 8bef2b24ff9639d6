"""The shapes of lines that the page-structure detectors (:mod:`.structure`, :mod:`.widgets`) share: what
reads as a headline, a teaser, page furniture, and which topic words a passage has.

>>> from newsclean.boilerplate.layout import Line
>>> is_headline(Line.of("नदी पर बना पुल जर्जर, प्रशासन ने भारी वाहनों की आवाजाही रोकी", 0, 0))
True
>>> is_headline(Line.of("प्रशासन ने भारी वाहनों की आवाजाही रोक दी है।", 0, 0))
False
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..keys import key
from .layout import Layout, Line
from .rule_words import FUNCTION_WORDS, READ_MORE
from .rules import nukta_loose
from .spans import Candidate

__all__ = [
    "COUNTER",
    "FLAGS",
    "HEADLINE_WORDS",
    "LABEL_TAIL",
    "LONG_NUMBER",
    "MAX_HEADLINE_WORDS",
    "STRONG_WORDS",
    "cand",
    "content_words",
    "furniture",
    "introduces",
    "is_headline",
    "is_strong_headline",
    "is_teaser",
]

HEADLINE_WORDS = 5
"""A headline has at least this many words."""
MAX_HEADLINE_WORDS = 22
"""A longer line with no full stop is a paragraph that lost its danda, not a headline."""
STRONG_WORDS = 11
"""A line with no full stop and at least this many words reads as a headline even without headline punctuation
(shorter ones need it: ``कोरोना: ...``, two clauses joined by a comma)."""

FLAGS = regex.IGNORECASE | regex.VERSION0
LABEL_TAIL = r"[ \t\u00a0]*(?:[:ः\-–—|>»]+[ \t\u00a0]*)*"
"""What may follow a label on its line: separators and spaces."""
COUNTER = regex.compile(r"^[ \t]*\d{1,3}[ \t]*(?:of|/|में से)[ \t]*\d{1,3}[ \t]*$", FLAGS)
"""A gallery counter on its line (``2 of 5``, ``3/6``)."""
LONG_NUMBER = regex.compile(r"\d{7,}|\d{3,5}[ \t-]\d{5,}")
"""A phone number: a directory entry, not a headline."""
_TEASER_END = regex.compile(nukta_loose(rf"(?:{READ_MORE})[ \t\u00a0.।…)\]]*$"), FLAGS)
_JSON = regex.compile(r'^[ \t]*[{\[][ \t]*"[^"\n]{1,40}"[ \t]*:')
# what a headline's clauses are joined with: a colon after a kicker, commas, quotes, a question, a dash
_HEADLINE_PUNCT = regex.compile(r"[:?!|'‘’\"“”]|,(?!\d)|[ \t][-–—][ \t]|[\u0900-\u097f][-–—][\u0900-\u097f]")
_REPORTED = regex.compile(r"(?:कहा|बताया|पूछा|लिखा|कहना[ \t]+है|मानना[ \t]+है)[ \t]+कि(?![\p{L}\p{M}])")


def cand(line: Line, rule: str, kind: str, reason: str) -> Candidate:
    return Candidate(line.start, line.end, rule, kind, reason)


def is_headline(line: Line) -> bool:
    """A line that reads as a headline: words enough but not too many, no sentence end, not reported speech
    (``... ने कहा कि ...``), not a table row."""
    t = line.text
    return (  # the measured flags first, the expressions last
        HEADLINE_WORDS <= line.words <= MAX_HEADLINE_WORDS
        and not line.ends_full_stop
        and line.has_words
        and line.digits * 3 < len(t)
        and "\t" not in t
        and t.count(",") < 3  # an enumeration ("दुकानें, संस्थान, होटल, ...") or a name with titles
        and _REPORTED.search(t) is None
        and LONG_NUMBER.search(t) is None
        and not line.has_inner_end
    )


def is_strong_headline(line: Line) -> bool:
    """A headline with the shape of one: long, or of several clauses (``कोरोना: ...``, ``..., ...``)."""
    if not is_headline(line):
        return False
    body = line.text.rstrip(" ?!\"'”’") if line.ends_question else line.text
    punct = _HEADLINE_PUNCT.search(body) is not None
    if line.ends_question:  # a question is a sentence unless a kicker or a second clause marks a headline
        return line.words >= 7 and punct
    return line.words >= STRONG_WORDS or (line.words >= 7 and punct)


def is_teaser(line: Line) -> bool:
    """Another story's summary: it ends in a read-more prompt."""
    return _TEASER_END.search(line.text) is not None


def furniture(line: Line) -> tuple[str, str, str] | None:
    """(rule, kind, reason) for a line that is furniture wherever it stands."""
    if not line.has_words:
        return "boilerplate.no_words", "meta", "a line with no words"
    if line.digits and COUNTER.match(line.text):  # a counter has digits
        return "boilerplate.counter", "meta", "gallery counter"
    if line.text[:1] in ("{", "[") and _JSON.match(line.text):  # the text is stripped: it opens the line
        return "boilerplate.page_data", "meta", "page data (JSON) in the text"
    return None


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """The topic words of ``text``: its key's words of three letters or more, function words and numbers aside
    (kept for recent texts: the headline and the lines around a cut are asked for again)."""
    return frozenset(
        w for w in key(text).split(" ") if len(w) > 2 and w not in FUNCTION_WORDS and not w.isdigit()
    )


def introduces(lay: Layout, line: Line, topic: frozenset[str] = frozenset(), share: float = 0.25) -> bool:
    """Whether ``line`` introduces what follows it: at least ``share`` of its words (beyond ``topic``) come
    again in the next two lines with words enough (a crosshead, a live entry's heading); a pasted link to
    another story shares none.

    >>> lay = Layout.of("असम सरकार ने टाइगर रिजर्व बंद किए\\n\\nअसम सरकार के अनुसार सभी टाइगर रिजर्व बंद रहेंगे।")
    >>> introduces(lay, lay.lines[0])
    True
    """
    words = content_words(line.text) - topic
    if not words:
        return False
    near: set[str] = set()
    n, taken = lay.next_line(line), 0
    while n is not None and taken < 2:
        if n.words >= HEADLINE_WORDS and not n.is_latin:
            near |= content_words(n.text)
            taken += 1
        n = lay.next_line(n)
    return len(words & near) >= share * len(words)
