"""Prefect settings for an offline, zero-setup run. Call before the first `import prefect`.

Which Prefect API a run reports to (`prefect_api_url`), first match wins:

1. `PREFECT_API_URL` from the environment: a server the user runs; these defaults step aside.
2. The server of a `saraban serve` running for the same home (`processed/.prefect/serve.json`,
   the serve process alive and `/health` answering within 2 s): no server start, and the run
   shows up in that serve's UI next to its scheduled runs.
3. Neither: a temporary local server for the run (about 10 CPU s; `saraban ingest` starts it
   itself before importing Prefect, flows/temporary_server.py). Its state lives under the home
   (processed/.prefect) so homes do not share run history by accident.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from flows.server import live_serve_url, serve_auth

_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    # A busy machine is not a reason to fail a run: at load 28 on 2 cores the temporary server
    # took over 120 s to answer, and the run died before reading a file.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_REFRESH_CACHE": "false",
}

# Reporting to a serve's UI: INFO logs go to the API (as for the serve's own runs), the console
# stays at warnings.
_ATTACHED = {
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
}


def prefect_api_url(
    home: Path,
    environ: Mapping[str, str],
    *,
    alive: Callable[[int], bool] | None = None,
    healthy: Callable[[str], bool] | None = None,
) -> str | None:
    """The API a run for `home` uses; None means "start a temporary server". No Prefect import."""
    configured = environ.get("PREFECT_API_URL")
    if configured:
        return configured
    state = Path(environ.get("PREFECT_HOME") or Path(home) / "processed" / ".prefect")
    return live_serve_url(state, Path(home), alive=alive, healthy=healthy)


def configure_prefect(home: Path, *, quiet: bool = True, attach: bool = True) -> str | None:
    """Set Prefect's environment for a run on `home`; return the API URL it will use (None:
    a temporary server). `attach=False` (`saraban serve` itself) never uses another serve."""
    os.environ.setdefault("PREFECT_HOME", str(home / "processed" / ".prefect"))
    configured = os.environ.get("PREFECT_API_URL") or None
    url = prefect_api_url(home, os.environ) if attach else configured
    if url and not configured:  # a live `saraban serve` for this home
        os.environ["PREFECT_API_URL"] = url
        auth = serve_auth(Path(os.environ["PREFECT_HOME"]))
        if auth:  # its server admits only holders of the secret in its serve.json
            os.environ["PREFECT_API_AUTH_STRING"] = auth
        if quiet:
            for key, value in _ATTACHED.items():
                os.environ.setdefault(key, value)
    for key, value in _DEFAULTS.items():
        if key == "PREFECT_LOGGING_LEVEL" and not quiet:
            continue
        os.environ.setdefault(key, value)
    return url
