"""Property tests: the rebuild tolerates any row the extractors can emit, and its invariants hold.

Hypothesis makes report rows (periods missing, unreadable or in the Buddhist era; places missing
or unknown; counts missing, negative, huge; any flags), letters (dates missing or garbage),
file statuses and analysts' corrections (good, bad and aimed at rows that do not exist). The
rebuild runs on a real DuckDB dataset, as `saraban ingest` and `saraban reconcile` run it.
"""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import geothai
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dataset import storage
from pipeline.dataset.build import corrected_rows, rebuild_dataset
from pipeline.dataset.corrections import CORRECTION_COLUMNS, EDITABLE_FIELDS
from pipeline.dataset.explain import VIEWS_SQL
from pipeline.dataset.national import national
from pipeline.dataset.reconcile import DISTRICT_KEY, FAILING_FLAGS, NUMBERS, PROVINCE_KEY, reconcile
from pipeline.dataset.row_checks import ROW_CHECK_FLAGS, is_period, placeable_mask, whole_count

FILE_IDS = ["a", "b", "c", "d"]
PERIODS = ["2024-01", "2024-02", "2024-04", "2023-12"]
ODD_PERIODS = ["", None, "2561-03", "2024-13", "2024-1", "มีนาคม", "0000-00"]
PROVINCES = ["53", "58", "11"]
DISTRICTS = ["5301", "5302", "5801", "5802"]
ODD_PLACES = ["", None, "99", "5399", "abc"]
FLAGS = [*sorted(FAILING_FLAGS), "name_corrected", "reviewed", "corrected", "x;y", ""]
STATUSES = ["processed", "partial", "quarantined", "duplicate"]

counts = st.one_of(st.none(), st.integers(0, 40), st.integers(-5, -1), st.integers(10**6, 2**62))
periods = st.one_of(st.sampled_from(PERIODS), st.sampled_from(ODD_PERIODS))
provinces = st.one_of(st.sampled_from(PROVINCES), st.sampled_from(ODD_PLACES))
districts = st.one_of(st.just(""), st.sampled_from(DISTRICTS), st.sampled_from(ODD_PLACES))
row_strategy = st.fixed_dictionaries({
    "file_id": st.sampled_from(FILE_IDS),
    "page": st.integers(1, 3),
    "table_index": st.integers(0, 1),
    "indicator": st.sampled_from(["help_centre", "joint_centre", ""]),
    "period": periods,
    "province_code": provinces,
    "province": st.sampled_from(["", "อุตรดิตถ์", None]),
    "district_code": districts,
    "district": st.sampled_from(["", "ตรอน", None]),
    "unit_label": st.sampled_from(["", "อบจ.", "รวม"]),
    "total": counts,
    "established": counts,
    "not_established": counts,
    "remark": st.just(""),
    "confidence": st.one_of(st.none(), st.floats(0, 1)),
    "flags": st.lists(st.sampled_from(FLAGS), max_size=3).map(";".join),
})
dates = st.one_of(st.none(), st.dates(dt.date(2023, 1, 1), dt.date(2025, 1, 1)))
letter_strategy = st.fixed_dictionaries({
    "file_id": st.sampled_from(FILE_IDS), "date": dates, "received_date": dates,
})
correction_strategy = st.fixed_dictionaries({
    "row": st.integers(0, 30),  # index into the generated rows; past the end: a missing row
    "field": st.sampled_from([*EDITABLE_FIELDS, "bogus"]),
    "new_value": st.sampled_from(["", "7", "-3", "abc", "2024-02", "2561-02", "5801", "99", "true", "1.5"]),
})


@st.composite
def datasets(draw) -> dict[str, object]:
    rows = draw(st.lists(row_strategy, max_size=30))
    for i, row in enumerate(rows):
        row["row_index"] = i  # unique (file_id, page, table_index, row_index), as the table's key
    return {
        "rows": rows,
        "letters": draw(st.lists(letter_strategy, max_size=6)),
        "statuses": draw(st.lists(st.sampled_from(STATUSES), min_size=len(FILE_IDS), max_size=len(FILE_IDS))),
        "corrections": draw(st.lists(correction_strategy, max_size=6)),
    }


def load(conn: duckdb.DuckDBPyConnection, data: dict) -> None:
    storage.create_schema(conn)
    storage.insert_frame(conn, "report_rows", pd.DataFrame(data["rows"]))
    letters = pd.DataFrame(data["letters"], columns=["file_id", "date", "received_date"])
    letters["letter_index"] = letters.groupby("file_id").cumcount()
    storage.insert_frame(conn, "letters", letters)
    files = [{"file_id": f, "source_name": f"{f}.pdf", "status": s} for f, s in zip(FILE_IDS, data["statuses"], strict=True)]
    storage.insert_frame(conn, "files", pd.DataFrame(files))
    storage.insert_frame(conn, "corrections", _corrections(data))


def _corrections(data: dict) -> pd.DataFrame:
    out = []
    for i, corr in enumerate(data["corrections"]):
        row = data["rows"][corr["row"]] if corr["row"] < len(data["rows"]) else {"file_id": "gone", "page": 9,
                                                                                 "table_index": 9, "row_index": 9}
        out.append({"correction_id": f"c{i}", **{k: row[k] for k in ("file_id", "page", "table_index", "row_index")},
                    "field": corr["field"], "old_value": "", "new_value": corr["new_value"], "reason": "",
                    "note": "", "author": "t", "created_at": dt.datetime(2024, 5, 1, 0, i)})
    return pd.DataFrame(out, columns=CORRECTION_COLUMNS)


def table(conn: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    return conn.execute(f"SELECT * FROM {name}").df()


def strict_sum(values: list) -> int | None:
    return None if not values or any(v is None for v in values) else sum(values)


def usable(rows: pd.DataFrame, statuses: list[str]) -> pd.DataFrame:
    good = {f for f, s in zip(FILE_IDS, statuses, strict=True) if s not in ("quarantined", "duplicate")}
    return rows[rows["file_id"].isin(good)]


def _text(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    frame = frame.copy()
    for col in columns:
        frame[col] = frame[col].fillna("").astype(str)
    return frame


def assert_progress_invariants(progress: pd.DataFrame, rows: pd.DataFrame) -> None:
    """One row per key; every key placeable and backed by rows; sums as the rules say."""
    progress = _text(progress, DISTRICT_KEY)
    assert not progress.duplicated(DISTRICT_KEY).any()
    assert progress["period"].map(is_period).all()
    assert placeable_mask(progress).all()
    assert set(progress["status"]) <= {"ok", "conflict", "needs_review"}
    placed = _text(rows[placeable_mask(rows)], DISTRICT_KEY)
    by_key = {k: g for k, g in placed.groupby(DISTRICT_KEY)}
    keys = set(by_key) | {(*k[:3], "") for k in by_key}
    assert set(map(tuple, progress[DISTRICT_KEY].to_numpy())) == keys
    for record in progress.to_dict("records"):
        if record["district_code"]:
            assert_district_numbers(record, by_key[tuple(record[c] for c in DISTRICT_KEY)])
        else:
            assert_province_numbers(record, progress)


def _counts(frame: pd.DataFrame, col: str) -> list:
    return [whole_count(v) for v in frame[col]]


def assert_district_numbers(record: dict, rows: pd.DataFrame) -> None:
    """A district's numbers are one source file's strict sums, and only source files fed it."""
    sources = record["source_file_ids"].split(";")
    assert sources == sorted(set(rows["file_id"]))
    sums = {f: tuple(strict_sum(_counts(g, c)) for c in NUMBERS) for f, g in rows.groupby("file_id")}
    got = tuple(None if pd.isna(record[c]) else int(record[c]) for c in NUMBERS)
    assert got in sums.values()
    if len(set(sums.values())) == 1:
        assert record["status"] != "conflict"


def assert_province_numbers(record: dict, progress: pd.DataFrame) -> None:
    """A province row with district rows is their strict sum."""
    districts = progress[(progress[PROVINCE_KEY] == pd.Series(record)[PROVINCE_KEY]).all(axis=1)
                         & (progress["district_code"] != "")]
    if districts.empty:
        return
    for col in NUMBERS:
        expected = strict_sum([None if pd.isna(v) else int(v) for v in districts[col]])
        assert (None if pd.isna(record[col]) else int(record[col])) == expected


def assert_national_invariants(result: pd.DataFrame, progress: pd.DataFrame) -> None:
    """One row per indicator and month, no gaps, each province counted once with its latest report."""
    assert not result.duplicated(["indicator", "period"]).any()
    provinces = _text(progress, DISTRICT_KEY)
    provinces = provinces[provinces["district_code"] == ""]
    for indicator, rows in result.groupby("indicator"):
        mine = provinces[provinces["indicator"] == indicator]
        months = pd.period_range(mine["period"].min(), mine["period"].max(), freq="M").astype(str)
        assert list(rows["period"]) == list(months)
        for record in rows.to_dict("records"):
            seen = mine[mine["period"] <= record["period"]].sort_values("period").groupby("province_code").tail(1)
            assert record["provinces_reporting"] == int((seen["period"] == record["period"]).sum())
            assert record["provinces_reporting"] + record["provinces_carried"] == len(seen)
            expected = strict_sum([None if pd.isna(v) else int(v) for v in seen["total"]])
            assert (None if pd.isna(record["total"]) else int(record["total"])) == expected
    assert set(result["indicator"]) == set(provinces["indicator"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_rebuild_never_raises_and_keeps_its_invariants(data: dict) -> None:
    with duckdb.connect() as conn:
        load(conn, data)
        as_read = table(conn, "report_rows")
        rebuild_dataset(conn)
        rows, _ = corrected_rows(conn)
        rows = usable(rows, data["statuses"])
        progress, unplaced = table(conn, "progress"), table(conn, "unplaced_rows")
        assert_progress_invariants(progress, rows)
        assert_national_invariants(table(conn, "national"), progress)
        assert len(unplaced) == int((~placeable_mask(rows)).sum())  # every row is placed or listed
        pd.testing.assert_frame_equal(table(conn, "report_rows"), as_read)  # as read, untouched
        listed = conn.execute("SELECT file_id, page, table_index, row_index FROM needs_review").fetchall()
        for record in unplaced.to_dict("records"):
            if ROW_CHECK_FLAGS.intersection(record["flags"].split(";")):
                assert (record["file_id"], record["page"], record["table_index"], record["row_index"]) in listed


wild = st.one_of(st.none(), st.just(float("nan")), st.integers(-10, 10), st.floats(allow_nan=True),
                 st.text(max_size=4), st.just(pd.NA))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "file_id": st.one_of(st.sampled_from(FILE_IDS), st.none()),
    "indicator": st.one_of(st.sampled_from(["help_centre", ""]), wild),
    "period": st.one_of(periods, wild), "province_code": st.one_of(provinces, wild),
    "district_code": st.one_of(districts, wild), "total": wild, "established": wild,
    "not_established": wild, "confidence": wild, "flags": st.one_of(st.sampled_from(FLAGS), wild),
}), max_size=15), st.lists(st.fixed_dictionaries({"file_id": st.sampled_from(FILE_IDS), "date": wild,
                                                   "received_date": wild}), max_size=4))
def test_reconcile_and_national_take_any_frame(rows: list[dict], letters: list[dict]) -> None:
    """Pure functions, any cell type pandas can hold: no exception, and a well-formed result."""
    frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else ["file_id"])
    progress = reconcile(frame, pd.DataFrame(letters), pd.DataFrame(columns=["file_id", "status"]))
    assert not _text(progress, DISTRICT_KEY).duplicated(DISTRICT_KEY).any()
    assert progress["period"].map(is_period).all()
    result = national(progress, pd.DataFrame([{"name": "ศูนย์ปฏิบัติการร่วม", "target_value": float("inf")}]))
    assert not result.duplicated(["indicator", "period"]).any()


def test_views_list_exactly_the_failing_flags() -> None:
    """views.sql spells the failing flags out; they must stay the ones reconcile fails on."""
    sql = VIEWS_SQL.read_text(encoding="utf-8")
    view = sql[sql.index("CREATE OR REPLACE VIEW needs_review"):]
    lists = re.findall(r"\(\^\|;\)\(([a-z_|]+)\)", view)
    assert set(lists[0].split("|")) == FAILING_FLAGS
    assert set(lists[1].split("|")) == ROW_CHECK_FLAGS


@pytest.mark.parametrize(("period", "province", "district", "flags"), [
    pytest.param("", "53", "5301", ["no_period"], id="caption-month-unread"),
    pytest.param("2561-03", "53", "", ["bad_period"], id="buddhist-era-year"),
    pytest.param("2024-03", "", "", ["no_place"], id="no-province"),
    pytest.param("2024-03", "53", "5801", ["bad_place"], id="district-of-another-province"),
    pytest.param("2024-03", "53", "5301", [], id="placeable"),
])
def test_a_row_without_a_key_is_listed_not_reconciled(period: str, province: str, district: str,
                                                      flags: list[str]) -> None:
    rows = [{"file_id": "a", "page": 1, "table_index": 0, "row_index": 0, "indicator": "help_centre",
             "period": period, "province_code": province, "district_code": district,
             "total": 3, "established": 1, "not_established": 2, "confidence": 1.0, "flags": ""}]
    with duckdb.connect() as conn:
        load(conn, {"rows": rows, "letters": [], "statuses": ["processed"] * 4, "corrections": []})
        progress_rows, _ = rebuild_dataset(conn)
        unplaced = table(conn, "unplaced_rows")
        review = conn.execute("SELECT flags, status FROM needs_review").fetchall()
    assert progress_rows == (0 if flags else 2)
    assert [f.split(";") for f in unplaced["flags"]] == ([flags] if flags else [])
    assert review == ([(flags[0], "needs_review")] if flags else [])


def test_a_corrected_period_places_the_row() -> None:
    row = {"file_id": "a", "page": 1, "table_index": 0, "row_index": 0, "indicator": "help_centre", "period": "",
           "province_code": "53", "district_code": "5301", "total": 3, "established": 1, "not_established": 2,
           "confidence": 1.0, "flags": "no_period"}
    data = {"rows": [row], "letters": [], "statuses": ["processed"] * 4,
            "corrections": [{"row": 0, "field": "period", "new_value": "2024-02"}]}
    with duckdb.connect() as conn:
        load(conn, data)
        rebuild_dataset(conn)
        progress = table(conn, "progress")
        assert table(conn, "unplaced_rows").empty
        assert conn.execute("SELECT count(*) FROM needs_review").fetchone() == (0,)
    assert progress[["period", "district_code", "total"]].values.tolist() == [["2024-02", "", 3],
                                                                            ["2024-02", "5301", 3]]


def test_an_impossible_count_is_unknown_and_reviewed() -> None:
    rows = [{"file_id": "a", "page": 1, "table_index": 0, "row_index": 0, "indicator": "help_centre",
             "period": "2024-01", "province_code": "53", "district_code": "5301", "total": -4, "established": 1,
             "not_established": 2, "confidence": 1.0, "flags": ""}]
    progress = reconcile(pd.DataFrame(rows), pd.DataFrame(), pd.DataFrame())
    assert progress["total"].isna().all() and set(progress["status"]) == {"needs_review"}
    assert progress["established"].tolist() == [1, 1]


def test_geothai_districts_used_above_exist() -> None:
    """The strategies' 'good' places must really be good, or the properties test less than they say."""
    assert all(geothai.province(p) for p in PROVINCES)
    assert all(geothai.district(d) and geothai.district(d).province_code in PROVINCES for d in DISTRICTS)
