"""A scanned row that does not add up, mended by another reading of one of its cells (ซ่อมตัวเลข).

The numeral reader keeps, for each count cell, the readings it nearly chose (its runner-up, the
page-table stage's reading it overruled). When total ≠ established + not established and exactly
one of those readings, put in its cell, makes the row add up, that reading is taken: a misread
digit (๓ read ๗ with a speck over it) is likelier than a form that disagrees with itself, and
the row's own arithmetic says which cell it was. The row stays flagged (`digit_repaired`) and
records what was read and why it was replaced, so a reviewer still checks it. With no such
reading, or several, nothing is changed and `sum_mismatch` stands.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.checks import add_flag
from pipeline.records import ReportRow

COUNTS = ("total", "established", "not_established")
REPAIR_FLAG = "digit_repaired"
REPAIR_NOTE = "repaired"  # the raw_cells key that says what was replaced and why


def repair_by_sum(row: ReportRow) -> bool:
    """Take the one other reading that makes `row` add up, if there is exactly one."""
    if None in _counts(row) or _adds_up(row):
        return False
    mends = [(role, value) for role in COUNTS for value in row.alternatives.get(role, [])
             if _adds_up(replace(row, **{role: value}))]
    if len(mends) != 1:
        return False
    _take(row, *mends[0])
    return True


def _take(row: ReportRow, role: str, value: int) -> None:
    read = getattr(row, role)
    setattr(row, role, value)
    row.alternatives[role] = [read, *(v for v in row.alternatives[role] if v not in (read, value))]
    row.raw_cells[REPAIR_NOTE] = (f"{role}: read {read}, taken {value}, the only other reading "
                                  "of the row's cells that makes total = established + not established")
    add_flag(row, REPAIR_FLAG)


def _counts(row: ReportRow) -> tuple[int | None, ...]:
    return tuple(getattr(row, role) for role in COUNTS)


def _adds_up(row: ReportRow) -> bool:
    total, established, not_established = _counts(row)
    return None not in (total, established, not_established) \
        and established + not_established == total  # type: ignore[operator]
