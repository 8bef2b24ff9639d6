"""The stripping functions' argument checks: the pattern table and the rule ids to switch off."""

from __future__ import annotations

from .._check import check_rule_ids
from ..errors import InputTypeError
from .rule_table import default_rules
from .rules import PatternRule
from .structure import STRUCTURE_RULES

__all__ = ["DETECTOR_RULES", "MINED_RULES", "check_disable", "check_rules"]

#: rule ids of the within-document detectors other than the pattern table (each can be disabled)
DETECTOR_RULES = (
    "boilerplate.title_echo",
    "boilerplate.title_variant",
    "boilerplate.standfirst_echo",
    "boilerplate.repeat",
    *STRUCTURE_RULES,
)
#: rule ids of the corpus model's removals (each can be disabled)
MINED_RULES = (
    "boilerplate.mined_line",
    "boilerplate.mined_widget",
    "boilerplate.mined_glued",
    "boilerplate.mined_slot",
    "boilerplate.mined_link",
    "boilerplate.mined_span",
)


def check_rules(rules: object, func: str) -> tuple[PatternRule, ...]:
    """``rules`` as a tuple of :class:`PatternRule` (the default table for None); a wrong type raises
    :class:`~newsclean.errors.InputTypeError` naming ``func`` and the argument."""
    if rules is None:
        return default_rules()
    if isinstance(rules, (str, bytes)) or not hasattr(rules, "__iter__"):
        msg = f"{func}() argument 'rules' must be a sequence of PatternRule, not {type(rules).__name__}"
        raise InputTypeError(msg)
    out = tuple(rules)
    for i, r in enumerate(out):
        if not isinstance(r, PatternRule):
            msg = f"{func}() argument 'rules' item {i} must be PatternRule, not {type(r).__name__}"
            raise InputTypeError(msg)
    return out


_KNOWN: dict[int, tuple[tuple[PatternRule, ...], frozenset[str]]] = {}  # the ids known with the last tables


def check_disable(disable: object, func: str, rules: tuple[PatternRule, ...]) -> frozenset[str]:
    """The rule ids to switch off, each checked against the ids of ``rules`` and the detectors."""
    if type(disable) is frozenset and not disable:
        return disable  # the default: nothing to check
    got = _KNOWN.get(id(rules))
    if got is None or got[0] is not rules:
        if len(_KNOWN) > 64:
            _KNOWN.clear()
        got = _KNOWN[id(rules)] = (rules, frozenset({r.id for r in rules} | {*DETECTOR_RULES, *MINED_RULES}))
    return check_rule_ids(disable, func, got[1])
