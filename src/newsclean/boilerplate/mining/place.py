"""Where a mined template stands in one text: whether the line is content there.

Mining counts what many stories of a publisher share, and a publisher's stories share some content too: the
dateline above the first paragraph ("नई दिल्ली"), crossheads that a kind of story uses again and again
("दिल्ली में कल का मौसम"), the headline of one article reused as the crosshead of another. Corpus counts
alone cannot tell those from page furniture; the place of the line in the text can:

- a line template stands as content when it reads as a dateline or crosshead (mostly Devanagari, a few words,
  no sentence) and the next line is a paragraph of prose it introduces, unless it is on at least half of
  the group's pages (a page label such as "सार" above the summary is on almost every one);
- a group article's headline found in the text is a link only when it is a whole line that does not
  introduce the lines after it (a crosshead or a live entry's heading shares their words) and is not a list
  bullet, or when it follows its lead-in ("यह भी पढ़ें:"), or is pasted at a line's end after a sentence.

>>> p = Place("नई दिल्ली\\nसरकार ने आज नई योजना की घोषणा की और कहा कि काम शुरू होगा।")
>>> from newsclean.boilerplate.mining.state import Template
>>> p.content_here(0, Template(df=40, size=2, text="नई दिल्ली"), docs=100)
True
>>> p.content_here(0, Template(df=60, size=2, text="नई दिल्ली"), docs=100)
False
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from ...chars import CLOSERS, SENTENCE_ENDS
from ..layout import Layout, Line
from ..rule_words import RELATED_LABEL
from ..rules import nukta_loose
from ..shapes import content_words, introduces
from .state import Template

__all__ = ["LABEL_SHARE", "LINK_SHARE", "Place"]

LABEL_SHARE = 0.5
"""A dateline- or crosshead-shaped template on at least this share of its group's pages is a page label."""
LINK_SHARE = 0.4
"""A group article's headline found as a whole line stays when this share of its words (beyond the text's own
headline's) comes again in the lines after it: it introduces them (a live entry's heading)."""
_CROSSHEAD_WORDS = 12
_BULLETS = ("-", "–", "—", "•", "*", "●", "▪")
_ENDS = frozenset(SENTENCE_ENDS + ".|" + "".join(CLOSERS))
_LEAD_IN = regex.compile(nukta_loose(rf"(?:{RELATED_LABEL})"), regex.IGNORECASE)


class Place:
    """The layout of one text (built on first use) and its headline's topic words, answering where a template
    stands."""

    __slots__ = ("_lay", "_starts", "_title", "_topic", "text")

    def __init__(self, text: str, title: str | None = None) -> None:
        self.text = text
        self._title = title
        self._topic: frozenset[str] | None = None
        self._lay: Layout | None = None
        self._starts: list[int] = []

    def _line(self, pos: int) -> tuple[Layout, Line]:
        if self._lay is None:
            self._lay = Layout.of(self.text)
            self._starts = [ln.start for ln in self._lay.lines]
        lay = self._lay
        return lay, lay.lines[bisect_right(self._starts, pos) - 1]

    def content_here(self, pos: int, template: Template, docs: int) -> bool:
        """Whether the line template at ``pos`` is content here (a dateline, a crosshead)."""
        if docs and template.df >= LABEL_SHARE * docs:
            return False
        lay, line = self._line(pos)
        if line.is_prose or not line.is_devanagari or line.words > _CROSSHEAD_WORDS or line.ends_full_stop:
            return False
        nxt = lay.next_line(line)
        return nxt is not None and nxt.is_prose

    def link_here(self, start: int, end: int) -> bool:
        """Whether a headline found at ``[start, end)`` stands as a link: a whole line standing apart, or a
        link after its lead-in, or pasted at a line's end after a sentence."""
        piece = self.text[start:end]
        start += len(piece) - len(piece.lstrip())  # a cut may begin with the line break before it
        end -= len(piece) - len(piece.rstrip())
        lay, line = self._line(start)
        raw = self.text[line.start : line.end]
        body = raw.strip()
        if not body or body.startswith(_BULLETS):
            return False
        lead = len(raw) - len(raw.lstrip())
        if _LEAD_IN.match(self.text, start):
            return True  # the link's own lead-in ("यह भी पढ़ें:") comes before it
        if start > line.start + lead or end < line.start + lead + len(body):
            # part of a line: a link after its lead-in ("यह भी पढ़ें: ..."), or pasted at the line's end
            # after a sentence end; anything else is a phrase of a sentence
            before = self.text[line.start : start].rstrip()
            return end >= line.start + lead + len(body) and before[-1:] in _ENDS
        prev, nxt = lay.prev_line(line), lay.next_line(line)
        if prev is not None and nxt is not None and _item(prev) and _item(nxt):
            return False  # an item of a list of short lines
        after = lay.lines[line.index + 1] if line.index + 1 < len(lay.lines) else None
        if (
            self._blank_layout()
            and after is not None
            and not after.is_blank
            and nxt is not None
            and nxt.is_prose
        ):
            return False  # a page that sets paragraphs apart with blank lines: attached, it is a crosshead
        # a crosshead or a live entry's heading introduces what follows it (the article's own topic aside)
        if self._topic is None:
            self._topic = frozenset(content_words(self._title or ""))
        return not introduces(lay, line, self._topic, LINK_SHARE)

    def _blank_layout(self) -> bool:
        """Whether the text sets its paragraphs apart with blank lines."""
        lay = self._lay
        return lay is not None and sum(ln.is_blank for ln in lay.lines) >= 3


def _item(line: Line) -> bool:
    """A list item: a short line that is not a sentence."""
    return not line.is_prose and not line.ends_full_stop and line.has_words
