"""The FastAPI app factory: settings, security layers, static files and the page routers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse

from pipeline.errors import SarabanError
from web import charts, draft_pages, letter_pages, national_pages, provenance_pages, review_pages, status_pages
from web.dataset import SnapshotCache, Snapshots
from web.heap import freeze_heap
from web.render import page
from web.search import LetterIndex, start_background_build
from web.security import LOOPBACK_HOSTS, CsrfCookie, ForbiddenPost, TokenGate
from web.settings import WebSettings

STATIC = Path(__file__).with_name("static")
ROUTERS = (national_pages.router, review_pages.router, provenance_pages.router, letter_pages.router,
           status_pages.router, draft_pages.router)


def create_app(settings: WebSettings, *, build_index: bool = True) -> FastAPI:
    """`build_index=False` leaves the word index to the first search (tests that never search)."""
    app = FastAPI(title="Saraban", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.cache = SnapshotCache(settings.home)
    app.state.snapshots = Snapshots(settings.home)
    app.state.index = LetterIndex(app.state.snapshots, settings.cache_dir)
    if build_index:
        start_background_build(app.state.index)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _add_security(app, settings)
    app.add_exception_handler(ForbiddenPost, _forbidden)
    app.add_exception_handler(SarabanError, _saraban_error)
    app.add_exception_handler(StarletteHTTPException, _not_found)
    _settle()
    return app


def _settle() -> None:
    """Load Altair's schema now, then freeze what is loaded (web/heap.py)."""
    charts.history_chart([], "")
    freeze_heap()


def _add_security(app: FastAPI, settings: WebSettings) -> None:
    """Added inner first: the token gate runs before anything else, then the host check."""
    app.add_middleware(CsrfCookie)
    if settings.token:
        app.add_middleware(TokenGate, token=settings.token)
    if settings.loopback:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS)


async def _forbidden(request: Request, error: Exception) -> HTMLResponse:
    return page(request, "error.html", status_code=403, title="คำขอถูกปฏิเสธ (403)",
                message="คำขอนี้ไม่ได้มาจากหน้าของระบบนี้ จึงไม่บันทึก", detail=str(error))


async def _not_found(request: Request, error: Exception) -> HTMLResponse:
    code = getattr(error, "status_code", 500)
    title = "ไม่พบหน้าที่ขอ (404)" if code == 404 else f"ข้อผิดพลาด ({code})"
    return page(request, "error.html", status_code=code, title=title, message=title,
                detail=str(getattr(error, "detail", error)))


async def _saraban_error(request: Request, error: Exception) -> HTMLResponse:
    message = getattr(error, "message_th", "") or str(error)
    return page(request, "error.html", status_code=409, title="ทำรายการไม่สำเร็จ",
                message=message, detail=str(error))
