"""The bundled seed and ``newsclean demo`` (in-process, plus one subprocess smoke test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsclean.cli import main
from newsclean.io.seed import SEED_NAME, load_seed, seed_dir, seed_text

ROOT = Path(__file__).resolve().parent.parent


def test_seed_is_found_in_the_package_or_the_checkout():
    assert seed_dir().joinpath(SEED_NAME).is_file()
    if os.environ.get("NEWSCLEAN_EXPECT_WHEEL"):  # the installed wheel must carry its own copy
        assert str(seed_dir()).replace("\\", "/").endswith("newsclean/_seeds")
    else:
        assert seed_text() == (ROOT / "seeds" / SEED_NAME).read_text(encoding="utf-8")


def test_seed_document_shape():
    doc = load_seed()
    lines = seed_text().split("\n")
    assert doc.title == lines[0]
    assert doc.standfirst == lines[1]
    assert lines[2] == ""
    assert doc.text.startswith(lines[3])
    assert doc.id == "seed_article"


def test_wheel_ships_the_seed_directory():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"seeds" = "newsclean/_seeds"' in pyproject


def test_demo_report_shows_clean_text_removals_and_sentences(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    doc = load_seed()
    assert doc.title is not None
    assert doc.title in out
    for section in (
        "HEADLINE",
        "STANDFIRST",
        "NORMALISATION",
        "BOILERPLATE REMOVED",
        "CLEAN TEXT",
        "SENTENCES",
    ):
        assert section in out
    # the headline pasted into the body is reported as removed, with its rule, kind and span
    assert "boilerplate.title_echo" in out
    assert "(kind: title_echo)" in out
    assert "original[" in out
    assert "removed: «" in out


def test_demo_json_edits_point_into_the_original_body(capsys):
    assert main(["demo", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    body = load_seed().text
    removals = [e for e in payload["edits"] if e["step"] == "strip_boilerplate"]
    assert removals
    assert all(e["new"] == "" for e in removals)
    # the seed needs no normalisation edits inside the removed spans, so they slice the original exactly
    for e in removals:
        assert body[e["start"] : e["end"]] == e["old"]
    assert payload["sentences"]
    pos = 0
    for sentence in payload["sentences"]:  # sentences are slices of the cleaned text, in order
        found = payload["cleaned"].find(sentence, pos)
        assert found >= pos
        assert payload["cleaned"][pos:found].strip() == ""
        pos = found + len(sentence)
    expected = seed_text("seed_expected_body.txt")
    got = [line.rstrip() for line in payload["cleaned"].split("\n") if line.strip()]
    assert got == [line.rstrip() for line in expected.split("\n") if line.strip()]


def test_python_m_newsclean_demo_smoke():
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # the command must still print Devanagari
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "demo"],
        capture_output=True,
        check=False,
        cwd=ROOT.parent,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8")
    assert "SENTENCES" in out
    assert "छत्तीसगढ़" in out
