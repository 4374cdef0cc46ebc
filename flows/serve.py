"""`saraban serve`: a Prefect server for the home (unless PREFECT_API_URL names one) and two
deployments served from this process with `prefect.serve`:

- `saraban-inbox/inbox`: every `poll_seconds`; overlapping runs of it are cancelled before they
  start (deployment concurrency 1, CANCEL_NEW): the running one or the next poll takes the files.
- `saraban-nightly/nightly`: `nightly_cron` in `timezone`; a second trigger waits for the first
  (deployment concurrency 1, ENQUEUE).

Across deployments and against `saraban ingest` run by hand, the home's flock decides
(flows/scheduled.py). SIGINT or SIGTERM stops the runner first, then the server's process group.

The server started here is watched (flows/watchdog.py): if it dies or hangs, the runner is
stopped and both start again on the same port, at most three times in 15 minutes; past that
`serve` exits with `prefect_server_lost` (non-zero) and systemd restarts the service.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from flows.runtime import configure_prefect
from flows.server import (
    SERVE_INFO,
    PrefectServer,
    StartedServer,
    free_port,
    mark_descendants,
    prefect_home,
    prefect_server,
    reap,
    ui_address,
    ui_problem,
)
from flows.watchdog import ServerWatchdog
from pipeline.config import Settings, load_settings
from pipeline.errors import SarabanError
from pipeline.home import Home

INBOX = "inbox"
NIGHTLY = "nightly"


class ServerLostError(SarabanError):
    """The Prefect server `serve` started kept dying; systemd (Restart=on-failure) takes over."""

    reason = "prefect_server_lost"
    message_th = "เซิร์ฟเวอร์ Prefect หยุดทำงานซ้ำหลายครั้ง ดู processed/.prefect/server.log แล้วเริ่ม saraban serve ใหม่"


def serve_settings(home: Home, **overrides: Any) -> Settings:
    """Environment (SARABAN_*) first, command-line options over it; validated like the rest."""
    base = load_settings(home.root).model_dump()
    settings = Settings.model_validate(
        {**base, **{k: v for k, v in overrides.items() if v is not None}}
    )
    try:
        ZoneInfo(settings.timezone)  # unknown zones fail here, before anything starts
    except (KeyError, ValueError) as e:
        raise ValueError(f"unknown time zone {settings.timezone!r}") from e
    return settings


def serve_home(
    home: Home,
    settings: Settings,
    *,
    exports_dir: Path | None = None,
    port: int | None = None,
    announce: Callable[[str], object] = print,
) -> None:
    """Block serving `inbox` and `nightly` for `home` until SIGINT/SIGTERM. `port` fixes where
    the Prefect server started here listens."""
    ui = os.environ.get("PREFECT_SERVER_UI_ENABLED", "true").lower() not in ("0", "false", "no")
    if port and os.environ.get("PREFECT_API_URL"):
        announce(f"--port {port} is not used: PREFECT_API_URL names the Prefect server")
    configure_prefect(home.root, quiet=False, attach=False)  # INFO logs reach the UI; own server
    signal.signal(signal.SIGTERM, _exit)  # until the runner installs its own: stop the server too
    marker = mark_descendants()
    if not os.environ.get("PREFECT_API_URL"):  # ours: fixed now, so a restart keeps the address
        port = port or int(os.environ.get("PREFECT_SERVER_API_PORT") or 0) or free_port()
    try:
        with prefect_server(home, ui=ui, port=port) as server:
            os.environ.update(server.client_env())  # before the first `import prefect`; children inherit it
            if ui:
                announce_ui(server, announce, prefect_home(home) / SERVE_INFO)
            serve = lambda: _serve(home, settings, exports_dir)  # noqa: E731
            if isinstance(server, StartedServer):
                _supervised(server, serve, announce)
            else:  # someone else's server: theirs to keep alive
                serve()
    finally:
        reap(marker)


def _supervised(server: StartedServer, serve: Callable[[], None], announce: Callable[[str], object]) -> None:
    """Serve, and serve again each time the watchdog has had to start the server again."""
    watchdog = ServerWatchdog(server)
    watchdog.start()
    try:
        while _serve_watched(watchdog, serve):
            announce(f"warning: {watchdog.losses[-1]}; it was started again, and so is the runner")
    finally:
        watchdog.stop()


def _serve_watched(watchdog: ServerWatchdog, serve: Callable[[], None]) -> bool:
    """True when the runner stopped because the server was lost and has been started again."""
    seen = len(watchdog.losses)
    # Long enough for the watchdog to notice a dead server and start it again (≈ 10–30 s).
    grace = watchdog.every * 2 + watchdog.server.timeout
    try:
        watchdog.serve(serve)
    except KeyboardInterrupt:  # the watchdog's interrupt, arriving as the runner stopped anyway
        pass
    except Exception:  # the runner failed on a dead API before the watchdog had noticed
        if not watchdog.lost_since(seen, wait=grace):
            raise
    if watchdog.gave_up:
        raise ServerLostError(watchdog.gave_up)
    return watchdog.lost_since(seen)


def announce_ui(server: PrefectServer, announce: Callable[[str], object], info: Path) -> None:
    """Print the UI's address (and where its password is), and a warning when that UI would not
    reach the API (a server named by PREFECT_API_URL may have been started with another UI setting)."""
    ui_url = ui_address(server.url)
    announce(f"Prefect UI: {ui_url}")
    if server.process is not None:
        announce(f"  sign in with the auth_string in {info} (readable by this user only)")
    problem = ui_problem(ui_url, server.url)
    if problem:
        announce(f"warning: {problem}")


def _serve(home: Home, settings: Settings, exports_dir: Path | None) -> None:
    from prefect import serve
    from prefect.runner import Runner

    # Prefect 3.8.8's runner answers SIGTERM with sys.exit inside its event loop (a traceback in
    # the journal, an un-awaited Runner.astop). Treat SIGTERM like Ctrl-C, which serve() handles.
    Runner.handle_sigterm = _interrupt
    serve(*deployments(home, settings, exports_dir))


def deployments(home: Home, settings: Settings, exports_dir: Path | None) -> list:
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron, Interval

    from flows.scheduled import inbox_flow, nightly_flow

    home_root = str(home.root)
    inbox = inbox_flow.to_deployment(
        INBOX,
        schedules=[Interval(settings.poll_seconds)],
        parameters={"home_root": home_root},
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW
        ),
        entrypoint_type=EntrypointType.MODULE_PATH,
        tags=["saraban"],
        description=f"New files in {home.inbox} every {settings.poll_seconds}s / ไฟล์ใหม่ในกล่องรับ",
    )
    nightly = nightly_flow.to_deployment(
        NIGHTLY,
        schedules=[Cron(settings.nightly_cron, timezone=settings.timezone)],
        parameters={"home_root": home_root, "exports_dir": str(exports_dir or "")},
        concurrency_limit=1,
        entrypoint_type=EntrypointType.MODULE_PATH,
        tags=["saraban"],
        description=f"Full run + exports at {settings.nightly_cron} ({settings.timezone})"
        " / รอบกลางคืน",
    )
    return [inbox, nightly]


def _exit(signum: int, frame: object) -> None:
    sys.exit(0)


def _interrupt(*args: object) -> None:
    raise KeyboardInterrupt
