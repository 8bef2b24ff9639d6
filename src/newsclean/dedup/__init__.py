"""Exact and near-duplicate detection for a corpus of Hindi news articles.

- :func:`dedupe`: the order-independent batch API (whole corpus in, clusters out);
- :class:`Deduplicator`: the streaming, incremental index (first seen wins; order-dependent by nature);
- :mod:`newsclean.dedup.stages`: the same phases as plain-array functions, for distributed engines.

>>> import newsclean as nc
>>> nc.dedupe(["खबर एक है।", "खबर एक है।", "दूसरी खबर।"]).cluster_ids
[0, 0, 2]
"""

from __future__ import annotations

from .batch import DedupConfig, dedupe
from .index import DedupResult
from .minhash import MinHashParams, Signature, lsh_params
from .streaming import Deduplicator

__all__ = ["DedupConfig", "DedupResult", "Deduplicator", "MinHashParams", "Signature", "dedupe", "lsh_params"]
