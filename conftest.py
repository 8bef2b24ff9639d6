"""Root pytest configuration: doctests of optional integrations skip without their extra.

Importing the package first keeps ``newsclean.normalize`` bound to the function even when pytest is pointed at
``src/newsclean/normalize.py`` directly (importing a submodule by path would otherwise rebind the attribute).
"""

import importlib.util
import re

import pytest
from _pytest.doctest import DoctestItem

import newsclean  # noqa: F401

# Optional integrations (their extras) and the doctests that need them. Without the extra, such a doctest is
# skipped with a reason, so the README's `pip install -e '.[test]' && python -m pytest` passes as written.
OPTIONAL_MODULES = ("pyarrow", "ray", "datasets")
NEEDS = {"newsclean.io.parquet": "pyarrow"}  # modules whose examples use the module without importing it


def _missing(module: str) -> bool:
    return importlib.util.find_spec(module) is None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip doctests that import an optional module that is not installed."""
    for item in items:
        if not isinstance(item, DoctestItem) or item.dtest is None:
            continue
        source = "\n".join(example.source for example in item.dtest.examples)
        needed = {
            m for m in OPTIONAL_MODULES if re.search(rf"^\s*(?:import|from)\s+{m}\b", source, re.MULTILINE)
        }
        needed |= {m for prefix, m in NEEDS.items() if item.dtest.name.startswith(prefix + ".")}
        missing = sorted(m for m in needed if _missing(m))
        if missing:
            item.add_marker(pytest.mark.skip(reason=f"needs {', '.join(missing)} (an optional extra)"))
