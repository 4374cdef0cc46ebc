"""`saraban draft …`: letters drafted from the dataset, for a person to check, complete and sign."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import ExitCode, HomeOption, app, console, fail, home_from

if TYPE_CHECKING:  # imported late at run time: `saraban --help` stays fast
    from pipeline.drafting.followup import Draft
    from pipeline.drafting.settings import DraftSettings

draft_app = typer.Typer(help="Draft letters from the dataset: an editable DOCX, its PDF and the blanks to fill.",
                        no_args_is_help=True)
app.add_typer(draft_app, name="draft")


@draft_app.command("followup")
def followup(
    indicator: Annotated[str, typer.Argument(help="help_centre or joint_centre")],
    out: Annotated[Path, typer.Option("--out", help="folder to write the draft into")],
    period: Annotated[str | None, typer.Option(help="month followed up, YYYY-MM (default: latest)")] = None,
    provinces: Annotated[str, typer.Option(help="behind | missing | all")] = "behind",
    number: Annotated[str | None, typer.Option(help="เลขที่หนังสือ, e.g. 'มท 0810.7/ว 1055'")] = None,
    date: Annotated[str | None, typer.Option(help="the letter's date, YYYY-MM-DD (default: today)")] = None,
    signatory: Annotated[str | None, typer.Option(help="signatory's name, without parentheses")] = None,
    position: Annotated[str | None, typer.Option(help="signatory's position")] = None,
    office: Annotated[str | None, typer.Option(help="issuing office (ส่วนราชการเจ้าของหนังสือ)")] = None,
    urgency: Annotated[str | None, typer.Option(help="ด่วนที่สุด | ด่วนมาก | ด่วน")] = None,
    settings_file: Annotated[Path | None, typer.Option(
        "--settings", help="drafting TOML (default: <home>/drafting.toml)")] = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="also convert to PDF with LibreOffice")] = True,
    home: HomeOption = None,
) -> None:
    """Draft the follow-up letter (หนังสือติดตามเร่งรัด) to provinces behind on INDICATOR."""
    from pipeline.dataset.storage import read_only
    from pipeline.drafting.followup import NothingToDraftError, draft_followup

    the_home = home_from(home)
    settings = _settings(settings_file or the_home.root / "drafting.toml").with_options(
        number=number, date=_date(date), signatory=signatory, position=position, office=office, urgency=urgency)
    try:
        with read_only(the_home) as conn:
            draft = draft_followup(conn, indicator, period, provinces, settings, pdf=pdf,  # type: ignore[arg-type]
                                   templates=[the_home.root / "templates"])
    except NothingToDraftError as e:
        fail(f"nothing to draft: {e}", ExitCode.NOTHING)
    except ValueError as e:
        fail(f"[red]{e}[/red]")
    _write(draft, out)


def _settings(path: Path) -> DraftSettings:
    from pipeline.drafting.settings import load_draft_settings

    try:
        return load_draft_settings(path)
    except (ValueError, OSError) as e:
        fail(f"[red]{path}: {e}[/red]")


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"[red]--date must be YYYY-MM-DD, not {text!r}[/red]")


def _write(draft: Draft, out: Path) -> None:
    from pipeline.drafting.blanks import blank_list

    out.mkdir(parents=True, exist_ok=True)
    written = [out / f"{draft.name}.docx", out / f"{draft.name}.blanks.txt"]
    written[0].write_bytes(draft.docx)
    written[1].write_text(blank_list(draft.blanks), encoding="utf-8")
    if draft.pdf is not None:
        written.append(out / f"{draft.name}.pdf")
        written[-1].write_bytes(draft.pdf)
    console.print(f"{draft.subject}: {len(draft.provinces)} province(s), {draft.period}", markup=False)
    for path in written:
        console.print(f"  wrote {path}")
    if draft.pdf_error:
        console.print(f"[yellow]no PDF: {draft.pdf_error}[/yellow]")
    if draft.pdf_warnings:
        console.print(f"[yellow]LibreOffice: {draft.pdf_warnings}[/yellow]")
    console.print(blank_list(draft.blanks), end="", soft_wrap=True, markup=False)
