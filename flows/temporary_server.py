"""A one-shot `saraban ingest`'s own Prefect API, started first and waited for only when needed.

With no server to report to (no PREFECT_API_URL, no `saraban serve` for the home), Prefect 3
starts a temporary one itself, but only when the flow's first client asks for it: the run has
imported Prefect and the pipeline by then (≈ 3 CPU s) and then waits, idle, while the server
imports and opens its database (≈ 10 CPU s); and this process first imports Prefect's server
package (≈ 2.7 CPU s) only to start it. Here the same server (Prefect's own uvicorn command for
its temporary server) starts before anything is imported, so it comes up on the other core while
this process imports, and this process never imports the server package (issue F11).

It logs to processed/.prefect/server.log, and it dies with the run even on kill -9 (the parent-
death signal, as for `saraban serve`'s server; Prefect's own temporary server is stopped by an
atexit hook only). On a fresh home its database is a copy of the machine's template
(flows/prefect_template.py), not built anew. No Prefect import here.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flows import prefect_template
from flows.server import ServerStartError, free_port, pdeathsig_prefix, private_dir, stop_group, wait_healthy

PORT_TAKEN = 3  # uvicorn's exit code when the port was taken between choosing and binding it
TRIES = 3
# What Prefect sets for its temporary server (prefect.server.api.server.SubprocessASGIServer):
# no UI, and the services of an ephemeral server only.
_EPHEMERAL = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


def server_command(port: int) -> list[str]:
    """Prefect's own command for its temporary server, under the parent-death signal."""
    spec = importlib.util.find_spec("prefect")  # locates the package without importing it
    app_dir = Path(spec.origin).parent.parent if spec and spec.origin else Path(".")
    return [*pdeathsig_prefix(), sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir),
            "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
            "--port", str(port), "--log-level", "error", "--lifespan", "on"]


def server_env(environ: Mapping[str, str]) -> dict[str, str]:
    env = {**environ, **_EPHEMERAL}
    for key in ("PREFECT_API_URL", "PREFECT_API_AUTH_STRING"):
        env.pop(key, None)
    return env


@dataclass
class TemporaryServer:
    """A Prefect server for one run, on a free loopback port, state under PREFECT_HOME."""

    state: Path
    process: subprocess.Popen | None = None
    url: str = ""

    @property
    def log(self) -> Path:
        return self.state / "server.log"

    def start(self) -> TemporaryServer:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/api"
        prefect_template.seed(private_dir(self.state), os.environ)
        with open(private_dir(self.state) / "server.log", "ab") as log:
            self.process = subprocess.Popen(server_command(port), stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, env=server_env(os.environ),
                                            start_new_session=True)
        return self

    def ready(self, timeout: float) -> str:
        """Wait until it answers; its API URL. A port taken meanwhile means another port."""
        for attempt in range(TRIES):
            try:
                wait_healthy(self.process, self.url, timeout, self.log)
                prefect_template.keep(self.state, os.environ)
                return self.url
            except ServerStartError:
                if self.process.poll() != PORT_TAKEN or attempt == TRIES - 1:
                    raise
                self.start()
        return self.url

    def stop(self) -> None:
        if self.process is not None:
            stop_group(self.process, grace=10.0)


def startup_timeout(environ: Mapping[str, str]) -> float:
    return float(environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or 300)


@contextmanager
def temporary_server(state: Path) -> Iterator[TemporaryServer]:
    """A server started now and stopped on leaving; `ready()` waits for it."""
    server = TemporaryServer(state).start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def reporting_to(server: TemporaryServer) -> Iterator[None]:
    """Prefect's clients use `server` inside the block (whether or not Prefect was imported
    before), and what they still have to send (events, logs) is sent before it ends: the server
    stops right after."""
    url = server.ready(startup_timeout(os.environ))
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: url}):
        try:
            yield
        finally:
            APILogWorker.drain_all(timeout=30, at_exit=False)
            EventsWorker.drain_all(timeout=30, at_exit=False)
