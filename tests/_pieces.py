"""Skip helper for tests that need a job whose module is still a placeholder (raises NotImplementedError)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsclean as nc


def _probe(fn: Callable[[], object]) -> bool:
    try:
        fn()
    except NotImplementedError:
        return False
    return True


_PROBES: dict[str, Callable[[], object]] = {
    "normalize": lambda: nc.normalize("राम|"),
    "split": lambda: nc.split_sentences("राम आया। सीता आई।"),
    "boilerplate": lambda: nc.strip_boilerplate("राम आया।", title="राम"),
    "mine": lambda: nc.BoilerplateMiner().fit([{"text": "राम आया।", "publisher": "p"}]),
    "dedup": lambda: nc.dedupe(["राम आया।", "सीता आई।"]),
}


def available(*pieces: str) -> bool:
    """True when every named piece is implemented."""
    return all(_probe(_PROBES[p]) for p in pieces)


def needs(*pieces: str) -> pytest.MarkDecorator:
    """Skip while one of ``pieces`` is still a placeholder."""
    return pytest.mark.skipif(not available(*pieces), reason=f"placeholder: {', '.join(pieces)}")
