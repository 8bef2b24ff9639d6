"""One way from a record to a Document, and one rule for the group key, through every entry point.

The two bugs this guards against: a model mined per publisher applied every publisher's templates when the
record's publisher was an integer (``7``), and ``Pipeline.batch`` dropped the row's other columns, so the
same happened to every row of a ``datasets.map(batched=True)`` run.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean as nc
from newsclean.cli import main
from newsclean.records import RecordFields, batch_rows, group_key, to_document

# two publishers with one template line each; written for this test
STORIES_7 = [
    "राम आज सुबह घर लौट आया और खाना खाया।",
    "सीता ने बाजार से ताजी सब्जियां खरीदीं।",
    "मोहन की टीम ने कल फुटबॉल का मैच जीता।",
    "गांव में नया स्कूल खुला और बच्चे खुश हुए।",
]
STORIES_8 = [
    "नदी का पानी बढ़ने से किसान चिंतित हैं।",
    "शहर में नई बस सेवा शुरू की गई है।",
    "पुस्तक मेले में हजारों लोग पहुंचे।",
    "अस्पताल में नई मशीन लगाई गई।",
]
TEMPLATE_7 = "संपादक मंडल की विशेष प्रस्तुति"
TEMPLATE_8 = "नगर संवाददाता की कलम से"
# an article of publisher 7 that quotes publisher 8's template line: it is content here
ARTICLE = f"बारिश के बाद मौसम सुहाना हो गया।\n{TEMPLATE_8}\n{TEMPLATE_7}"
EXPECTED = f"बारिश के बाद मौसम सुहाना हो गया।\n{TEMPLATE_8}"


def _corpus(publisher_7: object = 7, publisher_8: object = 8) -> list[dict[str, object]]:
    return [{"text": f"{s}\n{TEMPLATE_7}", "publisher": publisher_7} for s in STORIES_7] + [
        {"text": f"{s}\n{TEMPLATE_8}", "publisher": publisher_8} for s in STORIES_8
    ]


@pytest.fixture(scope="module")
def model() -> nc.BoilerplateModel:
    m = nc.BoilerplateMiner().fit(_corpus())
    assert m.groups == ("7", "8")
    return m


# -- the group key -----------------------------------------------------------------------------------------
def test_group_key_rule() -> None:
    assert group_key(7) == group_key("7") == "7"
    assert group_key(None) is None
    np = pytest.importorskip("numpy")
    assert group_key(np.int64(7)) == "7"
    for bad in (7.0, True, b"7", ["7"]):
        with pytest.raises(nc.InputTypeError, match="'group'"):
            group_key(bad)


@given(st.integers())
def test_an_int_and_its_digits_name_one_group(n: int) -> None:
    assert group_key(n) == group_key(str(n)) == str(n)


def test_miner_treats_int_and_str_publishers_as_one_group() -> None:
    mixed = _corpus(publisher_7="7", publisher_8=8)
    assert nc.BoilerplateMiner().fit(mixed) == nc.BoilerplateMiner().fit(_corpus())


# -- entry points: each applies only the record's own publisher's templates --------------------------------
def test_function_accepts_an_integer_group(model: nc.BoilerplateModel) -> None:
    assert nc.strip_boilerplate(ARTICLE, model=model, group=7) == EXPECTED
    assert nc.strip_boilerplate(ARTICLE, model=model, group="7") == EXPECTED
    assert model.find(ARTICLE, 7) == model.find(ARTICLE, "7")


def test_pipeline_call_on_a_dict(model: nc.BoilerplateModel) -> None:
    pipe = nc.make_pipeline(nc.StripBoilerplate(model=model))
    assert pipe({"text": ARTICLE, "publisher": 7}).text == EXPECTED
    assert pipe({"text": ARTICLE, "publisher": "7"}).text == EXPECTED


def test_document_from_dict_and_model_step(model: nc.BoilerplateModel) -> None:
    doc = nc.Document.from_dict({"text": ARTICLE, "publisher": 7})
    assert nc.StripBoilerplate(model=model)(doc).text == EXPECTED
    assert model(doc).text == EXPECTED


def test_pipeline_batch_keeps_the_row_fields(model: nc.BoilerplateModel) -> None:
    pipe = nc.make_pipeline(nc.StripBoilerplate(model=model))
    out = pipe.batch({"text": [ARTICLE, ARTICLE], "publisher": [7, 8], "id": ["a", "b"]})
    # row 0 is publisher 7's: its template goes, 8's stays; row 1 is publisher 8's: the other way round
    assert out["text"] == [EXPECTED, f"बारिश के बाद मौसम सुहाना हो गया।\n{TEMPLATE_7}"]
    assert out["publisher"] == [7, 8]


def test_cli_clean_with_a_model(tmp_path: Path, model: nc.BoilerplateModel) -> None:
    model_path = tmp_path / "model.json"
    model.save(model_path)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE, "publisher": 7}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    args = ["clean", str(src), "-o", str(out), "--model", str(model_path), "--group-field", "publisher"]
    assert main([*args, "--steps", "boilerplate"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["cleaned"] == EXPECTED


@pytest.mark.skipif(importlib.util.find_spec("datasets") is None, reason="needs the datasets extra")
def test_datasets_map_batched_two_processes(model: nc.BoilerplateModel) -> None:
    import datasets

    ds = datasets.Dataset.from_dict({"text": [ARTICLE] * 4, "publisher": [7, 8, 7, 8]})
    pipe = nc.make_pipeline(nc.StripBoilerplate(model=model))
    out = ds.map(pipe.batch, batched=True, batch_size=2, num_proc=2)
    other = f"बारिश के बाद मौसम सुहाना हो गया।\n{TEMPLATE_7}"
    assert out["text"] == [EXPECTED, other, EXPECTED, other]


# -- a missing field is a RecordError at every entry point ---------------------------------------------------
def test_missing_text_is_a_record_error_everywhere(model: nc.BoilerplateModel) -> None:
    pipe = nc.make_pipeline(nc.StripBoilerplate(model=model))
    with pytest.raises(nc.RecordError, match="'text' missing"):
        nc.Document.from_dict({"title": "शीर्षक"})
    with pytest.raises(nc.RecordError, match="'text' missing"):
        pipe({"title": "शीर्षक"})
    with pytest.raises(nc.RecordError, match="'body'"):
        pipe.batch({"text": ["क"]}, text_field="body")
    with pytest.raises(nc.RecordError, match=r"item 1.*'text' missing"):
        nc.BoilerplateMiner().fit([{"text": "क"}, {"title": "ख"}])


def test_batch_errors_name_the_row_and_the_columns() -> None:
    pipe = nc.make_pipeline(nc.Normalize())
    with pytest.raises(nc.InputTypeError, match="row 1: field 'text' must be str, not NoneType"):
        pipe.batch({"text": ["क", None]})
    with pytest.raises(nc.RecordError, match="columns of different lengths"):
        pipe.batch({"text": ["क", "ख"], "n": [1]})


def test_file_records_name_file_and_line() -> None:
    with pytest.raises(nc.RecordError, match=r"^in\.jsonl:4: field 'text' must be str, not int"):
        to_document({"text": 5}, path="in.jsonl", lineno=4)


# -- the conversion itself ---------------------------------------------------------------------------------
def test_every_other_field_goes_to_meta() -> None:
    doc = to_document(
        {"body": "क", "headline": "ख", "id": 3, "publisher": 7}, fields=RecordFields("body", "headline")
    )
    assert (doc.text, doc.title, doc.id, dict(doc.meta)) == ("क", "ख", "3", {"publisher": 7})


def test_a_column_of_sentence_strings_is_data_not_spans() -> None:
    doc = to_document({"text": "क। ख।", "sentences": ["क।", "ख।"]})
    assert doc.sentences is None
    assert doc.meta["sentences"] == ["क।", "ख।"]


@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=10)), st.integers() | st.text(max_size=5))
def test_round_trip_through_to_dict(text: str, title: str | None, publisher: int | str) -> None:
    d = nc.Pipeline((nc.Normalize(),))(nc.Document(text, title=title, meta={"publisher": publisher}))
    assert to_document(d.to_dict()) == d


def test_batch_rows() -> None:
    assert list(batch_rows({"a": [1, 2], "b": ["x", "y"]})) == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    assert list(batch_rows({})) == []
    with pytest.raises(nc.InputTypeError, match="column"):
        list(batch_rows({"a": "xy"}))
