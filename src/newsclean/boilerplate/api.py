"""``strip_boilerplate``: remove what publishers inject into an article body, with a record of every cut.

Three within-document detectors propose spans: known patterns (:mod:`.rules`), headline and standfirst echoes
(:mod:`.title_echo`) and phrases repeated at insertion sites (:mod:`.repeats`). When a fitted
:class:`~newsclean.boilerplate.corpus.BoilerplateModel` is given, its template spans join them, except those
that would start before an overlapping within-document span (the precise detectors know where pasted text
begins). Spans are widened over the whitespace at the cut and merged (:mod:`.spans`). Removing one piece can
expose another (an echo followed by a credit on the same line), so detection runs again on the lines around
each cut, at most :data:`MAX_PASSES` times; all cuts are recorded as removal edits on the input.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._check import check_optional_str, check_str
from ..chars import SENTENCE_ENDS
from ..errors import ConfigError, InputTypeError
from ..records import group_key
from ..types import Cleaned, Document, Edit
from .arguments import DETECTOR_RULES, MINED_RULES, check_disable, check_rules
from .layout import Layout, list_runs
from .repeats import find_repeats
from .rule_engine import find_patterns
from .rule_table import default_rules
from .rules import PatternRule
from .sites import dateline_end
from .spans import Candidate, Removals, close_end, merge, tidy
from .structure import find_structure
from .title_echo import find_echoes
from .variants import find_variants

if TYPE_CHECKING:
    from .corpus import BoilerplateModel

__all__ = [
    "DETECTOR_RULES",
    "MAX_PASSES",
    "MINED_RULES",
    "StripBoilerplate",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
]

MAX_PASSES = 4


@dataclass(frozen=True, slots=True)
class Request:
    """One stripping job's inputs besides the text, checked: the document's headline, standfirst and group,
    the corpus model, the pattern table and the rule ids switched off."""

    title: str | None = None
    standfirst: str | None = None
    model: BoilerplateModel | None = None
    group: str | None = None
    rules: tuple[PatternRule, ...] = ()
    disable: frozenset[str] = frozenset()


def _detect(
    text: str,
    req: Request,
    *,
    text_start: bool = True,
    whole: bool = True,
    line_starts: bool = True,
) -> list[Candidate]:
    """Within-document candidates for ``text``, tidied and merged.

    ``whole=False`` marks a second look at a few lines around cuts: the detectors that need the whole article
    (repeats are counted over it; variants are whole lines, which a cut inside a line does not create) are
    skipped there.
    """
    disable, title = req.disable, req.title
    cands = find_patterns(text, req.rules, disable, text_start=text_start, line_starts=line_starts)
    cands += _echoes(text, req)
    if (
        title
        and whole
        and "boilerplate.title_echo" not in disable
        and "boilerplate.title_variant" not in disable
    ):
        cands += find_variants(text, title)
    if whole and "boilerplate.repeat" not in disable:
        cands += find_repeats(text)
    if not whole and not cands:
        return []  # a second look that found nothing: no layout to build
    lay = Layout.of(text)
    if whole:
        cands += find_structure(text, title, disable, lay)
    if lay.table:  # a table's rows and cells stay, whatever rule a date, a number or a short label matches
        cands = [c for c in cands if not _in_table(lay, c)]
    cands = _list_items_kept(lay, cands)
    spans = [Candidate(*tidy(text, c.start, c.end), c.rule, c.kind, c.reason) for c in cands]
    return close_end(text, merge(spans))


def _echoes(text: str, req: Request) -> list[Candidate]:
    """Pasted copies of the headline and the standfirst in ``text``."""
    out: list[Candidate] = []
    if req.title and "boilerplate.title_echo" not in req.disable:
        out += find_echoes(text, req.title)
    if req.standfirst and "boilerplate.standfirst_echo" not in req.disable:
        out += find_echoes(text, req.standfirst, rule="boilerplate.standfirst_echo", kind="standfirst_echo")
    return out


def _list_items_kept(lay: Layout, cands: list[Candidate]) -> list[Candidate]:
    """Drop the candidates that take a few items out of a short list ("नींबू पानी / छाछ / ... / ORS"): a rule
    that matches an item or two of a list matches the list's words, not furniture; a menu or a share bar goes
    whole, or most of it."""
    runs = list_runs(lay.lines)
    if not runs or not cands:
        return cands
    drop: set[int] = set()
    for run in runs:
        a, b = lay.lines[run[0]].start, lay.lines[run[-1]].end
        inside = [i for i, c in enumerate(cands) if a <= c.start and c.end <= b + 1]
        touched = {
            ln
            for ln in run
            for i in inside
            if cands[i].start < lay.lines[ln].end and lay.lines[ln].start < cands[i].end
        }
        if inside and 2 * len(touched) < len(run):
            drop.update(inside)
    return [c for i, c in enumerate(cands) if i not in drop]


def _in_table(lay: Layout, c: Candidate) -> bool:
    """Whether ``c`` takes text of a table row."""
    return any(
        lay.lines[i].start < c.end and c.start < lay.lines[i].end and lay.lines[i].text for i in lay.table
    )


def _run(text: str, req: Request) -> Cleaned:
    removals = Removals(text)
    spans = _detect(text, req)
    if req.model is not None:
        mined = [
            Candidate(*tidy(text, e.start, e.end), e.rule, e.kind, e.reason)
            for e in _model_edits(req, text)
            if e.rule not in req.disable
        ]
        spans = merge(spans + _defer(text, mined, spans))
    _converge(removals, spans, req)
    if removals.text != text:
        # the page's shape changes as furniture goes (the prose ends earlier, a list now runs to the end):
        # look at the shape of what is left again, until it stands
        for _ in range(MAX_PASSES):
            current = removals.text
            lay = Layout.of(current)
            # a headline copy's guards read its neighbours (a crosshead between paragraphs, a bullet after
            # prose), which the cuts may have changed: the copies are judged again with the structure
            found = _list_items_kept(lay, _echoes(current, req)) + find_structure(
                current, req.title, req.disable, lay
            )
            extra = [
                Candidate(*tidy(current, c.start, c.end), c.rule, c.kind, c.reason)
                for c in found
                if not _in_table(lay, c)
            ]
            if not extra:
                break
            _converge(removals, close_end(current, merge(extra)), req)
    return Cleaned(removals.text, removals.edits())


def _model_edits(req: Request, text: str) -> list[Edit]:
    """The corpus model's removals in ``text`` (a fitted model also gets the headline; any other object with a
    ``find(text, group)`` method is called with those two)."""
    from .corpus import BoilerplateModel  # corpus builds on this module

    model = req.model
    assert model is not None
    if isinstance(model, BoilerplateModel):
        return model.find(text, req.group, title=req.title)
    return model.find(text, req.group)  # type: ignore[unreachable]  # a duck-typed model of the caller's


def _defer(text: str, mined: list[Candidate], precise: list[Candidate]) -> list[Candidate]:
    """Template spans that agree with the within-document spans (which know where pasted text begins).

    A template span overlapping a within-document span is kept when it starts inside it (it may carry the
    removal further, e.g. over a linked headline), or when it contains it whole and what it adds before it
    holds no sentence end and no dateline (a template label before a credit the rules found). One that starts
    before it and ends inside it, or adds a sentence or the dateline, would take content with it.
    """
    out: list[Candidate] = []
    starts = [c.start for c in precise]
    for m in mined:
        i = bisect_right(starts, m.end - 1) - 1  # last precise span starting before m ends
        j = i
        ok = True
        while j >= 0 and precise[j].end > m.start:
            p = precise[j]
            if m.start < p.start and (m.end < p.end or not _clean_lead(text, m.start, p.start)):
                ok = False
                break
            j -= 1
        if ok:
            out.append(m)
    return out


def _clean_lead(text: str, a: int, b: int) -> bool:
    """True if ``text[a:b]`` holds no sentence end and does not reach into the dateline that opens the text."""
    if any(c in SENTENCE_ENDS for c in text[a:b]):
        return False
    d = dateline_end(text, text.rfind("\n", 0, a) + 1)
    return d < 0 or a >= d


def _converge(removals: Removals, spans: list[Candidate], req: Request) -> None:
    """Record ``spans`` (in the coordinates of ``removals.text``) and look again where the cuts were."""
    for passes in range(MAX_PASSES):
        if not spans:
            return
        current = removals.text
        removals.add(spans)
        if passes == MAX_PASSES - 1 or (spans[0].start > 0 and all(_whole_lines(current, c) for c in spans)):
            return  # removing whole lines changes no other line: nothing new can be exposed
        cuts = [
            q
            for q, c in zip(_cut_positions(spans), spans, strict=True)
            if c.start == 0 or not _whole_lines(current, c)
        ]
        current = removals.text
        # a cut at a line's start or end can leave a whole line for a line-anchored rule; one inside cannot
        starts = any(q in (0, len(current)) or "\n" in (current[q - 1], current[q]) for q in cuts)
        # a cut can only expose text on its own line (or at the start of the text): look there again
        blocks = _line_blocks(current, cuts)
        if not blocks:
            return
        # one look at all the blocks, joined by blank lines so no block borrows a neighbour's line
        offsets: list[int] = []
        pieces: list[str] = []
        pos = 0
        for a, b in blocks:
            offsets.append(pos)
            pieces.append(current[a:b])
            pos += b - a + 2
        local = _detect(
            "\n\n".join(pieces),
            req,
            text_start=blocks[0][0] == 0,
            whole=False,
            line_starts=starts,
        )
        spans = []
        for c in local:
            k = bisect_right(offsets, c.end - 1) - 1  # the block holding the span's last character
            a, b = blocks[k]
            shift = a - offsets[k]
            start, end = max(c.start + shift, a), min(c.end + shift, b)
            if start < end:
                spans.append(Candidate(start, end, c.rule, c.kind, c.reason))


def _cut_positions(spans: list[Candidate]) -> list[int]:
    """Where each removed span leaves a cut in the text after removal."""
    out: list[int] = []
    removed = 0
    for c in spans:
        out.append(c.start - removed)
        removed += c.end - c.start
    return out


def _line_blocks(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Merged ranges of the lines holding each cut (a cut at a line start also takes the line before)."""
    blocks: list[tuple[int, int]] = []
    for q in cuts:
        a = text.rfind("\n", 0, q) + 1
        if a == q and a > 0:
            a = text.rfind("\n", 0, a - 1) + 1
        b = text.find("\n", q)
        b = len(text) if b < 0 else b
        if blocks and a <= blocks[-1][1]:
            blocks[-1] = (blocks[-1][0], max(b, blocks[-1][1]))
        else:
            blocks.append((a, b))
    return blocks


def _whole_lines(text: str, c: Candidate) -> bool:
    return (c.start == 0 or text[c.start - 1] == "\n") and (c.end == len(text) or text[c.end - 1] == "\n")


def _is_model(model: object) -> bool:
    """``None`` or an object with a ``find(text, group)`` method (a fitted corpus model)."""
    return model is None or (callable(getattr(model, "find", None)) and not isinstance(model, (str, bytes)))


def strip_boilerplate_and_explain(
    text: str,
    *,
    title: str | None = None,
    standfirst: str | None = None,
    model: BoilerplateModel | None = None,
    group: str | None = None,
    rules: tuple[PatternRule, ...] | None = None,
    disable: str | frozenset[str] | tuple[str, ...] = frozenset(),
) -> Cleaned:
    """Remove boilerplate from ``text`` and return the result with one removal edit per cut.

    Args:
        text: The article body.
        title: The headline; its pasted copies (whole or first words) are removed.
        standfirst: The standfirst/summary; likewise.
        model: A fitted corpus model whose templates are removed too.
        group: The model group (publisher) to apply; ``None`` applies every group's templates.
        rules: The pattern table (default :func:`default_rules`).
        disable: Rule ids to switch off (pattern ids, :data:`DETECTOR_RULES` such as
            ``"boilerplate.title_echo"``, and the corpus model's :data:`MINED_RULES`).

    Returns:
        :class:`~newsclean.types.Cleaned`; every edit is a removal with a rule id and kind, in ``text``
        coordinates, and ``apply_edits(text, edits) == result.text``.

    Raises:
        InputTypeError: When an argument has the wrong type.
        ConfigError: When ``disable`` names a rule id that is neither in ``rules`` nor a detector's.

    >>> body = "रायपुर। बात हुई।राज्य में नई नीति लागू\\nविज्ञापन\\nआगे की बात।"
    >>> c = strip_boilerplate_and_explain(body, title="राज्य में नई नीति लागू, जानिए क्या बदला")
    >>> c.text
    'रायपुर। बात हुई।\\nआगे की बात।'
    >>> [(e.kind, e.old) for e in c.edits]
    [('title_echo', 'राज्य में नई नीति लागू'), ('advert', 'विज्ञापन\\n')]
    """
    return _checked(
        "strip_boilerplate_and_explain",
        text,
        title=title,
        standfirst=standfirst,
        model=model,
        group=group,
        rules=rules,
        disable=disable,
    )


def _checked(func: str, text: object, **options: object) -> Cleaned:
    """Check the public arguments (naming ``func`` in errors) and run."""
    text = check_str(text, func, "text")
    model = options["model"]
    if not _is_model(model):
        msg = f"{func}() argument 'model' must be a BoilerplateModel, not {type(model).__name__}"
        raise InputTypeError(msg)
    table = check_rules(options["rules"], func)
    req = Request(
        title=check_optional_str(options["title"], func, "title"),
        standfirst=check_optional_str(options["standfirst"], func, "standfirst"),
        model=model,  # type: ignore[arg-type]
        group=group_key(options["group"], func=func),
        rules=table,
        disable=check_disable(options["disable"], func, table),
    )
    return _run(text, req)


def strip_boilerplate(
    text: str,
    *,
    title: str | None = None,
    standfirst: str | None = None,
    model: BoilerplateModel | None = None,
    group: str | None = None,
    rules: tuple[PatternRule, ...] | None = None,
    disable: str | frozenset[str] | tuple[str, ...] = frozenset(),
) -> str:
    """Remove boilerplate from ``text`` (see :func:`strip_boilerplate_and_explain`).

    Args:
        text: The article body.
        title: The headline.
        standfirst: The standfirst.
        model: A fitted corpus model.
        group: The model group to apply (``None``: all groups).
        rules: The pattern table (default :func:`default_rules`).
        disable: Rule ids to switch off.

    Returns:
        The cleaned body.

    Raises:
        InputTypeError: When an argument has the wrong type.
        ConfigError: When ``disable`` names an unknown rule id.

    >>> strip_boilerplate("मौसम बदला है।\\nयह भी पढ़ें: बारिश का अलर्ट जारी\\nकल धूप रहेगी।")
    'मौसम बदला है।\\nकल धूप रहेगी।'
    """
    return _checked(
        "strip_boilerplate",
        text,
        title=title,
        standfirst=standfirst,
        model=model,
        group=group,
        rules=rules,
        disable=disable,
    ).text


@dataclass(frozen=True, slots=True)
class StripBoilerplate:
    """Pipeline step: strip boilerplate using the document's title, standfirst and group.

    Args:
        model: Optional fitted corpus model.
        group_field: ``doc.meta`` key holding the model group (publisher).
        rules: Pattern table (``None``: :func:`default_rules`).
        disable: Rule ids to switch off.

    Raises:
        ConfigError: For a bad option (``disable`` naming an unknown rule id included).

    >>> from newsclean import Document
    >>> doc = Document("खबर यहां है।\\nविज्ञापन\\nआगे।", title="शीर्षक")
    >>> out = StripBoilerplate()(doc)
    >>> out.text, out.history[-1].edits[0].rule
    ('खबर यहां है।\\nआगे।', 'boilerplate.advert')
    """

    model: BoilerplateModel | None = None
    group_field: str = "publisher"
    rules: tuple[PatternRule, ...] | None = None
    disable: frozenset[str] = frozenset()
    name: str = "strip_boilerplate"

    def __post_init__(self) -> None:
        if not isinstance(self.group_field, str) or not self.group_field:
            msg = f"StripBoilerplate(group_field={self.group_field!r}) must be a non-empty str"
            raise ConfigError(msg)
        if not _is_model(self.model):
            msg = "StripBoilerplate(model=...) must be a BoilerplateModel or None"
            raise ConfigError(msg)
        if self.rules is not None:
            object.__setattr__(self, "rules", check_rules(self.rules, "StripBoilerplate"))
        table = self.rules if self.rules is not None else default_rules()
        object.__setattr__(self, "disable", check_disable(self.disable, "StripBoilerplate", table))

    def __call__(self, doc: Document, /) -> Document:
        """Return a new document with boilerplate removed and the edits recorded."""
        if not isinstance(doc, Document):
            msg = f"StripBoilerplate() argument 'doc' must be Document, not {type(doc).__name__}"  # type: ignore[unreachable]  # runtime check for untyped callers
            raise InputTypeError(msg)
        group = group_key(
            doc.meta.get(self.group_field), func="StripBoilerplate", arg=f"meta[{self.group_field!r}]"
        )
        req = Request(
            title=doc.title,
            standfirst=doc.standfirst,
            model=self.model,
            group=group,
            rules=self.rules if self.rules is not None else default_rules(),
            disable=self.disable,
        )
        cleaned = _run(doc.text, req)
        config = (
            f"rules={'default' if self.rules is None else len(self.rules)};disable={sorted(self.disable)}"
        )
        if self.model is not None:
            config += f";model={getattr(self.model, 'version', 'model')}"
        return doc.with_step(self.name, config, cleaned.edits, text=cleaned.text)
