"""Several inputs in one run, one shard per input in an output directory, --resume, and Parquet in and out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import hindi_paragraphs
from tests.test_cli import read_jsonl, summary_counts, write_jsonl
from tests.test_cli_workloads import rows

from newsclean.cli import main


def write_gz(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_bytes(
        gzip.compress(b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records))
    )
    return path


def gz_ids(path: Path) -> list[object]:
    return [json.loads(line)["id"] for line in gzip.decompress(path.read_bytes()).splitlines()]


# --- several inputs -----------------------------------------------------------------------------------------
def test_files_directories_and_quoted_globs_in_order_into_one_output(tmp_path, capsys):
    write_gz(tmp_path / "a.jsonl.gz", rows(2, 0))
    write_jsonl(tmp_path / "b.jsonl", rows(2, 2))
    shards = tmp_path / "shards"
    shards.mkdir()
    write_jsonl(shards / "s1.jsonl", rows(1, 4))
    write_jsonl(shards / "s2.jsonl", rows(1, 5))
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    write_gz(crawl / "c2.jsonl.gz", rows(1, 7))
    write_gz(crawl / "c1.jsonl.gz", rows(1, 6))
    out = tmp_path / "out.jsonl"
    argv = ["normalize", str(tmp_path / "a.jsonl.gz"), str(tmp_path / "b.jsonl"), str(shards)]
    argv += [str(crawl / "*.jsonl.gz"), "-o", str(out)]
    assert main(argv) == 0
    assert [r["id"] for r in read_jsonl(out)] == list(range(8))
    err = capsys.readouterr().err
    assert err.count("records read:") == 1  # one summary
    assert summary_counts(err)["read"] == 8


def test_a_glob_matching_nothing_exits_3(tmp_path, capsys):
    assert main(["normalize", str(tmp_path / "*.jsonl.gz"), "-o", str(tmp_path / "o.jsonl")]) == 3
    assert "no file matches" in capsys.readouterr().err


def test_the_same_file_twice_is_a_usage_error(tmp_path, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", rows(1))
    assert main(["normalize", str(src), str(src), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "the same input is named twice" in capsys.readouterr().err


# --- an output directory: one shard per input --------------------------------------------------------------
def test_output_directory_writes_one_shard_per_input_under_the_same_name(tmp_path, capsys):
    inp = tmp_path / "in"
    inp.mkdir()
    write_gz(inp / "a.jsonl.gz", rows(3, 0))
    write_jsonl(inp / "b.jsonl", [*rows(2, 3), {"text": 5}])
    out, rej = tmp_path / "out", tmp_path / "rejects"
    assert main(["normalize", str(inp), "-o", f"{out}/", "--rejects", f"{rej}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl.gz", "b.jsonl", "newsclean-manifest.json"]
    assert gz_ids(out / "a.jsonl.gz") == [0, 1, 2]
    assert [r["id"] for r in read_jsonl(out / "b.jsonl")] == [3, 4]
    assert [r["line"] for r in read_jsonl(rej / "b.jsonl")] == [3]
    assert not (rej / "a.jsonl.gz").exists() or gzip.decompress((rej / "a.jsonl.gz").read_bytes()) == b""
    err = capsys.readouterr().err
    assert summary_counts(err) == {"read": 6, "written": 5, "rejected": 1, "duplicates": 0}
    assert "2 done, 0 skipped" in err


def test_two_inputs_with_the_same_name_are_a_usage_error_naming_both(tmp_path, capsys):
    one, two = tmp_path / "x", tmp_path / "y"
    one.mkdir()
    two.mkdir()
    a, b = write_jsonl(one / "part.jsonl", rows(1)), write_jsonl(two / "part.jsonl", rows(1))
    assert main(["normalize", str(a), str(b), "-o", f"{tmp_path / 'out'}/"]) == 2
    err = capsys.readouterr().err
    assert str(a) in err
    assert str(b) in err
    assert not (tmp_path / "out").exists()


def test_output_directory_equal_to_the_input_directory_is_refused(tmp_path, capsys):
    d = tmp_path / "shards"
    d.mkdir()
    write_jsonl(d / "a.jsonl", rows(1))
    assert main(["normalize", str(d), "-o", f"{d}/"]) == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err


def test_stop_in_a_shard_keeps_the_complete_shards_and_writes_no_partial_one(tmp_path, capsys):
    write_jsonl(tmp_path / "a.jsonl", rows(2))
    write_jsonl(tmp_path / "b.jsonl", [*rows(1), {"text": 1}])
    out = tmp_path / "out"
    assert main(["normalize", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "-o", f"{out}/"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "newsclean-manifest.json"]


def test_resume_needs_an_output_directory(tmp_path, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", rows(1))
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl"), "--resume"]) == 2
    assert "--resume needs an output directory" in capsys.readouterr().err


# --- --resume ----------------------------------------------------------------------------------------------
def test_resume_skips_complete_shards_and_reruns_changed_or_damaged_ones(tmp_path, capsys):
    inp = tmp_path / "in"
    inp.mkdir()
    for name, start in (("a.jsonl", 0), ("b.jsonl", 10), ("c.jsonl", 20)):
        write_jsonl(inp / name, rows(2, start))
    out = f"{tmp_path / 'out'}/"
    base = ["normalize", str(inp), "-o", out]
    assert main(base) == 0
    manifest = json.loads((tmp_path / "out" / "newsclean-manifest.json").read_text(encoding="utf-8"))
    entry = manifest["shards"]["a.jsonl"]
    assert entry["input_size"] == (inp / "a.jsonl").stat().st_size
    assert entry["input_digest"].startswith("blake2b-256:")
    assert entry["options"]
    capsys.readouterr()

    assert main([*base, "--resume"]) == 0
    err = capsys.readouterr().err
    assert "0 done, 3 skipped" in err
    assert summary_counts(err)["read"] == 0

    write_jsonl(inp / "b.jsonl", rows(3, 10))  # input changed: rerun
    (tmp_path / "out" / "c.jsonl").write_text("", encoding="utf-8")  # output damaged: rerun
    assert main([*base, "--resume"]) == 0
    err = capsys.readouterr().err
    assert "2 done, 1 skipped" in err
    assert [r["id"] for r in read_jsonl(tmp_path / "out" / "b.jsonl")] == [10, 11, 12]
    assert len(read_jsonl(tmp_path / "out" / "c.jsonl")) == 2

    assert main([*base, "--resume", "--profile", "search"]) == 0  # other options: rerun everything
    assert "3 done, 0 skipped" in capsys.readouterr().err


def test_resume_reruns_a_shard_with_the_same_size_but_other_bytes(tmp_path, capsys):
    inp = tmp_path / "in"
    inp.mkdir()
    write_jsonl(inp / "a.jsonl", [{"id": 1, "text": "राम|"}])
    out = f"{tmp_path / 'out'}/"
    assert main(["normalize", str(inp), "-o", out]) == 0
    write_jsonl(inp / "a.jsonl", [{"id": 2, "text": "श्याम"}])  # the same size in bytes
    capsys.readouterr()
    assert main(["normalize", str(inp), "-o", out, "--resume"]) == 0
    assert "1 done, 0 skipped" in capsys.readouterr().err
    assert read_jsonl(tmp_path / "out" / "a.jsonl")[0]["id"] == 2


# --- Parquet -------------------------------------------------------------------------------------------------
@pytest.fixture
def pq():
    return pytest.importorskip("pyarrow.parquet", reason="the 'parquet' extra is not installed")


def test_jsonl_to_parquet_to_jsonl_round_trip(tmp_path, capsys, pq):
    records = [
        {"id": "a1", "title": "शीर्षक", "text": "राम घर गया|\u00a0सीता आई।", "n": 1, "tags": ["x", "y"]},
        {"id": "a2", "title": "दूसरा", "text": "किसानों ने धरना दिया।", "n": 2, "tags": []},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", records)
    mid, back = tmp_path / "mid.parquet", tmp_path / "back.jsonl"
    assert main(["clean", str(src), "-o", str(mid), "--explain"]) == 0
    table = pq.read_table(mid)
    assert table.column_names == ["id", "title", "text", "n", "tags", "cleaned", "sentences", "edits"]
    assert main(["split", str(mid), "-o", str(back), "--sentences-field", "again"]) == 0
    direct = tmp_path / "direct.jsonl"
    assert main(["clean", str(src), "-o", str(direct), "--explain"]) == 0
    # the Parquet leg changed nothing: every field of the direct run's records comes back exactly,
    # nested lists and the edit objects included
    back_rows = read_jsonl(back)
    assert [{k: v for k, v in r.items() if k != "again"} for r in back_rows] == read_jsonl(direct)
    assert all(r["again"] for r in back_rows)


@settings(max_examples=20)
@given(st.lists(hindi_paragraphs(), min_size=1, max_size=6))
def test_parquet_round_trip_keeps_every_text_exactly(texts):
    pq = pytest.importorskip("pyarrow.parquet")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        src = write_jsonl(d / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(texts)])
        assert main(["split", str(src), "-o", str(d / "a.parquet")]) == 0
        assert pq.read_table(d / "a.parquet").column("text").to_pylist() == texts
        assert main(["split", str(d / "a.parquet"), "-o", str(d / "b.jsonl")]) == 0
        assert [r["text"] for r in read_jsonl(d / "b.jsonl")] == texts


def test_parquet_input_rejects_and_counts_like_jsonl(tmp_path, capsys, pq):
    import pyarrow as pa

    path = tmp_path / "in.parquet"
    table = pa.table(
        {"id": [1, 2, 3, 4], "text": ["राम|", None, "सीता|", "गीता"], "score": [float("nan"), 1.0, 2.0, 3.0]}
    )
    pq.write_table(table, path, row_group_size=2)  # two row groups
    out, rej = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    assert main(["normalize", str(path), "-o", str(out), "--rejects", str(rej)]) == 0
    assert summary_counts(capsys.readouterr().err) == {
        "read": 4,
        "written": 2,
        "rejected": 2,
        "duplicates": 0,
    }
    assert [r["id"] for r in read_jsonl(out)] == [3, 4]  # row 1 has a NaN, row 2 no text
    assert [(r["path"], r["line"]) for r in read_jsonl(rej)] == [(str(path), 1), (str(path), 2)]
    assert "NaN is not a JSON value" in read_jsonl(rej)[0]["reason"]
    assert read_jsonl(rej)[1]["reason"] == "field 'text' must be a string, not null"


def test_parquet_shards_in_an_output_directory(tmp_path, capsys, pq):
    import pyarrow as pa

    inp = tmp_path / "in"
    inp.mkdir()
    pq.write_table(pa.table({"id": [1], "text": ["राम|"]}), inp / "p.parquet")
    assert main(["normalize", str(inp), "-o", f"{tmp_path / 'out'}/"]) == 0
    assert pq.read_table(tmp_path / "out" / "p.parquet").to_pylist() == [
        {"id": 1, "text": "राम|", "cleaned": "राम।"}
    ]


def test_unreadable_parquet_exits_3_naming_the_file(tmp_path, capsys, pq):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 not really")
    assert main(["normalize", str(path), "-o", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert f"{path}: not a readable Parquet file" in err
    assert "Traceback" not in err


def test_a_record_with_a_field_the_parquet_columns_lack_stops_with_its_number(tmp_path, capsys, pq):
    from newsclean.io.parquet import ParquetError, ParquetWriter

    w = ParquetWriter(tmp_path / "o.parquet", row_group_size=1)
    w.write_line('{"text": "a"}')
    with pytest.raises(ParquetError, match="record 2 has field 'extra'"):
        w.write_line('{"text": "b", "extra": 1}')
    w.abort()
    assert list(tmp_path.iterdir()) == []
