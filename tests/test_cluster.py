"""`saraban ingest --cluster`: a real Dask scheduler and two workers on this machine read the
samples, and the dataset is exactly that of a local run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import copy_samples, run_cli

TABLES = ("files", "letters", "indicators", "report_rows", "progress", "national")
DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(*args: str, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen([str(DASK), *args], stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, cwd=Path(__file__).resolve().parents[1])


def _wait_for_workers(address: str, count: int, timeout: float = 180.0) -> None:
    from distributed import Client

    deadline = time.monotonic() + timeout
    with Client(address, timeout=timeout) as client:
        while len(client.scheduler_info()["workers"]) < count:
            assert time.monotonic() < deadline, "the dask workers did not register"
            time.sleep(1)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory) -> Iterator[str]:
    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    processes = [_start("scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard",
                        log=logs / "scheduler.log")]
    processes += [_start("worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                         "--name", f"worker{i}", log=logs / f"worker{i}.log") for i in (1, 2)]
    try:
        _wait_for_workers(address, 2)
        yield address
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=60)


def _tasks_run(address: str) -> dict[str, int]:
    """How many task transitions each worker has gone through: > 0 once it has run something."""
    from distributed import Client

    with Client(address, timeout=30) as client:
        return client.run(lambda dask_worker: dask_worker.state.transition_counter)


def _table(folder: Path, name: str) -> pd.DataFrame:
    frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_a_cluster_run_gives_the_dataset_of_a_local_run(dask_cluster: str, sample_export: Path,
                                                        tmp_path: Path) -> None:
    home = tmp_path / "home"
    copy_samples(home / "inbox")
    result = run_cli("ingest", "--quiet", "--cluster", dask_cluster, home=home, timeout=1800)
    assert "2 worker(s)" in result.stdout
    out = tmp_path / "out"
    run_cli("export", "--format", "csv", "--out", str(out), home=home)
    for name in TABLES:
        pd.testing.assert_frame_equal(_table(out, name), _table(sample_export, name), obj=name)
    assert all(count > 0 for count in _tasks_run(dask_cluster).values()), "a worker ran nothing"


def test_an_unreachable_cluster_is_refused_before_anything_runs(tmp_path: Path) -> None:
    home = tmp_path / "home"
    dropped = copy_samples(home / "inbox", ["SCAN_0001.pdf"])
    result = run_cli("ingest", "--quiet", home=home, check=False, timeout=120,
                     env={"SARABAN_CLUSTER": f"tcp://127.0.0.1:{_free_port()}"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "cluster_unreachable" in result.stdout
    assert [p.exists() for p in dropped] == [True]
    assert not any((home / "raw").glob("*")), "nothing may be archived when the run is refused"
