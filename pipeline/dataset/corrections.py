"""Analyst corrections (การแก้ไขโดยเจ้าหน้าที่), kept apart from what was extracted.

A correction names a report row by file_id + page + table_index + row_index, so it survives
re-processing the same file: extraction rebuilds `report_rows`, and `apply_corrections` lays
the corrections on top again before reconciliation. A correction whose row no longer exists,
or whose field is unknown, is reported as a problem, never silently dropped.

The review sheet round trip (`write_review_sheet` / `read_review_sheet`): rows that need review
go out as an xlsx with yellow editable cells; edited cells come back as corrections, compared
against a hidden copy of the values as written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from pathlib import Path

import geothai
import pandas as pd
from openpyxl import Workbook, load_workbook

from pipeline.dataset.reconcile import FAILING_FLAGS, failing_mask, split_flags
from pipeline.publish.workbook import write_table

ROW_KEY = ["file_id", "page", "table_index", "row_index"]
CORRECTION_COLUMNS = [
    "correction_id",
    *ROW_KEY,
    "field",
    "old_value",
    "new_value",
    "reason",  # why: the analyst's ground (e.g. "ตรวจกับต้นฉบับหน้า 2")
    "note",
    "author",
    "created_at",
]
PROBLEM_COLUMNS = ["correction_id", *ROW_KEY, "field", "problem", "detail"]
INT_FIELDS = ("total", "established", "not_established")
TEXT_FIELDS = ("period", "province_code", "district_code", "unit_label", "remark")
# `reviewed` is a pseudo-field: "true" means an analyst checked the row as it stands, which
# clears its failing flags (the row keeps a `reviewed` flag so the trail stays visible).
EDITABLE_FIELDS = (*INT_FIELDS, *TEXT_FIELDS, "reviewed")


def new_correction(
    key: tuple[str, int, int, int],
    field: str,
    old_value: object,
    new_value: object,
    *,
    author: str,
    created_at: dt.datetime,
    reason: str = "",
    note: str = "",
) -> dict[str, object]:
    """One correction record; its id is a hash of what it says, so re-reading is idempotent."""
    record = dict(zip(ROW_KEY, key, strict=True))
    record.update(
        field=field,
        old_value=_text(old_value),
        new_value=_text(new_value),
        reason=reason,
        note=note,
        author=author,
        created_at=created_at,
    )
    basis = "|".join(str(record[c]) for c in [*ROW_KEY, "field", "new_value", "author"])
    record["correction_id"] = hashlib.sha256(f"{basis}|{created_at}".encode()).hexdigest()[:16]
    return {c: record[c] for c in CORRECTION_COLUMNS}


def corrections_frame(records: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=CORRECTION_COLUMNS)


def apply_corrections(
    report_rows: pd.DataFrame, corrections: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Lay corrections over extracted rows, oldest first so the latest edit wins.

    Returns the corrected rows (flag `corrected` added where anything changed) and the
    problems: `row_missing`, `unknown_field`, `bad_value`, and `old_value_changed` (applied,
    but the extraction now reads something other than what the analyst corrected).
    """
    rows = report_rows.copy().reset_index(drop=True)
    problems: list[dict[str, object]] = []
    if corrections is None or corrections.empty:
        return rows, pd.DataFrame(columns=PROBLEM_COLUMNS)
    index = {_key(r): i for i, r in enumerate(rows[ROW_KEY].itertuples(index=False, name=None))}
    ordered = corrections.sort_values(["created_at", "correction_id"], kind="stable")
    for corr in ordered.to_dict("records"):
        problem = _apply_one(rows, index.get(_key(tuple(corr[c] for c in ROW_KEY))), corr)
        if problem:
            problems.append(
                {**{c: corr.get(c) for c in ["correction_id", *ROW_KEY, "field"]}, **problem}
            )
    return rows, pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


def _apply_one(rows: pd.DataFrame, i: int | None, corr: dict) -> dict[str, str] | None:
    """Apply one correction in place; return a problem record or None."""
    field = str(corr["field"])
    if i is None:
        return {"problem": "row_missing", "detail": "no such row after re-processing"}
    if field not in EDITABLE_FIELDS:
        return {"problem": "unknown_field", "detail": f"{field} is not editable"}
    try:
        value = _parse(field, corr["new_value"])
    except ValueError as e:
        return {"problem": "bad_value", "detail": str(e)}
    current = "" if field == "reviewed" else _text(rows.at[i, field])
    _set(rows, i, field, value)
    old = _text(corr.get("old_value"))
    if field != "reviewed" and current not in (old, _text(corr["new_value"])):
        return {"problem": "old_value_changed", "detail": f"extracted now {current!r}, was {old!r}"}
    return None


def _set(rows: pd.DataFrame, i: int, field: str, value: object) -> None:
    """Write a value and keep dependent columns (names, flags) consistent with it."""
    flags = split_flags(rows.at[i, "flags"])
    if field == "reviewed":
        flags = [f for f in flags if f not in FAILING_FLAGS] + ["reviewed"] if value else flags
    else:
        rows[field] = rows[field].astype(object)
        rows.at[i, field] = value
        flags = _recheck_sum(rows, i, flags)
        _fill_names(rows, i, field, value)
    flags = flags + ["corrected"]
    rows.at[i, "flags"] = ";".join(dict.fromkeys(flags))


def _recheck_sum(rows: pd.DataFrame, i: int, flags: list[str]) -> list[str]:
    """sum_mismatch is about the numbers, so it follows them after an edit."""
    nums = [pd.to_numeric(rows.at[i, c], errors="coerce") for c in INT_FIELDS]
    if any(pd.isna(n) for n in nums):
        return flags
    ok = nums[0] == nums[1] + nums[2]
    kept = [f for f in flags if f != "sum_mismatch"]
    return kept if ok else [*kept, "sum_mismatch"]


def _fill_names(rows: pd.DataFrame, i: int, field: str, code: object) -> None:
    if field == "district_code" and code:
        district = geothai.district(str(code))
        rows.at[i, "district"] = district.name_th if district else ""
    if field == "province_code" and code:
        province = geothai.province(str(code))
        rows.at[i, "province"] = province.name_th if province else ""


def _parse(field: str, value: object) -> object:
    text = _text(value)
    if field in INT_FIELDS:
        if text == "":
            return None
        if not text.lstrip("-").isdigit():
            raise ValueError(f"{field} must be a whole number, got {text!r}")
        return int(text)
    if field == "reviewed":
        return text.lower() in {"true", "1", "yes", "y", "ok", "✓", "ใช่", "ถูกต้อง"}
    if field == "district_code" and text and not geothai.district(text):
        raise ValueError(f"{text!r} is not a district code in the gazetteer")
    return text


def _key(values: tuple) -> tuple[str, int, int, int]:
    file_id, page, table, row = values
    return (str(file_id), int(page), int(table), int(row))


def _text(value: object) -> str:
    """Values are stored as text: integers without '.0', unknown as ''."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


REVIEW_SHEET = "ตรวจสอบและแก้ไข"
ORIGINAL_SHEET = "_original"  # hidden: values as written, to tell edits from untouched cells
SHEET_FIELDS = ("total", "established", "not_established", "district_code", "remark", "reviewed")
_CONTEXT = [
    "file_id",
    "source_name",
    "page",
    "table_index",
    "row_index",
    "indicator",
    "period",
    "province",
    "district",
    "unit_label",
    "flags",
    "confidence",
    "raw_cells",
]
_META = ["reason", "note", "author"]


def write_review_sheet(
    rows: pd.DataFrame,
    path: Path,
    *,
    files: pd.DataFrame | None = None,
    raw_paths: Mapping[str, str] | None = None,
) -> Path:
    """An xlsx of the rows needing review, with editable numbers, district, remark, ✓ reviewed."""
    picked = rows[failing_mask(rows)].copy() if len(rows) else rows.copy()
    names = (
        {}
        if files is None or files.empty
        else dict(zip(files["file_id"], files["source_name"], strict=False))
    )
    picked["source_name"] = picked["file_id"].map(names).fillna("") if len(picked) else ""
    picked["reviewed"] = ""
    for col in [*_CONTEXT, *SHEET_FIELDS, *_META]:
        if col not in picked:
            picked[col] = ""
    picked = picked.sort_values(ROW_KEY, kind="stable").reset_index(drop=True)
    wb = Workbook()
    ws = wb.active
    ws.title = REVIEW_SHEET
    write_table(ws, picked[[*_CONTEXT, *SHEET_FIELDS, *_META]], editable=(*SHEET_FIELDS, *_META))
    original = wb.create_sheet(ORIGINAL_SHEET)
    original.append([*ROW_KEY, *SHEET_FIELDS])
    for record in picked[[*ROW_KEY, *SHEET_FIELDS]].itertuples(index=False, name=None):
        original.append([_text(v) for v in record])
    original.sheet_state = "hidden"
    path = Path(path)
    wb.save(path)
    return path


def read_review_sheet(
    path: Path, *, author: str = "", now: dt.datetime | None = None
) -> pd.DataFrame:
    """Corrections for every editable cell that differs from what was written."""
    wb = load_workbook(path, read_only=True, data_only=True)
    originals = {
        _key(r[:4]): dict(zip(SHEET_FIELDS, r[4:], strict=False))
        for r in wb[ORIGINAL_SHEET].iter_rows(min_row=2, values_only=True)
    }
    sheet = wb[REVIEW_SHEET].iter_rows(min_row=2, values_only=True)
    header = [str(h) for h in next(sheet)]
    when = now or dt.datetime.now().replace(microsecond=0)
    records = []
    for values in sheet:
        cells = dict(zip(header, values, strict=False))
        key = _key(tuple(cells[c] for c in ROW_KEY))
        records += _edits(key, cells, originals.get(key, {}), author, when)
    wb.close()
    return corrections_frame(records)


def _edits(key: tuple, cells: dict, original: dict, author: str, when: dt.datetime) -> list[dict]:
    who = _text(cells.get("author")) or author
    meta = {"reason": _text(cells.get("reason")), "note": _text(cells.get("note"))}
    return [
        new_correction(
            key, field, original.get(field), cells.get(field), author=who, created_at=when, **meta
        )
        for field in SHEET_FIELDS
        if _text(cells.get(field)) != _text(original.get(field))
    ]
