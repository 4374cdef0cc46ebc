"""The watchdog `saraban serve` keeps on the Prefect server it started (flows/watchdog.py).

A stand-in server (the real one is killed in tests/test_serve.py) whose process "exits" on
demand; the watchdog must start it again, interrupt the runner only while one runs, and give up
(for systemd to restart everything) once restarts come too often or fail.
"""

from __future__ import annotations

import threading
import time

from flows.server import ServerStartError, free_port
from flows.watchdog import RestartBudget, ServerWatchdog


class StandIn:
    """Dies when told; `restart` brings it back (or fails, when `broken`)."""

    def __init__(self, broken: bool = False) -> None:
        self.url = f"http://127.0.0.1:{free_port()}/api"  # nothing listens: /health never answers
        self.timeout = 1.0
        self.code: int | None = None
        self.restarts = 0
        self.broken = broken

    def exited(self) -> int | None:
        return self.code

    def restart(self) -> None:
        if self.broken:
            raise ServerStartError("port taken")
        self.restarts += 1
        self.code = None


def watch(server: StandIn, **options) -> tuple[ServerWatchdog, list[float]]:
    interrupts: list[float] = []
    watchdog = ServerWatchdog(server, every=0.05, misses=1000, timeout=0.2,  # type: ignore[arg-type]
                              interrupt=lambda: interrupts.append(time.monotonic()), **options)
    watchdog.start()
    return watchdog, interrupts


def test_a_dead_server_is_started_again_and_the_running_runner_interrupted() -> None:
    server = StandIn()
    watchdog, interrupts = watch(server)
    released = threading.Event()
    runner = threading.Thread(target=watchdog.serve, args=(released.wait,))
    runner.start()
    time.sleep(0.2)
    assert not interrupts and server.restarts == 0  # alive (if unhealthy): below `misses`
    server.code = -9
    assert watchdog.lost_since(0, wait=5)
    assert server.restarts == 1 and len(interrupts) == 1 and watchdog.gave_up is None
    assert "exited with code -9" in watchdog.losses[0]
    released.set()
    runner.join()
    server.code = -9  # no runner running now: started again, nobody interrupted
    assert watchdog.lost_since(1, wait=5)
    assert server.restarts == 2 and len(interrupts) == 1
    watchdog.stop()


def test_a_hung_server_counts_as_lost_after_the_misses() -> None:
    server = StandIn()
    watchdog = ServerWatchdog(server, every=0.05, misses=3, timeout=0.2,  # type: ignore[arg-type]
                              interrupt=lambda: None)
    watchdog.start()
    assert watchdog.lost_since(0, wait=5)
    assert "did not answer /health 3 times" in watchdog.losses[0]
    watchdog.stop()


def test_the_watchdog_gives_up_when_restarts_come_too_often_or_fail() -> None:
    server = StandIn()
    watchdog, _ = watch(server, budget=RestartBudget(limit=2, window=60))
    for seen in range(3):
        server.code = 1
        assert watchdog.lost_since(seen, wait=5)
    assert server.restarts == 2 and "restarted 2 times in 1 min" in (watchdog.gave_up or "")
    watchdog.join(5)
    assert not watchdog.is_alive()
    broken = StandIn(broken=True)
    broken.code = 1
    watchdog, _ = watch(broken)
    assert watchdog.lost_since(0, wait=5)
    assert "could not start it again: port taken" in (watchdog.gave_up or "")


def test_restart_budget_forgets_old_restarts() -> None:
    now = [0.0]
    budget = RestartBudget(limit=2, window=100, clock=lambda: now[0])
    assert budget.spend() and budget.spend() and not budget.spend()
    now[0] = 150.0
    assert budget.spend()
