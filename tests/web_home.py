"""A small real dataset for the web tests, ingested in-process without Prefect (cheap inputs only).

Inputs: the sample Excel form (Mae Hong Son, June 2017), the born-digital report (Satun) and
letter PDFs, the empty and the encrypted PDF (quarantined), and a generated Lamphun Excel form
whose first district row does not add up (sum_mismatch: 14 ≠ 13 + 2), for the review queue; its
printed total row carries the same misreading, so no other row is flagged.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from conftest import copy_samples

from flows.process import process_file
from pipeline.config import load_settings
from pipeline.dataset.build import rebuild_dataset
from pipeline.dataset.storage import writable_snapshot
from pipeline.home import Home
from pipeline.intake import lifecycle
from pipeline.synth.demo import write_xlsx_form

SAMPLES = ["รายงานศูนย์ช่วยเหลือ_มส_201706_05.xlsx", "saraban_007.pdf", "saraban_011.pdf",
           "SCAN_0012.pdf", "saraban_013.pdf"]
LAMPHUN = "รายงาน_ลำพูน_256103.xlsx"


def write_flagged_form(path: Path) -> Path:
    """Lamphun, March 2018; เมืองลำพูน reads 14 total, 13 established, 2 not (should be 12)."""
    write_xlsx_form(path, "51")
    book = openpyxl.load_workbook(path)
    book.active["D3"] = 13
    book.active["D11"] = 41  # the รวม row: 40 established + the misread 1
    book.save(path)
    return path


def ingest_plain(home: Home) -> None:
    """What `saraban ingest` does, minus Prefect: plan, process each file, record, rebuild, publish."""
    settings = load_settings().model_copy(update={"stable_seconds": 0, "workers": 1})
    with writable_snapshot(home) as conn:
        candidates = lifecycle.plan(home, conn, settings)
        for candidate in candidates:
            if candidate.action == "process":
                lifecycle.record(conn, lifecycle.process_candidate(candidate, home, settings, process_file))
            elif candidate.action == "duplicate":
                lifecycle.record(conn, lifecycle.duplicate_outcome(candidate))
        rebuild_dataset(conn)
    lifecycle.tidy_inbox(candidates)


def build_web_home(home: Home) -> Home:
    copy_samples(home.inbox, SAMPLES)
    write_flagged_form(home.inbox / LAMPHUN)
    ingest_plain(home)
    return home
