"""Normalisation: Devanagari-aware Unicode clean-up with an exact record of every change.

:mod:`.api` holds the public functions and the rule order; :mod:`.rule` the rule machinery and
:mod:`.compose` the edit composition; :mod:`.nfc`, :mod:`.text_rules`, :mod:`.script_rules`,
:mod:`.search_rules` and :mod:`.mojibake` the rules themselves.

>>> normalize("नमस्ते|")
'नमस्ते।'
"""

from __future__ import annotations

from .api import (
    PROFILES,
    RULES,
    Normalize,
    NormalizeConfig,
    detect_legacy_font,
    normalize,
    normalize_and_explain,
    rule_ids,
)

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
