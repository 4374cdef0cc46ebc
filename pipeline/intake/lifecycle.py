"""Inbox lifecycle as plain stages: plan → (per file) archive + process → record → publish → tidy inbox.

Order matters for "a crash loses nothing": the original is copied to raw/ before anything else;
rows are written to a private snapshot that is published only at the end; inbox files are removed
only after publishing, and only if they did not change meanwhile. A re-run after a crash at any
point finds the same files in the inbox and finishes the job; rows are replaced per file, never
appended twice.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb

from pipeline.config import Settings
from pipeline.dataset import storage
from pipeline.errors import NotARegularFileError, SarabanError, disk_full_error
from pipeline.home import Home
from pipeline.intake.inbox import InboxFile, refusal, source_name, stable_files
from pipeline.intake.quarantine import quarantine_file
from pipeline.intake.raw_store import sha256_of, store_original
from pipeline.records import Document, Extraction

Action = Literal["process", "duplicate", "done"]
# The per-file pipeline (flows/process.py): archived copy, OCR cache, settings, file_id, dropped name.
ProcessFile = Callable[[Path, Path, Settings, str, str], tuple[Document, Extraction]]


@dataclass(frozen=True)
class Candidate:
    """A stable inbox file and what this run will do with it."""

    path: Path
    source_name: str
    file_id: str
    size: int
    mtime: float
    action: Action
    regular: bool = True  # False: a link, device or FIFO; refused on every run, never opened or tidied


@dataclass
class FileOutcome:
    candidate: Candidate
    status: str  # processed | quarantined | duplicate
    reason: str = ""
    message: str = ""
    document: Document | None = None
    extraction: Extraction | None = None
    raw_path: str = ""
    seconds: float = 0.0


@dataclass
class RunSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)  # files already recorded by an interrupted run
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def clear_interrupted_writes(home: Home) -> None:
    """Half-written temp files of a killed run (the atomic writes' .tmp- files) are litter."""
    for stale in [*home.raw.glob(".tmp-*"), *home.quarantine.rglob(".tmp-*")]:
        stale.unlink(missing_ok=True)


def plan(home: Home, conn: duckdb.DuckDBPyConnection, settings: Settings) -> list[Candidate]:
    """Decide per stable inbox file: process it, record it as a duplicate, or it is already done."""
    clear_interrupted_writes(home)
    known = storage.known_files(conn)
    originals = {file_id for (file_id, _), status in known.items() if status != "duplicate"}
    candidates = []
    for item in stable_files(home.inbox, settings.stable_seconds):
        candidate = _candidate(item, source_name(item.path, home.inbox), known, originals)
        if candidate is not None:
            candidates.append(candidate)
    return candidates


def _candidate(item: InboxFile, name: str, known: dict, originals: set[str]) -> Candidate | None:
    """A refused entry has no file_id: nothing of it is read, so there are no bytes to hash."""
    try:
        file_id = sha256_of(item.path) if item.regular else ""
    except FileNotFoundError:
        return None  # removed since the inbox was listed: nothing to do
    except NotARegularFileError:
        file_id = ""  # swapped for a link or FIFO since it was listed
    if not file_id:
        return Candidate(item.path, name, "", item.size, item.mtime, "process", regular=False)
    action = _action(file_id, name, known, originals)
    originals.add(file_id)
    return Candidate(item.path, name, file_id, item.size, item.mtime, action)


def _action(file_id: str, name: str, known: dict, originals: set[str]) -> Action:
    if (file_id, name) in known:
        return "done"  # recorded by a run that stopped before tidying the inbox
    return "duplicate" if file_id in originals else "process"


def process_candidate(candidate: Candidate, home: Home, settings: Settings,
                      process_file: ProcessFile) -> FileOutcome:
    """Archive the original, then process the archived copy; bad input becomes a quarantine outcome."""
    if not candidate.regular:
        return refused_outcome(candidate, home)
    started = time.monotonic()
    try:
        raw = store_original(candidate.path, home.raw, candidate.file_id)
    except NotARegularFileError:
        return refused_outcome(candidate, home)
    outcome = FileOutcome(candidate, "processed", raw_path=raw.relative_to(home.root).as_posix())
    try:
        doc, extraction = process_file(raw, home.ocr_cache, settings, candidate.file_id,
                                       candidate.source_name)
        outcome.document, outcome.extraction = _without_images(doc), extraction
    except SarabanError as e:
        if e.stops_run:
            raise  # a full disk is not the file's fault: quarantining it would be wrong, and fail too
        _quarantine(candidate, home, e)
        outcome.status, outcome.reason, outcome.message = "quarantined", e.reason, e.message
    outcome.seconds = time.monotonic() - started
    return outcome


def refused_outcome(candidate: Candidate, home: Home) -> FileOutcome:
    """A link, device or FIFO: quarantined as an .error.json alone; nothing of it is opened or copied."""
    error = refusal(candidate.source_name, candidate.path)
    _quarantine(candidate, home, error)
    return FileOutcome(candidate, "quarantined", error.reason, error.message)


def failed_outcome(candidate: Candidate, home: Home, error: BaseException) -> FileOutcome:
    """A file whose processing crashed unexpectedly (after retries): quarantined, with the trace.
    A full disk (DiskFullError, or an OSError ENOSPC from deeper down) stops the run instead."""
    full = disk_full_error(error)
    if full is error:
        raise error
    if full is not None:
        raise full from error
    failure = SarabanError(f"{type(error).__name__}: {error}\n{''.join(traceback.format_exception(error))[-2000:]}")
    _quarantine(candidate, home, failure)
    return FileOutcome(candidate, "quarantined", failure.reason, str(error))


def _quarantine(candidate: Candidate, home: Home, error: SarabanError) -> None:
    quarantine_file(candidate.path, home.quarantine, candidate.file_id, error, candidate.source_name)


def duplicate_outcome(candidate: Candidate) -> FileOutcome:
    return FileOutcome(candidate, "duplicate", message="same bytes as a file already ingested")


def _without_images(doc: Document) -> Document:
    for page in doc.pages:
        page.image = None  # page images are large and never stored; free them early
    return doc


def record(conn: duckdb.DuckDBPyConnection, outcome: FileOutcome) -> None:
    doc = outcome.document
    storage.write_file_row(conn, {
        "file_id": outcome.candidate.file_id, "source_name": outcome.candidate.source_name,
        "status": outcome.status, "reason": outcome.reason, "message": outcome.message,
        "pages": len(doc.pages) if doc else None, "ocr_used": doc.ocr_used if doc else False,
        "mean_confidence": doc.mean_confidence if doc else None,
        "media": doc.media if doc else None, "raw_path": outcome.raw_path,
        "errors": json.dumps(outcome.extraction.errors if outcome.extraction else [], ensure_ascii=False),
        "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    })
    if doc is not None and outcome.extraction is not None:
        storage.write_extraction(conn, doc, outcome.extraction)


def tidy_inbox(candidates: list[Candidate]) -> list[str]:
    """Remove recorded files from the inbox, unless they changed while we worked (a new version).
    Refused entries stay: they are reported on every run until someone removes them."""
    removed = []
    for candidate in candidates:
        if candidate.regular and _unchanged(candidate):
            candidate.path.unlink()
            removed.append(candidate.source_name)
    return removed


def _unchanged(candidate: Candidate) -> bool:
    """Still the regular file that was planned (lstat: a link put in its place is not it)."""
    try:
        info = candidate.path.lstat()
    except FileNotFoundError:
        return False
    return stat.S_ISREG(info.st_mode) and (info.st_size, info.st_mtime) == (candidate.size, candidate.mtime)
