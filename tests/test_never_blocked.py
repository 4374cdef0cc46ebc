"""F8 "never blocked", without Prefect: one odd row, one odd file or one failing stage is kept as
data (flags, `partial`, `page_errors`, quarantine with the trace) and never takes a run down."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import openpyxl
import pytest

import flows.process
from flows.process import process_file
from pipeline.home import run_lock
from pipeline.intake import lifecycle
from pipeline.records import Document, Extraction, Page, PageError, ReportRow
from pipeline.synth.demo import write_xlsx_form


def drop_forms(home, codes: list[str]) -> list[Path]:
    return [write_xlsx_form(home.inbox / f"form_{code}.xlsx", code) for code in codes]


def drop_form_without_month(home) -> Path:
    """The demo form with its caption month gone: its rows have no period (the F8 report)."""
    path = write_xlsx_form(home.inbox / "no_month.xlsx", "53")
    book = openpyxl.load_workbook(path)
    book.active["A1"] = "แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น จังหวัดอุตรดิตถ์"
    book.save(path)
    return path


def run_batch(home, settings) -> list[lifecycle.FileOutcome]:
    """What the flow does, without Prefect: plan, process each file, publish one batch."""
    outcomes = [lifecycle.process_candidate(c, home, settings, process_file)
                for c in lifecycle.plan_published(home, settings)]
    lifecycle.publish_batch(home, outcomes)
    return outcomes


def query(home, sql: str) -> list[tuple]:
    with duckdb.connect(str(home.database), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def test_rows_without_a_period_are_published_flagged_and_listed(home, settings) -> None:
    drop_form_without_month(home)
    drop_forms(home, ["51"])
    [odd, good] = sorted(run_batch(home, settings), key=lambda o: o.candidate.source_name != "no_month.xlsx")
    assert odd.status == "processed" and odd.extraction.report_rows
    assert all("no_period" in r.flags and r.period == "" for r in odd.extraction.report_rows)
    assert query(home, "SELECT DISTINCT period FROM progress") == [("2018-03",)]  # only the good form
    unplaced = query(home, f"SELECT count(*) FROM unplaced_rows WHERE file_id = '{odd.candidate.file_id}'")
    assert unplaced == [(len(odd.extraction.report_rows),)]
    listed = query(home, f"SELECT DISTINCT flags FROM needs_review WHERE file_id = '{odd.candidate.file_id}'")
    assert all("no_period" in f for (f,) in listed) and listed
    assert list(home.inbox.iterdir()) == []  # published, then tidied


def test_a_stage_failing_unexpectedly_makes_the_file_partial_with_its_trace(home, settings, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("a table no one had seen")

    monkeypatch.setattr(flows.process, "extract_report_forms", broken)
    drop_forms(home, ["51"])
    [outcome] = run_batch(home, settings)
    assert (outcome.status, outcome.reason) == ("partial", "internal_error")
    [error] = outcome.errors
    assert (error.page, error.stage, error.reason) == (None, "report_rows", "internal_error")
    assert "ZeroDivisionError: a table no one had seen" in error.message
    assert "Traceback" in error.detail and "broken" in error.detail
    stored = query(home, "SELECT stage, reason, message, detail FROM page_errors")
    assert stored == [("report_rows", "internal_error", error.message, error.detail)]
    assert query(home, "SELECT status, reason FROM files") == [("partial", "internal_error")]
    assert query(home, "SELECT flags, status FROM needs_review") == [("internal_error", "needs_review")]


_TWO_LETTERS = (
    "ที่ มท 0810.7/ว 1271\nกรมส่งเสริมการปกครองท้องถิ่น\n5 มีนาคม 2567\nเรื่อง ขอให้รายงานผล\n"
    "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\nจึงเรียนมาเพื่อโปรดทราบ\n(นายสมชาย ใจดี)\nอธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
    "ที่ สพ 0023.3/ว 4861\nศาลากลางจังหวัดสุพรรณบุรี\n17 กรกฎาคม 2567\nเรื่อง รายงานผลการดำเนินงาน\n"
    "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อโปรดทราบ\n(นายเอกชัย หาดแพง)\nท้องถิ่นจังหวัดสุพรรณบุรี",
)


def test_a_letter_that_fails_to_be_read_costs_only_itself_not_its_siblings(monkeypatch) -> None:
    import extractors.letters

    real = extractors.letters._read_body

    def broken_on_the_second(letter, view, core_end):
        if letter.letter_index == 1:
            raise IndexError("a body no one had seen")
        return real(letter, view, core_end)

    monkeypatch.setattr(extractors.letters, "_read_body", broken_on_the_second)
    pages = [Page(n, "text_layer", text=text) for n, text in enumerate(_TWO_LETTERS, start=1)]
    extraction = flows.process.extract(Document("f", "two.pdf", "pdf", pages))
    assert [letter.doc_number for letter in extraction.letters] == ["มท 0810.7/ว 1271"]
    [error] = extraction.errors
    assert (error.stage, error.reason) == ("letters", "internal_error") and "a body no one had seen" in error.message


def test_a_crash_while_loading_quarantines_that_file_with_the_trace_and_the_run_goes_on(
        home, settings, monkeypatch) -> None:
    real = flows.process.load_document

    def crash_on_one(path, file_id, settings_, source_name=""):
        if source_name == "form_53.xlsx":
            raise KeyError("merged cell beyond the sheet")
        return real(path, file_id, settings_, source_name)

    monkeypatch.setattr(flows.process, "load_document", crash_on_one)
    drop_forms(home, ["51", "53"])
    outcomes = {o.candidate.source_name: o for o in run_batch(home, settings)}
    assert outcomes["form_51.xlsx"].status == "processed"
    assert (outcomes["form_53.xlsx"].status, outcomes["form_53.xlsx"].reason) == ("quarantined", "internal_error")
    report = json.loads((home.quarantine / "form_53.xlsx.error.json").read_text(encoding="utf-8"))
    assert report["reason"] == "internal_error" and "KeyError" in report["message_en"]
    assert "Traceback" in report["message_en"] and report["message_th"]
    assert query(home, "SELECT stage, reason FROM page_errors") == [("process", "internal_error")]


def test_a_failed_page_makes_the_file_partial_never_processed() -> None:
    candidate = lifecycle.Candidate(Path("x.pdf"), "x.pdf", "f", 1, 0.0, "process")
    pages = [Page(1, "ocr", text="ก"), Page(2, "ocr")]
    rows = [ReportRow(page=1, table_index=0, row_index=0, indicator="help_centre")]
    failed = PageError(2, "ocr_failed", "tesseract timed out after 180s", stage="ocr")
    outcome = lifecycle.judge(lifecycle.FileOutcome(candidate, "processed"), Document("f", "x.pdf", "pdf", pages),
                              Extraction(report_rows=rows, errors=[failed]))
    assert (outcome.status, outcome.reason) == ("partial", "ocr_failed")
    assert outcome.message == "page 2: ocr_failed: tesseract timed out after 180s"


def test_a_file_with_nothing_in_it_is_not_silently_processed(home, settings) -> None:
    book = openpyxl.Workbook()
    book.active.append(["รายชื่อผู้เข้าร่วมประชุม"])
    book.active.append(["นายสมชาย ใจดี", "นายก อบต."])
    book.save(home.inbox / "attendees.xlsx")
    [outcome] = run_batch(home, settings)
    assert (outcome.status, outcome.reason) == ("processed", "nothing_extracted")
    assert query(home, "SELECT status, reason FROM files") == [("processed", "nothing_extracted")]
    assert query(home, "SELECT flags FROM needs_review") == [("nothing_extracted",)]


def test_batches_fall_due_by_count_or_by_age() -> None:
    now = [100.0]
    batches = lifecycle.Batches(files=3, seconds=60, clock=lambda: now[0])
    candidate = lifecycle.Candidate(Path("x"), "x", "f", 1, 0.0, "process")
    assert not batches.due() and batches.seconds_left() is None  # nothing pending: nothing due
    now[0] = 500.0
    batches.add(lifecycle.FileOutcome(candidate, "processed"))
    assert not batches.due() and batches.seconds_left() == 60  # the age counts from the oldest file
    now[0] = 560.0
    assert batches.due()
    assert len(batches.take()) == 1 and not batches.due()
    for _ in range(3):
        batches.add(lifecycle.FileOutcome(candidate, "processed"))
    assert batches.due() and len(batches.take()) == 3


def test_a_batch_tidies_only_its_own_files_and_only_after_publishing(home, settings, monkeypatch) -> None:
    drop_forms(home, ["51", "53"])
    first, second = lifecycle.plan_published(home, settings)
    outcome = lifecycle.process_candidate(first, home, settings, process_file)

    def fails(*_args):
        raise RuntimeError("killed before the rename")

    monkeypatch.setattr(lifecycle.storage, "_publish", fails)
    with pytest.raises(RuntimeError):
        lifecycle.publish_batch(home, [outcome])
    assert first.path.exists() and not home.database.exists()  # nothing published, nothing tidied
    assert list((home.processed / ".work").iterdir()) == []  # and no half-written copy left behind
    monkeypatch.undo()
    lifecycle.publish_batch(home, [outcome])
    assert not first.path.exists() and second.path.exists()
    assert query(home, "SELECT source_name FROM files") == [(first.source_name,)]


def test_a_busy_home_is_told_at_once_before_prefect_starts(home) -> None:
    """`saraban ingest` takes the lock before anything heavy: no Prefect server, no pandas or
    DuckDB loaded, one message, no traceback. (About 0.3 s on an idle machine.)"""
    write_xlsx_form(home.inbox / "form.xlsx")
    with run_lock(home):
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "cli.main", "ingest", "--home",
                               str(home.root)], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "SARABAN_STABLE_SECONDS": "0"})
        seconds = time.monotonic() - started
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert done.returncode == 2 and done.stdout.startswith("home_locked: "), done.stdout + done.stderr
    assert "มีการประมวลผลอื่นกำลังทำงานอยู่" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr and "ERROR" not in done.stdout + done.stderr
    assert not {"prefect", "duckdb", "pandas"} & imported, "the lock comes before the heavy imports"
    assert not (home.processed / ".prefect").exists() and (home.inbox / "form.xlsx").exists()
    assert seconds < 10, seconds  # generous for a loaded CI machine; the point is no Prefect start-up


def test_a_failing_rebuild_still_records_the_batch_and_keeps_the_last_good_tables(
        home, settings, monkeypatch) -> None:
    import pipeline.dataset.build as build

    drop_forms(home, ["51"])
    run_batch(home, settings)
    good = query(home, "SELECT * FROM progress ORDER BY ALL")

    def broken(*_args, **_kwargs):
        raise RecursionError("a reconcile bug meeting a new kind of row")

    monkeypatch.setattr(build, "unplaced_rows", broken)  # after progress and national were replaced
    drop_forms(home, ["53"])
    [outcome] = run_batch(home, settings)
    assert query(home, "SELECT count(*) FROM files") == [(2,)] and not outcome.candidate.path.exists()
    assert query(home, "SELECT * FROM progress ORDER BY ALL") == good  # rolled back, not half-replaced
    [(trace,)] = query(home, "SELECT value FROM meta WHERE key = 'rebuild_error'")
    assert "RecursionError: a reconcile bug" in trace
    monkeypatch.undo()
    drop_forms(home, ["58"])
    run_batch(home, settings)
    assert query(home, "SELECT value FROM meta WHERE key = 'rebuild_error'") == []
    assert query(home, "SELECT DISTINCT province_code FROM progress ORDER BY 1") == [("51",), ("53",), ("58",)]
