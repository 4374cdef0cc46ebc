"""Watching the Prefect server `saraban serve` started, and starting it again when it is gone.

When the server process exits, or stops answering `/health` for `misses` checks in a row (a hung
server, not a merely slow one: each check waits up to `timeout` seconds), the watchdog starts it
again on the same port and state, then stops the runner in the main thread as Ctrl-C would, so
that `serve` starts a fresh runner against the live server. Without it, a dead server left
`serve` up, logging errors, and ingesting nothing more: Prefect's runner gives up polling after
three failed polls in a row, and its shutdown retries a dead API for minutes.

The server is restarted from this thread, which then keeps watching until `serve` ends: the
kernel's parent-death signal (`setpriv --pdeathsig`) follows the thread that started a process.
"""

from __future__ import annotations

import _thread
import threading
import time
from collections.abc import Callable

from flows.server import StartedServer, is_healthy
from pipeline.errors import SarabanError


class RestartBudget:
    """At most `limit` restarts within `window` seconds; past that, `serve` exits non-zero and
    leaves the restarting to systemd (whose unit says Restart=on-failure)."""

    def __init__(self, limit: int = 3, window: float = 900.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self.times: list[float] = []

    def spend(self) -> bool:
        """Count one restart; False when the budget is spent."""
        now = self.clock()
        self.times = [t for t in self.times if now - t < self.window] + [now]
        return len(self.times) <= self.limit


class ServerWatchdog(threading.Thread):
    """`losses` lists each time the server was lost (and started again); `gave_up` says why the
    watchdog stopped restarting it (serve must exit non-zero). The main thread runs the runner
    through `serve`, so that it is interrupted only while the runner runs."""

    def __init__(self, server: StartedServer, *, every: float = 2.0, misses: int = 6, timeout: float = 10.0,
                 budget: RestartBudget | None = None,
                 interrupt: Callable[[], None] = _thread.interrupt_main) -> None:
        super().__init__(name="prefect-server-watchdog", daemon=True)
        self.server, self.every, self.misses, self.timeout = server, every, misses, timeout
        self.budget = budget or RestartBudget()
        self.losses: list[str] = []
        self.gave_up: str | None = None
        self._stopped = threading.Event()
        self._interrupt = interrupt
        self._state = threading.Condition()
        self._serving = self._restarting = False

    def run(self) -> None:
        missed = 0
        while not self._stopped.wait(self.every):
            missed = 0 if is_healthy(self.server.url, timeout=self.timeout) else missed + 1
            lost = self._verdict(missed)
            if lost:
                missed = 0
                self._recover(lost)
                if self.gave_up:
                    return

    def _verdict(self, missed: int) -> str | None:
        code = self.server.exited()
        if code is not None:
            return f"the Prefect server exited with code {code}"
        if missed >= self.misses:
            return f"the Prefect server did not answer /health {missed} times in a row"
        return None

    def _recover(self, lost: str) -> None:
        with self._state:
            self._restarting = True
        try:
            self._restart(lost)
        finally:
            with self._state:
                self._restarting = False
                self.losses.append(lost)
                if self._serving:  # a runner that outlived its server polls nothing: start a new one
                    self._interrupt()
                self._state.notify_all()

    def _restart(self, lost: str) -> None:
        if not self.budget.spend():
            self.gave_up = f"{lost}; restarted {self.budget.limit} times in {self.budget.window / 60:.0f} min already"
            return
        try:
            self.server.restart()
        except SarabanError as e:
            self.gave_up = f"{lost}; could not start it again: {e}"

    def serve(self, runner: Callable[[], None]) -> None:
        """Run the runner, open to this watchdog's interrupt while it runs."""
        with self._state:
            self._serving = True
        try:
            runner()
        finally:
            with self._state:
                self._serving = False

    def lost_since(self, seen: int, wait: float = 0.0) -> bool:
        """Whether the server was lost (and the restart is over) since `seen` losses, waiting up
        to `wait` seconds for the watchdog to notice: a runner can fail on a dead server first."""
        with self._state:
            return self._state.wait_for(lambda: self.gave_up is not None or (
                len(self.losses) > seen and not self._restarting), timeout=wait)

    def stop(self) -> None:
        self._stopped.set()
