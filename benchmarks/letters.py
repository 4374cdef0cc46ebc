"""Letter-field benchmark: every sample file with letters in its truth, through the pipeline.

Prints per-field accuracy over the truth letters (doc_number, date, urgency, subject, deadline,
references, signatory, received_date), overall, and separately over the values whose truth
holds no digit — the part that does not depend on the numeral reader. Then the same for the
other letters.csv fields, and for the indicators (truth KPI ↔ extracted KPI by code).

    .venv/bin/python benchmarks/letters.py [--samples DIR] [--work DIR] [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.process import process_file  # noqa: E402
from pipeline.records import Letter  # noqa: E402
from pipeline.thai.text import normalise_field  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"  # the shared/ beside the repo
FIELDS = ("doc_number", "date", "urgency", "subject", "deadline", "references", "signatory", "received_date")
# The rest of letters.csv, scored the same way and printed apart (the target is FIELDS).
OTHER_FIELDS = ("kind", "circular", "addressee", "sender", "attachments", "signatory_position",
                "received_number", "page_from", "page_to")


def _text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return normalise_field(str(value or ""))


def _refs_of_letter(letter: Letter) -> str:
    return json.dumps(sorted((r.doc_number, _text(r.date)) for r in letter.references), ensure_ascii=False)


def _refs_of_truth(refs: list[dict]) -> str:
    return json.dumps(sorted((_text(r["doc_number"]), _text(r["date"])) for r in refs), ensure_ascii=False)


def got_value(letter: Letter | None, name: str) -> str:
    if letter is None:
        return ""
    if name == "references":
        return _refs_of_letter(letter)
    if name == "attachments":
        return json.dumps([_text(a) for a in letter.attachments], ensure_ascii=False)
    return _text(getattr(letter, name))


def want_value(truth: dict, name: str) -> str:
    if name == "references":
        return _refs_of_truth(truth.get(name) or [])
    if name == "attachments":
        return json.dumps([_text(a) for a in truth.get(name) or []], ensure_ascii=False)
    return _text(truth.get(name))


def pair(truths: list[dict], letters: list[Letter]) -> list[tuple[dict, Letter | None]]:
    """Truth letter ↔ extracted letter: same number first, else the one starting on its page."""
    free = list(letters)
    pairs = []
    for truth in truths:
        match = next((x for x in free if x.doc_number and x.doc_number == _text(truth["doc_number"])), None)
        match = match or next((x for x in free if x.page_from == truth.get("page_from")), None)
        if match:
            free.remove(match)
        pairs.append((truth, match))
    return pairs


INDICATOR_FIELDS = ("code", "fiscal_year", "target_value", "target_unit", "name")


def _number(value: object) -> str:
    return "" if value in (None, "") else f"{float(value):g}"  # type: ignore[arg-type]


def _count(tally: dict, name: str, expected: str, actual: str, where: str, verbose: bool) -> None:
    ok = expected == actual
    bucket = "digit_free" if not re.search(r"\d", expected) else "with_digits"
    for key in ("all", bucket):
        tally[(name, key)][0] += ok
        tally[(name, key)][1] += 1
    if verbose and not ok:
        print(f"  {where} {name}: want {expected!r} got {actual!r}")


def score_indicators(where: str, truth: dict, got: Letter | None, tally: dict, verbose: bool) -> None:
    found = {i.code: i for i in (got.indicators if got else [])}
    for want in truth.get("indicators") or []:
        ind = found.get(str(want["code"]))
        for name in INDICATOR_FIELDS:
            expected = _number(want.get(name)) if name == "target_value" else _text(want.get(name))
            actual = "" if ind is None else (_number(ind.target_value) if name == "target_value"
                                             else _text(getattr(ind, name)))
            _count(tally, f"kpi_{name}", expected, actual, where, verbose)


def score_file(path: Path, truth: dict, work: Path, tally: dict, verbose: bool) -> None:
    _, extraction = process_file(path, work)
    for want, got in pair(truth["letters"], extraction.letters):
        for name in FIELDS + OTHER_FIELDS:
            _count(tally, name, want_value(want, name), got_value(got, name), path.name, verbose)
        score_indicators(path.name, want, got, tally, verbose)


def report(tally: dict, fields: tuple[str, ...] = FIELDS) -> None:
    print(f"{'field':<19}{'all':>12}{'digit-free':>14}{'with digits':>14}")
    totals = defaultdict(lambda: [0, 0])
    for name in fields:
        cells = []
        for key in ("all", "digit_free", "with_digits"):
            ok, n = tally[(name, key)]
            totals[key][0] += ok
            totals[key][1] += n
            cells.append(f"{ok}/{n}" + (f" {100 * ok / n:.0f}%" if n else ""))
        print(f"{name:<19}{cells[0]:>12}{cells[1]:>14}{cells[2]:>14}")
    overall = [f"{100 * ok / n:.1f}% ({ok}/{n})" if n else "-" for ok, n in
               (totals[k] for k in ("all", "digit_free", "with_digits"))]
    print(f"overall: {overall[0]}; digit-free: {overall[1]}; with digits: {overall[2]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    tally: dict = defaultdict(lambda: [0, 0])
    work = args.work or Path(tempfile.mkdtemp(prefix="saraban-letters-"))
    for truth_path in sorted((args.samples / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("letters"):
            score_file(args.samples / "inbox" / truth["file"], truth, work, tally, args.verbose)
    report(tally)
    print("\nother letters.csv fields:")
    report(tally, OTHER_FIELDS)
    print("\nindicators (by code):")
    report(tally, tuple(f"kpi_{n}" for n in INDICATOR_FIELDS))


if __name__ == "__main__":
    main()
