"""Hugging Face ``datasets`` helper: run a :class:`~newsclean.Pipeline` with ``Dataset.map`` (batched).

A pipeline is a frozen, picklable value, so ``num_proc=N`` works as it is; this helper only fixes the
arguments. Install with ``pip install 'newsclean[datasets]'``.

>>> import newsclean as nc
>>> from newsclean.integrations.hf import map_kwargs
>>> sorted(map_kwargs(nc.make_pipeline(nc.Normalize()), num_proc=2))
['batch_size', 'batched', 'desc', 'fn_kwargs', 'function', 'num_proc']
"""

from __future__ import annotations

from typing import Any

from ..pipeline import Pipeline
from . import require

__all__ = ["clean_dataset", "map_kwargs"]


def map_kwargs(
    pipeline: Pipeline, *, num_proc: int | None = None, batch_size: int = 256, **options: Any
) -> dict[str, Any]:
    """The keyword arguments for ``Dataset.map`` that run ``pipeline`` batched.

    Args:
        pipeline: The steps to run.
        num_proc: Worker processes (None: the calling process).
        batch_size: Rows per batch.
        **options: Passed to :meth:`newsclean.Pipeline.batch` (``text_field``, ``output_field``,
            ``sentences_field``, ``edits_field``...).

    Returns:
        A dict to splat into ``dataset.map(**kwargs)``.

    >>> import newsclean as nc
    >>> map_kwargs(nc.make_pipeline(nc.Normalize()), output_field="cleaned")["fn_kwargs"]
    {'output_field': 'cleaned'}
    """
    return {
        "function": pipeline.batch,
        "batched": True,
        "batch_size": batch_size,
        "num_proc": num_proc,
        "fn_kwargs": dict(options),
        "desc": f"newsclean {pipeline.name}",
    }


def clean_dataset(
    ds: Any, pipeline: Pipeline, *, num_proc: int | None = None, batch_size: int = 256, **options: Any
) -> Any:
    """Clean a ``datasets.Dataset`` with ``ds.map(pipeline.batch, batched=True, ...)``.

    Args:
        ds: A ``datasets.Dataset`` with a text column.
        pipeline: The steps to run.
        num_proc: Worker processes.
        batch_size: Rows per batch.
        **options: Passed to :meth:`newsclean.Pipeline.batch`.

    Returns:
        The new dataset (every input column kept, cleaned text and sentences added).

    Raises:
        ImportError: ``datasets`` is not installed.

    >>> clean_dataset.__name__
    'clean_dataset'
    """
    require("datasets", "newsclean[datasets]")
    return ds.map(**map_kwargs(pipeline, num_proc=num_proc, batch_size=batch_size, **options))
