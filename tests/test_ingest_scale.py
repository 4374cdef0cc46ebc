"""Big inboxes: files already in the dataset are settled without Prefect, and a long run publishes
batch by batch while holding no more than a batch of documents (benchmarks/backlog.py measures it)."""

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import geothai
import pytest
from conftest import run_cli

pytestmark = pytest.mark.slow

UNREACHABLE_API = {"PREFECT_API_URL": "http://127.0.0.1:9/api", "COLUMNS": "200"}  # the discard port: nothing answers


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory) -> Iterator[dict[str, str]]:
    """One Prefect server for the module's runs that do have new files to process."""
    from flows.server import prefect_server
    from pipeline.home import home_at

    with prefect_server(home_at(tmp_path_factory.mktemp("prefect")), ui=False, timeout=600) as server:
        yield server.client_env()


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> list[Path]:
    """Excel report forms, one per province: each its own bytes, so its own file_id."""
    from pipeline.synth.demo import write_xlsx_form

    folder = tmp_path_factory.mktemp("forms")
    return [write_xlsx_form(folder / f"รายงาน_{p.code}.xlsx", p.code) for p in geothai.provinces()[:12]]


def drop(files: list[Path], inbox: Path, prefix: str = "") -> list[str]:
    inbox.mkdir(parents=True, exist_ok=True)
    for path in files:
        (inbox / f"{prefix}{path.name}").write_bytes(path.read_bytes())
    return [f"{prefix}{path.name}" for path in files]


def files_table(home: Path) -> dict[str, tuple[str, str]]:
    with duckdb.connect(str(home / "processed" / "saraban.duckdb"), read_only=True) as conn:
        rows = conn.execute("SELECT source_name, status, file_id FROM files").fetchall()
    return {name: (status, file_id) for name, status, file_id in rows}


def test_seen_files_are_settled_without_prefect_and_recorded(tmp_path: Path, forms: list[Path],
                                                             prefect_api: dict[str, str]) -> None:
    """Re-dropped under their names they leave the inbox; under new names they are recorded as
    duplicates of their original. With Prefect's API unreachable the run still succeeds: no
    server was started or asked. A new file beside them still goes through the flow."""
    home = tmp_path / "home"
    first = drop(forms[:3], home / "inbox")
    run_cli("ingest", "--quiet", home=home, env=prefect_api)
    recorded, raw = files_table(home), sorted((home / "raw").iterdir())

    drop(forms[:3], home / "inbox")
    copies = drop(forms[:2], home / "inbox", prefix="สำเนา ")
    done = run_cli("ingest", home=home, env=UNREACHABLE_API)
    assert "5 ไฟล์มีอยู่ในชุดข้อมูลแล้ว" in done.stdout and "already recorded under the same name 3" in done.stdout
    after = files_table(home)
    assert {name: after[name] for name in first} == recorded
    assert {after[copy] for copy in copies} == {("duplicate", recorded[name][1]) for name in first[:2]}
    assert list((home / "inbox").iterdir()) == [] and sorted((home / "raw").iterdir()) == raw

    drop(forms[:1] + forms[3:4], home / "inbox")
    run_cli("ingest", "--quiet", home=home, env=prefect_api)
    assert files_table(home)[forms[3].name][0] == "processed" and len(files_table(home)) == 6
    assert list((home / "inbox").iterdir()) == []


# Runs `saraban ingest` in-process, counting at every finished file the Document objects alive
# (pages and all; after a collection, since a finished Prefect future is a reference cycle) and
# at every publish the files the published dataset then holds.
_WATCHED_RUN = textwrap.dedent("""
    import gc, sys
    import duckdb
    from pipeline import progress
    from pipeline.records import Document
    home, alive, published = sys.argv[1], [], []
    def listen(event, data):
        if event == "file_done":
            gc.collect()
            alive.append(sum(isinstance(o, Document) for o in gc.get_objects()))
        elif event == "published":
            with duckdb.connect(home + "/processed/saraban.duckdb", read_only=True) as conn:
                published.append(conn.execute("SELECT count(*) FROM files").fetchone()[0])
    progress.subscribe(listen)
    sys.argv = ["saraban", "ingest", "--quiet", "--home", home]
    from cli.main import main
    try:
        main()
    finally:
        print("alive", max(alive), "published", *published)
""")


def test_a_long_run_publishes_batch_by_batch_holding_one_batch_of_documents(
        tmp_path: Path, forms: list[Path], prefect_api: dict[str, str]) -> None:
    """12 files published 3 at a time: each publish adds its batch while the run goes on, and the
    documents alive at any moment are at most the pending batch and the files submitted ahead
    (workers + a batch), never all 12."""
    home, workers, batch = tmp_path / "home", 2, 3
    drop(forms, home / "inbox")
    env = {**os.environ, **prefect_api, "SARABAN_STABLE_SECONDS": "0", "SARABAN_BATCH_FILES": str(batch),
           "SARABAN_BATCH_SECONDS": "600", "SARABAN_OCR_WORKERS": str(workers)}
    done = subprocess.run([sys.executable, "-c", _WATCHED_RUN, str(home)], env=env, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    figures = done.stdout.split("alive ")[-1].split()
    alive, published = int(figures[0]), [int(n) for n in figures[2:]]
    assert published == [3, 6, 9, 12]
    assert alive <= batch + (workers + batch)  # the pending batch, and the files submitted ahead
    assert list((home / "inbox").iterdir()) == []
