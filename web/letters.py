"""Letters: the filtered list, the filter choices, and one letter with its links to others."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from web.dataset import records

PAGE_SIZE = 50
_COLUMNS = "l.file_id, l.letter_index, l.kind, l.doc_number, l.date, l.urgency, l.subject, l.sender, l.deadline"
_NAME = "(SELECT min(source_name) FROM files f WHERE f.file_id = l.file_id) AS source_name"


@dataclass(frozen=True)
class LetterFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sender: str = ""
    indicator: str = ""  # a KPI code, e.g. 4.2

    def where(self) -> tuple[str, list[Any]]:
        parts, params = ["TRUE"], []
        for sql, value in (("l.date >= ?", self.date_from), ("l.date <= ?", self.date_to),
                           ("l.sender = ?", self.sender or None)):
            if value is not None:
                parts.append(sql)
                params.append(value)
        if self.indicator:
            parts.append("EXISTS (SELECT 1 FROM indicators i WHERE i.file_id = l.file_id "
                         "AND i.letter_index = l.letter_index AND i.code = ?)")
            params.append(self.indicator)
        return " AND ".join(parts), params


def list_letters(conn: duckdb.DuckDBPyConnection, filters: LetterFilters, page_no: int,
                 keys: list[tuple[str, int]] | None = None) -> tuple[list[dict], int]:
    """One page of letters, newest first, and how many match; `keys` limits to search hits."""
    where, params = filters.where()
    source = "letters l"
    if keys is not None:
        # Arrow registers a few thousand search hits faster than pandas does
        conn.register("_hits", pa.table({"file_id": [k[0] for k in keys], "letter_index": [k[1] for k in keys]}))
        source = "letters l JOIN _hits h USING (file_id, letter_index)"
    total = conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
    rows = records(conn, f"""SELECT {_COLUMNS}, {_NAME}
        FROM {source} WHERE {where} ORDER BY l.date DESC NULLS LAST, l.file_id, l.letter_index
        LIMIT {PAGE_SIZE} OFFSET ?""", [*params, (max(page_no, 1) - 1) * PAGE_SIZE])
    return rows, total


def choices(conn: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """Senders (most letters first) and KPI codes, for the filter menus."""
    return {
        "senders": records(conn, """SELECT sender, count(*) AS n FROM letters WHERE coalesce(sender, '') <> ''
                                    GROUP BY sender ORDER BY n DESC, sender LIMIT 300"""),
        "indicators": records(conn, """SELECT code, any_value(name) AS name FROM indicators
                                       WHERE coalesce(code, '') <> '' GROUP BY code ORDER BY code"""),
    }


def letter_detail(conn: duckdb.DuckDBPyConnection, file_id: str, index: int) -> dict | None:
    found = records(conn, f"""SELECT l.*, {_NAME}
                              FROM letters l WHERE file_id = ? AND letter_index = ?""", [file_id, index])
    if not found:
        return None
    letter = found[0]
    letter["attachments"] = json.loads(letter["attachments"] or "[]")
    letter["references"] = resolve_references(conn, json.loads(letter["references"] or "[]"))
    letter["referenced_by"] = referenced_by(conn, letter)
    letter["indicators"] = records(conn, """SELECT * FROM indicators WHERE file_id = ? AND letter_index = ?
                                            ORDER BY indicator_index""", [file_id, index])
    return letter


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def resolve_references(conn: duckdb.DuckDBPyConnection, refs: list[dict]) -> list[dict]:
    """Each reference with the letter it names, when that letter is in the dataset (number, then date)."""
    out = []
    for ref in refs:
        candidates = records(conn, "SELECT file_id, letter_index, date, subject FROM letters WHERE doc_number = ?",
                             [" ".join(str(ref.get("doc_number", "")).split())])
        date = str(ref.get("date") or "")[:10]
        match = next((c for c in candidates if not date or not c["date"] or str(c["date"])[:10] == date), None)
        out.append({**ref, "target": match})
    return out


def referenced_by(conn: duckdb.DuckDBPyConnection, letter: dict) -> list[dict]:
    if not letter.get("doc_number"):
        return []
    rows = records(conn, """SELECT file_id, letter_index, doc_number, date, subject, "references" FROM letters
                            WHERE contains("references", ?)""", [letter["doc_number"]])
    return [r for r in rows if any(_same(x.get("doc_number"), letter["doc_number"])
                                   for x in json.loads(r["references"] or "[]"))]
