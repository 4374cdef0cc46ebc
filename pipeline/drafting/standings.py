"""Which provinces a follow-up goes to, with their latest figures from `progress`.

Every province with a สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด is expected to report each
month: the 76 provinces of the gazetteer outside Bangkok, which has none. For the month
followed up, a province is

- **behind** when its report for that month shows fewer established than its total;
- **missing** when it sent no report for that month, unless its latest report already showed it
  complete (nothing left to chase).

A missing province carries its latest earlier figures, with their own month, when it has any.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb
import geothai
import pandas as pd
from pythainlp.util import collate

Selection = Literal["behind", "missing", "all"]
SELECTIONS: tuple[Selection, ...] = ("behind", "missing", "all")
_BANGKOK = "10"
_LATEST = """
SELECT province_code, province, period, total, established, not_established, status
FROM progress
WHERE indicator = ? AND coalesce(district_code, '') = '' AND period <= ?
QUALIFY row_number() OVER (PARTITION BY province_code ORDER BY period DESC) = 1
"""


@dataclass(frozen=True)
class Standing:
    """One province in the follow-up: why it is there and its latest progress row, if any."""

    province_code: str
    province: str
    reason: Literal["behind", "missing"]
    period: str = ""  # the month of the figures; "" when the province never reported
    total: int | None = None
    established: int | None = None
    not_established: int | None = None
    status: str = ""  # progress.status of that row: ok | conflict | needs_review

    @property
    def has_figures(self) -> bool:
        return bool(self.period)


def latest_period(conn: duckdb.DuckDBPyConnection, indicator: str) -> str | None:
    """The last month any province reported for `indicator`."""
    found = conn.execute("SELECT max(period) FROM progress WHERE indicator = ? AND coalesce(district_code, '') = ''",
                         [indicator]).fetchone()
    return found[0] if found else None


def find_standings(conn: duckdb.DuckDBPyConnection, indicator: str, period: str,
                   selection: Selection = "behind") -> list[Standing]:
    """The provinces to write to, in Thai alphabetical order (as a บัญชีแนบท้าย lists them)."""
    latest = {row.province_code: row for row in conn.execute(_LATEST, [indicator, period]).df().itertuples()}
    found = [_standing(p.code, p.name_th, latest.get(p.code), period)
             for p in geothai.provinces() if p.code != _BANGKOK]
    chosen = [s for s in found if s is not None and (selection == "all" or s.reason == selection)]
    order = {name: i for i, name in enumerate(collate([s.province for s in chosen]))}
    return sorted(chosen, key=lambda s: order[s.province])


def _standing(code: str, name: str, row: object | None, period: str) -> Standing | None:
    if row is None:
        return Standing(code, name, "missing")
    figures = {k: _count(getattr(row, k)) for k in ("total", "established", "not_established")}
    if row.period == period:  # type: ignore[attr-defined]
        if _is_complete(figures):
            return None
        return Standing(code, name, "behind", period, status=str(row.status or ""), **figures)  # type: ignore[attr-defined]
    if _is_complete(figures):
        return None
    return Standing(code, name, "missing", str(row.period), status=str(row.status or ""), **figures)  # type: ignore[attr-defined]


def _is_complete(figures: dict[str, int | None]) -> bool:
    total, established = figures["total"], figures["established"]
    return total is not None and established is not None and established >= total


def _count(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]
