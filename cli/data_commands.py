"""Analyst commands: corrections, the review sheet round trip, provenance, re-reconciliation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import ExitCode, HomeOption, app, console, existing_home_from

if TYPE_CHECKING:  # pandas loads with the command that needs it: `saraban ingest` on a busy home answers at once
    import pandas as pd

review_app = typer.Typer(help="Review sheet: export the rows that need a human, import the edits.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")


def print_problems(problems: pd.DataFrame) -> None:
    console.print("[red]ไม่สามารถใช้การแก้ไข / not applied:[/red]")
    for p in problems.itertuples(index=False):
        console.print(f"  {p.correction_id} {p.file_id[:12]} p{p.page} t{p.table_index} r{p.row_index} "
                      f"{p.field}: {p.problem} ({p.detail})", soft_wrap=True)


@app.command()
def correct(
    file: Annotated[str, typer.Argument(help="file_id, a unique prefix of it, or the dropped file name")],
    page: Annotated[int, typer.Argument(help="page (1-based)")],
    table_index: Annotated[int, typer.Argument(metavar="TABLE", help="table_index")],
    row_index: Annotated[int, typer.Argument(metavar="ROW", help="row_index")],
    field: Annotated[str, typer.Argument(help="total, established, not_established, district_code, "
                                               "province_code, period, unit_label, remark or reviewed")],
    value: Annotated[str, typer.Argument(help="the right value (reviewed: true)")],
    reason: Annotated[str, typer.Option(help="why, e.g. 'ตรวจกับต้นฉบับ'")] = "",
    note: Annotated[str, typer.Option(help="free text")] = "",
    author: Annotated[str, typer.Option(help="who (default: login name)")] = "",
    home: HomeOption = None,
) -> None:
    """Correct one report-row value. Kept in `corrections`, applied on every rebuild, survives re-processing."""
    from pipeline.dataset.build import add_correction

    the_home = existing_home_from(home).ensure()  # an existing home's folders, never a new home
    try:
        record, problems = add_correction(the_home, (file, page, table_index, row_index), field, value,
                                          reason=reason, note=note, author=author)
    except ValueError as e:
        console.print(f"[red]{e}[/red]")
        raise typer.Exit(ExitCode.REFUSED) from e
    console.print(f"correction {record['correction_id']}: {field} {record['old_value']!r} → {record['new_value']!r}")
    if len(problems):
        print_problems(problems)
        raise typer.Exit(ExitCode.NOTHING)


@review_app.command("export")
def review_export(out: Annotated[Path, typer.Option("--out", help="xlsx to write")] = Path("review.xlsx"),
                  home: HomeOption = None) -> None:
    """Write the rows that fail a check to an editable workbook."""
    from pipeline.dataset.build import corrected_rows, load_table
    from pipeline.dataset.corrections import write_review_sheet
    from pipeline.dataset.storage import read_only

    the_home = existing_home_from(home)
    with read_only(the_home) as conn:
        rows, _ = corrected_rows(conn)
        files = load_table(conn, "files")
    raw = {f: str(the_home.root / p) for f, p in zip(files["file_id"], files["raw_path"], strict=True) if p}
    write_review_sheet(rows, out, files=files, raw_paths=raw)
    console.print(f"wrote {out}: edit the yellow cells, then `saraban review import {out}`")


@review_app.command("import")
def review_import(sheet: Annotated[Path, typer.Argument(help="the edited review workbook")],
                  author: Annotated[str, typer.Option(help="who (default: login name)")] = "",
                  home: HomeOption = None) -> None:
    """Turn edited cells of a review workbook into corrections and rebuild the dataset."""
    from pipeline.dataset.build import import_review_sheet

    added, problems = import_review_sheet(existing_home_from(home).ensure(), sheet, author)
    console.print(f"{added} new correction(s) recorded")
    if len(problems):
        print_problems(problems)


@app.command()
def explain(indicator: Annotated[str, typer.Argument(help="help_centre or joint_centre")],
            period: Annotated[str, typer.Argument(help="YYYY-MM")],
            province: Annotated[str, typer.Argument(help="province code or Thai name")],
            district: Annotated[str | None, typer.Argument(help="district code or Thai name")] = None,
            csv: Annotated[bool, typer.Option("--csv", help="CSV instead of one block per row")] = False,
            home: HomeOption = None) -> None:
    """Show the report rows behind a progress number: files, pages, raw cells, flags."""
    from pipeline.dataset.explain import explain as explain_rows
    from pipeline.dataset.storage import read_only

    with read_only(existing_home_from(home)) as conn:
        try:
            frame = explain_rows(conn, indicator, period, province, district)
        except (KeyError, ValueError) as e:
            console.print(f"[red]{e}[/red]")
            raise typer.Exit(ExitCode.REFUSED) from e
    if frame.empty:
        console.print("no report rows for that key")
        raise typer.Exit(ExitCode.NOTHING)
    if csv:
        sys.stdout.write(frame.to_csv(index=False))
        return
    console.rule(f"{indicator} {period} {province} {district or ''}: {len(frame)} contributing row(s)")
    for record in frame.astype(object).where(frame.notna(), "").to_dict("records"):
        for name, value in record.items():
            console.print(f"[bold]{name:>22}[/bold] {value}", soft_wrap=True, highlight=False)
        console.rule()


@app.command()
def reconcile(home: HomeOption = None) -> None:
    """Rebuild progress and national from the stored rows and corrections (no OCR)."""
    from pipeline.dataset.build import reconcile_home

    progress, national = reconcile_home(existing_home_from(home).ensure())
    console.print(f"progress {progress} rows, national {national} rows")
