"""A fresh home's Prefect database copied from the machine's template (flows/prefect_template.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flows import prefect_template
from flows.server import is_healthy
from flows.temporary_server import TemporaryServer


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), **extra}


def _database(path: Path, *rows: tuple[str, str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE configuration (key TEXT, value TEXT)")
        db.executemany("INSERT INTO configuration VALUES (?, ?)", rows)
    return path


def test_no_template_where_the_operator_chose_a_database(tmp_path: Path) -> None:
    assert prefect_template.template_path(_env(tmp_path)) is not None
    for key in ("PREFECT_API_DATABASE_CONNECTION_URL", "PREFECT_SERVER_DATABASE_CONNECTION_URL",
                "PREFECT_SERVER_DATABASE_HOST"):
        assert prefect_template.template_path(_env(tmp_path, **{key: "postgresql+asyncpg://db/prefect"})) is None
    assert prefect_template.template_path(_env(tmp_path, SARABAN_PREFECT_TEMPLATE="off")) is None


def test_a_kept_database_seeds_a_fresh_state_without_its_telemetry_session(tmp_path: Path) -> None:
    env = _env(tmp_path)
    _database(tmp_path / "first" / "prefect.db", ("TELEMETRY_SESSION", "{}"), ("OTHER", "1"))
    assert not prefect_template.seed(tmp_path / "fresh", env)  # no template yet
    prefect_template.keep(tmp_path / "first", env)
    (tmp_path / "fresh").mkdir()
    assert prefect_template.seed(tmp_path / "fresh", env)
    with sqlite3.connect(tmp_path / "fresh" / "prefect.db") as db:
        assert db.execute("SELECT key FROM configuration").fetchall() == [("OTHER",)]
    assert [p.name for p in (tmp_path / "fresh").iterdir()] == ["prefect.db"]  # no part file left


def test_a_state_with_its_own_database_keeps_it(tmp_path: Path) -> None:
    env = _env(tmp_path)
    prefect_template.keep(_database(tmp_path / "first" / "prefect.db", ("A", "1")).parent, env)
    own = _database(tmp_path / "used" / "prefect.db", ("B", "2"))
    assert not prefect_template.seed(own.parent, env)
    with sqlite3.connect(own) as db:
        assert db.execute("SELECT key FROM configuration").fetchall() == [("B",)]


def test_a_server_on_a_fresh_home_starts_from_the_template_and_records_there(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(prefect_template.SWITCH, raising=False)
    for name in ("one", "two"):
        state = tmp_path / name / ".prefect"
        monkeypatch.setenv("PREFECT_HOME", str(state))
        server = TemporaryServer(state).start()
        try:
            assert is_healthy(server.ready(600))
        finally:
            server.stop()
        assert prefect_template.template_path({"XDG_CACHE_HOME": str(tmp_path / "cache")}).is_file()
    ids = [_block_type_ids(tmp_path / name / ".prefect" / "prefect.db") for name in ("one", "two")]
    assert ids[0] and ids[1] == ids[0]  # built anew, the block types would have new ids


def _block_type_ids(database: Path) -> set[str]:
    with sqlite3.connect(database) as db:
        return {row[0] for row in db.execute("SELECT id FROM block_type")}
