"""Report-row benchmark: every sample file through the pipeline, scored against its truth.

Prints per format (scanned_pdf, image, digital_pdf, xlsx): row recall (truth rows matched on
indicator, period, province_code, district_code, unit_label), numeric cell accuracy over the
truth rows, and whether every deliberate fault in truth was flagged.

    .venv/bin/python benchmarks/report_rows.py [--samples DIR] [--work DIR] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.report_forms import ReportForms, extract_report_forms  # noqa: E402
from pipeline.records import Document, Letter, ReportRow  # noqa: E402
from pipeline.tables.pdf_tables import tables_from_pdf_page  # noqa: E402
from pipeline.thai.text import normalise_field  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"  # the shared/ beside the repo
FORMATS = ("scanned_pdf", "image", "digital_pdf", "xlsx")
NUMBERS = ("total", "established", "not_established")
FAULT_FLAGS = {"name_misspelt": "name_corrected"}  # truth fault → the flag that reports it


@dataclass
class Score:
    truth_rows: int = 0
    matched: int = 0
    cells: int = 0
    cells_ok: int = 0
    faults: int = 0
    faults_flagged: int = 0
    extra_rows: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def _key(indicator: str, period: str, province: str, district: str, unit: str) -> tuple:
    return (indicator, period, province, district, normalise_field(unit).replace(" ", ""))


def _row_key(r: ReportRow) -> tuple:
    return _key(r.indicator, r.period, r.province_code, r.district_code, r.unit_label)


def _truth_key(t: dict) -> tuple:
    return _key(t["indicator"], t["period"], t["province_code"], t["district_code"],
                t["unit_label"])


def process(path: Path, work: Path) -> tuple[Document, list[Letter], dict[int, str]]:
    """The owner's pipeline; while others' stages are unfinished, its load and OCR stages alone."""
    from flows.process import normalise_pages, ocr_options, reread_numerals
    from flows.process import process_file as run
    from pipeline.config import load_settings

    settings = load_settings().model_copy(update={"ocr_workers": 1})
    try:
        doc, extraction = run(path, work, settings)
        return doc, extraction.letters, extraction.page_roles
    except Exception as e:  # noqa: BLE001 — another stage under construction; report and go on
        print(f"  note: process_file failed on {path.name}: {type(e).__name__}: {e}",
              file=sys.stderr)
    from pipeline.loading import load_document
    from pipeline.ocr.stage import ocr_pages

    doc = load_document(path, path.name, settings)
    ocr_pages(doc.pages, ocr_options(settings), work, 1)  # cached by the failed run
    doc = normalise_pages(reread_numerals(doc))
    return doc, _try_letters(doc), {}


def _try_letters(doc: Document) -> list[Letter]:
    try:
        from extractors.letters import extract_letters

        return extract_letters([(p.number, p.text) for p in doc.pages])
    except Exception:  # noqa: BLE001
        return []


def fill_tables(doc: Document, path: Path) -> None:
    """Until loading does it: pdfplumber grids for text-layer pages (see Page.tables)."""
    for page in doc.pages:
        if page.source == "text_layer" and page.tables is None:
            page.tables = tables_from_pdf_page(path, page.number)


def _match(rows: list[ReportRow], truth: list[dict]) -> list[tuple[dict, ReportRow | None]]:
    pool: dict[tuple, list[ReportRow]] = defaultdict(list)
    for r in rows:
        pool[_row_key(r)].append(r)
    return [(t, pool[_truth_key(t)].pop(0) if pool[_truth_key(t)] else None) for t in truth]


def _fault_flagged(fault: str, row: ReportRow | None) -> bool:
    return row is not None and FAULT_FLAGS.get(fault, fault) in row.flags


def score_file(truth: dict, forms: ReportForms, score: Score) -> None:
    rows = forms.rows
    pairs = _match(rows, truth["report_rows"])
    score.truth_rows += len(pairs)
    score.extra_rows += len(rows) - sum(1 for _, r in pairs if r is not None)
    for t, r in pairs:
        score.matched += r is not None
        if r is None:
            score.misses.append(f"{truth['file']}: no row for {t['printed_name']}")
        for name in NUMBERS:
            score.cells += 1
            ok = r is not None and getattr(r, name) == t[name]
            score.cells_ok += ok
            if r is not None and not ok:
                score.misses.append(f"{truth['file']}: {t['printed_name']} {name} "
                                    f"{getattr(r, name)} != {t[name]}")
        for fault in t.get("faults", []):
            score.faults += 1
            flagged = _fault_flagged(fault, r)
            score.faults_flagged += flagged
            if not flagged:
                score.misses.append(f"{truth['file']}: {t['printed_name']} fault {fault} missed")
    for table in truth.get("tables", []):
        for fault in table.get("faults", []):
            score.faults += 1
            score.faults_flagged += any(fault == f.flag for f in forms.table_findings)


def run(samples: Path, work: Path, verbose: bool) -> dict[str, Score]:
    scores = {f: Score() for f in FORMATS}
    for truth_path in sorted((samples / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("format") not in scores or truth.get("expect_status") != "processed":
            continue
        path = samples / "inbox" / truth["file"]
        started = time.perf_counter()
        doc, letters, roles = process(path, work)
        fill_tables(doc, path)
        forms = extract_report_forms(doc, letters, roles)
        score = scores[truth["format"]]
        score.seconds += time.perf_counter() - started
        score_file(truth, forms, score)
        if verbose:
            for r in forms.rows:
                print(f"  {truth['file']} p{r.page} {r.indicator} {r.period} {r.province_code} "
                      f"{r.district_code} {r.unit_label!r} {r.total}/{r.established}/"
                      f"{r.not_established} {r.confidence} {';'.join(r.flags)}")
    return scores


def report(scores: dict[str, Score], verbose: bool) -> None:
    print(f"{'format':12} {'rows':>5} {'recall':>7} {'cells':>6} {'cell acc':>8} "
          f"{'faults':>7} {'extra':>5} {'sec':>6}")
    for name, s in scores.items():
        recall = s.matched / s.truth_rows if s.truth_rows else float("nan")
        acc = s.cells_ok / s.cells if s.cells else float("nan")
        faults = f"{s.faults_flagged}/{s.faults}"
        print(f"{name:12} {s.truth_rows:5d} {recall:7.3f} {s.cells:6d} {acc:8.3f} {faults:>7} "
              f"{s.extra_rows:5d} {s.seconds:6.1f}")
    if verbose:
        for s in scores.values():
            for miss in s.misses:
                print("  miss:", miss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--work", type=Path, default=Path("/tmp/saraban_bench_work"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    report(run(args.samples, args.work, args.verbose), args.verbose)


if __name__ == "__main__":
    main()
