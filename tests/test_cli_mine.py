"""``newsclean mine`` on a stream: any --jobs gives the same model; the counts are kept only on request."""

from __future__ import annotations

import json
import re

import pytest

from newsclean.boilerplate.corpus import BoilerplateMiner, BoilerplateModel
from newsclean.cli import main

from .test_cli import read_jsonl, write_jsonl

PROMOS = ["हमारे व्हाट्सऐप चैनल से जुड़ें और ताज़ा खबरें पाएं", "(ये लेखक के अपने विचार हैं)", "विज्ञापन"]
STORIES = [
    "जिले में आज भारी बारिश हुई और कई सड़कें बंद रहीं।",
    "विधानसभा में बजट पर लंबी बहस चली और विपक्ष ने सवाल उठाए।",
    "शहर के अस्पताल में नई मशीन लगाई गई जिससे जांच सस्ती होगी।",
    "किसानों को बीज समय पर बांटे गए और खाद की कमी नहीं रही।",
    "स्कूलों में परीक्षा की तारीख घोषित हुई और छात्रों ने तैयारी तेज की।",
    "नदी पर नया पुल बनकर तैयार हो गया और जल्द खुलेगा।",
]


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for p, publisher in enumerate(["समाचार एक", "दूसरा अखबार", "तीसरा पोर्टल", 7]):
        for i, s in enumerate(STORIES):
            rows.append(
                {
                    "id": f"{p}-{i}",
                    "text": f"{s}\n{PROMOS[p % 3]}",
                    "title": " ".join(s.split()[:4]),
                    "publisher": publisher,
                }
            )
    rows.append({"id": "x", "text": "बिना प्रकाशक की खबर।"})
    return rows


def _mine(tmp_path, name: str, *extra: str) -> BoilerplateModel:
    src = tmp_path / "in.jsonl"
    if not src.exists():
        write_jsonl(src, _rows())
    out = tmp_path / name
    assert main(["mine", str(src), "-o", str(out), "--group-field", "publisher", *extra]) == 0
    return BoilerplateModel.load(out)


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_any_number_of_jobs_writes_the_same_model(tmp_path, capsys, jobs):
    one = _mine(tmp_path, "one.json")
    many = _mine(tmp_path, f"many{jobs}.json", "--jobs", jobs)
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / f"many{jobs}.json").read_bytes()
    assert one == many
    assert set(one.groups) == {"", "7", "तीसरा पोर्टल", "दूसरा अखबार", "समाचार एक"}
    assert [t for _, t, _ in one.templates("7")] == [PROMOS[0]]
    counted = _mine(tmp_path, f"counted{jobs}.json", "--jobs", jobs, "--counts")
    assert counted == _mine(tmp_path, "counted1.json", "--counts")


def test_the_model_leaves_its_counts_out_unless_asked(tmp_path, capsys):
    compact = _mine(tmp_path, "m.json")
    assert compact.state is None
    assert "counts" not in json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert "without counts" in capsys.readouterr().err
    full = _mine(tmp_path, "full.json", "--counts")
    assert full.state is not None
    assert full.compact() == compact
    # the counts continue the fit exactly where it stopped
    more = [{"text": f"{STORIES[0]} आगे भी बारिश होगी।\n{PROMOS[0]}", "publisher": "समाचार एक"}]
    everything = [r for r in _rows() if "publisher" in r] + more
    everything.append({"text": "बिना प्रकाशक की खबर।"})
    assert BoilerplateMiner.update(full, more) == BoilerplateMiner().fit(_rows() + more)
    assert compact.find(f"नई खबर।\n{PROMOS[0]}", "समाचार एक") != []


def test_a_bad_record_stops_the_run_or_is_set_aside(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", _rows(), raw_lines={2: b'{"text": 5}'})
    out = tmp_path / "m.json"
    for jobs in ("1", "2"):
        assert main(["mine", str(src), "-o", str(out), "--jobs", jobs]) == 1
        assert f"{src}:3: field 'text' must be a string, not int" in capsys.readouterr().err
        assert not out.exists()
    rej = tmp_path / "r.jsonl"
    assert main(["mine", str(src), "-o", str(out), "--jobs", "2", "--rejects", str(rej)]) == 0
    err = capsys.readouterr().err
    assert re.search(r"records read:\s+26\b", err)
    assert re.search(r"used for the model:\s+25\b", err)
    assert re.search(r"rejected:\s+1\b", err)
    assert [r["line"] for r in read_jsonl(rej)] == [3]
    bad_group = write_jsonl(tmp_path / "g.jsonl", [{"text": "खबर।", "publisher": 2.5}])
    assert main(["mine", str(bad_group), "-o", str(out)]) == 1
    assert "field 'publisher' must be str, int or None, not float" in capsys.readouterr().err
