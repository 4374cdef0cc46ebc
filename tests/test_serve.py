"""`saraban serve` (F6): a real Prefect server and runner on a temporary home, as a user runs them.

One `saraban serve --poll-seconds 5` process is shared by the tests of this module, in file order:
files dropped into the inbox are picked up; the Prefect UI it prints shows the deployments and
that run in headless Chromium; an overlapping trigger does not start a second run;
`query`/`export` answer from the last published snapshot while an ingest runs; the `nightly`
deployment triggered by hand refreshes the exports; a run started by hand (`saraban ingest`)
reports to the serve's Prefect server; SIGTERM stops everything it started. Every
process the server starts inherits a marker in its environment, which is how the last test (and
the fixture's teardown) finds leftovers.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import SAMPLES, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.slow

SCAN = "SCAN_0003.pdf"
XLSX = "รายงานศูนย์ช่วยเหลือ_มส_201706_05.xlsx"
SCANS_FOR_BUSY_RUN = ("SCAN_0001.pdf", "SCAN_0004.pdf")  # three scanned pages
SARABAN = Path(sys.executable).with_name("saraban")
MARKER = "SARABAN_SERVE_TEST_MARKER"


@dataclass
class Served:
    home: Path
    process: subprocess.Popen
    marker: str
    log: Path
    web_port: int = 0

    @property
    def api_url(self) -> str:
        return self.info()["api_url"]

    def client_env(self) -> dict[str, str]:
        """What a Prefect client needs: the server admits holders of serve.json's secret only."""
        info = self.info()
        return {"PREFECT_API_URL": info["api_url"], "PREFECT_API_AUTH_STRING": info["auth_string"]}

    def info(self) -> dict:
        return json.loads((self.home / "processed" / ".prefect" / "serve.json").read_text())

    def printed_ui_url(self) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return next(line.split()[-1] for line in lines if line.startswith("Prefect UI: "))

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                return None
        return self.process.returncode


def wait_for(check: Callable[[], object], timeout: float, what: str, every: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def marked_pids(marker: str) -> list[int]:
    """Live processes whose environment carries the marker (zombies have none left)."""
    needle = f"{MARKER}={marker}".encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if needle in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except OSError:
            continue
    return [pid for pid in found if pid != os.getpid()]


def drop(inbox: Path, name: str, as_name: str | None = None) -> Path:
    """Copy a sample the way a scanner share does: a temporary name, then one rename."""
    target = inbox / (as_name or name)
    part = inbox / f".{target.name}.part"
    shutil.copyfile(SAMPLES / "inbox" / name, part)
    part.rename(target)
    return target


def query(home: Path, sql: str) -> list[dict]:
    import csv
    import io

    result = run_cli("query", "--csv", sql, home=home, timeout=60)
    return list(csv.DictReader(io.StringIO(result.stdout)))


def trigger(served: Served, deployment: str, timeout: int) -> dict:
    """Run a deployment by hand with the Prefect client (in a child process: its own settings)."""
    code = textwrap.dedent(f"""
        import json
        from prefect.deployments import run_deployment
        run = run_deployment({deployment!r}, timeout={timeout}, poll_interval=1)
        print(json.dumps({{"type": run.state.type.value, "name": run.state.name,
                          "message": run.state.message or ""}}))
    """)
    env = {**os.environ, **served.client_env(), "PREFECT_LOGGING_LEVEL": "WARNING"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout + 60, env=env
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def launch_serve(root: Path) -> Served:
    """`saraban serve --poll-seconds 5` on a fresh home under `root`, once its serve.json is written."""
    from flows.server import free_port

    home, marker, log, web_port = root / "home", uuid.uuid4().hex, root / "serve.log", free_port()
    env = {
        **os.environ,
        "SARABAN_STABLE_SECONDS": "1",
        "PREFECT_SERVER_UI_ENABLED": "true",
        MARKER: marker,
    }
    for key in ("PREFECT_API_URL", "PREFECT_API_AUTH_STRING", "PREFECT_HOME", "SARABAN_HOME",
                "PREFECT_SERVER_API_PORT", "PREFECT_SERVER_API_AUTH_STRING"):
        env.pop(key, None)
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(SARABAN), "serve", "--home", str(home), "--poll-seconds", "5", "--web-port", str(web_port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    served = Served(home, process, marker, log, web_port)
    wait_for(
        lambda: (
            (home / "processed" / ".prefect" / "serve.json").exists()
            or process.poll() is not None
        ),
        240,  # longer than serve waits for its server (180 s), whose start now includes the UI
        "the Prefect server",
    )
    assert process.poll() is None, served.output()
    return served


def stop_all(served: Served) -> None:
    served.stop()
    for pid in marked_pids(served.marker):  # safety net only: tests assert there are none
        os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    served = launch_serve(tmp_path_factory.mktemp("serve"))
    try:
        yield served
    finally:
        stop_all(served)


def test_serve_ingests_files_dropped_into_the_inbox(served: Served) -> None:
    inbox = served.home / "inbox"
    drop(inbox, SCAN)
    drop(inbox, XLSX)

    def both_in_progress() -> bool:
        files = query(served.home, "SELECT file_id, source_name, status FROM files")
        ids = {f["file_id"] for f in files if f["status"] == "processed"}
        sources = {
            i
            for r in query(served.home, "SELECT source_file_ids FROM progress")
            for i in r["source_file_ids"].split(";")
        }
        return len(ids) == 2 and ids <= sources

    wait_for(both_in_progress, 150, "both files in progress", every=3)
    assert sorted(p.name for p in inbox.iterdir()) == [], "processed files leave the inbox"
    assert served.process.poll() is None, served.output()


CHROMIUM = "/usr/bin/chromium"  # Debian's package (scripts/setup.sh); Playwright only drives it
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What the UI shows when it cannot reach its API (V1 toast, V2 page), or fails otherwise.
UI_ERRORS = ("Can't connect to Server API", "Unable to connect to Prefect server", "Something went wrong")
UI_SCREENSHOT = "SARABAN_UI_SCREENSHOT"  # set to a path to keep the run page's screenshot (docs)


def api_call(api_url: str, path: str, body: dict | None = None, auth: str | None = None) -> object:
    """GET (no body) or POST to the Prefect API, with basic auth when `auth` is given."""
    headers = {"Content-Type": "application/json"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode()).decode()
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{api_url}{path}", data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def api_post(served: Served, path: str, body: dict) -> list[dict]:
    return api_call(served.api_url, path, body, served.info()["auth_string"])  # type: ignore[return-value]


def completed_inbox_run(served: Served) -> tuple[dict, list[str]]:
    """The run that ingested the dropped files, and the names of its tasks (one per file)."""
    runs = api_post(served, "/flow_runs/filter", {
        "flows": {"name": {"any_": ["saraban-inbox"]}},
        "flow_runs": {"state": {"name": {"any_": ["Completed"]}}},
        "sort": "START_TIME_ASC",
    })
    assert runs, "no completed inbox run"
    tasks = api_post(served, "/task_runs/filter", {"flow_runs": {"id": {"any_": [runs[0]["id"]]}}})
    return runs[0], sorted(t["name"] for t in tasks if t["name"].startswith("process "))


@contextmanager
def browser(ui_url: str) -> Iterator[Page]:
    """A headless Chromium page that may reach only `ui_url`: the V2 UI also fetches an analytics
    configuration from the internet, and a UI talking to another port must not find a server."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "chromium is missing: run scripts/setup.sh"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = chromium.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith(f"{ui_url}/") else route.abort())
            page = context.new_page()
            page.set_default_timeout(60_000)  # a loaded 2-core machine renders slowly
            yield page
        finally:
            chromium.close()


def sign_in(page: Page, auth: str) -> None:
    """The UI asks for the server's auth string once per browser (the API refusing anyone else
    is checked in test_serve_outlives_its_server_and_takes_it_down_when_killed)."""
    password = page.locator("input[type=password]")
    password.fill(auth)
    page.get_by_role("button", name="Login").click()
    password.wait_for(state="detached")


def assert_no_ui_error(page: Page) -> None:
    for text in UI_ERRORS:
        assert page.get_by_text(text).count() == 0, f"the UI says {text!r}"
    assert page.locator("[data-sonner-toast][data-type=error]").count() == 0


def run_logged(served: Served, run_id: str, text: str) -> bool:
    """Whether the API holds a log line of the run with `text`: the runner ships a run's logs in
    batches, after the run's state, and on a loaded machine well after it."""
    logs = api_post(served, "/logs/filter", {"logs": {"flow_run_id": {"any_": [run_id]}}, "limit": 200})
    return any(text in log["message"] for log in logs)


def show_run(page: Page, ui_url: str, run: dict) -> None:
    """From any page: Runs, search the run by name, open it (its Logs tab)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.get_by_role("link", name="Runs", exact=True).first.click()
    page.get_by_placeholder("Search by flow run name").fill(run["name"])
    page.get_by_role("link", name=run["name"], exact=True).first.click()
    logged = page.get_by_text("new file(s) in the inbox")
    try:
        logged.wait_for()
    except PlaywrightTimeout:  # seen 1 in 3 on a quiet machine with the logs already in the API
        page.goto(f"{ui_url.rstrip('/')}/runs/flow-run/{run['id']}")  # the run's own address
        logged.wait_for()


def show_tab(page: Page, tab: str, *texts: str) -> None:
    """Open a tab of the run page and wait for `texts` in it. CI twice saw the run page with its
    logs but no tab control at all for 60 s, reload or not (Prefect's FlowRun page also hides
    Task Runs while the run it polls has no state); the page takes its tab from the address too
    (`?tab=`), so that is the way in when the control does not come. The tab's content, which is
    what this checks, is the same either way."""
    from urllib.parse import quote

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.get_by_role("tab", name=tab).click(timeout=30_000)
    except PlaywrightTimeout:
        page.goto(f"{page.url.split('?')[0]}?tab={quote(tab)}")
    for text in texts:
        page.get_by_text(text, exact=True).first.wait_for()


def keep_screenshot(page: Page) -> None:
    """For the docs (SARABAN_UI_SCREENSHOT=docs/images/prefect-ui.png): the run page once its
    last log line is in and its timeline, a canvas with no text to wait for, has had time to draw."""
    path = os.environ.get(UI_SCREENSHOT)
    if path:
        page.get_by_text("Finished in state Completed('processed").wait_for()
        page.wait_for_timeout(10_000)
        page.screenshot(path=path)


def test_prefect_ui_shows_the_deployments_and_the_run(served: Served) -> None:
    """The address `serve` prints, in a browser: the default (V2) UI lists both deployments with
    the nightly schedule, finds the completed run by name, with its logs, one task per file and
    the summary artifact; the V1 UI's Deployments page shows both schedules. No error on the way.
    A UI told the wrong API address (the 4200 default) shows none of this."""
    ui_url = served.printed_ui_url()
    assert ui_url == served.info()["ui_url"]
    run, tasks = completed_inbox_run(served)
    assert tasks and set(tasks) <= {f"process {SCAN}", f"process {XLSX}"}, tasks
    wait_for(lambda: run_logged(served, run["id"], "new file(s) in the inbox"), 180,
             "the run's logs in the API", every=3)
    with browser(ui_url) as page:
        page.goto(ui_url)
        sign_in(page, served.info()["auth_string"])
        page.get_by_role("link", name="Deployments", exact=True).first.click()
        for name in ("inbox", "nightly"):
            page.get_by_role("link", name=name, exact=True).wait_for()
        page.get_by_text("At 01:00 AM").wait_for()
        assert_no_ui_error(page)
        show_run(page, ui_url, run)
        keep_screenshot(page)
        show_tab(page, "Task Runs", *tasks)
        show_tab(page, "Artifacts", "ingest-summary")
        assert_no_ui_error(page)
        page.goto(f"{ui_url}/deployments")  # the V1 UI, where the issue was seen
        page.get_by_text("Every 5 seconds").wait_for()
        page.get_by_text("At 01:00 AM every day").wait_for()
        assert_no_ui_error(page)


def test_serve_serves_the_web_app_too(served: Served) -> None:
    """One command for the office machine: the web app answers beside the runner, from the same
    published dataset (the file ingested above is on its Runs page)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{served.web_port}/runs", timeout=30) as response:
        page = response.read().decode("utf-8")
    assert response.status == 200 and SCAN in page
    assert f"Saraban web: http://127.0.0.1:{served.web_port}/" in served.log.read_text(encoding="utf-8")


def test_ui_problem_names_a_ui_that_would_talk_to_nothing(served: Served) -> None:
    from flows.server import ui_problem

    ui_url = served.info()["ui_url"]
    assert ui_problem(ui_url, served.api_url) is None
    assert "calls its API at" in ui_problem(ui_url, "http://127.0.0.1:4200/api")
    assert "no Prefect UI answers" in ui_problem("http://127.0.0.1:9", "http://127.0.0.1:9/api", timeout=2)


def test_overlapping_trigger_does_not_start_a_second_run(served: Served) -> None:
    """While another run holds the home (here: this test), a trigger ends at once as skipped
    and leaves the inbox alone; once the home is free, the next poll takes the file."""
    from pipeline.home import home_at, run_lock

    home = home_at(served.home)
    with run_lock(home):
        dropped = drop(home.inbox, XLSX, as_name="report again.xlsx")
        started = time.monotonic()
        state = trigger(served, "saraban-inbox/inbox", timeout=120)
        # Skipped by the home lock, or cancelled by the deployment's concurrency limit when a
        # scheduled poll was running at the same moment: either way no second run started.
        assert (state["name"], state["type"]) in {
            ("Skipped", "COMPLETED"),
            ("Cancelled", "CANCELLED"),
        }, state
        assert time.monotonic() - started < 90
        assert dropped.exists()
        assert (
            query(served.home, "SELECT * FROM files WHERE source_name = 'report again.xlsx'") == []
        )
    wait_for(
        lambda: query(
            served.home, "SELECT status FROM files WHERE source_name = 'report again.xlsx'"
        ),
        120,
        "the file once the home is free",
        every=3,
    )
    assert not dropped.exists()


def run_lock_held(home: Path) -> bool:
    """Whether a run holds the home's flock, read from /proc/locks: taking the lock to test it
    would make a run that starts at that moment skip itself."""
    lock = home / "processed" / ".run.lock"
    if not lock.exists():  # no run has started yet
        return False
    inode = lock.stat().st_ino
    locks = Path("/proc/locks").read_text(encoding="ascii").splitlines()
    return any(line.split()[5].rsplit(":", 1)[-1] == str(inode) for line in locks if "FLOCK" in line)


def test_query_and_export_answer_from_the_last_snapshot_during_an_ingest(
    served: Served, tmp_path
) -> None:
    published = int(query(served.home, "SELECT count(*) AS n FROM files")[0]["n"])
    for name in SCANS_FOR_BUSY_RUN:
        drop(served.home / "inbox", name)

    def count_files() -> int:  # a lock error would fail run_cli
        return int(query(served.home, "SELECT count(*) AS n FROM files")[0]["n"])

    def count_exported() -> int:
        out = tmp_path / f"export{time.monotonic_ns()}"
        run_cli("export", "--format", "csv", "--out", str(out), home=served.home, timeout=60)
        return len((out / "files.csv").read_text(encoding="utf-8").splitlines()) - 1

    final = published + len(SCANS_FOR_BUSY_RUN)
    during: list[tuple[str, int]] = []
    last: dict[str, int] = {}
    deadline = time.monotonic() + 180

    def keep_calling(call: Callable[[], int]) -> None:
        # Query and export callers run side by side, so a slow machine still fits several
        # calls inside one ingest; every answer must come from a published snapshot.
        while time.monotonic() < deadline:
            running_before = run_lock_held(served.home)
            answer = call()
            last[call.__name__] = answer
            if running_before and run_lock_held(served.home):  # a run held the home throughout
                during.append((call.__name__, answer))
            if len(last) == 2 and set(last.values()) == {final}:
                return

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(keep_calling, (count_files, count_exported)))
    assert set(last.values()) == {final}, "the ingest of the scanned pages never published"
    assert len(during) >= 2, f"too few calls while the ingest ran: {during}"
    # Both files publish in one batch: a snapshot holds neither or both, never one.
    assert {n for _, n in during} <= {published, final} and (published in {n for _, n in during}), during


def test_nightly_deployment_triggered_by_hand_refreshes_the_exports(served: Served) -> None:
    exports = served.home / "exports"
    before = (exports / "latest").resolve() if (exports / "latest").exists() else None
    state = trigger(served, "saraban-nightly/nightly", timeout=180)
    assert state["type"] == "COMPLETED", state
    latest = exports / "latest"
    assert latest.is_symlink() and latest.resolve() != before
    progress = query(served.home, "SELECT count(*) AS n FROM progress")[0]["n"]
    assert len((latest / "progress.csv").read_text(encoding="utf-8").splitlines()) - 1 == int(
        progress
    )
    for name in (
        "files.csv",
        "national.csv",
        "progress.parquet",
        "report_rows.parquet",
        "saraban.xlsx",
    ):
        assert (latest / name).stat().st_size > 0, name
    assert not list(exports.glob(".tmp-*")), "no half-written export set is left behind"


def test_ingest_by_hand_reports_to_the_running_serve(served: Served) -> None:
    """What `saraban ingest` does on a served home (configure_prefect, then a flow run): it picks
    the serve's API instead of starting a temporary server, and its run is in that server."""
    code = textwrap.dedent("""
        import json, sys, time
        from pathlib import Path
        from flows.runtime import configure_prefect
        started = time.monotonic()
        url = configure_prefect(Path(sys.argv[1]))
        from prefect import flow
        @flow(name="saraban-attach-check")
        def check():
            return 1
        state = check(return_state=True)
        print(json.dumps({"url": url, "run": str(state.state_details.flow_run_id),
                          "type": state.type.value, "seconds": time.monotonic() - started}))
    """)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PREFECT_API_URL", "PREFECT_API_AUTH_STRING", "PREFECT_HOME")}
    done = subprocess.run([sys.executable, "-c", code, str(served.home)], capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["url"] == served.api_url and result["type"] == "COMPLETED", result
    run = api_call(served.api_url, f"/flow_runs/{result['run']}", auth=served.info()["auth_string"])
    assert run["state_type"] == "COMPLETED"  # type: ignore[index]


def test_failed_run_is_retried_and_leaves_its_files_in_the_inbox(served: Served, tmp_path) -> None:
    """A run that fails as a whole (here: an injected error in the writing step) is retried by
    Prefect, publishes nothing and leaves the inbox as it was. Runs on its own home."""
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    dropped = drop(home / "inbox", XLSX)
    code = textwrap.dedent("""
        import json, sys
        import flows.ingest
        attempts = []
        def broken(home, settings):
            attempts.append(1)
            raise RuntimeError("disk full (injected)")
        flows.ingest._ingest_locked = broken
        from flows.scheduled import inbox_flow
        flow = inbox_flow.with_options(retries=1, retry_delay_seconds=0)
        state = flow(sys.argv[1], return_state=True)
        print(json.dumps({"type": state.type.value, "attempts": len(attempts)}))
    """)
    env = {**os.environ, **served.client_env(), "SARABAN_STABLE_SECONDS": "0",
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    done = subprocess.run([sys.executable, "-c", code, str(home)], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"type": "FAILED", "attempts": 2}
    assert dropped.exists()
    assert not (home / "processed" / "saraban.duckdb").exists()


def test_sigterm_stops_serve_and_everything_it_started(served: Served) -> None:
    api_url = served.api_url
    assert marked_pids(served.marker), "the server runs as a child of serve"
    code = served.stop(signal.SIGTERM, timeout=90)
    assert code == 0, served.output()
    wait_for(lambda: not marked_pids(served.marker), 20, "child processes to exit", every=0.5)
    from flows.server import is_healthy

    assert not is_healthy(api_url)
    assert not (served.home / "processed" / ".prefect" / "serve.json").exists()
    from flows.runtime import prefect_api_url

    assert prefect_api_url(served.home, {}) is None  # the next `saraban ingest` starts its own


def serve_info(served: Served) -> dict:
    """serve.json, or {} while it is being replaced (a restart writes it anew)."""
    try:
        return served.info()
    except (OSError, ValueError):
        return {}


def test_serve_outlives_its_server_and_takes_it_down_when_killed(tmp_path) -> None:
    """The API refuses anyone without serve.json's secret, which only this user can read. kill -9
    of the Prefect server: serve starts it again at the same address, and a file dropped after
    that is still ingested. kill -9 of serve: the server goes too (parent-death signal)."""
    served = launch_serve(tmp_path)
    try:
        state = served.home / "processed" / ".prefect"
        assert stat.S_IMODE(state.stat().st_mode) == 0o700
        assert stat.S_IMODE((state / "serve.json").stat().st_mode) == 0o600
        with pytest.raises(urllib.error.HTTPError) as refused:
            api_call(served.api_url, "/deployments/filter", {})
        assert refused.value.code == 401
        first = served.info()
        os.kill(first["server_pid"], signal.SIGKILL)
        wait_for(lambda: serve_info(served).get("server_pid") not in (None, first["server_pid"]), 240,
                 "serve to start its server again")
        assert served.info()["api_url"] == first["api_url"] and served.process.poll() is None
        assert "started again" in served.output()
        drop(served.home / "inbox", XLSX)
        wait_for(lambda: query(served.home, "SELECT status FROM files"), 240, "the file dropped after the restart",
                 every=3)
        server_pid = served.info()["server_pid"]
        served.process.kill()
        wait_for(lambda: server_pid not in marked_pids(served.marker), 30, "the server to end with serve")
        from flows.server import is_healthy

        assert not is_healthy(first["api_url"])
    finally:
        stop_all(served)


def test_serve_rejects_bad_settings_before_starting_anything(tmp_path) -> None:
    result = run_cli(
        "serve", "--poll-seconds", "0", home=tmp_path / "home", check=False, timeout=60
    )
    assert result.returncode == 2 and "poll_seconds" in result.stdout
    result = run_cli(
        "serve",
        home=tmp_path / "home",
        check=False,
        timeout=60,
        env={"SARABAN_TIMEZONE": "Asia/Nowhere"},
    )
    assert result.returncode == 2 and "Asia/Nowhere" in result.stdout


def test_serve_names_a_fixed_port_in_use_before_starting_anything(tmp_path, monkeypatch) -> None:
    """`--port` reaches the server's start (the shared serve above takes a free port)."""
    import socket

    from flows.server import free_port, server_port

    monkeypatch.delenv("PREFECT_SERVER_API_PORT", raising=False)
    port = free_port()
    assert server_port(port) == port and server_port(None) > 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port), home=tmp_path / "home", check=False,
                         timeout=60, env={"PREFECT_API_URL": ""})
    assert result.returncode == 2 and f"port {port} on 127.0.0.1 is in use" in result.stdout, result.stdout


def test_the_server_ui_is_told_the_real_api_address(tmp_path, monkeypatch) -> None:
    from flows.server import server_env

    for key in ("PREFECT_SERVER_UI_API_URL", "PREFECT_UI_API_URL", "PREFECT_SERVER_UI_STATIC_DIRECTORY"):
        monkeypatch.delenv(key, raising=False)
    env = server_env(tmp_path, True, "http://127.0.0.1:50123/api")
    assert env["PREFECT_SERVER_UI_API_URL"] == "http://127.0.0.1:50123/api"
    assert env["PREFECT_SERVER_UI_STATIC_DIRECTORY"] == str(tmp_path / "ui")  # writable under systemd
    monkeypatch.setenv("PREFECT_UI_API_URL", "https://saraban.example/prefect/api")  # a proxy in front
    env = server_env(tmp_path, True, "http://127.0.0.1:50123/api")
    assert env["PREFECT_SERVER_UI_API_URL"] == "https://saraban.example/prefect/api"
    assert "PREFECT_UI_API_URL" not in env


def test_exports_swap_latest_and_keep_the_newest_sets(home) -> None:
    import datetime as dt

    from flows.exports import publish_exports

    out = home.root / "exports"
    first = publish_exports(home, out, now=dt.datetime(2026, 1, 1, 1), keep=2)
    assert (out / "latest").resolve() == first.resolve()
    sets = [publish_exports(home, out, now=dt.datetime(2026, 1, d, 1), keep=2) for d in (2, 3)]
    assert (out / "latest").resolve() == sets[-1].resolve()
    assert not first.exists() and all(s.exists() for s in sets)
    assert (sets[-1] / "progress.csv").read_text(encoding="utf-8").startswith("indicator,period")
