"""`ingest`: one Prefect flow run over the inbox, one task per file, published in batches.

Thin on purpose: every step is a plain function from pipeline/; this file adds retries,
concurrency, task names the Prefect UI can show, and the run-summary artifact.

Files are processed `settings.workers` at a time (SARABAN_OCR_WORKERS, else one per core), in a
task runner of their own, whichever flow runs them (`saraban-ingest` here, `saraban-inbox` and
`saraban-nightly` in flows/scheduled.py); each file task reads its file in one of as many worker
processes (flows/file_workers.py), so both cores stay busy after the page pass as well.
Finished files are published every `settings.batch_files` files or `settings.batch_seconds`
(SARABAN_BATCH_FILES, SARABAN_BATCH_SECONDS), so an interrupted run keeps what it finished.

Every flow here runs with `run_lock(home)` already held by its caller: `saraban ingest` takes it
before Prefect starts (cli/console.py), so a busy home is told at once.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NONE
from prefect.futures import PrefectFuture
from prefect.states import Failed, State
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.cluster import cluster_runner, cluster_workers
from flows.file_workers import in_worker, start_early
from flows.file_workers import shutdown as shutdown_workers
from flows.process import process_file
from pipeline.config import Settings
from pipeline.errors import DiskFullError, is_disk_full
from pipeline.home import Home, home_at
from pipeline.intake import lifecycle as stages
from pipeline.ocr.stage import shutdown_pool
from pipeline.progress import emit


@task(retries=2, retry_delay_seconds=[2, 10], cache_policy=NONE,
      task_run_name="process {candidate.source_name}")
def process_file_task(candidate: stages.Candidate, home: Home,
                      settings: Settings) -> stages.FileOutcome | DiskFullError:
    """A full disk comes back as a value, not raised: retrying the file cannot help, and it is the
    run's to report, once, in one line (a raising task logs its traceback at ERROR)."""
    try:
        return in_worker(stages.process_candidate, candidate, home, settings, process_file,
                         workers=settings.workers, key=candidate)
    except DiskFullError as error:
        return error


@contextmanager
def head_start(candidates: list[stages.Candidate], home: Home, settings: Settings) -> Iterator[None]:
    """Start reading the files the flow will hand out first, one per worker, before the flow runs:
    a one-shot `saraban ingest` otherwise reads nothing for its first seconds (Prefect's import,
    its temporary server coming up), with a core idle (issue F11). Their tasks take these readings
    (`in_worker`'s key); the run is otherwise the same. The workers end with the block, however it
    ends (a server that never came up). Not for a cluster: its files are read there."""
    if not settings.cluster:
        todo = largest_first([c for c in candidates if c.action == "process"])
        for candidate in todo[:settings.workers]:
            start_early(candidate, stages.process_candidate, candidate, home, settings, process_file,
                        workers=settings.workers)
    try:
        yield
    finally:
        shutdown_workers()


@flow(name="saraban-ingest", log_prints=True, validate_parameters=False)
def ingest_flow(home_root: str, settings: Settings) -> stages.RunSummary | State:
    """The caller holds `run_lock(home)`. A full disk ends the run as Failed with a DiskFullError
    (no traceback in the log: it is the operator's to fix, not a bug)."""
    try:
        return ingest_holding_lock(home_at(Path(home_root)), settings)
    except DiskFullError as error:
        return Failed(message=f"{error.reason}: {error}", data=error)


def ingest_holding_lock(home: Home, settings: Settings) -> stages.RunSummary:
    """The body of `ingest_flow`, for a flow that already holds `run_lock(home)` (flows/scheduled.py)."""
    summary = _ingest_locked(home, settings)
    _publish_artifact(summary)
    return summary


def _ingest_locked(home: Home, settings: Settings) -> stages.RunSummary:
    logger = get_run_logger()
    summary = stages.RunSummary()
    candidates = stages.plan_published(home, settings)
    todo = largest_first([c for c in candidates if c.action == "process"])
    emit("planned", files=len(todo), total=len(candidates))
    logger.info("พบ %d ไฟล์ใหม่ใน inbox / %d new file(s) in the inbox", len(todo), len(todo))
    batches = stages.Batches(settings.batch_files, settings.batch_seconds)
    try:
        with file_runner(settings) as runner:
            def submit(candidate: stages.Candidate) -> PrefectFuture:  # `process_file_task.submit`, on this runner
                return runner.submit(process_file_task, {"candidate": candidate, "home": home, "settings": settings})

            for outcome in _outcomes(submit, todo, home, batches, _ahead(settings)):
                _note(outcome, batches, summary)
                if batches.due():
                    _publish(home, batches.take(), summary)
    finally:
        shutdown_workers()
        shutdown_pool()
    _finish(home, candidates, batches, summary)
    return summary


def largest_first(todo: list[stages.Candidate]) -> list[stages.Candidate]:
    """The biggest files first (bytes: the cheapest fair guess of a file's pages and work), so the
    run does not end on one long scan on one core while the other idles; ties keep inbox order.
    What a file becomes does not depend on when it is read."""
    return sorted(todo, key=lambda c: -c.size)


def _finish(home: Home, candidates: list[stages.Candidate], batches: stages.Batches,
            summary: stages.RunSummary) -> None:
    """The last batch and the files whose bytes the dataset already held, in one publish."""
    duplicates = [stages.duplicate_outcome(c) for c in candidates if c.action == "duplicate"]
    for outcome in duplicates:
        summary.add(outcome)
    done = [c for c in candidates if c.action == "done"]
    summary.finished += [c.source_name for c in done]
    pending = batches.take() + duplicates
    if pending:
        _publish(home, pending, summary, done)
    else:
        stages.tidy_inbox(done)  # nothing to record: no snapshot to copy


def _note(outcome: stages.FileOutcome | None, batches: stages.Batches, summary: stages.RunSummary) -> None:
    if outcome is not None:
        batches.add(outcome)
        line = summary.add(outcome)
        emit("file_done", name=line.source_name, status=line.status, pages=line.pages or 0)


def _publish(home: Home, outcomes: list[stages.FileOutcome], summary: stages.RunSummary,
             done: list[stages.Candidate] | None = None) -> None:
    counts = stages.publish_batch(home, outcomes, done or [])
    summary.batches += 1
    emit("published", files=len(outcomes), batch=summary.batches)
    if counts is None:
        summary.rebuild_failed = True
        get_run_logger().warning("published %d file(s); progress and national NOT rebuilt (internal_error, "
                                 "trace in meta.rebuild_error): they still show the last good rebuild", len(outcomes))
    else:
        get_run_logger().info("published %d file(s): progress %d rows, national %d rows", len(outcomes), *counts)


def _outcomes(submit: Callable[[stages.Candidate], PrefectFuture], todo: list[stages.Candidate],
              home: Home, batches: stages.Batches, ahead: int) -> Iterator[stages.FileOutcome | None]:
    """Each file's outcome as it finishes; None when the pending batch falls due meanwhile.

    Files are submitted `ahead` at a time, the next one as each outcome is taken, so a backlog of
    thousands holds a bounded number of documents (the pending batch and those in flight), however
    much faster files finish than batches publish. Finished futures arrive through their
    done-callbacks, which threads and Dask futures both offer, so the same loop serves a local run
    and a cluster run. A future is let go once its outcome is taken."""
    finished: queue.SimpleQueue[PrefectFuture] = queue.SimpleQueue()
    waiting, running = iter(todo), {}

    def start_next() -> None:
        candidate = next(waiting, None)
        if candidate is not None:
            future = submit(candidate)
            running[future] = candidate
            future.add_done_callback(finished.put)

    for _ in range(ahead):
        start_next()
    for _ in range(len(todo)):
        while (future := _next_finished(finished, batches)) is None:
            yield None
        candidate = running.pop(future)
        start_next()
        try:
            outcome = _result(future, candidate, home)
        except DiskFullError:
            _settle(running)
            raise
        yield outcome


def _settle(running: dict[PrefectFuture, stages.Candidate]) -> None:
    """Let the files in flight finish before a full disk ends the run: leaving the task runner
    would cancel them, and each cancelled task logs a crash at ERROR (seen under load), where the
    operator should get the one disk_full line. Their originals stay in the inbox, unpublished."""
    for future in running:
        future.wait()


def _ahead(settings: Settings) -> int:
    """Files in flight: enough to keep every worker busy while a batch publishes (a batch's worth
    more than there are workers), and no more."""
    workers = cluster_workers(settings.cluster) if settings.cluster else settings.workers
    return workers + settings.batch_files


def _next_finished(finished: queue.SimpleQueue[PrefectFuture],
                   batches: stages.Batches) -> PrefectFuture | None:
    try:
        return finished.get(timeout=batches.seconds_left())
    except queue.Empty:
        return None


def file_runner(settings: Settings) -> TaskRunner:
    """Threads for the per-file tasks, as many as OCR workers (`Settings.workers`); or, with
    `Settings.cluster`, the workers of that Dask cluster (flows/cluster.py)."""
    if settings.cluster:
        return cluster_runner(settings.cluster)
    return ThreadPoolTaskRunner(max_workers=settings.workers)


def _result(future: PrefectFuture, candidate: stages.Candidate, home: Home) -> stages.FileOutcome:
    try:
        outcome = future.result()
    except Exception as error:  # retries exhausted: quarantine the file, keep the run going
        if is_disk_full(error):
            raise DiskFullError(str(error)) from error
        return stages.failed_outcome(candidate, home, error)
    if isinstance(outcome, DiskFullError):
        raise outcome
    return outcome


def _publish_artifact(summary: stages.RunSummary) -> None:
    table = [{"file": line.source_name, "status": line.status, "reason": line.reason, "pages": line.pages or 0,
              "letters": line.letters or 0, "report_rows": line.rows or 0, "seconds": round(line.seconds, 1)}
             for line in summary.lines]
    if table:
        create_table_artifact(table=table, key="ingest-summary", description="Saraban ingest run")
