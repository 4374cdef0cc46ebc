"""Where the wall time of `saraban ingest` goes on N cores: a timeline per file and per phase, and
the share of the run during which a core sat idle (issue F11).

The ingest runs in this process, as `saraban ingest --quiet` would run it, with three taps that
change nothing it does: each file's start and end as its task thread hands it to a worker process
and gets it back, each publish's start and end, and the run's progress events. A thread samples
the CPU of this process and its descendants (psutil) every `interval` seconds, so each stretch of
the run gets its busy cores; and the run's demand: the seconds its threads ran or stood ready to
run on a queue (/proc/…/schedstat), which the load of others does not change. Demand below the
cores is a core this run leaves idle on a machine of its own (`idle alone`), however loaded the
machine it was measured on. Phases:

- start-up: from the command to the plan (imports, Prefect's server, planning);
- files: first file handed out to the last file back, with the tail (fewer files in flight than
  workers, while files were left) broken out;
- publishes: each batch's record, rebuild and atomic publish;
- end: after the last file, the last publish and whatever the command does before it returns.

    .venv/bin/python benchmarks/timeline.py [--inbox DIR] [--files N] [--interval S] [--keep HOME]
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

CORES = os.cpu_count() or 1


@dataclass
class Timeline:
    """Seconds since the command started: files, publishes, events, and CPU samples."""

    started: float = field(default_factory=time.perf_counter)
    files: list[tuple[str, int, float, float]] = field(default_factory=list)  # name, pages, start, end
    publishes: list[tuple[float, float]] = field(default_factory=list)
    events: dict[str, float] = field(default_factory=dict)
    samples: list[tuple[float, float]] = field(default_factory=list)  # time, CPU seconds so far of the tree
    demand: list[float] = field(default_factory=list)  # per sample: seconds ran or ready to run so far
    ended: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def now(self) -> float:
        return time.perf_counter() - self.started


class Sampler(threading.Thread):
    """The CPU so far of this process and every descendant alive or seen, every `interval` s."""

    def __init__(self, timeline: Timeline, interval: float) -> None:
        super().__init__(daemon=True)
        self.timeline, self.interval, self.stop = timeline, interval, threading.Event()
        self.last: dict[int, float] = {}
        self.ready: dict[tuple[int, str], float] = {}

    def run(self) -> None:
        me = psutil.Process()
        while not self.stop.is_set():
            moment, cpu = self.timeline.now(), self._tree_cpu(me)
            self.timeline.demand.append(sum(self.ready.values()))
            self.timeline.samples.append((moment, cpu))
            self.stop.wait(self.interval)

    def _tree_cpu(self, me: psutil.Process) -> float:
        for process in [me, *me.children(recursive=True)]:
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            self.last[process.pid] = times.user + times.system  # an ended process keeps its last sample
            self._note_demand(process.pid)
        return sum(self.last.values())

    def _note_demand(self, pid: int) -> None:
        """Each thread's time on a CPU plus its time waiting for one (ns in schedstat)."""
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            return
        for tid in tids:
            try:
                ran, waited = Path(f"/proc/{pid}/task/{tid}/schedstat").read_text().split()[:2]
            except (OSError, ValueError):
                continue
            self.ready[(pid, tid)] = (int(ran) + int(waited)) / 1e9


def tap(timeline: Timeline) -> None:
    """Wrap the hand-over of a file to its worker and the publish, before flows.ingest imports them."""
    import flows.file_workers as file_workers
    from pipeline import progress
    from pipeline.intake import lifecycle

    in_worker, publish_batch = file_workers.in_worker, lifecycle.publish_batch

    def timed_in_worker(call, candidate, *args, **kwargs):
        start = timeline.now()
        outcome = in_worker(call, candidate, *args, **kwargs)
        pages = len(outcome.document.pages) if getattr(outcome, "document", None) else 0
        with timeline.lock:
            timeline.files.append((candidate.source_name, pages, start, timeline.now()))
        return outcome

    def timed_publish(*args, **kwargs):
        start = timeline.now()
        try:
            return publish_batch(*args, **kwargs)
        finally:
            timeline.publishes.append((start, timeline.now()))

    file_workers.in_worker, lifecycle.publish_batch = timed_in_worker, timed_publish
    progress.subscribe(lambda event, _: timeline.events.setdefault(event, timeline.now()))


def run_ingest(files: list[Path], home: Path, interval: float) -> Timeline:
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for n, path in enumerate(files):
        shutil.copy2(path, inbox / f"{n:03d}-{path.name}")  # corpora of several seeds share names
    os.environ["SARABAN_STABLE_SECONDS"] = "0"
    timeline = Timeline()
    tap(timeline)
    sampler = Sampler(timeline, interval)
    sampler.start()
    from cli.main import app

    try:
        app(["ingest", "--quiet", "--home", str(home)], standalone_mode=False)
    finally:
        timeline.ended = timeline.now()
        sampler.stop.set()
        sampler.join()
    return timeline


def cpu_between(timeline: Timeline, start: float, end: float) -> float:
    """CPU seconds of the tree between two times, from the samples (linear between samples)."""
    return _cpu_at(timeline, end) - _cpu_at(timeline, start)


def _cpu_at(timeline: Timeline, moment: float) -> float:
    samples = timeline.samples
    for (t0, c0), (t1, c1) in zip(samples, samples[1:], strict=False):
        if t0 <= moment <= t1:
            return c0 + (c1 - c0) * (moment - t0) / max(t1 - t0, 1e-9)
    return samples[-1][1] if samples and moment > samples[-1][0] else 0.0


def idle_alone(timeline: Timeline, start: float, end: float) -> float:
    """Core-seconds between two times that the run's threads neither used nor waited for."""
    idle = 0.0
    for k in range(1, len(timeline.samples)):
        t0, t1 = timeline.samples[k - 1][0], timeline.samples[k][0]
        overlap = min(t1, end) - max(t0, start)
        if overlap > 0:
            wanted = (timeline.demand[k] - timeline.demand[k - 1]) / max(t1 - t0, 1e-9)
            idle += max(0.0, CORES - wanted) * overlap
    return idle


def in_flight_below(timeline: Timeline, workers: int) -> list[tuple[float, float]]:
    """Stretches of the files phase with fewer files in flight than workers."""
    changes = sorted([(s, 1) for *_, s, _ in timeline.files] + [(e, -1) for *_, e in timeline.files])
    stretches, flying, since = [], 0, None
    for moment, step in changes:
        flying += step
        if flying < workers and since is None and flying > 0:
            since = moment
        elif (flying >= workers or flying == 0) and since is not None:
            stretches.append((since, moment))
            since = None
    return [(s, e) for s, e in stretches if e - s > 0.05]  # not a file handed over as another came back


def phases(timeline: Timeline, workers: int) -> list[tuple[str, float, float]]:
    first = min(s for *_, s, _ in timeline.files)
    last = max(e for *_, e in timeline.files)
    rows = [("start-up (to the plan)", 0.0, timeline.events.get("planned", first)),
            ("plan to first file", timeline.events.get("planned", first), first),
            ("files (first handed out to last back)", first, last)]
    rows.append(("  tail (after the last file was handed out)", max(s for *_, s, _ in timeline.files), last))
    rows += [("  publish (during files)" if e <= last else "publish (after files)", s, e)
             for s, e in timeline.publishes]
    end_of_publishes = max([last, *(e for _, e in timeline.publishes)])
    rows.append(("after the last publish", end_of_publishes, timeline.ended))
    return rows


def report(timeline: Timeline, workers: int) -> None:
    total = cpu_between(timeline, 0.0, timeline.ended)
    pages = sum(p for _, p, *_ in timeline.files)
    alone = idle_alone(timeline, 0.0, timeline.ended)
    print(f"{len(timeline.files)} files, {pages} pages; wall {timeline.ended:.1f} s, CPU {total:.1f} s "
          f"(sampled), busy cores {total / timeline.ended:.2f} of {CORES}, load {os.getloadavg()[0]:.1f}; "
          f"idle core share {1 - total / (CORES * timeline.ended):.0%}; on a machine of its own "
          f"{alone / (CORES * timeline.ended):.0%} ({alone:.1f} core-s)")
    print(f"{'phase':42}{'from':>7}{'to':>7}{'wall':>7}{'CPU':>7}{'busy':>6}{'idle c·s':>9}{'alone':>7}")
    for name, start, end in phases(timeline, workers):
        _row(name, f"{start:>7.1f}{end:>7.1f}", end - start, cpu_between(timeline, start, end),
             idle_alone(timeline, start, end))
    below = in_flight_below(timeline, workers)
    _row(f"  fewer than {workers} files in flight ({len(below)}×)", " " * 14,
         sum(e - s for s, e in below), sum(cpu_between(timeline, s, e) for s, e in below),
         sum(idle_alone(timeline, s, e) for s, e in below))
    print(f"\n{'file':44}{'pages':>6}{'start':>7}{'end':>7}{'wall':>7}")
    for name, count, start, end in sorted(timeline.files, key=lambda f: f[2]):
        print(f"{name[:44]:44}{count:>6}{start:>7.1f}{end:>7.1f}{end - start:>7.1f}")


def _row(name: str, span: str, wall: float, cpu: float, alone: float) -> None:
    print(f"{name:42}{span}{wall:>7.1f}{cpu:>7.1f}{cpu / max(wall, 1e-9):>6.2f}"
          f"{max(0.0, CORES * wall - cpu):>9.1f}{alone:>7.1f}")


def main() -> None:
    from ocr_speed import chosen_scans, scans_parser  # this folder is first on sys.path

    parser = scans_parser(__doc__.splitlines()[0])
    parser.add_argument("--interval", type=float, default=0.25, help="CPU sample interval, s")
    parser.add_argument("--keep", type=Path, help="ingest into this new home and keep it (else a temporary one)")
    args = parser.parse_args()
    files = chosen_scans(args)
    from pipeline.config import load_settings

    workers = load_settings().workers
    if args.keep:
        report(run_ingest(files, args.keep, args.interval), workers)
        return
    with tempfile.TemporaryDirectory() as tmp:
        report(run_ingest(files, Path(tmp) / "home", args.interval), workers)


if __name__ == "__main__":
    main()
