"""Shared fixtures: a throwaway PostgreSQL server, database URLs for both
backends, a fixed clock and a test-double analyzer."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from selfkind.core.analysis import Analysis, CrisisLevel, CrisisSignal
from selfkind.core.clock import FixedClock
from selfkind.core.pillars import Stance


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresServer:
    """initdb + pg_ctl in a temporary folder, on a free loopback port."""

    def __init__(self) -> None:
        bindir = _pg_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (scripts/test.sh installs it)")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="selfkind-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root; Debian's package creates this user.
            self._as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, cwd=self.root)

    def start(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust",
                  "-U", "selfkind", "-E", "UTF8", "--no-sync")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://selfkind@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=selfkind dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'journal.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))


class KeywordAnalyzer:
    """A test double for the analyzer seam: reads a few fixed words, fast."""

    def __init__(self) -> None:
        self.calls = 0

    def analyze(self, text: str) -> Analysis:
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        self.calls += len(texts)
        out = []
        for text in texts:
            lowered = text.lower()
            if "idiot" in lowered:
                dominant = Stance.SELF_JUDGMENT
            elif "gentle" in lowered:
                dominant = Stance.SELF_KINDNESS
            else:
                dominant = Stance.NEUTRAL
            scores = {s: (0.7 if s is dominant else 0.05) for s in Stance}
            level = CrisisLevel.LIKELY if "goodbye letters" in lowered else CrisisLevel.NONE
            signals = ((CrisisSignal("preparation", lowered.index("goodbye letters"),
                                     lowered.index("goodbye letters") + 15),)
                       if level is CrisisLevel.LIKELY else ())
            out.append(Analysis(text=text, dominant=dominant, scores=scores,
                                crisis_level=level, crisis_signals=signals,
                                reframe=None if level is CrisisLevel.LIKELY else "kinder",
                                friend_prompt="What would you say to a friend?"))
        return out


@pytest.fixture
def analyzer() -> KeywordAnalyzer:
    return KeywordAnalyzer()
