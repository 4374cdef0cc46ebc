"""Hand-filled receiving stamps: received number and date, page reading vs boxed-stamp re-read.

Fresh renders of a covering letter with a receiving stamp level with its letterhead (as on
the sample scans): random เลขรับ numbers and dates, Thai or Arabic digits, written in the
handwriting faces, then scanned (skew, noise, blur). Each page goes through the whole
per-file pipeline twice, in one run: the baseline without the box stage (the page's own
Tesseract layout, as before), then Saraban as it ships. Purisa oblique is no face the stamp
model was trained on (training leans upright Purisa by random shears instead, as hands lean):
its row is the held-out face.

    OMP_THREAD_LIMIT=1 .venv/bin/python benchmarks/stamps.py [--cases N] [--seed S] [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from unittest import mock

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows import process  # noqa: E402
from pipeline.synth.pages import Scan, Stamp, save_pdf, stamped_letter  # noqa: E402
from pipeline.thai.chars import to_thai

HANDS = ("Purisa", "Purisa:bold", "Purisa:oblique")  # fontconfig patterns
MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
LETTER_DATE = dt.date(2021, 12, 6)  # the rendered letter's own date: stamps fall after it


def random_case(rng: np.random.Generator, hand: str) -> tuple[Stamp, str, dt.date]:
    number = str(int(rng.integers(1, 10_000)))
    received = LETTER_DATE + dt.timedelta(days=int(rng.integers(1, 25)))
    text = f"{received.day} {MONTHS[received.month - 1]} {received.year + 543}"
    thai = rng.random() < 0.7
    written = (to_thai(number), to_thai(text)) if thai else (number, text)
    return Stamp(("สนง.ท้องถิ่นอำเภอศรีมหา", "โพธิ"), *written, "๑๐.๓๐ น.", hand=hand), number, received


def read(pdf: Path, work: Path, boxes: bool) -> tuple[str, dt.date | None, float]:
    """(received number, date, seconds in the box stage) of the pipeline with or without it."""
    spent = [0.0]
    stage = process.reocr_stamp_boxes
    def timed(doc, cache):  # the stage's own signature
        t0 = time.perf_counter()
        doc = stage(doc, cache) if boxes else doc
        spent[0] += time.perf_counter() - t0
        return doc
    with mock.patch.object(process, "reocr_stamp_boxes", timed):
        _, extraction = process.process_file(pdf, work)
    letter = extraction.letters[0] if extraction.letters else None
    return (letter.received_number, letter.received_date, spent[0]) if letter else ("", None, spent[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=8, help="stamps per hand")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    work = Path(tempfile.mkdtemp(prefix="saraban-stamps-"))
    tally: dict = defaultdict(lambda: [0, 0, 0, 0.0])  # (hand, variant) → number ok, date ok, n, seconds
    for hand in HANDS:
        for k in range(args.cases):
            stamp, number, received = random_case(rng, hand)
            scan = Scan(angle=float(rng.uniform(-0.8, 0.8)), noise=float(rng.uniform(0, 10)),
                        blur=float(rng.uniform(0, 0.8)), seed=int(rng.integers(1 << 30)))
            pdf = save_pdf([stamped_letter(stamp, scan)[0]], work / f"{hand}-{k}.pdf")
            for variant, boxes in (("baseline", False), ("saraban", True)):
                got_number, got_date, seconds = read(pdf, work, boxes)
                cell = tally[(hand, variant)]
                cell[0] += got_number == number
                cell[1] += got_date == received
                cell[2] += 1
                cell[3] += seconds
                if args.verbose and (got_number, got_date) != (number, received):
                    print(f"  {hand} {variant}: {stamp.number} {stamp.date} → {got_number!r} {got_date}")
    report(tally)


def report(tally: dict) -> None:
    print(f"{'hand':<16}{'variant':<10}{'number':>10}{'date':>10}{'box s/page':>12}")
    for (hand, variant), (numbers, dates, n, seconds) in sorted(tally.items()):
        print(f"{hand:<16}{variant:<10}{numbers:>5}/{n:<4}{dates:>5}/{n:<4}{seconds / n:>12.2f}")
    for variant in ("baseline", "saraban"):
        cells = [v for (_, var), v in tally.items() if var == variant]
        numbers, dates, n = (sum(c[i] for c in cells) for i in range(3))
        print(f"{variant}: numbers {100 * numbers / n:.0f}% ({numbers}/{n}), "
              f"dates {100 * dates / n:.0f}% ({dates}/{n})")


if __name__ == "__main__":
    main()
