"""`saraban ingest --cluster tcp://HOST:8786`: the per-file work on a Dask distributed cluster.

Each file's task (OCR of its pages, the numeral reader, extraction: everything in
`flows.process.process_file`) runs on a Dask worker through Prefect's own Dask task runner
(prefect-dask), so the Prefect UI shows the same task runs as a local ingest. The flow stays on
this machine and stays the one writer: workers return each file's outcome and the flow publishes
batches exactly as a local run does.

What workers need (docs/operations.md): the same Saraban version; the home at the same path
(a mount every machine shares: workers read the dropped file, archive it into raw/ and share the
OCR cache in processed/); and the Prefect API of the run (`saraban serve`'s server, or
PREFECT_API_URL), because Prefect's task engine reports each task run from the worker.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from flows.server import prefect_server
from pipeline.errors import SarabanError
from pipeline.home import Home

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner

CONNECT_SECONDS = 15.0


class ClusterUnreachableError(SarabanError):
    """The Dask scheduler given by --cluster (or SARABAN_CLUSTER) did not answer, or has no worker.
    Start `dask scheduler` and at least one `dask worker tcp://HOST:8786`, or run without --cluster."""

    reason = "cluster_unreachable"
    message_th = ("ติดต่อคลัสเตอร์ Dask ที่ระบุไม่ได้ หรือยังไม่มี worker กรุณาเริ่ม dask scheduler และ "
                  "dask worker อย่างน้อยหนึ่งเครื่อง หรือรันโดยไม่ใช้ --cluster")
    stops_run = True


def cluster_workers(address: str, timeout: float = CONNECT_SECONDS) -> int:
    """How many workers the scheduler has; raises ClusterUnreachableError when it has none or
    does not answer. Asked before a run starts: with no worker, Dask would wait forever."""
    from distributed import Client

    try:
        with Client(address, timeout=timeout) as client:
            workers = len(client.scheduler_info()["workers"])
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnreachableError(f"{address}: {error}") from error
    if workers == 0:
        raise ClusterUnreachableError(f"{address}: the scheduler has no worker")
    return workers


def cluster_runner(address: str) -> TaskRunner:
    """Prefect's Dask task runner attached to the running scheduler at `address`."""
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(address=address)


@contextmanager
def api_for_workers(home: Home) -> Iterator[str]:
    """The Prefect API a cluster run reports to. Workers report their task runs themselves, so it
    must be a server they can reach: PREFECT_API_URL or the home's live `saraban serve` when
    there is one, else a server started here for the run (a temporary in-process one would be
    known to this process only). Call after `flows.runtime.configure_prefect`."""
    with prefect_server(home, ui=False) as server:
        added = {k: v for k, v in server.client_env().items() if k not in os.environ}
        os.environ.update(added)
        try:
            yield server.url
        finally:
            for key in added:
                os.environ.pop(key, None)
