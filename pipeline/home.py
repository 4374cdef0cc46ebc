"""The folders of a Saraban home and the one-run-at-a-time lock."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import HomeLockedError, HomeMissingError


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def processed(self) -> Path:
        return self.root / "processed"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def database(self) -> Path:
        return self.processed / "saraban.duckdb"

    @property
    def ocr_cache(self) -> Path:
        return self.processed / "cache" / "ocr"

    def ensure(self) -> Home:
        for folder in (self.inbox, self.raw, self.processed, self.quarantine, self.ocr_cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def home_at(root: Path | str) -> Home:
    """The home at `root`, its folders created: for the commands that may start a home."""
    return Home(Path(root).resolve()).ensure()


def existing_home(root: Path | str) -> Home:
    """The home at `root`, which must already exist; nothing is created (readers, corrections).

    A home is a folder holding inbox/ or processed/, so a mistyped path that happens to exist
    (say the parent folder) is refused too rather than read as an empty dataset.
    """
    home = Home(Path(root).resolve())
    if not (home.inbox.is_dir() or home.processed.is_dir()):
        raise HomeMissingError(f"no Saraban home at {home.root} (no inbox/ or processed/ folder there)")
    return home


@contextmanager
def run_lock(home: Home, *, wait: bool = False) -> Iterator[None]:
    """One writing run per home. flock dies with the process, so a crash never leaves it stale."""
    path = home.processed / ".run.lock"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as e:
            raise HomeLockedError(f"another Saraban run holds {path}") from e
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
