"""A scanned row that does not add up, mended by another reading of one of its cells (ซ่อมตัวเลข).

The numeral reader keeps, for each count cell, the readings it nearly chose (its runner-up, the
page-table stage's reading it overruled). When total ≠ established + not established and exactly
one of those readings, put in its cell, makes the row add up, that reading is taken: a misread
digit (๓ read ๗ with a speck over it) is likelier than a form that disagrees with itself, and
the row's own arithmetic says which cell it was. The row stays flagged (`digit_repaired`) and
records what was read and why it was replaced, so a reviewer still checks it. With no such
reading, or several, nothing is changed and `sum_mismatch` stands.

A form's printed รวม row is a second witness: where one column's sum misses its printed total by
d and exactly one row that does not add up adds up with d taken from that column's cell (๑๓
read ๑๘: the row 14 18 1, the column five over), the row and the column both say which cell it
was and what it holds. Taken and flagged the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from extractors.checks import add_flag, column_sums
from extractors.places import province_districts
from pipeline.records import ReportRow

COUNTS = ("total", "established", "not_established")
REPAIR_FLAG = "digit_repaired"
REPAIR_NOTE = "repaired"  # the raw_cells key that says what was replaced and why
_READ_IN_CELL = "repaired_read"  # ...and the role whose value taken the reader had read in its cell


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


# A row whose every count was read surely is printed as read: a clerk's slip the รวม row was
# summed past (seen: 17 2 14 under a total row that counts 15), not a misread to mend. The
# misreads the column caught were read at 0.76–0.90.
SURE_READ = 0.95
_BY_ROW = "the only other reading of the row's cells that makes total = established + not established"
_BY_DISTRICTS = "the province's number of districts, which the row's parts add up to"
_BY_COLUMN = "the only value that makes both the row and the printed total row add up"


def repair_by_column(rows: Sequence[ReportRow], printed: Mapping[str, int | None] | None) -> bool:
    """Mend the one cell the printed รวม row and its own row both point at, if exactly one."""
    off = _columns_off(rows, printed or {})
    if len(off) != 1:
        return False
    (role, excess), = off.items()
    mends = [row for row in rows if not _adds_up(row) and row.confidence < SURE_READ
             and getattr(row, role) is not None
             and getattr(row, role) - excess >= 0
             and _adds_up(replace(row, **{role: getattr(row, role) - excess}))]
    if len(mends) != 1:
        return False
    _take(mends[0], role, getattr(mends[0], role) - excess, _BY_COLUMN)
    return True


def repair_by_districts(row: ReportRow) -> bool:
    """Mend a joint-centre province row's total that the gazetteer and the row's own sum both
    contradict with one value: the centre is counted once per district, and established + not
    established is that count (๒๕ read ๒๔ in a province of 25 districts, 0 + 25 beside it).
    Only an unsure reading: a surely read total is the form's own (`count_mismatch` stands)."""
    if (row.indicator != "joint_centre" or not row.province_code or row.district_code
            or None in _counts(row) or _adds_up(row) or row.confidence >= SURE_READ):
        return False
    districts = len(province_districts(row.province_code))
    if not districts or row.established + row.not_established != districts:  # type: ignore[operator]
        return False
    _take(row, "total", districts, _BY_DISTRICTS)
    return True


def _columns_off(rows: Sequence[ReportRow], printed: Mapping[str, int | None]) -> dict[str, int]:
    """Each column whose sum is not its printed total → by how much it is over."""
    sums = column_sums(rows)
    return {role: sums[role] - value for role, value in printed.items()
            if role in sums and value is not None and sums[role] != value}


def confirm_by_printed_totals(rows: Sequence[ReportRow], printed: Mapping[str, int | None] | None) -> None:
    """A repair the printed รวม row agrees with is no longer in doubt: after the repairs the
    repaired column sums to its printed total, the row adds up, and the value taken is one the
    reader read in the cell. Three witnesses then say the same (the cell's pixels, its row's
    sum, its column's total), and the flag would send a right row to review (seen: seven rows
    of seeds 1033–1036, each `๑๙` read `๑๓` and mended). Another column off its printed total
    does not undo that: the row adds up, so a misread there would put its own column off too;
    the รวม row's slip is the table's finding (seen: a total column printed 165 over rows
    summing to 155, and a row's not-established ๑๗ read ๗, mended, its column's 102 agreeing).
    The note of what was read stays."""
    totals = {role: value for role, value in (printed or {}).items() if value is not None}
    sums = column_sums(rows)
    for row in rows:
        role = row.raw_cells.get(_READ_IN_CELL)
        if REPAIR_FLAG in row.flags and role in totals and sums.get(role) == totals[role] \
                and _adds_up(row):
            row.flags.remove(REPAIR_FLAG)
            row.raw_cells[REPAIR_NOTE] += "; the printed total row agrees"


def confirm_by_districts(rows: Sequence[ReportRow]) -> None:
    """A joint-centre province row's repaired total that is its province's number of districts
    is no longer in doubt: the centre is counted once per district, so the gazetteer is a third
    witness beside the cell's own reading and the row's sum, as a printed รวม row is (seen: an
    attachment list with no รวม row, พิจิตร's ๑๒ read ๒ and mended to its 12 districts)."""
    for row in rows:
        if (REPAIR_FLAG in row.flags and row.raw_cells.get(_READ_IN_CELL) == "total"
                and row.indicator == "joint_centre" and row.province_code and not row.district_code
                and _adds_up(row) and row.total == len(province_districts(row.province_code))):
            row.flags.remove(REPAIR_FLAG)
            row.raw_cells[REPAIR_NOTE] += "; the province's number of districts agrees"


def undo_refuted_repairs(rows: Sequence[ReportRow], printed: Mapping[str, int | None] | None) -> None:
    """A repair the printed รวม row refutes is undone: its column summed to the printed total
    with the value read, and misses it with the value taken. The form disagrees with itself
    there, as printed (seen: ป่าโมก printed 3 3 1 under a รวม row counting the 1; the reader's
    runner-up 0 closed the row and went out as the count); `sum_mismatch` then says so."""
    totals = {role: value for role, value in (printed or {}).items() if value is not None}
    for row in rows:
        role = row.raw_cells.get(_READ_IN_CELL, "")
        if REPAIR_FLAG not in row.flags or role not in totals:
            continue
        taken, read = getattr(row, role), row.alternatives[role][0]
        column = column_sums(rows)[role]
        if column != totals[role] and column - taken + read == totals[role]:
            _undo(row, role, read, taken)


def _undo(row: ReportRow, role: str, read: int, taken: int) -> None:
    setattr(row, role, read)
    row.alternatives[role] = [taken, *row.alternatives[role][1:]]
    row.flags.remove(REPAIR_FLAG)
    del row.raw_cells[_READ_IN_CELL]
    row.raw_cells[REPAIR_NOTE] += "; undone: the printed total row counts the value read"


def _take(row: ReportRow, role: str, value: int, why: str = _BY_ROW) -> None:
    read = getattr(row, role)
    if value in row.alternatives.get(role, []):
        row.raw_cells[_READ_IN_CELL] = role  # the value taken is a reading of the cell's own
    setattr(row, role, value)
    row.alternatives[role] = [read, *(v for v in row.alternatives.get(role, []) if v not in (read, value))]
    row.raw_cells[REPAIR_NOTE] = f"{role}: read {read}, taken {value}, {why}"
    add_flag(row, REPAIR_FLAG)


def _counts(row: ReportRow) -> tuple[int | None, ...]:
    return tuple(getattr(row, role) for role in COUNTS)


def _adds_up(row: ReportRow) -> bool:
    total, established, not_established = _counts(row)
    return None not in (total, established, not_established) \
        and established + not_established == total  # type: ignore[operator]
