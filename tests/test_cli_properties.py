"""Properties of the command line over arbitrary input lines: nothing is lost, nothing crashes."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import hindi_paragraphs, hostile_text
from tests.test_cli import summary_counts

from newsclean.cli import main

# a line is a good record (hostile or Hindi text), a record with a bad field, or raw garbage bytes
GOOD = st.builds(
    lambda t: json.dumps({"text": t}, ensure_ascii=False).encode("utf-8", "surrogatepass"), hindi_paragraphs()
)
HOSTILE = st.builds(
    lambda t: json.dumps({"text": t, "n": 1}).encode(), hostile_text
)  # \\u escapes, surrogates too
BAD_FIELD = st.sampled_from([b'{"text": 1}', b'{"title": "x"}', b'{"text": null}', b"[]", b'"text"'])
GARBAGE = st.binary(min_size=1, max_size=40).filter(lambda b: b"\n" not in b and b.strip() != b"")
LINE = st.one_of(GOOD, HOSTILE, BAD_FIELD, GARBAGE)


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def _refuse(name: str) -> object:
    raise ValueError(name)  # NaN and Infinity are not JSON


def _is_record(line: bytes) -> bool:
    try:
        rec = json.loads(line.decode("utf-8"), parse_constant=_refuse)
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(rec, dict) and isinstance(rec.get("text"), str)


def _numbered(lines: list[bytes]) -> list[tuple[int, bytes]]:
    """The lines the reader counts, with their numbers: a BOM opening line 1 is not content, blank lines
    are not records."""
    out = []
    for i, line in enumerate(lines):
        if i == 0 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if line.strip():
            out.append((i + 1, line))
    return out


@settings(max_examples=40)
@given(st.lists(LINE, max_size=12))
def test_records_in_equal_written_plus_rejected_and_outputs_are_valid(lines):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        src, out, rej = d / "in.jsonl", d / "out.jsonl", d / "rej.jsonl"
        src.write_bytes(b"\n".join(lines) + b"\n")
        code, err = _run(["clean", str(src), "-o", str(out), "--rejects", str(rej), "--explain"])
        numbered = _numbered(lines)
        all_rejected = bool(numbered) and not any(_is_record(line) for _, line in numbered)
        assert code == (1 if all_rejected else 0), err
        counts = summary_counts(err)
        assert counts["read"] == len(numbered)
        assert counts["read"] == counts["written"] + counts["rejected"] + counts["duplicates"]
        assert counts["written"] == sum(_is_record(line) for _, line in numbered)
        if all_rejected:  # exit 1 with a hint; the rejects are kept, no empty output pretends to be a result
            assert "every record" in err
            assert not out.exists()
        written = out.read_bytes().splitlines() if out.exists() else []
        rejected = rej.read_bytes().splitlines()
        assert len(written) == counts["written"]
        assert len(rejected) == counts["rejected"]
        for raw in written:  # every output line is valid UTF-8 JSON with the added fields
            rec = json.loads(raw.decode("utf-8"))
            assert isinstance(rec["cleaned"], str)
            assert isinstance(rec["sentences"], list)
            assert isinstance(rec["edits"], list)
        good_lines = [n for n, line in numbered if _is_record(line)]
        bad_lines = [n for n, line in numbered if not _is_record(line)]
        assert [json.loads(r)["line"] for r in rejected] == bad_lines
        assert len(good_lines) == len(written)


@settings(max_examples=15)
@given(st.lists(LINE, min_size=1, max_size=8))
def test_stop_mode_either_completes_or_leaves_no_output(lines):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        src, out = d / "in.jsonl", d / "out.jsonl"
        src.write_bytes(b"\n".join(lines) + b"\n")
        code, err = _run(["clean", str(src), "-o", str(out)])
        numbered = _numbered(lines)
        if all(_is_record(line) for _, line in numbered):
            assert code == 0, err
            assert len(out.read_bytes().splitlines()) == len(numbered)
        else:
            first_bad = next(n for n, line in numbered if not _is_record(line))
            assert code == 1
            assert f"{src}:{first_bad}: " in err
            assert not out.exists()
            counts = summary_counts(err)  # the stopped run still accounts for every record it read
            assert counts["read"] == sum(1 for n, _ in numbered if n <= first_bad)
            assert counts["written"] == 0
            assert counts["read"] == counts["written"] + counts["rejected"] + counts["unwritten"]
        assert sorted(p.name for p in d.iterdir()) == sorted(
            ["in.jsonl", *(["out.jsonl"] if code == 0 else [])]
        )
