"""Inbox lifecycle stages without Prefect: stability, duplicates, odd names, lock, tidy-up."""

import os
import threading
import time
from pathlib import Path

import pytest

from flows.process import process_file
from pipeline.dataset import storage
from pipeline.errors import HomeLockedError
from pipeline.home import run_lock
from pipeline.intake import lifecycle as ingest
from pipeline.intake.inbox import stable_files
from pipeline.intake.raw_store import sha256_of


def test_file_still_being_written_is_left_for_later(tmp_path: Path) -> None:
    done = tmp_path / "done.pdf"
    done.write_bytes(b"%PDF-1.4 finished")
    os.utime(done, (time.time() - 60, time.time() - 60))
    growing = tmp_path / "growing.pdf"
    growing.write_bytes(b"%PDF-1.4 part")
    stop = threading.Event()

    def keep_writing() -> None:
        with open(growing, "ab") as handle:
            while not stop.is_set():
                handle.write(b"x" * 100)
                handle.flush()
                time.sleep(0.05)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        found = [f.name for f in stable_files(tmp_path, stable_seconds=0.5)]
    finally:
        stop.set()
        writer.join()
    assert found == ["done.pdf"]


def test_temp_and_hidden_files_are_ignored(tmp_path: Path) -> None:
    for name in (".hidden.pdf", "~$form.xlsx", "scan.pdf.part", "a.pdf.error.json", "ok.pdf"):
        (tmp_path / name).write_bytes(b"x")
    assert [f.name for f in stable_files(tmp_path, 0)] == ["ok.pdf"]


def test_plan_marks_copies_and_already_recorded_files(home, settings) -> None:
    names = ["รายงาน มิ.ย. 2560.pdf", "รายงาน มิ.ย. 2560 (1).pdf", "weird 'name' #2.pdf"]
    for name in names[:2]:
        (home.inbox / name).write_bytes(b"%PDF same bytes")
    (home.inbox / names[2]).write_bytes(b"%PDF other bytes")
    recorded = sha256_of(home.inbox / names[2])
    with storage.writable_snapshot(home) as conn:
        storage.write_file_row(conn, {"file_id": recorded, "source_name": names[2], "status": "processed"})
        actions = {c.source_name: c.action for c in ingest.plan(home, conn, settings)}
    assert actions == {names[0]: "process", names[1]: "duplicate", names[2]: "done"}


def test_second_run_on_same_home_is_refused_while_one_holds_the_lock(home) -> None:
    with run_lock(home):
        with pytest.raises(HomeLockedError) as err:
            with run_lock(home):
                pass
    assert err.value.reason == "home_locked"
    with run_lock(home):  # released afterwards
        pass


def test_tidy_keeps_a_file_replaced_during_the_run(home, settings) -> None:
    path = home.inbox / "form.xlsx"
    path.write_bytes(b"version 1")
    with storage.writable_snapshot(home) as conn:
        [candidate] = ingest.plan(home, conn, settings)
    time.sleep(0.01)
    path.write_bytes(b"version 2, dropped while we worked")
    assert ingest.tidy_inbox([candidate]) == []
    assert path.read_bytes().startswith(b"version 2")


def test_quarantined_original_is_copied_not_moved(home, settings) -> None:
    path = home.inbox / "empty scan.pdf"
    path.write_bytes(b"")
    with storage.writable_snapshot(home) as conn:
        [candidate] = ingest.plan(home, conn, settings)
    outcome = ingest.process_candidate(candidate, home, settings, process_file)
    assert (outcome.status, outcome.reason) == ("quarantined", "empty_file")
    assert path.exists() and (home.quarantine / "empty scan.pdf").exists()
    report = (home.quarantine / "empty scan.pdf.error.json").read_text(encoding="utf-8")
    assert '"reason": "empty_file"' in report and "empty scan.pdf" in report and "ไฟล์ว่างเปล่า" in report


def test_a_file_is_hashed_once_per_process_until_it_changes(tmp_path: Path, monkeypatch) -> None:
    """The run plans its inbox twice; the second plan must not read every file again, yet a file
    rewritten in place (same name, same size) must get its new hash."""
    from pipeline.intake import raw_store

    path = tmp_path / "form.pdf"
    path.write_bytes(b"%PDF-1.4 first")
    reads = []
    monkeypatch.setattr(raw_store, "_digest", lambda handle: reads.append(1) or raw_store.hashlib.sha256(handle.read()).hexdigest())
    first = sha256_of(path)
    assert (sha256_of(path), len(reads)) == (first, 1)
    time.sleep(0.02)  # past the clock tick of the first write: the rewrite gets a new ctime
    path.write_bytes(b"%PDF-1.4 other")
    assert sha256_of(path) != first and len(reads) == 2
