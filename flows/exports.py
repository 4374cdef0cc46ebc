"""Nightly exports: CSV, Parquet and XLSX of the contract tables, swapped in atomically.

`<root>/<stamp>/` holds one complete set, written first to `<root>/.tmp-*/` and renamed into place;
`<root>/latest` is a relative symlink replaced with one `os.replace`, so a reader (a BI tool, an
rsync to the ministry share) sees the previous set or the new one, never half of each.
The newest `keep` sets are kept. Plain functions: no Prefect here.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from pipeline.dataset.storage import read_only
from pipeline.home import Home
from pipeline.publish.export import contract_tables, export_tables

FORMATS = ("csv", "parquet", "xlsx")
LATEST = "latest"


def publish_exports(home: Home, root: Path, *, now: dt.datetime, keep: int = 7) -> Path:
    """Write every format from the last published snapshot; returns the new set's folder."""
    root.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(root)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    staging.chmod(0o755)  # mkdtemp makes it private; the exports are for others to read
    try:
        with read_only(home) as conn:
            tables = contract_tables(conn)
        for fmt in FORMATS:
            export_tables(tables, staging, fmt)  # type: ignore[arg-type]
        final = _unused(root / now.strftime("%Y%m%dT%H%M%S"))
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    point_latest(root, final)
    prune(root, keep)
    return final


def point_latest(root: Path, target: Path) -> None:
    link = root / LATEST
    fresh = root / f".{LATEST}-{os.getpid()}"
    fresh.unlink(missing_ok=True)
    fresh.symlink_to(target.name, target_is_directory=True)
    os.replace(fresh, link)


def prune(root: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` sets; never the one `latest` points to."""
    current = (root / LATEST).resolve()
    sets = sorted(
        p
        for p in root.iterdir()
        if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
    )
    removed = [p for p in sets[:-keep] if p.resolve() != current] if keep > 0 else []
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


def _unused(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        candidate, n = path.with_name(f"{path.name}-{n}"), n + 1
    return candidate


def _remove_stale_staging(root: Path) -> None:
    """A run that died while writing leaves `.tmp-*`; the run lock means none is ours."""
    for stale in root.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
