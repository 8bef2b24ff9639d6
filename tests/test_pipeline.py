"""Pipelines compose steps, map lazily, pickle, and work across processes."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

import newsclean as nc

ARTICLE = "रायपुर। मुख्यमंत्री ने निवेश पर चर्चा की|यह बड़ी पहल है।"


def _pipe() -> nc.Pipeline:
    return nc.make_pipeline(nc.Normalize(), nc.StripBoilerplate(), nc.SplitSentences())


def test_pipeline_equals_the_functions_composed() -> None:
    doc = _pipe()(nc.Document(ARTICLE, title="निवेश"))
    expected = nc.strip_boilerplate(nc.normalize(ARTICLE), title="निवेश")
    assert doc.text == expected
    assert doc.sentence_texts() == nc.split_sentences(expected)
    assert doc.replay() == doc.text
    assert [r.step for r in doc.history] == ["normalize", "strip_boilerplate", "split_sentences"]


def test_map_is_lazy() -> None:
    seen: list[str] = []

    def source():
        for t in ("क|", "ख|"):
            seen.append(t)
            yield t

    it = _pipe().map(source())
    assert seen == []
    first = next(it)
    assert first.text == "क।"
    assert seen == ["क|"]


def test_pipeline_and_documents_pickle() -> None:
    pipe = _pipe()
    back = pickle.loads(pickle.dumps(pipe))
    assert back == pipe
    doc = pipe(ARTICLE)
    assert pickle.loads(pickle.dumps(doc)) == doc


def _clean(text: str) -> str:
    return _pipe()(text).text


def test_pipeline_runs_in_worker_processes() -> None:
    texts = [ARTICLE, "दूसरी खबर|", "तीसरी"]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        out = pool.map(_pipe(), texts)
    assert [d.text for d in out] == [_clean(t) for t in texts]


def test_batch_keeps_columns_and_adds_sentences() -> None:
    batch = {"text": ["क|ख।", "ग।"], "title": ["t", None], "url": ["u1", "u2"]}
    out = _pipe().batch(batch)
    assert out["url"] == ["u1", "u2"]
    assert out["text"] == ["क।ख।", "ग।"]
    assert out["sentences"] == [["क।", "ख।"], ["ग।"]]


def test_batch_missing_column_names_it() -> None:
    with pytest.raises(nc.RecordError, match="'body'"):
        _pipe().batch({"text": ["x"]}, text_field="body")


def test_pipeline_rejects_non_callable_steps_and_bad_docs() -> None:
    with pytest.raises(TypeError, match=r"steps\[1\]"):
        nc.Pipeline((nc.Normalize(), 3))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Document, str or a mapping"):
        _pipe()(42)  # type: ignore[arg-type]
