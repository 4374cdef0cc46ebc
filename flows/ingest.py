"""`ingest`: one Prefect flow run over the inbox, one task per file, then reconciliation.

Thin on purpose: every step is a plain function from pipeline/; this file adds retries,
concurrency, task names the Prefect UI can show, and the run-summary artifact.

Files are processed `settings.workers` at a time (SARABAN_OCR_WORKERS, else one per core), in a
task runner of their own, whichever flow runs them (`saraban-ingest` here, `saraban-inbox` and
`saraban-nightly` in flows/scheduled.py); their pages share the one OCR process pool of that size.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NONE
from prefect.task_runners import ThreadPoolTaskRunner

from flows.process import process_file
from pipeline.config import Settings
from pipeline.dataset.build import rebuild_dataset
from pipeline.dataset.storage import writable_snapshot
from pipeline.home import Home, home_at, run_lock
from pipeline.intake import lifecycle as stages
from pipeline.ocr.stage import shutdown_pool
from pipeline.progress import emit


@task(retries=2, retry_delay_seconds=[2, 10], cache_policy=NONE,
      task_run_name="process {candidate.source_name}")
def process_file_task(candidate: stages.Candidate, home: Home, settings: Settings) -> stages.FileOutcome:
    return stages.process_candidate(candidate, home, settings, process_file)


@flow(name="saraban-ingest", log_prints=True, validate_parameters=False)
def ingest_flow(home_root: str, settings: Settings) -> stages.RunSummary:
    home = home_at(Path(home_root))
    with run_lock(home):
        summary = _ingest_locked(home, settings)
    _publish_artifact(summary)
    return summary


def ingest_holding_lock(home: Home, settings: Settings) -> stages.RunSummary:
    """The body of `ingest_flow`, for a flow that already holds `run_lock(home)` (flows/scheduled.py)."""
    summary = _ingest_locked(home, settings)
    _publish_artifact(summary)
    return summary


def _ingest_locked(home: Home, settings: Settings) -> stages.RunSummary:
    logger = get_run_logger()
    summary = stages.RunSummary()
    with writable_snapshot(home) as conn:
        candidates = stages.plan(home, conn, settings)
        todo = [c for c in candidates if c.action == "process"]
        emit("planned", files=len(todo), total=len(candidates))
        logger.info("พบ %d ไฟล์ใหม่ใน inbox / %d new file(s) in the inbox", len(todo), len(todo))
        with file_runner(settings) as runner:
            futures = [(c, runner.submit(process_file_task, {"candidate": c, "home": home, "settings": settings}))
                       for c in todo]  # what `process_file_task.submit` does, with this runner
            for candidate, future in futures:
                outcome = _result(future, candidate, home)
                stages.record(conn, outcome)
                summary.outcomes.append(outcome)
                emit("file_done", name=candidate.source_name, status=outcome.status)
        for candidate in (c for c in candidates if c.action == "duplicate"):
            outcome = stages.duplicate_outcome(candidate)
            stages.record(conn, outcome)
            summary.outcomes.append(outcome)
        summary.finished = [c.source_name for c in candidates if c.action == "done"]
        progress_rows, national_rows = rebuild_dataset(conn)
        logger.info("progress %d rows, national %d rows", progress_rows, national_rows)
    shutdown_pool()
    stages.tidy_inbox(candidates)
    return summary


def file_runner(settings: Settings) -> ThreadPoolTaskRunner:
    """Threads for the per-file tasks: as many as OCR workers (`Settings.workers`)."""
    return ThreadPoolTaskRunner(max_workers=settings.workers)


def _result(future, candidate: stages.Candidate, home: Home) -> stages.FileOutcome:
    try:
        return future.result()
    except Exception as error:  # retries exhausted: quarantine the file, keep the run going
        return stages.failed_outcome(candidate, home, error)


def _publish_artifact(summary: stages.RunSummary) -> None:
    table = [{"file": o.candidate.source_name, "status": o.status, "reason": o.reason,
              "pages": len(o.document.pages) if o.document else 0,
              "letters": len(o.extraction.letters) if o.extraction else 0,
              "report_rows": len(o.extraction.report_rows) if o.extraction else 0,
              "seconds": round(o.seconds, 1)} for o in summary.outcomes]
    if table:
        create_table_artifact(table=table, key="ingest-summary", description="Saraban ingest run")
