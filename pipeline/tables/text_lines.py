"""Fallback table reader for plain text lines (a text layer without table structure).

A data line of a report form reads "1 เมืองสตูล 18 แห่ง 13 แห่ง 5 แห่ง -": a row number, a
name, three counts, an optional remark. Without rules or positions the column order is taken
to be the standard form's (total, established, not established), so this reader is a fallback.
"""

from __future__ import annotations

import re

from pipeline.tables.model import Grid

_COUNT = r"(\d[\d,]*(?:\s*แห่ง)?|-)"
_DATA_LINE = re.compile(
    rf"^\s*(?P<no>\d{{1,3}})?\s*(?P<name>[^\d\s][^\d]*?)\s+{_COUNT}\s+{_COUNT}\s+{_COUNT}"
    r"\s*(?P<rest>.*)$"
)
_TOTAL_LINE = re.compile(rf"^\s*(?P<name>รวม\S*)\s+{_COUNT}\s+{_COUNT}\s+{_COUNT}")


def _header(place_word: str) -> list[str]:
    return ["ที่", place_word, "จำนวนทั้งหมด", "จัดตั้งแล้ว", "ยังไม่จัดตั้ง", "หมายเหตุ"]


def _row(line: str) -> list[str] | None:
    total = _TOTAL_LINE.match(line)
    if total:
        return ["", total.group("name"), total.group(2), total.group(3), total.group(4), ""]
    m = _DATA_LINE.match(line)
    if not m:
        return None
    return [m.group("no") or "", m.group("name").strip(), m.group(3), m.group(4), m.group(5),
            m.group("rest").strip()]


def tables_from_text(text: str) -> list[tuple[Grid, int]]:
    """Runs of data lines as grids with a standard header, each with its first line index."""
    place_word = "จังหวัด" if "อำเภอ" not in text and "จังหวัด" in text else "อำเภอ"
    tables: list[tuple[Grid, int]] = []
    current: Grid = []
    start = 0
    for i, line in enumerate(text.splitlines()):
        row = _row(line)
        if row is not None:
            if not current:
                start = i
            current.append(row)
        elif current:
            tables.append(([_header(place_word), *current], start))
            current = []
    if current:
        tables.append(([_header(place_word), *current], start))
    return [(g, s) for g, s in tables if len(g) >= 3]
