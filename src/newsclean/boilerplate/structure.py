"""Boilerplate found from the shape of the page: lines around the prose, labelled blocks, stray headlines.

The pattern table (:mod:`.rules`) knows phrases; this module knows where page furniture sits (see
:mod:`.layout` for the head, body and tail zones; :mod:`.widgets` holds the block detectors, :mod:`.shapes` the
line shapes they share). Each detector needs positive evidence for every line it takes:

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

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import regex

from ..keys import key
from .layout import Layout, Line, shape
from .shapes import (
    HEADLINE_WORDS,
    LONG_NUMBER,
    MAX_HEADLINE_WORDS,
    cand,
    content_words,
    furniture,
    introduces,
    is_strong_headline,
)
from .spans import Candidate
from .widgets import find_widgets, is_related_label

__all__ = ["STRUCTURE_RULES", "find_structure", "introduces"]

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
    "boilerplate.headline_copy",
    "boilerplate.caption",
    "boilerplate.promo",
    "boilerplate.disclaimer_block",
    "boilerplate.author_bio",
    "boilerplate.closing_credit",
    "boilerplate.desk_code",
)
"""The rule ids of this module's detectors (each can be disabled)."""

HEADER_WORDS = 4
"""Above the headline's copy, a line of at most this many words is navigation (a breadcrumb, a section name);
a longer one may be a highlight bullet that the page shows first, and stays."""
BODY_LATIN_WORDS = 10
"""In the body, a Latin line of at most this many words that is not a sentence is page furniture."""
TAIL_SHARED = 0.2
"""Headlines after the prose are other stories' when less than this share of their words (beyond the
headline's) is in the article's lead; a live blog's last entries share more."""

_CONTACT = regex.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|©|\bcopyright\b|all\s+rights\s+reserved|सर्वाधिकार\s+सुरक्षित|"
    r"^[ \t]*(?:ph|tel|phone|fax|email|e-mail|address|पता|फोन|ईमेल)[ \t]*[:.]",
    regex.IGNORECASE,
)
# a Latin keyword lead-in: two or more Latin words (digits allowed) and a colon, before Devanagari text; it may
# follow a dateline ("पटना, जेएनएन । ")
_KICKER = regex.compile(
    r"^(?P<lead>[ \t\u00a0]*(?:[\u0900-\u0963\u0966-\u097f]+[ ,]*){1,4}[।:][ \t\u00a0]*)?"
    r"(?P<kicker>(?:[A-Za-z0-9][A-Za-z0-9'’&.\-]*[ \t\u00a0]+){1,8}[A-Za-z0-9][A-Za-z0-9'’&.\-]*"
    r"[ \t\u00a0]*[:|][ \t\u00a0]*)(?=[\"'‘“]?[\u0900-\u0963])"
)
# the section words of an SEO lead-in ("Delhi News:", "UP Weather:", "Bihar Politics:"); a short capitalised lead-in
# without one is a dateline in Latin script ("New Delhi: ") and stays
_TOPIC_TEXT = (
    "news update updates live weather politics political crime alert breaking election elections result results "
    "accident sports sport cricket business health rain monsoon viral video photos story report exclusive "
    "special today latest top big budget traffic exam jobs job education"
)
_TOPIC_WORDS = frozenset(_TOPIC_TEXT.split())
_HAS_LATIN_WORD = regex.compile(r"[A-Za-z]{2}")
_LATIN_TOKEN = regex.compile(r"[A-Za-z][A-Za-z'’&.\-]*")
_DEVANAGARI_WORD = regex.compile(r"[\u0900-\u0963\u0971-\u097f]{2}")
# a quotation's heading with its speaker ("आप जहां हैं वहीं रहिए : पीएम मोदी", "...-राजीव शुक्ला"): a crosshead
_ATTRIBUTION = regex.compile(r"(?:[ \t]:|[:\-–—])[ \t]*(?:[\p{L}\p{M}.]+[ \t]*){1,3}$")
_BULLET = regex.compile(r"^[ \t]*(?:[-–—•*●▪►]|\d{1,2}[.)])")
# a headline's marks: a kicker before a colon ("Kal Ka Mausam: ...") or a truncated teaser ("...गर्मी...")
_KICKER_COLON = regex.compile(r"^[ \t\-–—•*●▪►]*[^:ः\n]{2,60}[:ः][ \t]+\S")
_TRUNCATED = regex.compile(r"(?:…|\.{3})[ \t'\"’”]*$")


_key = lru_cache(maxsize=8192)(key)
"""The folded key of a line or headline, kept for recent ones (the page is looked at again after each cut)."""


def _latin_article(lay: Layout) -> bool:
    dev = sum(ln.devanagari for ln in lay.lines)
    latin = sum(ln.latin for ln in lay.lines)
    return dev > 0 and dev >= latin


def _latin_run(lay: Layout, line: Line) -> int:
    """How many Latin lines in a row ``line`` stands in (blank lines aside)."""
    n = 1
    for step in (lay.prev_line, lay.next_line):
        x = step(line)
        while x is not None and x.is_latin:
            n += 1
            x = step(x)
    return n


def _latin_furniture(lay: Layout, line: Line, zone: str) -> bool:
    if not line.is_latin or line.is_prose or line.text.endswith(("।", "॥")):
        return False  # a danda makes it part of the Hindi text
    if _DEVANAGARI_WORD.search(line.text):
        return False  # a Hindi word in it: a mixed crosshead ("What is Yellow Alert: येलो अलर्ट"), a gloss
    if zone != "body":
        return True
    if line.words > BODY_LATIN_WORDS or line.ends_full_stop or line.has_inner_stop or line.text.endswith("?"):
        return False  # a sentence, or a question heading its answer ("Will schools be closed on Monday?")
    return _latin_run(lay, line) < 3  # in the body, three Latin lines in a row are an English passage


def _line_rules(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    latin_ok = _latin_article(lay)
    for line in lay.nonblank:
        hit = furniture(line)
        if hit is not None:
            out.append(cand(line, *hit))
            continue
        zone = lay.zone(line)
        if latin_ok and _latin_furniture(lay, line, zone):
            where = "in the body" if zone == "body" else f"in the {zone} of the page"
            out.append(cand(line, "boilerplate.latin_line", "meta", f"Latin-script line {where}"))
        elif zone == "tail" and not line.is_prose and _contact(line.text):
            out.append(cand(line, "boilerplate.contact", "meta", "publisher's contact or copyright line"))
    return out


@lru_cache(maxsize=8192)
def _contact(text: str) -> bool:
    """A contact or copyright line's marks in ``text``."""
    return _CONTACT.search(text) is not None


def _tail_member(line: Line) -> bool:
    """A line that may stand in a list of headlines after the prose (a long headline, one with a question in
    it): no full stop at its end, 5 to 35 words, no phone number."""
    return (
        not line.is_prose
        and not line.ends_full_stop
        and not line.has_inner_stop
        and HEADLINE_WORDS <= line.words <= 35
        and LONG_NUMBER.search(line.text) is None
        and "\t" not in line.text
    )


def _tail_headlines(lay: Layout, title: str | None) -> list[Candidate]:
    """Runs of headlines after the last prose, two or more of them with a headline's shape (page furniture
    between them does not break a run), about other things than the article: most of their words, beyond the
    headline's, are not in its lead (a live blog's last entries are about its subject)."""
    out: list[Candidate] = []
    run: list[Line] = []
    lead: frozenset[str] | None = None
    topic = content_words(title or "")
    for ln in [*lay.tail, None]:
        if ln is not None and _tail_member(ln):
            run.append(ln)
            continue
        if ln is not None and (furniture(ln) is not None or (ln.is_latin and not ln.is_prose)):
            continue
        final = len(run) == 1 and ln is None and run[0] is lay.nonblank[-1] and is_strong_headline(run[0])
        if sum(is_strong_headline(h) for h in run) >= 2 or final:
            if lead is None:
                prose = [x for x in lay.lines if x.is_prose][:3]
                lead = topic.union(*(content_words(x.text) for x in prose))
            words = set().union(*(content_words(h.text) for h in run)) - topic
            shared = len(words & lead) / max(len(words), 1)
            if shared < TAIL_SHARED and _linked(lay, run):
                reason = f"one of several headlines after the article's last paragraph ({shared:.0%} of their words in its lead)"
                out.extend(cand(h, "boilerplate.tail_headlines", "also_read", reason) for h in run)
        run = []
    return out


def _own_list(run: list[Line]) -> bool:
    """Whether the lines of ``run`` are the article's own list rather than links: items on one template with
    digits ("- 15 मई ...", "- पहला वनडे - 17 सितंबर, ..."), a crosshead over bullet items, or a lone dashed line
    (a quotation's attribution: "- नाम, पद")."""
    bullets = [_BULLET.match(h.text) is not None for h in run]
    if len(run) == 1:
        return bullets[0]
    if any(not a and b and c for a, b, c in zip(bullets, bullets[1:], bullets[2:], strict=False)):
        return True
    heads = Counter(head for h in run if "9" in (head := shape(h)[:5]))
    return any(n >= max(2, len(run) // 3) for n in heads.values())


def _linked(lay: Layout, run: list[Line]) -> bool:
    """Whether a run of headline-shaped lines after the prose reads as links to other stories: not the article's
    own list (:func:`_own_list`), and either marked as links (a related-story label or page furniture before it,
    headline marks on its items: a kicker colon, a truncation) or right after the last paragraph."""
    if _own_list(run):
        return False
    marked = sum(
        _KICKER_COLON.match(h.text) is not None or _TRUNCATED.search(h.text) is not None for h in run
    )
    if marked >= min(2, len(run)):
        return True
    prev = lay.prev_line(run[0])
    return prev is None or prev.is_prose or is_related_label(prev) or furniture(prev) is not None


def _deck(lay: Layout, line: Line | None) -> bool:
    """Whether ``line`` is a deck or a highlight: short, unpunctuated, and standing apart from the paragraph
    after it (a crosshead sits on its paragraph, with no blank line between)."""
    if line is None or line.is_prose or line.ends_full_stop or line.words < 3:
        return False
    after = line.index + 1
    return after >= len(lay.lines) or lay.lines[after].is_blank or not lay.lines[after].is_prose


def _standalone_headlines(lay: Layout, title: str | None) -> list[Candidate]:
    """Headlines pasted between paragraphs: standing alone (blank lines around them), not in a list, not a
    lead-in to what follows (``...इस प्रकार हैं:``), and sharing none of the words of the paragraphs around
    them beyond the article's own topic (the headline's words): a crosshead introduces the paragraph after it,
    so it shares them; another story's headline does not."""
    out: list[Candidate] = []
    lines = lay.lines
    topic = content_words(title or "")
    for line in lay.nonblank:
        i = line.index
        if not (i > 0 and lines[i - 1].is_blank and i + 1 < len(lines) and lines[i + 1].is_blank):
            continue  # a headline pasted between paragraphs stands alone; a crosshead sits on its paragraph
        if lay.zone(line) != "body" or not is_strong_headline(line) or _BULLET.match(line.text):
            continue
        if line.text.rstrip(" -–—")[-1:] in (":", "ः") or line.text.endswith(("-", "–", "—")):
            continue  # a lead-in to a list or a quotation
        if _ATTRIBUTION.search(line.text):
            continue  # a quotation's heading with its speaker
        prev, nxt = lay.prev_line(line), lay.next_line(line)
        if prev is None or not prev.is_prose:
            continue  # after a crosshead or in a list: the crosshead's paragraph or an item, not a pasted link
        if _deck(lay, nxt):
            continue  # a deck or the first of a run of highlights: the line after it is short and unpunctuated
        words = content_words(line.text) - topic
        if len(words) < 3:
            continue
        near = content_words(prev.text)
        n, taken = nxt, 0
        while n is not None and taken < 2:  # the next two lines with words enough (a stamp or a credit aside)
            if n.words >= HEADLINE_WORDS and not n.is_latin:
                near |= content_words(n.text)
                taken += 1
            n = lay.next_line(n)
        shared = len(words & near) / len(words)
        if shared < 0.25:
            reason = f"headline standing alone between paragraphs, {shared:.0%} of its words shared with them"
            out.append(cand(line, "boilerplate.standalone_headline", "also_read", reason))
    return out


def _headline_copies(lay: Layout, title: str | None) -> list[Candidate]:
    """Lines at the top that are the headline: whole, truncated, or with a few words changed."""
    if not title:
        return []
    stripped = title.rstrip(" .…")
    tkey = _key(stripped)
    ttoks = tkey.split(" ")
    if len(ttoks) < 4:
        return []
    tset = set(ttoks)
    truncated = stripped != title.rstrip()
    out: list[Candidate] = []
    for ln in lay.head if lay.first >= 0 else lay.nonblank[:12]:
        lkey = _key(ln.text)
        ltoks = lkey.split(" ")
        if ln.is_prose or len(ltoks) < 4 or len(ltoks) > max(MAX_HEADLINE_WORDS, 1.3 * len(ttoks)):
            continue
        inside = sum(t in tset for t in ltoks) / len(ltoks)
        covers = len(set(ltoks) & tset) / len(tset)
        if _headline_copy(lkey, tkey, truncated) or (inside >= 0.8 and covers >= 0.6):
            reason = f"the headline's copy at the top ({covers:.0%} of its words)"
            out.append(cand(ln, "boilerplate.headline_copy", "title_echo", reason))
    return out


def _kickers(lay: Layout, title: str | None) -> list[Candidate]:
    """Latin keyword lead-ins at a paragraph's start. One or two capitalised words with no section word
    (``_TOPIC_WORDS``) that the headline does not have may be a dateline in Latin script ("New Delhi: "), and stay."""
    out: list[Candidate] = []
    title_words = {w.casefold() for w in _LATIN_TOKEN.findall(title or "")}
    for line in lay.nonblank:
        if line.latin < 2 or not line.is_devanagari:  # two Latin letters at least
            continue
        found = _kicker(lay.text[line.start : line.end])
        if found is None:
            continue
        s, e, words, capitalised = found
        topical = any(w.casefold() in _TOPIC_WORDS or w.casefold() in title_words for w in words)
        if len(words) <= 2 and capitalised and not topical:
            continue  # a place name, perhaps: a dateline stays
        out.append(
            Candidate(
                line.start + s, line.start + e, "boilerplate.kicker", "seo_prefix", "Latin keyword lead-in"
            )
        )
    return out


@lru_cache(maxsize=8192)
def _kicker(raw: str) -> tuple[int, int, tuple[str, ...], bool] | None:
    """The Latin lead-in of the raw line ``raw`` (kept for recent lines): its span in the line, its words and
    whether they are all capitalised with no digit; ``None`` when the line has none (of two words at least)."""
    if not _HAS_LATIN_WORD.search(raw.strip()[:80]):
        return None
    m = _KICKER.match(raw)
    if m is None:
        return None
    kicker = m.group("kicker")
    if kicker.count(" ") < 1:
        return None
    words = tuple(_LATIN_TOKEN.findall(kicker))
    capitalised = all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words)
    s, e = m.span("kicker")
    return s, e, words, capitalised


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
    tkey = _key(stripped)
    if tkey.count(" ") < 2:
        return []
    truncated = stripped != title.rstrip()
    top = lay.head if lay.first >= 0 else lay.nonblank[:12]
    for line in top:
        if _headline_copy(_key(line.text), tkey, truncated):
            return [
                cand(ln, "boilerplate.page_header", "meta", "navigation above the headline")
                for ln in top
                if ln.index < line.index and ln.words <= HEADER_WORDS
            ]
    return []


def find_structure(
    text: str, title: str | None, disable: Iterable[str] = (), lay: Layout | None = None
) -> list[Candidate]:
    """Page furniture found from the shape of ``text`` (see the module docstring for each detector).

    Args:
        text: The body.
        title: The headline, if known.
        disable: Rule ids to skip.
        lay: The layout of ``text``, when the caller has it.

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
    lay = Layout.of(text) if lay is None else lay
    cands = _line_rules(lay) + _tail_headlines(lay, title) + _standalone_headlines(lay, title)
    cands += (
        _kickers(lay, title) + _page_header(lay, title) + _headline_copies(lay, title) + find_widgets(lay)
    )
    return [c for c in cands if c.rule not in off]
