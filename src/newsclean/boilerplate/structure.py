"""Boilerplate found from the shape of the page: lines around the prose, labelled blocks, stray headlines.

The pattern table (:mod:`.rules`) knows phrases; this module knows where page furniture sits (see
:mod:`.layout` for the head, body and tail zones). Each detector needs positive evidence for every line it takes:

- ``boilerplate.no_words``: a line with no letter or digit (``›``, ``-``, ``×``);
- ``boilerplate.counter``: a gallery counter (``2 of 5``, ``3/6``);
- ``boilerplate.page_data``: page data (a JSON object) pasted into the text;
- ``boilerplate.latin_line``: a Latin-script line in a Devanagari article: any such line in the head or tail
  (navigation, English SEO titles, legal notices, app prompts), and in the body a short one that is not a
  sentence (``Link Copied``, ``Pic: Unsplash``);
- ``boilerplate.contact``: a publisher's address, phone, e-mail or copyright line in the tail;
- ``boilerplate.page_header``: every non-prose line above the headline's copy at the top of the body;
- ``boilerplate.related_block``: a related-story label (``ये खबर भी पढ़ें``, ``खबरें और भी``) on its own line,
  with the linked headline on the next line, and with the whole list (headlines, other stories' summaries
  ending in a read-more prompt such as ``... पूरी खबर पढ़ें``) when it runs to the end of the text;
- ``boilerplate.tail_headlines``: two or more headlines (long lines with no full stop) after the last prose;
- ``boilerplate.standalone_headline``: a headline standing alone between paragraphs that shares no topic
  words with the paragraphs around it (a crosshead introduces the paragraph after it, so it shares them);
- ``boilerplate.author_box``: an author box (``लेखक के बारे में``, ``About the Author``) up to its
  ``और पढ़ें`` or the end of the text;
- ``boilerplate.kicker``: a Latin-script keyword lead-in before a Devanagari paragraph (``Delhi News: ``).

What stays: prose, datelines (a bare place name is a short Devanagari line: no detector takes it), crossheads,
table rows (lines with tabs or mostly digits are never headlines), lists of short items.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..keys import key
from .layout import Layout, Line
from .rule_words import AUTHOR_LABEL, FUNCTION_WORDS, READ_IMP, READ_MORE, RELATED_LABEL
from .spans import Candidate

__all__ = ["STRUCTURE_RULES", "find_structure"]

STRUCTURE_RULES = (
    "boilerplate.no_words",
    "boilerplate.counter",
    "boilerplate.page_data",
    "boilerplate.latin_line",
    "boilerplate.contact",
    "boilerplate.page_header",
    "boilerplate.related_block",
    "boilerplate.tail_headlines",
    "boilerplate.standalone_headline",
    "boilerplate.author_box",
    "boilerplate.kicker",
)
"""The rule ids of this module's detectors (each can be disabled)."""

HEADER_WORDS = 4
"""Above the headline's copy, a line of at most this many words is navigation (a breadcrumb, a section name);
a longer one may be a highlight bullet that the page shows first, and stays."""
HEADLINE_WORDS = 5
"""A headline has at least this many words."""
BODY_LATIN_WORDS = 10
"""In the body, a Latin line of at most this many words that is not a sentence is page furniture."""
STRONG_WORDS = 11
"""A line with no full stop and at least this many words reads as a headline even without headline punctuation
(shorter ones need it: ``कोरोना: ...``, two clauses joined by a comma)."""
MAX_AUTHOR_BOX = 4000
"""An author box longer than this (characters) is not one."""

_FLAGS = regex.IGNORECASE | regex.VERSION0
_LABEL_TAIL = r"[ \t\u00a0]*(?:[:ः\-–—|>»]+[ \t\u00a0]*)*"
_RELATED = regex.compile(rf"^[ \t\u00a0]*(?:{RELATED_LABEL}){_LABEL_TAIL}$", _FLAGS)
_IMPERATIVE = regex.compile(READ_IMP)
_TEASER_END = regex.compile(rf"(?:{READ_MORE})[ \t\u00a0.।…)\]]*$", _FLAGS)
_AUTHOR = regex.compile(rf"^[ \t\u00a0]*(?:{AUTHOR_LABEL})(?:{_LABEL_TAIL}$|(?=[^\s:ः]))", _FLAGS)
_AUTHOR_END = regex.compile(r"(?:और[ \t]+पढ़ें|read[ \t]+more)[ \t.…]*$", _FLAGS)
_COUNTER = regex.compile(r"^[ \t]*\d{1,3}[ \t]*(?:of|/|में से)[ \t]*\d{1,3}[ \t]*$", _FLAGS)
_JSON = regex.compile(r'^[ \t]*[{\[][ \t]*"[^"\n]{1,40}"[ \t]*:')
_CONTACT = regex.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|©|\bcopyright\b|all\s+rights\s+reserved|(?:^|\s)(?:ph|tel|phone|fax|mobile|email|"
    r"e-mail|address)[ \t]*[:.]|(?:\d[ \t\-]*){8,}",
    _FLAGS,
)
# a Latin keyword lead-in: two or more Latin words (digits allowed) and a colon, before Devanagari text; it may
# follow a dateline ("पटना, जेएनएन । ")
_KICKER = regex.compile(
    r"^(?P<lead>[ \t\u00a0]*(?:[\u0900-\u0963\u0966-\u097f]+[ ,]*){1,4}[।:][ \t\u00a0]*)?"
    r"(?P<kicker>(?:[A-Za-z0-9][A-Za-z0-9'’&.\-]*[ \t\u00a0]+){1,8}[A-Za-z0-9][A-Za-z0-9'’&.\-]*"
    r"[ \t\u00a0]*[:|][ \t\u00a0]*)(?=[\"'‘“]?[\u0900-\u0963])"
)
_HAS_LATIN_WORD = regex.compile(r"[A-Za-z]{2}")
# what a headline's clauses are joined with: a colon after a kicker, commas, quotes, a question, a dash
_HEADLINE_PUNCT = regex.compile(r"[:?!|'‘’\"“”]|,(?!\d)|[ \t][-–—][ \t]|[\u0900-\u097f][-–—][\u0900-\u097f]")
_BULLET = regex.compile(r"^[ \t]*(?:[-–—•*●▪►]|\d{1,2}[.)])")
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def _cand(line: Line, rule: str, kind: str, reason: str) -> Candidate:
    return Candidate(line.start, line.end, rule, kind, reason)


def _is_headline(line: Line) -> bool:
    """A line that reads as a headline: words enough, no sentence end, not a table row."""
    t = line.text
    return (
        line.words >= HEADLINE_WORDS
        and not line.ends_full_stop
        and not line.has_inner_end
        and "\t" not in t
        and line.digits * 3 < len(t)
        and line.has_words
    )


def _is_strong_headline(line: Line) -> bool:
    """A headline with the shape of one: long, or of several clauses (``कोरोना: ...``, ``..., ...``)."""
    if not _is_headline(line):
        return False
    body = line.text.rstrip(" ?!\"'”’") if line.ends_question else line.text
    punct = _HEADLINE_PUNCT.search(body) is not None
    if line.ends_question:  # a question is a sentence unless a kicker or a second clause marks a headline
        return line.words >= 7 and punct
    return line.words >= STRONG_WORDS or (line.words >= 7 and punct)


def _is_teaser(line: Line) -> bool:
    """Another story's summary: it ends in a read-more prompt."""
    return _TEASER_END.search(line.text) is not None


def _furniture(line: Line) -> tuple[str, str, str] | None:
    """(rule, kind, reason) for a line that is furniture wherever it stands."""
    if not line.has_words:
        return "boilerplate.no_words", "meta", "a line with no words"
    if _COUNTER.match(line.text):
        return "boilerplate.counter", "meta", "gallery counter"
    if _JSON.match(line.text):
        return "boilerplate.page_data", "meta", "page data (JSON) in the text"
    return None


def _latin_article(lay: Layout) -> bool:
    dev = sum(ln.devanagari for ln in lay.lines)
    latin = sum(ln.latin for ln in lay.lines)
    return dev > 0 and dev >= latin


def _latin_furniture(lay: Layout, line: Line, zone: str) -> bool:
    if not line.is_latin or line.is_prose or line.text.endswith(("।", "॥")):
        return False  # a danda makes it part of the Hindi text
    if zone != "body":
        return True
    return line.words <= BODY_LATIN_WORDS and not line.ends_full_stop and not line.has_inner_stop


def _line_rules(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    latin_ok = _latin_article(lay)
    for line in lay.nonblank:
        zone = lay.zone(line)
        hit = _furniture(line)
        if hit is not None:
            out.append(_cand(line, *hit))
        elif latin_ok and _latin_furniture(lay, line, zone):
            where = "in the body" if zone == "body" else f"in the {zone} of the page"
            out.append(_cand(line, "boilerplate.latin_line", "meta", f"Latin-script line {where}"))
        elif zone == "tail" and _CONTACT.search(line.text) and not line.is_prose:
            out.append(_cand(line, "boilerplate.contact", "meta", "publisher's contact or copyright line"))
    return out


def _item(line: Line) -> bool:
    """A line that can belong to a related-story list."""
    return (
        _is_headline(line)
        or _is_teaser(line)
        or _furniture(line) is not None
        or (line.is_latin and not line.is_prose)
        or _RELATED.match(line.text) is not None
    )


def _related_blocks(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    lines = lay.nonblank
    for i, line in enumerate(lines):
        if _RELATED.match(line.text) is None:
            continue
        out.append(_cand(line, "boilerplate.related_block", "also_read", "related-story label"))
        run = list(lines[i + 1 :])
        j = 0
        while j < len(run) and _item(run[j]):
            j += 1
        if run and j == len(run):  # the list runs to the end of the text: all of it is the widget
            out.extend(
                _cand(ln, "boilerplate.related_block", "also_read", "related-story list after its label")
                for ln in run
            )
        elif run and _IMPERATIVE.search(line.text) and _is_headline(run[0]):
            out.append(
                _cand(run[0], "boilerplate.related_block", "also_read", "headline linked by the label above")
            )
    return out


def _tail_headlines(lay: Layout) -> list[Candidate]:
    tail = lay.tail
    heads = [ln for ln in tail if _is_strong_headline(ln)]
    if len(heads) < 2:
        return []
    return [
        _cand(ln, "boilerplate.tail_headlines", "also_read", "headline after the article's last paragraph")
        for ln in heads
    ]


def _content_words(text: str) -> set[str]:
    return {w for w in key(text).split(" ") if len(w) > 2 and w not in FUNCTION_WORDS and not w.isdigit()}


def _standalone_headlines(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    lines = lay.lines
    for line in lay.nonblank:
        if lay.zone(line) != "body" or not _is_strong_headline(line) or _BULLET.match(line.text):
            continue
        prev, nxt = lay.prev_line(line), lay.next_line(line)
        if prev is not None and nxt is not None and not prev.is_prose and not nxt.is_prose:
            continue  # inside a list of short lines: an item, not a pasted headline
        i = line.index
        if not (i > 0 and lines[i - 1].is_blank and i + 1 < len(lines) and lines[i + 1].is_blank):
            continue  # a headline pasted between paragraphs stands alone; a crosshead sits on its paragraph
        words = _content_words(line.text)
        if len(words) < 3:
            continue
        near: set[str] = set()
        for _ in range(2):
            if nxt is None:
                break
            near |= _content_words(nxt.text)
            nxt = lay.next_line(nxt)
        if prev is not None:
            near |= _content_words(prev.text)
        shared = len(words & near) / len(words)
        if shared < 0.25:
            reason = f"headline standing alone between paragraphs, {shared:.0%} of its words shared with them"
            out.append(_cand(line, "boilerplate.standalone_headline", "also_read", reason))
    return out


def _author_boxes(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    lines = lay.nonblank
    for i, line in enumerate(lines):
        if _AUTHOR.match(line.text) is None:
            continue
        end = None
        for ln in lines[i:]:
            if ln.end - line.start > MAX_AUTHOR_BOX:
                break
            if _AUTHOR_END.search(ln.text):
                end = ln.end
                break
        if end is None and lines[-1].end - line.start <= MAX_AUTHOR_BOX:
            end = lines[-1].end  # the box runs to the end of the text
        if end is not None:
            out.append(Candidate(line.start, end, "boilerplate.author_box", "byline", "author box"))
    return out


def _kickers(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    for line in lay.nonblank:
        if not _HAS_LATIN_WORD.search(line.text[:80]):
            continue
        raw = lay.text[line.start : line.end]
        m = _KICKER.match(raw)
        if m is None or not lay.lines[line.index].is_devanagari:
            continue
        if m.group("kicker").count(" ") < 1:
            continue
        s, e = m.span("kicker")
        out.append(
            Candidate(
                line.start + s, line.start + e, "boilerplate.kicker", "seo_prefix", "Latin keyword lead-in"
            )
        )
    return out


def _headline_copy(lkey: str, tkey: str, truncated: bool) -> bool:
    """Whether a line's key holds the headline: all of it, most of it, or (a truncated headline) its start."""
    if tkey in lkey:
        return True
    if truncated and lkey.startswith(tkey[: max(len(tkey) - 12, 0)]) and len(tkey) > 24:
        return True
    return len(lkey) >= 0.6 * len(tkey) and lkey in tkey


def _page_header(lay: Layout, title: str | None) -> list[Candidate]:
    """Non-prose lines above the headline's copy, when the copy opens the body."""
    if not title:
        return []
    stripped = title.rstrip(" .…")
    tkey = key(stripped)
    if tkey.count(" ") < 2:
        return []
    truncated = stripped != title.rstrip()
    top = lay.head if lay.first >= 0 else lay.nonblank[:12]
    for line in top:
        if _headline_copy(key(line.text), tkey, truncated):
            return [
                _cand(ln, "boilerplate.page_header", "meta", "navigation above the headline")
                for ln in top
                if ln.index < line.index and ln.words <= HEADER_WORDS
            ]
    return []


def find_structure(text: str, title: str | None, disable: Iterable[str] = ()) -> list[Candidate]:
    """Page furniture found from the shape of ``text`` (see the module docstring for each detector).

    Args:
        text: The body.
        title: The headline, if known.
        disable: Rule ids to skip.

    Returns:
        Candidate spans (not yet tidied or merged).

    >>> body = "Hindi News\\nसरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।\\n›\\nGet all the news in Hindi"
    >>> for c in sorted(find_structure(body, None), key=lambda c: c.start):
    ...     print(c.rule, repr(body[c.start:c.end]))
    boilerplate.latin_line 'Hindi News'
    boilerplate.no_words '›'
    boilerplate.latin_line 'Get all the news in Hindi'
    """
    off = frozenset(disable)
    lay = Layout.of(text)
    cands = _line_rules(lay) + _related_blocks(lay) + _tail_headlines(lay) + _standalone_headlines(lay)
    cands += _author_boxes(lay) + _kickers(lay) + _page_header(lay, title)
    return [c for c in cands if c.rule not in off]
