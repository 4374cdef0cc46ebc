"""Console side of `saraban ingest`: a progress bar while files are processed, a summary after."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from cli.common import ExitCode
from pipeline import progress as events
from pipeline.errors import DiskFullError
from pipeline.home import Home, run_lock

if TYPE_CHECKING:  # the heavy modules (pandas, DuckDB, pydantic) load after the lock is taken
    from pipeline.config import Settings
    from pipeline.intake.lifecycle import Candidate, RunSummary


def run_ingest_with_progress(home: Home, console: Console, *, quiet: bool = False,
                             cluster: str | None = None) -> RunSummary:
    """Take the home's lock first: a busy home is told at once, before any Prefect server starts.
    A full disk is reported in one line (exit 1); the last published dataset is intact.
    `cluster` (a Dask scheduler address) overrides SARABAN_CLUSTER; it is asked for its workers
    before Prefect starts, so a wrong address fails at once."""
    with run_lock(home):
        from pipeline.config import load_settings
        from pipeline.intake.lifecycle import RunSummary

        if not any(p.is_file() for p in home.inbox.rglob("*")):
            console.print(f"inbox ว่าง / inbox is empty: {home.inbox}")
            return RunSummary()  # nothing to do: no need to start a Prefect server
        try:
            settings = _with_cluster(load_settings(home.root), cluster, console)
            settled, new_work = _settle_seen(home, settings, console)
            if not new_work:
                return settled
            return settled.merged(_run_flow(home, settings, console, quiet, new_work))
        except DiskFullError as error:
            console.print(f"[red]{error.reason}[/red]: {error} / {error.message_th}", soft_wrap=True)
            raise typer.Exit(int(ExitCode.NOTHING)) from None


def _settle_seen(home: Home, settings: Settings, console: Console) -> tuple[RunSummary, list[Candidate]]:
    """Files whose bytes the dataset already holds (dropped again, or copies under a new name) are
    settled here, before Prefect starts: they need no processing, and a temporary Prefect server
    costs 10 s and more. Returns their summary and the files left for the flow."""
    from pipeline.intake import lifecycle as stages

    candidates = stages.plan_published(home, settings)
    seen = stages.already_seen(candidates)
    if seen:
        console.print(f"{len(seen)} ไฟล์มีอยู่ในชุดข้อมูลแล้ว / file(s) already in the dataset, settled")
    left = [c for c in candidates if c not in seen]
    return stages.settle_seen(home, seen), left


def _with_cluster(settings: Settings, cluster: str | None, console: Console) -> Settings:
    if cluster is not None:
        settings = settings.model_copy(update={"cluster": cluster})
    if settings.cluster:
        from flows.cluster import cluster_workers

        workers = cluster_workers(settings.cluster)
        console.print(f"คลัสเตอร์ / cluster {settings.cluster}: {workers} worker(s)")
    return settings


def _run_flow(home: Home, settings: Settings, console: Console, quiet: bool,
              new_work: list[Candidate]) -> RunSummary:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[pages]} หน้า/pages"), TimeElapsedColumn(), TimeRemainingColumn(),
                  console=console, disable=quiet, transient=True) as bar:
        task = bar.add_task("กำลังประมวลผล / processing", total=None, pages=0)

        pages = 0

        def listener(event: str, data: dict) -> None:
            nonlocal pages
            if event == "planned":
                bar.update(task, total=data["files"])
            elif event == "file_done":
                pages += data.get("pages", 0)
                bar.update(task, advance=1, description=f"{data['name'][:40]} → {data['status']}", pages=pages)

        events.subscribe(listener)
        from flows.runtime import configure_prefect

        attached = configure_prefect(home.root)
        try:
            with _api_for(home, settings, attached) as reporting:
                from flows.ingest import (  # Prefect is imported only after its settings are in place
                    head_start,
                    ingest_flow,
                )

                with head_start(new_work, home, settings), reporting():  # read while the server comes up
                    return ingest_flow(str(home.root), settings)
        finally:
            events.unsubscribe(listener)


@contextmanager
def _api_for(home: Home, settings: Settings, attached: str | None) -> Iterator[Callable[[], AbstractContextManager]]:
    """The server the run reports to, started before Prefect and the pipeline are imported;
    yields what to enter around the flow (it waits for that server). Cluster workers need a
    server they can reach; a local run with no server to attach to gets a temporary one of its
    own (flows/temporary_server.py), which comes up on the other core meanwhile."""
    if settings.cluster:
        from flows.cluster import api_for_workers

        with api_for_workers(home):
            yield nullcontext
    elif attached or os.environ.get("PREFECT_API_URL"):
        yield nullcontext
    else:
        from flows.server import prefect_home
        from flows.temporary_server import reporting_to, temporary_server

        with temporary_server(prefect_home(home)) as server:
            yield lambda: reporting_to(server)


def print_summary(console: Console, summary: RunSummary, home: Home) -> None:
    if not summary.lines and not summary.finished:
        return
    table = Table("file", "status", "reason", "pages", "letters", "rows", "flags", "s",
                  title="Saraban ingest")
    for line in summary.lines:
        table.add_row(line.source_name, _status(line.status), line.reason, _shown(line.pages),
                      _shown(line.letters), _shown(line.rows), str(line.flagged) if line.rows else "",
                      f"{line.seconds:.1f}")
    if summary.lines:  # files only taken out of the inbox need no table
        console.print(table)
    console.print(f"processed {summary.count('processed')}, partial {summary.count('partial')}, "
                  f"quarantined {summary.count('quarantined')}, duplicate {summary.count('duplicate')}"
                  + (f", already recorded under the same name {len(summary.finished)}" if summary.finished else "")
                  + f" · dataset: {home.database}")
    if summary.rebuild_failed:
        console.print("[red]internal_error[/red]: progress and national were not rebuilt; they show the last good "
                      "rebuild (trace: saraban query \"SELECT value FROM meta WHERE key = 'rebuild_error'\") / "
                      "ตารางสรุปความก้าวหน้ายังไม่ได้ปรับปรุง กรุณาแจ้งผู้ดูแลระบบ", soft_wrap=True)


def _shown(count: int | None) -> str:
    return "" if count is None else str(count)


_COLOURS = {"processed": "green", "partial": "magenta", "quarantined": "red", "duplicate": "yellow"}


def _status(status: str) -> str:
    colour = _COLOURS.get(status, "white")
    return f"[{colour}]{status}[/{colour}]"


_REPORT_SQL = {
    "ไฟล์ / files":
        "SELECT status, coalesce(reason, '') AS reason, count(*) AS files FROM files GROUP BY ALL ORDER BY ALL",
    "หนังสือ / letters":
        "SELECT kind, doc_number, date, subject FROM letters ORDER BY date NULLS LAST LIMIT 20",
    "ตัวชี้วัด / indicators":
        "SELECT fiscal_year, code, target_value, target_unit, due_date FROM indicators ORDER BY ALL LIMIT 20",
    "รายงาน / report rows":
        "SELECT indicator, period, province, count(*) AS rows, "
        "sum(CASE WHEN flags <> '' THEN 1 ELSE 0 END) AS flagged FROM report_rows GROUP BY ALL ORDER BY ALL",
    "ระดับประเทศ / national": "SELECT * FROM national ORDER BY indicator, period DESC LIMIT 12",
}


def print_dataset(console: Console, conn) -> None:
    from cli.frame_view import frame_table

    for title, sql in _REPORT_SQL.items():
        console.print(frame_table(conn.execute(sql).df(), title))
