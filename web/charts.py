"""Vega-Lite specs built with Altair, rendered in the browser by the vendored vega-embed.

Specs carry their data inline (a few hundred months at most), so a page needs no data endpoint.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from web.labels import INDICATORS, period_th

_FONT = "Sarabun"
_SERIES = {"established": "จัดตั้งแล้ว (established)", "goal": "เป้าหมาย (target)"}
_PROVINCES = {"provinces_reporting": "รายงานเดือนนี้ (reporting)",
              "provinces_carried": "ใช้รายงานเดิม (carried forward)"}


def _long(rows: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows or [{"period": "", **{c: None for c in columns}}])
    frame["month"] = frame["period"].map(period_th)
    out = frame.melt(id_vars=["period", "month"], value_vars=list(columns), var_name="series", value_name="value")
    out["series"] = out["series"].map(columns)
    return out.dropna(subset=["value"])


def _theme(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """Sarabun everywhere (served locally), and the width of the page's column."""
    themed = chart.configure(font=_FONT, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    themed = themed.configure_axis(labelFont=_FONT, titleFont=_FONT)
    return themed.configure_legend(labelFont=_FONT, titleFont=_FONT, orient="bottom").to_dict()


def national_chart(rows: list[dict[str, Any]], indicator: str) -> dict[str, Any]:
    """Established against target per month, over provinces reporting and carried forward."""
    x = alt.X("period:O", sort=None, title="เดือน (period)")
    tooltip = [alt.Tooltip("month:N", title="เดือน"), alt.Tooltip("series:N", title=""),
               alt.Tooltip("value:Q", title="จำนวน", format=",")]
    lines = alt.Chart(_long(rows, _SERIES)).mark_line(point=True).encode(
        x=x, y=alt.Y("value:Q", title="จำนวนศูนย์"),
        color=alt.Color("series:N", title="", scale=alt.Scale(range=["#1b7f3b", "#888888"])),
        strokeDash=alt.StrokeDash("series:N", legend=None), tooltip=tooltip,
    ).properties(height=220, width="container", title=INDICATORS.get(indicator, indicator))
    bars = alt.Chart(_long(rows, _PROVINCES)).mark_bar().encode(
        x=x, y=alt.Y("value:Q", title="จังหวัด", stack=True),
        color=alt.Color("series:N", title="", scale=alt.Scale(range=["#2a5d9f", "#a9c1e0"])),
        tooltip=tooltip,
    ).properties(height=110, width="container")
    return _theme(alt.vconcat(lines, bars).resolve_scale(color="independent"))


def history_chart(rows: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """One province: established and total (all its LAOs or districts) per reported month."""
    columns = {"established": "จัดตั้งแล้ว (established)", "total": "ทั้งหมด (total)"}
    chart = alt.Chart(_long(rows, columns)).mark_line(point=True).encode(
        x=alt.X("period:O", sort=None, title="เดือน (period)"), y=alt.Y("value:Q", title="จำนวน"),
        color=alt.Color("series:N", title="", scale=alt.Scale(range=["#1b7f3b", "#888888"])),
        tooltip=[alt.Tooltip("month:N", title="เดือน"), alt.Tooltip("series:N", title=""),
                 alt.Tooltip("value:Q", title="จำนวน", format=",")],
    ).properties(height=220, width="container", title=title)
    return _theme(chart)
