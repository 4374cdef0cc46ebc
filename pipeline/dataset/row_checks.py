"""Checks a report row must pass before it can be reconciled: it can be placed, its counts can be.

Extractors emit whatever the page gave them: a scanned form whose caption month could not be
read yields rows without a period; a misread name yields rows without a place. Such a row
cannot have a key in `progress`, so it is kept out of `progress` and `national`, kept in
`report_rows` as read, and flagged so it lands in the `needs_review` view and the review sheet.
A count no form can hold (negative, not whole, more than every local government in Thailand)
is flagged too, and counts as unknown in the derived tables. Nothing here raises or fixes.

The same rule runs when rows are extracted (flags stored with the row as read) and when the
dataset is rebuilt (after corrections, so a corrected period clears `no_period`). A row an
analyst marked `reviewed` keeps no flag of this module: it was seen as it stands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import geothai
import pandas as pd

from pipeline.records import ReportRow

NUMBERS = ("total", "established", "not_established")
PLACEMENT_FLAGS = ("no_indicator", "no_period", "bad_period", "no_place", "bad_place")
COUNT_FLAG = "impossible_count"
ROW_CHECK_FLAGS = frozenset({*PLACEMENT_FLAGS, COUNT_FLAG})
# Gregorian years a report period can carry. A year outside is a misreading, typically a
# Buddhist-era year left unconverted (2561-03): kept and flagged, never shifted by 543 here.
PERIOD_YEARS = range(1990, 2101)
# More organisations in one row than Thailand has local governments (about 7,850) many times
# over is a misreading, not a count.
MAX_COUNT = 100_000
_PERIOD = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def is_period(value: object) -> bool:
    """True for a `YYYY-MM` text with a real month in `PERIOD_YEARS`."""
    found = _PERIOD.fullmatch(text_of(value))
    return bool(found) and int(found.group(1)) in PERIOD_YEARS


def text_of(value: object) -> str:
    """A key cell as text: unknown (None, NaN, NA) is empty."""
    if value is None or (not isinstance(value, str) and _is_missing(value)):
        return ""
    return str(value).strip()


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes are not a missing scalar
        return False


def placement_flags(indicator: object, period: object, province_code: object,
                    district_code: object) -> list[str]:
    """Why a row cannot be given a `progress` key; empty when it can."""
    flags = [] if text_of(indicator) else ["no_indicator"]
    if not is_period(period):
        flags.append("bad_period" if text_of(period) else "no_period")
    return flags + _place_flags(text_of(province_code), text_of(district_code))


def _place_flags(province: str, district: str) -> list[str]:
    if not province:
        return ["no_place"]
    if geothai.province(province) is None:
        return ["bad_place"]
    found = geothai.district(district) if district else None
    if district and (found is None or found.province_code != province):
        return ["bad_place"]
    return []


def whole_count(value: object) -> int | None:
    """A count as a Python int, or None when unknown or impossible (see `MAX_COUNT`)."""
    if isinstance(value, bool) or _is_missing(value):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(number) or number != int(number) or not 0 <= number <= MAX_COUNT:
        return None
    return int(number)


def is_impossible(total: object, established: object, not_established: object) -> bool:
    """A count present but not a count, or a part larger than its whole."""
    raw = (total, established, not_established)
    counts = [whole_count(v) for v in raw]
    if any(c is None and not _is_missing(v) for c, v in zip(counts, raw, strict=True)):
        return True
    whole, *parts = counts
    return whole is not None and any(p is not None and p > whole for p in parts)


def row_check_flags(indicator: object, period: object, province_code: object, district_code: object,
                    counts: Iterable[object]) -> list[str]:
    """Every flag of this module that applies to one row's values."""
    flags = placement_flags(indicator, period, province_code, district_code)
    return flags + [COUNT_FLAG] if is_impossible(*counts) else flags


def merge_flags(existing: list[str], found: list[str]) -> list[str]:
    """Existing flags with this module's replaced by `found`; none at all once `reviewed`."""
    kept = [f for f in existing if f not in ROW_CHECK_FLAGS]
    return kept if "reviewed" in existing else list(dict.fromkeys([*kept, *found]))


def check_report_rows(rows: list[ReportRow]) -> list[ReportRow]:
    """Flag extracted rows in place (the flags stored with the row as read)."""
    for row in rows:
        found = row_check_flags(row.indicator, row.period, row.province_code, row.district_code,
                                (row.total, row.established, row.not_established))
        row.flags = merge_flags(list(row.flags), found)
    return rows


def check_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """A copy of report rows with this module's flags recomputed from the current values."""
    out = rows.copy()
    if out.empty:
        return out
    columns = ["indicator", "period", "province_code", "district_code", *NUMBERS]
    values = out.reindex(columns=columns).itertuples(index=False, name=None)
    existing = out["flags"] if "flags" in out else pd.Series([""] * len(out), index=out.index)
    out["flags"] = [";".join(merge_flags(split_flags(f), row_check_flags(*v[:4], v[4:])))
                    for f, v in zip(existing, values, strict=True)]
    return out


def placeable_mask(rows: pd.DataFrame) -> pd.Series:
    """True for rows that can be given a `progress` key."""
    columns = ["indicator", "period", "province_code", "district_code"]
    values = rows.reindex(columns=columns).itertuples(index=False, name=None)
    return pd.Series([not placement_flags(*v) for v in values], index=rows.index, dtype=bool)


def split_flags(flags: object) -> list[str]:
    """Flags as a list, from the contract's ';'-joined text (or an already split list)."""
    if isinstance(flags, list | tuple | set):
        return [str(f) for f in flags if f]
    return [f for f in text_of(flags).split(";") if f]
