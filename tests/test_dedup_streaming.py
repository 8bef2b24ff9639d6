"""Tests for the streaming Deduplicator: first seen wins, query, clusters, save/load and more adds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import newsclean as nc
from newsclean.dedup import Deduplicator, MinHashParams, Signature

from .test_dedup import CRICKET, EXAM, FARM, HOSPITAL, RAIN, templated

EDITED_RAIN = RAIN.replace("सोमवार", "मंगलवार").replace("दो दिनों", "तीन दिनों")


def test_first_seen_wins_and_is_order_dependent() -> None:
    d = Deduplicator()
    assert d.add_many([RAIN, EXAM, EDITED_RAIN], keys=["r", "e", "r2"]) == ["r", "e", "r"]
    assert d.clusters() == {"r": ["r", "r2"], "e": ["e"]}
    other = Deduplicator()
    assert other.add_many([EDITED_RAIN, RAIN], keys=["r2", "r"]) == ["r2", "r2"]


def test_query_does_not_add() -> None:
    d = Deduplicator()
    d.add(RAIN, key="r")
    d.add(FARM, key="f")
    hits = d.query(EDITED_RAIN)
    assert [k for k, _ in hits] == ["r"]
    assert 0.5 <= hits[0][1] < 1.0
    assert d.query(CRICKET) == []
    assert len(d) == 2
    assert list(d.query_iter(RAIN)) == [("r", 1.0)]


def test_default_keys_and_duplicate_key_error() -> None:
    d = Deduplicator()
    assert d.add(RAIN) == 0
    assert d.add(EXAM) == 1
    assert d.add(RAIN) == 0
    with pytest.raises(ValueError, match="already"):
        d.add(FARM, key=1)


def test_wrong_types() -> None:
    d = Deduplicator()
    with pytest.raises(
        nc.InputTypeError, match=r"Deduplicator.add\(\) item 0: 'text' must be str, not NoneType"
    ):
        d.add(None)  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError):
        d.query(b"bytes")  # type: ignore[arg-type]


def test_save_load_and_add_more(tmp_path: Path) -> None:
    d = Deduplicator()
    d.add_many([RAIN, EXAM, templated(FARM, 3)], keys=["r", "e", "f"])
    path = tmp_path / "index.npz"
    d.save(path)
    loaded = Deduplicator.load(path)
    assert loaded.clusters() == d.clusters()
    assert loaded.query(EDITED_RAIN) == d.query(EDITED_RAIN)
    assert loaded.add(EDITED_RAIN, key="r2") == "r"
    assert loaded.add(HOSPITAL, key="h") == "h"
    assert loaded.clusters() == {"r": ["r", "r2"], "e": ["e"], "f": ["f"], "h": ["h"]}


def test_save_rejects_unsaveable_keys(tmp_path: Path) -> None:
    d = Deduplicator()
    d.add(RAIN, key=("tuple", 1))
    with pytest.raises(nc.InputTypeError, match="keys must be str or int"):
        d.save(tmp_path / "x.npz")


def test_load_rejects_other_params(tmp_path: Path) -> None:
    d = Deduplicator()
    d.add(RAIN)
    path = tmp_path / "i.npz"
    d.save(path)
    with np.load(path) as data:
        arrays = dict(data)
    version = f'"scheme_version": {d.params.scheme_version}'
    header = bytes(arrays["header"]).decode("utf-8").replace(version, '"scheme_version": 99')
    arrays["header"] = np.frombuffer(header.encode("utf-8"), dtype=np.uint8)
    np.savez(path, **arrays)
    with pytest.raises(nc.IncompatibleSignatureError, match="scheme_version"):
        Deduplicator.load(path)


def test_signatures_carry_params() -> None:
    d = Deduplicator(num_perm=64)
    d.add(RAIN, key="r")
    sig = d.signature(RAIN)
    assert sig.params == d.params
    assert d.query_signature(sig) == ["r"]
    foreign = Signature(MinHashParams(num_perm=64, seed=2, key_scheme=d.params.key_scheme), sig.values)
    with pytest.raises(nc.IncompatibleSignatureError, match="seed"):
        d.query_signature(foreign)
    with pytest.raises(nc.IncompatibleSignatureError):
        sig.jaccard(foreign)


def test_agrees_with_dedupe_on_unambiguous_corpus() -> None:
    docs = [RAIN, EXAM, FARM, EDITED_RAIN, CRICKET, EXAM + " परिणाम देखें।", HOSPITAL]
    d = Deduplicator()
    d.add_many(docs)
    batch = nc.dedupe(docs)
    stream = {frozenset(v) for v in d.clusters().values()}
    groups: dict[int, set[int]] = {}
    for i, c in enumerate(batch.cluster_ids):
        groups.setdefault(c, set()).add(i)
    assert stream == {frozenset(g) for g in groups.values()}


def test_add_many_equals_adds_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.dedup import streaming

    monkeypatch.setattr(streaming, "_CHUNK", 3)  # several chunks, template lines counted across them
    bodies = [RAIN, EXAM, FARM, HOSPITAL, CRICKET, EDITED_RAIN]
    docs = [templated(b, day) for day, b in enumerate(bodies * 2)] + [RAIN, EDITED_RAIN, "", "!!"]
    one = Deduplicator()
    reps = [one.add(d) for d in docs]
    # copies join their first-seen original; the two texts without words are exact duplicates of each other
    assert reps == [0, 1, 2, 3, 4, 0, 0, 1, 2, 3, 4, 0, 0, 0, 14, 14]
    many = Deduplicator()
    assert many.add_many(docs) == reps
    assert many.clusters() == one.clusters()
    assert many.query(FARM) == one.query(FARM)


def test_add_many_checks_every_item_before_adding() -> None:
    d = Deduplicator()
    with pytest.raises(nc.InputTypeError, match=r"add_many\(\) item 1"):
        d.add_many([RAIN, b"bytes"])  # type: ignore[list-item]
    assert len(d) == 0
