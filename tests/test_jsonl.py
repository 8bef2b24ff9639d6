"""JSONL / plain-text record I/O: located errors, rejects, atomic output, gzip, round trips."""

from __future__ import annotations

import base64
import gzip
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import hostile_text

from newsclean.errors import RecordError
from newsclean.io.articles import format_article, parse_article, read_articles
from newsclean.io.jsonl import (
    AtomicWriter,
    RecordItem,
    RejectSink,
    dump_record,
    iter_lines,
    iter_records,
    open_input,
    parse_line,
    read_jsonl,
)


def _items(data: bytes, **kw):
    return list(iter_records(io.BytesIO(data), path="in.jsonl", **kw))


# --- parse_line: every failure names file and line ------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "message", "field"),
    [
        (b'{"id": 1}', "in.jsonl:7: field 'text' missing", "text"),
        (b'{"text": 5}', "in.jsonl:7: field 'text' must be a string, not int", "text"),
        (b'{"text": null}', "in.jsonl:7: field 'text' must be a string, not null", "text"),
        (b'{"text": ["\xe0\xa4\x95"]}', "in.jsonl:7: field 'text' must be a string, not list", "text"),
        (b'{"text": "ok", "title": 3}', "in.jsonl:7: field 'title' must be a string, not int", "title"),
        (b"[1, 2]", "in.jsonl:7: record must be a JSON object, not array", None),
        (b'"\xe0\xa4\x95"', "in.jsonl:7: record must be a JSON object, not string", None),
        (b"42", "in.jsonl:7: record must be a JSON object, not number", None),
        (
            b'{"text": "a",}',
            "in.jsonl:7: invalid JSON (Expecting property name enclosed in double quotes at column 14)",
            None,
        ),
        (b'{"text": "\xe0\xa4"}', "in.jsonl:7: invalid UTF-8 (byte 0xe0 at byte offset 10)", None),
        (b'{"text": "ab\xff"}', "in.jsonl:7: invalid UTF-8 (byte 0xff at byte offset 12)", None),
    ],
)
def test_parse_line_errors_carry_location_reason_and_field(raw, message, field):
    with pytest.raises(RecordError) as info:
        parse_line(raw, path="in.jsonl", lineno=7, fields=("text",), optional=("title",))
    assert str(info.value) == message
    assert (info.value.path, info.value.lineno, info.value.field) == ("in.jsonl", 7, field)


def test_parse_line_accepts_null_optional_field_and_keeps_everything():
    raw = '{"text": "राम", "title": null, "n": [1, {"a": true}]}'.encode()
    assert parse_line(raw, path="p", lineno=1, optional=("title",)) == {
        "text": "राम",
        "title": None,
        "n": [1, {"a": True}],
    }


def test_parse_line_deeply_nested_json_is_a_record_error_not_a_crash():
    raw = b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(RecordError, match=r"^p:1: invalid JSON"):
        parse_line(raw, path="p", lineno=1)


# --- line splitting ----------------------------------------------------------------------------------
def test_lines_skip_blank_strip_crlf_and_bom_and_keep_u2028_inside_a_record():
    data = b"\xef\xbb\xbf" + '{"text": "क\u2028ख"}\r\n'.encode() + b"\n   \n" + b'{"text": "\xe0\xa4\x97"}'
    items = _items(data)
    assert [(i.lineno, i.record) for i in items] == [(1, {"text": "क\u2028ख"}), (4, {"text": "ग"})]


def test_iter_lines_numbers_lines_from_one_counting_blank_ones():
    assert [n for n, _ in iter_lines(io.BytesIO(b"\n\na\n\nb\n"))] == [3, 5]


def test_iter_records_reports_every_bad_line_and_continues():
    data = '{"text": "एक"}\n{"text": 1}\n{bad\n{"text": "दो"}\n'.encode()
    items = _items(data)
    assert [(i.lineno, i.ok) for i in items] == [(1, True), (2, False), (3, False), (4, True)]
    assert str(items[1].error) == "in.jsonl:2: field 'text' must be a string, not int"


def test_stdin_is_named_stdin_in_messages(monkeypatch):
    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b'{"x": 1}\n')))
    monkeypatch.setattr("sys.stdin", fake)
    with pytest.raises(RecordError, match=r"^<stdin>:1: field 'text' missing$"):
        list(read_jsonl("-"))


# --- read_jsonl ------------------------------------------------------------------------------------
def test_read_jsonl_stop_raises_first_error(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"text": "क"}\n{"text": "ख"}\n{}\n{"text": 2}\n', encoding="utf-8")
    it = read_jsonl(p)
    assert next(it)["text"] == "क"
    assert next(it)["text"] == "ख"
    with pytest.raises(RecordError) as info:
        next(it)
    assert info.value.lineno == 3
    assert info.value.path == str(p)


def test_read_jsonl_reject_writes_rejects_with_raw_line(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes('{"text": "क"}\n{"text": 2}\n'.encode() + b'{"text": "\xff"}\n')
    rej = tmp_path / "rej.jsonl"
    with RejectSink(rej) as sink:
        assert [r["text"] for r in read_jsonl(p, on_error="reject", rejects=sink)] == ["क"]
        assert sink.count == 2
    rows = [json.loads(line) for line in rej.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["field"]) for r in rows] == [(2, "text"), (3, None)]
    assert rows[0]["raw"] == '{"text": 2}'
    assert rows[0]["reason"] == "field 'text' must be a string, not int"
    assert "raw_base64" not in rows[0]
    # invalid UTF-8 is kept byte-exact
    assert base64.b64decode(rows[1]["raw_base64"]) == b'{"text": "\xff"}'
    assert rows[1]["raw"] == '{"text": "\ufffd"}'


def test_read_jsonl_rejects_bad_on_error_value(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="on_error"):
        list(read_jsonl(p, on_error="ignore"))


def test_gzip_detected_by_magic_not_suffix(tmp_path):
    p = tmp_path / "data.jsonl"  # no .gz suffix
    with gzip.open(p, "wb") as f:
        f.write('{"text": "गांव"}\n'.encode())
    assert [r["text"] for r in read_jsonl(p)] == ["गांव"]
    with open_input(p) as stream:
        assert stream.read() == '{"text": "गांव"}\n'.encode()


# --- writing ---------------------------------------------------------------------------------------
def test_dump_record_keeps_devanagari_unescaped():
    assert dump_record({"text": "नमस्ते", "n": 1}) == '{"text": "नमस्ते", "n": 1}'


@given(st.dictionaries(st.text(max_size=5), hostile_text, max_size=4))
def test_dump_record_is_valid_utf8_and_round_trips_exactly(record):
    line = dump_record(record)
    raw = line.encode("utf-8")  # never raises, even with lone surrogates
    assert parse_line(raw, path="p", lineno=1, fields=()) == record


def test_atomic_writer_only_appears_on_commit(tmp_path):
    p = tmp_path / "out.jsonl"
    w = AtomicWriter(p)
    w.write_line('{"text": "क"}')
    assert not p.exists()
    w.commit()
    assert p.read_text(encoding="utf-8") == '{"text": "क"}\n'
    assert [x.name for x in tmp_path.iterdir()] == ["out.jsonl"]


def test_atomic_writer_abort_keeps_old_file_and_leaves_no_temp(tmp_path):
    p = tmp_path / "out.jsonl"
    p.write_text("old\n", encoding="utf-8")

    def crash():
        with AtomicWriter(p) as w:
            w.write_line("new")
            msg = "crash"
            raise RuntimeError(msg)

    with pytest.raises(RuntimeError):
        crash()
    assert p.read_text(encoding="utf-8") == "old\n"
    assert [x.name for x in tmp_path.iterdir()] == ["out.jsonl"]


def test_atomic_writer_gz_suffix_compresses(tmp_path):
    p = tmp_path / "out.jsonl.gz"
    with AtomicWriter(p) as w:
        w.write_line('{"text": "ख़बर"}')
    assert p.read_bytes()[:2] == b"\x1f\x8b"
    assert gzip.decompress(p.read_bytes()).decode() == '{"text": "ख़बर"}\n'


def test_reject_sink_without_path_counts_only():
    sink = RejectSink(None)
    sink.write(RecordItem("p", 1, b"x"), RecordError("r", path="p", lineno=1))
    sink.commit()
    assert sink.count == 1


# --- plain-text articles ------------------------------------------------------------------------------
def test_parse_article_seed_shape():
    doc = parse_article("शीर्षक यहाँ\nउपशीर्षक यहाँ\n\nपहला पैरा।\nदूसरा पैरा।\n\n\n", id="a")
    assert doc.title == "शीर्षक यहाँ"
    assert doc.standfirst == "उपशीर्षक यहाँ"
    assert doc.text == "पहला पैरा।\nदूसरा पैरा।\n\n\n"
    assert doc.id == "a"


def test_parse_article_without_standfirst_or_blank_line():
    doc = parse_article("शीर्षक\n\nपाठ।")
    assert (doc.title, doc.standfirst, doc.text) == ("शीर्षक", None, "पाठ।")
    only_body = parse_article("पहली पंक्ति।\nदूसरी पंक्ति।")
    assert (only_body.title, only_body.text) == (None, "पहली पंक्ति।\nदूसरी पंक्ति।")


def test_parse_article_crlf_and_bom():
    doc = parse_article("\ufeffशीर्षक\r\n\r\nपाठ।\r\n")
    assert (doc.title, doc.text) == ("शीर्षक", "पाठ।\n")


def test_format_article_inverts_parse_article():
    text = "शीर्षक\nउप\n\nपाठ एक।\nपाठ दो।\n"
    doc = parse_article(text)
    assert format_article(doc.title, doc.standfirst, doc.text) == text


def test_read_articles_directory_and_invalid_utf8(tmp_path):
    (tmp_path / "b.txt").write_text("दूसरा\n\nपाठ।\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("पहला\n\nपाठ।\n", encoding="utf-8")
    (tmp_path / "skip.md").write_text("x", encoding="utf-8")
    assert [d.title for _, d in read_articles([tmp_path])] == ["पहला", "दूसरा"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes("शीर्षक\n\n".encode() + b"\xff\n")
    with pytest.raises(RecordError, match=r"bad.txt:3: invalid UTF-8"):
        list(read_articles([bad]))


def test_seed_file_parses():
    from newsclean.io.seed import load_seed, seed_text

    doc = load_seed()
    raw = seed_text()
    first, second = raw.split("\n")[:2]
    assert doc.title == first
    assert doc.standfirst == second
    assert doc.text == raw.split("\n\n", 1)[1]


def test_seed_dir_falls_back_to_checkout_seeds():
    from newsclean.io.seed import SEED_NAME, seed_dir

    assert seed_dir().joinpath(SEED_NAME).read_text(encoding="utf-8").startswith("छत्तीसगढ़")


def test_atomic_output_gets_normal_permissions_not_owner_only(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        new_file = tmp_path / "new.jsonl"
        with AtomicWriter(new_file) as w:
            w.write_line("{}")
        assert new_file.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.jsonl"
        kept.write_text("", encoding="utf-8")
        kept.chmod(0o640)
        with AtomicWriter(kept) as w:
            w.write_line("{}")
        assert kept.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode
    finally:
        os.umask(old)
