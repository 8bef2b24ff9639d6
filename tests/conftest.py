"""Shared pytest configuration: hypothesis profiles (no deadlines anywhere) and data paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# ../shared/data (or $NEWSCLEAN_SHARED_DATA) is optional for a user: tests that read it skip when it is
# absent. CI runs with it beside the clone, so there its absence is a failure, never a silent skip.
SHARED_DATA = Path(os.environ.get("NEWSCLEAN_SHARED_DATA") or ROOT.parent / "shared" / "data")


def require_shared_data() -> Path:
    """The development data sets: skip when they are absent, fail when they are absent under ``CI``."""
    if not SHARED_DATA.is_dir():
        reason = f"the development data ({SHARED_DATA}) is not present"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI runs with ../shared beside the clone (or NEWSCLEAN_SHARED_DATA set)")
        pytest.skip(reason)
    return SHARED_DATA


@pytest.fixture
def shared_data() -> Path:
    """The optional development data sets (see :func:`require_shared_data`)."""
    return require_shared_data()
