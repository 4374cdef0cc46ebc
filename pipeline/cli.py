"""`saraban` command line (contract: shared/docs/contract.md). Typer for parsing, rich for output."""

from __future__ import annotations

import os
import sys

# Before numpy loads: its BLAS would start a thread per core for tiny matrices, and several
# of those beside one single-threaded Tesseract per core thrash a small machine.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pipeline.errors import SarabanError
from pipeline.home import Home, home_at

app = typer.Typer(help="Saraban: Thai circulars and report forms → a national progress dataset.",
                  no_args_is_help=True, add_completion=False)
console = Console()
_state: dict[str, Home] = {}

HomeOption = Annotated[Path | None, typer.Option(
    "--home", help="Saraban home folder (default: $SARABAN_HOME, else ./data)", show_default=False)]


def _home(home: Path | None) -> Home:
    root = home or Path(os.environ.get("SARABAN_HOME", "data"))
    return home_at(root)


@app.command()
def ingest(home: HomeOption = None,
           quiet: Annotated[bool, typer.Option(help="No progress bar")] = False) -> None:
    """Process every file now in inbox/ (one Prefect flow run), then reconcile."""
    from pipeline.console import run_ingest_with_progress

    the_home = _home(home)
    try:
        summary = run_ingest_with_progress(the_home, console, quiet=quiet)
    except SarabanError as e:
        console.print(f"[red]{e.reason}[/red]: {e} / {e.message_th}")
        raise typer.Exit(2) from e
    from pipeline.console import print_summary

    print_summary(console, summary, the_home)


@app.command()
def export(home: HomeOption = None,
           format: Annotated[str, typer.Option("--format", help="csv, parquet or xlsx")] = "csv",
           out: Annotated[Path, typer.Option("--out", help="Output folder")] = Path("export")) -> None:
    """Write the contract tables to OUT (CSV/Parquet: one file per table; XLSX: one workbook)."""
    from pipeline.export import contract_tables, export_tables, raw_paths
    from pipeline.storage import read_only

    if format not in ("csv", "parquet", "xlsx"):
        console.print(f"[red]unknown format {format!r}[/red]: use csv, parquet or xlsx")
        raise typer.Exit(2)
    the_home = _home(home)
    with read_only(the_home) as conn:
        tables, links = contract_tables(conn), raw_paths(conn, the_home.root)
    for path in export_tables(tables, out, format, links):  # type: ignore[arg-type]
        console.print(f"wrote {path}")


@app.command()
def query(sql: Annotated[str, typer.Argument(help="Read-only SQL, e.g. \"SELECT * FROM progress\"")],
          home: HomeOption = None,
          csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table")] = False) -> None:
    """Run read-only SQL against the dataset and print the result."""
    import duckdb

    from pipeline.query import run_query
    from pipeline.storage import read_only

    with read_only(_home(home)) as conn:
        try:
            frame = run_query(conn, sql)
        except SarabanError as e:
            console.print(f"[red]{e.reason}[/red]: {e}")
            raise typer.Exit(2) from e
        except duckdb.Error as e:
            console.print(f"[red]SQL error[/red]: {e}")
            raise typer.Exit(2) from e
    if csv:
        sys.stdout.write(frame.to_csv(index=False))
        return
    from pipeline.frame_view import frame_table

    console.print(frame_table(frame))
    console.print(f"{len(frame)} row(s)")


@app.command()
def demo(home: HomeOption = None,
         if_empty: Annotated[bool, typer.Option("--if-empty", help="Only when inbox/ is empty")] = False) -> None:
    """Put generated example files (a scanned circular, an Excel report form) into inbox/."""
    from pipeline.demo import write_demo_inbox

    the_home = _home(home)
    if if_empty and any(p.is_file() and not p.name.startswith(".") for p in the_home.inbox.rglob("*")):
        console.print(f"inbox has files; no examples added ({the_home.inbox})")
        return
    for path in write_demo_inbox(the_home.inbox):
        console.print(f"example: {path}")


@app.command()
def report(home: HomeOption = None) -> None:
    """What the dataset holds: files by status, letters, report rows, the national table."""
    from pipeline.console import print_dataset
    from pipeline.storage import read_only

    with read_only(_home(home)) as conn:
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
              "(default: $PREFECT_SERVER_API_PORT, else a free one)", show_default=False)] = None) -> None:
    """Run by itself: ingest new inbox files as they land, and a nightly run with exports (Prefect)."""
    from pydantic import ValidationError

    from flows.serve import serve_home, serve_settings

    the_home = _home(home)
    try:
        settings = serve_settings(the_home, poll_seconds=poll_seconds, nightly_cron=nightly_cron)
    except (ValidationError, ValueError) as e:
        console.print(f"[red]invalid setting[/red]: {e}")
        raise typer.Exit(2) from e
    try:
        serve_home(the_home, settings, exports_dir=exports_dir.resolve() if exports_dir else None,
                   port=port, announce=console.print)
    except SarabanError as e:
        console.print(f"[red]{e.reason}[/red]: {e} / {e.message_th}")
        raise typer.Exit(2) from e


def main() -> None:
    app()


if __name__ == "__main__":
    main()


# Analyst commands register themselves on `app` (kept apart so this file stays the core contract).
from pipeline import cli_data  # noqa: E402,F401
