"""Reconcile extracted report rows into the contract's `progress` table.

Rules (docs/contract.md, `progress.csv`):
- organisation rows of one district in one report (อบจ., เทศบาลเมือง, the rest) sum into one
  district row;
- when two files report the same key and period, the file with the later letter date wins
  (then the later received date, then the larger file_id so the result is deterministic); the
  row is `conflict` when the files' numbers differed. A file whose letter date was not read is
  dated by its received stamp (a letter is stamped days after it is dated), not taken for the
  oldest: a revised report whose date line OCR lost must still replace the first one;
- a province row is the sum of its districts when districts are known, else what a
  province-level report says;
- a row that cannot be placed (no indicator, period or known place: pipeline/dataset/row_checks.py)
  stays out of `progress`; `unplaced_rows` lists it for review. A count that is not a count
  (negative, not whole, absurdly large) is unknown here, and its row fails a check;
- a row whose winning report fails a check (see `FAILING_FLAGS`) or is read with low confidence
  is `needs_review`. A province row derived from districts is `needs_review` when any of its
  district rows is, or when a province-level row of a contributing file fails a check, or when a
  contributing file's table for that province fails as a whole (`table_findings`: its printed
  total row disagrees with its rows). `conflict` outranks `needs_review`: the contract marks a
  key `conflict` whenever the files' numbers differed, and the conflicts view is where a reviewer
  compares them; the failing rows behind it are still listed by the needs_review view.
"""

from __future__ import annotations

import datetime as dt

import geothai
import pandas as pd

from pipeline.dataset.row_checks import (
    ROW_CHECK_FLAGS,
    check_frame,
    placeable_mask,
    split_flags,
    text_of,
    whole_count,
)

FAILING_FLAGS = frozenset(
    {
        "sum_mismatch",
        "total_row_mismatch",
        "duplicate_row_number",
        "low_confidence",
        "province_conflict",
        "period_conflict",
        "place_unread",
        "count_mismatch",
        "digit_repaired",
        *ROW_CHECK_FLAGS,
    }
)
MIN_CONFIDENCE = 0.6
NUMBERS = ["total", "established", "not_established"]
PROVINCE_KEY = ["indicator", "period", "province_code"]
DISTRICT_KEY = [*PROVINCE_KEY, "district_code"]
PROGRESS_COLUMNS = [
    "indicator",
    "period",
    "province_code",
    "province",
    "district_code",
    "district",
    *NUMBERS,
    "source_file_ids",
    "status",
]
UNPLACED_COLUMNS = [
    "file_id", "page", "table_index", "row_index", "indicator", "period", "province_code", "province",
    "district_code", "district", "unit_label", *NUMBERS, "confidence", "flags",
]  # fmt: skip
_EXCLUDED_FILE_STATUS = {"quarantined", "duplicate"}
_STATUS_RANK = {"ok": 0, "needs_review": 1, "conflict": 2}


def failing_mask(rows: pd.DataFrame, min_confidence: float = MIN_CONFIDENCE) -> pd.Series:
    """True for rows with a failing check or a confidence below `min_confidence`.

    `name_corrected` alone is not failing: the gazetteer match already fixed the name.
    """
    flagged = rows["flags"].map(lambda f: bool(FAILING_FLAGS.intersection(split_flags(f))))
    conf = pd.to_numeric(rows.get("confidence"), errors="coerce") if "confidence" in rows else None
    low = conf.lt(min_confidence).fillna(False) if conf is not None else False
    return (flagged | low).astype(bool)


def reconcile(
    report_rows: pd.DataFrame,
    letters: pd.DataFrame,
    files: pd.DataFrame,
    *,
    min_confidence: float = MIN_CONFIDENCE,
    table_findings: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Build the `progress` table. Pure: same frames in, same frame out, sorted by key."""
    candidates = file_candidates(report_rows, letters, files, min_confidence=min_confidence)
    if candidates.empty:
        return _finish(pd.DataFrame(columns=PROGRESS_COLUMNS))
    districts = _resolve(candidates[candidates["district_code"] != ""], DISTRICT_KEY)
    provinces = _province_rows(candidates, districts, _finding_keys(table_findings))
    out = pd.concat([districts, provinces], ignore_index=True)
    return _finish(out)


def file_candidates(
    report_rows: pd.DataFrame,
    letters: pd.DataFrame,
    files: pd.DataFrame,
    *,
    min_confidence: float = MIN_CONFIDENCE,
) -> pd.DataFrame:
    """One row per file and progress key: the file's summed numbers, its rank and failing state.

    `rank` orders files by letter date, received date, then file_id (higher wins). Rows that
    cannot be placed are left out (see `unplaced_rows`).
    """
    rows = _usable_rows(report_rows, files)
    rows = rows[placeable_mask(rows)].copy()
    if rows.empty:
        return pd.DataFrame(columns=["file_id", *DISTRICT_KEY, "province", "district", "failing", *NUMBERS])
    rows["failing"] = failing_mask(rows, min_confidence)
    for col in ("province", "district"):
        rows[col] = rows[col].map(text_of).astype(object)
    grouped = rows.groupby(["file_id", *DISTRICT_KEY], sort=True, dropna=False)
    agg = grouped.agg(
        province=("province", _first_text),
        district=("district", _first_text),
        failing=("failing", "any"),
    )
    for col in NUMBERS:
        agg[col] = grouped[col].agg(strict_sum)
    agg = agg.reset_index()
    ranks = file_ranks(letters, files, agg["file_id"].unique())
    return agg.merge(ranks, on="file_id", how="left")


def file_ranks(letters: pd.DataFrame, files: pd.DataFrame, file_ids: object) -> pd.DataFrame:
    """file_id → rank (0 = oldest) by latest letter date (else received date), received date, file_id."""
    ids = pd.DataFrame({"file_id": pd.Series(sorted({str(f) for f in file_ids}), dtype=object)})
    dates = _letter_dates(letters)
    ranked = ids.merge(dates, on="file_id", how="left")
    ranked["_r"] = ranked["received_date"].map(_date_key)
    ranked["_d"] = ranked["letter_date"].map(_date_key).where(ranked["letter_date"].notna(), ranked["_r"])
    ranked = ranked.sort_values(["_d", "_r", "file_id"], kind="stable").reset_index(drop=True)
    ranked["rank"] = range(len(ranked))
    return ranked[["file_id", "letter_date", "received_date", "rank"]]


def _letter_dates(letters: pd.DataFrame) -> pd.DataFrame:
    """Latest letter date and received date per file (the covering letter is the latest)."""
    cols = ["file_id", "letter_date", "received_date"]
    if letters is None or letters.empty:
        return pd.DataFrame(columns=cols)
    frame = pd.DataFrame(
        {
            "file_id": letters["file_id"].astype(str),
            "letter_date": letters["date"].map(_to_date) if "date" in letters else None,
            "received_date": letters["received_date"].map(_to_date)
            if "received_date" in letters
            else None,
        }
    )
    return (
        frame.groupby("file_id", sort=True)
        .agg(letter_date=("letter_date", _max_date), received_date=("received_date", _max_date))
        .reset_index()
    )


def unplaced_rows(report_rows: pd.DataFrame | None, files: pd.DataFrame | None) -> pd.DataFrame:
    """Rows of usable files that cannot be given a progress key, with the flags saying why."""
    rows = _usable_rows(report_rows, files)
    return rows.loc[~placeable_mask(rows), UNPLACED_COLUMNS].reset_index(drop=True)


def _usable_rows(report_rows: pd.DataFrame | None, files: pd.DataFrame | None) -> pd.DataFrame:
    """Drop rows of quarantined or duplicate files; key columns as text, counts as whole numbers
    (unknown where impossible), this dataset's row checks flagged."""
    base = report_rows if report_rows is not None else pd.DataFrame()
    rows = check_frame(base.reindex(columns=list(dict.fromkeys([*UNPLACED_COLUMNS, *base.columns]))))
    for col in ["file_id", *DISTRICT_KEY]:
        rows[col] = rows[col].map(text_of).astype(object)
    if files is not None and not files.empty and "status" in files:
        # A duplicate shares its original's file_id (same bytes): drop a file_id only when
        # none of its files rows is usable.
        usable = ~files["status"].isin(_EXCLUDED_FILE_STATUS)
        bad = set(files["file_id"].astype(str)) - set(files.loc[usable, "file_id"].astype(str))
        rows = rows[~rows["file_id"].isin(bad)]
    for col in NUMBERS:
        rows[col] = pd.array([whole_count(v) for v in rows[col]], dtype="Int64")
    return rows


def _resolve(candidates: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Pick the highest-ranked file per key; mark conflicts and failing winners."""
    if candidates.empty:
        return pd.DataFrame(
            columns=[*key, "province", "district", *NUMBERS, "source_file_ids", "status"]
        )
    ordered = candidates.sort_values([*key, "rank"], kind="stable")
    winners = ordered.groupby(key, sort=True).tail(1).set_index(key)
    grouped = ordered.groupby(key, sort=True)
    winners["source_file_ids"] = grouped["file_id"].agg(_join_ids)
    # Numbers that differ between the key's files, an unknown count being a value of its own;
    # one vectorised count per column (a Python call per key took seconds on 20,000 keys).
    differed = grouped[NUMBERS].nunique(dropna=False) > 1
    conflict = differed.any(axis=1)
    winners["status"] = [
        "conflict" if conf else ("needs_review" if failing else "ok")
        for failing, conf in zip(winners["failing"], conflict.reindex(winners.index), strict=True)
    ]
    return winners.reset_index()


def _finding_keys(findings: pd.DataFrame | None) -> set[tuple[str, ...]]:
    """(indicator, period, province_code, file_id) of every table that failed as a whole."""
    if findings is None or findings.empty:
        return set()
    cols = [*PROVINCE_KEY, "file_id"]
    return {tuple(text_of(v) for v in key) for key in findings[cols].to_numpy()}


def _province_rows(candidates: pd.DataFrame, districts: pd.DataFrame,
                   findings: set[tuple[str, ...]] = frozenset()) -> pd.DataFrame:
    """Province rows: sums of resolved districts where known, else province-level reports."""
    level = candidates[candidates["district_code"] == ""]
    derived = _sum_districts(districts, level, findings)
    have = set(map(tuple, derived[PROVINCE_KEY].to_numpy())) if len(derived) else set()
    only = level[[tuple(k) not in have for k in level[PROVINCE_KEY].to_numpy()]]
    reported = _resolve(only, DISTRICT_KEY)
    return pd.concat([derived, reported], ignore_index=True)


def _sum_districts(districts: pd.DataFrame, level: pd.DataFrame,
                   findings: set[tuple[str, ...]] = frozenset()) -> pd.DataFrame:
    """Sum district rows per province; fold in the flags of the files' own province rows."""
    if districts.empty:
        return pd.DataFrame(columns=[*DISTRICT_KEY, "province", "district", *NUMBERS])
    grouped = districts.groupby(PROVINCE_KEY, sort=True)
    out = grouped.agg(province=("province", _first_text))
    for col in NUMBERS:
        out[col] = grouped[col].agg(strict_sum)
    out["source_file_ids"] = grouped["source_file_ids"].agg(_join_ids)
    out["status"] = grouped["status"].agg(lambda s: max(s, key=_STATUS_RANK.__getitem__))
    out = out.reset_index()
    out["district_code"], out["district"] = "", ""
    return _apply_total_rows(out, level, findings)


def _apply_total_rows(derived: pd.DataFrame, level: pd.DataFrame,
                      findings: set[tuple[str, ...]] = frozenset()) -> pd.DataFrame:
    """A contributing file's failing province-level row, or its table for the province failing as
    a whole (the printed total row ≠ its rows) → the province row needs review."""
    failing = level[level["failing"]]
    bad = {(*k, f) for *k, f in failing[[*PROVINCE_KEY, "file_id"]].to_numpy()} | set(findings)
    if not bad:
        return derived
    for i, row in derived.iterrows():
        ids = row["source_file_ids"].split(";")
        if any((*(row[c] for c in PROVINCE_KEY), f) in bad for f in ids):
            derived.at[i, "status"] = max(row["status"], "needs_review", key=_STATUS_RANK.__getitem__)
    return derived


def _finish(out: pd.DataFrame) -> pd.DataFrame:
    """Contract columns and types, names filled from the gazetteer, sorted by key."""
    out = out.copy()
    for col in NUMBERS:
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("Int64")
    out["province"] = [
        text_of(p) or _province_name(c) for p, c in zip(out["province"], out["province_code"], strict=True)
    ]
    out["district"] = out["district"].fillna("").astype(str)
    out = out.sort_values(DISTRICT_KEY, kind="stable").reset_index(drop=True)
    return out[PROGRESS_COLUMNS]


def _province_name(code: str) -> str:
    province = geothai.province(code) if code else None
    return province.name_th if province else ""


def strict_sum(values: pd.Series) -> object:
    """Sum, but unknown when any part is unknown (the contract: never a guess)."""
    return pd.NA if values.isna().any() or values.empty else int(values.sum())


def _first_text(values: pd.Series) -> str:
    texts = [str(v) for v in values if isinstance(v, str) and v]
    return texts[0] if texts else ""


def _join_ids(values: pd.Series) -> str:
    ids = {i for v in values for i in str(v).split(";") if i}
    return ";".join(sorted(ids))


def _to_date(value: object) -> dt.date | None:
    """A letter's date; unknown when missing or unreadable (it then ranks below every dated one)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:  # a pandas Timestamp outside Python's dates cannot give .date(): NotImplementedError
        if isinstance(value, dt.datetime):
            return value.date()
        text = text_of(value)
        return pd.Timestamp(text).date() if text else None
    except (ValueError, TypeError, OverflowError, NotImplementedError):
        return None


def _max_date(values: pd.Series) -> dt.date | None:
    dates = [d for d in values if d is not None and not pd.isna(d)]
    return max(dates) if dates else None


def _date_key(value: object) -> dt.date:
    """Sort key: an unknown date sorts before every known one."""
    return value if isinstance(value, dt.date) else dt.date.min
