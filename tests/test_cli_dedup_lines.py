"""``newsclean dedup`` writes each kept line exactly as read, from plain files (read again by offset),
gzip files and stdin alike; a plain input changed before the copy is refused."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newsclean._cli.columns import Records, open_lines
from newsclean._cli.sources import Source
from newsclean.cli import main
from newsclean.io.outputs import AtomicWriter

_A = "भारत सरकार ने आज नई शिक्षा नीति की घोषणा की। मंत्री ने कहा कि स्कूलों में बदलाव होंगे।"
_C = "मुंबई में भारी बारिश से जनजीवन अस्त-व्यस्त हो गया और कई उड़ानें रद्द करनी पड़ीं।"


def _lines() -> list[bytes]:
    rows = [
        {"id": 1, "text": _A, "extra": [1, {"x": "य"}]},
        {"id": 2, "text": _A},  # an exact duplicate of 1
        {"id": 3, "text": _C, "title": "शीर्षक"},
        {"id": 4, "text": _A.replace("आज", "सोमवार को")},
    ]
    out = [json.dumps(r, ensure_ascii=False).encode() for r in rows]
    out.insert(2, b'{"text": 5}')  # rejected
    return out


def _layout(lines: list[bytes]) -> bytes:
    # a BOM, a CRLF line, blank lines, spaces inside the line, no newline at the end
    body = [lines[0] + b"\r\n", b"\n", lines[1].replace(b", ", b",  ") + b"\n", b"   \n"]
    body += [x + b"\n" for x in lines[2:-1]] + [lines[-1]]
    return b"\xef\xbb\xbf" + b"".join(body)


def _expected(data: bytes, kept_ids: set[int]) -> bytes:
    out = []
    for raw in data.removeprefix(b"\xef\xbb\xbf").split(b"\n"):
        line = raw.rstrip(b"\r\n")
        if line.strip():
            rec = json.loads(line)
            if isinstance(rec.get("text"), str) and rec["id"] in kept_ids:
                out.append(line + b"\n")
    return b"".join(out)


@pytest.mark.parametrize("kind", ["plain", "gzip", "stdin"])
def test_kept_lines_are_the_bytes_read(tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _layout(_lines())
    out = tmp_path / "kept.jsonl"
    argv = ["dedup", "-o", str(out), "--on-error", "reject", "--no-progress"]
    if kind == "plain":
        (tmp_path / "in.jsonl").write_bytes(data)
        argv.insert(1, str(tmp_path / "in.jsonl"))
    elif kind == "gzip":
        (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(data))
        argv.insert(1, str(tmp_path / "in.jsonl.gz"))
    else:
        fake = io.TextIOWrapper(io.BytesIO(data))
        monkeypatch.setattr("sys.stdin", fake)
    assert main(argv) == 0
    kept = {json.loads(x)["id"] for x in out.read_bytes().splitlines()}
    assert kept == {3, 4}  # 1 and 2 are copies of 4 (the longest text is kept)
    assert out.read_bytes() == _expected(data, kept)


def test_runs_of_consecutive_lines_and_two_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    rows_a = [{"id": i, "text": f"{_C} {i}" * (i + 1)} for i in range(6)]
    a.write_bytes(b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows_a))
    b.write_bytes(b'{"id": 9, "text": "x y z"}\r\n\n{"id": 10, "text": "p q r"}')
    records = Records()
    with records:
        for src in (Source(str(a)), Source(str(b))):
            lines = open_lines(src, records)
            for lineno, raw, offset in lines:
                records.add(json.loads(raw)["text"], None, lineno, raw, offset)
            lines.close()
        target = tmp_path / "out.jsonl"
        with AtomicWriter(target) as w:
            records.write(w, [0, 1, 2, 4, 6, 7])
    want = a.read_bytes().splitlines(keepends=True)
    assert target.read_bytes() == b"".join([*want[:3], want[4]]) + (
        b'{"id": 9, "text": "x y z"}\n{"id": 10, "text": "p q r"}\n'
    )


def test_a_plain_input_changed_before_the_copy_is_refused(tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    a.write_bytes(b'{"text": "x y z"}\n')
    records = Records()
    lines = open_lines(Source(str(a)), records)
    for lineno, raw, offset in lines:
        records.add("x y z", None, lineno, raw, offset)
    lines.close()
    with a.open("ab") as f:
        f.write(b'{"text": "more"}\n')
    os.utime(a, ns=(1, 1))
    with records, AtomicWriter(tmp_path / "out.jsonl") as w, pytest.raises(Exception, match="changed"):
        records.write(w, [0])
