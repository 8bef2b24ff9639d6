"""The engine that runs the pattern table of :mod:`.rules` over a text.

Gate words are looked up once per text (each in all its nukta forms, a gate holding a shorter gate through
that one); a gated pattern is searched only on the lines that hold one of its gate words; a line-anchored
pattern (``^...``) is searched on the text with a line break in front, so the engine jumps from line break to
line break. Each hit is widened to its rule's scope (match,
line, sentence or rest of line) and kept only at its rule's site.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..chars import FULL_STOPS, NUKTA_LETTERS, SENTENCE_ENDS
from ..keys import key
from ..sentences import split_sentences
from .rules import PatternRule, compiled_pattern
from .shapes import content_words
from .sites import AFTER_TERM, CLOSERS, LINE_END, LINE_START, TERMINATORS, left_site, right_site
from .spans import Candidate, line_bounds

__all__ = ["find_patterns"]


def _sentence(text: str, s: int, e: int, max_len: int) -> tuple[int, int, bool] | None:
    """The sentence around ``[s, e)`` (within its line) and whether it sits at an edge of the line."""
    ls, le = line_bounds(text, s)
    lo = max(ls, s - max_len)
    a = s
    while a > lo and text[a - 1] not in TERMINATORS:
        a -= 1
    if a == lo and lo > ls:
        return None
    hi = min(le, e + max_len)
    b = e
    while b < hi and text[b] not in TERMINATORS:
        b += 1
    if b < le and b == hi:
        return None
    while b < le and (text[b] in TERMINATORS or text[b] in CLOSERS):
        b += 1
    edge = not text[ls:a].strip() or not text[b:le].strip()
    return a, b, edge


def _line_ok(text: str, s: int, e: int, rule: PatternRule) -> tuple[int, int] | None:
    """The line around a hit, cut back so that it never takes a real sentence sharing the line.

    Text before the hit that holds a sentence end (``दिल्ली। अदालत ने फैसला सुनाया। (फोटो साभार: ...)``) is
    content: the span starts at the hit. Unless the rule may remove whole sentences (``sentences=True``: a
    disclaimer), a sentence end after the hit followed by a real sentence (``लेखक: सीमा वर्मा। पटना में ...``)
    ends the span there.
    """
    ls, le = line_bounds(text, s)
    start = s if s > ls and _SENTENCE_END.search(text, ls, s) else ls
    end = le
    if not rule.sentences:
        for m in _SENTENCE_END.finditer(text, e, le):
            if _is_sentence(text, m.end(), le):
                end = m.end()
                break
    if len(text[start:end].strip()) > rule.max_len:
        return None
    return start, end


_ENDS = regex.escape(SENTENCE_ENDS)
_CLOSE = regex.escape("".join(sorted(CLOSERS)))
# a sentence end: danda, double danda, ? or !, or a full stop before a space; closing quotes belong to it
_SENTENCE_END = regex.compile(rf"[{_ENDS}][{_CLOSE}]*+|\.[{_CLOSE}]*+(?=[ \t\u00a0])")
_DEV_WORD = regex.compile(r"[\p{Devanagari}]+")


def _is_sentence(text: str, a: int, b: int) -> bool:
    """True if ``text[a:b]`` starts with a real Devanagari sentence: three or more words up to a sentence end,
    or five or more words."""
    m = _SENTENCE_END.search(text, a, b)
    words = len(_DEV_WORD.findall(text, a, m.start() if m else b))
    return words >= 5 or (m is not None and words >= 3)


class _Row(NamedTuple):
    """One rule prepared for running."""

    rule: PatternRule
    pattern: regex.Pattern[str]
    anchored: bool  # searched on the text with a line break in front
    gate: frozenset[str]  # the gates its lines are found through (empty: the whole text is searched)
    require: regex.Pattern[str] | None
    ends: tuple[str, ...]  # words a matching line ends with (all their nukta forms; empty: no filter)
    ends_after: str  # the characters that may follow one of them
    ends_len: int  # the longest of them


@dataclass(frozen=True, slots=True)
class _Plan:
    """A rule table prepared for running: compiled patterns, gates and flags looked up once."""

    rules: tuple[PatternRule, ...]
    rows: tuple[_Row, ...]
    native: tuple[tuple[str, tuple[str, ...]], ...]  # gates with non-ASCII characters, looked up in the text
    # itself, grouped under a probe every member contains: the members are looked up only when it occurs
    latin: tuple[str, ...]  # ASCII gates, looked up in the lower-cased ASCII characters of the text (these
    # without white space in its words alone)
    spaced: tuple[str, ...]  # the ASCII gates holding white space
    cased: frozenset[str]  # the ASCII gates holding letters (the others need no lower-casing)
    gated: dict[str, tuple[int, ...]]  # for each gate, the rows gated through it
    # the rows to run for a set of rule ids switched off and the text_start and line_starts flags: the row
    # numbers of those without gates (in table order) and of those with gates
    active: dict[tuple[frozenset[str], bool, bool], tuple[tuple[int, ...], frozenset[int]]]


_PLANS: dict[int, _Plan] = {}


def _gate_forms(gate: str) -> tuple[str, ...]:
    """A gate as written plus its nukta forms: precomposed, decomposed and bare (gates are substrings).

    >>> "पढ" in _gate_forms("पढ़") and "प\u095d" in _gate_forms("पढ़")
    True
    """
    bare = gate
    composed = gate
    for comp, base in NUKTA_LETTERS.items():
        bare = bare.replace(comp, base).replace(base + "\u093c", base)
        composed = composed.replace(base + "\u093c", comp)
    return tuple({gate, bare, composed})


def _common(a: str, b: str) -> str:
    """The longest common substring of ``a`` and ``b`` (the first found when several are as long)."""
    best = ""
    for i in range(len(a)):
        j = i + len(best) + 1
        while j <= len(a) and a[i:j] in b:
            best = a[i:j]
            j += 1
    return best


def _probe_groups(gates: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Gates grouped under a shared substring of three or more characters (absent probe: all absent).

    >>> _probe_groups(["अपडेट", "टेलि", "टेली"])
    (('अपडेट', ('अपडेट',)), ('टेल', ('टेलि', 'टेली')))
    """
    groups: list[tuple[str, list[str]]] = []
    for g in gates:
        for i, (probe, members) in enumerate(groups):
            shared = _common(probe, g)
            if len(shared) >= 3:
                groups[i] = (shared, [*members, g])
                break
        else:
            groups.append((g, [g]))
    return tuple((probe, tuple(members)) for probe, members in groups)


def _plan(rules: tuple[PatternRule, ...]) -> _Plan:
    plan = _PLANS.get(id(rules))
    if plan is not None and plan.rules is rules:
        return plan
    forms = {v for r in rules for g in r.gate for v in _gate_forms(g)}
    # a gate that holds a shorter gate (of the same script class) is looked up through it: where the longer
    # one occurs, the shorter one occurs on the same line, and the rules search whole lines
    minimal = [g for g in forms if not any(h != g and h in g and h.isascii() == g.isascii() for h in forms)]
    rep = {g: min((h for h in minimal if h in g and h.isascii() == g.isascii()), key=len) for g in forms}
    rows = tuple(
        _Row(
            r,
            r.compiled,
            r.line_anchored,
            frozenset(rep[v] for g in r.gate for v in _gate_forms(g)),
            compiled_pattern(r.require) if r.require else None,
            tuple(sorted({v for w in r.ends for v in _gate_forms(w)})),
            r.ends_after,
            max((len(w) for w in r.ends), default=0),
        )
        for r in rules
    )
    gates = set(minimal)
    plan = _Plan(
        rules,
        rows,
        _probe_groups(sorted(g for g in gates if not g.isascii())),
        tuple(sorted(g for g in gates if g.isascii() and g.split() == [g])),
        tuple(sorted(g for g in gates if g.isascii() and g.split() != [g])),
        frozenset(g for g in gates if g.isascii() and g.lower() != g.upper()),
        {g: tuple(i for i, row in enumerate(rows) if g in row.gate) for g in sorted(gates)},
        {},
    )
    if len(_PLANS) > 64:
        _PLANS.clear()
    _PLANS[id(rules)] = plan
    return plan


def find_patterns(
    text: str,
    rules: tuple[PatternRule, ...],
    disable: frozenset[str] = frozenset(),
    *,
    text_start: bool = True,
    line_starts: bool = True,
) -> list[Candidate]:
    """Run the rule table over ``text``.

    Args:
        text: The text.
        rules: Rules to run.
        disable: Rule ids to skip.
        text_start: Whether ``text`` begins at the start of the document (``site="start"`` rules run only then).
        line_starts: Whether line-anchored (``^...``) rules run (a second look after a cut inside a line skips
            them unless the cut made a new line start).

    Returns:
        Candidate spans (not yet tidied or merged).

    >>> from newsclean.boilerplate.rule_table import default_rules
    >>> t = "खबर खत्म हुई। (इनपुट- पीटीआई)\\nविज्ञापन\\nआगे की खबर।"
    >>> [t[c.start:c.end] for c in find_patterns(t, default_rules())]
    ['(इनपुट- पीटीआई)', 'विज्ञापन']
    """
    plan = _plan(rules)
    ungated, gated = _active(plan, disable, text_start, line_starts)
    where = _gate_positions(text, plan)
    # the rows to run, in table order: those without gates and those with a gate word present
    todo = sorted({*ungated, *(i for g in where for i in plan.gated[g] if i in gated)}) if where else ungated
    padded = ""
    seen: dict[frozenset[str], list[tuple[int, int]]] = {}
    out: list[Candidate] = []
    for i in todo:
        rule, pattern, anchored, gate, require, ends, ends_after, ends_len = plan.rows[i]
        if gate:
            present = gate.intersection(where)
            lines = seen.get(present)
            if lines is None:  # rules sharing the same gate words present search the same lines
                lines = seen[present] = _gate_lines(text, [p for g in present for p in where[g]])
            if ends:
                lines = [ab for ab in lines if _ends_with(text, ab, ends, ends_after, ends_len)]
            # a match lies on a line that holds one of its gate words: only those lines are searched
            if anchored:
                padded = padded or "\n" + text
                spans = [
                    (m.start(), m.end() - 1) for a, b in lines for m in pattern.finditer(padded, a, b + 1)
                ]
            else:
                spans = [m.span() for a, b in lines for m in pattern.finditer(text, a, b)]
        elif anchored:
            padded = padded or "\n" + text
            spans = [(m.start(), m.end() - 1) for m in pattern.finditer(padded)]
        else:
            spans = [m.span() for m in pattern.finditer(text)]
        for s, e in spans:
            if e <= s:
                continue
            span = _scope(text, rule, s, e)
            if span is not None and (require is None or require.search(text, *span)):
                out.append(Candidate(span[0], span[1], rule.id, rule.kind, rule.reason))
    return out


def _active(
    plan: _Plan, disable: frozenset[str], text_start: bool, line_starts: bool
) -> tuple[tuple[int, ...], frozenset[int]]:
    """The rows to run without and with gates (``site="start"`` rules only at the text's start, line-anchored
    ones only when line starts are looked at), looked up once per set of flags."""
    flags = (disable, text_start, line_starts)
    got = plan.active.get(flags)
    if got is None:
        run = [
            i
            for i, row in enumerate(plan.rows)
            if row.rule.id not in disable
            and (text_start or row.rule.site != "start")
            and (line_starts or not row.anchored)
        ]
        got = (tuple(i for i in run if not plan.rows[i].gate), frozenset(i for i in run if plan.rows[i].gate))
        if len(plan.active) > 64:
            plan.active.clear()
        plan.active[flags] = got
    return got


_ANYWHERE = (-1,)


def _gate_positions(text: str, plan: _Plan) -> dict[str, tuple[int, ...]]:
    """Every position of every gate word in ``text`` (``(-1,)``: present, position unknown)."""
    # most gates are absent: one look for a probe rules out its whole group
    hits = [ms for probe, ms in plan.native if probe in text]
    where = {g: _positions(text, g) for ms in hits for g in ms if len(ms) == 1 or g in text}
    if plan.latin or plan.spaced:
        # Latin is a small part of Hindi text: look for ASCII gates in its ASCII letters first; the gates
        # without white space are looked for in its words alone (the white space between them is most of it)
        ascii_low = text.encode("ascii", "ignore").decode("ascii").lower()
        words = " ".join(ascii_low.split())
        present = [g for g in plan.latin if g in words] + [g for g in plan.spaced if g in ascii_low]
        if not present:
            return where
        if "\u0130" in text:  # the one character whose lower case is longer: positions unknown
            where.update(dict.fromkeys(present, _ANYWHERE))
            return where
        # a gate without letters ("-", "(") has the same positions in the text as in its lower case (no
        # character lower-cases to ASCII punctuation), so the text is lower-cased only for gates with letters
        low = text.lower() if any(g in plan.cased for g in present) else text
        for g in present:
            where[g] = _positions(low, g) or _ANYWHERE  # found only across a removed non-ASCII character
    return where


def _positions(text: str, word: str) -> tuple[int, ...]:
    """Every position of ``word`` in ``text``."""
    found: list[int] = []
    p = text.find(word)
    while p >= 0:
        found.append(p)
        p = text.find(word, p + 1)
    return tuple(found)


def _ends_with(text: str, line: tuple[int, int], ends: tuple[str, ...], after: str, longest: int) -> bool:
    """Whether the line ``text[a:b]`` ends with one of ``ends`` (in either case) followed only by characters of
    ``after`` (a span holding a line break, the whole text, is always searched)."""
    a, b = line
    seg = text[a:b]
    if "\n" in seg:
        return True
    # the last characters only are lower-cased: a character whose lower case is longer only adds false hits
    return seg.rstrip(after)[-longest:].lower().endswith(ends)


def _gate_lines(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """Sorted ``(start, end)`` of the lines holding ``positions`` (the whole text for an unknown position)."""
    if not positions:
        return []
    if -1 in positions:
        return [(0, len(text))]
    lines: dict[int, int] = {}
    for p in sorted(positions):
        a = text.rfind("\n", 0, p) + 1
        if a not in lines:
            b = text.find("\n", p)
            lines[a] = len(text) if b < 0 else b
    return list(lines.items())


def _scope(text: str, rule: PatternRule, s: int, e: int) -> tuple[int, int] | None:
    scope = rule.scope
    if scope == "line":
        return _line_ok(text, s, e, rule)
    if scope == "sentence":
        got = _sentence(text, s, e, rule.max_len)
        if got is None:
            return None
        if not got[2]:
            # in the middle of its line: it goes only with what follows it, when that is more of the prompt
            # ("... बने रहें हमारे साथ. पेज को रिफ्रेश करें.")
            le = line_bounds(text, s)[1]
            rest = text[got[1] : le]
            if rest.strip() and all(_CTA_SENTENCE.search(x) for x in split_sentences(rest)):
                return got[0], le
            return None
        return got[0], got[1]
    if scope == "to_eol":
        left, _ = left_site(text, s)
        if left not in (LINE_START, AFTER_TERM):
            return None
        ls, le = line_bounds(text, s)
        rest = text[e:le]
        if _CLAUSE_AFTER.match(rest):
            return None  # "यह भी देखें कि ...": the words begin a sentence, not a link
        if rest.strip(" \t\u00a0:ः-–—|"):
            if left == AFTER_TERM and rest.rstrip()[-1:] in ("।", "."):
                return s, e  # a headline then the next sentence: only the marker is certain
            return s, e + _headline_end(rest)
        return _widget(text, ls, s, le)
    # match
    site = rule.site
    if site == "start":
        return (s, e) if not text[:s].strip() else None
    if site == "any":
        return s, e
    left, _ = left_site(text, s)
    right, _ = right_site(text, e)
    if site == "end":
        return (s, e) if right == LINE_END and left in (LINE_START, AFTER_TERM) else None
    if site == "eol":
        return (s, e) if right == LINE_END else None
    return (s, e) if right == LINE_END or left in (LINE_START, AFTER_TERM) else None


def _widget(text: str, ls: int, s: int, le: int) -> tuple[int, int]:
    """A marker alone on its line links the headline on the next line (often also pasted just above). A next
    line that is a sentence (a full stop ends it or stands inside it) or a crosshead (its words come again in
    the paragraph after it) is the article's: only the marker goes."""
    if le >= len(text):
        return s, le
    ns, ne = line_bounds(text, le + 1)
    nxt = text[ns:ne]
    if not nxt.strip() or len(nxt) > 250 or _DANDA_INSIDE.search(nxt) or nxt.rstrip()[-1:] in FULL_STOPS:
        return s, le
    if _introduces(text, nxt, ne):
        return s, le
    start = s
    if ls > 0:
        ps, pe = line_bounds(text, ls - 1)
        if key(text[ps:pe]) == key(nxt):
            start = ps
    return start, ne


def _introduces(text: str, line: str, end: int) -> bool:
    """Whether ``line`` (ending at ``end``) is a crosshead: a quarter of its words or more come again in the
    next line with text."""
    words = content_words(line)
    if not words:
        return False
    pos = end
    while pos < len(text):
        ns, ne = line_bounds(text, pos + 1)
        if text[ns:ne].strip():
            return len(words & content_words(text[ns:ne])) >= 0.25 * len(words)
        pos = ne
    return False


# a sentence of a prompt: an imperative of reading, watching, joining or refreshing
_CTA_SENTENCE = regex.compile(
    r"(?:करें|करे|कीजिए|करिए|करते\s+रहें|करते\s+रहिए|रहें|रहिए|देखें|देखिए|पढ़ें|पढ़िए)[ \t.।!]*$|"
    r"(?i:follow|subscribe|download|stay\s+tuned|refresh)"
)
_CLAUSE_AFTER = regex.compile(r"[ \t\u00a0]*(?:कि|की|के|का|को|तो|और|जा|जाए|जाना|सकते|लें)(?![\p{L}\p{M}])")
_STOP_INSIDE = regex.compile(rf"(?:[।॥]|\.(?!\d))[{_CLOSE}]*[ \t\u00a0]+(?=\S)")
_DANDA_INSIDE = regex.compile(rf"[{_ENDS}][{_CLOSE}]*[ \t\u00a0]+(?=\S)")


def _headline_end(rest: str) -> int:
    """How much of the text after a related-link marker is the linked headline.

    A headline does not end in a full stop: a line that does not is headline to its end, whatever ``?`` or ``!``
    it holds (``यह भी पढ़ें: क्या है उत्सव? जानिए...``). On a line that ends in one, a sentence end inside followed
    by more text means the headline cannot be told from the sentence after it, and only the marker goes.
    """
    t = rest.rstrip(" \t\u00a0" + "".join(CLOSERS))
    if _STOP_INSIDE.search(rest):
        return 0  # a full stop followed by more text: a sentence shares the line
    if t[-1:] not in FULL_STOPS:
        return len(rest)  # no full stop at the end: all of it is the headline (a sentence would end in one)
    if _DANDA_INSIDE.search(rest):
        return 0
    return len(rest)
