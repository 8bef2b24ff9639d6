"""Boilerplate: find and strip what publishers inject into an article body.

Within one document: known patterns (:mod:`.rules`), headline/standfirst echoes (:mod:`.title_echo`) and
phrases repeated at insertion sites (:mod:`.repeats`). Across a corpus: :class:`BoilerplateMiner` fits a
:class:`BoilerplateModel` of each publisher's templates (:mod:`.corpus`).

>>> strip_boilerplate("बैठक हुई।\\n(इनपुट- पीटीआई)")
'बैठक हुई।'
"""

from __future__ import annotations

from .api import StripBoilerplate, strip_boilerplate, strip_boilerplate_and_explain
from .corpus import BoilerplateMiner, BoilerplateModel
from .rule_table import default_rules
from .rules import PatternRule

__all__ = [
    "BoilerplateMiner",
    "BoilerplateModel",
    "PatternRule",
    "StripBoilerplate",
    "default_rules",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
]
