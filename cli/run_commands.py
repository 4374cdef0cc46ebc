"""Commands that run or read the dataset: ingest, export, query, demo, report, serve."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cli.common import ExitCode, HomeOption, app, console, existing_home_from, fail_on, home_from
from cli.web_commands import start_web_beside
from pipeline.errors import SarabanError, disk_full_error
from pipeline.home import Home


@app.command()
def ingest(home: HomeOption = None,
           quiet: Annotated[bool, typer.Option(help="No progress bar")] = False,
           cluster: Annotated[str | None, typer.Option(
               help="Dask scheduler (tcp://HOST:8786) whose workers read the files; default $SARABAN_CLUSTER")] = None,
           ) -> None:
    """Process every file now in inbox/ (one Prefect flow run), then reconcile."""
    from cli.console import run_ingest_with_progress

    the_home = home_from(home)
    try:
        summary = run_ingest_with_progress(the_home, console, quiet=quiet, cluster=cluster)
    except SarabanError as e:
        fail_on(e)
    except OSError as e:
        full = disk_full_error(e)  # a full disk is one line for the operator, not a trace
        if full is None:
            raise
        fail_on(full)
    from cli.console import print_summary

    print_summary(console, summary, the_home)
    _print_left_in_inbox(the_home)


def _print_left_in_inbox(home: Home) -> None:
    """Entries no run takes as they are (links, FIFOs, hidden or lock files): said every time."""
    from rich.markup import escape

    from pipeline.intake.inbox import left_in_inbox

    for entry in left_in_inbox(home.inbox):
        console.print(f"[yellow]left in inbox[/yellow]: {entry.reason}: {escape(entry.message_en)} / "
                      f"{entry.message_th}", soft_wrap=True, highlight=False)


@app.command()
def export(home: HomeOption = None,
           format: Annotated[str, typer.Option("--format", help="csv, parquet, xlsx or pdf")] = "csv",
           out: Annotated[Path, typer.Option("--out", help="Output folder")] = Path("export")) -> None:
    """Write the contract tables to OUT (CSV/Parquet: one file per table; XLSX: one workbook), or
    with pdf a searchable copy of every processed PDF and image file, carrying Saraban's text."""
    from pipeline.dataset.storage import read_only
    from pipeline.publish.export import contract_tables, export_tables, raw_paths

    if format not in ("csv", "parquet", "xlsx", "pdf"):
        console.print(f"[red]unknown format {format!r}[/red]: use csv, parquet, xlsx or pdf")
        raise typer.Exit(ExitCode.REFUSED)
    the_home = existing_home_from(home)
    if format == "pdf":
        _export_pdfs(the_home, out)
        return
    with read_only(the_home) as conn:
        tables, links = contract_tables(conn), raw_paths(conn, the_home.root)
    for path in export_tables(tables, out, format, links):  # type: ignore[arg-type]
        console.print(f"wrote {path}")


def _export_pdfs(home: Home, out: Path) -> None:
    """Each copy written or skipped, one line each; a skipped file never stops the others."""
    from rich.markup import escape

    from pipeline.dataset.storage import read_only
    from pipeline.publish.pdf_copies import export_pdfs

    with read_only(home) as conn:
        copies = export_pdfs(conn, home.root, out)
    for copy in copies:
        if copy.path is None:
            console.print(f"[yellow]skipped[/yellow] {escape(copy.source_name)}: {escape(copy.problem)}",
                          soft_wrap=True, highlight=False)
        else:
            note = f", {copy.unverified} placed unverified" if copy.unverified else ""
            console.print(f"wrote {escape(str(copy.path))} ({copy.layered} pages with Saraban's text, "
                          f"{copy.kept} kept as they were{note})", soft_wrap=True, highlight=False)


@app.command()
def query(sql: Annotated[str, typer.Argument(help="Read-only SQL, e.g. \"SELECT * FROM progress\"")],
          home: HomeOption = None,
          csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table")] = False) -> None:
    """Run one read-only SQL statement (SELECT or EXPLAIN) against the dataset and print the result."""
    from pipeline.dataset.query import run_query
    from pipeline.dataset.storage import read_only

    with read_only(existing_home_from(home)) as conn:
        try:
            frame = run_query(conn, sql)
        except SarabanError as e:
            fail_on(e)
    if csv:
        sys.stdout.write(frame.to_csv(index=False))
        return
    from cli.frame_view import frame_table

    console.print(frame_table(frame))
    console.print(f"{len(frame)} row(s)")


@app.command()
def demo(home: HomeOption = None,
         if_empty: Annotated[bool, typer.Option("--if-empty", help="Only when inbox/ is empty")] = False) -> None:
    """Put generated example files (a scanned circular, an Excel report form) into inbox/."""
    from pipeline.synth.demo import write_demo_inbox

    the_home = home_from(home)
    if if_empty and any(p.is_file() and not p.name.startswith(".") for p in the_home.inbox.rglob("*")):
        console.print(f"inbox has files; no examples added ({the_home.inbox})")
        return
    for path in write_demo_inbox(the_home.inbox):
        console.print(f"example: {path}")


@app.command()
def report(home: HomeOption = None) -> None:
    """What the dataset holds: files by status, letters, report rows, the national table."""
    from cli.console import print_dataset
    from pipeline.dataset.storage import read_only

    with read_only(existing_home_from(home)) as conn:
        print_dataset(console, conn)


@app.command()
def serve(home: HomeOption = None,
          poll_seconds: Annotated[int | None, typer.Option(
              "--poll-seconds", help="Check inbox/ this often (default: $SARABAN_POLL_SECONDS, else 60)",
              show_default=False)] = None,
          nightly_cron: Annotated[str | None, typer.Option(
              "--nightly-cron", help="Nightly full run + exports, cron in $SARABAN_TIMEZONE "
              "(default: $SARABAN_NIGHTLY_CRON, else '0 1 * * *')", show_default=False)] = None,
          exports_dir: Annotated[Path | None, typer.Option(
              "--exports-dir", help="Where nightly exports go (default: HOME/exports)",
              show_default=False)] = None,
          port: Annotated[int | None, typer.Option(
              "--port", min=1, max=65535, help="Port of the Prefect server and UI, for a fixed address "
              "(default: $PREFECT_SERVER_API_PORT, else a free one)", show_default=False)] = None,
          web: Annotated[bool, typer.Option("--web/--no-web", help="Also serve the web app on 127.0.0.1")] = True,
          web_port: Annotated[int, typer.Option("--web-port", min=1, max=65535,
                                                help="Port of the web app")] = 8765) -> None:
    """Run by itself: ingest inbox files as they land, a nightly run with exports, and the web app."""
    from pydantic import ValidationError

    from flows.serve import serve_home, serve_settings

    the_home = home_from(home)
    try:
        settings = serve_settings(the_home, poll_seconds=poll_seconds, nightly_cron=nightly_cron)
    except (ValidationError, ValueError) as e:
        console.print(f"[red]invalid setting[/red]: {e}")
        raise typer.Exit(ExitCode.REFUSED) from e
    site = start_web_beside(the_home, web_port) if web else None
    try:
        serve_home(the_home, settings, exports_dir=exports_dir.resolve() if exports_dir else None,
                   port=port, announce=console.print)
    except SarabanError as e:
        fail_on(e)
    finally:
        if site is not None:
            site.stop()
