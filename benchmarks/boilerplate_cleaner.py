"""Cleaners in the shape the boilerplate scorer expects: ``FUNCTION(docs: list[dict]) -> list[str]``.

    cd ../shared/data/boilerplate
    PYTHONPATH=/path/to/newsclean/benchmarks python score.py --data dev.jsonl \\
        --cleaner boilerplate_cleaner:within --cleaner boilerplate_cleaner:mined --types
    PYTHONPATH=/path/to/newsclean/benchmarks python score.py --data wild-dev.jsonl --data wild2-dev.jsonl \\
        --cleaner boilerplate_cleaner:within --cleaner boilerplate_cleaner:pool_mined --types

``within`` uses each document alone (its title and text); ``mined`` first fits a
:class:`newsclean.BoilerplateMiner` on the whole split, then applies it with every group's templates. When the
miner is not available (``NotImplementedError``) ``mined`` falls back to ``within``.

``pool_mined`` is the protocol for the real sets: it fits ``BoilerplateMiner(group_field="publisher")`` on the
split plus the publisher pool the split comes from (``pool-2020-dev`` or ``pool-2026-dev``, the one sharing the
most texts and publishers with the split), leaving out pool articles whose text equals a split article's, and
returns ``strip_boilerplate(text, title=, model=, group=)`` of each split article.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import newsclean as nc

DATA = Path(
    os.environ.get("NEWSCLEAN_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)
POOLS = ("pool-2020-dev.jsonl.gz", "pool-2026-dev.jsonl.gz")


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


def read_pool(name: str) -> list[dict[str, Any]]:
    """The articles of one publisher pool of ``../shared/data/boilerplate``."""
    with gzip.open(DATA / "boilerplate" / name, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def pool_for(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pool the split comes from: the one holding most of its texts, then most of its publishers."""
    texts = {d["text"] for d in docs}
    publishers = {d["publisher"] for d in docs}
    best: tuple[tuple[int, int], list[dict[str, Any]]] | None = None
    for name in POOLS:
        rows = read_pool(name)
        score = (sum(r["text"] in texts for r in rows), len(publishers & {r["publisher"] for r in rows}))
        if best is None or score > best[0]:
            best = (score, rows)
    assert best is not None
    return best[1]


def fit_with_pool(
    docs: list[dict[str, Any]], pool: Iterable[dict[str, Any]] | None = None, *, leave_out: str | None = None
) -> nc.BoilerplateModel:
    """Fit on the split plus its pool (pool copies of split articles left out; ``leave_out`` drops one
    publisher's pool articles, for a leave-one-publisher-out run)."""
    texts = {d["text"] for d in docs}
    rows = pool_for(docs) if pool is None else list(pool)
    extra = [r for r in rows if r["text"] not in texts and r["publisher"] != leave_out]
    return nc.BoilerplateMiner(group_field="publisher").fit([*docs, *extra])


def pool_mined(docs: list[dict[str, Any]]) -> list[str]:
    """The protocol of the real sets: mined on the split plus its pool, each article with its publisher's
    templates."""
    model = fit_with_pool(docs)
    return [
        nc.strip_boilerplate(d["text"], title=d.get("title") or None, model=model, group=d.get("publisher"))
        for d in docs
    ]
