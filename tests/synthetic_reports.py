"""A small hand-made set of report rows, letters and files in the contract's shape.

Shared by the reconcile, national and corrections tests. Months 2024-01..2024-03:
- help_centre, province 53 (districts 5301, 5302): file a (Jan); files b and c both report Feb
  (c's letter is later and differs on 5302: a conflict); file f (Mar) whose printed total row
  fails `total_row_mismatch`.
- help_centre, province 58: file d (Jan, no letter; 5802 flagged duplicate_row_number); file e
  reports Feb but arrives late (letter in April); no March report: carried.
- joint_centre, province-level rows: file g (Jan: 11 and 13), no Feb reports at all, file h
  (Mar: 11 only, read with low confidence).
- file q is quarantined: its rows must be ignored.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from pipeline.dataset.reconcile import NUMBERS, PROGRESS_COLUMNS

# The place columns (indicator … district) as the progress table names and orders them.
_PLACE = PROGRESS_COLUMNS[: PROGRESS_COLUMNS.index(NUMBERS[0])]
COLUMNS = [
    "file_id",
    "page",
    "table_index",
    "row_index",
    *_PLACE,
    "unit_label",
    *NUMBERS,
    "remark",
    "confidence",
    "flags",
]
NAMES = {
    "53": "อุตรดิตถ์",
    "58": "แม่ฮ่องสอน",
    "11": "สมุทรปราการ",
    "13": "ปทุมธานี",
    "5301": "เมืองอุตรดิตถ์",
    "5302": "ตรอน",
    "5801": "เมืองแม่ฮ่องสอน",
    "5802": "ขุนยวม",
}


def row(
    file_id: str,
    indicator: str,
    period: str,
    district: str,
    numbers: tuple,
    *,
    province: str = "",
    unit: str = "",
    flags: str = "",
    confidence: float = 1.0,
    page: int = 1,
) -> dict:
    prov = province or district[:2]
    return {
        "file_id": file_id,
        "page": page,
        "table_index": 0,
        "row_index": 0,
        "indicator": indicator,
        "period": period,
        "province_code": prov,
        "province": NAMES[prov],
        "district_code": district if len(district) == 4 else "",
        "district": NAMES.get(district, "") if len(district) == 4 else "",
        "unit_label": unit,
        **dict(zip(NUMBERS, numbers, strict=True)),
        "remark": "",
        "confidence": confidence,
        "flags": flags,
    }


def _rows() -> list[dict]:
    h, j = "help_centre", "joint_centre"
    return [
        row("a", h, "2024-01", "5301", (1, 1, 0), unit="อบจ.อุตรดิตถ์"),
        row("a", h, "2024-01", "5301", (1, 0, 1), unit="เทศบาลเมืองอุตรดิตถ์"),
        row("a", h, "2024-01", "5301", (19, 10, 9)),
        row("a", h, "2024-01", "5302", (6, 2, 4), flags="name_corrected"),
        row("b", h, "2024-02", "5301", (21, 12, 9)),
        row("b", h, "2024-02", "5302", (6, 3, 3)),
        row("c", h, "2024-02", "5301", (21, 12, 9)),
        row("c", h, "2024-02", "5302", (6, 4, 2)),
        row("f", h, "2024-03", "5301", (21, 15, 6)),
        row("f", h, "2024-03", "5302", (6, 5, 1)),
        row("f", h, "2024-03", "53", (28, 20, 8), unit="รวม", flags="total_row_mismatch"),
        row("d", h, "2024-01", "5801", (24, 20, 4)),
        row("d", h, "2024-01", "5802", (9, 1, 8), flags="duplicate_row_number"),
        row("e", h, "2024-02", "5801", (24, 22, 2)),
        row("e", h, "2024-02", "5802", (9, 4, 5)),
        row("g", j, "2024-01", "11", (6, 5, 1)),
        row("g", j, "2024-01", "13", (7, 2, 5)),
        row("h", j, "2024-03", "11", (6, 6, 0), confidence=0.4),
        row("q", h, "2024-03", "5801", (24, 24, 0)),
    ]


def report_rows() -> pd.DataFrame:
    rows = pd.DataFrame(_rows(), columns=COLUMNS)
    rows["row_index"] = rows.groupby("file_id").cumcount()
    return rows


def letters() -> pd.DataFrame:
    d = dt.date
    data = [
        ("a", d(2024, 2, 5), None),
        ("b", d(2024, 3, 5), d(2024, 3, 9)),
        ("c", d(2024, 3, 10), None),
        ("e", d(2024, 4, 20), None),
        ("f", d(2024, 4, 5), None),
        ("g", d(2024, 2, 2), None),
        ("h", d(2024, 4, 2), None),
    ]
    return pd.DataFrame(
        [{"file_id": f, "letter_index": 0, "date": dt_, "received_date": r} for f, dt_, r in data]
    )


def files() -> pd.DataFrame:
    ids = ["a", "b", "c", "d", "e", "f", "g", "h"]
    data = [{"file_id": i, "source_name": f"{i}.pdf", "status": "processed"} for i in ids]
    data.append({"file_id": "q", "source_name": "q.pdf", "status": "quarantined"})
    return pd.DataFrame(data)
