"""Labelled blocks and boxes of a page: related-story lists, author boxes and biographies, captions, the
publisher's promotions, disclaimers, agency sign-offs (the detectors of :mod:`.structure` that look at a
block of lines rather than at one line's zone).

>>> from newsclean.boilerplate.layout import Layout
>>> text = "सरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।\\nये खबर भी पढ़ें:\\nनदी पर पुल जर्जर, आवाजाही रुकी"
>>> lay = Layout.of(text)
>>> [c.reason for c in find_widgets(lay)]
['related-story label', 'related-story list after its label']
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..sentences import sentence_spans, split_sentences
from .layout import Layout, Line
from .rule_words import AGENCIES, AUTHOR_LABEL, BIO_CUES, CREDIT_END, PAYWALL, PROMO, READ_IMP, RELATED_LABEL
from .rules import nukta_loose
from .shapes import (
    COUNTER,
    FLAGS,
    LABEL_TAIL,
    LONG_NUMBER,
    cand,
    furniture,
    introduces,
    is_headline,
    is_teaser,
)
from .spans import Candidate

__all__ = ["CAPTION_WORDS", "MAX_AUTHOR_BOX", "PAIR_WORDS", "find_widgets", "is_related_label"]

MAX_AUTHOR_BOX = 4000
"""An author box longer than this (characters) is not one."""
PAIR_WORDS = (5, 20)
"""A caption shown twice (alt text and caption) has this many words."""
CAPTION_WORDS = 18
"""A caption is at most this many words."""

_RELATED = regex.compile(nukta_loose(rf"^[ \t\u00a0]*(?:{RELATED_LABEL}){LABEL_TAIL}$"), FLAGS)
_IMPERATIVE = regex.compile(nukta_loose(READ_IMP))
_AUTHOR = regex.compile(nukta_loose(rf"^[ \t\u00a0]*(?:{AUTHOR_LABEL})(?:{LABEL_TAIL}$|(?=[^\s:ः]))"), FLAGS)
_AUTHOR_END = regex.compile(nukta_loose(r"(?:और[ \t]+पढ़ें|read[ \t]+more)[ \t.…]*$"), FLAGS)
_CREDIT_END = regex.compile(nukta_loose(CREDIT_END), FLAGS)
_CREDIT_GATE = regex.compile(
    nukta_loose(r"फोटो|फ़ोटो|photo|pic|image|तस्वीर|चित्र|ai|एआई|सोर्स|source|स्रोत|प्रतीकात्मक|सांकेतिक"), FLAGS
)  # a word every credit has
_CREDIT_ONLY = regex.compile(nukta_loose(rf"^[ \t\-–—|]*(?:{CREDIT_END})"), FLAGS)
_PROMO = regex.compile(nukta_loose(PROMO), FLAGS)
_PROMO_ACT = regex.compile(
    nukta_loose(
        r"पढ़ें|पढ़िए|देखें|देखिए|डाउनलोड|download|जुड़े\s+रहें|जुड़ें|फॉलो|follow|subscribe|सब्सक्राइब|ऐप\b|एप\b|app\b"
        r"|(?:पर|on)[ \t.।!]*$"
    ),
    FLAGS,
)
_PAYWALL = regex.compile(nukta_loose(PAYWALL), FLAGS)
_IMPERATIVE_CTA = regex.compile(r"करें|कीजिए|करिए|now\b|उपलब्ध", FLAGS)
_DISCLAIMER_LABEL = regex.compile(r"^[ \t]*(?:डिस्क्लेमर|disclaimer|अस्वीकरण)[ \t:ः\-–—]*$", FLAGS)
_BIO = regex.compile(BIO_CUES, FLAGS)
_BULLET_START = regex.compile(r"^[ \t]*(?:[-–—•*●▪►]|\d{1,2}[.)])[ \t]")
# two or three short letter codes joined by slashes: an agency desk's editors ("एससीएच/डीकेपी")
_DESK_CODE = regex.compile(r"^[\u0900-\u097f]{2,6}(?:[ \t]*/[ \t]*[\u0900-\u097f]{2,6}){1,2}$")
# an agency's sign-off with its editors' names at the very end ("भाषा जफर"); glued after the last sentence only
# for the agencies' abbreviations, which are no Hindi word
_CLOSING_CREDIT = regex.compile(
    rf"^[ \t]*(?:{AGENCIES})(?:[ \t]+[\p{{L}}\p{{M}}]+){{1,3}}[ \t]*$|(?<=[।.!?’”\"'])[ \t]*"
    r"(?:पीटीआई|पीटीआइ|आईएएनएस|आइएएनएस|एएनआई|एएनआइ|यूएनआई|एपी|एएफपी|pti|ians|ani|uni|ap|afp)"
    r"(?:[ \t]+[\p{L}\p{M}]+){1,3}[ \t]*$",
    FLAGS,
)


_LETTER = regex.compile(r"[\p{L}\p{M}]")


def is_related_label(line: Line) -> bool:
    """Whether ``line`` is a related-story label on a line of its own ("ये भी पढ़ें", "Top News")."""
    return _labels(line.text)[0]


# the per-line answers depend on a line's text alone, and are kept for recent lines: the page is looked at
# again after each cut, and most of its lines are the same
_MEMO = 16384


@lru_cache(maxsize=_MEMO)
def _labels(text: str) -> tuple[bool, bool, bool]:
    """Whether the stripped line ``text`` is a related-story label, opens an author box, is a disclaimer label."""
    return (
        _RELATED.match(text) is not None,
        _AUTHOR.match(text) is not None,
        _DISCLAIMER_LABEL.match(text) is not None,
    )


@lru_cache(maxsize=_MEMO)
def _found(pattern: regex.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` is found in ``text``."""
    return pattern.search(text) is not None


def _item(line: Line) -> bool:
    """A line that can belong to a related-story list: anything but prose or a directory entry (a phone
    number), or a summary with a read-more prompt."""
    return (not line.is_prose and LONG_NUMBER.search(line.text) is None) or is_teaser(line)


def _related_blocks(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    lines = lay.nonblank
    for i, line in enumerate(lines):
        if not _labels(line.text)[0]:
            continue
        out.append(cand(line, "boilerplate.related_block", "also_read", "related-story label"))
        run = list(lines[i + 1 :])
        j = 0
        while j < len(run) and _item(run[j]):
            j += 1
        if run and j == len(run):  # the list runs to the end of the text: all of it is the widget
            out.extend(
                cand(ln, "boilerplate.related_block", "also_read", "related-story list after its label")
                for ln in run
            )
        elif run and _IMPERATIVE.search(line.text) and is_headline(run[0]) and not introduces(lay, run[0]):
            out.append(
                cand(run[0], "boilerplate.related_block", "also_read", "headline linked by the label above")
            )
    return out


def _credited(ln: Line) -> bool:
    """A short line of one sentence ending in a photo credit."""
    return ln.words <= CAPTION_WORDS and _credited_text(ln.text)


@lru_cache(maxsize=_MEMO)
def _credited_text(text: str) -> bool:
    credit = _CREDIT_END.search(text) if _CREDIT_GATE.search(text) else None
    return (
        credit is not None and not _CREDIT_ONLY.match(text) and len(_sentences(text[: credit.start()])) <= 1
    )


def _captions(lay: Layout) -> list[Candidate]:
    """Photo captions between paragraphs: a short line of one sentence ending in its credit, a short line above
    a gallery counter (or between a counter and a credit), and a line shown twice in a row (the image's alt
    text and its caption)."""
    out: list[Candidate] = []
    nb = lay.nonblank
    credited = "a caption ending in its photo credit"
    # the first and the last line too: a lead image's caption opens the text, a last image's closes it
    edges = nb[:1] + nb[1:][-1:]
    out += [cand(ln, "boilerplate.caption", "caption", credited) for ln in edges if _credited(ln)]
    for i in range(1, len(nb) - 1):
        prev, ln, nxt = nb[i - 1], nb[i], nb[i + 1]
        if _credited(ln):
            out.append(cand(ln, "boilerplate.caption", "caption", credited))
        elif (
            ln.words <= 12
            and not ln.is_prose
            and (_counter(nxt) or (_counter(prev) and _CREDIT_ONLY.match(nxt.text)))
            and furniture(ln) is None
        ):  # a gallery slide: caption, counter; or counter, caption, credit (a crosshead above a credit stays)
            what = "gallery counter" if _counter(nxt) else "credit"
            out.append(cand(ln, "boilerplate.caption", "caption", f"a caption above its {what}"))
        if (
            ln.text == nxt.text
            and nxt.index == ln.index + 1
            and _BULLET_START.match(ln.text) is None  # a highlight bullet shown twice: a list, not a caption
            and PAIR_WORDS[0] <= ln.words <= PAIR_WORDS[1]
            and prev.is_prose
            and prev.text != ln.text
            and i + 2 < len(nb)
            and nb[i + 2].is_prose
            and nb[i + 2].text != ln.text
            and len(_sentences(ln.text)) <= 1
        ):  # exactly two copies between paragraphs: a refrain repeats in other places, not on the next line
            reason = "a line shown twice in a row between paragraphs (an image's alt text and its caption)"
            # a lead-in to what follows keeps one copy: the one next to its text
            heading = ln.text.rstrip()[-1:] in (":", "ः")
            out += [
                cand(x, "boilerplate.caption", "caption", reason) for x in ((ln,) if heading else (ln, nxt))
            ]
    return out


def _counter(ln: Line) -> bool:
    """A gallery counter (it has digits)."""
    return ln.digits > 0 and COUNTER.match(ln.text) is not None


def _sentences(text: str) -> list[str]:
    """The sentences of ``text`` (the library's splitter)."""
    return split_sentences(text)


def _promos(lay: Layout) -> list[Candidate]:
    """The publisher's closing promotion ('ताजा खबरें पढ़ें ... पर'), from its first sentence to the end of its
    line, and paywall prompts."""
    out: list[Candidate] = []
    nb = lay.nonblank
    closing = {ln.index for ln in nb[-4:]}
    first, last = lay.first, lay.last  # the zones of :meth:`Layout.zone` (-1: no prose, all is body)
    for ln in nb:
        if ln.index < first:
            continue  # the head
        if ln.index in closing and ln.words <= 80 and _found(_PROMO, ln.text):
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
            and _found(_PAYWALL, ln.text)
            and ((last >= 0 and ln.index > last) or _found(_IMPERATIVE_CTA, ln.text))
        ):
            out.append(cand(ln, "boilerplate.promo", "cta", "a subscription prompt"))
    return out


def _disclaimers(lay: Layout) -> list[Candidate]:
    """A ``Disclaimer`` label on its own line and the paragraph under it."""
    out: list[Candidate] = []
    nb = lay.nonblank
    for i, ln in enumerate(nb):
        if not _labels(ln.text)[2]:
            continue
        j = i + 1
        while j < len(nb) and furniture(nb[j]) is not None:
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
        if _bio_cues(ln.text) >= 3 and all(not x.is_prose or _found(_PROMO, x.text) for x in nb[k + 1 :]):
            out.append(cand(ln, "boilerplate.author_bio", "byline", "the author's biography at the end"))
        break  # only the last prose line can be the box's text
    return out


@lru_cache(maxsize=_MEMO)
def _bio_cues(text: str) -> int:
    """How many different biography cues ``text`` has."""
    return len({m.group().casefold() for m in _BIO.finditer(text)})


def _desk_code(lay: Layout) -> list[Candidate]:
    """An agency desk's editor codes ("पीकेटी/एएस") as the last line, after the article's last paragraph."""
    nb = lay.nonblank
    if not nb or lay.last < 0 or nb[-1].index <= lay.last or _DESK_CODE.match(nb[-1].text) is None:
        return []
    return [
        cand(nb[-1], "boilerplate.desk_code", "agency_credit", "an agency desk's editor codes at the end")
    ]


def _closing_credit(lay: Layout) -> list[Candidate]:
    """An agency's sign-off with editors' names at the very end (and the one-word name lines after it)."""
    nb = lay.nonblank
    for k in range(len(nb) - 1, max(len(nb) - 4, -1), -1):
        # a sign-off ends in a name (a letter or a mark: the line is stripped); the expression, anchored at the
        # end, is slow to fail on a line that does not
        text = nb[k].text
        m = _CLOSING_CREDIT.search(text) if _LETTER.match(text[-1:]) else None
        if m is None:
            continue
        if all(x.words <= 2 and not x.is_prose for x in nb[k + 1 :]):
            raw = lay.text[nb[k].start : nb[k].end]
            start = nb[k].start + raw.find(nb[k].text) + m.start()  # the match is in the stripped line
            return [
                Candidate(start, nb[-1].end, "boilerplate.closing_credit", "agency_credit", "agency sign-off")
            ]
        break
    return []


def _author_boxes(lay: Layout) -> list[Candidate]:
    out: list[Candidate] = []
    lines = lay.nonblank
    for i, line in enumerate(lines):
        if not _labels(line.text)[1]:
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


def find_widgets(lay: Layout) -> list[Candidate]:
    """The candidates of every block detector of this module over ``lay``."""
    return (
        _related_blocks(lay)
        + _author_boxes(lay)
        + _captions(lay)
        + _promos(lay)
        + _disclaimers(lay)
        + _bios(lay)
        + _closing_credit(lay)
        + _desk_code(lay)
    )
