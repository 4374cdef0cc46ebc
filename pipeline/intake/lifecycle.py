"""Inbox lifecycle as plain stages: plan → (per file) archive + process → (per batch) record →
publish → tidy inbox.

Order matters for "a crash loses nothing": the original is copied to raw/ before anything else;
finished files are recorded in batches (`Batches`: every `batch_files` files or `batch_seconds`),
each batch written to a private snapshot and published atomically; a batch's inbox files are
removed only after it is published, and only if they did not change meanwhile. A re-run after a
crash at any point finds the unpublished files still in the inbox and finishes the job; rows are
replaced per file, never appended twice.

Statuses say the truth: `processed` (clean; reason `nothing_extracted` when the file held no
letter and no report row), `partial` (some pages or stages failed: each failure is a `PageError`
in the `page_errors` table), `quarantined` (bad input, or our own failure on it: `internal_error`
with the trace), `duplicate`.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Literal

import duckdb

from pipeline.config import Settings
from pipeline.dataset import storage
from pipeline.dataset.build import rebuild_keeping_last
from pipeline.errors import (
    DiskFullError,
    InternalError,
    NotARegularFileError,
    NothingExtractedError,
    SarabanError,
    disk_full_error,
    is_disk_full,
)
from pipeline.home import Home
from pipeline.intake.inbox import InboxFile, refusal, source_name, stable_files
from pipeline.intake.quarantine import quarantine_file
from pipeline.intake.raw_store import sha256_of, store_original
from pipeline.intake.run_summary import RunSummary
from pipeline.records import Document, Extraction, FileStatus, PageError

Action = Literal["process", "duplicate", "done"]
# The per-file pipeline (flows/process.py): archived copy, OCR cache, settings, file_id, dropped name.
ProcessFile = Callable[[Path, Path, Settings, str, str], tuple[Document, Extraction]]
_SHOWN_ERRORS = 3  # errors spelled out in files.message; all of them are in page_errors


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
    status: FileStatus
    reason: str = ""
    message: str = ""
    document: Document | None = None
    extraction: Extraction | None = None
    raw_path: str = ""
    seconds: float = 0.0
    errors: list[PageError] = field(default_factory=list)


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


def plan_published(home: Home, settings: Settings) -> list[Candidate]:
    """`plan` against the last published snapshot (the run's batches publish on top of it)."""
    with storage.read_only(home) as conn:
        return plan(home, conn, settings)


def _action(file_id: str, name: str, known: dict, originals: set[str]) -> Action:
    if (file_id, name) in known:
        return "done"  # recorded by a run that stopped before tidying the inbox
    return "duplicate" if file_id in originals else "process"


def process_candidate(candidate: Candidate, home: Home, settings: Settings,
                      process_file: ProcessFile) -> FileOutcome:
    """Archive the original, then process the archived copy. Bad input, and any failure of ours on
    it, becomes a quarantine outcome; a full disk is the run's problem and ends it (DiskFullError).
    Links, devices and FIFOs are refused without being opened."""
    if not candidate.regular:
        return refused_outcome(candidate, home)
    started = time.monotonic()
    try:
        raw = _disk_full_raised(store_original, candidate.path, home.raw, candidate.file_id)
    except NotARegularFileError:
        return refused_outcome(candidate, home)
    outcome = FileOutcome(candidate, "processed", raw_path=raw.relative_to(home.root).as_posix())
    try:
        doc, extraction = process_file(raw, home.ocr_cache, settings, candidate.file_id,
                                       candidate.source_name)
    except DiskFullError:
        raise
    except SarabanError as e:
        _quarantine(outcome, home, e, PageError(e.page, e.reason, e.message, stage="load"))
    except Exception as e:
        if is_disk_full(e):
            raise DiskFullError(str(e)) from e
        failure = PageError.from_exception(e, stage="process")
        _quarantine(outcome, home, InternalError(f"{failure.message}\n{failure.detail}"), failure)
    else:
        judge(outcome, _without_images(doc), extraction)
    outcome.seconds = time.monotonic() - started
    return outcome


def refused_outcome(candidate: Candidate, home: Home) -> FileOutcome:
    """A link, device or FIFO: quarantined as an .error.json alone; nothing of it is opened or copied."""
    error = refusal(candidate.source_name, candidate.path)
    outcome = FileOutcome(candidate, "quarantined")
    _quarantine(outcome, home, error, PageError(None, error.reason, error.message, stage="intake"))
    return outcome


def _disk_full_raised(write: Callable[..., Path], *args: object) -> Path:
    try:
        return write(*args)
    except OSError as e:
        if is_disk_full(e):
            raise DiskFullError(str(e)) from e
        raise


def _quarantine(outcome: FileOutcome, home: Home, error: SarabanError, failure: PageError) -> None:
    candidate = outcome.candidate
    _disk_full_raised(quarantine_file, candidate.path, home.quarantine, candidate.file_id, error, candidate.source_name)
    outcome.status, outcome.reason, outcome.message = "quarantined", error.reason, error.message
    outcome.errors = [failure]


def judge(outcome: FileOutcome, doc: Document, extraction: Extraction) -> FileOutcome:
    """Status and reason of a file that was read: never `processed` with errors attached."""
    outcome.document, outcome.extraction, outcome.errors = doc, extraction, list(extraction.errors)
    if extraction.errors:
        headline = next((e for e in extraction.errors if e.reason == InternalError.reason), extraction.errors[0])
        outcome.status, outcome.reason = "partial", headline.reason
        outcome.message = _error_summary(extraction.errors)
    elif extraction.is_empty:
        outcome.reason = NothingExtractedError.reason
        outcome.message = f"no letter and no report-table row in {len(doc.pages)} page(s)"
    return outcome


def _error_summary(errors: Sequence[PageError]) -> str:
    shown = "; ".join(e.summary() for e in errors[:_SHOWN_ERRORS])
    more = len(errors) - _SHOWN_ERRORS
    return shown + (f" (+{more} more in page_errors)" if more > 0 else "")


def failed_outcome(candidate: Candidate, home: Home, error: BaseException) -> FileOutcome:
    """A file whose task crashed outside its processing (after retries): quarantined, with the trace.
    A full disk (DiskFullError, or an OSError ENOSPC from deeper down) stops the run instead."""
    full = disk_full_error(error)
    if full is error:
        raise error
    if full is not None:
        raise full from error
    failure = PageError.from_exception(error, stage="task")
    quarantined = SarabanError(f"{failure.message}\n{failure.detail}")  # reason processing_error
    quarantine_file(candidate.path, home.quarantine, candidate.file_id, quarantined, candidate.source_name)
    failure = replace(failure, reason=quarantined.reason)
    return FileOutcome(candidate, "quarantined", quarantined.reason, failure.message, errors=[failure])


def duplicate_outcome(candidate: Candidate) -> FileOutcome:
    return FileOutcome(candidate, "duplicate", message="same bytes as a file already ingested")


def already_seen(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The files whose bytes the published dataset already holds: duplicates (a new name) and done
    (recorded under this name). A copy of a file first met in this same inbox is not among them:
    its original has yet to be processed."""
    new = {c.file_id for c in candidates if c.action == "process"}
    return [c for c in candidates if c.action in ("duplicate", "done") and c.file_id not in new]


def settle_seen(home: Home, candidates: Sequence[Candidate]) -> RunSummary:
    """Settle the files whose bytes the dataset already holds, without processing anything:
    duplicates are recorded (their original is already in raw/) and published in one snapshot,
    then they and the files already recorded under their name leave the inbox."""
    summary = RunSummary()
    duplicates = [duplicate_outcome(c) for c in candidates if c.action == "duplicate"]
    done = [c for c in candidates if c.action == "done"]
    if duplicates:
        summary.rebuild_failed = publish_batch(home, duplicates, done) is None
        summary.batches = 1
    else:
        tidy_inbox(done)
    for outcome in duplicates:
        summary.add(outcome)
    summary.finished = [c.source_name for c in done]
    return summary


def _without_images(doc: Document) -> Document:
    for page in doc.pages:
        page.image = None  # page images are large and never stored; free them early
    return doc


def record(conn: duckdb.DuckDBPyConnection, outcome: FileOutcome) -> None:
    record_all(conn, [outcome])


def record_all(conn: duckdb.DuckDBPyConnection, outcomes: Sequence[FileOutcome]) -> None:
    """The files rows of all outcomes at once, then each read file's pages, rows and errors."""
    storage.write_file_rows(conn, [_file_row(o) for o in outcomes])
    for outcome in outcomes:
        doc = outcome.document
        if outcome.status != "duplicate":  # a duplicate shares its original's file_id and records
            storage.write_page_errors(conn, outcome.candidate.file_id, outcome.errors)
        if doc is not None and outcome.extraction is not None:
            storage.write_extraction(conn, doc, outcome.extraction)


def _file_row(outcome: FileOutcome) -> dict:
    doc = outcome.document
    return {
        "file_id": outcome.candidate.file_id, "source_name": outcome.candidate.source_name,
        "status": outcome.status, "reason": outcome.reason, "message": outcome.message,
        "pages": len(doc.pages) if doc else None, "ocr_used": doc.ocr_used if doc else False,
        "mean_confidence": doc.mean_confidence if doc else None,
        "media": doc.media if doc else None, "raw_path": outcome.raw_path,
        "errors": json.dumps([asdict(e) for e in outcome.errors], ensure_ascii=False),
        "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    }


class Batches:
    """Finished files waiting to be published: due every `files` files or `seconds` seconds."""

    def __init__(self, files: int, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.files, self.seconds, self._clock = files, seconds, clock
        self.pending: list[FileOutcome] = []
        self._since = clock()

    def add(self, outcome: FileOutcome) -> None:
        if not self.pending:
            self._since = self._clock()  # the clock runs from the oldest unpublished file
        self.pending.append(outcome)

    def seconds_left(self) -> float | None:
        """How long until the pending files are due; None when nothing is pending."""
        return max(0.0, self._since + self.seconds - self._clock()) if self.pending else None

    def due(self) -> bool:
        return bool(self.pending) and (len(self.pending) >= self.files or self.seconds_left() == 0.0)

    def take(self) -> list[FileOutcome]:
        taken, self.pending = self.pending, []
        return taken


def publish_batch(home: Home, outcomes: Sequence[FileOutcome],
                  done: Sequence[Candidate] = ()) -> tuple[int, int] | None:
    """Record outcomes in a private snapshot, rebuild progress and national, publish atomically;
    only then tidy their inbox files (and `done`: files an interrupted run had recorded).
    Returns the progress and national row counts; None when the rebuild failed (the files are
    recorded all the same, the derived tables kept as they were: see `rebuild_keeping_last`)."""
    try:
        with storage.writable_snapshot(home) as conn:
            record_all(conn, outcomes)
            counts = rebuild_keeping_last(conn) if _may_change_progress(outcomes) else _derived_counts(conn)
    except Exception as e:  # DuckDB reports a full disk as its own IOException, not an OSError
        if is_disk_full(e):
            raise DiskFullError(str(e)) from e
        raise
    tidy_inbox([o.candidate for o in outcomes] + list(done))
    return counts


def _may_change_progress(outcomes: Sequence[FileOutcome]) -> bool:
    """Duplicates alone cannot: a duplicate is recorded only beside its original's row, and
    progress and national depend on the files table only through which file_ids have no usable
    row. So a batch of re-dropped copies skips the rebuild, which grows with the dataset."""
    return any(o.status != "duplicate" for o in outcomes)


def _derived_counts(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    counts = conn.execute("SELECT (SELECT count(*) FROM progress), (SELECT count(*) FROM national)").fetchone()
    return counts[0], counts[1]


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
