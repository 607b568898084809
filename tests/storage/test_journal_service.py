"""The journal and transfer services on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from selfkind.core.analysis import CrisisLevel
from selfkind.core.clock import FixedClock
from selfkind.core.entries import Answer, EntryKind, EntryStatus, NewEntry
from selfkind.errors import ImportFormatError, InvalidInput, NotFound, StorageError
from selfkind.services import Services, open_services
from selfkind.settings import Settings
from tests.conftest import KeywordAnalyzer


@pytest.fixture
def services(db_url: str, clock: FixedClock, analyzer: KeywordAnalyzer) -> Services:
    built = open_services(Settings(database_url=db_url), clock=clock, analyzer=lambda: analyzer)
    yield built
    built.close()


def _selftalk(thought: str, kind_words: str = "I'm learning.") -> NewEntry:
    return NewEntry(kind=EntryKind.SELFTALK, practice_id="selftalk", answers=(
        Answer(step="thought", prompt="Thought", text=thought),
        Answer(step="to_self", prompt="To self", text=kind_words),
        Answer(step="feel", prompt="How true", rating=6),
    ))


def test_record_get_and_columns(services: Services) -> None:
    entry = services.journal.record(_selftalk("I'm such an idiot"))
    again = services.journal.get(entry.id)
    assert again == entry
    assert again.reading.dominant == "self_judgment"
    assert again.reading.compassion is not None and again.reading.compassion < 0
    assert again.created_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    assert services.journal.get(entry.id[:8]).id == entry.id


def test_distress_columns_are_stored(services: Services) -> None:
    entry = services.journal.record(NewEntry(kind=EntryKind.BREAK, practice_id="break", answers=(
        Answer(step="before", rating=8), Answer(step="situation", text="A hard call"),
        Answer(step="after", rating=5))))
    with services.engine.connect() as conn:
        row = conn.execute(text("SELECT distress_before, distress_after, kind FROM entries "
                                "WHERE id = :i"), {"i": entry.id}).one()
    assert tuple(row) == (8, 5, "break")


def test_personal_text_goes_through_the_codec(services: Services) -> None:
    services.journal.record(_selftalk("a very private sentence"))
    with services.engine.connect() as conn:
        body = conn.execute(text("SELECT body FROM entries")).scalar_one()
    assert body.startswith("p1:")
    assert json.loads(body[3:])["v"] == 1


def test_list_filters_and_search(services: Services, clock: FixedClock) -> None:
    services.journal.record(_selftalk("the deadline at work"))
    clock.advance(days=3)
    services.journal.record(NewEntry(kind=EntryKind.PRACTICE, practice_id="work.feedback",
                                     context="work", answers=(Answer(step="x", text="Feedback"),)))
    clock.advance(days=3)
    services.journal.record(_selftalk("my sister's birthday"))
    assert [e.kind for e in services.journal.entries()] == [
        EntryKind.SELFTALK, EntryKind.PRACTICE, EntryKind.SELFTALK]
    assert len(services.journal.entries(kind=EntryKind.SELFTALK)) == 2
    assert len(services.journal.entries(context="work")) == 1
    since = datetime(2026, 3, 4, tzinfo=UTC)
    assert len(services.journal.entries(since=since)) == 2
    assert len(services.journal.entries(until=since)) == 1
    found = services.journal.search(["DEADLINE", "work"])
    assert [e.answers[0].text for e in found] == ["the deadline at work"]
    assert services.journal.search(["nothing-like-this"]) == []
    with pytest.raises(InvalidInput):
        services.journal.search(["  "])


def test_edit_and_delete(services: Services, clock: FixedClock) -> None:
    entry = services.journal.record(_selftalk("I'm an idiot"))
    clock.advance(hours=1)
    edited = services.journal.edit(entry.id, (Answer(step="thought", text="I'm gentle now"),))
    assert edited.reading.dominant == "self_kindness"
    assert edited.updated_at == entry.created_at + timedelta(hours=1)
    assert services.journal.get(entry.id).answers[0].text == "I'm gentle now"
    services.journal.delete(entry.id)
    with pytest.raises(NotFound):
        services.journal.get(entry.id)


def test_crisis_level_is_the_highest_of_all_texts(services: Services) -> None:
    entry = services.journal.record(NewEntry(kind=EntryKind.LETTER, answers=(
        Answer(step="a", text="ordinary words"),
        Answer(step="b", text="I wrote goodbye letters last night"))))
    assert entry.reading.crisis_level is CrisisLevel.LIKELY


def test_kinds_without_personal_words_never_load_the_analyzer(
        services: Services, analyzer: KeywordAnalyzer) -> None:
    services.journal.record(NewEntry(kind=EntryKind.MEDITATION, minutes=5.0))
    services.journal.record(NewEntry(kind=EntryKind.AFFIRMATION,
                                     answers=(Answer(step="a", text="This is hard."),)))
    assert analyzer.calls == 0


def test_drafts_are_kept_apart_and_completed_in_place(services: Services) -> None:
    draft = services.journal.save_draft(NewEntry(kind=EntryKind.BREAK, practice_id="break",
                                                 answers=(Answer(step="before", rating=7),)))
    assert services.journal.entries() == []
    assert services.journal.find_draft("break") == draft
    done = services.journal.record(NewEntry(kind=EntryKind.BREAK, practice_id="break",
                                            answers=(Answer(step="before", rating=7),
                                                     Answer(step="after", rating=3))),
                                   draft_id=draft.id)
    assert done.id == draft.id and done.status is EntryStatus.COMPLETE
    assert services.journal.find_draft("break") is None
    assert services.journal.count() == 1


def test_export_delete_import_round_trip(services: Services, clock: FixedClock) -> None:
    for day in range(5):
        services.journal.record(_selftalk(f"day {day}: ünïcode ✓ and \"quotes\""))
        clock.advance(days=1, microseconds=123)
    services.journal.save_draft(_selftalk("unfinished"))
    services.preferences.set_gentle(True)
    before = services.transfer.export_data()
    services.transfer.delete_all()
    assert services.journal.count() == 0 and not services.preferences.gentle
    result = services.transfer.import_text(json.dumps(before))
    assert (result.added, result.skipped) == (6, 0)
    after = services.transfer.export_data()
    assert after["entries"] == before["entries"]
    assert after["preferences"] == before["preferences"] == {"gentle": "on"}
    again = services.transfer.import_text(json.dumps(before))
    assert (again.added, again.skipped) == (0, 6)


@pytest.mark.parametrize("payload, words", [
    ("{not json", "isn't valid JSON"),
    ('{"format": "selfkind-export", "version": 99, "entries": []}', "version 99"),
    ('{"hello": 1}', "isn't a selfkind or jrnl"),
])
def test_bad_imports_import_nothing(services: Services, payload: str, words: str) -> None:
    with pytest.raises(ImportFormatError, match=words):
        services.transfer.import_text(payload)
    assert services.journal.count() == 0


def test_a_bad_entry_late_in_the_file_imports_nothing(services: Services) -> None:
    services.journal.record(_selftalk("first"))
    data = services.transfer.export_data()
    services.transfer.delete_all()
    good = data["entries"][0]
    data["entries"] = [good, {**good, "id": "2f6fe4e0-5d6b-4a43-9a0c-0a8f8d0fb7a1",
                              "kind": "no-such-kind"}]
    with pytest.raises(ImportFormatError, match="Entry 2"):
        services.transfer.import_text(json.dumps(data))
    assert services.journal.count() == 0


def test_jrnl_import(services: Services) -> None:
    jrnl = {"tags": {"@work": 1}, "entries": [
        {"title": "Long day.", "body": "The meeting went badly.", "date": "2025-01-03",
         "time": "21:15", "tags": ["@work"], "starred": False},
        {"title": "Better.", "body": "", "date": "2025-01-04", "time": "08:00", "tags": [],
         "starred": True}]}
    result = services.transfer.import_text(json.dumps(jrnl))
    assert (result.added, result.source) == (2, "jrnl")
    notes = services.journal.entries(kind=EntryKind.NOTE, newest_first=False)
    assert [n.answers[0].text for n in notes] == ["Long day.", "Better."]
    assert notes[0].answers[1].text == "The meeting went badly."
    assert services.transfer.import_text(json.dumps(jrnl)).skipped == 2


def test_owners_never_see_each_other(db_url: str, clock: FixedClock,
                                     analyzer: KeywordAnalyzer) -> None:
    ana = open_services(Settings(database_url=db_url, owner="ana"), clock=clock,
                        analyzer=lambda: analyzer)
    ben = open_services(Settings(database_url=db_url, owner="ben"), clock=clock,
                        analyzer=lambda: analyzer)
    try:
        mine = ana.journal.record(_selftalk("ana's words"))
        assert ben.journal.entries() == []
        with pytest.raises(NotFound):
            ben.journal.get(mine.id)
        assert ben.transfer.delete_all() == 0
        assert ana.journal.count() == 1
    finally:
        ana.close()
        ben.close()


def test_schema_matches_the_tables(services: Services) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from selfkind.storage.tables import Base

    with services.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert {"owners", "entries", "preferences"} <= set(inspect(conn).get_table_names())


def test_concurrent_writers_lose_nothing(db_url: str, analyzer: KeywordAnalyzer) -> None:
    def write(owner_tag: str) -> None:
        built = open_services(Settings(database_url=db_url), analyzer=lambda: analyzer)
        try:
            for n in range(15):
                built.journal.record(_selftalk(f"{owner_tag} {n}"))
        finally:
            built.close()

    threads = [threading.Thread(target=write, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = open_services(Settings(database_url=db_url), analyzer=lambda: analyzer)
    try:
        assert check.journal.count() == 60
    finally:
        check.close()


def test_unopenable_database_says_where_and_why(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StorageError, match=str(bad)):
        open_services(Settings(database_url=f"sqlite:///{bad}"))
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(StorageError, match="folder"):
        open_services(Settings(database_url=f"sqlite:///{folder}"))


def test_delete_all_removes_entries_and_settings_together(services: Services) -> None:
    services.journal.record(_selftalk("one"))
    services.preferences.set_gentle(True)
    assert services.transfer.delete_all() == 1
    assert services.journal.count() == 0
    assert services.preferences.all() == {}
