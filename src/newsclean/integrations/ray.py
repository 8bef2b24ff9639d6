"""Ray Data adapter: mining a boilerplate model as one fit per block and a tree merge of the partial models
(:func:`mine_dataset`); cleaning as ``map_batches``; near-duplicate dedup as signatures → band keys → union-find.

Install with ``pip install 'newsclean[ray]'``. Nothing here is a scheduler of its own: every phase is a
Ray Data operation over the engine-neutral functions of :mod:`newsclean.dedup.stages`, so the result of
:func:`dedupe_dataset` equals :func:`newsclean.dedupe` on the same texts in the same order:

1. ``map_batches``: :func:`~newsclean.dedup.stages.scan` per batch: each document's shingle set, story keys,
   key hash and length, and its short lines (stored as binary columns);
2. ``groupby(story, line).count()`` then ``groupby(line).count()`` per story-key slot: template lines;
   ``groupby(line).map_groups``: one occurrence of each, chosen by content; driver: their texts are
   re-read and their shingle values computed (a small sorted array, broadcast);
3. ``map_batches``: template values removed from the sets, MinHash signatures, LSH band keys and slot
   fingerprints per document;
4. driver: exact-duplicate groups from the per-document key hashes (8 bytes per document);
5. ``groupby(band, key).map_groups``: candidate pairs inside each bucket; driver: the signature prefilter
   and the exact Jaccard of the survivors (only the fingerprints and sets of documents in a pair are
   fetched), then union-find;
6. driver: the order-independent keep rule and the duplicate scores.

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
from ..dedup.arrays import ValueSet, sorted_unique
from ..dedup.features import featurize
from ..dedup.index import build_result
from ..dedup.minhash import I64, U32, U64
from ..dedup.shingles import STORY_SLOTS
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


def _cat(column: Any, dtype: Any) -> npt.NDArray[Any]:
    out: npt.NDArray[Any] = np.frombuffer(b"".join(column), dtype=dtype).copy()
    return out


def _scan(batch: dict[str, Any], *, text_field: str, cfg: DedupConfig) -> dict[str, Any]:
    """:func:`stages.scan` of one batch, as one row per document (variable-length parts as binary)."""
    texts = [str(t) for t in batch[text_field]]
    part = st.scan(texts, cfg.params(), cfg.boilerplate_max_tokens)
    doc_lines = part.doc_lines.astype(np.int64)
    doc_of_line = np.repeat(np.arange(part.n_docs), doc_lines)
    tokens_per_doc = np.bincount(doc_of_line, weights=part.line_len, minlength=part.n_docs).astype(np.int64)
    rows_per_doc = np.bincount(part.row_doc, minlength=part.n_docs).astype(np.int64)
    out: dict[str, Any] = {
        IDX: np.asarray(batch[IDX], dtype=np.int64),
        "tokens": np.array(_split(part.tokens, tokens_per_doc), dtype=object),
        "line_len": np.array(_split(part.line_len, doc_lines), dtype=object),
        "key_hash": part.key_hash,
        "length": part.length,
        "row_hash": np.array(_split(part.row_hash, rows_per_doc), dtype=object),
        "row_line": np.array(_split(part.row_line, rows_per_doc), dtype=object),
        "text": np.array(texts, dtype=object),
    }
    for j in range(STORY_SLOTS):
        out[f"s{j}"] = part.stories[:, j]
    return out


def _rows(batch: dict[str, Any]) -> dict[str, Any]:
    """One row per (document, short line): the input of the template count."""
    counts = np.array([len(b) // 8 for b in batch["row_hash"]], dtype=np.int64)
    out: dict[str, Any] = {
        "doc": np.repeat(np.asarray(batch[IDX], dtype=np.int64), counts),
        "h": _cat(batch["row_hash"], np.uint64),
        "line": _cat(batch["row_line"], np.int32).astype(np.int64),
        "rank": np.repeat(np.asarray(batch["key_hash"], dtype=np.uint64), counts),
    }
    for j in range(STORY_SLOTS):
        out[f"s{j}"] = np.repeat(np.asarray(batch[f"s{j}"], dtype=np.uint32), counts)
    return out


def _frequent(batch: dict[str, Any], *, min_docs: int) -> dict[str, Any]:
    return {"h": batch["h"][batch["count()"] >= min_docs]}


def _in_template(batch: dict[str, Any], *, template: Any) -> dict[str, Any]:
    keep = np.isin(np.asarray(batch["h"], dtype=np.uint64), template)
    return {c: np.asarray(batch[c])[keep] for c in ("doc", "h", "line", "rank")}


def _first_occurrence(group: dict[str, Any]) -> dict[str, Any]:
    """The occurrence :func:`stages.representatives` chooses: smallest rank, then line, then document."""
    order = np.lexsort((group["doc"], group["line"], group["rank"]))
    return {c: np.asarray(group[c])[order[:1]] for c in ("doc", "line")}


def _signatures(batch: dict[str, Any], *, cfg: DedupConfig, lines: Any, template: Any) -> dict[str, Any]:
    """The documents' sets (template lines left out, template values dropped), signatures, band keys and
    slot fingerprints, as :func:`newsclean.dedupe` makes them."""
    params = cfg.params()
    bands, rows = cfg.bands_rows()
    doc_lines = np.array([len(b) // 4 for b in batch["line_len"]], dtype=np.int64)
    line_len = _cat(batch["line_len"], np.int32).astype(np.int64)
    line_start = np.concatenate([[0], np.cumsum(doc_lines)]).astype(np.int64)
    rows_per_doc = np.array([len(b) // 8 for b in batch["row_hash"]], dtype=np.int64)
    row_doc = np.repeat(np.arange(doc_lines.shape[0]), rows_per_doc)
    row_line = _cat(batch["row_line"], np.int32).astype(np.int64)
    drop = np.zeros(line_len.shape[0], dtype=bool)
    drop[line_start[row_doc] + row_line] = np.isin(_cat(batch["row_hash"], np.uint64), lines)
    tokens = _cat(batch["tokens"], np.uint32)
    sets, offsets = st.document_sets(tokens, line_len, doc_lines, drop, ValueSet(template), params)
    sig = st.signatures(sets, offsets, params)
    keys = st.band_keys(sig, bands, rows, params.seed)
    prints = st.fingerprints(sig)
    n = sig.shape[0]
    return {
        IDX: np.asarray(batch[IDX], dtype=np.int64),
        "key_hash": np.asarray(batch["key_hash"], dtype=np.uint64),
        "n_shingles": np.diff(offsets),
        "sets": np.array(_split(sets, np.diff(offsets)), dtype=object),
        "keys": np.array([keys[i].tobytes() for i in range(n)], dtype=object),
        "prints": np.array([prints[i].tobytes() for i in range(n)], dtype=object),
    }


def _band_rows(batch: dict[str, Any], *, bands: int, valid: Any) -> dict[str, Any]:
    idx = np.asarray(batch[IDX], dtype=np.int64)
    keep = valid[idx]
    keys = np.frombuffer(b"".join(batch["keys"]), dtype=np.uint32).reshape(-1, bands)[keep]
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


class _Sparse(Sequence[Any]):
    """The items :func:`build_result` may read (members of non-singleton clusters); others are ``fill``."""

    def __init__(self, n: int, items: dict[int, Any], fill: Any) -> None:
        self._n = n
        self._items = items
        self._fill = fill

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: Any) -> Any:
        return self._items.get(int(i), self._fill)

    def __iter__(self) -> Iterator[Any]:
        return (self._items.get(i, self._fill) for i in range(self._n))


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


def _with_row_index(ds: Any, ray_data: Any, fields: list[str], index_field: str | None) -> tuple[Any, int]:
    """Number the rows in dataset order: block by block, with each block's offset (no ``Dataset.zip``)."""
    if index_field is not None:
        cols = ds.select_columns([*fields, index_field]).rename_columns({index_field: IDX})
        return cols, cols.count()
    ray = require("ray", "newsclean[ray]")
    refs = ds.select_columns(fields).to_arrow_refs()  # blocks in dataset order (preserve_order is on)
    sizes = ray.get([ray.remote(_num_rows).remote(r) for r in refs])
    offsets = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
    indexed = [ray.remote(_add_index).remote(r, int(off)) for r, off in zip(refs, offsets[:-1], strict=True)]
    return ray_data.from_arrow_refs(indexed), int(offsets[-1])


def dedupe_dataset(
    ds: Any,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    window: int = st.WINDOW,
    num_partitions: int | None = None,
    index_field: str | None = None,
    **options: Any,
) -> DedupResult:
    """Near-duplicate dedup of a Ray ``Dataset``; the result equals :func:`newsclean.dedupe` on its texts.

    Row ``i`` of the dataset (in its order) is input index ``i`` of the result.

    Args:
        ds: A ``ray.data.Dataset`` with a string column ``text_field``.
        text_field: The text column.
        id_field: A column of stable record ids (``str`` or ``int``), passed as ``dedupe(..., ids=...)``.
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
        return _Run(rd, cfg, window, num_partitions).dedupe(ds, text_field, id_field, index_field)
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

    def template_lines(self, rows: Any) -> U64:
        """Short lines in ``boilerplate_min_docs`` stories on a majority of the story-key slots."""
        found: list[U64] = []
        for j in range(STORY_SLOTS):
            per_story = self._groupby(rows.select_columns([f"s{j}", "h"]), [f"s{j}", "h"]).count()
            counts = self._groupby(per_story.select_columns(["h"]), "h").count()
            frequent = self._map(counts, _frequent, min_docs=self.cfg.boilerplate_min_docs)
            found.append(np.unique(_columns(frequent, ["h"])["h"].astype(np.uint64)))
        values, votes = np.unique(np.concatenate(found), return_counts=True)
        out: U64 = values[votes * 2 > STORY_SLOTS].astype(np.uint64)
        return out

    def template_values(self, feats: Any, rows: Any, template: U64, n: int) -> U32:
        """The template's shingle values, from the occurrence of each line chosen by content."""
        if template.size == 0:
            return np.zeros(0, dtype=np.uint32)
        chosen = self._groupby(self._map(rows, _in_template, template=template), "h").map_groups(
            _first_occurrence, batch_format="numpy"
        )
        got = _columns(chosen, ["doc", "line"])
        docs, line_no = got["doc"].astype(np.int64), got["line"].astype(np.int64)
        wanted = np.zeros(n, dtype=bool)
        wanted[docs] = True
        texts = _columns(self._map(feats, _involved, wanted=wanted, columns=("text",)), [IDX, "text"])
        by_doc = {int(i): str(t) for i, t in zip(texts[IDX], texts["text"], strict=True)}
        uniq, local = np.unique(docs, return_inverse=True)
        params = self.cfg.params()
        part = featurize([by_doc[i] for i in uniq.tolist()], params.seed)
        first_line = np.cumsum(part.doc_lines) - part.doc_lines
        return st.template_values(part, first_line[local.reshape(-1)] + line_no, params)

    def fetch(self, docs: Any, wanted_ids: Any, n: int, column: str, width: int) -> tuple[Any, I64]:
        """A binary column of ``wanted_ids`` as one CSR array over all ``n`` documents (others empty)."""
        wanted = np.zeros(n, dtype=bool)
        wanted[np.asarray(wanted_ids, dtype=np.int64)] = True
        got = _columns(self._map(docs, _involved, wanted=wanted, columns=(column,)), [IDX, column])
        lens = np.zeros(n, dtype=np.int64)
        chunks: dict[int, bytes] = {}
        for i, raw in zip(got[IDX].astype(np.int64).tolist(), got[column], strict=True):
            chunks[i] = raw
            lens[i] = len(raw) // width
        offsets = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        return b"".join(chunks[i] for i in sorted(chunks)), offsets

    def dedupe(self, ds: Any, text_field: str, id_field: str | None, index_field: str | None) -> DedupResult:
        """Run every phase and return the result over row positions."""
        fields = [text_field] if id_field is None else [text_field, id_field]
        indexed, n = _with_row_index(ds, self.rd, fields, index_field)
        if n == 0:
            return DedupResult([], [], {})
        cfg = self.cfg
        feats = self._map(indexed, _scan, text_field=text_field, cfg=cfg).materialize()
        rows = self._map(feats, _rows).materialize()
        template = self.template_lines(rows)
        values = self.template_values(feats, rows, template, n)
        docs = self._map(feats, _signatures, cfg=cfg, lines=template, template=values).materialize()
        small = _columns(docs, [IDX, "key_hash", "n_shingles"])
        order = np.argsort(small[IDX], kind="stable")
        key_hash = small["key_hash"][order].astype(np.uint64)
        sizes = small["n_shingles"][order].astype(np.int64)
        valid = st.exact_groups(key_hash)[1] & (sizes > 0)
        bands = cfg.bands_rows()[0]
        buckets = self._map(docs, _band_rows, bands=bands, valid=valid)
        pair_ds = self._groupby(buckets, ["band", "key"]).map_groups(
            _bucket_pairs, fn_kwargs={"window": self.window}, batch_format="numpy"
        )
        cols = _columns(pair_ds, ["a", "b"])
        pairs = np.stack([cols["a"].astype(np.int64), cols["b"].astype(np.int64)], axis=1).reshape(-1, 2)
        pairs = np.unique(pairs, axis=0) if pairs.size else np.zeros((0, 2), dtype=np.int64)
        involved = sorted_unique(pairs.reshape(-1))
        raw, offsets = self.fetch(docs, involved, n, "prints", cfg.num_perm)
        prints = np.zeros((n, cfg.num_perm), dtype=np.uint8)
        prints[np.diff(offsets) > 0] = np.frombuffer(raw, dtype=np.uint8).reshape(-1, cfg.num_perm)
        keep = st.prefilter(pairs, sizes, prints, threshold=cfg.threshold, containment=cfg.containment)
        pairs = pairs[keep]
        del prints
        raw, offsets = self.fetch(docs, sorted_unique(pairs.reshape(-1)), n, "sets", 4)
        sets = np.frombuffer(raw, dtype=np.uint32).copy()
        accepted, jac = st.matching_pairs(sets, offsets, pairs, cfg)
        labels = st.cluster_labels(n, accepted, key_hash)
        # keep rule and scores: only members of non-singleton clusters are read
        members = np.flatnonzero(np.bincount(labels, minlength=n)[labels] > 1)
        raw, offsets = self.fetch(docs, members, n, "sets", 4)
        sets = np.frombuffer(raw, dtype=np.uint32).copy()
        wanted = np.zeros(n, dtype=bool)
        wanted[members] = True
        extra = _columns(self._map(feats, _involved, wanted=wanted, columns=("text",)), [IDX, "text"])
        texts = {int(i): str(t) for i, t in zip(extra[IDX], extra["text"], strict=True)}
        ids = None
        if id_field is not None:
            got = _columns(self._map(indexed, _involved, wanted=wanted, columns=(id_field,)), [IDX, id_field])
            ids = _Sparse(n, {int(i): _plain(v) for i, v in zip(got[IDX], got[id_field], strict=True)}, 0)
        length = _columns(feats, [IDX, "length"])
        length_arr = length["length"][np.argsort(length[IDX], kind="stable")].astype(np.int64)
        return build_result(
            _Sparse(n, texts, ""), labels, key_hash, length_arr, sets, offsets, ids=ids, known=(accepted, jac)
        )


def _plain(value: Any) -> Any:
    """A numpy scalar from a column as a plain ``int`` or ``str``."""
    return value.item() if isinstance(value, np.generic) else value
