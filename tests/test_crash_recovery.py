"""SIGKILL `saraban ingest` at several points; a re-run must lose nothing and duplicate nothing."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
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


def kill_ingest_when(home: Path, condition) -> bool:
    """Start `saraban ingest`, SIGKILL its whole process group once `condition` holds.
    Returns True if the run finished by itself first."""
    exe = Path(sys.executable).with_name("saraban")
    env = {**os.environ, "SARABAN_STABLE_SECONDS": "0"}
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
