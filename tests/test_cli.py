"""The command line, in-process through ``main(argv)``: I/O shapes, fields, errors, rejects, exit codes."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pytest

from newsclean.cli import main

A1 = {
    "id": "a1",
    "title": "नगर निगम ने नई सड़क का काम शुरू किया",
    "text": "भोपाल। नगर निगम ने सोमवार को नई सड़क का काम शुरू किया।\n"
    "यह भी पढ़ें: बारिश से कई इलाकों में पानी भरा\n"
    "महापौर ने कहा कि काम दो महीने में पूरा होगा।",
    "publisher": "दैनिक समाचार",
}
A2 = {
    "id": "a2",
    "title": "किसानों का धरना",
    "text": "किसानों ने मंडी में धरना दिया|\u00a0प्रशासन ने बातचीत का भरोसा दिया।",
    "publisher": "दैनिक समाचार",
}


def write_jsonl(path: Path, rows: list[object], *, raw_lines: dict[int, bytes] | None = None) -> Path:
    """Write rows (dicts become JSON) and, at given 0-based positions, raw byte lines."""
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in rows]
    for pos, raw in sorted((raw_lines or {}).items()):
        lines.insert(pos, raw)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary_counts(stderr: str) -> dict[str, int]:
    """Parse the stderr summary into {read, written, rejected, duplicates}."""
    pats = {
        "read": r"records read:\s+([\d,]+)",
        "written": r"written:\s+([\d,]+)",
        "rejected": r"rejected:\s+([\d,]+)",
        "duplicates": r"dropped as duplicates:\s+([\d,]+)",
    }
    out = {}
    for key, pat in pats.items():
        m = re.search(pat, stderr)
        assert m, f"summary line {key!r} missing in:\n{stderr}"
        out[key] = int(m.group(1).replace(",", ""))
    m = re.search(r"not written \(run stopped\):\s+([\d,]+)", stderr)  # only when a run stopped
    if m:
        out["unwritten"] = int(m.group(1).replace(",", ""))
    return out


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8"))


# --- usage errors: exit 2, nothing written ------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["clean", "--jobs", "0"],
        ["clean", "--jobs", "two"],
        ["clean", "--steps", "normalize,stem"],
        ["clean", "--steps", ""],
        ["clean", "--profile", "fast"],
        ["dedup", "--threshold", "1.5"],
        ["dedup", "--threshold", "0"],
        ["frobnicate"],
        [],
        ["mine", "in.jsonl"],  # -o is required for mine
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_help_exits_0(capsys):
    assert main(["clean", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--on-error" in out
    assert "exit codes" in out


def test_refuses_to_overwrite_input(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1])
    before = src.read_bytes()
    assert main(["clean", str(src), "-o", str(src)]) == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err
    assert src.read_bytes() == before


def test_refuses_rejects_file_equal_to_input(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1])
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl"), "--rejects", str(src)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err


def test_rejects_with_on_error_stop_is_a_usage_error(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1])
    argv = ["normalize", str(src), "--on-error", "stop", "--rejects", str(tmp_path / "r.jsonl")]
    assert main(argv) == 2
    assert "--rejects needs --on-error reject" in capsys.readouterr().err


def test_missing_input_file_exits_3(tmp_path, capsys):
    assert main(["normalize", str(tmp_path / "nope.jsonl")]) == 3
    assert "nope.jsonl" in capsys.readouterr().err


def test_unreadable_model_exits_3_before_reading_input(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1])
    assert main(["clean", str(src), "--model", str(tmp_path / "missing.json")]) == 3
    assert "model" in capsys.readouterr().err


# --- bad records: stop (default) -----------------------------------------------------------------------
def test_stop_names_file_and_line_and_leaves_no_output(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2, {"id": "x"}], raw_lines={1: b"{not json"})
    out = tmp_path / "out.jsonl"
    assert main(["normalize", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]  # no temporary file left behind


def test_stop_keeps_an_existing_output_file_unchanged(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, {"text": 7}])
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    assert main(["normalize", str(src), "-o", str(out)]) == 1
    assert f"{src}:2: field 'text' must be a string, not int" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous run\n"


def test_invalid_utf8_is_located(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1], raw_lines={0: b'{"text": "\xe0\xa4"}'})
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert f"{src}:1: invalid UTF-8 (byte 0xe0 at byte offset 10)" in capsys.readouterr().err


# --- bad records: reject ----------------------------------------------------------------------------------
def test_reject_writes_rejects_and_counts_add_up(tmp_path, capsys):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [A1, {"id": "no-text"}, A2, {"text": None}, {"text": "ठीक", "title": 5}],
        raw_lines={2: b"[1, 2]", 4: b'{"text": "\xff"}'},
    )
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    code = main(["normalize", str(src), "-o", str(out), "--on-error", "reject", "--rejects", str(rej)])
    assert code == 0
    counts = summary_counts(capsys.readouterr().err)
    assert counts == {"read": 7, "written": 2, "rejected": 5, "duplicates": 0}
    assert [r["id"] for r in read_jsonl(out)] == ["a1", "a2"]
    rejects = read_jsonl(rej)
    assert [(r["line"], r["reason"]) for r in rejects] == [
        (2, "field 'text' missing"),
        (3, "record must be a JSON object, not array"),
        (5, "invalid UTF-8 (byte 0xff at byte offset 10)"),
        (6, "field 'text' must be a string, not null"),
        (7, "field 'title' must be a string, not int"),
    ]
    assert all(r["path"] == str(src) for r in rejects)
    assert rejects[0]["raw"] == '{"id": "no-text"}'


def test_rejects_flag_alone_implies_reject(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, {"x": 1}])
    rej = tmp_path / "rej.jsonl"
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl"), "--rejects", str(rej)]) == 0
    assert len(read_jsonl(rej)) == 1
    assert summary_counts(capsys.readouterr().err)["rejected"] == 1


# --- shapes: stdin/stdout, gzip, fields, unescaped output ------------------------------------------------
def test_stdin_to_stdout_keeps_every_field_and_writes_devanagari_unescaped(monkeypatch, capsysbinary):
    feed_stdin(monkeypatch, (json.dumps(A2, ensure_ascii=False) + "\n").encode())
    assert main(["normalize", "-"]) == 0
    captured = capsysbinary.readouterr()
    line = captured.out.decode("utf-8")
    assert "किसानों" in line  # not \\u escaped
    rec = json.loads(line)
    assert {k: rec[k] for k in A2} == A2
    assert rec["cleaned"] == "किसानों ने मंडी में धरना दिया। प्रशासन ने बातचीत का भरोसा दिया।"
    assert b"records read" in captured.err


def test_absent_input_reads_stdin(monkeypatch, capsysbinary):
    feed_stdin(monkeypatch, json.dumps({"text": "राम|"}, ensure_ascii=False).encode())
    assert main(["normalize"]) == 0
    assert json.loads(capsysbinary.readouterr().out)["cleaned"] == "राम।"


def test_gzip_in_and_out(tmp_path, capsys):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress((json.dumps(A2, ensure_ascii=False) + "\n").encode()))
    out = tmp_path / "out.jsonl.gz"
    assert main(["normalize", str(src), "-o", str(out)]) == 0
    rec = json.loads(gzip.decompress(out.read_bytes()))
    assert rec["cleaned"].endswith("प्रशासन ने बातचीत का भरोसा दिया।")


def test_field_names_are_configurable(tmp_path, capsys):
    row = {"body": "राम|", "headline": "शीर्षक", "uid": 9, "extra": [1]}
    src = write_jsonl(tmp_path / "in.jsonl", [row])
    out = tmp_path / "o.jsonl"
    argv = ["normalize", str(src), "-o", str(out), "--text-field", "body", "--title-field", "headline"]
    argv += ["--id-field", "uid", "--output-field", "body_clean"]
    assert main(argv) == 0
    assert read_jsonl(out) == [{**row, "body_clean": "राम।"}]


def test_explain_is_off_by_default_and_maps_to_the_original(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A2])
    out = tmp_path / "o.jsonl"
    assert main(["normalize", str(src), "-o", str(out)]) == 0
    assert "edits" not in read_jsonl(out)[0]
    assert main(["normalize", str(src), "-o", str(out), "--explain"]) == 0
    edits = read_jsonl(out)[0]["edits"]
    assert isinstance(edits, list)
    assert edits
    for e in edits:
        assert A2["text"][e["start"] : e["end"]] == e["old"]
        assert e["step"] == "normalize"
    assert {(e["old"], e["new"]) for e in edits} >= {("|", "।"), ("\u00a0", " ")}


def test_split_adds_sentences_and_spans_without_changing_text(tmp_path, capsys):
    row = {"text": "राम घर गया। सीता आई।"}
    src = write_jsonl(tmp_path / "in.jsonl", [row])
    out = tmp_path / "o.jsonl"
    assert main(["split", str(src), "-o", str(out), "--spans"]) == 0
    rec = read_jsonl(out)[0]
    assert rec["sentences"] == ["राम घर गया।", "सीता आई।"]
    assert rec["sentence_spans"] == [[0, 11], [12, 20]]
    assert "cleaned" not in rec
    assert rec["text"] == row["text"]


def test_clean_all_steps_removes_boilerplate_and_splits(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2])
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--explain"]) == 0
    r1, r2 = read_jsonl(out)
    assert "यह भी पढ़ें" not in r1["cleaned"]
    assert "महापौर ने कहा कि काम दो महीने में पूरा होगा।" in r1["cleaned"]
    assert any("यह भी पढ़ें" in e["old"] and e["new"] == "" for e in r1["edits"])
    assert r2["sentences"] == ["किसानों ने मंडी में धरना दिया।", "प्रशासन ने बातचीत का भरोसा दिया।"]
    err = capsys.readouterr().err
    assert "characters removed" in err


def test_steps_option_selects_steps_in_pipeline_order(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A2])
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--steps", "split,normalize", "--explain"]) == 0
    rec = read_jsonl(out)[0]
    assert rec["sentences"] == ["किसानों ने मंडी में धरना दिया।", "प्रशासन ने बातचीत का भरोसा दिया।"]
    assert {e["step"] for e in rec["edits"]} == {"normalize"}


def test_search_profile_folds_digits(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": "कीमत १०० रुपये।"}])
    out = tmp_path / "o.jsonl"
    assert main(["normalize", str(src), "-o", str(out), "--profile", "search"]) == 0
    assert read_jsonl(out)[0]["cleaned"] == "कीमत 100 रुपये।"
    assert main(["normalize", str(src), "-o", str(out)]) == 0
    assert read_jsonl(out)[0]["cleaned"] == "कीमत १०० रुपये।"


def test_jobs_2_preserves_order_and_output_bytes(tmp_path, capsys):
    rows = [{"id": i, "text": f"खबर संख्या {i} आई|\u00a0दूसरा वाक्य।"} for i in range(300)]
    src = write_jsonl(tmp_path / "in.jsonl", rows, raw_lines={150: b"{broken"})
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    base = ["clean", str(src), "--steps", "normalize,split", "--on-error", "reject"]
    assert main([*base, "-o", str(one)]) == 0
    assert main([*base, "-o", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in read_jsonl(two)] == list(range(300))
    err = capsys.readouterr().err
    assert err.count("rejected:") == 2


# --- plain-text articles ----------------------------------------------------------------------------------
ARTICLE = "नगर निगम का फैसला\nशहर में नई सड़कें बनेंगी\n\nनगर निगम ने फैसला किया|\nकाम जल्द शुरू होगा।\n"


def test_text_format_in_jsonl_out(tmp_path, capsys):
    src = tmp_path / "article.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(src), "--format", "text", "--steps", "normalize,split", "-o", str(out)]) == 0
    rec = read_jsonl(out)[0]
    assert rec["title"] == "नगर निगम का फैसला"
    assert rec["standfirst"] == "शहर में नई सड़कें बनेंगी"
    assert rec["id"] == "article"
    assert rec["cleaned"] == "नगर निगम ने फैसला किया।\nकाम जल्द शुरू होगा।\n"
    assert rec["sentences"] == ["नगर निगम ने फैसला किया।", "काम जल्द शुरू होगा।"]


def test_text_format_in_text_out(tmp_path, capsys):
    src = tmp_path / "article.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "o.txt"
    argv = ["clean", str(src), "--format", "text", "--output-format", "text", "--steps", "normalize,split"]
    assert main([*argv, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (
        "नगर निगम का फैसला\nशहर में नई सड़कें बनेंगी\n\nनगर निगम ने फैसला किया।\nकाम जल्द शुरू होगा।\n"
    )


# --- progress and summary ---------------------------------------------------------------------------------
def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A2] * 50)
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err
    assert summary_counts(err) == {"read": 50, "written": 50, "rejected": 0, "duplicates": 0}


def test_progress_draws_only_when_enabled():
    from newsclean._cli.report import Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    p = Progress(tty, total_bytes=100)
    p._last = -1.0  # due now
    p.update(3, 50)
    p.close()
    assert "\r" in tty.getvalue()
    assert "50.0%" in tty.getvalue()
    plain = io.StringIO()
    q = Progress(plain, total_bytes=100)
    q.update(3, 50)
    q.close()
    assert plain.getvalue() == ""


# --- mine and dedup ---------------------------------------------------------------------------------------
def _template_corpus() -> list[dict[str, str]]:
    promo = "हमारे व्हाट्सऐप चैनल से जुड़ें और ताज़ा खबरें पाएं।"
    stories = [
        "जिले में आज भारी बारिश हुई और कई सड़कें बंद रहीं।",
        "विधानसभा में बजट पर लंबी बहस चली।",
        "शहर के अस्पताल में नई मशीन लगाई गई।",
        "किसानों को बीज समय पर बांटे गए।",
        "स्कूलों में परीक्षा की तारीख घोषित हुई।",
        "नदी पर नया पुल बनकर तैयार हो गया।",
    ]
    return [
        {"id": f"p{i}", "text": f"{s}\n{promo}", "title": f"खबर {i}", "publisher": "समाचार एक"}
        for i, s in enumerate(stories)
    ]


def test_mine_then_clean_with_the_model(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", _template_corpus())
    model = tmp_path / "model.json"
    assert main(["mine", str(src), "-o", str(model), "--group-field", "publisher"]) == 0
    assert json.loads(model.read_text(encoding="utf-8"))  # valid JSON
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "model.json"]  # no temporary left
    out = tmp_path / "o.jsonl"
    argv = ["clean", str(src), "-o", str(out), "--model", str(model), "--group-field", "publisher"]
    assert main(argv) == 0
    cleaned = [r["cleaned"] for r in read_jsonl(out)]
    assert not any("व्हाट्सऐप चैनल" in c for c in cleaned)
    assert "विधानसभा में बजट पर लंबी बहस चली।" in cleaned[1]


def test_dedup_writes_kept_records_and_clusters_and_counts_add_up(tmp_path, capsys):
    base = (
        "राज्य सरकार ने आज नई शिक्षा नीति की घोषणा की जिसके तहत सभी सरकारी स्कूलों में डिजिटल कक्षाएं शुरू होंगी "
        "और शिक्षकों को विशेष प्रशिक्षण दिया जाएगा। मंत्री ने कहा कि यह योजना अगले साल से लागू होगी।"
    )
    other = (
        "शहर में लगातार तीसरे दिन बारिश होती रही जिससे निचले इलाकों में पानी भर गया और यातायात प्रभावित हुआ। "
        "नगर निगम की टीमें पानी निकालने में जुटी रहीं।"
    )
    rows = [
        {"id": "a", "text": base},
        {"id": "b", "text": other},
        {"id": "c", "text": base},  # exact duplicate of a
        {"id": "d", "text": base.replace("अगले साल", "अगले वर्ष")},  # near duplicate of a
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows, raw_lines={4: b"{oops"})
    out, clusters = tmp_path / "kept.jsonl", tmp_path / "clusters.jsonl"
    argv = ["dedup", str(src), "-o", str(out), "--clusters", str(clusters), "--on-error", "reject"]
    assert main(argv) == 0
    counts = summary_counts(capsys.readouterr().err)
    assert counts["read"] == 5
    assert counts["read"] == counts["written"] + counts["rejected"] + counts["duplicates"]
    assert counts["rejected"] == 1
    kept = read_jsonl(out)
    assert len(kept) == counts["written"]
    assert {r["id"] for r in kept} >= {"b"}
    assert len({r["id"] for r in kept} & {"a", "c", "d"}) == 1  # one survivor of the copies
    # kept lines are the input lines, byte for byte
    src_lines = set(src.read_bytes().splitlines())
    assert all(line in src_lines for line in out.read_bytes().splitlines())
    rows_c = read_jsonl(clusters)
    assert [r["line"] for r in rows_c] == [1, 2, 3, 4]
    by_id = {r["id"]: r for r in rows_c}
    assert by_id["a"]["cluster"] == by_id["c"]["cluster"] == by_id["d"]["cluster"]
    assert counts["duplicates"] == 2
    assert by_id["b"]["kept"] is True
    assert sum(not r["kept"] for r in rows_c) == counts["duplicates"]
    for r in rows_c:
        if not r["kept"]:
            assert r["duplicate_of"] == r["cluster"]
            assert 0.0 <= r["score"] <= 1.0


def test_dedup_stop_on_bad_record_writes_nothing(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": "एक"}, {"text": 1}])
    out = tmp_path / "kept.jsonl"
    assert main(["dedup", str(src), "-o", str(out)]) == 1
    assert f"{src}:2: field 'text' must be a string, not int" in capsys.readouterr().err
    assert not out.exists()


# --- rule switches, miner options, article directories ----------------------------------------------------
def test_disable_switches_rules_off_by_id(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A1, A2])
    out = tmp_path / "o.jsonl"
    argv = ["clean", str(src), "-o", str(out), "--disable", "normalize.pipe_to_danda"]
    argv += ["--disable", "boilerplate.also_read,boilerplate.also_read_bare,normalize.spaces"]
    assert main(argv) == 0
    r1, r2 = read_jsonl(out)
    assert "यह भी पढ़ें: बारिश से कई इलाकों में पानी भरा" in r1["cleaned"]
    assert r2["cleaned"] == A2["text"]  # neither the pipe nor the NBSP was touched


@pytest.mark.parametrize("rule", ["spaces", "nope.rule", ","])
def test_disable_rejects_ids_without_a_known_prefix(rule, capsys):
    assert main(["clean", "--disable", rule]) == 2
    assert "rule id" in capsys.readouterr().err


def test_disable_unknown_normalize_rule_is_a_usage_error(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [A2])
    assert main(["normalize", str(src), "--disable", "normalize.no_such_rule"]) == 2
    assert "no_such_rule" in capsys.readouterr().err


def test_mine_min_docs_must_be_positive(capsys):
    assert main(["mine", "in.jsonl", "-o", "m.json", "--min-docs", "0"]) == 2
    assert "--min-docs must be a whole number >= 1" in capsys.readouterr().err


def test_text_format_reads_a_directory_of_articles(tmp_path, capsys):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "b2.txt").write_text("दूसरी खबर\n\nपुलिस ने जांच शुरू की|\n", encoding="utf-8")
    (articles / "a1.txt").write_text("पहली खबर\nसंक्षेप\n\nबारिश से फसल खराब हुई।\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["normalize", str(articles), "--format", "text", "-o", str(out)]) == 0
    rows = read_jsonl(out)
    assert [(r["id"], r["title"], r.get("standfirst")) for r in rows] == [
        ("a1", "पहली खबर", "संक्षेप"),
        ("b2", "दूसरी खबर", None),
    ]
    assert rows[1]["cleaned"] == "पुलिस ने जांच शुरू की।\n"
    assert summary_counts(capsys.readouterr().err)["read"] == 2


def test_a_step_failing_on_one_record_rejects_it_with_its_location(tmp_path, monkeypatch, capsys):
    import newsclean._cli.work as work

    real = work.process_record

    def flaky(job, lineno, raw, record, path):
        if "ख़राबी" in record["text"]:
            msg = "simulated failure"
            raise ValueError(msg)
        return real(job, lineno, raw, record, path)

    monkeypatch.setattr(work, "process_record", flaky)
    src = write_jsonl(tmp_path / "in.jsonl", [A2, {"text": "ख़राबी वाला रिकॉर्ड"}, A2])
    out, rej = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    assert main(["normalize", str(src), "-o", str(out), "--rejects", str(rej)]) == 0
    assert len(read_jsonl(out)) == 2
    (entry,) = read_jsonl(rej)
    assert entry["line"] == 2
    assert entry["reason"] == "processing failed: ValueError: simulated failure"
    assert main(["normalize", str(src), "-o", str(out)]) == 1
    assert f"{src}:2: processing failed: ValueError: simulated failure" in capsys.readouterr().err


@pytest.mark.slow
def test_a_10_mb_record_goes_through(tmp_path, capsys):
    sentence = "नगर निगम ने सड़क का काम शुरू किया|\u00a0"
    text = sentence * (10_000_000 // len(sentence.encode()))
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "big", "text": text}])
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--steps", "normalize,split"]) == 0
    (rec,) = read_jsonl(out)
    n = text.count("|")
    assert rec["cleaned"] == "नगर निगम ने सड़क का काम शुरू किया। " * n  # danda for the pipe, space for NBSP
    assert len(rec["sentences"]) == n
