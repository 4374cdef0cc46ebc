"""A large synthetic dataset written straight into DuckDB, for the web app's speed benchmark.

No pages are rendered and nothing is OCR'd: letters, their page text, KPIs and report rows are
made up in the contract's shape (places and codes from the geothai gazetteer), then
progress is summed in SQL (each province reports once a month, one file per indicator, so
there is nothing to reconcile between files) and `national` is built by the pipeline's own
function. (`rebuild_dataset` gives the same tables but takes many minutes on 100,000 rows on a
busy two-core machine, and the benchmark measures the web app, not reconciliation.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable

import duckdb
import geothai
import numpy as np
import pandas as pd

from pipeline.dataset import storage
from pipeline.dataset.explain import create_views
from pipeline.dataset.national import national
from pipeline.dataset.reconcile import FAILING_FLAGS, MIN_CONFIDENCE

_PHRASES = [
    "ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้กำหนดตัวชี้วัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน",
    "ขององค์กรปกครองส่วนท้องถิ่นโดยให้จังหวัดรายงานผลการดำเนินงานเป็นประจำทุกเดือน",
    "จึงขอให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชน",
    "และรายงานผลให้กรมทราบภายในกำหนด หากมีปัญหาอุปสรรคให้แจ้งกรมทราบโดยด่วน",
    "เพื่อเป็นการยกระดับการให้บริการประชาชนและการจัดทำฐานข้อมูลกลางขององค์กรปกครองส่วนท้องถิ่น",
    "โดยให้ประสานงานกับที่ทำการปกครองอำเภอและองค์กรปกครองส่วนท้องถิ่นในพื้นที่อย่างใกล้ชิด",
]
_SUBJECTS = ["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน", "การรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน",
             "ขอความร่วมมือจัดส่งข้อมูลฐานข้อมูลกลาง", "การประชุมชี้แจงแนวทางการดำเนินงานตามตัวชี้วัด",
             "ติดตามผลการดำเนินงานตามมาตรการปรับปรุงประสิทธิภาพ"]
_MONTHS = pd.period_range("2017-01", periods=60, freq="M").astype(str).tolist()


def _file_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def _letters(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    provinces = geothai.provinces()
    senders = ["กรมส่งเสริมการปกครองท้องถิ่น"] + [f"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{p.name_th}" for p in provinces]
    start = dt.date(2017, 1, 1)
    letters, pages, indicators = [], [], []
    for i in range(n):
        fid = _file_id("letter", i)
        date = start + dt.timedelta(days=int(rng.integers(0, 1700)))
        number = f"มท 0810.{rng.integers(1, 8)}/ว {i + 1}"
        refs = [{"doc_number": f"มท 0810.{rng.integers(1, 8)}/ว {j + 1}", "date": None}
                for j in rng.integers(0, max(i, 1), size=int(i > 0 and rng.random() < 0.3))]
        recurring = rng.random() < 0.05
        letters.append({
            "file_id": fid, "letter_index": 0, "page_from": 1, "page_to": 1, "kind": "letter",
            "doc_number": number, "circular": True, "date": date, "urgency": "ด่วน" if rng.random() < 0.3 else "",
            "subject": str(rng.choice(_SUBJECTS)), "addressee": "ผู้ว่าราชการจังหวัด ทุกจังหวัด",
            "sender": str(rng.choice(senders)), "references": json.dumps(refs, ensure_ascii=False),
            "attachments": "[]", "deadline": None if recurring else date + dt.timedelta(days=int(rng.integers(7, 60))),
            "deadline_text": "ทุกวันที่ 15 ของเดือน" if recurring else "", "signatory": "นายสมชาย ใจดี",
            "signatory_position": "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", "provinces": "[]", "flags": "",
        })
        body = " ".join(rng.choice(_PHRASES, size=6))
        pages.append({"file_id": fid, "page": 1, "source": "text_layer", "text": body, "raw_text": body,
                      "words": "[]", "width": 595, "height": 842, "dpi": 72, "role": "letter"})
        if i % 50 == 0:
            indicators.append({"file_id": fid, "letter_index": 0, "indicator_index": 0, "fiscal_year": 2561,
                               "code": "4.2", "name": "การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
                               "target_value": 878.0, "target_unit": "ศูนย์", "due_date": date + dt.timedelta(days=90)})
    return pd.DataFrame(letters), pd.DataFrame(pages), pd.DataFrame(indicators)


def _report_rows(rng: np.random.Generator, n_rows: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each province reports each month, one file per indicator, a row per district."""
    rows, files = [], []
    provinces = [p for p in geothai.provinces() if p.code != "10"]
    for month in _MONTHS:
        for indicator in ("help_centre", "joint_centre"):
            for province in provinces:
                fid = _file_id("report", indicator, month, province.code)
                files.append(fid)
                for r, district in enumerate(geothai.districts(province.code)):
                    total = 1 if indicator == "joint_centre" else int(rng.integers(3, 25))
                    done = int(rng.binomial(total, min(0.95, 0.2 + _MONTHS.index(month) / 60)))
                    flags, alternatives = _faults(rng, done)
                    rows.append({"file_id": fid, "page": 1, "table_index": 0, "row_index": r, "indicator": indicator,
                                 "period": month, "province_code": province.code, "province": province.name_th,
                                 "district_code": district.code, "district": district.name_th, "unit_label": "",
                                 "total": total, "established": done + (1 if "sum_mismatch" in flags else 0),
                                 "not_established": total - done, "remark": "",
                                 "confidence": 0.5 if "low_confidence" in flags else 0.97, "flags": flags,
                                 "printed_name": district.name_th, "raw_cells": json.dumps(
                                     {"district": district.name_th, "total": str(total)}, ensure_ascii=False),
                                 "alternatives": json.dumps(alternatives)})
                if len(rows) >= n_rows:
                    return pd.DataFrame(rows), pd.DataFrame({"file_id": files})
    return pd.DataFrame(rows), pd.DataFrame({"file_id": files})


def _faults(rng: np.random.Generator, done: int) -> tuple[str, dict]:
    roll = rng.random()
    if roll < 0.01:
        return "sum_mismatch", {}
    if roll < 0.02:
        return "low_confidence", {"established": [done + int(rng.integers(1, 9))]}
    return "", {}


def _files(ids: pd.Series, media: str) -> pd.DataFrame:
    now = dt.datetime(2022, 1, 1)
    return pd.DataFrame({"file_id": ids, "source_name": [f"{i[:8]}.{media}" for i in ids], "status": "processed",
                         "pages": 1, "ocr_used": False, "media": media, "raw_path": "",
                         "ingested_at": [now + dt.timedelta(seconds=k) for k in range(len(ids))]})


def write_large_dataset(conn: duckdb.DuckDBPyConnection, *, letters: int = 10_000, rows: int = 100_000,
                        seed: int = 7, log: Callable[[str], None] = lambda _: None) -> None:
    rng = np.random.default_rng(seed)
    storage.create_schema(conn)
    letter_frame, pages, indicators = _letters(rng, letters)
    report_rows, report_files = _report_rows(rng, rows)
    log("generated")
    storage.insert_frame(conn, "files", pd.concat([_files(letter_frame["file_id"], "pdf"),
                                                   _files(report_files["file_id"], "xlsx")]))
    storage.insert_frame(conn, "letters", letter_frame)
    storage.insert_frame(conn, "pages", pages)
    storage.insert_frame(conn, "indicators", indicators)
    storage.insert_frame(conn, "report_rows", report_rows)
    log("inserted")
    _progress(conn)
    storage.replace_table(conn, "national", national(conn.execute("SELECT * FROM progress").df(), indicators))
    create_views(conn)
    log("reconciled")


def _progress(conn: duckdb.DuckDBPyConnection) -> None:
    flags = "|".join(sorted(FAILING_FLAGS))
    failing = f"regexp_matches(flags, '(^|;)({flags})(;|$)') OR confidence < {MIN_CONFIDENCE}"
    for district, names in (("district_code", "district"), ("''", "''")):
        conn.execute(f"""INSERT INTO progress
            SELECT indicator, period, province_code, {district}, any_value(province), {names},
                   sum(total), sum(established), sum(not_established), string_agg(DISTINCT file_id, ';'),
                   CASE WHEN bool_or({failing}) THEN 'needs_review' ELSE 'ok' END
            FROM report_rows GROUP BY ALL""")
