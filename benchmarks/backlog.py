"""Big backlogs: a generated inbox of N files through `saraban ingest`, then 1,000 of them again.

The backlog is mostly Excel report forms (every province, month after month, counts drawn at
random, so every file has its own bytes), with every `--digital-every`-th file a born-digital PDF
and every `--scan-every`-th a scanned PDF from the shared samples, each copy given its own
document-info entry (so its own SHA-256). Scanned copies keep their page pixels, so after the
first one their OCR comes from the cache: the run costs what a backlog costs (archiving,
extraction, publishing, memory), not hours of Tesseract.

Measured, while `saraban ingest` runs in a fresh home:
- wall-clock seconds and files per second;
- peak resident memory of the whole process tree (CLI, Prefect's server, OCR workers, Tesseract),
  sampled every 0.1 s with psutil: the sum of RSS, which over-counts shared pages;
- every publish of the dataset (the published DuckDB file replaced), with the files it then held,
  so the spacing between publishes in files.
Then the same bytes are dropped again, `--seen` files (default 1,000) under the names they had
and as many under new names (duplicates), and each re-ingest is timed.

    .venv/bin/python benchmarks/backlog.py                  # 2,000 files
    .venv/bin/python benchmarks/backlog.py --files 200 --seen 200 --keep /tmp/backlog

Targets (issue F11): re-ingest of 1,000 already-seen files < 10 s; a 2,000-file backlog under
2 GB with a publish at least every 200 files. Not part of the test suite (minutes, not seconds).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import geothai
import openpyxl
import pikepdf
import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples" / "inbox"
DIGITAL = ("saraban_011.pdf", "saraban_007.pdf")
SCANNED = ("SCAN_0003.pdf", "SCAN_0004.pdf")
MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
          "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
TARGET_RESEEN_S, TARGET_RSS_MB, TARGET_SPACING = 10.0, 2048, 200


@dataclass
class RunFigures:
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    publishes: list[tuple[float, int]] = field(default_factory=list)  # (seconds in, files published)
    exit_code: int = 0
    output: str = ""

    def spacing(self) -> list[int]:
        counts = [0] + [n for _, n in self.publishes]
        return [b - a for a, b in zip(counts, counts[1:], strict=False)]


# --- the backlog ----------------------------------------------------------------------------------

def write_form(path: Path, province: geothai.Province, month: int, year_be: int, rng: random.Random) -> Path:
    """A province's help-centre report for one month: a row per district, a total row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "รายงาน"
    sheet.append([f"แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                  f"ประจำเดือน {MONTHS[month - 1]} พ.ศ. {year_be} จังหวัด{province.name_th}"])
    sheet.append(["ที่", "อำเภอ", "จำนวน อปท.ทั้งหมด (แห่ง)", "จัดตั้งแล้ว (แห่ง)", "ยังไม่จัดตั้ง (แห่ง)",
                  "ปัญหา/อุปสรรค"])
    totals = [0, 0]
    for i, district in enumerate(geothai.districts(province.code), 1):
        total = rng.randint(2, 20)
        done = rng.randint(0, total)
        sheet.append([i, district.name_th, total, done, total - done, "-"])
        totals = [totals[0] + total, totals[1] + done]
    sheet.append(["", "รวม", totals[0], totals[1], totals[0] - totals[1], ""])
    book.save(path)
    return path


def vary_pdf(source: Path, path: Path, index: int) -> Path:
    """The same pages with a document-info entry of their own: new bytes, same pixels."""
    with pikepdf.open(source) as pdf:
        pdf.docinfo["/Subject"] = f"backlog copy {index}"
        pdf.save(path)
    return path


def make_backlog(folder: Path, files: int, seed: int, digital_every: int, scan_every: int) -> list[Path]:
    rng = random.Random(seed)
    provinces = [p for p in geothai.provinces() if geothai.districts(p.code)]
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(files):
        if scan_every and i % scan_every == scan_every - 1:
            source = SAMPLES / SCANNED[(i // scan_every) % len(SCANNED)]
            made.append(vary_pdf(source, folder / f"{i:05d}_{source.name}", i))
        elif digital_every and i % digital_every == digital_every - 1:
            source = SAMPLES / DIGITAL[(i // digital_every) % len(DIGITAL)]
            made.append(vary_pdf(source, folder / f"{i:05d}_{source.name}", i))
        else:
            province = provinces[i % len(provinces)]
            month_index = i // len(provinces)
            made.append(write_form(folder / f"{i:05d}_รายงาน_{province.code}.xlsx", province,
                                   month_index % 12 + 1, 2560 + month_index // 12, rng))
    return made


# --- measuring a run ------------------------------------------------------------------------------

def tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue  # ended between listing and asking
    return total


def published_files(database: Path) -> int | None:
    try:
        with duckdb.connect(str(database), read_only=True) as conn:
            return conn.execute("SELECT count(*) FROM files").fetchone()[0]
    except (duckdb.Error, OSError):
        return None  # replaced while being opened: the next poll sees the newer one


def inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def watch(proc: subprocess.Popen, database: Path, figures: RunFigures, started: float) -> None:
    process = psutil.Process(proc.pid)
    last = inode(database)
    while proc.poll() is None:
        try:
            figures.peak_rss_mb = max(figures.peak_rss_mb, tree_rss(process) / 2**20)
        except psutil.Error:
            break
        now = inode(database)
        if now != last:
            last = now
            count = published_files(database)
            if count is not None:
                figures.publishes.append((time.monotonic() - started, count))
                print(f"  published {count} files at {time.monotonic() - started:.0f} s; "
                      f"peak RSS so far {figures.peak_rss_mb:.0f} MB", flush=True)
        time.sleep(0.1)


def run_ingest(home: Path, env: dict[str, str]) -> RunFigures:
    exe = Path(sys.executable).with_name("saraban")
    figures = RunFigures()
    started = time.monotonic()
    proc = subprocess.Popen([str(exe), "ingest", "--quiet", "--home", str(home)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(proc.stdout), daemon=True)
    reader.start()
    watch(proc, home / "processed" / "saraban.duckdb", figures, started)
    figures.exit_code = proc.wait()
    figures.seconds = time.monotonic() - started
    reader.join(timeout=5)
    figures.output = "".join(output)
    return figures


def drop(files: list[Path], inbox: Path, rename: bool = False) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, inbox / (f"สำเนา {path.name}" if rename else path.name))


# --- report ---------------------------------------------------------------------------------------

def dataset_counts(home: Path) -> dict[str, int]:
    with duckdb.connect(str(home / "processed" / "saraban.duckdb"), read_only=True) as conn:
        rows = conn.execute("SELECT status, count(*) FROM files GROUP BY status").fetchall()
    return dict(rows)


def report(args: argparse.Namespace, backlog: RunFigures, again: RunFigures, renamed: RunFigures,
           counts: dict[str, int]) -> None:
    spacing = backlog.spacing()
    widest = max(spacing, default=0)
    print(f"\nload: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}  "
          f"cores: {os.cpu_count()}")
    print(f"{'figure':46}{'measured':>14}{'target':>12}  ok")
    rows = [
        (f"backlog of {args.files} files, seconds", f"{backlog.seconds:.1f}", "", None),
        ("  files per second", f"{args.files / backlog.seconds:.2f}", "", None),
        ("  peak RSS of the process tree, MB", f"{backlog.peak_rss_mb:.0f}", f"< {TARGET_RSS_MB}",
         backlog.peak_rss_mb < TARGET_RSS_MB),
        ("  publishes seen", str(len(backlog.publishes)), "", None),
        ("  most files between two publishes", str(widest), f"<= {TARGET_SPACING}", widest <= TARGET_SPACING),
        (f"re-ingest of {args.seen_now} seen files, same names, s", f"{again.seconds:.1f}",
         f"< {TARGET_RESEEN_S:.0f}", again.seconds < TARGET_RESEEN_S),
        (f"re-ingest of {args.seen_now} seen files, new names, s", f"{renamed.seconds:.1f}",
         f"< {TARGET_RESEEN_S:.0f}", renamed.seconds < TARGET_RESEEN_S),
    ]
    for name, value, target, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        print(f"{name:46}{value:>14}{target:>12}  {mark}")
    print(f"files by status: {counts}")
    print(f"publish spacing in files: {spacing}")
    print(f"exit codes: backlog {backlog.exit_code}, re-ingest {again.exit_code}, renamed {renamed.exit_code}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seen", type=int, default=1000, help="already-seen files dropped again")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--digital-every", type=int, default=10)
    parser.add_argument("--scan-every", type=int, default=50)
    parser.add_argument("--stable-seconds", default="2", help="SARABAN_STABLE_SECONDS for the runs")
    parser.add_argument("--keep", type=Path, help="work here and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="saraban-backlog-"))
    shutil.rmtree(work / "home", ignore_errors=True)
    files = sorted((work / "backlog").glob("*")) if (work / "backlog").is_dir() else []
    if len(files) != args.files:
        shutil.rmtree(work / "backlog", ignore_errors=True)
        files = make_backlog(work / "backlog", args.files, args.seed, args.digital_every, args.scan_every)
    env = {**os.environ, "SARABAN_STABLE_SECONDS": args.stable_seconds}
    home = work / "home"
    drop(files, home / "inbox")
    print(f"backlog: {len(files)} files in {home / 'inbox'}", flush=True)
    backlog = run_ingest(home, env)
    print(backlog.output[-3000:])
    seen = random.Random(args.seed).sample(files, min(args.seen, len(files)))
    args.seen_now = len(seen)
    drop(seen, home / "inbox")
    again = run_ingest(home, env)
    drop(seen, home / "inbox", rename=True)
    renamed = run_ingest(home, env)
    print(renamed.output[-1500:])
    report(args, backlog, again, renamed, dataset_counts(home))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
