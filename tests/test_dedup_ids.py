"""``dedupe(..., ids=...)``: the kept record among identical texts is chosen by id, whatever the order."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean as nc
from newsclean.cli import main

from .strategies import hindi_paragraphs
from .test_dedup import EXAM, FARM, RAIN, partition


def test_ties_between_identical_texts_go_to_the_smallest_id() -> None:
    docs = [RAIN, EXAM, RAIN, RAIN]
    r = nc.dedupe(docs, ids=["c", "x", "a", "b"])
    assert r.kept == [1, 2]
    assert r.cluster_ids == [2, 1, 2, 2]
    # ints come before strings; without ids the lowest index is kept
    assert nc.dedupe([RAIN, RAIN, RAIN], ids=["0", 7, 3]).kept == [2]
    assert nc.dedupe([RAIN, RAIN]).kept == [0]


def test_ids_do_not_change_which_text_is_kept() -> None:
    longer = RAIN + " अधिक जानकारी जल्द।"
    docs = [RAIN, longer, FARM]
    assert nc.dedupe(docs, ids=["a", "z", "m"]).kept == nc.dedupe(docs).kept == [1, 2]


@pytest.mark.parametrize(
    ("ids", "error", "message"),
    [
        (["a"], nc.ConfigError, "argument 'ids' has 1 items for 2 documents"),
        (["a", 1.5], nc.InputTypeError, "ids item 1 must be str or int, not float"),
        (["a", True], nc.InputTypeError, "ids item 1 must be str or int, not bool"),
        ("ab", nc.InputTypeError, "argument 'ids' must be a sequence of str or int, not str"),
    ],
)
def test_bad_ids(ids: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as exc:
        nc.dedupe([RAIN, EXAM], ids=ids)  # type: ignore[arg-type]
    assert message in str(exc.value)


@st.composite
def corpora_with_copies(draw: st.DrawFn) -> list[str]:
    base = draw(st.lists(hindi_paragraphs(), min_size=1, max_size=5))
    docs = list(base)
    for b in base:
        docs += [b] * draw(st.integers(0, 3))  # byte-identical copies: only ids tell them apart
        if draw(st.booleans()):
            docs.append(b + " " + draw(hindi_paragraphs()))
    return docs


@given(corpora_with_copies(), st.randoms(use_true_random=False))
@settings(max_examples=60)
def test_kept_records_do_not_depend_on_order(docs: list[str], rnd: random.Random) -> None:
    ids = [f"rec-{i:03d}" for i in range(len(docs))]
    first = nc.dedupe(docs, ids=ids)
    perm = list(range(len(docs)))
    rnd.shuffle(perm)
    second = nc.dedupe([docs[p] for p in perm], ids=[ids[p] for p in perm])
    assert sorted(ids[k] for k in first.kept) == sorted(ids[perm[k]] for k in second.kept)
    # and the clusters, as sets of ids
    assert {frozenset(ids[i] for i in g) for g in partition(first.cluster_ids)} == {
        frozenset(ids[perm[i]] for i in g) for g in partition(second.cluster_ids)
    }


def test_cli_passes_record_ids(tmp_path: Path) -> None:
    records = [
        {"id": "b-2", "text": RAIN},
        {"id": "a-1", "text": RAIN},
        {"id": "c-3", "text": EXAM},
        {"id": "d-4", "text": RAIN},
    ]
    kept = []
    for order in (records, records[::-1]):
        src = tmp_path / "in.jsonl"
        out = tmp_path / "out.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in order), encoding="utf-8")
        assert main(["dedup", str(src), "-o", str(out)]) == 0
        kept.append(sorted(json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()))
    assert kept[0] == kept[1] == ["a-1", "c-3"]
