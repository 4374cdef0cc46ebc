"""Prefect settings for an offline, zero-setup run. Call before the first `import prefect`.

With no PREFECT_API_URL, Prefect 3 starts a temporary local server for the run; its state
lives under the home (processed/.prefect) so homes do not share run history by accident.
A user who runs their own server sets PREFECT_API_URL and these defaults step aside.
"""

from __future__ import annotations

import os
from pathlib import Path

_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_REFRESH_CACHE": "false",
}


def configure_prefect(home: Path, *, quiet: bool = True) -> None:
    os.environ.setdefault("PREFECT_HOME", str(home / "processed" / ".prefect"))
    for key, value in _DEFAULTS.items():
        if key == "PREFECT_LOGGING_LEVEL" and not quiet:
            continue
        os.environ.setdefault(key, value)
