"""Which Prefect API `saraban ingest` reports to (flows/runtime.py, flows/server.py), without Prefect:
PREFECT_API_URL if set, else the server of a live `saraban serve` for the same home, else none
(a temporary server). A real loopback HTTP server stands in for Prefect's `/health`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.runtime import configure_prefect, prefect_api_url
from flows.server import free_port, live_serve_url, pid_alive


class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        ok = self.path == "/api/health"
        self.send_response(200 if ok else 404)
        self.end_headers()
        self.wfile.write(b"true" if ok else b"")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def live_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def home_root(tmp_path: Path) -> Path:
    root = tmp_path / "home"
    (root / "processed" / ".prefect").mkdir(parents=True)
    return root


def write_serve_json(home_root: Path, api_url: str, serve_pid: int, **extra: object) -> Path:
    path = home_root / "processed" / ".prefect" / "serve.json"
    info = {"api_url": api_url, "ui_url": None, "server_pid": serve_pid, "serve_pid": serve_pid,
            "home": str(home_root.resolve()), **extra}
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_live_serve_for_the_same_home_is_used(home_root: Path, live_api: str) -> None:
    write_serve_json(home_root, live_api, os.getpid())
    assert prefect_api_url(home_root, {}) == live_api


def test_no_serve_json_means_a_temporary_server(home_root: Path) -> None:
    assert prefect_api_url(home_root, {}) is None


def test_stale_serve_json_serve_process_gone(home_root: Path, live_api: str) -> None:
    write_serve_json(home_root, live_api, dead_pid())
    assert prefect_api_url(home_root, {}) is None


def test_stale_serve_json_port_not_answering(home_root: Path) -> None:
    write_serve_json(home_root, f"http://127.0.0.1:{free_port()}/api", os.getpid())
    assert prefect_api_url(home_root, {}) is None


def test_prefect_api_url_from_the_environment_wins(home_root: Path, live_api: str) -> None:
    write_serve_json(home_root, live_api, os.getpid())
    mine = "http://prefect.example:4200/api"
    assert prefect_api_url(home_root, {"PREFECT_API_URL": mine}) == mine
    assert prefect_api_url(home_root, {"PREFECT_API_URL": ""}) == live_api  # empty = unset


def test_serve_of_another_home_is_not_used(home_root: Path, live_api: str, tmp_path: Path) -> None:
    write_serve_json(home_root, live_api, os.getpid(), home=str(tmp_path / "other"))
    assert prefect_api_url(home_root, {}) is None


def test_serve_json_from_before_the_home_field_is_used(home_root: Path, live_api: str) -> None:
    path = write_serve_json(home_root, live_api, os.getpid())
    info = json.loads(path.read_text(encoding="utf-8"))
    del info["home"]
    path.write_text(json.dumps(info), encoding="utf-8")
    assert prefect_api_url(home_root, {}) == live_api


def test_serve_json_under_prefect_home_is_read(tmp_path: Path, home_root: Path, live_api: str) -> None:
    elsewhere = tmp_path / "prefect-home"
    elsewhere.mkdir()
    info = {"api_url": live_api, "serve_pid": os.getpid(), "home": str(home_root.resolve())}
    (elsewhere / "serve.json").write_text(json.dumps(info), encoding="utf-8")
    assert prefect_api_url(home_root, {"PREFECT_HOME": str(elsewhere)}) == live_api
    assert prefect_api_url(home_root, {}) is None


@pytest.mark.parametrize("content", ["", "{", "[]", "null", '{"api_url": "x", "serve_pid": 1}',
                                     '{"api_url": "http://127.0.0.1:1/api"}',
                                     '{"api_url": "http://127.0.0.1:1/api", "serve_pid": "me"}'])
def test_unreadable_serve_json_is_ignored(home_root: Path, content: str) -> None:
    (home_root / "processed" / ".prefect" / "serve.json").write_text(content, encoding="utf-8")
    assert prefect_api_url(home_root, {}) is None


def test_the_decision_checks_the_process_before_the_port(home_root: Path) -> None:
    write_serve_json(home_root, "http://127.0.0.1:9/api", 12345)
    asked: list[str] = []
    state = home_root / "processed" / ".prefect"

    def healthy(url: str) -> bool:
        asked.append(url)
        return True

    assert live_serve_url(state, home_root, alive=lambda pid: False, healthy=healthy) is None
    assert asked == []  # a dead serve costs no HTTP request
    assert live_serve_url(state, home_root, alive=lambda pid: True, healthy=healthy) == "http://127.0.0.1:9/api"
    assert live_serve_url(state, home_root, alive=lambda pid: True, healthy=lambda url: False) is None


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(dead_pid())
    assert not pid_alive(0) and not pid_alive(-1)  # never a process group


@pytest.fixture
def clean_prefect_env() -> Iterator[None]:
    """configure_prefect writes os.environ: give it one without PREFECT_*, restore it after."""
    saved = dict(os.environ)
    for key in [k for k in os.environ if k.startswith("PREFECT_")]:
        del os.environ[key]
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_configure_prefect_attaches_to_a_live_serve(home_root: Path, live_api: str, clean_prefect_env) -> None:
    write_serve_json(home_root, live_api, os.getpid())
    assert configure_prefect(home_root) == live_api
    assert os.environ["PREFECT_API_URL"] == live_api
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "INFO"  # logs reach the serve's UI ...
    assert os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] == "WARNING"  # ... not the console


def test_configure_prefect_without_a_serve_keeps_the_temporary_server(home_root: Path, clean_prefect_env) -> None:
    assert configure_prefect(home_root) is None
    assert "PREFECT_API_URL" not in os.environ
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "WARNING"
    assert os.environ["PREFECT_HOME"] == str(home_root / "processed" / ".prefect")


def test_serve_itself_never_attaches(home_root: Path, live_api: str, clean_prefect_env) -> None:
    write_serve_json(home_root, live_api, os.getpid())  # a second `saraban serve` starts its own
    assert configure_prefect(home_root, quiet=False, attach=False) is None
    assert "PREFECT_API_URL" not in os.environ


def test_file_tasks_run_as_many_at_a_time_as_ocr_workers(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / ".prefect"))
    from flows.ingest import file_runner
    from pipeline.config import Settings

    assert file_runner(Settings(ocr_workers=3))._max_workers == 3
    assert file_runner(Settings(ocr_workers=0))._max_workers == Settings(ocr_workers=0).workers
