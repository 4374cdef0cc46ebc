"""SIGKILL `saraban ingest` at several points; a re-run must lose nothing and duplicate nothing.
A full disk mid-run leaves the last published dataset as it was and says so in one line."""

import errno
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import geothai
import pytest
from conftest import copy_samples, run_cli

pytestmark = pytest.mark.slow

FILES = ["SCAN_0003.pdf", "SCAN_0003 (1).pdf", "SCAN_0004.pdf", "saraban_007.pdf", "saraban_011.pdf",
         "SCAN_0012.pdf", "saraban_013.pdf", "รายงานศูนย์ช่วยเหลือ_มส_201706_05.xlsx"]


def _raw_count(home: Path) -> int:
    return len([p for p in (home / "raw").glob("*") if not p.name.startswith(".")])


# Kill points, by what the run has visibly done: starting up; first original archived (OCR under
# way, nothing recorded); more originals archived; snapshot just published (inbox not yet tidied).
KILL_WHEN = [
    ("start-up", lambda home, started: time.monotonic() - started > 1.0),
    ("first-archived", lambda home, started: _raw_count(home) > _baseline["raw"]),
    ("more-archived", lambda home, started: _raw_count(home) >= min(_baseline["raw"] + 2, 7)),
    ("published", lambda home, started: _published_inode(home) not in (None, _baseline["inode"])),
]
_baseline: dict[str, int | None] = {}  # what the home held when the current run started


def _published_inode(home: Path) -> int | None:
    try:
        return (home / "processed" / "saraban.duckdb").stat().st_ino
    except FileNotFoundError:
        return None


def kill_ingest_when(home: Path, condition, env: dict | None = None) -> bool:
    """Start `saraban ingest`, SIGKILL its whole process group once `condition` holds.
    Returns True if the run finished by itself first."""
    exe = Path(sys.executable).with_name("saraban")
    env = {**os.environ, "SARABAN_STABLE_SECONDS": "0", **(env or {})}
    proc = subprocess.Popen([str(exe), "ingest", "--quiet", "--home", str(home)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() - started < 300:
        if condition(home, started):
            os.killpg(proc.pid, signal.SIGKILL)  # the whole group: OCR workers and Prefect server too
            proc.wait()
            return False
        time.sleep(0.02)
    return proc.wait(timeout=5) == 0


def assert_consistent(home: Path) -> None:
    for raw in (home / "raw").glob("*"):  # raw/ may not exist yet after a very early kill
        if not raw.name.startswith(".tmp-"):  # temp litter of a killed write is cleared by the next run
            assert hashlib.sha256(raw.read_bytes()).hexdigest() == raw.name.split(".")[0], raw.name
    database = home / "processed" / "saraban.duckdb"
    if database.exists():
        with duckdb.connect(str(database), read_only=True) as conn:
            dupes = conn.execute("SELECT count(*) - count(DISTINCT (file_id, source_name)) FROM files").fetchone()
            assert dupes == (0,)


def table_counts(home: Path) -> dict[str, int]:
    out = run_cli("query", "SELECT (SELECT count(*) FROM files) f, (SELECT count(*) FROM pages) p, "
                  "(SELECT count(*) FROM letters) l, (SELECT count(*) FROM report_rows) r, "
                  "(SELECT count(*) FROM progress) g", "--csv", home=home).stdout
    return dict(zip("fplrg", map(int, out.splitlines()[1].split(",")), strict=True))


def test_killed_runs_then_rerun_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    copy_samples(home / "inbox", FILES)
    originals = {p.name: p.read_bytes() for p in (home / "inbox").iterdir()}
    for label, condition in KILL_WHEN:
        _baseline.update(raw=_raw_count(home), inode=_published_inode(home))
        assert not kill_ingest_when(home, condition), f"run finished before the {label} kill"
        assert_consistent(home)
        assert {p.name for p in (home / "inbox").iterdir()} <= set(originals)
    run_cli("ingest", "--quiet", home=home)
    assert_consistent(home)
    assert list((home / "inbox").iterdir()) == []
    assert not list((home / "raw").glob(".tmp-*"))

    reference = tmp_path / "reference"
    copy_samples(reference / "inbox", FILES)
    (reference / "processed").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(home / "processed" / "cache"), str(reference / "processed")], check=True)
    run_cli("ingest", "--quiet", home=reference)
    assert table_counts(home) == table_counts(reference)
    assert table_counts(home)["f"] == len(FILES)
    raw_bytes = {p.read_bytes() for p in (home / "raw").iterdir()}
    assert all(content in raw_bytes for content in originals.values())


# --- Many random kills over a long run of cheap inputs, against one shared Prefect server -------

BATCH = {"SARABAN_BATCH_FILES": "3", "SARABAN_BATCH_SECONDS": "600"}
FORMS, KILLS = 48, 5  # a kill lands within 2 batches (+ files in flight): 5 × (6 + 2) < 48
DATASET_SQL = {  # everything a run derives, without the clock (ingested_at)
    "files": "SELECT file_id, source_name, status, reason, pages FROM files",
    "report_rows": "SELECT * EXCLUDE (raw_cells, alternatives) FROM report_rows",
    "progress": "SELECT * FROM progress",
    "national": "SELECT * FROM national",
    "unplaced_rows": "SELECT * FROM unplaced_rows",
    "page_errors": "SELECT file_id, page, stage, reason FROM page_errors",
}


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory) -> Iterator[dict[str, str]]:
    """One Prefect server for the module: each killed or patched run attaches to it instead of
    starting its own (which takes 10 s and more), so many short runs stay affordable."""
    from flows.server import prefect_server
    from pipeline.home import home_at

    with prefect_server(home_at(tmp_path_factory.mktemp("prefect")), ui=False, timeout=600) as server:
        yield server.client_env()


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> Path:
    """Small Excel report forms, one per province (written once: the bytes are the file_ids)."""
    from pipeline.synth.demo import write_xlsx_form

    folder = tmp_path_factory.mktemp("forms")
    for province in geothai.provinces()[:FORMS]:
        write_xlsx_form(folder / f"รายงาน_{province.code}.xlsx", province.code)
    return folder


def drop(forms: Path, inbox: Path, first: int = 0, end: int | None = None) -> set[str]:
    """Copy forms[first:end] (by name) into the inbox; returns their names."""
    inbox.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in forms.iterdir())[first:end]
    for name in names:
        shutil.copy2(forms / name, inbox / name)
    return set(names)


def published(home: Path, sql: str) -> list[tuple]:
    database = home / "processed" / "saraban.duckdb"
    if not database.exists():
        return []
    with duckdb.connect(str(database), read_only=True) as conn:
        return sorted(conn.execute(sql).fetchall(), key=repr)


def dataset(home: Path) -> dict[str, list[tuple]]:
    return {name: published(home, sql) for name, sql in DATASET_SQL.items()}


def after_publishes(count: int, delay: float) -> Callable[[Path, float], bool]:
    """Kill `delay` seconds after this run replaced the published snapshot `count` times."""
    state: dict = {}

    def condition(home: Path, _started: float) -> bool:
        inode = _published_inode(home)
        if not state:
            state.update(last=inode, changes=0, at=None)
        elif inode != state["last"]:
            state["last"], state["changes"] = inode, state["changes"] + 1
            if state["changes"] == count:
                state["at"] = time.monotonic()
        return state["at"] is not None and time.monotonic() - state["at"] >= delay

    return condition


def after_seconds(seconds: float) -> Callable[[Path, float], bool]:
    return lambda _home, started: time.monotonic() - started >= seconds


def either(*conditions: Callable[[Path, float], bool]) -> Callable[[Path, float], bool]:
    return lambda home, started: any([c(home, started) for c in conditions])  # all see every poll


def assert_nothing_lost(home: Path, names: set[str]) -> None:
    """Every dropped file is still in the inbox or recorded in the published dataset (or both:
    published, not yet tidied); the published dataset has one row per key."""
    assert_consistent(home)
    inbox = {p.name for p in (home / "inbox").iterdir()}
    recorded = {name for (name,) in published(home, "SELECT source_name FROM files")}
    assert names <= inbox | recorded, names - inbox - recorded
    keys = "indicator, period, province_code, district_code"
    assert published(home, f"SELECT {keys}, count(*) c FROM progress GROUP BY ALL HAVING c > 1") == []


def test_random_kills_over_a_long_run_keep_every_published_batch(tmp_path: Path, forms: Path,
                                                                  prefect_api: dict[str, str]) -> None:
    """SIGKILL at random moments (start-up, archiving, mid-batch, just after a publish, before the
    inbox is tidied) over a run of 48 forms published 3 at a time; finish with a clean re-run.
    What earlier batches published survives each kill, and the end equals one uninterrupted run
    (with the default, larger batches: batching never changes the result)."""
    rng = random.Random(int(os.environ.get("SARABAN_KILL_SEED", "20240501")))
    home, env = tmp_path / "home", {**BATCH, **prefect_api}
    names = drop(forms, home / "inbox")
    gained = []
    for _ in range(KILLS):
        before = len(published(home, "SELECT * FROM files"))
        kill = (after_publishes(rng.randint(1, 2), rng.choice([0.0, rng.uniform(0, 0.4)]))
                if rng.random() < 0.6 else either(after_seconds(rng.uniform(0.2, 8.0)), after_publishes(2, 0.0)))
        if kill_ingest_when(home, kill, env):
            break  # the run outlasted no more kills: what is left is the clean finish
        assert_nothing_lost(home, names)
        gained.append(len(published(home, "SELECT * FROM files")) - before)
        assert gained[-1] >= 0  # a kill never takes back what a batch published
    assert len(gained) == KILLS, "every kill lands before the run ends (each kill is at most 2 batches in)"
    assert any(gained), "some batch should be published before a later kill"
    run_cli("ingest", "--quiet", home=home, env=env)
    assert_nothing_lost(home, names)
    assert list((home / "inbox").iterdir()) == []

    reference = tmp_path / "reference"
    drop(forms, reference / "inbox")
    run_cli("ingest", "--quiet", home=reference, env=prefect_api)  # default batches
    assert dataset(home) == dataset(reference)
    assert len(dataset(home)["files"]) == len(names)


# A write that meets a full disk, in the per-file task (archiving the original) or in the flow
# (publishing the batch's snapshot).
DISK_FULL_AT = {
    "archive": "pipeline.intake.raw_store.atomic_copy",
    "publish": "pipeline.dataset.storage._publish",
}
_DISK_FULL_RUN = textwrap.dedent("""
    import errno, os, sys
    from unittest import mock
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    with mock.patch(sys.argv[1], full):
        sys.argv = ["saraban", "ingest", "--quiet", "--home", sys.argv[2]]
        from cli.main import main
        main()
""")


@pytest.mark.parametrize("where", list(DISK_FULL_AT))
def test_disk_full_keeps_the_published_dataset_and_says_so_in_one_line(
        tmp_path: Path, forms: Path, prefect_api: dict[str, str], where: str) -> None:
    home, env = tmp_path / "home", {**os.environ, "SARABAN_STABLE_SECONDS": "0", **prefect_api}
    first = drop(forms, home / "inbox", 0, 2)
    run_cli("ingest", "--quiet", home=home, env=prefect_api)
    database = home / "processed" / "saraban.duckdb"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    names = drop(forms, home / "inbox", 2, 5)
    done = subprocess.run([sys.executable, "-c", _DISK_FULL_RUN, DISK_FULL_AT[where], str(home)], env=env,
                          capture_output=True, text=True, timeout=900)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert done.returncode == 1, done.stdout + done.stderr
    assert len(lines) == 1 and lines[0].startswith("disk_full: "), done.stdout
    assert "พื้นที่ดิสก์เต็ม" in lines[0] and os.strerror(errno.ENOSPC) in lines[0]
    assert "Traceback" not in done.stdout + done.stderr and "ERROR" not in done.stderr, done.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before  # the last publish, intact
    assert {p.name for p in (home / "inbox").iterdir()} == names  # left for the next run
    assert list((home / "processed" / ".work").iterdir()) == []  # no half-written copy eating space
    if where == "publish":  # space freed: the next run finishes the job
        run_cli("ingest", "--quiet", home=home, env=prefect_api)
        assert published_names(home) == first | names and list((home / "inbox").iterdir()) == []


def published_names(home: Path) -> set[str]:
    return {name for (name,) in published(home, "SELECT source_name FROM files")}
