"""``Pipeline`` inside Hugging Face ``datasets.map``: batched, and with ``num_proc=2``."""

from __future__ import annotations

import os

import pytest

import newsclean as nc
from newsclean.integrations.hf import clean_dataset

try:
    import datasets
except ImportError:  # pragma: no cover - depends on the environment
    datasets = None

# outside CI a missing extra skips; under CI the tests run and fail in the fixture (a skip there is a failure)
pytestmark = pytest.mark.skipif(
    datasets is None and not os.environ.get("CI"), reason="the 'datasets' extra is not installed"
)


ROWS = {
    "id": ["a", "b", "c", "d"],
    "text": [
        "किसानों ने धरना दिया|\u00a0प्रशासन ने भरोसा दिया।",
        "राम घर गया। सीता आई।",
        "",
        "कीमत १०० रुपये है|",
    ],
    "publisher": ["p1", "p1", "p2", "p2"],
}
EXPECTED_CLEAN = [
    "किसानों ने धरना दिया। प्रशासन ने भरोसा दिया।",
    "राम घर गया। सीता आई।",
    "",
    "कीमत १०० रुपये है।",
]
EXPECTED_SENTENCES = [
    ["किसानों ने धरना दिया।", "प्रशासन ने भरोसा दिया।"],
    ["राम घर गया।", "सीता आई।"],
    [],
    ["कीमत १०० रुपये है।"],
]


@pytest.fixture
def dataset():
    if datasets is None:
        pytest.fail("the 'datasets' extra is not installed, and CI must run these tests", pytrace=False)
    return datasets.Dataset.from_dict(ROWS)


@pytest.mark.parametrize("num_proc", [None, 2])
def test_pipeline_batch_in_datasets_map(dataset, num_proc):
    pipe = nc.make_pipeline(nc.Normalize(), nc.SplitSentences())
    out = dataset.map(
        pipe.batch, batched=True, batch_size=3, num_proc=num_proc, fn_kwargs={"output_field": "clean"}
    )
    assert out["id"] == ROWS["id"]  # order and every column kept
    assert out["text"] == ROWS["text"]
    assert out["publisher"] == ROWS["publisher"]
    assert out["clean"] == EXPECTED_CLEAN
    assert out["sentences"] == EXPECTED_SENTENCES


def test_clean_dataset_helper_with_removal_record(dataset):
    pipe = nc.make_pipeline(nc.Normalize(), nc.SplitSentences())
    out = clean_dataset(dataset, pipe, num_proc=2, batch_size=2, edits_field="history")
    assert out["text"] == EXPECTED_CLEAN  # default: the text column is replaced
    import json

    history = json.loads(out["history"][0])
    assert [r["step"] for r in history] == ["normalize", "split_sentences"]
    assert {(e["old"], e["new"]) for e in history[0]["edits"]} == {("|", "।"), ("\u00a0", " ")}
