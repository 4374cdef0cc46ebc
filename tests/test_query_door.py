"""The read-only door: what `saraban query` and every reader connection can and cannot do.

The refusals are DuckDB's own (read-only file, external access off, configuration locked); the
statement check adds one-statement-per-call and clear reason codes. Each refusal is checked for
its side effects too: no file written, no database created, nothing read from outside.
"""

from pathlib import Path

import duckdb
import pytest
from conftest import run_cli

from pipeline.dataset import storage
from pipeline.dataset.build import rebuild_dataset
from pipeline.dataset.query import run_query
from pipeline.errors import SarabanError
from pipeline.home import Home, home_at

SECRET = "tiger-lily-4471"  # a marker that must never come back out of a refused read


@pytest.fixture(scope="module")
def published_home(tmp_path_factory) -> Home:
    """A published dataset: one file row, the derived tables and the named views."""
    home = home_at(tmp_path_factory.mktemp("door") / "home")
    with storage.writable_snapshot(home) as conn:
        storage.write_file_row(conn, {"file_id": "ab" * 32, "source_name": "รายงาน.xlsx", "status": "processed"})
        rebuild_dataset(conn)
    return home


@pytest.fixture
def published(published_home: Home, tmp_path: Path, monkeypatch) -> Home:
    """The published home, run from a scratch folder that holds a file with a secret in it."""
    (tmp_path / "secret.csv").write_text(f"a\n{SECRET}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return published_home


def cli(*args: str, home: Path):
    """The `saraban` app in this process (a subprocess costs seconds of imports per call)."""
    from typer.testing import CliRunner

    from cli.main import app

    return CliRunner().invoke(app, [*args, "--home", str(home)])


def tree(*roots: Path) -> dict[str, tuple[int, int]]:
    """Every path under the roots with its size and mtime: any write shows up as a difference."""
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for root in roots for p in root.rglob("*")}


def refused(home: Home, sql: str) -> SarabanError:
    with storage.read_only(home) as conn:
        with pytest.raises(SarabanError) as caught:
            run_query(conn, sql)
    return caught.value


HOSTILE = [
    ("/*x*/COPY(SELECT 42)TO'x.csv'", "write_refused"),
    ("/**/EXPORT DATABASE 'dump'", "write_refused"),
    ("/**/ATTACH 'p.duckdb' AS p (READ_WRITE)", "write_refused"),
    ("CREATE TABLE p.t AS SELECT 1 AS a", "write_refused"),
    ("DROP TABLE files", "write_refused"),
    ("SET enable_external_access = true", "write_refused"),
    ("PRAGMA threads = 1", "write_refused"),
    ("LOAD httpfs", "write_refused"),
    ("INSTALL httpfs", "write_refused"),
    ("SELECT * FROM read_text('/etc/passwd')", "file_access_refused"),
    ("SELECT * FROM read_csv('/etc/passwd')", "file_access_refused"),
    ("SELECT * FROM read_csv('secret.csv')", "file_access_refused"),
    ("SELECT * FROM glob('/etc/*')", "file_access_refused"),
    ("SELECT 1; COPY (SELECT 42) TO 'x.csv'", "one_statement"),
]


@pytest.mark.parametrize(("sql", "reason"), HOSTILE)
def test_hostile_query_is_refused_and_leaves_no_trace(published: Home, sql: str, reason: str) -> None:
    before = tree(published.root, Path.cwd())
    error = refused(published, sql)
    assert error.reason == reason
    assert SECRET not in str(error) and "root:" not in str(error)
    assert tree(published.root, Path.cwd()) == before  # no x.csv, no dump/, no p.duckdb, no .wal


RAW_WRITES = [
    "COPY (SELECT 42) TO 'x.csv'",
    "EXPORT DATABASE 'dump'",
    "ATTACH 'p.duckdb' AS p (READ_WRITE)",
    "CREATE TABLE t AS SELECT 1 AS a",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
    "PRAGMA threads = 1",
    "LOAD httpfs",
    "INSTALL httpfs",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_csv('secret.csv')",
]


@pytest.mark.parametrize("sql", RAW_WRITES)
def test_duckdb_itself_refuses_on_the_reader_connection(published: Home, sql: str) -> None:
    """Not our statement check: the bare reader connection that analysts get refuses on its own."""
    before = tree(published.root, Path.cwd())
    with storage.read_only(published) as conn:
        with pytest.raises(duckdb.Error):
            conn.execute(sql).fetchall()
    assert tree(published.root, Path.cwd()) == before


def test_attach_then_create_table_changes_nothing(published: Home) -> None:
    before = tree(published.root, Path.cwd())
    with storage.read_only(published) as conn:
        with pytest.raises(duckdb.Error):
            conn.execute("ATTACH 'p.duckdb' AS p (READ_WRITE)")
        with pytest.raises(duckdb.Error):
            conn.execute("CREATE TABLE p.t AS SELECT 1 AS a")
    assert tree(published.root, Path.cwd()) == before


@pytest.mark.parametrize("sql", [
    "SELECT 'copy this' AS s",
    "SELECT source_name AS s FROM files WHERE source_name NOT LIKE '%load file%'",
    'SELECT count(*) AS "attach " FROM files',
    "/* a comment */ SELECT source_name FROM files;",
    "FROM files SELECT source_name",
])
def test_reads_that_look_like_writes_are_allowed(published: Home, sql: str) -> None:
    with storage.read_only(published) as conn:
        frame = run_query(conn, sql)
    assert len(frame) == 1
    assert frame.iloc[0, 0] in ("copy this", "รายงาน.xlsx", 1)


@pytest.mark.parametrize("view", ["latest_progress", "provinces_behind_target", "conflicts", "needs_review"])
def test_named_views_answer(published: Home, view: str) -> None:
    with storage.read_only(published) as conn:
        assert run_query(conn, f"SELECT count(*) AS n FROM {view}")["n"].tolist() == [0]


def test_explain_and_describe_are_reads(published: Home) -> None:
    with storage.read_only(published) as conn:
        plan = run_query(conn, "EXPLAIN SELECT * FROM files")
        columns = run_query(conn, "DESCRIBE files")
    assert "files" in plan.to_string().lower()
    assert "source_name" in set(columns["column_name"])


def test_nothing_published_yet_stays_unpublished(tmp_path: Path, monkeypatch) -> None:
    """Before the first run a reader gets an empty dataset in memory; ATTACH cannot create the file."""
    home = home_at(tmp_path / "home")
    monkeypatch.chdir(home.processed)
    with storage.read_only(home) as conn:
        assert run_query(conn, "SELECT count(*) AS n FROM latest_progress")["n"].tolist() == [0]
        with pytest.raises(duckdb.Error):
            conn.execute(f"ATTACH '{home.database}' AS p")
        with pytest.raises(duckdb.Error):
            conn.execute("ATTACH 'saraban.duckdb' AS p (READ_WRITE)")
    assert refused(home, f"ATTACH '{home.database}' AS p").reason == "write_refused"
    assert not home.database.exists()
    assert sorted(p.name for p in home.processed.iterdir()) == ["cache"]


def test_cli_refusal_is_one_line_with_reason_and_exit_2(published: Home) -> None:
    result = run_cli("query", "/*x*/COPY(SELECT 42)TO'x.csv'", home=published.root, check=False)
    assert result.returncode == 2
    assert result.stdout.startswith("write_refused: ") and len(result.stdout.strip().splitlines()) == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert not (Path.cwd() / "x.csv").exists()
    ok = cli("query", "SELECT count(*) AS n FROM files", "--csv", home=published.root)
    assert ok.exit_code == 0 and ok.stdout.splitlines() == ["n", "1"]


@pytest.mark.parametrize("command", [
    ["query", "SELECT 1"],
    ["export", "--format", "csv", "--out", "exported"],
    ["report"],
    ["explain", "help_centre", "2017-06", "58"],
    ["review", "export", "--out", "review.xlsx"],
    ["reconcile"],
])
def test_readers_never_create_a_home(tmp_path: Path, monkeypatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    mistyped = tmp_path / "hoem"
    result = cli(*command, home=mistyped)
    assert result.exit_code == 2
    assert result.stdout.startswith("home_missing: ") and str(mistyped) in result.stdout
    assert list(tmp_path.iterdir()) == []  # no home, no export folder, no review.xlsx


def test_an_existing_folder_that_is_not_a_home_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a home", encoding="utf-8")
    result = cli("query", "SELECT 1", home=tmp_path)
    assert result.exit_code == 2 and "home_missing" in result.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
