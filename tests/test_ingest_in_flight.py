"""A full disk ends the run, but not the files already handed to the workers: leaving the task
runner would cancel them, and Prefect logs each cancelled task run as a crash at ERROR where the
operator should see one `disk_full` line (seen under load in test_crash_recovery)."""

from collections.abc import Callable
from pathlib import Path

import pytest

from flows.ingest import _outcomes
from pipeline.errors import DiskFullError
from pipeline.intake.lifecycle import Batches, Candidate


class _Future:
    """A task's future: only the first file has finished when the run looks."""

    def __init__(self, name: str, waited: list[str]) -> None:
        self.name, self.waited = name, waited

    def add_done_callback(self, callback: Callable[["_Future"], None]) -> None:
        if self.name == "first.pdf":
            callback(self)

    def result(self) -> DiskFullError:
        return DiskFullError("no space left on the disk (No space left on device)")

    def wait(self) -> None:
        self.waited.append(self.name)


def test_a_full_disk_waits_for_the_files_in_flight_before_the_run_ends() -> None:
    waited: list[str] = []
    names = ["first.pdf", "second.pdf", "third.xlsx"]
    todo = [Candidate(Path(name), name, name, 1, 0.0, "process") for name in names]
    outcomes = _outcomes(lambda c: _Future(c.source_name, waited), todo, Path("home"), Batches(20, 300.0), ahead=3)
    with pytest.raises(DiskFullError):
        next(outcomes)
    assert waited == ["second.pdf", "third.xlsx"]
