"""Sentence splitting: danda, abbreviations, numbers, quotes, with exact spans.

:mod:`.api` holds the public functions and :class:`SentenceConfig`; :mod:`.scan` the one-pass scanner,
:mod:`.patterns` its compiled pattern and :mod:`.abbreviations` the abbreviation tables.

>>> split_sentences("राम घर गया। सीता आई।")
['राम घर गया।', 'सीता आई।']
"""

from __future__ import annotations

from .api import SentenceConfig, SplitSentences, sentence_spans, split_sentences

__all__ = ["SentenceConfig", "SplitSentences", "sentence_spans", "split_sentences"]
