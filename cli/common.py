"""What every command shares: the Typer app, the console, the --home option and the exit codes."""

from __future__ import annotations

import os
from enum import IntEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from pipeline.errors import SarabanError
from pipeline.home import Home, existing_home, home_at

app = typer.Typer(help="Saraban: Thai circulars and report forms → a national progress dataset.",
                  no_args_is_help=True, add_completion=False)
console = Console()

HomeOption = Annotated[Path | None, typer.Option(
    "--home", help="Saraban home folder (default: $SARABAN_HOME, else ./data)", show_default=False)]


class ExitCode(IntEnum):
    """Exit statuses scripts can rely on (documented in the README)."""

    OK = 0
    NOTHING = 1  # the command ran but found nothing, or some of its work was not applied
    REFUSED = 2  # bad input, bad option or a refused request: nothing was changed


def _root(home: Path | None) -> Path:
    return home or Path(os.environ.get("SARABAN_HOME", "data"))


def home_from(home: Path | None) -> Home:
    """The home, created if missing: only for `ingest`, `demo` and `serve`."""
    return home_at(_root(home))


def existing_home_from(home: Path | None) -> Home:
    """The home for every other command: a missing or mistyped one is refused (exit 2), never created."""
    try:
        return existing_home(_root(home))
    except SarabanError as error:
        fail_on(error)


def fail(message: str, code: ExitCode = ExitCode.REFUSED) -> NoReturn:
    console.print(message)
    raise typer.Exit(int(code))


def fail_on(error: SarabanError) -> NoReturn:
    """A SarabanError as the operator reads it: reason code, English, Thai."""
    console.print(f"[red]{error.reason}[/red]: {escape(str(error))} / {error.message_th}", soft_wrap=True)
    raise typer.Exit(int(ExitCode.REFUSED)) from error
