"""The follow-up letter draft (F13) from an indicator's page: the same DOCX/PDF `saraban draft` writes.

Sender facts (number, signatory, office) come from `<home>/drafting.toml`, as for the command line;
what the dataset and settings do not hold is left blank in the document for the person who signs.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from pipeline.drafting.followup import Draft, NothingToDraftError, draft_followup
from pipeline.drafting.settings import load_draft_settings
from web.dataset import connect
from web.render import page

router = APIRouter()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
Selection = Literal["behind", "missing", "all"]
Format = Literal["docx", "pdf"]


@router.get("/draft/followup/{indicator}", response_model=None)
def followup_draft(request: Request, indicator: str, period: str = "", provinces: Selection = "behind",
                   format: Format = "docx") -> Response | HTMLResponse:  # noqa: A002 - the query word users see
    home = request.app.state.settings.home
    try:
        settings = load_draft_settings(home.root / "drafting.toml")
        with connect(request) as conn:
            draft = draft_followup(conn, indicator, period or None, provinces, settings, pdf=format == "pdf",
                                   today=request.app.state.settings.today(), templates=[home.root / "templates"])
    except NothingToDraftError as e:
        return page(request, "error.html", status_code=409, title="ไม่มีจังหวัดที่ต้องติดตาม",
                    message="ไม่มีจังหวัดที่ตรงกับที่เลือกในเดือนนี้ จึงไม่มีหนังสือให้ร่าง", detail=str(e))
    except ValueError as e:  # an unknown indicator or period, or a bad drafting.toml
        raise HTTPException(404, str(e)) from e
    return _download(draft, format)


def _download(draft: Draft, format: Format) -> Response:  # noqa: A002
    if format == "pdf" and draft.pdf is None:
        raise HTTPException(503, f"no PDF: {draft.pdf_error or 'LibreOffice gave none'}; the DOCX is available")
    body, media = (draft.pdf, "application/pdf") if format == "pdf" else (draft.docx, DOCX)
    name = quote(f"{draft.name}.{format}")
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}",
                             "X-Saraban-Blanks": str(len(draft.blanks))})
