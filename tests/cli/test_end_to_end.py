"""Through the installed `selfkind` script, with the real analyzer, on both backends."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.cli.conftest import RunScript, selfkind_script

pytestmark = pytest.mark.model


def _flat(text: str) -> str:
    """Output without panel borders and line wrapping, for phrase checks."""
    return " ".join(text.replace("│", " ").split())


def _entries(sk: RunScript) -> list[dict]:  # type: ignore[type-arg]
    result = sk("export")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["entries"]  # type: ignore[no-any-return]


def test_help_and_version(sk: RunScript) -> None:
    result = sk("--help")
    assert result.returncode == 0 and "selftalk" in result.stdout
    assert sk("--version").stdout.startswith("selfkind ")


def test_home_screen_without_a_terminal_lists_practices(sk: RunScript) -> None:
    result = sk()
    assert result.returncode == 0
    assert "Self-compassion break" in result.stdout and "not therapy" in result.stdout


def test_selftalk_with_the_real_analyzer(sk: RunScript) -> None:
    result = sk("selftalk", "--text", "-", "--friend", "One bad meeting doesn't define you.",
                "--use-reframe", "-a", "situation=", "-a", "feel=5",
                stdin="I ruined the whole presentation, I'm completely useless")
    assert result.returncode == 0, result.stderr
    assert "What selfkind notices" in result.stdout
    assert "Kinder words, if they help" in result.stdout
    [entry] = _entries(sk)
    steps = {a["step"]: a.get("text") for a in entry["answers"]}
    assert steps["thought"].startswith("I ruined the whole presentation")
    assert steps["to_self"] and steps["to_self"] != steps["thought"]
    assert entry["reading"]["dominant"] in {"self_judgment", "over_identification", "isolation"}
    assert entry["reading"]["compassion"] < 0


def test_analyze_jsonl_keeps_order_and_marks_blank_lines(sk: RunScript, tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    source.write_bytes(b"I'm so stupid\n\nEveryone struggles sometimes\n\xff bad byte\n")
    result = sk("analyze", "--jsonl", str(source))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["I'm so stupid", "", "Everyone struggles sometimes",
                                         "\ufffd bad byte"]
    assert "error" in rows[1] and "error" not in rows[0]
    assert abs(sum(rows[0]["scores"].values()) - 1) < 1e-4
    empty = sk("analyze", "   ")
    assert empty.returncode == 2 and "no text" in empty.stderr.lower()


def test_ctrl_c_keeps_a_draft_that_the_next_run_resumes(db_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "SELFKIND_DATABASE_URL": db_url, "PYTHONUNBUFFERED": "1",
           "NO_COLOR": "1", "SELFKIND_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([selfkind_script(), "break"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout],  # type: ignore[union-attr]
                              daemon=True)
    reader.start()
    assert proc.stdin is not None
    proc.stdin.write("7\n")
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    seen = ""
    while "What is happening" not in seen and time.monotonic() < deadline:
        with contextlib.suppress(queue.Empty):
            seen += lines.get(timeout=1)
    assert "What is happening" in seen
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    # Only the reader thread reads stdout, so no line is lost between two readers.
    proc.wait(timeout=60)
    reader.join(timeout=30)
    err = proc.stderr.read() if proc.stderr else ""
    while not lines.empty():
        seen += lines.get_nowait()
    assert proc.returncode == 130
    assert "draft" in seen.lower()
    assert "Traceback" not in err

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([selfkind_script(), *args], input=stdin, capture_output=True,
                              text=True, env=env, timeout=120)

    drafts = run("journal", "list", "--drafts")
    assert "break (draft)" in drafts.stdout
    done = run("break", "--resume", stdin="\n1\n1\n1\n3\n")
    assert done.returncode == 0, done.stderr
    assert "Distress before: 7/10. Now: 3/10." in done.stdout
    exported = json.loads(run("export").stdout)["entries"]
    assert len(exported) == 1 and exported[0]["status"] == "complete"


def test_ctrl_c_stops_the_timer_kindly_and_keeps_the_minutes(db_url: str, tmp_path: Path
                                                            ) -> None:
    env = {**os.environ, "SELFKIND_DATABASE_URL": db_url, "PYTHONUNBUFFERED": "1",
           "NO_COLOR": "1", "SELFKIND_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([selfkind_script(), "meditate", "--minutes", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Any minutes you spent here count" in _flat(out)
    exported = json.loads(subprocess.run([selfkind_script(), "export"], capture_output=True,
                                         text=True, env=env).stdout)["entries"]
    assert 0 < exported[0]["minutes"] < 2


def test_two_processes_writing_at_once_lose_nothing(sk: RunScript) -> None:
    def write(n: int) -> int:
        return sk("affirm", "--own", f"words {n}").returncode

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = list(pool.map(write, range(12)))
    assert codes == [0] * 12
    texts = sorted(e["answers"][0]["text"] for e in _entries(sk))
    assert texts == sorted(f"words {n}" for n in range(12))


def test_a_database_that_cannot_be_opened_says_where_and_why(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = {**os.environ, "SELFKIND_DATABASE_URL": f"sqlite:///{blocker}/sub/journal.db"}
    result = subprocess.run([selfkind_script(), "journal"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 4
    assert str(blocker) in result.stderr and "Traceback" not in result.stderr
    env["SELFKIND_DATABASE_URL"] = "postgresql://nobody@127.0.0.1:1/nothing"
    result = subprocess.run([selfkind_script(), "journal"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 4
    assert "127.0.0.1:1" in result.stderr and "Traceback" not in result.stderr
