"""Ctrl-C and SIGTERM stop a run cleanly, every time: workers gone, no temporary file, exit 130 / 143.

Each case runs the real command in a subprocess several times. The timeouts are hang guards only (generous);
nothing here measures time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TRIES = 5
GUARD = 120.0  # seconds; only against a hang

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("signals") / "in.jsonl"
    text = "नगर निगम ने सोमवार को नई सड़क का काम शुरू किया|\u00a0यह भी पढ़ें: बारिश से पानी भरा\nमहापौर ने कहा।"
    with path.open("w", encoding="utf-8") as f:
        for i in range(40_000):
            f.write(
                json.dumps({"id": i, "title": "नई सड़क", "text": f"{i} {text}"}, ensure_ascii=False) + "\n"
            )
    return path


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_output_started(out_dir: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        temps = [p for p in out_dir.iterdir() if p.name.endswith(".tmp")]
        if temps and temps[0].stat().st_size > 0:
            return
        time.sleep(0.02)
    pytest.fail("no output was being written")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the worker processes")
@pytest.mark.parametrize(
    ("sig", "jobs", "code"),
    [
        (signal.SIGINT, 2, 130),
        (signal.SIGINT, 1, 130),
        (signal.SIGTERM, 2, 143),
        (signal.SIGTERM, 1, 143),
    ],
)
def test_signal_stops_workers_removes_the_temporary_file_and_exits(tmp_path, big_input, sig, jobs, code):
    for attempt in range(TRIES):
        out_dir = tmp_path / f"run{attempt}"
        out_dir.mkdir()
        out = out_dir / "out.jsonl"
        argv = [
            sys.executable,
            "-m",
            "newsclean",
            "clean",
            str(big_input),
            "-o",
            str(out),
            "--jobs",
            str(jobs),
        ]
        proc = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            _wait_for_output_started(out_dir, proc)
            workers = _children(proc.pid)
            if jobs > 1:
                assert len(workers) >= jobs
            if sig == signal.SIGINT:
                os.killpg(proc.pid, sig)  # as Ctrl-C at a terminal: the whole process group
            else:
                os.kill(proc.pid, sig)  # as `kill`: the main process only
            _, err = proc.communicate(timeout=GUARD)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        text = err.decode("utf-8", "replace")
        assert proc.returncode == code, text
        assert "Traceback" not in text
        assert ("interrupted" if sig == signal.SIGINT else "terminated") in text
        assert list(out_dir.iterdir()) == [], f"left behind: {list(out_dir.iterdir())}"
        assert not [w for w in workers if _alive(w)], "a worker outlived the run"
