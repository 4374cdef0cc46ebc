"""national(): hand-computed monthly totals with carried-forward provinces, and the sample truth."""

from __future__ import annotations

import pandas as pd
import pytest
import synthetic_reports as syn
from reconcile_truth import TRUTH, truth_frames

from pipeline.dataset.national import NATIONAL_COLUMNS, fiscal_year_be, kpi_targets, national
from pipeline.dataset.reconcile import reconcile

H, J = "help_centre", "joint_centre"
JOINT_KPI = "การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"
# indicator, period, reporting, carried, total, established, not_established, target, pct
EXPECTED = [
    (H, "2024-01", 2, 0, 60, 34, 26, None, None),
    (H, "2024-02", 2, 0, 60, 42, 18, None, None),  # 58's late report counts as reporting
    (H, "2024-03", 1, 1, 60, 46, 14, None, None),  # 58 carried from February
    (J, "2024-01", 2, 0, 13, 7, 6, 100, 7.0),
    (J, "2024-02", 0, 2, 13, 7, 6, 100, 7.0),  # no report at all: both carried, no gap
    (J, "2024-03", 1, 1, 13, 8, 5, 100, 8.0),  # 13 missing: carried from January
]


def _records(frame: pd.DataFrame) -> list[tuple]:
    return [
        tuple(None if pd.isna(v) else v for v in r)
        for r in frame[NATIONAL_COLUMNS].itertuples(index=False, name=None)
    ]


def _indicators(value: int, unit: str = "ศูนย์", year: int = 2567) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "file_id": "k",
                "letter_index": 0,
                "fiscal_year": year,
                "code": "4.2",
                "name": JOINT_KPI,
                "target_value": value,
                "target_unit": unit,
            }
        ]
    )


@pytest.fixture(scope="module")
def progress() -> pd.DataFrame:
    return reconcile(syn.report_rows(), syn.letters(), syn.files())


def test_synthetic_national_matches_hand_computed(progress: pd.DataFrame) -> None:
    assert _records(national(progress, _indicators(100))) == EXPECTED


def test_geo_target_fallback_is_district_count(progress: pd.DataFrame) -> None:
    joint = national(progress, pd.DataFrame())
    joint = joint[joint["indicator"] == J]
    assert joint["target"].tolist() == [878, 878, 878]
    assert joint["pct_of_target"].tolist() == [0.8, 0.8, 0.9]  # 7/878, 8/878 rounded half up
    bare = national(progress, pd.DataFrame(), geo_targets=False)
    assert bare["target"].isna().all() and bare["pct_of_target"].isna().all()


def test_percentage_kpi_is_not_a_count_target(progress: pd.DataFrame) -> None:
    assert kpi_targets(_indicators(80, unit="ร้อยละ")) == {}
    assert kpi_targets(_indicators(878)) == {J: [(2567, 878)]}


def test_target_follows_fiscal_year(progress: pd.DataFrame) -> None:
    kpis = pd.concat([_indicators(50, year=2566), _indicators(200, year=2567)])
    joint = national(progress, kpis)
    assert joint.loc[joint["indicator"] == J, "target"].tolist() == [200, 200, 200]
    assert fiscal_year_be("2023-09") == 2566 and fiscal_year_be("2023-10") == 2567


def test_sample_truth_matches_expected_national() -> None:
    frames = truth_frames()
    progress = reconcile(frames["report_rows"], frames["letters"], frames["files"])
    result = national(progress, pd.DataFrame())
    expected = pd.read_csv(TRUTH / "expected_national.csv", dtype=str, keep_default_na=False)
    got = result[list(expected.columns)].astype(str).replace({"<NA>": ""})
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)
    joint = result[result["indicator"] == J].iloc[0]
    assert (joint["target"], joint["pct_of_target"]) == (878, 4.4)


def test_row_without_period_changes_neither_progress_nor_national() -> None:
    """A report whose month could not be read must not stop the national table being built; the
    row itself is kept in report_rows, flagged no_period, and listed for review (unplaced_rows)."""
    rows = syn.report_rows()
    undated = rows.iloc[[0]].assign(period="", flags="period_unknown")
    progress = reconcile(pd.concat([rows, undated], ignore_index=True), syn.letters(), syn.files())
    assert not (progress["period"] == "").any()
    assert _records(national(progress, _indicators(100))) == _records(
        national(reconcile(rows, syn.letters(), syn.files()), _indicators(100)))
