"""A fresh home's Prefect database, copied from one kept per machine instead of built anew.

Why: a temporary Prefect server on a fresh home spends about 7 of its 12 CPU s building its
SQLite database (Alembic's migrations, then Prefect's block types), the same database every time
for one Prefect version (issue F11). The first server on a machine that builds one leaves a copy
in the user's cache folder, taken as soon as it answers (its start-up work is done by then and no
run is recorded yet), named by the Prefect version. A server on a fresh home later starts from a
copy of it: Prefect finds the schema current and its block types there. Run history stays in
each home's own database, shown in its UI, as before.

Only Prefect's default database (SQLite under PREFECT_HOME) is concerned: where the operator
chose a database (PREFECT_SERVER_DATABASE_CONNECTION_URL, …) nothing is copied.
SARABAN_PREFECT_TEMPLATE=off builds every database anew. Never fatal: without a template the
server builds its database as before. No Prefect import here.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

SWITCH = "SARABAN_PREFECT_TEMPLATE"
DATABASE = "prefect.db"


def template_path(environ: Mapping[str, str]) -> Path | None:
    """Where this machine keeps the template for the installed Prefect; None where none applies."""
    if environ.get(SWITCH, "").lower() in ("off", "0", "false") or _chosen_database(environ):
        return None
    cache = _cache_dir(environ)
    return cache / "saraban" / f"prefect-{metadata.version('prefect')}.db" if cache else None


def _cache_dir(environ: Mapping[str, str]) -> Path | None:
    """The user's cache folder (XDG); None for a user with no home (a bare service account)."""
    if environ.get("XDG_CACHE_HOME"):
        return Path(environ["XDG_CACHE_HOME"])
    try:
        return Path(environ.get("HOME") or Path.home()) / ".cache"
    except (RuntimeError, KeyError):  # Path.home() when the user has no passwd entry
        return None


def _chosen_database(environ: Mapping[str, str]) -> bool:
    """The operator named a database (Prefect 3's setting and its older alias, a URL or parts)."""
    return any(environ.get(f"{prefix}_DATABASE_{part}") for prefix in ("PREFECT_SERVER", "PREFECT_API")
               for part in ("CONNECTION_URL", "DRIVER", "HOST", "NAME"))


def seed(state: Path, environ: Mapping[str, str]) -> bool:
    """Copy the template into a server's state folder that has no database yet; whether it did."""
    template, database = template_path(environ), state / DATABASE
    if template is None or not template.is_file() or database.exists():
        return False
    part = database.with_name(f".{DATABASE}.{os.getpid()}.part")
    try:
        part.write_bytes(template.read_bytes())
        os.replace(part, database)  # a run killed meanwhile leaves no half database to open
    except OSError:
        part.unlink(missing_ok=True)
        return False
    return True


def keep(state: Path, environ: Mapping[str, str]) -> None:
    """Leave the machine's template: a copy of a server's new database, once it answers."""
    template, database = template_path(environ), state / DATABASE
    if template is None or template.exists() or not database.is_file():
        return
    part = template.with_name(f".{template.name}.{os.getpid()}.part")
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        _snapshot(database, part)
        os.replace(part, template)
    except (OSError, sqlite3.Error):
        part.unlink(missing_ok=True)


def _snapshot(database: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (its WAL included), less what identifies one
    server: the telemetry session Prefect makes anew when it finds none."""
    with contextlib.closing(sqlite3.connect(database, timeout=30)) as source, \
            contextlib.closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
        with contextlib.suppress(sqlite3.Error):  # a later Prefect may keep no such row
            copy.execute("DELETE FROM configuration WHERE key = 'TELEMETRY_SESSION'")
            copy.commit()
