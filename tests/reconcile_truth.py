"""Frames in the contract's shape built from the sample truth (shared/samples/truth/*.json).

Shared by the reconcile and national tests so both check against the same inputs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import geothai
import pandas as pd

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
TRUTH = SAMPLES / "truth"
_EXCLUDED = {"duplicate", "quarantined"}
_FAULT_FLAGS = {"name_misspelt": "name_corrected"}


def file_id(name: str) -> str:
    """SHA-256 of the sample's bytes, as ingest names it; of the name if the file is absent."""
    path = SAMPLES / "inbox" / name
    data = path.read_bytes() if path.exists() else name.encode()
    return hashlib.sha256(data).hexdigest()


def load_truth() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(TRUTH.glob("*.json"))]


def truth_frames() -> dict[str, pd.DataFrame]:
    """report_rows, letters and files frames from the truth files."""
    docs = load_truth()
    files = pd.DataFrame(
        [
            {"file_id": file_id(d["file"]), "source_name": d["file"], "status": d["expect_status"]}
            for d in docs
        ]
    )
    kept = [d for d in docs if d["expect_status"] not in _EXCLUDED]
    rows = [_row(d, i, r) for d in kept for i, r in enumerate(d["report_rows"])]
    letters = [letter for d in kept for letter in _letters(d)]
    return {
        "report_rows": pd.DataFrame(rows),
        "letters": pd.DataFrame(
            letters, columns=["file_id", "letter_index", "date", "received_date"]
        ),
        "files": files,
    }


def _row(doc: dict, index: int, row: dict) -> dict:
    district = geothai.district(row["district_code"]) if row["district_code"] else None
    flags = [_FAULT_FLAGS.get(f, f) for f in row["faults"]]
    return {
        "file_id": file_id(doc["file"]),
        "page": row["page"],
        "table_index": 0,
        "row_index": index,
        "indicator": row["indicator"],
        "period": row["period"],
        "province_code": row["province_code"],
        "province": geothai.province(row["province_code"]).name_th,
        "district_code": row["district_code"],
        "district": district.name_th if district else "",
        "unit_label": row["unit_label"],
        "total": row["total"],
        "established": row["established"],
        "not_established": row["not_established"],
        "remark": "",
        "confidence": 1.0,
        "flags": ";".join(flags),
        "raw_cells": json.dumps({"name": row["printed_name"]}, ensure_ascii=False),
    }


def _letters(doc: dict) -> list[dict]:
    fid = file_id(doc["file"])
    out = [
        {
            "file_id": fid,
            "letter_index": i,
            "date": _date(x.get("date")),
            "received_date": _date(x.get("received_date")),
        }
        for i, x in enumerate(doc["letters"])
    ]
    if not out and doc.get("doc_date"):
        out.append(
            {
                "file_id": fid,
                "letter_index": 0,
                "date": _date(doc["doc_date"]),
                "received_date": None,
            }
        )
    return out


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
