"""Deadlines and ingest runs."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse

from web import deadlines, national, runs
from web.dataset import connect
from web.render import page

router = APIRouter()


@router.get("/deadlines", response_class=HTMLResponse)
def deadlines_page(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    today = settings.today()
    with connect(request) as conn:
        groups = deadlines.split(deadlines.due_items(conn, today), today)
        missing = [_not_reporting(conn, ind) for ind in national.indicators(conn)]
    return page(request, "deadlines.html", title="กำหนดส่ง (Deadlines)", today=today, groups=groups,
                missing=missing, soon_days=deadlines.SOON_DAYS, overdue_days=deadlines.OVERDUE_DAYS)


def _not_reporting(conn, indicator: str) -> dict:  # noqa: ANN001 - DuckDB connection
    rows = national.national_rows(conn, indicator)
    latest = rows[-1]
    table = national.province_table(conn, indicator, latest["period"], national.national_pct(latest))
    return {"indicator": indicator, "period": latest["period"],
            "provinces": [p for p in table if p["status"] == "not_reporting"]}


@router.get("/runs", response_class=HTMLResponse)
def runs_page(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    with connect(request) as conn:
        context = {"counts": runs.status_counts(conn), "runs": runs.runs(conn), "files": runs.recent_files(conn),
                   "quarantined": runs.quarantined(conn)}
    ui = runs.prefect_ui(settings.prefect_state, settings.home.root)
    return page(request, "runs.html", title="การนำเข้า (Runs)", prefect_ui=ui, **context)
