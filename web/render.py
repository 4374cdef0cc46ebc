"""Jinja2 templates and the filters every page shares (numbers, Thai dates, labels)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import HTMLResponse

from web import labels

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
NAV = [("/", "ความก้าวหน้า (Progress)"), ("/review", "คิวตรวจสอบ (Review)"),
       ("/letters", "หนังสือ (Letters)"), ("/deadlines", "กำหนดส่ง (Deadlines)"), ("/runs", "การนำเข้า (Runs)")]


def number(value: Any, digits: int = 0) -> str:
    """1,234 — and '' for an unknown, never 'None' or 'nan'."""
    if value is None or value != value:  # NaN is not equal to itself
        return ""
    return f"{value:,.{digits}f}" if digits else f"{int(value):,}"


TEMPLATES.env.filters.update(
    num=number, period_th=labels.period_th, date_th=labels.date_th, flag_words=labels.flag_words,
    indicator_th=lambda i: labels.INDICATORS.get(i, i or ""), reason_th=labels.reason_th,
    field_th=lambda f: labels.FIELDS.get(f, f), province_status_th=lambda s: labels.PROVINCE_STATUS.get(s, s),
    progress_status_th=lambda s: labels.PROGRESS_STATUS.get(s, s or ""),
    file_status_th=lambda s: labels.FILE_STATUS.get(s, s or ""), kind_th=lambda k: labels.LETTER_KINDS.get(k, k or ""),
)
TEMPLATES.env.globals.update(NAV=NAV)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("active", "/" + request.url.path.strip("/").split("/")[0])
    return TEMPLATES.TemplateResponse(request, template, {"csrf": getattr(request.state, "csrf", ""), **context},
                                      status_code=status_code)
