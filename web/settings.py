"""What the web app is started with: the home, the access token, the clock."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.home import Home

TOKEN_ENV = "SARABAN_WEB_TOKEN"
LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: only this machine can reach the server."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _today() -> dt.date:
    return dt.date.today()


@dataclass(frozen=True)
class WebSettings:
    """`today` is injected so deadline pages are deterministic in tests."""

    home: Home
    token: str = ""
    loopback: bool = True
    today: Callable[[], dt.date] = field(default=_today)

    @property
    def cache_dir(self) -> Path:
        """Derived files (page images, the word index) — never the dataset itself."""
        path = self.home.processed / "cache" / "web"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def prefect_state(self) -> Path:
        """Where `saraban serve` writes serve.json (flows/server.py: PREFECT_HOME or processed/.prefect)."""
        return Path(os.environ.get("PREFECT_HOME", self.home.processed / ".prefect"))
