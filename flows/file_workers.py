"""Each file read start to finish in a worker process of its own, one per core (issue F11).

Only the page pass used to run in worker processes; every later stage (line, stamp and cell
re-reads, the numeral reader, extraction) ran in the flow's threads, in one process whose one
interpreter lock they share: the run then kept 1.6 of 2 cores busy and its wall time was that
process's CPU time. Here a file task hands the whole file (`process_candidate`) to a worker
process, which reads its pages in threads of its own (pipeline/ocr/stage.py); the flow keeps only
the planning and the publishing. Workers are forked, so they start warm with what the run has
imported, and they die with the run, even on kill -9.

A Dask worker (`saraban ingest --cluster`) is a process of the cluster's: its files are read in
it, as before.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from pipeline.ocr.stage import as_worker

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()
# Calls started before anyone asked for them (`start_early`), by key, with the pool they run in.
_early: dict[Hashable, tuple[ProcessPoolExecutor, Future]] = {}


def in_worker(call: Callable[..., T], *args: object, workers: int, key: Hashable | None = None) -> T:
    """`call(*args)` in a worker process (one of `workers`), or here inside a daemonic process (a
    Dask worker may not start processes). A call already started under `key` (`start_early`) is
    waited for instead of run again. A worker that died (a crash in native code) fails this call,
    and the next call gets fresh workers: the task's retry then runs on a sound pool."""
    if multiprocessing.current_process().daemon:
        return call(*args)
    pool, future = _take_early(key) or _submitted(call, args, workers)
    try:
        return future.result()
    except BrokenProcessPool:
        _discard(pool)
        raise


def start_early(key: Hashable, call: Callable[..., object], *args: object, workers: int) -> None:
    """Start `call(*args)` in a worker now, for the `in_worker(…, key=key)` that will ask for it.

    Why: a one-shot run spends its first seconds importing Prefect and waiting for its temporary
    server, with a core idle; its first files can be read meanwhile (issue F11). Started calls
    nobody takes are dropped by `shutdown`. Not inside a daemonic process (no workers there)."""
    if multiprocessing.current_process().daemon:
        return
    started = _submitted(call, args, workers)
    with _lock:
        _early[key] = started


def _take_early(key: Hashable | None) -> tuple[ProcessPoolExecutor, Future] | None:
    with _lock:
        return _early.pop(key, None) if key is not None else None


def _submitted(call: Callable[..., T], args: tuple, workers: int) -> tuple[ProcessPoolExecutor, Future[T]]:
    pool = _pool_for(workers)
    return pool, pool.submit(call, *args)


def _pool_for(workers: int) -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                        initializer=as_worker, initargs=(workers,))
        return _pool


def _discard(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """End the workers (at the end of a run: the next run forks afresh, with what it imported)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
        _early.clear()
    if pool is not None:
        pool.shutdown(cancel_futures=True)
