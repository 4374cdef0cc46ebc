"""Generalisation benchmark: fresh generated corpora, scored with the shared scorer.

For each seed: `run.sh make --preset wide --seed N`, then `run.sh score` against this checkout.
Prints every summary figure per seed and their mean, the numeric-cell accuracy per input
format, the share of wrong cells whose row carries a flag, flagged rows without a fault, and
per-field letter accuracy. Fresh seeds by default, because fitting the corpora one looked at
is exactly what this is here to catch.

    .venv/bin/python benchmarks/corpus.py                       # 3 fresh random seeds
    .venv/bin/python benchmarks/corpus.py --seeds 101 102       # chosen seeds
    .venv/bin/python benchmarks/corpus.py --k 5 --work /tmp/bench --ocr-cache /tmp/ocrcache

`--ocr-cache DIR` shares Tesseract results between runs (pages are keyed by image hash, so a
changed preprocessing step still re-OCRs its pages); it makes `s_per_page` meaningless.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN_SH = Path("/work/shared/corpus/run.sh")
SUMMARY = ("files", "letters", "rows", "cells", "cells_scan", "cells_digital", "flags",
           "progress", "national", "s_per_page")
NUMBERS = ("total", "established", "not_established")


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, nargs="*", help="seeds to use (default: fresh)")
    parser.add_argument("--k", type=int, default=3, help="how many fresh seeds")
    parser.add_argument("--work", type=Path, default=Path("/tmp/saraban-bench-corpus"))
    parser.add_argument("--corpora", type=Path, help="where wide<seed> corpora live (default --work)")
    parser.add_argument("--run-sh", type=Path, default=RUN_SH)
    parser.add_argument("--ocr-cache", type=Path, help="share OCR results between runs")
    parser.add_argument("--shim", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _fresh_seeds(k: int) -> list[int]:
    # A wide range, so two runs of the benchmark hardly ever share a corpus.
    return random.SystemRandom().sample(range(1000, 1_000_000), k)


def make_corpus(run_sh: Path, seed: int, out: Path) -> Path:
    """The corpus for `seed`, generated once and reused (generation is deterministic)."""
    if not (out / "truth").is_dir():
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([str(run_sh), "make", "--preset", "wide", "--seed", str(seed),
                        "--out", str(out)], check=True)
    return out


def score_corpus(run_sh: Path, corpus: Path, home: Path, cache: Path | None) -> dict:
    """Run the scorer on a fresh home; returns its JSON report."""
    shutil.rmtree(home, ignore_errors=True)
    env = None
    if cache is not None:
        import os

        env = {**os.environ, "SARABAN_CMD": f"{sys.executable} {Path(__file__).resolve()} "
                                            f"--shim {cache}"}
    subprocess.run([str(run_sh), "score", "--project", str(ROOT), "--corpus", str(corpus),
                    "--keep", str(home)], check=False, env=env)
    return json.loads((home / "score.json").read_text(encoding="utf-8"))


def _read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _row_key(row: dict) -> tuple:
    code = (row.get("province_code") or "").split(".")[0]
    district = (row.get("district_code") or "").split(".")[0]
    unit = "".join((row.get("unit_label") or "").split())
    return (row.get("indicator") or "", row.get("period") or "", code, district, unit)


def wrong_cells_flagged(report: dict, home: Path) -> tuple[int, int]:
    """(wrong cells whose exported row has a flag, wrong cells) over matched rows."""
    out = home / "out"
    ids = {r["source_name"]: r["file_id"] for r in _read_csv(out / "files.csv")}
    flags: dict[tuple, str] = {}
    for row in _read_csv(out / "report_rows.csv"):
        flags[(row["file_id"], _row_key(row))] = row.get("flags") or ""
    wrong = [w for w in (report.get("rows") or {}).get("wrong_cells", []) if "cell" in w]
    flagged = 0
    for w in wrong:
        key = tuple(str(v) if v is not None else "" for v in w["key"])
        key = (*key[:4], "".join(key[4].split()))
        flagged += bool(flags.get((ids.get(w["file"], ""), key), ""))
    return flagged, len(wrong)


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, (int, float)) else "na"


def seed_figures(report: dict, home: Path) -> dict:
    """Everything printed for one seed."""
    figures = {k: (report.get("summary") or {}).get(k) for k in SUMMARY}
    rows, flags = report.get("rows") or {}, report.get("flags") or {}
    figures["precision"] = rows.get("precision")
    figures["false_flags"] = flags.get("false_flags")
    figures["flagged_rows"] = flags.get("flagged_rows_exported")
    good, wrong = wrong_cells_flagged(report, home)
    figures["wrong_cells_flagged"] = good / wrong if wrong else None
    figures["wrong_cells"] = wrong
    for fmt, cell in (rows.get("cells_by_format") or {}).items():
        figures[f"cells[{fmt}]"] = cell.get("accuracy")
    for field, value in ((report.get("letters") or {}).get("per_field") or {}).items():
        figures[f"letter.{field}"] = value
    return figures


def print_table(per_seed: dict[int, dict]) -> None:
    keys = list(dict.fromkeys(k for figs in per_seed.values() for k in figs))
    seeds = list(per_seed)
    print(f"{'figure':28}" + "".join(f"{s:>10}" for s in seeds) + f"{'mean':>10}")
    for key in keys:
        values = [per_seed[s].get(key) for s in seeds]
        nums = [v for v in values if isinstance(v, (int, float))]
        mean = statistics.fmean(nums) if nums else None
        print(f"{key:28}" + "".join(f"{_fmt(v):>10}" for v in values) + f"{_fmt(mean):>10}")


def shim(args: list[str]) -> int:
    """SARABAN_CMD stand-in: the real CLI, with the OCR cache seeded before and saved after."""
    cache, rest = Path(args[0]), args[1:]
    home = Path(rest[rest.index("--home") + 1]) if "--home" in rest else None
    target = home / "processed" / "cache" / "ocr" if home else None
    if target is not None and cache.is_dir():
        shutil.copytree(cache, target, dirs_exist_ok=True)
    code = subprocess.run([str(ROOT / ".venv" / "bin" / "saraban"), *rest], check=False).returncode
    if target is not None and target.is_dir():
        shutil.copytree(target, cache, dirs_exist_ok=True)
    return code


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    if args.shim is not None:
        return shim(args.shim)
    seeds = args.seeds or _fresh_seeds(args.k)
    print(f"seeds: {seeds}")
    per_seed: dict[int, dict] = {}
    for seed in seeds:
        corpus = make_corpus(args.run_sh, seed, (args.corpora or args.work) / f"wide{seed}")
        home = args.work / f"home{seed}"
        per_seed[seed] = seed_figures(score_corpus(args.run_sh, corpus, home, args.ocr_cache),
                                      home)
    print_table(per_seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
