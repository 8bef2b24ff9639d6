"""Cleaners in the shape the boilerplate scorer expects: ``FUNCTION(docs: list[dict]) -> list[str]``.

    cd ../shared/data/boilerplate
    PYTHONPATH=/path/to/newsclean/benchmarks python score.py --data dev.jsonl \\
        --cleaner boilerplate_cleaner:within --cleaner boilerplate_cleaner:mined --types

``within`` uses each document alone (its title and text); ``mined`` first fits a
:class:`newsclean.BoilerplateMiner` on the whole split, then applies it with every group's templates. When the
miner is not available (``NotImplementedError``) ``mined`` falls back to ``within``.
"""

from __future__ import annotations

from typing import Any

import newsclean as nc


def within(docs: list[dict[str, Any]]) -> list[str]:
    """Within-document cleaning only."""
    return [nc.strip_boilerplate(d["text"], title=d.get("title") or None) for d in docs]


def fit_model(docs: list[dict[str, Any]]) -> Any:
    """Fit the corpus miner on ``docs``; ``None`` when the miner is not available."""
    try:
        return nc.BoilerplateMiner(group_field="publisher").fit(docs)
    except NotImplementedError:
        return None


def mined(docs: list[dict[str, Any]]) -> list[str]:
    """Within-document cleaning plus the templates mined from the split itself (``group=None``)."""
    model = fit_model(docs)
    if model is None:
        return within(docs)
    return [nc.strip_boilerplate(d["text"], title=d.get("title") or None, model=model) for d in docs]


def mined_by_group(docs: list[dict[str, Any]]) -> list[str]:
    """Like :func:`mined`, applying only each document's own publisher templates."""
    model = fit_model(docs)
    if model is None:
        return within(docs)
    return [
        nc.strip_boilerplate(d["text"], title=d.get("title") or None, model=model, group=d.get("publisher"))
        for d in docs
    ]
