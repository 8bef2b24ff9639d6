"""Hindi sentence splitting with exact spans: :func:`split_sentences`, :func:`sentence_spans`, :class:`SplitSentences`.

The splitter never alters text: every sentence is a slice of the input, trimmed of surrounding whitespace,
and the gaps between sentences are whitespace only, so the input is recovered exactly from the spans.

>>> import newsclean as nc
>>> nc.split_sentences("डॉ. ए.के. शर्मा ने कहा, “कीमत 2.5 लाख है।” बैठक 10.30 बजे हुई।अगली खबर")
['डॉ. ए.के. शर्मा ने कहा, “कीमत 2.5 लाख है।”', 'बैठक 10.30 बजे हुई।', 'अगली खबर']

See ``docs/sentences.md`` for every rule and convention.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from .._check import check_str, type_message
from ..errors import ConfigError, InputTypeError
from ..types import Document, Span
from .abbreviations import ENGLISH_ABBREVIATIONS, HINDI_ABBREVIATIONS, abbreviation_key
from .scan import WHITESPACE, Rules, scan_matches, split

__all__ = ["SentenceConfig", "SplitSentences", "sentence_spans", "split_sentences"]

_BOOL_FIELDS = ("newline_is_boundary", "blank_line_is_boundary", "pipe_is_danda", "default_abbreviations")


def _abbreviation_keys(value: object, field_name: str) -> frozenset[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        msg = (
            f"SentenceConfig() field {field_name!r} must be an iterable of str such as "
            f"frozenset({{'मि.'}}), not {type(value).__name__}"
        )
        raise ConfigError(msg)
    keys = set()
    for item in value:
        if not isinstance(item, str):
            msg = f"SentenceConfig() field {field_name!r} must hold str, not {type(item).__name__}: {item!r}"
            raise ConfigError(msg)
        key = abbreviation_key(item)
        if not key or any(c in WHITESPACE for c in key):
            msg = f"SentenceConfig() field {field_name!r}: {item!r} is not an abbreviation (empty or has spaces)"
            raise ConfigError(msg)
        keys.add(key)
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class SentenceConfig:
    """Options of the sentence splitter (frozen, hashable, validated when built).

    Args:
        newline_is_boundary: A line break ends a sentence (news dumps put one paragraph, headline or
            crosshead on a line). Set ``False`` for hard-wrapped text, where a single line break is just a
            space.
        blank_line_is_boundary: With ``newline_is_boundary=False``, a blank line still ends a sentence.
        pipe_is_danda: ``|`` and ``||`` typed for a danda end a sentence after Devanagari or a digit.
        default_abbreviations: Use the built-in Hindi and English tables of
            :mod:`newsclean.sentences.abbreviations`; ``False`` keeps only ``extra_abbreviations``.
        extra_abbreviations: More abbreviations, with or without their final full stop (``"मि."``).
            Stored as lookup keys (no final full stop, Latin in lower case).

    Raises:
        ConfigError: A field has the wrong type or value; the message names the field.

    >>> cfg = SentenceConfig(extra_abbreviations=frozenset({"मोह."}))
    >>> split_sentences("मोह. रफी का गाना बजा। फिर खबर आई।", config=cfg)
    ['मोह. रफी का गाना बजा।', 'फिर खबर आई।']
    >>> SentenceConfig(newline_is_boundary="yes")
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: SentenceConfig() field 'newline_is_boundary' must be bool, not str
    """

    newline_is_boundary: bool = True
    blank_line_is_boundary: bool = True
    pipe_is_danda: bool = True
    default_abbreviations: bool = True
    extra_abbreviations: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name in _BOOL_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, bool):
                msg = f"SentenceConfig() field {name!r} must be bool, not {type(value).__name__}"
                raise ConfigError(msg)
        keys = _abbreviation_keys(self.extra_abbreviations, "extra_abbreviations")
        object.__setattr__(self, "extra_abbreviations", keys)

    def with_abbreviations(self, *abbreviations: str) -> SentenceConfig:
        """Return a copy with more abbreviations (each with or without its final full stop).

        Args:
            *abbreviations: Abbreviations such as ``"मि."``, ``"Capt."``, ``"प्रा.लि."``.

        Returns:
            A new configuration; this one is unchanged.

        Raises:
            ConfigError: An abbreviation is not a ``str``, is empty, or contains whitespace.

        >>> cfg = SentenceConfig().with_abbreviations("मोह.", "आद.")
        >>> sorted(cfg.extra_abbreviations)
        ['आद', 'मोह']
        """
        added = _abbreviation_keys(abbreviations, "extra_abbreviations")
        return dataclasses.replace(self, extra_abbreviations=self.extra_abbreviations | added)

    def describe(self) -> str:
        """A stable text form (sorted abbreviations), recorded in :class:`~newsclean.types.StepRecord`.

        Returns:
            ``"SentenceConfig(...)"`` with every field, identical across processes.

        >>> SentenceConfig().with_abbreviations("मोह.", "आद.").describe()
        "SentenceConfig(newline_is_boundary=True, blank_line_is_boundary=True, pipe_is_danda=True, \
default_abbreviations=True, extra_abbreviations=['आद', 'मोह'])"
        """
        flags = ", ".join(f"{name}={getattr(self, name)}" for name in _BOOL_FIELDS)
        return f"SentenceConfig({flags}, extra_abbreviations={sorted(self.extra_abbreviations)})"


@functools.lru_cache(maxsize=64)
def _rules(config: SentenceConfig) -> Rules:
    table = HINDI_ABBREVIATIONS | ENGLISH_ABBREVIATIONS if config.default_abbreviations else frozenset()
    return Rules.build(
        abbreviations=table | config.extra_abbreviations,
        newline_is_boundary=config.newline_is_boundary,
        blank_line_is_boundary=config.blank_line_is_boundary,
        pipe_is_danda=config.pipe_is_danda,
    )


# Spans built without Span.__init__: the scan's offsets are valid by construction (0 <= start < end), so
# the frozen dataclass's per-field object.__setattr__ calls and its __post_init__ check are skipped; the
# slot descriptors set the fields directly (about twice as fast per span, more on big texts).
_new = object.__new__
_set_start = vars(Span)["start"].__set__
_set_end = vars(Span)["end"].__set__


def _spans(matches: Iterator[re.Match[str]]) -> list[Span]:
    out: list[Span] = []
    append = out.append
    for m in matches:
        span: Span = _new(Span)
        _set_start(span, m.start())
        _set_end(span, m.end())
        append(span)
    return out


_DEFAULT = SentenceConfig()
_DEFAULT_RULES = _rules(_DEFAULT)


def _resolve(
    func: str,
    text: object,
    config: SentenceConfig | None,
    newline_is_boundary: bool | None,
    extra: Iterable[str] | None,
) -> Rules:
    """Check the arguments of a public call and return its compiled rules."""
    if config is None and newline_is_boundary is None and extra is None and type(text) is str:
        return _DEFAULT_RULES  # the common call, without the option checks
    check_str(text, func, "text")
    if config is None:
        config = _DEFAULT
    elif not isinstance(config, SentenceConfig):
        raise InputTypeError(type_message(func, "config", "SentenceConfig or None", config))
    if newline_is_boundary is not None:
        config = dataclasses.replace(config, newline_is_boundary=newline_is_boundary)
    if extra is not None:
        config = config.with_abbreviations(*_abbreviation_keys(extra, "extra_abbreviations"))
    return _rules(config)


def split_sentences(
    text: str,
    *,
    config: SentenceConfig | None = None,
    newline_is_boundary: bool | None = None,
    extra_abbreviations: Iterable[str] | None = None,
) -> list[str]:
    """Split Hindi (and mixed Hindi-English) news text into sentences, returned as slices of ``text``.

    Terminators are ``।`` ``॥`` ``?`` ``!`` ``.``, ``|``/``||`` typed for a danda, and ``…`` before a
    closing quote; closing quotes and brackets stay with their sentence; a line break ends a sentence.
    No boundary inside decimals, times, dates, list markers, URLs, e-mails, initials or abbreviations.

    Args:
        text: The text to split.
        config: Options; ``None`` means ``SentenceConfig()``.
        newline_is_boundary: Overrides ``config.newline_is_boundary`` for this call.
        extra_abbreviations: Added to ``config.extra_abbreviations`` for this call.

    Returns:
        The sentences in order, trimmed of surrounding whitespace; ``[]`` for blank text.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (or ``config`` not a :class:`SentenceConfig`).
        ConfigError: An option has a bad value.

    >>> split_sentences("कीमत 500। अगली खबर।")
    ['कीमत 500।', 'अगली खबर।']
    >>> split_sentences("भाजपा ने कहा।NTT ने भी कहा| ए. पी. जे. अब्दुल कलाम आए.")
    ['भाजपा ने कहा।', 'NTT ने भी कहा|', 'ए. पी. जे. अब्दुल कलाम आए.']
    >>> split_sentences("पहली पंक्ति\\nदूसरी पंक्ति", newline_is_boundary=False)
    ['पहली पंक्ति\\nदूसरी पंक्ति']
    """
    return split(text, _resolve("split_sentences", text, config, newline_is_boundary, extra_abbreviations))


def sentence_spans(
    text: str,
    *,
    config: SentenceConfig | None = None,
    newline_is_boundary: bool | None = None,
    extra_abbreviations: Iterable[str] | None = None,
) -> list[Span]:
    """Return the sentences of ``text`` as half-open :class:`~newsclean.types.Span` objects.

    Same rules and options as :func:`split_sentences`; ``[s.of(text) for s in sentence_spans(text)]``
    equals ``split_sentences(text)``. Spans are sorted, do not overlap, start and end on non-whitespace,
    and every character between them is whitespace.

    Args:
        text: The text to split.
        config: Options; ``None`` means ``SentenceConfig()``.
        newline_is_boundary: Overrides ``config.newline_is_boundary`` for this call.
        extra_abbreviations: Added to ``config.extra_abbreviations`` for this call.

    Returns:
        One span per sentence, in order.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (or ``config`` not a :class:`SentenceConfig`).
        ConfigError: An option has a bad value.

    >>> sentence_spans("  राम आया।  सीता आई।\\n")
    [Span(start=2, end=10), Span(start=12, end=20)]
    """
    rules = _resolve("sentence_spans", text, config, newline_is_boundary, extra_abbreviations)
    return _spans(scan_matches(text, rules))


@dataclass(frozen=True, slots=True)
class SplitSentences:
    """Pipeline step: store the sentence spans on the document; the text is not changed.

    A :class:`~newsclean.types.StepRecord` with no edits is appended to the history, so the step shows up
    in ``doc.history`` with its configuration.

    Args:
        config: Splitter options; ``None`` means ``SentenceConfig()``.

    Raises:
        InputTypeError: ``config`` is not a :class:`SentenceConfig` (raised when the step is built).

    >>> from newsclean import Document
    >>> doc = SplitSentences()(Document("राम आया। सीता आई।"))
    >>> doc.sentence_texts(), doc.history[-1].step
    (['राम आया।', 'सीता आई।'], 'split_sentences')
    """

    config: SentenceConfig | None = None
    name: ClassVar[str] = "split_sentences"

    def __post_init__(self) -> None:
        if self.config is not None and not isinstance(self.config, SentenceConfig):
            raise InputTypeError(
                type_message("SplitSentences", "config", "SentenceConfig or None", self.config)
            )

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with :attr:`~newsclean.types.Document.sentences` set and the step recorded.

        Args:
            doc: The document to split.

        Returns:
            A new document with the same text.

        Raises:
            InputTypeError: ``doc`` is not a :class:`~newsclean.types.Document`.

        >>> from newsclean import Document
        >>> SplitSentences()(Document("क। ख।")).sentences
        (Span(start=0, end=2), Span(start=3, end=5))
        """
        if not isinstance(doc, Document):
            raise InputTypeError(type_message("SplitSentences", "doc", "Document", doc))
        config = self.config or _DEFAULT
        spans = tuple(sentence_spans(doc.text, config=config))
        return doc.with_step(self.name, config.describe(), ()).replace(sentences=spans)
