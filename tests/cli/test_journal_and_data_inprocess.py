"""Journal browsing and editing, export/import/delete, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from selfkind.core.clock import FixedClock
from tests.cli.conftest import RunInProcess


def _ids(cli: RunInProcess) -> list[str]:
    return [e["id"] for e in json.loads(cli("export").out)["entries"]]


def _three(cli: RunInProcess, clock: FixedClock) -> None:
    assert cli("selftalk", "--text", "I missed the deadline at work", "--friend", "it happens",
               "--to-self", "it happens to me too", "-a", "situation=", "-a", "feel=").code == 0
    clock.advance(days=2)
    assert cli("affirm", "--own", "This is hard, and I'm still worthy of care.").code == 0
    clock.advance(days=2)
    assert cli("practice", "relationships", "boundary", *[
        x for s in ("need", "why", "guilt", "words", "kindness")
        for x in ("-a", f"{s}=about my sister's visits")]).code == 0


def test_list_filter_search_show(cli: RunInProcess, clock: FixedClock) -> None:
    _three(cli, clock)
    listing = cli("journal")
    assert listing.code == 0
    assert "selftalk" in listing.out and "affirm" in listing.out
    assert "affirm" not in cli("journal", "list", "--kind", "selftalk").out
    assert "selftalk" in cli("journal", "list", "--until", "2026-03-02").out
    assert "selftalk" not in cli("journal", "list", "--since", "2026-03-03").out
    found = cli("journal", "search", "DEADLINE")
    assert "I missed the deadline" in found.out and "affirm" not in found.out
    assert "Nothing in your journal matches" in cli("journal", "search", "zebra").out
    first = _ids(cli)[0]
    shown = cli("journal", "show", first[:6])
    assert "I missed the deadline at work" in shown.out and first in shown.out


def test_edit_and_delete_one(cli: RunInProcess, clock: FixedClock) -> None:
    _three(cli, clock)
    first = _ids(cli)[0]
    assert cli("journal", "edit", first, "-a", "thought=I missed it, and I'm learning").code == 0
    assert "I'm learning" in cli("journal", "show", first).out
    bad = cli("journal", "edit", first, "-a", "nope=1")
    assert bad.code == 2 and "isn't a step of this entry" in bad.err
    refused = cli("journal", "delete", first)
    assert refused.code == 2 and "--yes" in refused.err
    assert first in _ids(cli)
    assert cli("journal", "delete", first, "--yes").code == 0
    assert first not in _ids(cli)
    missing = cli("journal", "show", first)
    assert missing.code == 3 and "No entry" in missing.err


def test_bad_journal_input(cli: RunInProcess) -> None:
    assert "isn't a date" in cli("journal", "list", "--since", "yesterday").err
    assert "no entry kind called" in cli("journal", "list", "--kind", "poem").err
    assert cli("journal", "nonsense").code == 2


def test_export_delete_import_gives_identical_data(cli: RunInProcess, clock: FixedClock,
                                                   tmp_path: Path) -> None:
    _three(cli, clock)
    assert cli("settings", "--gentle", "on").code == 0
    target = tmp_path / "journal.json"
    assert cli("export", "-o", str(target)).code == 0
    before = json.loads(target.read_text())
    assert before["format"] == "selfkind-export" and before["version"] == 1
    assert cli("delete", "--all").code == 2  # needs --yes when nothing can ask
    assert cli("delete", "--all", "--yes").code == 0
    assert json.loads(cli("export").out)["entries"] == []
    imported = cli("import", str(target))
    assert imported.code == 0 and "Imported 3 entries" in imported.out
    after = json.loads(cli("export").out)
    assert after["entries"] == before["entries"]
    assert after["preferences"] == before["preferences"] == {"gentle": "on"}
    markdown = cli("export", "--format", "markdown")
    assert markdown.out.startswith("# My selfkind journal")
    assert "I missed the deadline at work" in markdown.out


def test_bad_imports_say_why_and_import_nothing(cli: RunInProcess, tmp_path: Path) -> None:
    wrong_version = tmp_path / "v9.json"
    wrong_version.write_text(json.dumps({"format": "selfkind-export", "version": 9,
                                         "entries": []}))
    result = cli("import", str(wrong_version))
    assert result.code == 2 and "format version 9" in result.err
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "selfkind-export", "version": 1, "entries": [')
    assert "isn't valid JSON" in cli("import", str(broken)).err
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "isn't UTF-8" in cli("import", str(binary)).err
    assert "Can't read" in cli("import", str(tmp_path / "missing.json")).err
    assert json.loads(cli("export").out)["entries"] == []


def test_jrnl_import_through_the_cli(cli: RunInProcess, tmp_path: Path) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps({"tags": {}, "entries": [
        {"title": "Rough morning.", "body": "Overslept and felt awful.", "date": "2024-05-01",
         "time": "07:30", "tags": [], "starred": False}]}))
    result = cli("import", str(source))
    assert result.code == 0 and "from a jrnl export" in result.out
    assert "Rough morning." in cli("journal", "list", "--kind", "note").out


def test_unknown_command_and_option_are_usage_errors(cli: RunInProcess) -> None:
    unknown = cli("brake")
    assert unknown.code == 2 and "No such command" in unknown.err
    option = cli("break", "--loud")
    assert option.code == 2 and "No such option" in option.err
    assert "Traceback" not in unknown.err + option.err


def test_editing_an_entry_reads_it_for_crisis_signs(cli: RunInProcess, clock: FixedClock) -> None:
    _three(cli, clock)
    first = _ids(cli)[0]
    result = cli("journal", "edit", first, "-a", "thought=I wrote goodbye letters tonight")
    assert result.code == 0
    assert "988" in result.out
    entry = json.loads(cli("export").out)["entries"][0]
    assert entry["reading"]["crisis_level"] == "likely"
