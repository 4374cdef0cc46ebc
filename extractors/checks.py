"""Checks on report-form rows (การตรวจสอบ): they flag, they never fix.

Every number stays as printed; a check adds a flag from the contract's list so a reviewer
sees where the printed form disagrees with itself, with the gazetteer or with its letter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractors.places import match_province, province_districts
from pipeline.records import ReportRow

NUMERIC_FIELDS = ("total", "established", "not_established")
LOW_CONFIDENCE = 0.6  # reading confidence below which a row is flagged for review

# How much each finding lowers a row's confidence (multiplicative): a row that disagrees with
# itself is likelier to hold a misread number.
_PENALTY = {
    "sum_mismatch": 0.6,
    "digit_repaired": 0.6,  # adds up only with a reading the reader did not choose first
    "duplicate_row_number": 0.9,
    "count_mismatch": 0.8,
    "province_conflict": 0.9,
    "name_corrected": 0.95,
}


@dataclass
class CheckedTable:
    """One logical table (possibly continued over pages) as the checks see it."""

    indicator: str
    rows: list[ReportRow]
    row_numbers: list[int | None] = field(default_factory=list)
    printed_totals: dict[str, int | None] | None = None
    findings: list[str] = field(default_factory=list)  # checks failing for the table as a whole
    read_by_ocr: bool = False  # numbers read from an image, where a digit may be misread


def add_flag(row: ReportRow, flag: str) -> None:
    if flag not in row.flags:
        row.flags.append(flag)


def check_sums(rows: Iterable[ReportRow]) -> None:
    """`sum_mismatch`: established + not established ≠ total on the same row."""
    for row in rows:
        parts = (row.total, row.established, row.not_established)
        if None not in parts and row.established + row.not_established != row.total:
            add_flag(row, "sum_mismatch")


def column_sums(rows: Sequence[ReportRow]) -> dict[str, int]:
    return {f: sum(getattr(r, f) or 0 for r in rows) for f in NUMERIC_FIELDS}


def check_total_row(table: CheckedTable) -> None:
    """`total_row_mismatch`: the printed รวม row ≠ the column sums.

    A finding of the table, not of its rows: nothing says which row (if any) is off, and
    flagging them all would bury the rows that do fail among the ones that do not. The rows
    that disagree with themselves carry their own `sum_mismatch`.
    """
    if not table.printed_totals or not table.rows:
        return
    sums = column_sums(table.rows)
    if any(printed is not None and name in sums and sums[name] != printed
           for name, printed in table.printed_totals.items()):
        table.findings.append("total_row_mismatch")


def check_row_numbers(table: CheckedTable) -> None:
    """`duplicate_row_number`: a ที่ number already used above; the later row is flagged.

    On a scan, not when the number sits in a slot its neighbours frame exactly (7, 3, 9), nor
    when the last row repeats a number from further up than the row above it (15, 16, 13): OCR
    misread that digit in place (๗ as ๓), and nothing else in the table repeats. A repeat of
    the row above (8, 8, the form's copy slip), one the following numbers carry on from
    (3, 3, 4), or any repeat in a sheet or text layer, is the form's own."""
    numbers = table.row_numbers
    seen: set[int] = set()
    for i, (row, number) in enumerate(zip(table.rows, numbers, strict=False)):
        if number is None:
            continue
        if number in seen and not (table.read_by_ocr and _misread_in_place(numbers, i)):
            add_flag(row, "duplicate_row_number")
        seen.add(number)


def _misread_in_place(numbers: Sequence[int | None], i: int) -> bool:
    """The numbers either side of `i` leave exactly one number for it (…, 7, ?, 9, …), or it
    ends the table and is not the number of the row above it."""
    before = numbers[i - 1] if i > 0 else None
    after = numbers[i + 1] if i + 1 < len(numbers) else None
    if i == len(numbers) - 1:
        return before is not None and numbers[i] != before
    return before is not None and after is not None and after == before + 2


def check_counts(table: CheckedTable, letter_provinces: Sequence[str] = ()) -> None:
    """`count_mismatch` on joint_centre province rows.

    The joint centre is counted per district (Bangkok: per khet), so a province row's total
    must equal its number of districts; and a province the covering letter does not list is
    out of place in the letter's table.
    """
    if table.indicator != "joint_centre":
        return
    listed = {m.code for m in (match_province(p) for p in letter_provinces) if m}
    for row in table.rows:
        if not row.province_code or row.district_code:
            continue
        expected = len(province_districts(row.province_code))
        if row.total is not None and expected and row.total != expected:
            add_flag(row, "count_mismatch")
        if listed and row.province_code not in listed:
            add_flag(row, "count_mismatch")


# A row whose three numbers add up vouches for its own reading: a misread digit that keeps
# total = established + not established is rare, so the doubt left by the reader is halved.
_AGREEMENT = 0.5


def _adds_up(row: ReportRow) -> bool:
    parts = (row.total, row.established, row.not_established)
    return None not in parts and row.established + row.not_established == row.total


def score_rows(rows: Iterable[ReportRow]) -> None:
    """Fold check findings into each row's confidence and flag low reading confidence."""
    for row in rows:
        if _adds_up(row):
            row.confidence = 1.0 - (1.0 - row.confidence) * _AGREEMENT
        if row.confidence < LOW_CONFIDENCE:
            add_flag(row, "low_confidence")
        for flag in row.flags:
            row.confidence *= _PENALTY.get(flag, 1.0)
        row.confidence = round(max(0.0, min(1.0, row.confidence)), 3)


def run_checks(table: CheckedTable, letter_provinces: Sequence[str] = ()) -> None:
    """All checks on one logical table, then confidence scoring."""
    check_sums(table.rows)
    check_total_row(table)
    check_row_numbers(table)
    check_counts(table, letter_provinces)
    score_rows(table.rows)
