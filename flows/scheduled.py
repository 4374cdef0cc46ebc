"""The two flows `saraban serve` runs by itself: `inbox` (every few seconds) and `nightly`.

Both are thin wrappers around `ingest_holding_lock` (flows/ingest.py). One run per home at a
time is enforced by the home's flock (pipeline/home.py), which also covers a `saraban ingest`
started by hand; the deployments' Prefect concurrency limits only save work before that.

- `inbox` returns at once when the inbox has no stable file, and ends as *Skipped* when another
  run holds the home: the next poll picks the files up.
- `nightly` waits (bounded) for the home, runs a full ingest + reconciliation even with an empty
  inbox, then publishes CSV/Parquet/XLSX exports atomically (flows/exports.py).

Files are processed `settings.workers` at a time (`file_runner` in flows/ingest.py), as for
`saraban ingest`. A run that fails is retried after a pause (flow retries: Prefect takes one
fixed delay for a flow; the per-file tasks back off 2 s then 10 s). Inbox files are removed only
after the snapshot holding their rows is published, so a failed run leaves them for a later one.
"""

from __future__ import annotations

import datetime as dt
import time
from contextlib import ExitStack
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger
from prefect.states import Completed, State

from flows.exports import publish_exports
from flows.ingest import ingest_holding_lock
from pipeline.config import load_settings
from pipeline.errors import HomeLockedError
from pipeline.home import Home, home_at, run_lock
from pipeline.intake.inbox import stable_files
from pipeline.intake.lifecycle import RunSummary

NIGHTLY_LOCK_WAIT_SECONDS = 30 * 60


@flow(
    name="saraban-inbox",
    log_prints=True,
    retries=2,
    retry_delay_seconds=60,
)
def inbox_flow(home_root: str) -> State:
    """Ingest the files that landed in inbox/ (กล่องรับ) since the last run, if any."""
    logger = get_run_logger()
    home = home_at(Path(home_root))
    settings = load_settings(home.root)
    if not stable_files(home.inbox, settings.stable_seconds):
        logger.info("ไม่มีไฟล์ใหม่ในกล่องรับ / no new files in the inbox")
        return Completed(name="Idle", message="no new files")
    try:
        with run_lock(home):
            summary = ingest_holding_lock(home, settings)
    except HomeLockedError:
        logger.warning("มีการประมวลผลอื่นกำลังทำงาน ข้ามรอบนี้ / another run holds the home: skipped")
        return Completed(name="Skipped", message="skipped: busy (another run holds the home lock)")
    return Completed(message=describe(summary))


@flow(
    name="saraban-nightly",
    log_prints=True,
    retries=3,
    retry_delay_seconds=600,
)
def nightly_flow(home_root: str, exports_dir: str = "") -> State:
    """Full ingest, reconciliation and exports (CSV, Parquet, XLSX) from the published snapshot."""
    logger = get_run_logger()
    home = home_at(Path(home_root))
    settings = load_settings(home.root)
    out = Path(exports_dir) if exports_dir else home.root / "exports"
    with ExitStack() as stack:
        wait_for_home(stack, home, NIGHTLY_LOCK_WAIT_SECONDS)
        summary = ingest_holding_lock(home, settings)
        folder = publish_exports(home, out, now=dt.datetime.now(ZoneInfo(settings.timezone)))
    logger.info("ส่งออกข้อมูลแล้วที่ %s / exports written to %s", folder, folder)
    return Completed(message=f"{describe(summary)}; exports {folder}")


def wait_for_home(stack: ExitStack, home: Home, seconds: float, *, every: float = 5.0) -> None:
    """Take the home's run lock, waiting up to `seconds` for a running ingest to finish."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            stack.enter_context(run_lock(home))
            return
        except HomeLockedError:
            if time.monotonic() >= deadline:
                raise  # the flow's retries try again later
            get_run_logger().info("รอการประมวลผลอื่นให้เสร็จ / waiting for the running ingest")
            time.sleep(every)


def describe(summary: RunSummary) -> str:
    return (
        f"processed {summary.count('processed')}, quarantined {summary.count('quarantined')}, "
        f"duplicate {summary.count('duplicate')}"
    )
