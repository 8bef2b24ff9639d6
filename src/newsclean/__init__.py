"""newsclean: clean, deduplicated, sentence-split Hindi (Devanagari) news text.

Four composable jobs, each a plain function on ``str`` and a :class:`Step` on :class:`Document`:

>>> import newsclean as nc
>>> nc.normalize("नमस्ते|")
'नमस्ते।'
>>> nc.split_sentences("राम घर गया। सीता आई।")
['राम घर गया।', 'सीता आई।']
"""

from __future__ import annotations

import logging

from .boilerplate import (
    BoilerplateMiner,
    BoilerplateModel,
    PatternRule,
    StripBoilerplate,
    default_rules,
    strip_boilerplate,
    strip_boilerplate_and_explain,
)
from .dedup import Deduplicator, DedupResult, dedupe
from .edits import apply_edits
from .errors import (
    ConfigError,
    IncompatibleSignatureError,
    InputTypeError,
    NewscleanError,
    RecordError,
)
from .normalize import Normalize, NormalizeConfig, detect_legacy_font, normalize, normalize_and_explain
from .pipeline import Pipeline, make_pipeline
from .sentences import SentenceConfig, SplitSentences, sentence_spans, split_sentences
from .types import Cleaned, Document, Edit, Span, Step, StepRecord

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "BoilerplateMiner",
    "BoilerplateModel",
    "Cleaned",
    "ConfigError",
    "DedupResult",
    "Deduplicator",
    "Document",
    "Edit",
    "IncompatibleSignatureError",
    "InputTypeError",
    "NewscleanError",
    "Normalize",
    "NormalizeConfig",
    "PatternRule",
    "Pipeline",
    "RecordError",
    "SentenceConfig",
    "Span",
    "SplitSentences",
    "Step",
    "StepRecord",
    "StripBoilerplate",
    "__version__",
    "apply_edits",
    "dedupe",
    "default_rules",
    "detect_legacy_font",
    "make_pipeline",
    "normalize",
    "normalize_and_explain",
    "sentence_spans",
    "split_sentences",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
]
