"""The letters list with full-text search and filters, and one letter's page."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from web import letters
from web.dataset import connect
from web.render import page
from web.search import snippet
from web.words import terms

router = APIRouter()


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/letters", response_class=HTMLResponse)
def letters_page(request: Request, q: str = "", date_from: str = "", date_to: str = "", sender: str = "",
                 indicator: str = "", page_no: int = 1) -> HTMLResponse:
    filters = letters.LetterFilters(_date(date_from), _date(date_to), sender, indicator)
    query_terms = terms(q)
    index = request.app.state.index
    hits, whole_words = index.search(query_terms) if query_terms else ([], True)
    found = {h.key: h for h in hits}
    with connect(request) as conn:
        rows, total = letters.list_letters(conn, filters, page_no, list(found) if query_terms else None)
        options = letters.choices(conn)
    for row in rows:
        hit = found.get((row["file_id"], row["letter_index"]))
        row["snippet"] = snippet(index, hit, query_terms[0]) if hit and whole_words else None
    return page(request, "letters.html", title="หนังสือ (Letters)", rows=rows, total=total, options=options,
                q=q, whole_words=whole_words, page_no=max(page_no, 1), pages=max(1, -(-total // letters.PAGE_SIZE)),
                filters={"date_from": date_from, "date_to": date_to, "sender": sender, "indicator": indicator})


@router.get("/letter/{file_id}/{index}", response_class=HTMLResponse)
def letter_page(request: Request, file_id: str, index: int) -> HTMLResponse:
    with connect(request) as conn:
        letter = letters.letter_detail(conn, file_id, index)
    if letter is None:
        raise HTTPException(404, "no such letter")
    return page(request, "letter.html", title=letter["subject"] or letter["doc_number"] or "หนังสือ", letter=letter)
