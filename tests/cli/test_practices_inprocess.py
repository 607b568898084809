"""Every practice command, non-interactively, with the test-double analyzer."""

from __future__ import annotations

import json

import pytest

from selfkind import content
from tests.cli.conftest import RunInProcess


def _export(cli: RunInProcess) -> dict:  # type: ignore[type-arg]
    result = cli("export")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_break_with_flags_is_saved(cli: RunInProcess) -> None:
    result = cli("break", "--before", "7", "--after", "4", "-a", "mindfulness=2",
                 "-a", "humanity=my own words", "-a", "kindness=3", "-a", "situation=")
    assert result.code == 0, result.err
    assert "Distress before: 7/10. Now: 4/10." in result.out
    [entry] = _export(cli)["entries"]
    answers = {a["step"]: a for a in entry["answers"]}
    assert answers["before"]["rating"] == 7 and answers["after"]["rating"] == 4
    assert answers["mindfulness"] == {"step": "mindfulness", "prompt": answers["mindfulness"]
                                      ["prompt"], "text": "This hurts.", "choice": 2}
    assert answers["humanity"]["text"] == "my own words" and "choice" not in answers["humanity"]
    assert "situation" not in answers


def test_break_from_piped_answers(cli: RunInProcess) -> None:
    result = cli("break", stdin="8\nA fight with my brother\n1\n2\n1\n5\n")
    assert result.code == 0, result.err
    [entry] = _export(cli)["entries"]
    assert [a["step"] for a in entry["answers"]] == [
        "before", "situation", "mindfulness", "humanity", "kindness", "after"]


@pytest.mark.parametrize("args", [("--before", "11"), ("--before", "seven"),
                                  ("-a", "after=-1")])
def test_break_rejects_bad_ratings_and_saves_nothing(cli: RunInProcess, args: tuple[str, ...]
                                                     ) -> None:
    result = cli("break", *args, stdin="5\n\n1\n1\n1\n5\n")
    assert result.code == 2
    assert "whole number from 0 to 10" in result.err
    assert _export(cli)["entries"] == []


def test_piped_rating_out_of_range_is_an_error(cli: RunInProcess) -> None:
    result = cli("break", stdin="12\n")
    assert result.code == 2 and "from 0 to 10 (got 12)" in result.err
    assert _export(cli)["entries"] == []


def test_running_out_of_answers_names_the_step(cli: RunInProcess) -> None:
    result = cli("break", stdin="5\n")
    assert result.code == 2
    assert "--answer mindfulness=" in result.err
    assert _export(cli)["entries"] == []


def test_unknown_step_lists_the_real_ones(cli: RunInProcess) -> None:
    result = cli("break", "-a", "nope=1")
    assert result.code == 2 and "before, situation, mindfulness" in result.err


def test_letter_from_stdin_and_read_back(cli: RunInProcess) -> None:
    letter = "Dear me,\n\nYou carried a lot this year.\nLove, a friend"
    result = cli("letter", "-a", "inadequate=my body", "-a", "feelings=", "--text", "-",
                 stdin=letter)
    assert result.code == 0, result.err
    [entry] = _export(cli)["entries"]
    assert {a["step"]: a.get("text") for a in entry["answers"]}["letter"] == letter
    read = cli("letter", "--read")
    assert "You carried a lot this year." in read.out


def test_selftalk_shows_reading_and_keeps_both_versions(cli: RunInProcess) -> None:
    result = cli("selftalk", "--text", "I'm such an idiot", "--friend", "Be gentle, it's one slip",
                 "-a", "situation=", "--use-reframe", "-a", "feel=6")
    assert result.code == 0, result.err
    assert "self judgment" in result.out
    assert "kinder" in result.out  # the test double's reframe, offered and used
    [entry] = _export(cli)["entries"]
    texts = {a["step"]: a.get("text") for a in entry["answers"]}
    assert texts["thought"] == "I'm such an idiot"
    assert texts["to_self"] == "kinder"
    assert entry["reading"]["dominant"] == "self_judgment"


def test_selftalk_crisis_shows_help_and_no_reframe(cli: RunInProcess) -> None:
    result = cli("selftalk", "--text", "I wrote goodbye letters", "--friend", "x",
                 "--to-self", "y", "-a", "situation=", "-a", "feel=")
    assert result.code == 0, result.err
    assert "988" in result.out
    assert "Kinder words, if they help" not in result.out
    [entry] = _export(cli)["entries"]
    assert entry["reading"]["crisis_level"] == "likely"


@pytest.mark.parametrize("group", ["work", "relationships", "transitions", "obstacles"])
def test_every_context_practice_runs(cli: RunInProcess, group: str) -> None:
    for practice in content.practices().values():
        if practice.group.value != group:
            continue
        answers = []
        for step in practice.steps:
            if step.kind.value == "rating":
                answers.append(f"{step.id}=5")
            elif step.kind.value == "choice":
                answers.append(f"{step.id}=1")
            elif step.kind.value in ("text", "letter"):
                answers.append(f"{step.id}=words for {step.id}")
        args = [a for pair in answers for a in ("-a", pair)]
        result = cli("practice", group, practice.short_id, *args)
        assert result.code == 0, (practice.id, result.err)
    entries = _export(cli)["entries"]
    assert {e["practice_id"] for e in entries} == {
        p.id for p in content.practices().values() if p.group.value == group}
    assert all(e["context"] == group for e in entries)


def test_practice_needs_a_known_group_and_name(cli: RunInProcess) -> None:
    assert "Groups: work" in cli("practice", "hobbies").err
    missing = cli("practice", "work")
    assert missing.code == 2 and "Which work practice" in missing.err and "feedback" in missing.err


def test_gentle_mode_skips_the_longer_steps(cli: RunInProcess) -> None:
    assert cli("settings", "--gentle", "on").code == 0
    # In gentle mode the break has no touch step, so these answers are enough.
    result = cli("break", stdin="6\n\n1\n1\n1\n5\n")
    assert result.code == 0, result.err
    assert "Gentle mode is on" in result.out
    assert "hand on your heart" not in result.out
    assert cli("settings").out.count("on") >= 1


def test_intention_affirm_meditate_learn_moment(cli: RunInProcess) -> None:
    assert cli("intention", "-a", "arrive=6", "-a", "need=rest", "--text", "Go slow",
               "-a", "one_kind_act=").code == 0
    assert cli("affirm", "--keep", "--context", "work").code == 0
    assert cli("affirm", "--own", "This is hard, and I matter.").code == 0
    assert cli("meditate", "--minutes", "0.005").code == 0
    assert cli("learn", "not-self-pity", "--note", "good to know").code == 0
    moment = cli("moment", "--missed", "--text", "I snapped at myself",
                 "--response", "harshly", "--reflection", "I was hungry")
    assert moment.code == 0, moment.err
    kinds = sorted(e["kind"] for e in _export(cli)["entries"])
    assert kinds == ["affirmation", "affirmation", "intention", "learn", "meditation", "moment"]
    entries = {e["kind"]: e for e in _export(cli)["entries"]}
    assert entries["moment"]["context"] == "missed"
    assert entries["moment"]["answers"][-1]["text"] == "I was hungry"
    assert entries["learn"]["context"] == "not_self_pity"


def test_bad_values_for_daily_commands(cli: RunInProcess) -> None:
    assert "greater than 0" in cli("meditate", "--minutes", "0").err
    assert "at most 180" in cli("meditate", "--minutes", "999").err
    assert "no affirmations for 'space'" in cli("affirm", "--context", "space").err
    assert "no card called" in cli("learn", "nope").err
    assert "--met or --missed" in cli("moment", "--text", "x").err
    assert _export(cli)["entries"] == []


def test_selftalk_says_the_friend_words_to_yourself_by_default(cli: RunInProcess) -> None:
    result = cli("selftalk", "--text", "I'm an idiot", "--friend", "You did what you could.",
                 "-a", "situation=", "-a", "feel=")
    assert result.code == 0, result.err
    [entry] = _export(cli)["entries"]
    texts = {a["step"]: a.get("text") for a in entry["answers"]}
    assert texts["to_self"] == "You did what you could."
