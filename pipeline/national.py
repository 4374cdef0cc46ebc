"""National totals per indicator and month (the contract's `national` table).

Each province counts with its report for the month when it has one (`provinces_reporting`),
else with its latest earlier report carried forward (`provinces_carried`): progress only
moves when a province reports again, so an older report is the best known state.
Months run from the first reported period to the last, with no gaps.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import geothai
import pandas as pd

from pipeline.reconcile import NUMBERS, strict_sum

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
    rows = progress[progress["district_code"].fillna("").astype(str) == ""].copy()
    rows["period"] = rows["period"].fillna("").astype(str)
    # A row whose month could not be read stays in report_rows and progress, flagged; it
    # cannot be placed on the national month axis.
    return rows[rows["period"].str.fullmatch(r"\d{4}-\d{2}")]


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
        key = _indicator_of(str(getattr(row, "name", "") or ""))
        value = pd.to_numeric(getattr(row, "target_value", None), errors="coerce")
        unit = str(getattr(row, "target_unit", "") or "").strip()
        if key and pd.notna(value) and unit in _COUNT_UNITS:
            year = pd.to_numeric(getattr(row, "fiscal_year", None), errors="coerce")
            out.setdefault(key, []).append((int(year) if pd.notna(year) else 0, int(value)))
    return {k: sorted(set(v)) for k, v in out.items()}


def _indicator_of(name: str) -> str:
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
