"""Deadlines: what letters and indicators set as due, what falls due soon, what is overdue,
and which provinces have not reported for the latest month.

A recurring deadline ("ทุกวันที่ 15 ของเดือน", kept in letters.deadline_text) falls due on its
next day of the month from today, the last day of a shorter month when the day does not exist.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any

import duckdb

from web.dataset import records
from web.words import clean

SOON_DAYS = 14
OVERDUE_DAYS = 90  # older deadlines are history, not work
_RECURRING = re.compile(r"ทุก\s*วันที่\s*(\d{1,2})")
_INDICATOR_WORDS = (("joint_centre", "ศูนย์ปฏิบัติการร่วม"), ("help_centre", "ศูนย์ช่วยเหลือประชาชน"))


def next_monthly(day: int, today: dt.date) -> dt.date:
    """The next `day` of a month on or after today."""
    year, month = today.year, today.month
    for _ in range(2):
        due = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if due >= today:
            return due
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return due


@lru_cache(maxsize=4096)  # the same few wordings recur across thousands of letters
def recurring_day(text: str | None) -> int | None:
    found = _RECURRING.search(clean(text or ""))
    day = int(found.group(1)) if found else 0
    return day if 1 <= day <= 31 else None


def indicator_of(name: str | None) -> str:
    return next((key for key, words in _INDICATOR_WORDS if words in (name or "")), "")


def due_items(conn: duckdb.DuckDBPyConnection, today: dt.date) -> list[dict[str, Any]]:
    """Every dated obligation: letters' deadlines (one-off or the next recurring day) and KPI due dates."""
    items, oldest = [], today - dt.timedelta(days=OVERDUE_DAYS)  # older ones are never shown
    for row in records(conn, """SELECT file_id, letter_index, doc_number, subject, sender, deadline, deadline_text
                                FROM letters WHERE deadline >= ? OR deadline_text LIKE '%ทุก%'""", [oldest]):
        day = recurring_day(row["deadline_text"])
        due = next_monthly(day, today) if day else _as_date(row["deadline"])
        if due:
            items.append({**row, "kind": "letter", "due": due, "recurring": bool(day)})
    for row in records(conn, """SELECT i.file_id, i.letter_index, i.code, i.name, i.target_value, i.target_unit,
                                       i.due_date, l.doc_number FROM indicators i
                                LEFT JOIN letters l USING (file_id, letter_index) WHERE i.due_date >= ?""", [oldest]):
        items.append({**row, "kind": "indicator", "due": _as_date(row["due_date"]), "recurring": False,
                      "indicator": indicator_of(row["name"])})
    return sorted(items, key=lambda i: i["due"])


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def split(items: list[dict], today: dt.date) -> dict[str, list[dict]]:
    soon = today + dt.timedelta(days=SOON_DAYS)
    oldest = today - dt.timedelta(days=OVERDUE_DAYS)
    for item in items:
        item["days"] = (item["due"] - today).days
    return {
        "overdue": [i for i in reversed(items) if oldest <= i["due"] < today],
        "soon": [i for i in items if today <= i["due"] <= soon],
        "later": [i for i in items if i["due"] > soon][:50],
    }
