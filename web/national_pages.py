"""National progress (the home page), one indicator's province table, and a province's history."""

from __future__ import annotations

import geothai
from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from web import charts, national
from web.dataset import connect
from web.labels import INDICATORS, PROVINCE_STATUS
from web.render import page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def national_page(request: Request) -> HTMLResponse:
    cache = request.app.state.cache
    with connect(request) as conn:
        panels = [_panel(cache, conn, ind) for ind in national.indicators(conn)]
    return page(request, "national.html", title="ความก้าวหน้าระดับประเทศ (National progress)", panels=panels)


def _panel(cache, conn, indicator: str) -> dict:  # noqa: ANN001 - SnapshotCache, DuckDB connection
    rows = national.national_rows(conn, indicator)
    spec = cache.get(f"national-chart:{indicator}", lambda: charts.national_chart(rows, indicator))
    return {"indicator": indicator, "rows": rows, "spec": spec, "latest": rows[-1] if rows else None}


@router.get("/indicator/{indicator}", response_class=HTMLResponse)
def indicator_page(request: Request, indicator: str, period: str = "", status: str = "", q: str = "",
                   sort: str = "province", desc: bool = False) -> HTMLResponse:
    cache = request.app.state.cache
    with connect(request) as conn:
        rows = national.national_rows(conn, indicator)
        if not rows:
            raise HTTPException(404, f"no national rows for {indicator}")
        chosen = next((r for r in rows if r["period"] == period), rows[-1])
        table = national.province_table(conn, indicator, chosen["period"], national.national_pct(chosen))
    spec = cache.get(f"national-chart:{indicator}", lambda: charts.national_chart(rows, indicator))
    shown = national.filter_sort(table, status=status, q=q, sort=sort, descending=desc)
    return page(request, "indicator.html", title=INDICATORS.get(indicator, indicator), indicator=indicator,
                rows=rows, chosen=chosen, spec=spec, provinces=shown, counts=national.status_counts(table),
                statuses=PROVINCE_STATUS, filters={"status": status, "q": q, "sort": sort, "desc": desc,
                                                   "period": chosen["period"]})


@router.get("/province/{code}", response_class=HTMLResponse)
def province_page(request: Request, code: str, indicator: str = "") -> HTMLResponse:
    province = geothai.province(code)
    if province is None:
        raise HTTPException(404, f"unknown province {code}")
    with connect(request) as conn:
        available = national.province_indicators(conn, code)
        chosen = indicator if indicator in available else (available[0] if available else "help_centre")
        history = national.province_history(conn, chosen, code)
        periods, districts = national.district_history(conn, chosen, code)
    title = f"{province.name_th}: {INDICATORS.get(chosen, chosen)}"
    spec = request.app.state.cache.get(f"province-chart:{code}:{chosen}", lambda: charts.history_chart(history, title))
    return page(request, "province.html", title=f"จังหวัด{province.name_th}", province=province,
                indicator=chosen, indicators=available, history=history, periods=periods,
                districts=districts, spec=spec)
