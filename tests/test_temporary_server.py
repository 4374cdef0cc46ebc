"""A one-shot ingest's own Prefect server (flows/temporary_server.py): started before Prefect is
imported, the run reports to it, and it is gone when the run ends."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from flows.server import is_healthy
from flows.temporary_server import TemporaryServer, server_command, server_env

REPO = Path(__file__).resolve().parents[1]


def test_the_server_gets_no_api_of_its_own_to_report_to() -> None:
    env = server_env({"PREFECT_API_URL": "http://elsewhere/api", "PREFECT_API_AUTH_STRING": "a:b",
                      "PREFECT_HOME": "/h"})
    assert "PREFECT_API_URL" not in env and "PREFECT_API_AUTH_STRING" not in env
    assert env["PREFECT_HOME"] == "/h" and env["PREFECT__SERVER_EPHEMERAL"] == "1"


def test_the_command_is_prefects_app_on_the_port_asked_for() -> None:
    command = server_command(4321)
    assert command[command.index("--port") + 1] == "4321"
    assert "prefect.server.api.server:create_app" in command
    assert Path(command[command.index("--app-dir") + 1], "prefect").is_dir()


def test_a_started_server_answers_and_stops(tmp_path: Path) -> None:
    server = TemporaryServer(tmp_path / ".prefect").start()
    try:
        url = server.ready(600)
        assert is_healthy(url)
    finally:
        server.stop()
    assert server.process.poll() is not None
    assert not is_healthy(url, timeout=1)


def test_a_one_shot_ingest_reports_its_run_to_its_own_server(tmp_path: Path) -> None:
    from pipeline.synth.demo import write_xlsx_form

    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    write_xlsx_form(home / "inbox" / "form.xlsx")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    done = subprocess.run([sys.executable, "-m", "cli.main", "ingest", "--quiet", "--home", str(home)],
                          cwd=REPO, env={**env, "SARABAN_STABLE_SECONDS": "0"}, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    with sqlite3.connect(home / "processed" / ".prefect" / "prefect.db") as db:
        runs = db.execute("SELECT state_type FROM flow_run WHERE flow_id IN "
                          "(SELECT id FROM flow WHERE name = 'saraban-ingest')").fetchall()
    assert runs == [("COMPLETED",)]
    assert (home / "processed" / ".prefect" / "server.log").exists()
