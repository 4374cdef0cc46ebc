"""National totals per indicator and month (the contract's `national` table).

Each province counts with its report for the month when it has one (`provinces_reporting`),
else with its latest earlier report carried forward (`provinces_carried`): progress only
moves when a province reports again, so an older report is the best known state.
Months run from the first reported period to the last, with no gaps. A progress row without
a real period (pipeline/dataset/row_checks.py) cannot be placed on that line and is left out:
reconcile never emits one, and `national` must not fail on one either.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import geothai
import pandas as pd

from pipeline.dataset.reconcile import NUMBERS, strict_sum
from pipeline.dataset.row_checks import MAX_COUNT, is_period, text_of

NATIONAL_COLUMNS = [
    "indicator",
    "period",
    "provinces_reporting",
    "provinces_carried",
    *NUMBERS,
    "target",
    "pct_of_target",
]
# Which KPI names (ตัวชี้วัด) measure which indicator; joint_centre first because its name
# also contains "ศูนย์...ช่วยเหลือประชาชน".
_INDICATOR_NAMES = [
    ("joint_centre", "ศูนย์ปฏิบัติการร่วม"),
    ("help_centre", "ศูนย์ช่วยเหลือประชาชน"),
]
_COUNT_UNITS = {"ศูนย์", "แห่ง", "อปท.", "องค์กร", ""}  # not ร้อยละ / ระดับ: those aren't counts
_BANGKOK = "10"  # Bangkok's เขต have no district-level local government: no joint centre


def national(
    progress: pd.DataFrame, indicators: pd.DataFrame, *, geo_targets: bool = True
) -> pd.DataFrame:
    """Build `national` from province rows of `progress`; targets from `indicators`.

    With `geo_targets`, an indicator without a KPI target falls back to the gazetteer where
    the target is a count of places: joint_centre → one per district outside Bangkok (878).
    """
    provinces = _province_rows(progress)
    parts = [_one_indicator(ind, rows) for ind, rows in provinces.groupby("indicator", sort=True)]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=NATIONAL_COLUMNS)
    targets = kpi_targets(indicators)
    out["target"] = [
        _target_for(ind, period, targets, geo_targets)
        for ind, period in zip(out["indicator"], out["period"], strict=True)
    ]
    out["target"] = pd.array(out["target"], dtype="Int64")
    out["pct_of_target"] = pd.array(
        [_pct(e, t) for e, t in zip(out["established"], out["target"], strict=True)],
        dtype="Float64",
    )
    return out[NATIONAL_COLUMNS]


def _province_rows(progress: pd.DataFrame) -> pd.DataFrame:
    """Province rows with a real period and a known indicator and province."""
    rows = progress.copy()
    for col in ("indicator", "period", "province_code", "district_code"):
        rows[col] = rows[col].map(text_of).astype(object)
    keep = (rows["district_code"] == "") & rows["period"].map(is_period).astype(bool)
    keep &= (rows["indicator"] != "") & (rows["province_code"] != "")
    return rows[keep]


def _one_indicator(indicator: str, rows: pd.DataFrame) -> pd.DataFrame:
    """Month × province grid, carried forward, summed per month."""
    months = pd.period_range(min(rows["period"]), max(rows["period"]), freq="M").astype(str)
    records = []
    for month in months:
        seen = rows[rows["period"] <= month].sort_values("period", kind="stable")
        latest = seen.groupby("province_code").tail(1)
        is_now = latest["period"] == month
        sums = {col: strict_sum(latest[col]) for col in NUMBERS}
        records.append(
            {
                "indicator": indicator,
                "period": month,
                "provinces_reporting": int(is_now.sum()),
                "provinces_carried": int((~is_now).sum()),
                **sums,
            }
        )
    out = pd.DataFrame(records)
    for col in NUMBERS:
        out[col] = out[col].astype("Int64")
    return out


def kpi_targets(indicators: pd.DataFrame | None) -> dict[str, list[tuple[int, int]]]:
    """indicator → [(fiscal_year BE, target count)] from KPI rows whose name names it."""
    out: dict[str, list[tuple[int, int]]] = {}
    if indicators is None or indicators.empty:
        return out
    for row in indicators.itertuples(index=False):
        key = indicator_of(text_of(getattr(row, "name", "")))
        value = _whole(getattr(row, "target_value", None), MAX_COUNT)
        unit = text_of(getattr(row, "target_unit", ""))
        if key and value and unit in _COUNT_UNITS:
            year = _whole(getattr(row, "fiscal_year", None), 9999)
            out.setdefault(key, []).append((year or 0, value))
    return {k: sorted(set(v)) for k, v in out.items()}


def _whole(value: object, limit: int) -> int | None:
    """A whole number in 0..limit, else None: a KPI read as 8.78e+99 is not a target."""
    number = pd.to_numeric(value, errors="coerce")
    if pd.isna(number) or not 0 <= number <= limit or number != int(number):
        return None
    return int(number)


def indicator_of(name: str) -> str:
    """The progress indicator a KPI name (ชื่อตัวชี้วัด) measures; "" when it measures neither."""
    return next((key for key, words in _INDICATOR_NAMES if words in name), "")


def _target_for(
    indicator: str, period: str, targets: dict[str, list[tuple[int, int]]], geo: bool
) -> int | None:
    """The KPI target of the period's fiscal year, else the latest earlier, else the earliest."""
    known = targets.get(indicator, [])
    if known:
        year = fiscal_year_be(period)
        earlier = [t for y, t in known if y <= year]
        return earlier[-1] if earlier else known[0][1]
    if geo and indicator == "joint_centre":
        return _district_count()
    return None


def fiscal_year_be(period: str) -> int:
    """Thai fiscal year (Buddhist era) of a YYYY-MM period; it starts in October."""
    year, month = (int(x) for x in period.split("-"))
    return year + 543 + (1 if month >= 10 else 0)


def _district_count() -> int:
    return sum(len(geothai.districts(p.code)) for p in geothai.provinces() if p.code != _BANGKOK)


def _pct(established: object, target: object) -> float | None:
    if pd.isna(established) or pd.isna(target) or not target:
        return None
    exact = Decimal(int(established)) * 100 / Decimal(int(target))
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
