"""What the dataset says about an indicator: its KPI (ตัวชี้วัด) and the circular that set it.

A follow-up letter cites the earlier circular that defined the indicator and its target
(อ้างถึง). That is the earliest dated letter whose KPI names this indicator with a target,
preferring the fiscal year of the period followed up: the letters that came after it (a
province forwarding it, an earlier follow-up) repeat the KPI but did not set it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from pipeline.dataset.national import fiscal_year_be, indicator_of

_KPI_LETTERS = """
SELECT i.code, i.name, i.target_value, i.target_unit, i.fiscal_year, i.due_date,
       l.doc_number, l.date, l.urgency, l.sender, l.deadline_text, l.subject
FROM indicators i
JOIN letters l ON l.file_id = i.file_id AND l.letter_index = i.letter_index
WHERE i.target_value IS NOT NULL AND coalesce(l.doc_number, '') <> ''
  AND i.file_id IN (SELECT file_id FROM files WHERE status = 'processed')
"""


@dataclass(frozen=True)
class Kpi:
    """ตัวชี้วัด as the circular set it: `4.2`, its name, target and unit, fiscal year, due date."""

    code: str
    name: str
    target: float | None
    unit: str
    fiscal_year: int | None
    due_date: dt.date | None


@dataclass(frozen=True)
class Circular:
    """The earlier letter a follow-up cites (อ้างถึง)."""

    doc_number: str
    date: dt.date | None
    urgency: str
    sender: str
    deadline_text: str  # e.g. ทุกวันที่ 15 ของเดือน
    kpi: Kpi


def find_circular(conn: duckdb.DuckDBPyConnection, indicator: str, period: str) -> Circular | None:
    """The circular that defined `indicator` and its target, or None when the dataset has none."""
    rows = conn.execute(_KPI_LETTERS).df()
    rows = rows[[indicator_of(str(name or "")) == indicator for name in rows["name"]]]
    if rows.empty:
        return None
    rows = rows.assign(
        other_year=rows["fiscal_year"] != fiscal_year_be(period),
        when=pd.to_datetime(rows["date"]).fillna(pd.Timestamp.max),
    ).sort_values(["other_year", "when", "doc_number"], kind="stable")
    return _circular(rows.iloc[0])


def _circular(row: pd.Series) -> Circular:
    kpi = Kpi(
        code=_text(row["code"]), name=_text(row["name"]), target=_value(row["target_value"]),
        unit=_text(row["target_unit"]), fiscal_year=_int(row["fiscal_year"]), due_date=_date(row["due_date"]),
    )
    return Circular(doc_number=_text(row["doc_number"]), date=_date(row["date"]), urgency=_text(row["urgency"]),
                    sender=_text(row["sender"]), deadline_text=_text(row["deadline_text"]), kpi=kpi)


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _value(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def _date(value: object) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]
