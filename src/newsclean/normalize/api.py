"""Devanagari-aware Unicode normalisation with an exact record of every change.

Two profiles: ``safe`` (the default) never changes meaning; ``search`` folds further for indexing and
matching. The output is NFC and a fixpoint (``normalize(normalize(x)) == normalize(x)``) for any string.

>>> normalize("नई\\u00a0दिल्ली|  \\u095bिंदगी")
'नई दिल्ली। ज़िंदगी'
>>> normalize("हिन्दी में ३ ख़बरें", profile="search")
'हिंदी में 3 खबरें'
>>> [(e.rule, e.old, e.new) for e in normalize_and_explain("दु:ख|").edits]
[('normalize.colon_to_visarga', ':', 'ः'), ('normalize.pipe_to_danda', '|', '।')]

Rules are listed, with what each changes and leaves alone, in ``docs/rules.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

import unicodedata2

from .._check import check_choice, check_rule_ids, check_str, type_message
from ..chars import DEVANAGARI_RE
from ..errors import ConfigError, InputTypeError
from ..types import Cleaned, Document
from . import danda_rules as dr
from . import script_rules as sr
from . import search_rules as fr
from . import text_rules as tr
from . import visarga as vr
from .nfc import NFC, nfc_triggers
from .rule import Rule, run_explain, run_fast

__all__ = [
    "PROFILES",
    "RULES",
    "Normalize",
    "NormalizeConfig",
    "detect_legacy_font",
    "normalize",
    "normalize_and_explain",
    "rule_ids",
]

Profile = Literal["safe", "search"]
PROFILES: tuple[str, ...] = ("safe", "search")

RULES: tuple[Rule, ...] = (
    tr.SURROGATES,
    tr.HTML_ENTITIES,
    tr.MOJIBAKE,
    tr.MOJIBAKE_C1,
    tr.CONTROLS,
    tr.LINE_BREAKS,
    tr.INVISIBLE,
    tr.BIDI_MARKS,
    sr.JOINERS,
    sr.JOINERS_SEARCH,
    tr.SPACES,
    tr.SPACES_SEARCH,
    tr.SPACE_RUNS,
    sr.MARK_ORDER,
    sr.MARK_ORDER_STRESS,
    sr.VOWEL_LETTERS,
    NFC,
    fr.I_SIGN,
    sr.DUP_MARKS,
    sr.DUP_NUKTA,
    # the colon rules before the pipe rules: a visarga (a letter) may be what a pipe is glued to (स्वत:”|)
    vr.COLON_TO_VISARGA,
    vr.FINAL_TA_VISARGA,  # search
    dr.DOUBLE_DANDA,
    dr.PIPE_TO_DANDA,
    # search profile
    fr.SPACED_PIPE,
    fr.DIGITS,
    fr.NUKTA_LOAN,
    fr.CANDRABINDU,
    fr.CANDRA_O_SIGN,
    fr.CANDRA_O,
    fr.NASAL_ANUSVARA,
    fr.ELONGATION,
    tr.FOLD_QUOTES,
    tr.FOLD_DASHES,
    tr.ELLIPSIS,
)
"""Every rule in the order it runs; each profile runs the rules that list it."""

_RULE_IDS = frozenset(r.id for r in RULES)
_VERSION = "1"


def rule_ids(profile: str = "safe") -> tuple[str, ...]:
    """The ids of the rules a profile runs, in order.

    Args:
        profile: ``"safe"`` or ``"search"``.

    Returns:
        Rule ids such as ``"normalize.pipe_to_danda"``.

    Raises:
        ConfigError: ``profile`` is not a known profile.

    >>> rule_ids("safe")[:3]
    ('normalize.surrogates', 'normalize.html_entities', 'normalize.mojibake')
    >>> "normalize.fold_digits" in rule_ids("search"), "normalize.fold_digits" in rule_ids("safe")
    (True, False)
    """
    check_choice(profile, "rule_ids", "profile", PROFILES)
    return tuple(dict.fromkeys(r.id for r in RULES if profile in r.profiles))


@dataclass(frozen=True, slots=True)
class NormalizeConfig:
    """Frozen, hashable settings of normalisation: a profile and rules switched off.

    Args:
        profile: ``"safe"`` (default; never changes meaning) or ``"search"`` (also folds for matching).
        disable: Rule ids to skip: one id, or any iterable of ids (stored as a frozenset).

    Raises:
        ConfigError: an unknown profile or rule id (the message names the field).

    The guarantees of :func:`normalize` (NFC output, a fixpoint) are for the full rule set of a profile;
    switching off ``normalize.nfc`` (or a rule the others rely on) gives up the ones it provided.

    >>> cfg = NormalizeConfig(profile="search", disable={"normalize.fold_digits"})
    >>> cfg.disable
    frozenset({'normalize.fold_digits'})
    >>> normalize("३ ख़बरें", config=cfg)
    '३ खबरें'
    >>> NormalizeConfig(disable={"normalize.nope"})
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: NormalizeConfig() argument 'disable' has unknown rule ids 'normalize.nope'; known ids: ...
    """

    profile: str = "safe"
    disable: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        check_choice(self.profile, "NormalizeConfig", "profile", PROFILES)
        frozen = check_rule_ids(self.disable, "NormalizeConfig", _RULE_IDS)
        object.__setattr__(self, "disable", frozen)

    def fingerprint(self) -> str:
        """A stable string naming the profile, the switched-off rules and the Unicode data version.

        >>> NormalizeConfig().fingerprint().startswith("normalize/1 profile=safe disable=- unicode=")
        True
        """
        disabled = ",".join(sorted(self.disable)) or "-"
        return f"normalize/{_VERSION} profile={self.profile} disable={disabled} unicode={unicodedata2.unidata_version}"


_DEFAULTS = {p: NormalizeConfig(profile=p) for p in PROFILES}


@functools.lru_cache(maxsize=64)
def _rules_for(config: NormalizeConfig) -> tuple[Rule, ...]:
    return tuple(r for r in RULES if config.profile in r.profiles and r.id not in config.disable)


_DANDA_PAIR = re.compile("(?<![|\u0964\u0965])\u0964\u0964(?![|\u0964\u0965])")


def _repass_check(text: str, found: frozenset[str]) -> bool:
    """After a pass that changed the text: could a deletion have formed a new entity or mojibake sequence, or
    ``normalize.pipe_to_danda`` a pair of dandas (``कहा”|।`` -> ``कहा”।।``) after ``normalize.double_danda`` ran?"""
    if "\u0964\u0964" in text and _DANDA_PAIR.search(text) is not None:
        return True
    # ``fast`` returns ``text`` itself unless the rule's gates (``&``; the mojibake telltale) let it run
    return tr.HTML_ENTITIES.fast(text, found) != text or tr.MOJIBAKE.fast(text, found) != text


@functools.lru_cache(maxsize=1)
def _repass() -> tuple[frozenset[str], Callable[[str, frozenset[str]], bool]]:
    """What asks for one more pass after a pass that changed something: combining marks other than the
    nukta and virama (NFC may have reordered them next to Devanagari signs), a new entity or mojibake, or a new
    pair of dandas."""
    return nfc_triggers(), _repass_check


def _resolve(func: str, profile: object, config: object) -> NormalizeConfig:
    if config is None:
        if profile == "safe" or profile == "search":
            return _DEFAULTS[profile]
        check_choice(profile, func, "profile", PROFILES)
    if not isinstance(config, NormalizeConfig):
        raise InputTypeError(type_message(func, "config", "NormalizeConfig or None", config))
    check_choice(profile, func, "profile", PROFILES)
    if profile != "safe" and profile != config.profile:
        msg = f"{func}() got profile={profile!r} and a config with profile={config.profile!r}"
        raise ConfigError(msg)
    return config


def normalize(text: str, *, profile: Profile = "safe", config: NormalizeConfig | None = None) -> str:
    """Normalise Hindi/Devanagari text: NFC, script repairs, invisible characters, spaces, danda and more.

    Args:
        text: Any string (lone surrogates, controls and mojibake included).
        profile: ``"safe"`` (default) or ``"search"``.
        config: A :class:`NormalizeConfig`; overrides ``profile`` (give one or the other).

    Returns:
        The normalised text, in NFC; normalising it again returns it unchanged.

    Raises:
        InputTypeError: ``text`` is not a ``str``.
        ConfigError: ``profile`` is not ``"safe"`` or ``"search"``.

    >>> normalize("राम घर गया|सीता आई।")
    'राम घर गया।सीता आई।'
    >>> normalize("यह भी पढ़ें: दु:ख 10:30")
    'यह भी पढ़ें: दुःख 10:30'
    >>> normalize("डॉक्टर “नाम” — १०…", profile="search")
    'डाक्टर "नाम" - 10...'
    """
    check_str(text, "normalize", "text")
    cfg = _resolve("normalize", profile, config)
    return run_fast(text, _rules_for(cfg), _repass())


def normalize_and_explain(
    text: str, *, profile: Profile = "safe", config: NormalizeConfig | None = None
) -> Cleaned:
    """Normalise like :func:`normalize` and return the record of every change.

    Args:
        text: Any string.
        profile: ``"safe"`` (default) or ``"search"``.
        config: A :class:`NormalizeConfig`; overrides ``profile``.

    Returns:
        :class:`~newsclean.types.Cleaned` with ``.text`` (equal to ``normalize(text)``) and ``.edits``:
        sorted, non-overlapping edits in the coordinates of ``text``, each with its rule id, kind, ``old``
        (the input slice), ``new`` and reason; ``apply_edits(text, edits) == .text``.

    Raises:
        InputTypeError: ``text`` is not a ``str``.
        ConfigError: ``profile`` is not ``"safe"`` or ``"search"``.

    >>> c = normalize_and_explain("नई\\u00a0\\u00a0दिल्ली")
    >>> c.text
    'नई दिल्ली'
    >>> [(e.rule, e.start, e.end, e.new) for e in c.edits]
    [('normalize.spaces+normalize.space_runs', 2, 4, ' ')]
    >>> c.replay("नई\\u00a0\\u00a0दिल्ली") == c.text
    True
    """
    check_str(text, "normalize_and_explain", "text")
    cfg = _resolve("normalize_and_explain", profile, config)
    out, edits = run_explain(text, _rules_for(cfg), _repass())
    return Cleaned(out, tuple(edits))


@dataclass(frozen=True, slots=True)
class Normalize:
    """The normalisation step for a :class:`~newsclean.pipeline.Pipeline`.

    Args:
        profile: ``"safe"`` (default) or ``"search"``.
        config: A :class:`NormalizeConfig` (overrides ``profile``).

    Raises:
        ConfigError: an unknown profile.

    >>> from newsclean import Document
    >>> doc = Normalize()(Document("खबर|"))
    >>> doc.text, doc.history[0].step, doc.history[0].edits[0].rule
    ('खबर।', 'normalize', 'normalize.pipe_to_danda')
    """

    profile: str = "safe"
    config: NormalizeConfig | None = None
    name: ClassVar[str] = "normalize"

    def __post_init__(self) -> None:
        _resolve("Normalize", self.profile, self.config)

    @property
    def effective_config(self) -> NormalizeConfig:
        """The configuration this step runs with.

        >>> Normalize("search").effective_config.profile
        'search'
        """
        return _resolve("Normalize", self.profile, self.config)

    def __call__(self, doc: Document, /) -> Document:
        """Return a new document with the normalised text and this step's edits in its history.

        Text that looks like legacy-font Hindi (see :func:`detect_legacy_font`) is not converted; the document
        is flagged with ``meta["legacy_font"] = True``.
        """
        if not isinstance(doc, Document):
            raise InputTypeError(type_message("Normalize", "doc", "Document", doc))
        cfg = self.effective_config
        out, edits = run_explain(doc.text, _rules_for(cfg), _repass())
        new = doc.with_step(self.name, cfg.fingerprint(), tuple(edits), text=out)
        if DEVANAGARI_RE.search(out) is None and detect_legacy_font(out):
            new = new.replace(meta={**new.meta, "legacy_font": True})
        return new


# -- legacy fonts -------------------------------------------------------------------------------------------

_LEGACY_WORDS = frozenset(
    [
        "dk",
        "ds",
        "dh",
        "gS",
        "vkSj",
        "esa",
        "fd",
        "ls",
        "us",
        "dks",
        "Fkk",
        "Fks",
        "Fkh",
        "gks",
        ";g",
        "og",
        "Hkh",
        "tks",
        "dj",
        "ij",
        "rks",
        "vius",
        "viuh",
        ";s",
    ]
)
_TOKEN = re.compile(r"[!-~]+")


def detect_legacy_font(text: str) -> bool:
    """Guess whether ``text`` is Hindi typed in a legacy (Krutidev-style) font encoding: ASCII that shows as
    Devanagari only with that font. newsclean flags such text and never converts it.

    Args:
        text: Any string.

    Returns:
        True when most of the text is ASCII in the letter patterns of Krutidev-style fonts (frequent
        function words such as ``dk``/``ds``/``dh``/``gS``/``esa`` and many ``k`` for the aa-sign).

    Raises:
        InputTypeError: ``text`` is not a ``str``.

    >>> detect_legacy_font("Hkkjr dh jkt/kkuh fnYyh gS vkSj ;g cgqr cM+k 'kgj gSA")
    True
    >>> detect_legacy_font("The capital of India is Delhi, a very large city.")
    False
    >>> detect_legacy_font("भारत की राजधानी दिल्ली है।")
    False
    """
    check_str(text, "detect_legacy_font", "text")
    tokens = _TOKEN.findall(text)
    letters = sum(1 for t in tokens for c in t if c.isalpha())
    if letters < 8 or letters < len(text.strip()) * 0.6:
        return False
    hits = sum(1 for t in tokens if t in _LEGACY_WORDS)
    k_ratio = sum(t.count("k") for t in tokens) / letters
    return (hits >= 1 and k_ratio >= 0.08) or (hits >= 3 and hits >= len(tokens) * 0.15)
