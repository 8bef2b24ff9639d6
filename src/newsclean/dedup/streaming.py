"""Placeholder for the streaming index (next increment)."""

from __future__ import annotations

__all__ = ["Deduplicator"]


class Deduplicator:
    """Streaming incremental index (being built)."""
