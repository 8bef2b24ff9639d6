"""Corpus-level boilerplate: templates a publisher repeats across its articles.

:class:`BoilerplateMiner` counts whole lines, line lead-ins and tails (around ``:``, ``|``, dashes) and
token n-grams by *document frequency* per group (publisher, by default), on masked keys (numbers, dates
and times masked, so "Updated: 12 May" and "Updated: 13 May" are one template), and remembers the
group's headlines (related-article links). What enough different stories of one group share is a
template.
:meth:`BoilerplateMiner.fit` returns a frozen, versioned :class:`BoilerplateModel` that saves to JSON, finds
removal edits in new text, and is itself a pipeline step.

Copies of one story (syndication, republished updates) are counted once: a template must be seen in
``min_docs`` documents of *different stories* (see :mod:`newsclean.boilerplate.mining.state`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._check import check_str, type_message
from ..errors import ConfigError, InputTypeError
from ..records import group_key, to_document
from ..types import Document, Edit
from .mining.count import count_batch
from .mining.find import find_edits
from .mining.select import GroupTemplates, MinerParams, select
from .mining.state import MinerState, Template
from .mining.text import analyse, key_scheme

__all__ = ["BoilerplateMiner", "BoilerplateModel", "MinerParams"]

FORMAT = "newsclean.BoilerplateModel"
FORMAT_VERSION = 2
DEFAULT_GROUP = ""
#: documents counted together (one scan of their texts)
BATCH = 256


def _union(tables: Iterable[Mapping[int, Template]]) -> dict[int, Template]:
    out: dict[int, Template] = {}
    for table in tables:
        for k, t in table.items():
            old = out.get(k)
            if old is None or t.df > old.df:
                out[k] = t
    return out


def _merge_groups(groups: Mapping[str, GroupTemplates]) -> GroupTemplates:
    g = groups.values()
    titles: dict[int, int] = {}
    for x in g:
        titles.update(x.titles)
    return GroupTemplates(
        sum(x.docs for x in g),
        _union(x.lines for x in g),
        _union(x.parts for x in g),
        _union(x.ngrams for x in g),
        titles,
        frozenset().union(*(x.title_firsts for x in g)),
    )


@dataclass(frozen=True, eq=True)
class BoilerplateModel:
    """Mined templates per group: frozen, versioned, JSON-serialisable, and a pipeline step.

    Build one with :meth:`BoilerplateMiner.fit`. :meth:`find` returns removal edits; calling the model on
    a :class:`~newsclean.Document` applies the templates of the document's group (``doc.meta``).

    >>> stories = ["राम आज सुबह घर लौट आया और खाना खाया।", "सीता ने बाजार से ताजी सब्जियां खरीदीं।",
    ...            "मोहन की टीम ने कल फुटबॉल का मैच जीता।"]
    >>> docs = [{"text": s + "\\nखबरें पढ़ते रहिए हमारे ऐप पर", "publisher": "p1"} for s in stories]
    >>> model = BoilerplateMiner().fit(docs)
    >>> model.groups
    ('p1',)
    >>> model  # doctest: +ELLIPSIS
    BoilerplateModel(groups=1, docs=3, templates=1, headlines=0, counts=yes, version='2:...')
    >>> [e.old for e in model.find("नई खबर आई।\\nखबरें पढ़ते रहिए हमारे ऐप पर", "p1")]
    ['\\nखबरें पढ़ते रहिए हमारे ऐप पर']
    """

    params: MinerParams
    by_group: Mapping[str, GroupTemplates]
    state: MinerState | None = None
    key_scheme: str = ""
    format_version: int = FORMAT_VERSION
    _all: GroupTemplates = field(init=False, repr=False, compare=False)
    _fingerprint: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        if not self.key_scheme:
            object.__setattr__(self, "key_scheme", key_scheme())
        if self.key_scheme != key_scheme():
            msg = f"BoilerplateModel: key scheme {self.key_scheme!r} is not {key_scheme()!r}; refit the model"
            raise ConfigError(msg)
        if self.format_version != FORMAT_VERSION:
            msg = f"BoilerplateModel: format version {self.format_version} is not {FORMAT_VERSION}"
            raise ConfigError(msg)
        object.__setattr__(self, "_all", _merge_groups(self.by_group))

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __repr__(self) -> str:
        t = self._all
        counts = len(t.lines) + len(t.parts) + len(t.ngrams)
        return (
            f"BoilerplateModel(groups={len(self.by_group)}, docs={t.docs}, templates={counts}, "
            f"headlines={len(t.titles)}, counts={'yes' if self.state is not None else 'no'}, "
            f"version={self.version!r})"
        )

    @classmethod
    def from_state(cls, params: MinerParams, state: MinerState) -> BoilerplateModel:
        """Select the templates from the counts in ``state`` (kept in the model for refits).

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).groups
        ()
        """
        templates = {g: select(c, state, params) for g, c in state.groups.items()}
        return cls(params, templates, state)

    # -- the step --------------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        """Step name recorded in :class:`~newsclean.StepRecord` (``"mine_apply"``).

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).name
        'mine_apply'
        """
        return "mine_apply"

    @property
    def groups(self) -> tuple[str, ...]:
        """The group names the model holds templates for, sorted.

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).groups
        ()
        """
        return tuple(sorted(self.by_group))

    @property
    def fingerprint(self) -> str:
        """A short stable digest of the templates and parameters (for step records).

        >>> len(BoilerplateModel.from_state(MinerParams(), MinerState()).fingerprint)
        16
        """
        cached = self._fingerprint
        if not cached:
            data = json.dumps(self.to_dict(counts=False), ensure_ascii=False, sort_keys=True)
            cached = hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
            object.__setattr__(self, "_fingerprint", cached)
        return cached

    @property
    def version(self) -> str:
        """Format version and fingerprint, e.g. for a step's configuration string.

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).version.startswith("2:")
        True
        """
        return f"{self.format_version}:{self.fingerprint}"

    def __call__(self, doc: Document, /) -> Document:
        """Remove the templates of ``doc``'s group (from ``doc.meta``; all groups when it has none).

        >>> from newsclean import Document
        >>> empty = BoilerplateModel.from_state(MinerParams(), MinerState())
        >>> empty(Document("खबर।", meta={"publisher": "p1"})).history[-1].step
        'mine_apply'
        """
        if not isinstance(doc, Document):
            raise InputTypeError(type_message("BoilerplateModel.__call__", "doc", "Document", doc))
        raw = doc.meta.get(self.params.group_field) if self.params.group_field else None
        group = group_key(raw, func="BoilerplateModel.__call__", arg=f"meta[{self.params.group_field!r}]")
        edits = self.find(doc.text, group, title=doc.title)
        config = f"fingerprint={self.fingerprint};group={group!r}"
        return doc.with_step(self.name, config, tuple(edits))

    # -- finding ---------------------------------------------------------------------------------------
    def find(self, text: str, group: str | int | None = None, *, title: str | None = None) -> list[Edit]:
        """Return sorted, non-overlapping removal edits for the templates of ``group`` in ``text``.

        Args:
            text: the text to search (edits are in its coordinates).
            title: the text's headline, if known: a corpus headline found in the text that shares the words of
                what follows it beyond the headline's own topic introduces it (a crosshead) and stays.
            group: the group whose templates apply (an integer names the same group as its digits, see
                :func:`newsclean.records.group_key`); ``None`` applies the templates of every group. A
                group the model has not seen has no templates.

        Returns:
            Edits with a ``rule`` of :data:`~newsclean.boilerplate.api.MINED_RULES`, kind
            ``mined``, ``old == text[start:end]`` and a reason naming the template and its document
            frequency.

        Raises:
            InputTypeError: ``text`` is not a ``str`` or ``group`` not a ``str`` or ``None``.

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).find("खबर")
        []
        """
        check_str(text, "BoilerplateModel.find", "text")
        group = group_key(group, func="BoilerplateModel.find")
        t = self._tables(group)
        if t is None or t.is_empty:
            return []
        return find_edits(analyse(text), t, n=self.params.ngram, group=group, title=title)

    def _tables(self, group: str | None) -> GroupTemplates | None:
        return self._all if group is None else self.by_group.get(group)

    def group_docs(self, group: str) -> int:
        """How many documents of ``group`` the model was fitted on (0 for an unknown group).

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).group_docs("p1")
        0
        """
        t = self.by_group.get(group)
        return 0 if t is None else t.docs

    def templates(self, group: str | None = None) -> list[tuple[str, str, int]]:
        """``(level, example text, document frequency)`` of every template, most frequent first.

        The levels are ``"line"``, ``"part"`` (a lead-in or tail of a line) and ``"span"`` (n-gram).

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).templates()
        []
        """
        t = self._tables(group)
        if t is None:
            return []
        rows = [
            *(("line", x.text, x.df) for x in t.lines.values()),
            *(("part", x.text, x.df) for x in t.parts.values()),
            *(("span", x.text, x.df) for x in t.ngrams.values()),
        ]
        return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))

    def merge(self, *others: BoilerplateModel) -> BoilerplateModel:
        """The model of all the documents this model and ``others`` were fitted on (their counts added).

        Counting is per document and every count is a sum, a union, a minimum or a bottom-k set, so
        merging is associative and commutative, and merged partial fits equal one fit on all the documents
        (as long as no fit pruned its tables: see ``max_candidates``).

        Raises:
            ConfigError: a model has no counts, or the models were fitted with other options.

        >>> docs = [{"text": f"खबर {w}।\\nहमारा ऐप डाउनलोड करें", "publisher": "p"} for w in ("एक", "दो", "तीन")]
        >>> a, b = BoilerplateMiner().fit(docs[:1]), BoilerplateMiner().fit(docs[1:])
        >>> a.merge(b) == BoilerplateMiner().fit(docs)
        True
        """
        state = self._counts("merge")
        for other in others:
            if not isinstance(other, BoilerplateModel):
                raise InputTypeError(
                    type_message("BoilerplateModel.merge", "others", "BoilerplateModel", other)
                )
            if other.params != self.params:
                msg = f"BoilerplateModel.merge(): options differ ({other.params} vs {self.params})"
                raise ConfigError(msg)
            if other.state is None:
                other._counts("merge")  # raises
            else:
                state.merge(other.state, self.params.cap)
        return BoilerplateModel.from_state(self.params, state)

    def _counts(self, func: str) -> MinerState:
        """A copy of the counts (``ConfigError`` when the model was saved without them)."""
        if self.state is None:
            msg = f"BoilerplateModel.{func}(): the model has no counts (it was compacted)"
            raise ConfigError(msg)
        return self.state.copy()

    # -- (de)serialisation -----------------------------------------------------------------------------
    def compact(self) -> BoilerplateModel:
        """The same templates without the refit counts (smaller; cannot be updated).

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).compact().state is None
        True
        """
        return BoilerplateModel(self.params, self.by_group, None)

    def to_dict(self, *, counts: bool = True) -> dict[str, object]:
        """JSON-ready form (keys as hex strings, sorted; counts included unless ``counts=False``).

        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).to_dict()["format_version"]
        2
        """
        d: dict[str, object] = {
            "format": FORMAT,
            "format_version": self.format_version,
            "key_scheme": self.key_scheme,
            "params": self.params.to_dict(),
            "groups": {g: self.by_group[g].to_dict() for g in self.groups},
        }
        if counts and self.state is not None:
            d["counts"] = self.state.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> BoilerplateModel:
        """Inverse of :meth:`to_dict`.

        Raises:
            ConfigError: not a model, or another format version or key scheme.

        >>> m = BoilerplateModel.from_state(MinerParams(min_docs=4), MinerState())
        >>> BoilerplateModel.from_dict(m.to_dict()) == m
        True
        """
        if not isinstance(d, Mapping):
            raise InputTypeError(type_message("BoilerplateModel.from_dict", "d", "a mapping", d))
        if d.get("format") != FORMAT:
            msg = f"BoilerplateModel.from_dict(): not a {FORMAT} (format={d.get('format')!r})"
            raise ConfigError(msg)
        version = int(d.get("format_version", -1))
        if version != FORMAT_VERSION:
            msg = f"BoilerplateModel: format version {version} is not {FORMAT_VERSION}"
            raise ConfigError(msg)
        counts = d.get("counts")
        try:
            params = MinerParams.from_dict(d["params"])
            groups = {str(g): GroupTemplates.from_dict(v) for g, v in d["groups"].items()}
            state = None if counts is None else MinerState.from_dict(counts)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            if isinstance(exc, ConfigError):
                raise
            msg = f"BoilerplateModel.from_dict(): malformed model ({type(exc).__name__}: {exc})"
            raise ConfigError(msg) from exc
        return cls(params, groups, state, key_scheme=str(d.get("key_scheme")), format_version=version)

    def save(self, path: str | Path, *, counts: bool = True) -> None:
        """Write the model as UTF-8 JSON (Devanagari unescaped).

        >>> import tempfile, os
        >>> m = BoilerplateModel.from_state(MinerParams(), MinerState())
        >>> p = os.path.join(tempfile.mkdtemp(), "model.json")
        >>> m.save(p); BoilerplateModel.load(p) == m
        True
        """
        data = json.dumps(self.to_dict(counts=counts), ensure_ascii=False, separators=(",", ":"))
        Path(path).write_text(data, encoding="utf-8", errors="surrogatepass")

    @classmethod
    def load(cls, path: str | Path) -> BoilerplateModel:
        """Read a model written by :meth:`save`.

        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "model.json")
        >>> BoilerplateModel.from_state(MinerParams(), MinerState()).save(p)
        >>> BoilerplateModel.load(p).groups
        ()
        """
        text = Path(path).read_text(encoding="utf-8", errors="surrogatepass")
        return cls.from_dict(json.loads(text))


class BoilerplateMiner:
    """Learn a publisher's templates from its articles: ``BoilerplateMiner().fit(docs) -> BoilerplateModel``.

    Args:
        group_field: the meta field (``Document.meta``) or mapping key naming each document's group;
            ``None`` puts every document in one group. Documents without the field go to group ``""``.
        min_docs: a template must be seen in this many documents of distinct stories (>= 2).
        min_fraction: ... and in at least this share of its group's documents.
        ngram: tokens per n-gram for span templates inside lines.
        min_span_docs: distinct stories an n-gram span template must be seen in.
        max_candidates: prune keys seen once when a count table grows past this size.

    Raises:
        ConfigError: an option is out of range (the message names it).
        InputTypeError: an option has the wrong type.

    >>> BoilerplateMiner(min_docs=1)
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: BoilerplateMiner() argument 'min_docs' = 1 is invalid; must be >= 2
    """

    def __init__(
        self,
        *,
        group_field: str | None = "publisher",
        min_docs: int = 3,
        min_fraction: float = 0.0,
        ngram: int = 5,
        min_span_docs: int = 5,
        max_candidates: int = 2_000_000,
    ) -> None:
        self.params = MinerParams(group_field, min_docs, min_fraction, ngram, min_span_docs, max_candidates)
        self._state = MinerState()

    def __repr__(self) -> str:
        return f"BoilerplateMiner({self.params})"

    def fit(self, docs: Iterable[Document | Mapping[str, Any]]) -> BoilerplateModel:
        """Count one pass over ``docs`` and return the fitted model (the miner keeps no state).

        Args:
            docs: :class:`~newsclean.Document` objects (group from ``meta``) or mappings with ``"text"``
                and optionally ``"title"`` and the group field.

        Returns:
            A new :class:`BoilerplateModel` (with its counts, so it can be updated).

        Raises:
            InputTypeError: ``docs`` is not iterable, or an item or its text has the wrong type.

        >>> BoilerplateMiner().fit([]).groups
        ()
        """
        state = MinerState()
        _consume(self.params, state, docs, "fit")
        return BoilerplateModel.from_state(self.params, state)

    def partial_fit(self, docs: Iterable[Document | Mapping[str, Any]]) -> BoilerplateModel:
        """Add ``docs`` to the miner's running counts and return a model of everything seen so far.

        >>> miner = BoilerplateMiner()
        >>> _ = miner.partial_fit([{"text": "पहली खबर", "publisher": "p"}])
        >>> miner.partial_fit([{"text": "दूसरी खबर", "publisher": "p"}]).group_docs("p")
        2
        """
        _consume(self.params, self._state, docs, "partial_fit")
        return BoilerplateModel.from_state(self.params, self._state.copy())

    @staticmethod
    def update(model: BoilerplateModel, docs: Iterable[Document | Mapping[str, Any]]) -> BoilerplateModel:
        """Continue ``model``'s counts over more ``docs``: equal to one fit over all the documents.

        Raises:
            ConfigError: the model was saved without its counts (:meth:`BoilerplateModel.compact`).

        >>> m1 = BoilerplateMiner().fit([{"text": "पहली खबर", "publisher": "p"}])
        >>> m2 = BoilerplateMiner.update(m1, [{"text": "दूसरी खबर", "publisher": "p"}])
        >>> m2 == BoilerplateMiner().fit([{"text": "पहली खबर", "publisher": "p"},
        ...                                {"text": "दूसरी खबर", "publisher": "p"}])
        True
        """
        if not isinstance(model, BoilerplateModel):
            raise InputTypeError(type_message("BoilerplateMiner.update", "model", "BoilerplateModel", model))
        if model.state is None:
            msg = "BoilerplateMiner.update() argument 'model' has no counts (it was compacted)"
            raise ConfigError(msg)
        state = model.state.copy()
        _consume(model.params, state, docs, "update")
        return BoilerplateModel.from_state(model.params, state)


def _consume(p: MinerParams, state: MinerState, docs: object, func: str) -> None:
    where = f"BoilerplateMiner.{func}"
    if isinstance(docs, (str, bytes, Mapping, Document)) or not isinstance(docs, Iterable):
        raise InputTypeError(type_message(where, "docs", "an iterable of Document or mappings", docs))
    batch: list[tuple[str, str, str | None]] = []
    for i, doc in enumerate(docs):
        text, title, group = _fields(doc, p.group_field, where, i)
        batch.append((group, text, title))
        if len(batch) == BATCH:
            count_batch(state, batch, n=p.ngram, cap=p.cap, max_candidates=p.max_candidates)
            batch = []
    count_batch(state, batch, n=p.ngram, cap=p.cap, max_candidates=p.max_candidates)


def _fields(doc: object, group_field: str | None, where: str, i: int) -> tuple[str, str | None, str]:
    if not isinstance(doc, (Document, Mapping)):
        msg = f"{where}() item {i}: must be Document or a mapping, not {type(doc).__name__}"
        raise InputTypeError(msg)
    d = to_document(doc, where=f"{where}() item {i}")
    raw = d.meta.get(group_field) if group_field else None
    group = group_key(raw, func=f"{where}() item {i}", arg=str(group_field))
    return d.text, d.title, DEFAULT_GROUP if group is None else group
