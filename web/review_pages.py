"""The review queue page and the one write of the app: a reviewer's correction.

A correction goes through `pipeline.dataset.build.add_correction`, exactly as `saraban correct`:
it takes the home's run lock, records the correction and publishes a rebuilt snapshot, so the
queue, `progress` and `national` all show it on the next request.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from pipeline.dataset.build import add_correction
from pipeline.dataset.reconcile import NUMBERS
from web import review
from web.dataset import connect
from web.render import page
from web.security import check_post

router = APIRouter()
PAGE_SIZE = 50


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, page_no: int = 1, saved: str = "") -> HTMLResponse:
    cache = request.app.state.cache
    with connect(request) as conn:
        items = cache.get("review-queue", lambda: review.queue(conn))
        tables = cache.get("review-tables", lambda: review.failing_tables(conn))
    start = (max(page_no, 1) - 1) * PAGE_SIZE
    return page(request, "review.html", title="คิวตรวจสอบ (Review queue)", items=items[start:start + PAGE_SIZE],
                tables=tables,
                total=len(items), page_no=max(page_no, 1), pages=max(1, -(-len(items) // PAGE_SIZE)),
                start=start, saved=saved)


@router.post("/row/{file_id}/{page_no}/{table}/{row}", response_class=HTMLResponse)
async def correct_row(request: Request, file_id: str, page_no: int, table: int, row: int,
                      csrf: Annotated[str, Form()] = "", action: Annotated[str, Form()] = "save",
                      author: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = "",
                      total: Annotated[str, Form()] = "", established: Annotated[str, Form()] = "",
                      not_established: Annotated[str, Form()] = "") -> HTMLResponse:
    check_post(request, csrf)
    key = (file_id, page_no, table, row)
    typed = {"total": total, "established": established, "not_established": not_established}
    problem = _invalid(author, reason, typed)
    if problem:
        return _redirect(key, problem)
    saved = await run_in_threadpool(_record, request, key, action, typed, reason.strip(), author.strip())
    return _redirect(key, saved)


def _invalid(author: str, reason: str, typed: dict[str, str]) -> str:
    if not author.strip() or not reason.strip():
        return "error:กรุณาใส่ชื่อผู้แก้ไขและเหตุผล (author and reason are required)"
    bad = [f for f, v in typed.items() if v.strip() and not v.strip().lstrip("-").isdigit()]
    return f"error:ต้องเป็นจำนวนเต็ม (whole numbers only): {', '.join(bad)}" if bad else ""


def _record(request: Request, key: tuple, action: str, typed: dict[str, str], reason: str, author: str) -> str:
    """Corrections for the changed numbers, then `reviewed` if the row would still fail a check."""
    home = request.app.state.settings.home
    with connect(request) as conn:
        detail = review.row_detail(conn, key)
    if detail is None:
        raise HTTPException(404, "no such report row")
    edits = {} if action == "accept" else _changed(detail, typed)
    done = []
    for field, value in edits.items():
        record, _ = add_correction(home, key, field, value, reason=reason, author=author)
        done.append(f"{field}={value}")
    if action == "accept" or review.still_failing_after(detail, edits):
        add_correction(home, key, "reviewed", "true", reason=reason, author=author)
        done.append("reviewed")
    return "ok:" + ", ".join(done) if done else "error:ไม่มีค่าที่เปลี่ยน (nothing changed): แก้ตัวเลข หรือกด accept"


def _changed(detail: dict, typed: dict[str, str]) -> dict[str, str]:
    current = {f: "" if detail.get(f) is None else str(int(detail[f])) for f in NUMBERS}
    return {f: v.strip() for f, v in typed.items() if v.strip() and v.strip() != current[f]}


def _redirect(key: tuple, message: str) -> RedirectResponse:
    path = "/row/" + "/".join(quote(str(k)) for k in key)
    return RedirectResponse(f"{path}?saved={quote(message)}", status_code=303)
