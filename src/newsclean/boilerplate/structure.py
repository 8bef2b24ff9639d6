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
from ..sentences import sentence_spans, split_sentences
from .layout import Layout, Line
from .rule_words import (
    AGENCIES,
    AUTHOR_LABEL,
    BIO_CUES,
    CREDIT_END,
    FUNCTION_WORDS,
    PAYWALL,
    PROMO,
    READ_IMP,
    READ_MORE,
    RELATED_LABEL,
)
from .spans import Candidate

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
)
"""The rule ids of this module's detectors (each can be disabled)."""

HEADER_WORDS = 4
"""Above the headline's copy, a line of at most this many words is navigation (a breadcrumb, a section name);
a longer one may be a highlight bullet that the page shows first, and stays."""
HEADLINE_WORDS = 5
"""A headline has at least this many words."""
BODY_LATIN_WORDS = 10
"""In the body, a Latin line of at most this many words that is not a sentence is page furniture."""
MAX_HEADLINE_WORDS = 22
"""A longer line with no full stop is a paragraph that lost its danda, not a headline."""
STRONG_WORDS = 11
"""A line with no full stop and at least this many words reads as a headline even without headline punctuation
(shorter ones need it: ``कोरोना: ...``, two clauses joined by a comma)."""
MAX_AUTHOR_BOX = 4000
TAIL_SHARED = 0.2
"""Headlines after the prose are other stories' when less than this share of their words (beyond the
headline's) is in the article's lead; a live blog's last entries share more."""
PAIR_WORDS = (5, 20)
"""A caption shown twice (alt text and caption) has this many words."""
CAPTION_WORDS = 18
"""A caption is at most this many words."""
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
    r"[\w.+-]+@[\w-]+\.[\w.]+|©|\bcopyright\b|all\s+rights\s+reserved|सर्वाधिकार\s+सुरक्षित|"
    r"^[ \t]*(?:ph|tel|phone|fax|email|e-mail|address|पता|फोन|ईमेल)[ \t]*[:.]",
    _FLAGS,
)
# a Latin keyword lead-in: two or more Latin words (digits allowed) and a colon, before Devanagari text; it may
# follow a dateline ("पटना, जेएनएन । ")
_KICKER = regex.compile(
    r"^(?P<lead>[ \t\u00a0]*(?:[\u0900-\u0963\u0966-\u097f]+[ ,]*){1,4}[।:][ \t\u00a0]*)?"
    r"(?P<kicker>(?:[A-Za-z0-9][A-Za-z0-9'’&.\-]*[ \t\u00a0]+){1,8}[A-Za-z0-9][A-Za-z0-9'’&.\-]*"
    r"[ \t\u00a0]*[:|][ \t\u00a0]*)(?=[\"'‘“]?[\u0900-\u0963])"
)
_CREDIT_END = regex.compile(CREDIT_END, _FLAGS)
_CREDIT_ONLY = regex.compile(rf"^[ \t\-–—|]*(?:{CREDIT_END})", _FLAGS)
_PROMO = regex.compile(PROMO, _FLAGS)
_PROMO_ACT = regex.compile(
    r"पढ़ें|पढ़िए|देखें|देखिए|डाउनलोड|download|जुड़े\s+रहें|जुड़ें|फॉलो|follow|subscribe|सब्सक्राइब|ऐप\b|एप\b|app\b"
    r"|(?:पर|on)[ \t.।!]*$",
    _FLAGS,
)
_PAYWALL = regex.compile(PAYWALL, _FLAGS)
_IMPERATIVE_CTA = regex.compile(r"करें|कीजिए|करिए|now\b|उपलब्ध", _FLAGS)
_DISCLAIMER_LABEL = regex.compile(r"^[ \t]*(?:डिस्क्लेमर|disclaimer|अस्वीकरण)[ \t:ः\-–—]*$", _FLAGS)
_BIO = regex.compile(BIO_CUES, _FLAGS)
# an agency's sign-off with its editors' names at the very end ("भाषा जफर"); glued after the last sentence only
# for the agencies' abbreviations, which are no Hindi word
_CLOSING_CREDIT = regex.compile(
    rf"^[ \t]*(?:{AGENCIES})(?:[ \t]+[\p{{L}}\p{{M}}]+){{1,3}}[ \t]*$|(?<=[।.!?’”\"'])[ \t]*"
    r"(?:पीटीआई|पीटीआइ|आईएएनएस|आइएएनएस|एएनआई|एएनआइ|यूएनआई|एपी|एएफपी|pti|ians|ani|uni|ap|afp)"
    r"(?:[ \t]+[\p{L}\p{M}]+){1,3}[ \t]*$",
    _FLAGS,
)
_HAS_LATIN_WORD = regex.compile(r"[A-Za-z]{2}")
# what a headline's clauses are joined with: a colon after a kicker, commas, quotes, a question, a dash
_HEADLINE_PUNCT = regex.compile(r"[:?!|'‘’\"“”]|,(?!\d)|[ \t][-–—][ \t]|[\u0900-\u097f][-–—][\u0900-\u097f]")
_LONG_NUMBER = regex.compile(
    r"\d{7,}|\d{3,5}[ \t-]\d{5,}"
)  # a phone number: a directory entry, not a headline
_REPORTED = regex.compile(r"(?:कहा|बताया|पूछा|लिखा|कहना[ \t]+है|मानना[ \t]+है)[ \t]+कि(?![\p{L}\p{M}])")
# a quotation's heading with its speaker ("आप जहां हैं वहीं रहिए : पीएम मोदी", "...-राजीव शुक्ला"): a crosshead
_ATTRIBUTION = regex.compile(r"(?:[ \t]:|[:\-–—])[ \t]*(?:[\p{L}\p{M}.]+[ \t]*){1,3}$")
_BULLET = regex.compile(r"^[ \t]*(?:[-–—•*●▪►]|\d{1,2}[.)])")
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def _cand(line: Line, rule: str, kind: str, reason: str) -> Candidate:
    return Candidate(line.start, line.end, rule, kind, reason)


def _is_headline(line: Line) -> bool:
    """A line that reads as a headline: words enough but not too many, no sentence end, not reported speech
    (``... ने कहा कि ...``), not a table row."""
    t = line.text
    return (
        HEADLINE_WORDS <= line.words <= MAX_HEADLINE_WORDS
        and _REPORTED.search(t) is None
        and _LONG_NUMBER.search(t) is None
        and t.count(",") < 3  # an enumeration ("दुकानें, संस्थान, होटल, ...") or a name with titles
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
    """A line that can belong to a related-story list: anything but prose or a directory entry (a phone
    number), or a summary with a read-more prompt."""
    return (not line.is_prose and _LONG_NUMBER.search(line.text) is None) or _is_teaser(line)


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


def _tail_member(line: Line) -> bool:
    """A line that may stand in a list of headlines after the prose (a long headline, one with a question in
    it): no full stop at its end, 5 to 35 words, no phone number."""
    return (
        not line.is_prose
        and not line.ends_full_stop
        and not line.has_inner_stop
        and HEADLINE_WORDS <= line.words <= 35
        and _LONG_NUMBER.search(line.text) is None
        and "\t" not in line.text
    )


def _tail_headlines(lay: Layout, title: str | None) -> list[Candidate]:
    """Runs of headlines after the last prose, two or more of them with a headline's shape (page furniture
    between them does not break a run), about other things than the article: most of their words, beyond the
    headline's, are not in its lead (a live blog's last entries are about its subject)."""
    out: list[Candidate] = []
    run: list[Line] = []
    lead: set[str] | None = None
    topic = _content_words(title or "")
    for ln in [*lay.tail, None]:
        if ln is not None and _tail_member(ln):
            run.append(ln)
            continue
        if ln is not None and (_furniture(ln) is not None or (ln.is_latin and not ln.is_prose)):
            continue
        final = len(run) == 1 and ln is None and run[0] is lay.nonblank[-1] and _is_strong_headline(run[0])
        if sum(_is_strong_headline(h) for h in run) >= 2 or final:
            if lead is None:
                prose = [x for x in lay.lines if x.is_prose][:3]
                lead = topic.union(*(_content_words(x.text) for x in prose))
            words = set().union(*(_content_words(h.text) for h in run)) - topic
            shared = len(words & lead) / max(len(words), 1)
            if shared < TAIL_SHARED:
                reason = f"one of several headlines after the article's last paragraph ({shared:.0%} of their words in its lead)"
                out.extend(_cand(h, "boilerplate.tail_headlines", "also_read", reason) for h in run)
        run = []
    return out


def _content_words(text: str) -> set[str]:
    return {w for w in key(text).split(" ") if len(w) > 2 and w not in FUNCTION_WORDS and not w.isdigit()}


def introduces(lay: Layout, line: Line, topic: frozenset[str] = frozenset()) -> bool:
    """Whether ``line`` introduces what follows it: at least a quarter of its words (beyond ``topic``) come
    again in the next two lines with words enough (a crosshead, a live entry's heading); a pasted link to
    another story shares none.

    >>> lay = Layout.of("असम सरकार ने टाइगर रिजर्व बंद किए\\n\\nअसम सरकार के अनुसार सभी टाइगर रिजर्व बंद रहेंगे।")
    >>> introduces(lay, lay.lines[0])
    True
    """
    words = _content_words(line.text) - topic
    if not words:
        return False
    near: set[str] = set()
    n, taken = lay.next_line(line), 0
    while n is not None and taken < 2:
        if n.words >= HEADLINE_WORDS and not n.is_latin:
            near |= _content_words(n.text)
            taken += 1
        n = lay.next_line(n)
    return len(words & near) >= 0.25 * len(words)


def _standalone_headlines(lay: Layout, title: str | None) -> list[Candidate]:
    """Headlines pasted between paragraphs: standing alone (blank lines around them), not in a list, not a
    lead-in to what follows (``...इस प्रकार हैं:``), and sharing none of the words of the paragraphs around
    them beyond the article's own topic (the headline's words): a crosshead introduces the paragraph after it,
    so it shares them; another story's headline does not."""
    out: list[Candidate] = []
    lines = lay.lines
    topic = _content_words(title or "")
    for line in lay.nonblank:
        if lay.zone(line) != "body" or not _is_strong_headline(line) or _BULLET.match(line.text):
            continue
        if line.text.rstrip(" -–—")[-1:] in (":", "ः") or line.text.endswith(("-", "–", "—")):
            continue  # a lead-in to a list or a quotation
        if _ATTRIBUTION.search(line.text):
            continue  # a quotation's heading with its speaker
        prev, nxt = lay.prev_line(line), lay.next_line(line)
        if prev is None or not prev.is_prose:
            continue  # after a crosshead or in a list: the crosshead's paragraph or an item, not a pasted link
        i = line.index
        if not (i > 0 and lines[i - 1].is_blank and i + 1 < len(lines) and lines[i + 1].is_blank):
            continue  # a headline pasted between paragraphs stands alone; a crosshead sits on its paragraph
        words = _content_words(line.text) - topic
        if len(words) < 3:
            continue
        near = _content_words(prev.text)
        n, taken = nxt, 0
        while n is not None and taken < 2:  # the next two lines with words enough (a stamp or a credit aside)
            if n.words >= HEADLINE_WORDS and not n.is_latin:
                near |= _content_words(n.text)
                taken += 1
            n = lay.next_line(n)
        shared = len(words & near) / len(words)
        if shared < 0.25:
            reason = f"headline standing alone between paragraphs, {shared:.0%} of its words shared with them"
            out.append(_cand(line, "boilerplate.standalone_headline", "also_read", reason))
    return out


def _headline_copies(lay: Layout, title: str | None) -> list[Candidate]:
    """Lines at the top that are the headline: whole, truncated, or with a few words changed."""
    if not title:
        return []
    stripped = title.rstrip(" .…")
    tkey = key(stripped)
    ttoks = tkey.split(" ")
    if len(ttoks) < 4:
        return []
    tset = set(ttoks)
    truncated = stripped != title.rstrip()
    out: list[Candidate] = []
    for ln in lay.head if lay.first >= 0 else lay.nonblank[:12]:
        lkey = key(ln.text)
        ltoks = lkey.split(" ")
        if ln.is_prose or len(ltoks) < 4 or len(ltoks) > max(MAX_HEADLINE_WORDS, 1.3 * len(ttoks)):
            continue
        inside = sum(t in tset for t in ltoks) / len(ltoks)
        covers = len(set(ltoks) & tset) / len(tset)
        if _headline_copy(lkey, tkey, truncated) or (inside >= 0.8 and covers >= 0.6):
            reason = f"the headline's copy at the top ({covers:.0%} of its words)"
            out.append(_cand(ln, "boilerplate.headline_copy", "title_echo", reason))
    return out


def _captions(lay: Layout) -> list[Candidate]:
    """Photo captions between paragraphs: a short line of one sentence ending in its credit, a short line above
    a gallery counter (or between a counter and a credit), and a line shown twice in a row (the image's alt
    text and its caption)."""
    out: list[Candidate] = []
    nb = lay.nonblank
    for i in range(1, len(nb) - 1):
        prev, ln, nxt = nb[i - 1], nb[i], nb[i + 1]
        credit = _CREDIT_END.search(ln.text)
        if (
            credit is not None
            and ln.words <= CAPTION_WORDS
            and not _CREDIT_ONLY.match(ln.text)
            and len(_sentences(ln.text[: credit.start()])) <= 1
        ):
            out.append(_cand(ln, "boilerplate.caption", "caption", "a caption ending in its photo credit"))
        elif (
            not ln.is_prose
            and ln.words <= 12
            and _furniture(ln) is None
            and (_COUNTER.match(nxt.text) or (_CREDIT_ONLY.match(nxt.text) and _COUNTER.match(prev.text)))
        ):  # a gallery slide: caption, counter; or counter, caption, credit (a crosshead above a credit stays)
            what = "gallery counter" if _COUNTER.match(nxt.text) else "credit"
            out.append(_cand(ln, "boilerplate.caption", "caption", f"a caption above its {what}"))
        if (
            nxt.index == ln.index + 1
            and ln.text == nxt.text
            and PAIR_WORDS[0] <= ln.words <= PAIR_WORDS[1]
            and prev.is_prose
            and prev.text != ln.text
            and i + 2 < len(nb)
            and nb[i + 2].is_prose
            and nb[i + 2].text != ln.text
            and len(_sentences(ln.text)) <= 1
        ):  # exactly two copies between paragraphs: a refrain repeats in other places, not on the next line
            reason = "a line shown twice in a row between paragraphs (an image's alt text and its caption)"
            out += [_cand(x, "boilerplate.caption", "caption", reason) for x in (ln, nxt)]
    return out


def _sentences(text: str) -> list[str]:
    """The sentences of ``text`` (the library's splitter)."""
    return split_sentences(text)


def _promos(lay: Layout) -> list[Candidate]:
    """The publisher's closing promotion ('ताजा खबरें पढ़ें ... पर'), from its first sentence to the end of its
    line, and paywall prompts."""
    out: list[Candidate] = []
    nb = lay.nonblank
    closing = {ln.index for ln in nb[-4:]}
    for ln in nb:
        zone = lay.zone(ln)
        if zone == "head":
            continue
        if ln.index in closing and ln.words <= 80 and _PROMO.search(ln.text):
            raw = lay.text[ln.start : ln.end]
            for span in sentence_spans(raw):
                piece = raw[span.start :]
                if _PROMO.search(raw[span.start : span.end]) and _PROMO_ACT.search(piece):
                    start = ln.start + span.start
                    out.append(
                        Candidate(
                            start, ln.end, "boilerplate.promo", "cta", "the publisher's closing promotion"
                        )
                    )
                    break
        elif (
            not ln.is_prose
            and ln.words <= 12
            and _PAYWALL.search(ln.text)
            and (zone == "tail" or _IMPERATIVE_CTA.search(ln.text))
        ):
            out.append(_cand(ln, "boilerplate.promo", "cta", "a subscription prompt"))
    return out


def _disclaimers(lay: Layout) -> list[Candidate]:
    """A ``Disclaimer`` label on its own line and the paragraph under it."""
    out: list[Candidate] = []
    nb = lay.nonblank
    for i, ln in enumerate(nb):
        if _DISCLAIMER_LABEL.match(ln.text) is None:
            continue
        j = i + 1
        while j < len(nb) and _furniture(nb[j]) is not None:
            j += 1
        end = nb[j].end if j < len(nb) and nb[j].words >= 5 else ln.end
        out.append(Candidate(ln.start, end, "boilerplate.disclaimer_block", "disclaimer", "disclaimer"))
    return out


def _bios(lay: Layout) -> list[Candidate]:
    """An author's biography among the last lines, with nothing but page furniture or labels after it."""
    out: list[Candidate] = []
    nb = lay.nonblank
    for k in range(len(nb) - 1, max(len(nb) - 5, -1), -1):
        ln = nb[k]
        if not ln.is_prose:
            continue
        cues = {m.group().casefold() for m in _BIO.finditer(ln.text)}
        if len(cues) >= 3 and all(not x.is_prose or _PROMO.search(x.text) for x in nb[k + 1 :]):
            out.append(_cand(ln, "boilerplate.author_bio", "byline", "the author's biography at the end"))
        break  # only the last prose line can be the box's text
    return out


def _closing_credit(lay: Layout) -> list[Candidate]:
    """An agency's sign-off with editors' names at the very end (and the one-word name lines after it)."""
    nb = lay.nonblank
    for k in range(len(nb) - 1, max(len(nb) - 4, -1), -1):
        m = _CLOSING_CREDIT.search(nb[k].text)
        if m is None:
            continue
        if all(x.words <= 2 and not x.is_prose for x in nb[k + 1 :]):
            start = nb[k].start + (
                len(lay.text[nb[k].start : nb[k].end]) - len(lay.text[nb[k].start : nb[k].end].lstrip())
            )
            line_raw = lay.text[nb[k].start : nb[k].end]
            offset = line_raw.find(nb[k].text)
            s0 = nb[k].start + offset + m.start()
            del start
            return [
                Candidate(s0, nb[-1].end, "boilerplate.closing_credit", "agency_credit", "agency sign-off")
            ]
        break
    return []


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
    cands = (
        _line_rules(lay)
        + _related_blocks(lay)
        + _tail_headlines(lay, title)
        + _standalone_headlines(lay, title)
    )
    cands += _author_boxes(lay) + _kickers(lay) + _page_header(lay, title) + _headline_copies(lay, title)
    cands += _captions(lay) + _promos(lay) + _disclaimers(lay) + _bios(lay) + _closing_credit(lay)
    return [c for c in cands if c.rule not in off]
