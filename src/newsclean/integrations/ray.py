"""Ray Data adapter: mining a boilerplate model as one fit per block and a tree merge of the partial models
(:func:`mine_dataset`); cleaning as ``map_batches``; near-duplicate dedup as signatures → band keys → union-find.

Install with ``pip install 'newsclean[ray]'``. Nothing here is a scheduler of its own: every phase is a
Ray Data operation over the engine-neutral functions of :mod:`newsclean.dedup.stages`, so the result of
:func:`dedupe_dataset` equals :func:`newsclean.dedupe` on the same texts in the same order:

1. ``map_batches``: features per document (token and line hashes, stored once as binary columns), and
   each document's distinct short lines;
2. ``groupby(line).count()``: template lines (short lines found in ``boilerplate_min_docs`` documents);
   ``map_batches``: their shingles (a small set, broadcast);
3. ``map_batches``: shingle sets, MinHash signatures and LSH band keys per document;
4. driver: exact-duplicate groups from the per-document key hashes (8 bytes per document);
5. ``groupby(band, key).map_groups``: candidate pairs inside each bucket; driver: exact Jaccard of the
   candidates (only the sets of documents in a pair are fetched) and union-find;
6. ``groupby(cluster, line)`` then ``groupby(line)``: template lines counted once per first-pass cluster;
   when they differ, phases 2-5 run again with them;
7. driver: the order-independent keep rule and the duplicate scores.

>>> from newsclean.integrations.ray import CleanBatch
>>> import newsclean as nc
>>> fn = CleanBatch(nc.make_pipeline(nc.Normalize()))
>>> fn.pipeline.name
'pipeline(normalize)'
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..dedup import DedupResult
from ..dedup import stages as st
from ..dedup.features import BatchFeatures, featurize
from ..dedup.index import build_result
from ..dedup.minhash import I64, U32, U64
from ..dedup.stages import DedupConfig
from ..pipeline import Pipeline
from . import require
from ._ray_mine import mine_dataset

__all__ = ["CleanBatch", "clean_dataset", "dedupe_dataset", "mine_dataset"]

IDX = "__newsclean_row"


@dataclass(frozen=True)
class CleanBatch:
    """A picklable ``map_batches`` function: runs :meth:`Pipeline.batch` on a ``pyarrow`` batch.

    Every input column is kept; see :meth:`newsclean.Pipeline.batch` for the added columns.

    >>> import pyarrow as pa
    >>> import newsclean as nc
    >>> out = CleanBatch(nc.make_pipeline(nc.Normalize()))(pa.table({"text": ["राम|"], "n": [1]}))
    >>> out.column("text").to_pylist(), out.column("n").to_pylist()
    (['राम।'], [1])
    """

    pipeline: Pipeline
    options: dict[str, Any] = field(default_factory=dict)

    def __call__(self, batch: Any) -> Any:
        """Clean one batch (a ``pyarrow.Table``) and return a new table."""
        pa = require("pyarrow", "newsclean[ray]")
        return pa.Table.from_pydict(self.pipeline.batch(batch.to_pydict(), **self.options))


def clean_dataset(ds: Any, pipeline: Pipeline, *, batch_size: int = 256, **options: Any) -> Any:
    """Clean a Ray ``Dataset`` with ``map_batches`` (lazy, like every Ray Data transform).

    Args:
        ds: A ``ray.data.Dataset`` with a text column.
        pipeline: The steps to run.
        batch_size: Rows per batch.
        **options: Passed to :meth:`newsclean.Pipeline.batch` (``text_field``, ``title_field``,
            ``output_field``, ``sentences_field``, ``edits_field``...).

    Returns:
        The transformed dataset.

    Raises:
        ImportError: Ray Data is not installed.

    >>> clean_dataset.__name__
    'clean_dataset'
    """
    require("ray.data", "newsclean[ray]")
    return ds.map_batches(CleanBatch(pipeline, dict(options)), batch_format="pyarrow", batch_size=batch_size)


# --- dedup phases (module-level functions: Ray pickles them to the workers) -------------------------------
def _split(values: npt.NDArray[Any], counts: npt.NDArray[np.int64]) -> list[bytes]:
    ends = np.cumsum(counts)
    return [values[e - c : e].tobytes() for e, c in zip(ends.tolist(), counts.tolist(), strict=True)]


def _featurize(batch: dict[str, Any], *, text_field: str, seed: int, max_tokens: int) -> dict[str, Any]:
    """Per-document features as binary columns (so later phases never re-tokenise)."""
    texts = [str(t) for t in batch[text_field]]
    feats = featurize(texts, seed)
    return {
        IDX: np.asarray(batch[IDX], dtype=np.int64),
        "tokens": np.array(_split(feats.tokens, feats.doc_tokens()), dtype=object),
        "line_len": np.array(_split(feats.line_len, feats.doc_lines), dtype=object),
        "line_hash": np.array(_split(feats.line_hash, feats.doc_lines), dtype=object),
        "key_hash": feats.key_hash,
        "length": feats.length,
        "text": np.array(texts, dtype=object),
    }


def _features_of(batch: dict[str, Any]) -> BatchFeatures:
    def cat(name: str, dtype: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = np.frombuffer(b"".join(batch[name]), dtype=dtype).copy()
        return out

    line_len = cat("line_len", np.int64)
    return BatchFeatures(
        tokens=cat("tokens", np.uint32),
        line_len=line_len,
        line_hash=cat("line_hash", np.uint64),
        doc_lines=np.array([len(b) // 8 for b in batch["line_len"]], dtype=np.int64),
        key_hash=np.asarray(batch["key_hash"], dtype=np.uint64),
        length=np.asarray(batch["length"], dtype=np.int64),
    )


def _line_rows(batch: dict[str, Any], *, max_tokens: int) -> dict[str, Any]:
    docs, hashes = st.doc_line_rows(_features_of(batch), max_tokens)
    return {"doc": np.asarray(batch[IDX], dtype=np.int64)[docs], "h": hashes}


def _labelled(batch: dict[str, Any], *, labels: Any) -> dict[str, Any]:
    return {"g": labels[np.asarray(batch["doc"], dtype=np.int64)], "h": batch["h"]}


def _frequent(batch: dict[str, Any], *, min_docs: int) -> dict[str, Any]:
    return {"h": batch["h"][batch["count()"] >= min_docs]}


def _template(batch: dict[str, Any], *, cfg: DedupConfig, boiler: Any) -> dict[str, Any]:
    values = st.template_shingles(
        _features_of(batch), boiler, cfg.params(), max_tokens=cfg.boilerplate_max_tokens
    )
    return {"t": values}


def _signatures(batch: dict[str, Any], *, cfg: DedupConfig, boiler: Any, template: Any) -> dict[str, Any]:
    params = cfg.params()
    bands, rows = cfg.bands_rows()
    feats = _features_of(batch)
    sets, offsets = st.shingle_sets(
        feats, boiler, params, max_tokens=cfg.boilerplate_max_tokens, template=template
    )
    keys = st.band_keys(st.signatures(sets, offsets, params), bands, rows, params.seed)
    return {
        IDX: np.asarray(batch[IDX], dtype=np.int64),
        "key_hash": feats.key_hash,
        "n_shingles": np.diff(offsets),
        "sets": np.array(_split(sets, np.diff(offsets)), dtype=object),
        "keys": np.array([keys[i].tobytes() for i in range(feats.n_docs)], dtype=object),
    }


def _band_rows(batch: dict[str, Any], *, bands: int, valid: Any) -> dict[str, Any]:
    idx = np.asarray(batch[IDX], dtype=np.int64)
    keep = valid[idx]
    keys = np.frombuffer(b"".join(batch["keys"]), dtype=np.uint64).reshape(-1, bands)[keep]
    m = int(keep.sum())
    return {
        "band": np.tile(np.arange(bands, dtype=np.int64), m),
        "key": keys.reshape(-1),
        IDX: np.repeat(idx[keep], bands),
        "rank": np.repeat(np.asarray(batch["key_hash"], dtype=np.uint64)[keep], bands),
    }


def _bucket_pairs(group: dict[str, Any], *, window: int) -> dict[str, Any]:
    """Pairs inside one (band, key) bucket, exactly as :func:`stages.candidate_pairs` forms them."""
    idx = np.asarray(group[IDX], dtype=np.int64)
    if idx.shape[0] < 2:
        return {"a": np.zeros(0, dtype=np.int64), "b": np.zeros(0, dtype=np.int64)}
    sid = idx[np.lexsort((idx, np.asarray(group["rank"], dtype=np.uint64)))]
    a_parts, b_parts = [], []
    for d in range(1, min(window, sid.shape[0] - 1) + 1):
        a_parts.append(np.minimum(sid[:-d], sid[d:]))
        b_parts.append(np.maximum(sid[:-d], sid[d:]))
    return {"a": np.concatenate(a_parts), "b": np.concatenate(b_parts)}


def _involved(batch: dict[str, Any], *, wanted: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    idx = np.asarray(batch[IDX], dtype=np.int64)
    keep = wanted[idx]
    return {IDX: idx[keep], **{c: batch[c][keep] for c in columns}}


class _SparseTexts(Sequence[str]):
    """The texts :func:`build_result` may read (members of non-singleton clusters); others read as ''."""

    def __init__(self, n: int, texts: dict[int, str]) -> None:
        self._n = n
        self._texts = texts

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: Any) -> Any:
        return self._texts.get(int(i), "")

    def __iter__(self) -> Iterator[str]:
        return (self._texts.get(i, "") for i in range(self._n))


def _columns(ds: Any, names: Sequence[str]) -> dict[str, npt.NDArray[Any]]:
    parts: dict[str, list[Any]] = {n: [] for n in names}
    for batch in ds.select_columns(list(names)).iter_batches(batch_format="numpy", batch_size=65536):
        for n in names:
            parts[n].append(batch[n])
    return {n: (np.concatenate(p) if p else np.zeros(0)) for n, p in parts.items()}


def _num_rows(table: Any) -> int:
    return int(table.num_rows)


def _add_index(table: Any, offset: int) -> Any:
    pa = require("pyarrow", "newsclean[ray]")
    return table.append_column(IDX, pa.array(np.arange(offset, offset + table.num_rows, dtype=np.int64)))


def _with_row_index(ds: Any, ray_data: Any, text_field: str, index_field: str | None) -> tuple[Any, int]:
    """Number the rows in dataset order: block by block, with each block's offset (no ``Dataset.zip``)."""
    if index_field is not None:
        cols = ds.select_columns([text_field, index_field]).rename_columns({index_field: IDX})
        return cols, cols.count()
    ray = require("ray", "newsclean[ray]")
    refs = ds.select_columns([text_field]).to_arrow_refs()  # blocks in dataset order (preserve_order is on)
    sizes = ray.get([ray.remote(_num_rows).remote(r) for r in refs])
    offsets = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
    indexed = [ray.remote(_add_index).remote(r, int(off)) for r, off in zip(refs, offsets[:-1], strict=True)]
    return ray_data.from_arrow_refs(indexed), int(offsets[-1])


def dedupe_dataset(
    ds: Any,
    *,
    text_field: str = "text",
    window: int = 32,
    num_partitions: int | None = None,
    index_field: str | None = None,
    **options: Any,
) -> DedupResult:
    """Near-duplicate dedup of a Ray ``Dataset``; the result equals :func:`newsclean.dedupe` on its texts.

    Row ``i`` of the dataset (in its order) is input index ``i`` of the result.

    Args:
        ds: A ``ray.data.Dataset`` with a string column ``text_field``.
        text_field: The text column.
        window: Pairs per member in oversized buckets (as in :func:`newsclean.dedup.stages.candidate_pairs`).
        num_partitions: Shuffle partitions of the ``groupby`` phases (None: Ray's default).
        index_field: A column holding each row's position ``0..n-1`` (the result's indices); None numbers
            the rows in dataset order.
        **options: The options of :func:`newsclean.dedupe` (``threshold``, ``containment``, ``num_perm``,
            ``shingle``, ``seed``, ``lsh_threshold``, ``boilerplate_min_docs``, ``boilerplate_max_tokens``;
            ``batch_size`` is the rows per ``map_batches`` batch, and any value gives the same result).

    Returns:
        A :class:`newsclean.DedupResult` over row positions.

    Raises:
        ImportError: Ray Data is not installed.
        TypeError: An unknown option.
        ConfigError: An option is out of range.

    >>> dedupe_dataset(None, treshold=0.5)
    Traceback (most recent call last):
    ...
    TypeError: dedupe_dataset() got an unexpected keyword argument 'treshold'
    """
    cfg = DedupConfig.from_options("dedupe_dataset", options)
    rd = require("ray.data", "newsclean[ray]")
    # Row numbering reads the blocks in dataset order, so order must be preserved where ``ds`` executes: a
    # Dataset runs with the context it was created with (a copy taken at creation), not the current one, so
    # setting only ``DataContext.get_current()`` left the numbering to scheduling (rows swapped at random).
    contexts = [ds.context, rd.DataContext.get_current()]
    saved = [c.execution_options.preserve_order for c in contexts]
    for c in contexts:
        c.execution_options.preserve_order = True
    try:
        return _Run(rd, cfg, window, num_partitions).dedupe(ds, text_field, index_field)
    finally:
        for c, keep in reversed(list(zip(contexts, saved, strict=True))):
            c.execution_options.preserve_order = keep


@dataclass
class _Run:
    """One distributed dedup run: the phases of :mod:`newsclean.dedup.stages` as Ray Data operations."""

    rd: Any
    cfg: DedupConfig
    window: int
    num_partitions: int | None

    def _groupby(self, ds: Any, key: Any) -> Any:
        extra = {} if self.num_partitions is None else {"num_partitions": self.num_partitions}
        return ds.groupby(key, **extra)

    def _map(self, ds: Any, fn: Any, **kwargs: Any) -> Any:
        return ds.map_batches(fn, fn_kwargs=kwargs, batch_format="numpy", batch_size=self.cfg.batch_size)

    def frequent_lines(self, rows: Any, labels: Any = None) -> U64:
        """Template lines: short lines in ``boilerplate_min_docs`` documents (or first-pass clusters)."""
        if labels is None:
            counts = self._groupby(rows, "h").count()
        else:
            per_group = self._groupby(self._map(rows, _labelled, labels=labels), ["g", "h"]).count()
            counts = self._groupby(per_group.select_columns(["h"]), "h").count()
        frequent = self._map(counts, _frequent, min_docs=self.cfg.boilerplate_min_docs)
        out: U64 = np.unique(_columns(frequent, ["h"])["h"].astype(np.uint64))
        return out

    def cluster_pass(self, feats: Any, boiler: U64, n: int) -> tuple[Any, Any, Any]:
        """Phases 2-5 with the given template lines: ``(labels, pairs, per-document dataset)``."""
        cfg = self.cfg
        template = np.unique(_columns(self._map(feats, _template, cfg=cfg, boiler=boiler), ["t"])["t"])
        template = template.astype(np.uint32)
        docs = self._map(feats, _signatures, cfg=cfg, boiler=boiler, template=template).materialize()
        small = _columns(docs, [IDX, "key_hash", "n_shingles"])
        order = np.argsort(small[IDX], kind="stable")
        key_hash = small["key_hash"][order].astype(np.uint64)
        valid = st.exact_groups(key_hash)[1] & (small["n_shingles"][order] > 0)
        bands, _rows = cfg.bands_rows()
        buckets = self._map(docs, _band_rows, bands=bands, valid=valid)
        pair_ds = self._groupby(buckets, ["band", "key"]).map_groups(
            _bucket_pairs, fn_kwargs={"window": self.window}, batch_format="numpy"
        )
        cols = _columns(pair_ds, ["a", "b"])
        pairs = np.stack([cols["a"].astype(np.int64), cols["b"].astype(np.int64)], axis=1).reshape(-1, 2)
        pairs = np.unique(pairs, axis=0) if pairs.size else np.zeros((0, 2), dtype=np.int64)
        sets, offsets = self.fetch_sets(docs, np.unique(pairs), n)
        return st.merge_labels(sets, offsets, pairs, key_hash, cfg), key_hash, docs

    def fetch_sets(self, docs: Any, wanted_ids: Any, n: int) -> tuple[U32, I64]:
        """CSR shingle sets over all ``n`` documents, filled only for ``wanted_ids`` (the rest empty)."""
        wanted = np.zeros(n, dtype=bool)
        wanted[np.asarray(wanted_ids, dtype=np.int64)] = True
        got = _columns(self._map(docs, _involved, wanted=wanted, columns=("sets",)), [IDX, "sets"])
        lens = np.zeros(n, dtype=np.int64)
        chunks: dict[int, bytes] = {}
        for i, raw in zip(got[IDX].astype(np.int64).tolist(), got["sets"], strict=True):
            chunks[i] = raw
            lens[i] = len(raw) // 4
        offsets = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        sets = np.frombuffer(b"".join(chunks[i] for i in sorted(chunks)), dtype=np.uint32).copy()
        return sets, offsets

    def dedupe(self, ds: Any, text_field: str, index_field: str | None) -> DedupResult:
        """Run every phase and return the result over row positions."""
        indexed, n = _with_row_index(ds, self.rd, text_field, index_field)
        if n == 0:
            return DedupResult([], [], {})
        cfg = self.cfg
        feats = self._map(
            indexed, _featurize, text_field=text_field, seed=cfg.seed, max_tokens=cfg.boilerplate_max_tokens
        ).materialize()
        rows = self._map(feats, _line_rows, max_tokens=cfg.boilerplate_max_tokens).materialize()
        boiler = self.frequent_lines(rows)
        labels, key_hash, docs = self.cluster_pass(feats, boiler, n)
        refined = self.frequent_lines(rows, labels)
        if not np.array_equal(refined, boiler):
            labels, key_hash, docs = self.cluster_pass(feats, refined, n)
        # keep rule and scores: only members of non-singleton clusters are read
        sizes = np.bincount(labels, minlength=n)
        members = np.flatnonzero(sizes[labels] > 1)
        sets, offsets = self.fetch_sets(docs, members, n)
        wanted = np.zeros(n, dtype=bool)
        wanted[members] = True
        extra = _columns(self._map(feats, _involved, wanted=wanted, columns=("text",)), [IDX, "text"])
        texts = {int(i): str(t) for i, t in zip(extra[IDX], extra["text"], strict=True)}
        small = _columns(feats, [IDX, "length"])
        length = small["length"][np.argsort(small[IDX], kind="stable")].astype(np.int64)
        return build_result(_SparseTexts(n, texts), labels, key_hash, length, sets, offsets)
