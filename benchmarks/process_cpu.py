"""CPU seconds of `saraban ingest` per process: the run itself, its OCR workers, Prefect's server,
and whatever else it starts (issue F11: where the CPU above Saraban's stages and Tesseract goes).

The machine is shared, so wall time says little; CPU time per process does. The ingest's process
tree is sampled every `interval` seconds (psutil); each process counts with its last sample and
its role, and the exact total comes from the kernel when the run ends (`os.wait4`: the run and
every descendant it reaped), so what sampling missed (a process that ended between samples) shows
as `unsampled`. `busy cores` is the total CPU over the wall time: 2.0 keeps two cores busy.

    .venv/bin/python benchmarks/process_cpu.py [--inbox DIR] [--files N]   # cold, then warm OCR cache
    .venv/bin/python benchmarks/ocr_speed.py --processes ...   # the same, after the timings
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psutil

PARENT = "saraban ingest (flow, publish)"
WORKERS = "worker processes (files, page pass)"
SERVER = "Prefect server"
PROGRAMS = "tesseract programs"
OTHER = "other children"


@dataclass
class Breakdown:
    """CPU seconds per role, when each role was first seen (s after start), and the totals."""

    cpu: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, float] = field(default_factory=dict)
    last_seen: dict[str, float] = field(default_factory=dict)
    total_cpu: float = 0.0
    wall: float = 0.0
    pages: int = 0


def role(process: psutil.Process, root: int) -> str:
    """What a process of the ingest's tree is, from its command line and parent."""
    try:
        command = " ".join(process.cmdline())
        parent = process.ppid()
    except psutil.Error:
        return OTHER
    if process.pid == root:
        return PARENT
    if "prefect" in command or "uvicorn" in command:
        return SERVER
    if process.name() == "tesseract":
        return PROGRAMS
    return WORKERS if parent == root else OTHER  # forked: the same command line as the run


def _cpu(process: psutil.Process) -> float | None:
    try:
        times = process.cpu_times()
    except psutil.Error:
        return None
    return times.user + times.system


def sample(root: psutil.Process, seen: dict[int, tuple[str, float]], roles: dict[int, str],
           breakdown: Breakdown, now: float) -> None:
    """Record the CPU so far of every live process of the tree under `root`."""
    try:
        tree = [root, *root.children(recursive=True)]
    except psutil.Error:
        return
    for process in tree:
        if process.pid not in roles:
            roles[process.pid] = role(process, root.pid)
        name = roles[process.pid]
        cpu = _cpu(process)
        if cpu is not None:
            seen[process.pid] = (name, cpu)
            breakdown.first_seen.setdefault(name, now)
            breakdown.last_seen[name] = now


def measure(command: list[str], env: dict[str, str], interval: float = 0.1) -> Breakdown:
    """Run `command`, sampling its process tree; the exact total from the kernel at the end."""
    breakdown, seen, roles = Breakdown(), {}, {}
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(child.pid)
    while not _exited(child.pid):  # not child.poll(): it would reap, and wait4 find nothing
        sample(root, seen, roles, breakdown, time.perf_counter() - started)
        time.sleep(interval)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    breakdown.wall = time.perf_counter() - started
    if child.returncode != 0:
        sys.exit(f"{' '.join(command)} exited with {child.returncode}: {child.stderr.read()[-2000:]!r}")
    breakdown.total_cpu = usage.ru_utime + usage.ru_stime
    for name, cpu in seen.values():
        breakdown.cpu[name] += cpu
    return breakdown


def _exited(pid: int) -> bool:
    """The child has ended (a zombie), without reaping it: wait4 must get its resource usage."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.Error:
        return True


def ingest_breakdown(files: list[Path], home: Path, warm_from: Path | None = None) -> Breakdown:
    """`saraban ingest --quiet` of `files` on a fresh home; `warm_from`: an OCR cache to start with."""
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for n, path in enumerate(files):
        shutil.copy2(path, inbox / f"{n:03d}-{path.name}")
    if warm_from is not None:
        shutil.copytree(warm_from, home / "processed" / "cache" / "ocr")
    env = {**os.environ, "SARABAN_STABLE_SECONDS": "0"}
    exe = Path(sys.executable).with_name("saraban")
    return measure([str(exe), "ingest", "--quiet", "--home", str(home)], env)


def report(title: str, breakdown: Breakdown, pages: int) -> None:
    sampled = sum(breakdown.cpu.values())
    print(f"{title}: {pages} pages, wall {breakdown.wall:.1f} s, CPU {breakdown.total_cpu:.1f} s, "
          f"busy cores {breakdown.total_cpu / breakdown.wall:.2f} (load {os.getloadavg()[0]:.2f})")
    print(f"{'':42}{'CPU s':>8}{'s/page':>8}{'from s':>8}{'to s':>8}")
    for name, cpu in breakdown.cpu.most_common():
        print(f"{name:42}{cpu:>8.1f}{cpu / pages:>8.2f}"
              f"{breakdown.first_seen[name]:>8.1f}{breakdown.last_seen[name]:>8.1f}")
    missed = breakdown.total_cpu - sampled
    print(f"{'unsampled (ended between samples)':42}{missed:>8.1f}{missed / pages:>8.2f}")


def run(files: list[Path], pages: int) -> None:
    """A cold run (no OCR cache), then a warm one (the cold run's cache), each on a fresh home."""
    with tempfile.TemporaryDirectory() as tmp:
        cold = Path(tmp) / "cold"
        report("cold OCR cache", ingest_breakdown(files, cold), pages)
        warm = ingest_breakdown(files, Path(tmp) / "warm", cold / "processed" / "cache" / "ocr")
        report("warm OCR cache", warm, pages)


def main() -> None:
    from ocr_speed import chosen_scans, page_total, scans_parser  # this folder is first on sys.path

    files = chosen_scans(scans_parser(__doc__.splitlines()[0]).parse_args())
    run(files, page_total(files))


if __name__ == "__main__":
    main()
