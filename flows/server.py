"""A Prefect server for one home, as a child process of `saraban serve` (no Prefect import here).

When `PREFECT_API_URL` is set, that server is used and nothing is started. Otherwise
`prefect server start` runs on a free loopback port
(`saraban serve --port` or PREFECT_SERVER_API_PORT fixes it) with PREFECT_HOME under the home
(`processed/.prefect`: its SQLite database and `server.log`), in its own session so that
stopping it (SIGTERM to the group, SIGKILL after a grace period) also stops uvicorn and every
service it started. Its UI is told the real API address (PREFECT_SERVER_UI_API_URL), whatever
the port; `ui_problem` checks what a UI reports.
`processed/.prefect/serve.json` says where the API and UI are while it runs; `live_serve_url`
reads it back for `saraban ingest`, which then reports to that server instead of starting one.

Two guards for a server nobody watches:
- **Only its own user gets in.** Any local user can reach a loopback port, so the server
  requires HTTP basic auth (Prefect's `PREFECT_SERVER_API_AUTH_STRING`) with a random
  `saraban:<secret>` made per start, or the operator's own string when that variable is set.
  The secret is in `serve.json`, which only the service user can read (the folder is 0700); the
  UI asks for it once per browser. (Prefect 3.8.8 leaves `/health` and its events websocket
  open; see the README.)
- **It dies with `serve`**, even on kill -9: it is started under `setpriv --pdeathsig TERM`
  (util-linux), so the kernel sends it SIGTERM when `serve` goes, and it shuts down as on Ctrl-C.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import SarabanError
from pipeline.home import Home


class ServerStartError(SarabanError):
    """The local Prefect server did not become healthy. See processed/.prefect/server.log."""

    reason = "server_start_failed"
    message_th = "เริ่มเซิร์ฟเวอร์ Prefect ไม่สำเร็จ ดูรายละเอียดใน processed/.prefect/server.log"


def prefect_home(home: Home) -> Path:
    return Path(os.environ.get("PREFECT_HOME", home.processed / ".prefect"))


@dataclass
class PrefectServer:
    """The API runs report to: its URL, the basic-auth string it wants (None: none), and the
    server process when it was started here (None: PREFECT_API_URL names someone else's)."""

    url: str
    auth: str | None = None
    process: subprocess.Popen | None = None

    def client_env(self) -> dict[str, str]:
        """What a Prefect client process needs to reach this server."""
        return {"PREFECT_API_URL": self.url, **({"PREFECT_API_AUTH_STRING": self.auth} if self.auth else {})}

    def exited(self) -> int | None:
        """The exit code of a server started here once it has ended; None while it runs (or is not ours)."""
        return self.process.poll() if self.process is not None else None


@dataclass
class StartedServer(PrefectServer):
    """A server started here, which can be started again on the same port and state. The thread
    that starts it must outlive it: the parent-death signal follows the thread, not the process."""

    home: Home | None = None
    ui: bool = True
    timeout: float = 180.0

    @property
    def state(self) -> Path:
        return prefect_home(self.home)  # type: ignore[arg-type]

    def start(self) -> None:
        with open(self.state / "server.log", "ab") as log:
            self.process = subprocess.Popen(
                server_command(urllib.parse.urlsplit(self.url).port or 0),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=server_env(self.state, self.ui, self.url, self.auth),
                start_new_session=True,
            )
        wait_healthy(self.process, self.url, self.timeout, self.state / "server.log")
        _write_serve_info(self.state, self.home, self, self.ui)  # type: ignore[arg-type]

    def stop(self) -> None:
        (self.state / SERVE_INFO).unlink(missing_ok=True)  # first: no new `saraban ingest` attaches
        if self.process is not None:
            stop_group(self.process)

    def restart(self) -> None:
        self.stop()
        self.start()


@contextmanager
def prefect_server(
    home: Home, *, ui: bool = True, port: int | None = None, timeout: float = 180.0
) -> Iterator[PrefectServer]:
    """The configured server, or one started (and stopped) here on `port` (else
    PREFECT_SERVER_API_PORT, else a free one)."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield PrefectServer(configured, os.environ.get("PREFECT_API_AUTH_STRING") or None)
        return
    private_dir(prefect_home(home))
    url = f"http://127.0.0.1:{server_port(port)}/api"
    server = StartedServer(url, api_auth(), home=home, ui=ui, timeout=timeout)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def private_dir(path: Path) -> Path:
    """The server's state folder, readable by its own user only: it holds the API secret."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def api_auth() -> str:
    """The operator's PREFECT_SERVER_API_AUTH_STRING (a UI password they choose), else a fresh secret."""
    return os.environ.get("PREFECT_SERVER_API_AUTH_STRING") or f"saraban:{secrets.token_urlsafe(24)}"


def pdeathsig_prefix() -> list[str]:
    """`setpriv --pdeathsig TERM --`: the kernel stops the server when `serve` dies, however it dies."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--"] if setpriv else []


def server_command(port: int) -> list[str]:
    return [*pdeathsig_prefix(),
        sys.executable,
        "-m",
        "prefect",
        "server",
        "start",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-background",
    ]


def server_env(state: Path, ui: bool, api_url: str, auth: str | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        **({"PREFECT_SERVER_API_AUTH_STRING": auth} if auth else {}),
        "PREFECT_HOME": str(state),
        "PREFECT_SERVER_UI_ENABLED": "true" if ui else "false",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # The UI asks /ui-settings where the API is. Left unset, Prefect 3.8.8 answers with
        # PREFECT_SERVER_API_PORT (default 4200), not the --port the server was started with,
        # and the UI talks to nothing.
        "PREFECT_SERVER_UI_API_URL": ui_setting(os.environ, "API_URL", api_url),
        # Prefect copies the UI build before serving it, by default into site-packages, which
        # the systemd unit makes read-only (no UI at all then). The home is writable.
        "PREFECT_SERVER_UI_STATIC_DIRECTORY": ui_setting(os.environ, "STATIC_DIRECTORY", str(state / "ui")),
    }
    for key in ("PREFECT_API_URL", "PREFECT_API_AUTH_STRING", "PREFECT_UI_API_URL", "PREFECT_UI_STATIC_DIRECTORY"):
        env.pop(key, None)  # the old PREFECT_UI_* names are folded into the ones above
    return env


def ui_setting(environ: Mapping[str, str], key: str, default: str) -> str:
    """The operator's PREFECT_SERVER_UI_<key> (or its old name PREFECT_UI_<key>, e.g. for a
    proxy in front of the UI) wins over Saraban's default."""
    return environ.get(f"PREFECT_SERVER_UI_{key}") or environ.get(f"PREFECT_UI_{key}") or default


def server_port(fixed: int | None) -> int:
    """The port asked for (checked now, so a taken one is named rather than buried in
    server.log), or a free one."""
    port = fixed or int(os.environ.get("PREFECT_SERVER_API_PORT") or 0)
    if not port:
        return free_port()
    if not port_free(port):
        raise ServerStartError(f"port {port} on 127.0.0.1 is in use; choose another with --port")
    return port


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is free
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_healthy(url: str, timeout: float = 5.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def wait_healthy(process: subprocess.Popen, url: str, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerStartError(f"prefect server exited with {process.returncode}; see {log}")
        if is_healthy(url):
            return
        time.sleep(0.5)
    raise ServerStartError(f"prefect server not healthy at {url} after {timeout:.0f}s; see {log}")


def stop_group(process: subprocess.Popen, grace: float = 20.0) -> None:
    """SIGTERM the server's whole process group, SIGKILL what is left after `grace` seconds."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        if _group_gone(process, wait):
            break
    process.poll()


def _group_gone(process: subprocess.Popen, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        process.poll()  # reap the leader so the group can empty
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


SERVE_INFO = "serve.json"
ATTACH_HEALTH_TIMEOUT = 2.0  # seconds; a serve that does not answer by then is not used


def _write_serve_info(state: Path, home: Home, server: PrefectServer, ui: bool) -> None:
    info = {
        "api_url": server.url,
        "ui_url": ui_address(server.url) if ui else None,
        "auth_string": server.auth,  # the UI's password; the file is the service user's alone
        "server_pid": server.process.pid if server.process else None,
        "serve_pid": os.getpid(),
        "home": str(home.root.resolve()),
    }
    tmp = state / f".{SERVE_INFO}.{os.getpid()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(info, indent=2))
    tmp.replace(state / SERVE_INFO)  # a reader sees the whole file or none


def serve_auth(state: Path) -> str | None:
    """The auth string in a live serve's `serve.json` (what `saraban ingest` needs to attach)."""
    try:
        auth = json.loads((state / SERVE_INFO).read_text(encoding="utf-8")).get("auth_string")
    except (OSError, ValueError, AttributeError):
        return None
    return auth if isinstance(auth, str) and auth else None


def ui_address(api_url: str) -> str:
    """Where a Prefect server's UI is: its API address without the `/api`."""
    return api_url.rstrip("/").removesuffix("/api")


def ui_problem(ui_url: str, api_url: str, timeout: float = 5.0) -> str | None:
    """Why the UI at `ui_url` would show nothing for the server at `api_url`, or None. The UI's
    browser asks `/ui-settings` where the API is; a wrong answer leaves every page empty."""
    try:
        with urllib.request.urlopen(f"{ui_url}/ui-settings", timeout=timeout) as response:
            reported = json.loads(response.read())["api_url"]
    except (urllib.error.URLError, OSError, ValueError, KeyError, TypeError):
        return f"no Prefect UI answers at {ui_url}"
    if str(reported).rstrip("/") != api_url.rstrip("/"):
        return (
            f"the Prefect UI at {ui_url} calls its API at {reported}, not {api_url}; if its pages"
            f" stay empty, start that server with PREFECT_SERVER_UI_API_URL={api_url}"
        )
    return None


def live_serve_url(
    state: Path,
    home_root: Path,
    *,
    alive: Callable[[int], bool] | None = None,
    healthy: Callable[[str], bool] | None = None,
) -> str | None:
    """The API URL in `state/serve.json` if a `saraban serve` for `home_root` still runs and its
    server answers `/health` within ATTACH_HEALTH_TIMEOUT; None for a missing, unreadable or
    stale file (serve gone, port not answering) or one written for another home."""
    alive = alive or pid_alive
    healthy = healthy or (lambda url: is_healthy(url, timeout=ATTACH_HEALTH_TIMEOUT))
    try:
        info = json.loads((state / SERVE_INFO).read_text(encoding="utf-8"))
        url, serve_pid, served_home = info["api_url"], int(info["serve_pid"]), info.get("home")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    if served_home is not None and Path(served_home) != Path(home_root).resolve():
        return None  # PREFECT_HOME shared between homes: that serve is someone else's
    if not alive(serve_pid) or not healthy(url):
        return None
    return url


def pid_alive(pid: int) -> bool:
    if pid <= 0:  # 0 and negatives would address process groups
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's (serve runs as the service user)
        return True
    except (OverflowError, OSError):
        return False
    return True


SERVE_ID = "SARABAN_SERVE_ID"


def mark_descendants() -> str:
    """Tag every process started from now on (server, flow runs, their OCR workers) via the env."""
    marker = uuid.uuid4().hex
    os.environ[SERVE_ID] = marker
    return marker


def marked_processes(marker: str) -> list[int]:
    """Live processes carrying the marker (Linux /proc; elsewhere none are found)."""
    needle = f"{SERVE_ID}={marker}".encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if needle in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except (OSError, ValueError):
            continue
    return [pid for pid in found if pid != os.getpid()]


def reap(marker: str, grace: float = 10.0) -> list[int]:
    """End what outlived its parent: a flow run interrupted mid-OCR leaves pool workers behind."""
    pids = marked_processes(marker)
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2.0)):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + wait
        while pids and time.monotonic() < deadline:
            time.sleep(0.2)
            pids = [pid for pid in pids if pid in marked_processes(marker)]
        if not pids:
            break
    return pids
