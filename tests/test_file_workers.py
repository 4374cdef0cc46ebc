"""Files are read in worker processes (flows/file_workers.py): another process than the flow's,
pages read in threads there, and a worker that dies costs one call, not the run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from flows import file_workers
from pipeline.ocr import stage


@pytest.fixture(autouse=True)
def fresh_workers() -> Iterator[None]:
    file_workers.shutdown()
    yield
    file_workers.shutdown()


def _pid_and_pool() -> tuple[int, str]:
    return os.getpid(), type(stage._pool_for(2)).__name__


def _die() -> None:
    os._exit(9)  # as a crash in native code would end the worker


def test_a_file_is_read_in_another_process_whose_pages_are_read_in_threads() -> None:
    pid, pool = file_workers.in_worker(_pid_and_pool, workers=2)
    assert pid != os.getpid()
    assert pool == ThreadPoolExecutor.__name__


def test_the_workers_serve_one_call_after_another() -> None:
    pids = {file_workers.in_worker(_pid_and_pool, workers=1)[0] for _ in range(3)}
    assert len(pids) == 1 and os.getpid() not in pids


def test_a_dead_worker_fails_its_call_and_the_next_call_gets_fresh_workers() -> None:
    with pytest.raises(BrokenProcessPool):
        file_workers.in_worker(_die, workers=1)
    pid, _ = file_workers.in_worker(_pid_and_pool, workers=1)
    assert pid != os.getpid()


def test_an_exception_of_the_file_comes_back_as_itself() -> None:
    with pytest.raises(ZeroDivisionError):
        file_workers.in_worker(divmod, 1, 0, workers=1)


def _gc_state() -> tuple[tuple[int, int, int], int]:
    import gc
    return gc.get_threshold(), gc.get_freeze_count()


def test_a_worker_collects_cycles_seldom_and_skips_what_it_inherited() -> None:
    # Full collections walked every object alive: ~9% of the reading stages' CPU (F11).
    thresholds, frozen = file_workers.in_worker(_gc_state, workers=1)
    assert thresholds == stage._GC_THRESHOLDS and thresholds != _gc_state()[0]
    assert frozen > 0  # the modules and objects it was forked with


def _append(path: str, line: str) -> int:
    with open(path, "a") as f:
        f.write(line + "\n")
    return os.getpid()


def test_a_call_started_early_is_taken_by_its_key_and_runs_once(tmp_path) -> None:
    log = tmp_path / "calls.txt"
    file_workers.start_early("first.pdf", _append, str(log), "early", workers=1)
    pid = file_workers.in_worker(_append, str(log), "asked", workers=1, key="first.pdf")
    assert pid != os.getpid()
    assert log.read_text().split() == ["early"]  # the early call's result, not a second run


def test_a_call_with_another_key_runs_itself_and_shutdown_drops_what_nobody_took(tmp_path) -> None:
    log = tmp_path / "calls.txt"
    file_workers.start_early("first.pdf", _append, str(log), "early", workers=1)
    file_workers.in_worker(_append, str(log), "other", workers=1, key="second.pdf")
    file_workers.shutdown()
    file_workers.in_worker(_append, str(log), "after", workers=1, key="first.pdf")
    assert sorted(log.read_text().split()) == ["after", "early", "other"]
