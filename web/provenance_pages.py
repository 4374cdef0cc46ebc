"""Provenance: a progress number's contributing rows, one row with its scan, and page images."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from pipeline.loading.xlsx import cell_text
from web import images, labels, provenance, review
from web.dataset import connect
from web.render import page
from web.rowbox import locate_sheet_row

router = APIRouter()
_PNG_HEADERS = {"Cache-Control": "private, max-age=3600"}


@router.get("/explain/{indicator}/{period}/{province}", response_class=HTMLResponse)
@router.get("/explain/{indicator}/{period}/{province}/{district}", response_class=HTMLResponse)
def explain_page(request: Request, indicator: str, period: str, province: str, district: str = "") -> HTMLResponse:
    with connect(request) as conn:
        rows = provenance.contributing_rows(conn, indicator, period, province, district or None)
    return page(request, "explain.html", title="ที่มาของตัวเลข (provenance)", rows=rows, indicator=indicator,
                period=period, province=province, district=district)


@router.get("/row/{file_id}/{page_no}/{table}/{row}", response_class=HTMLResponse)
def row_page(request: Request, file_id: str, page_no: int, table: int, row: int, saved: str = "") -> HTMLResponse:
    """One report row: its scan, each cell as read beside its value, alternatives, flags, the correction form."""
    settings = request.app.state.settings
    with connect(request) as conn:
        detail = review.row_detail(conn, (file_id, page_no, table, row))
        info = images.page_info(conn, settings.home.root, file_id, page_no)
    if detail is None:
        raise HTTPException(404, "no such report row")
    view = _scan_view(info, detail, settings.cache_dir)
    return page(request, "row.html", title="แถวรายงาน (report row)", row=detail, scan=view, saved=saved,
                cells=review.raw_cells(detail), alternatives=review.alternatives(detail))


def _scan_view(info: images.PageInfo | None, detail: dict, cache_dir: Path) -> dict:
    """What the page can show of the original: a crop, a page with an outline, a sheet, or nothing."""
    if info is None:
        return {"kind": "none"}
    if info.media == "xlsx":
        return _sheet_view(info, detail)
    box = images.row_box(info, detail, cache_dir)
    return {"kind": "image", "info": info, "box": box,
            "outline": images.outline_style(info, box) if box else ""}


def _sheet_view(info: images.PageInfo, detail: dict) -> dict:
    grid = sheet_cells(info)
    return {"kind": "sheet", "info": info, "grid": grid, "hit": locate_sheet_row(grid, review.raw_cells(detail))}


def sheet_cells(info: images.PageInfo) -> list[list[str]]:
    """The sheet's cells as Excel shows them (a merged range's value once, in its top-left cell)."""
    book = openpyxl.load_workbook(info.raw_path, read_only=True, data_only=True)
    try:
        sheet = book[info.sheet_name] if info.sheet_name in book.sheetnames else book.worksheets[info.page - 1]
        return [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


@router.get("/page/{file_id}/{page_no}", response_class=HTMLResponse)
def page_view(request: Request, file_id: str, page_no: int, table: int | None = None,
              row: int | None = None) -> HTMLResponse:
    settings = request.app.state.settings
    with connect(request) as conn:
        info = images.page_info(conn, settings.home.root, file_id, page_no)
        detail = review.row_detail(conn, (file_id, page_no, table, row)) if row is not None else None
        name = conn.execute("SELECT min(source_name) FROM files WHERE file_id = ?", [file_id]).fetchone()[0]
        verdict = provenance.text_verdict(conn, file_id, page_no)
    if info is None:
        raise HTTPException(404, "no such page")
    view = _scan_view(info, detail, settings.cache_dir) if detail else _whole_page(info)
    return page(request, "page.html", title=f"{name} หน้า {page_no}", scan=view, row=detail, source_name=name,
                verdict=verdict, text_sources=labels.TEXT_SOURCES)


def _whole_page(info: images.PageInfo) -> dict:
    if info.media == "xlsx":
        return {"kind": "sheet", "info": info, "grid": sheet_cells(info), "hit": None}
    return {"kind": "image", "info": info, "box": None, "outline": ""}


@router.get("/page-image/{file_id}/{page_no}.png")
def page_image(request: Request, file_id: str, page_no: int) -> Response:
    info = _image_info(request, file_id, page_no)
    return Response(images.page_png(info, request.app.state.settings.cache_dir), media_type="image/png",
                    headers=_PNG_HEADERS)


@router.get("/row-crop/{file_id}/{page_no}/{table}/{row}.png")
def row_crop(request: Request, file_id: str, page_no: int, table: int, row: int) -> Response:
    info = _image_info(request, file_id, page_no)
    with connect(request) as conn:
        detail = review.row_detail(conn, (file_id, page_no, table, row))
    box = images.row_box(info, detail, request.app.state.settings.cache_dir) if detail else None
    if box is None:
        raise HTTPException(404, "the row could not be located on its page")
    return Response(images.row_crop_png(info, box, request.app.state.settings.cache_dir), media_type="image/png",
                    headers=_PNG_HEADERS)


def _image_info(request: Request, file_id: str, page_no: int) -> images.PageInfo:
    settings = request.app.state.settings
    with connect(request) as conn:
        info = images.page_info(conn, settings.home.root, file_id, page_no)
    if info is None or not images.has_image(info):
        raise HTTPException(404, "no page image for this page")
    return info
