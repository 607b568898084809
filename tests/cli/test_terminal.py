"""The interactive paths, in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.cli.conftest import selfkind_script

pytestmark = pytest.mark.model


def _spawn(args: list[str], env: dict[str, str]) -> pexpect.spawn:
    return pexpect.spawn(selfkind_script(), args, env=env, encoding="utf-8", timeout=60,
                         dimensions=(50, 120))


@pytest.fixture
def env(db_url: str, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "SELFKIND_DATABASE_URL": db_url, "NO_COLOR": "1",
            "SELFKIND_DATA_DIR": str(tmp_path), "TERM": "dumb"}


def _export(env: dict[str, str]) -> list[dict]:  # type: ignore[type-arg]
    out = subprocess.run([selfkind_script(), "export"], capture_output=True, text=True,
                         env=env, check=True).stdout
    return json.loads(out)["entries"]  # type: ignore[no-any-return]


def test_home_menu_starts_a_practice_and_asks_again_on_a_bad_rating(env: dict[str, str]
                                                                    ) -> None:
    child = _spawn([], env)
    child.expect("Type a number to start")
    child.sendline("1")
    child.expect("How much distress")
    child.sendline("12")
    child.expect("whole number from 0 to 10")
    child.sendline("6")
    child.expect("What is happening")
    child.sendline("")
    child.expect("Which words fit this moment")
    child.sendline("2")
    child.expect("not alone")
    child.sendline("Other parents struggle too")
    child.expect("kind words")
    child.sendline("1")
    child.expect("distress do you feel now")
    child.sendline("4")
    child.expect("Saved to your journal")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [entry] = _export(env)
    steps = {a["step"]: a for a in entry["answers"]}
    assert steps["before"]["rating"] == 6 and steps["after"]["rating"] == 4
    assert steps["humanity"]["text"] == "Other parents struggle too"


def test_letter_opens_the_editor(env: dict[str, str], tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nopen(sys.argv[1], 'w').write('Dear you,\\nYou are doing "
                      "your best.\\n')\n")
    env = {**env, "EDITOR": f"{sys.executable} {editor}"}
    child = _spawn(["letter"], env)
    child.expect("inadequate")
    child.sendline("How I handled the move")
    child.expect("feelings")
    child.sendline("tired")
    child.expect("Saved to your journal")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [entry] = _export(env)
    letter = next(a["text"] for a in entry["answers"] if a["step"] == "letter")
    assert letter == "Dear you,\nYou are doing your best."


def test_an_unfinished_draft_is_offered_back(env: dict[str, str]) -> None:
    child = _spawn(["intention"], env)
    child.expect("arriving")
    child.sendline("5")
    child.expect("What do you need today")
    child.sendintr()
    child.expect("draft")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    child = _spawn(["intention"], env)
    child.expect(r"Pick up\s+where you left off")
    child.sendline("y")
    child.expect("What do you need today")
    child.sendline("some quiet")
    child.expect("What intention would you like")
    child.sendline("1")
    child.expect("one kind thing")
    child.sendline("")
    child.expect("Saved to your journal")
    child.expect(pexpect.EOF)
    [entry] = _export(env)
    assert entry["status"] == "complete"
    assert [a["step"] for a in entry["answers"]][:2] == ["arrive", "need"]
