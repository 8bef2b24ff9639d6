"""Mining a boilerplate model on a Ray ``Dataset`` (see :func:`newsclean.integrations.ray.mine_dataset`).

Each block of the dataset is fitted in a Ray task (a partial model with its counts), and the partial models
are merged pairwise in further tasks as they come in, so the partial counts travel between workers through
the object store and only the final model (without its counts unless asked) reaches the driver. Counting is
per document and merging is associative and commutative (:meth:`BoilerplateModel.merge`), so the result
equals :meth:`BoilerplateMiner.fit` on all the rows, whatever the blocks, the order the tasks finish in and
the shape of the merge tree.
"""

from __future__ import annotations

import os
from typing import Any

from ..boilerplate.corpus import BoilerplateMiner, BoilerplateModel
from . import require

__all__ = ["mine_dataset"]


def _fit_block(
    block: Any, options: dict[str, Any], text_field: str, title_field: str | None, group_field: str | None
) -> tuple[BoilerplateModel, int]:
    """A model (with counts) of the rows of one block, and the id of the process that fitted it."""
    n = block.num_rows
    if not n:  # an empty block may have no columns at all
        return BoilerplateMiner(group_field=group_field, **options).fit([]), os.getpid()
    columns = block.to_pydict()
    texts = columns[text_field]
    titles = columns.get(title_field) if title_field else None
    groups = columns.get(group_field) if group_field else None
    docs = [
        {
            "text": texts[i],
            "title": None if titles is None else titles[i],
            **({} if group_field is None or groups is None else {group_field: groups[i]}),
        }
        for i in range(n)
    ]
    return BoilerplateMiner(group_field=group_field, **options).fit(docs), os.getpid()


def _merge(first: BoilerplateModel, *rest: BoilerplateModel) -> BoilerplateModel:
    return first.merge(*rest)


def _finish(model: BoilerplateModel, counts: bool) -> BoilerplateModel:
    return model if counts else model.compact()


def mine_dataset(
    ds: Any,
    *,
    text_field: str = "text",
    title_field: str | None = "title",
    group_field: str | None = "publisher",
    counts: bool = False,
    stats: dict[str, Any] | None = None,
    **options: Any,
) -> BoilerplateModel:
    """Fit a :class:`~newsclean.BoilerplateModel` on a Ray ``Dataset``: one fit per block, then a tree merge.

    Args:
        ds: A ``ray.data.Dataset`` with a text column (and optionally title and group columns).
        text_field: The text column.
        title_field: The headline column (``None``: no headlines; a missing column is ignored).
        group_field: The publisher column (``None``: one group).
        counts: Keep the counts in the returned model (to merge or update it later).
        stats: A dict to fill with ``blocks``, ``merges`` and ``fit_pids`` (the processes that fitted the
            blocks).
        **options: The options of :class:`~newsclean.BoilerplateMiner` (``min_docs``, ``ngram``, ...).

    Returns:
        The model; equal to ``BoilerplateMiner(group_field=group_field, **options).fit(rows)`` on the rows of
        ``ds`` (compacted unless ``counts``), as long as no block pruned its tables.

    Raises:
        ImportError: Ray is not installed.
        ConfigError: An option is out of range.

    >>> mine_dataset(None, min_docs=1)
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: BoilerplateMiner() argument 'min_docs' = 1 is invalid; must be >= 2
    """
    miner = BoilerplateMiner(group_field=group_field, **options)  # checks the options before any work
    params = miner.params.to_dict()
    opts = {k: params[k] for k in ("min_docs", "min_fraction", "ngram", "min_span_docs", "max_candidates")}
    ray = require("ray", "newsclean[ray]")
    names = set(ds.columns())
    title = title_field if title_field in names else None
    group = group_field if group_field in names else None
    wanted = [c for c in (text_field, title, group) if c is not None]
    refs = ds.select_columns(wanted).to_arrow_refs()
    fit = ray.remote(num_returns=2)(_fit_block)  # the partial model and a pid: the driver reads only the pid
    merge = ray.remote(_merge)
    pending: list[Any] = []
    pids: list[Any] = []
    for ref in refs:
        model_ref, pid_ref = fit.remote(ref, opts, text_field, title, group)
        pending.append(model_ref)
        pids.append(pid_ref)
    merges = 0
    ready: list[Any] = []
    while pending or len(ready) > 1:
        if pending:
            done, pending = ray.wait(pending, num_returns=1)
            ready += done
        while len(ready) >= 2:  # merge as results come in: few partial counts wait in the object store
            a, b = ready.pop(), ready.pop()
            pending.append(merge.remote(a, b))
            merges += 1
    if stats is not None:
        stats.update(blocks=len(refs), merges=merges, fit_pids=sorted(set(ray.get(pids))))
    if not ready:
        model = miner.fit([])
        return model if counts else model.compact()
    result: BoilerplateModel = ray.get(ray.remote(_finish).remote(ready[0], counts))
    return result
