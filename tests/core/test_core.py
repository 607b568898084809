"""Pure core: ratings, entries, formats, practices and the content files."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

import selfkind
from selfkind import content
from selfkind.core.analysis import Analysis, CrisisLevel
from selfkind.core.entries import Answer, Entry, EntryKind, NewEntry, entry_title, matches
from selfkind.core.entry_format import entry_from_dict, entry_to_dict
from selfkind.core.pillars import Stance
from selfkind.core.practices import StepKind, practice_from_dict
from selfkind.core.ratings import parse_rating
from selfkind.errors import InvalidInput


@pytest.mark.parametrize("value, expected", [("0", 0), (" 10 ", 10), (7, 7)])
def test_ratings(value: str | int, expected: int) -> None:
    assert parse_rating(value) == expected


@pytest.mark.parametrize("value", ["-1", "11", "4.5", "", "ten"])
def test_bad_ratings(value: str) -> None:
    with pytest.raises(InvalidInput, match="0 to 10"):
        parse_rating(value)


def test_entry_distress_title_and_search() -> None:
    entry = NewEntry(kind=EntryKind.BREAK, answers=(
        Answer(step="before", rating=9), Answer(step="situation", text="A row with Sam\nmore"),
        Answer(step="after", rating=4)))
    assert (entry.distress_before, entry.distress_after) == (9, 4)
    assert entry_title(entry) == "A row with Sam"
    assert matches(entry, ["ROW", "sam"]) and not matches(entry, ["row", "kim"])


def test_entry_json_round_trip_is_exact() -> None:
    entry = Entry(id="0c6b5c5e-8d0b-4a53-9b1f-3a2b1c0d9e8f", kind=EntryKind.SELFTALK,
                  answers=(Answer(step="thought", prompt="P", text="ünï ✓", choice=None),
                           Answer(step="feel", rating=3)),
                  created_at=datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
                  updated_at=datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC))
    assert entry_from_dict(entry_to_dict(entry)) == entry
    with pytest.raises(ValueError, match="timezone"):
        entry_from_dict({**entry_to_dict(entry), "created_at": "2026-01-02T03:04:05"})


def test_compassion_is_kind_minus_harsh() -> None:
    scores = {s: 0.0 for s in Stance}
    scores[Stance.SELF_KINDNESS] = 0.6
    scores[Stance.SELF_JUDGMENT] = 0.3
    scores[Stance.NEUTRAL] = 0.1
    reading = Analysis(text="x", dominant=Stance.SELF_KINDNESS, scores=scores)
    assert reading.compassion == pytest.approx(0.3)
    assert not reading.harsh and not reading.crisis
    crisis = Analysis(text="x", dominant=Stance.NEUTRAL, scores=scores, reframe="r",
                      crisis_level=CrisisLevel.POSSIBLE)
    assert crisis.to_dict()["reframe"] is None and crisis.to_dict()["crisis"] is True


def test_every_practice_loads_and_covers_the_guide() -> None:
    practices = content.practices()
    expected = {"break", "letter", "selftalk", "intention", "moment",
                "work.feedback", "work.performance_anxiety", "work.burnout",
                "relationships.conflict", "relationships.boundary",
                "transitions.grief", "transitions.heartbreak", "transitions.not_linear",
                "obstacles.going_soft", "obstacles.critic_origins", "obstacles.uncomfortable"}
    assert expected <= set(practices)
    brk = practices["break"]
    assert [s.pillar for s in brk.steps if s.kind is StepKind.CHOICE] == [
        "mindfulness", "common_humanity", "self_kindness"]
    for practice in practices.values():
        assert practice.steps_for(gentle=True), practice.id
        assert len(practice.steps_for(gentle=True)) <= len(practice.steps)


def test_practice_schema_is_checked() -> None:
    good = {"schema": 1, "id": "x", "group": "core", "title": "X",
            "steps": [{"id": "a", "kind": "text"}]}
    assert practice_from_dict(good).steps[0].kind is StepKind.TEXT
    with pytest.raises(ValueError, match="schema"):
        practice_from_dict({**good, "schema": 2})
    with pytest.raises(ValueError, match="repeats"):
        practice_from_dict({**good, "steps": [{"id": "a", "kind": "text"}] * 2})
    with pytest.raises(ValueError, match="no options"):
        practice_from_dict({**good, "steps": [{"id": "a", "kind": "choice"}]})


def test_content_has_cards_affirmations_and_timer_text() -> None:
    assert len(content.cards()) >= 10
    assert {"what_is", "not_self_pity", "not_self_indulgence", "vs_self_esteem"} <= {
        c.id for c in content.cards()}
    assert len(content.affirmations()) >= 40
    assert len(content.meditation()["interval"]) >= 4


_SHAMING = re.compile(r"\b(you should|you must|you failed|failed to|streak|pathetic|no excuse)\b",
                      re.IGNORECASE)


def test_text_a_person_reads_is_free_of_shaming_words() -> None:
    folder = Path(content.__file__).parent
    hits = []
    for path in [*folder.glob("*.toml"), *folder.glob("practices/*.toml")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _SHAMING.search(line) and "fear of failure" not in line.lower():
                hits.append(f"{path.name}:{number}: {line.strip()}")
    assert hits == []


def test_every_message_key_used_in_code_exists() -> None:
    src = Path(selfkind.__file__).parent
    used = set()
    for path in src.rglob("*.py"):
        used |= set(re.findall(r'message\(\s*"([a-z_]+\.[a-z_]+)"', path.read_text()))
    assert used, "the scan found no message keys"
    for key in sorted(used):
        assert content.message(key, **{k: "x" for k in _slots(key)}), key


def _slots(key: str) -> set[str]:
    section, name = key.split(".")
    raw = str(content._messages()[section][name])
    return set(re.findall(r"{(\w+)", raw))


def test_public_api() -> None:
    assert set(selfkind.__all__) >= {"analyze", "analyze_many", "Analysis", "open_services",
                                     "Settings", "Stance", "__version__"}
    for name in selfkind.__all__:
        assert getattr(selfkind, name) is not None


def test_help_loads_no_database_or_model_library() -> None:
    code = ("import sys; from selfkind.cli.app import main; "
            "import contextlib, io\n"
            "with contextlib.redirect_stdout(io.StringIO()): rc = main(['--help'])\n"
            "heavy = [m for m in ('sqlalchemy', 'alembic', 'onnxruntime', 'numpy', "
            "'tokenizers') if m in sys.modules]\n"
            "print(rc, heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "0 []"
