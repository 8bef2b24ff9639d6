"""The command line on real workloads (issue 14): never destroy, never drop, read what users have.

Special files (symlinks, FIFOs, character devices) are always of the test's own making, in a temporary
directory; the system's own are never touched.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import os
import stat
import threading
from pathlib import Path

import pytest
from tests.test_cli import A1, A2, read_jsonl, summary_counts, write_jsonl

from newsclean.cli import main


def rows(n: int, start: int = 0) -> list[dict[str, object]]:
    return [{"id": i, "text": f"खबर संख्या {i} आई|\u00a0दूसरा वाक्य।"} for i in range(start, start + n)]


# --- 1. -o never replaces what is not a regular file ------------------------------------------------------
def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A2])
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert main(["normalize", str(src), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert link.readlink() == target
    assert read_jsonl(target)[0]["cleaned"].startswith("किसानों ने मंडी में धरना दिया।")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "link.jsonl", "real.jsonl"]


def test_output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2])
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["normalize", str(src), "-o", str(fifo)]) == 0
    reader.join(60)  # a hang guard only
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    lines = got[0].decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a1", "a2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.fifo"]  # no temporary file


def _null_device(tmp_path: Path) -> Path:
    dev = tmp_path / "null"
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
        with dev.open("wb") as f:
            f.write(b"probe")
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make or open a character device here: {exc}")
    return dev


def test_output_to_a_character_device_writes_to_it_and_leaves_it_a_device(tmp_path, capsys):
    dev = _null_device(tmp_path)
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2])
    assert main(["normalize", str(src), "-o", str(dev), "--rejects", str(dev.with_name("rej"))]) == 0
    assert stat.S_ISCHR(dev.lstat().st_mode)
    assert summary_counts(capsys.readouterr().err)["written"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "null", "rej"]


def test_mine_model_to_a_device_leaves_it_a_device(tmp_path, capsys):
    dev = _null_device(tmp_path)
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2])
    assert main(["mine", str(src), "-o", str(dev)]) == 0
    assert stat.S_ISCHR(dev.lstat().st_mode)


def test_dev_paths_are_never_renamed_over():
    # checked without writing: the system's /dev is never a test's target
    from newsclean.io.outputs import is_regular_destination

    assert not is_regular_destination("/dev/stdout")
    assert not is_regular_destination("/dev/fd/1")
    assert not is_regular_destination("/proc/self/fd/1")


# --- 2. a directory of articles: a bad file is one reject, the run goes on --------------------------------
def test_undecodable_article_is_rejected_with_its_bytes_and_the_rest_go_on(tmp_path, capsys):
    d = tmp_path / "articles"
    d.mkdir()
    bad = "दूसरी खबर\n\nपाठ".encode() + b"\xff\xfe rest\n"
    (d / "a.txt").write_text("पहली खबर\n\nबारिश हुई।\n", encoding="utf-8")
    (d / "b.txt").write_bytes(bad)
    (d / "c.txt").write_text("तीसरी खबर\n\nपुलिस आई|\n", encoding="utf-8")
    (d / "d.txt").write_text("चौथी खबर\n\nमेला लगा।\n", encoding="utf-8")
    out, rej = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    argv = [
        "normalize",
        str(d),
        "--format",
        "text",
        "--on-error",
        "reject",
        "--rejects",
        str(rej),
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    assert summary_counts(capsys.readouterr().err) == {
        "read": 4,
        "written": 3,
        "rejected": 1,
        "duplicates": 0,
    }
    assert [r["id"] for r in read_jsonl(out)] == ["a", "c", "d"]
    (entry,) = read_jsonl(rej)
    assert entry["path"] == str(d / "b.txt")
    assert entry["line"] == 3
    assert entry["reason"].startswith("invalid UTF-8 (byte 0xff")
    assert base64.b64decode(entry["raw_base64"]) == bad


def test_undecodable_article_stops_the_run_in_stop_mode(tmp_path, capsys):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_bytes(b"\xff")
    assert main(["normalize", str(d), "--format", "text", "-o", str(tmp_path / "o.jsonl")]) == 1
    assert f"{d / 'a.txt'}:1: invalid UTF-8" in capsys.readouterr().err


# --- 4. damaged gzip: exit 3, the file and how far it got, no traceback, every subcommand ----------------
def _gz(tmp_path: Path, name: str, n: int) -> tuple[Path, bytes]:
    data = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows(n))
    return tmp_path / name, gzip.compress(data, 6)


TRUNCATED = pytest.mark.parametrize(
    "argv",
    [
        ["clean"],
        ["normalize"],
        ["split"],
        ["normalize", "--jobs", "2"],
        ["dedup"],
        ["mine", "-o", "MODEL"],
    ],
)


@TRUNCATED
def test_truncated_gzip_exits_3_naming_the_file_and_how_far_it_got(tmp_path, capsys, argv):
    path, packed = _gz(tmp_path, "in.jsonl.gz", 2000)
    path.write_bytes(packed[: len(packed) // 2])
    argv = [a.replace("MODEL", str(tmp_path / "m.json")) for a in argv]
    out = tmp_path / "out.jsonl"
    code = main([argv[0], str(path), *argv[1:], *([] if "-o" in argv else ["-o", str(out)])])
    err = capsys.readouterr().err
    assert code == 3, err
    assert f"{path}: truncated or corrupt gzip data after " in err
    assert "complete lines" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl.gz"]  # nothing half-written left


def test_corrupt_gzip_crc_exits_3_with_the_file_name(tmp_path, capsys):
    path, packed = _gz(tmp_path, "in.jsonl.gz", 50)
    broken = bytearray(packed)
    broken[-8] ^= 0xFF  # the CRC of the trailer
    path.write_bytes(bytes(broken))
    assert main(["normalize", str(path), "-o", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert f"{path}: truncated or corrupt gzip data after 50 complete lines" in err
    assert "CRC check failed" in err


def test_truncated_gzip_text_article_exits_3(tmp_path, capsys):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress("शीर्षक\n\nपाठ।\n".encode() * 200)[:-30])
    assert main(["normalize", str(path), "--format", "text", "-o", str(tmp_path / "o.jsonl")]) == 3
    assert f"{path}: truncated or corrupt gzip data" in capsys.readouterr().err


@pytest.mark.parametrize("first", [b"\x1f\x8b\x08\x00junk", b"\x1f\x8b\x08"])
def test_a_plain_line_starting_with_the_gzip_magic_is_a_rejected_line_not_gzip(tmp_path, capsys, first):
    # (a bare header with a line break after it inflates to nothing: not gzip either)
    src = write_jsonl(tmp_path / "in.jsonl", [A2], raw_lines={0: first})
    out, rej = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    assert main(["normalize", str(src), "-o", str(out), "--rejects", str(rej)]) == 0
    assert summary_counts(capsys.readouterr().err) == {
        "read": 2,
        "written": 1,
        "rejected": 1,
        "duplicates": 0,
    }
    assert read_jsonl(rej)[0]["line"] == 1


def test_gzip_not_named_gz_is_still_read_as_gzip(tmp_path, capsys):
    path, packed = _gz(tmp_path, "in.jsonl", 10)
    path.write_bytes(packed)
    out = tmp_path / "o.jsonl"
    assert main(["normalize", str(path), "-o", str(out)]) == 0
    assert [r["id"] for r in read_jsonl(out)] == list(range(10))


# --- 5. gzip level 6 by default, --compress-level to choose ----------------------------------------------
@pytest.mark.parametrize(
    ("extra", "xfl"), [([], 0), (["--compress-level", "9"], 2), (["--compress-level", "1"], 4)]
)
def test_gzip_output_level(tmp_path, capsys, extra, xfl):
    src = write_jsonl(tmp_path / "in.jsonl", rows(50))
    out = tmp_path / "o.jsonl.gz"
    assert main(["normalize", str(src), "-o", str(out), *extra]) == 0
    packed = out.read_bytes()
    assert packed[8] == xfl  # the gzip header's XFL byte: 2 = level 9, 4 = level 1, 0 = the levels between
    assert len(read_gz_lines(out)) == 50


def read_gz_lines(path: Path) -> list[bytes]:
    return gzip.decompress(path.read_bytes()).splitlines()


@pytest.mark.parametrize("level", ["0", "10", "fast"])
def test_compress_level_out_of_range_is_a_usage_error(level, capsys):
    assert main(["normalize", "--compress-level", level]) == 2
    assert "--compress-level must be a whole number from 1" in capsys.readouterr().err


# --- 6. the small ones --------------------------------------------------------------------------------------
def test_every_record_rejected_exits_1_with_a_hint_and_keeps_the_rejects(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2])
    out, rej = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    argv = [
        "clean",
        str(src),
        "-o",
        str(out),
        "--text-field",
        "body",
        "--on-error",
        "reject",
        "--rejects",
        str(rej),
    ]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "every record (2) was rejected" in err
    assert "is --text-field 'body' right? The first record has the fields: id, title, text, publisher" in err
    assert not out.exists()
    assert len(read_jsonl(rej)) == 2


def test_stop_mode_summary_accounts_for_every_record_read(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2, {"text": 1}, A1])
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    counts = summary_counts(capsys.readouterr().err)
    assert counts == {"read": 3, "written": 0, "rejected": 0, "duplicates": 0, "unwritten": 3}


def test_stop_mode_on_stdout_counts_what_was_written(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2, {"text": 1}, A1])
    assert main(["normalize", str(src)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert summary_counts(captured.err) == {
        "read": 3,
        "written": 2,
        "rejected": 0,
        "duplicates": 0,
        "unwritten": 1,
    }


def test_mine_summary_reports_the_model_not_written_records(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2, {"text": None}])
    model = tmp_path / "m.json"
    assert main(["mine", str(src), "-o", str(model), "--rejects", str(tmp_path / "r.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "  written:" not in err
    assert "used for the model:                 2" in err
    assert f"written to {model}" in err


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_in_a_record_is_rejected_with_its_reason(tmp_path, capsys, constant):
    src = write_jsonl(
        tmp_path / "in.jsonl", [A2], raw_lines={1: f'{{"text": "x", "score": {constant}}}'.encode()}
    )
    out, rej = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    assert main(["normalize", str(src), "-o", str(out), "--rejects", str(rej)]) == 0
    (entry,) = read_jsonl(rej)
    assert entry["reason"] == f"invalid JSON ({constant} is not a JSON value; write null or a string)"
    for line in out.read_text(encoding="utf-8").splitlines():  # what was written is strict JSON
        json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in the output"))


@pytest.mark.parametrize("raw", [b'{"text": "unterminated', b'{"text": "a\x01b"}', b'{"text": "x"} trailing'])
def test_invalid_json_messages_never_say_at_at(tmp_path, capsys, raw):
    src = write_jsonl(tmp_path / "in.jsonl", [], raw_lines={0: raw})
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err
    assert f"{src}:1: invalid JSON (" in err
    assert "at at" not in err
    assert "column" in err


def test_pipeline_batch_names_the_row_of_a_none_text_and_refuses_ragged_columns():
    import newsclean as nc

    pipe = nc.make_pipeline(nc.Normalize())
    with pytest.raises(
        nc.InputTypeError, match=r"Pipeline.batch row 1: field 'text' must be str, not NoneType"
    ):
        pipe.batch({"text": ["क", None]})
    with pytest.raises(nc.RecordError, match=r"columns of different lengths: \{'text': 2, 'title': 1\}"):
        pipe.batch({"text": ["क", "ख"], "title": ["x"]})


def test_gzip_input_not_named_gz_moves_the_progress_position_by_compressed_bytes(tmp_path):
    from newsclean._cli.sources import LineReader, Source

    path = tmp_path / "in.jsonl"
    packed = gzip.compress(
        b"".join(json.dumps({"text": f"{i} " * 40}).encode() + b"\n" for i in range(20000))
    )
    path.write_bytes(packed)
    seen = []
    with LineReader(Source(str(path))) as reader:
        for lineno, _ in reader:
            if lineno % 2000 == 0:
                seen.append(reader.position())
    assert seen == sorted(seen)
    assert seen[0] < len(packed) / 2  # not stuck at 100 % after the first buffer
    assert seen[-1] <= len(packed)


def test_progress_shows_an_eta_when_the_size_is_known():
    from newsclean._cli.report import Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    p = Progress(tty, total_bytes=1000)
    p.started -= 10  # ten seconds in
    p._last = -1.0
    p.update(5, 250)
    assert "25.0%" in tty.getvalue()
    assert "ETA 0:30" in tty.getvalue()


def test_jobs_beyond_four_per_cpu_is_a_usage_error(capsys):
    assert main(["clean", "--jobs", "1000"]) == 2
    assert "--jobs must be at most" in capsys.readouterr().err


def test_a_directory_of_jsonl_is_read_without_format_text(tmp_path, capsys):
    d = tmp_path / "shards"
    d.mkdir()
    write_jsonl(d / "b.jsonl", rows(2, 2))
    write_jsonl(d / "a.jsonl", rows(2))
    (d / "notes.md").write_text("not a shard", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["normalize", str(d), "-o", str(out)]) == 0
    assert [r["id"] for r in read_jsonl(out)] == [0, 1, 2, 3]


def test_a_directory_of_articles_without_format_text_is_a_usage_error_not_errno_21(tmp_path, capsys):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text("शीर्षक\n\nपाठ।\n", encoding="utf-8")
    assert main(["normalize", str(d), "-o", str(tmp_path / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "Errno" not in err
    assert "is a directory with no *.jsonl" in err
    assert "--format text" in err


# --- build: --explain --no-original, per-rule shares --------------------------------------------------------
def test_explain_without_the_original_text(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2])
    full, slim = tmp_path / "full.jsonl", tmp_path / "slim.jsonl"
    assert main(["clean", str(src), "-o", str(full), "--explain"]) == 0
    assert main(["clean", str(src), "-o", str(slim), "--explain", "--no-original"]) == 0
    for a, b in zip(read_jsonl(full), read_jsonl(slim), strict=True):
        assert "text" not in b
        assert {k: v for k, v in a.items() if k != "text"} == b
    assert slim.stat().st_size < full.stat().st_size


def test_summary_gives_the_share_of_characters_removed_per_rule(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1])
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    total = len(A1["text"])
    removed = "यह भी पढ़ें: बारिश से कई इलाकों में पानी भरा\n"
    assert f"of {total:,} input characters" in err
    share = f"{100 * len(removed) / total:6.2f} %"
    assert any(
        line.strip().startswith("boilerplate.also_read") and line.endswith(share) for line in err.splitlines()
    ), err
