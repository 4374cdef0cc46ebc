"""F13: the follow-up letter drafted from the dataset, and read back by Saraban itself.

Fast tests build a dataset by hand in DuckDB and draft without PDF. The slow round trip ingests
digital inputs (tests/followup_data.py), drafts with LibreOffice, renders the PDF at 300 dpi,
and runs the per-file pipeline on those page images: the letter it reads back must say what was
drafted, and the attachment's table must hold exactly the `progress` rows it was drawn from.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import duckdb
import followup_data as data
import pytest
from conftest import run_cli
from docx import Document as open_docx
from PIL import Image

from pipeline.dataset.storage import create_schema
from pipeline.drafting.blanks import BLANK
from pipeline.drafting.facts import find_circular
from pipeline.drafting.followup import NothingToDraftError, draft_followup
from pipeline.drafting.settings import DraftSettings, load_draft_settings
from pipeline.drafting.standings import find_standings
from pipeline.drafting.thai_format import next_day_of_month, thai_date, thai_month, thai_number
from pipeline.drafting.wording import parse_sections, render_sections

JOINT = "joint_centre"
KPI_NAME = "การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"
SUBJECT = f"เร่งรัด{KPI_NAME}"
OFFICE = DraftSettings(
    office="กรมส่งเสริมการปกครองท้องถิ่น", address="ถนนนครราชสีมา เขตดุสิต กทม. 10300",
    number="มท 0810.7/ว 1055", urgency="ด่วนที่สุด", signatory="นายสมชาย ใจดี",
    position="อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", division="กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น",
    phone="0 2241 9000 ต่อ 2312", fax="0 2241 6956", date=dt.date(2018, 3, 26),
)


@pytest.mark.parametrize("value, text", [
    pytest.param(dt.date(2018, 2, 14), "๑๔ กุมภาพันธ์ ๒๕๖๑", id="date"),
    pytest.param("2018-03", "มีนาคม ๒๕๖๑", id="period"),
    pytest.param(878, "๘๗๘", id="count"),
    pytest.param(1234.0, "๑,๒๓๔", id="thousands"),
    pytest.param(None, "", id="unknown-is-empty"),
])
def test_thai_forms(value: object, text: str) -> None:
    shown = thai_date(value) if isinstance(value, dt.date) else thai_month(value) if isinstance(value, str) \
        else thai_number(value)
    assert shown == text


@pytest.mark.parametrize("after, day, due", [
    pytest.param(dt.date(2018, 3, 26), 15, dt.date(2018, 4, 15), id="next-month"),
    pytest.param(dt.date(2018, 3, 2), 15, dt.date(2018, 3, 15), id="same-month"),
    pytest.param(dt.date(2018, 12, 20), 15, dt.date(2019, 1, 15), id="new-year"),
])
def test_report_by(after: dt.date, day: int, due: dt.date) -> None:
    assert next_day_of_month(after, day) == due


def test_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "drafting.toml"
    path.write_text('font = "TH Sarabun New"\n[office]\nname = "กรมส่งเสริมการปกครองท้องถิ่น"\nemblem = "garuda.png"\n'
                    '[letter]\nnumber = "มท 0810.7/ว"\ndate = 2018-03-26\n[signatory]\nname = "นายสมชาย ใจดี"\n',
                    encoding="utf-8")
    settings = load_draft_settings(path)
    assert (settings.office, settings.signatory, settings.font) == ("กรมส่งเสริมการปกครองท้องถิ่น", "นายสมชาย ใจดี",
                                                                    "TH Sarabun New")
    assert settings.emblem == tmp_path / "garuda.png" and settings.date == dt.date(2018, 3, 26)
    assert settings.with_options(signatory="นางสาวใจงาม ดีมาก", number=None).signatory == "นางสาวใจงาม ดีมาก"
    assert load_draft_settings(tmp_path / "absent.toml") == DraftSettings()
    path.write_text("[office]\nnmae = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nmae"):
        load_draft_settings(path)


def test_sections_from_template_text() -> None:
    found = parse_sections("## เรื่อง\nเร่งรัด\nการจัดตั้ง\n\n## เนื้อความ\nย่อหน้าแรก\n\nย่อหน้าสอง\n## หัว\nno: ลำดับที่\n")
    assert found.text("เรื่อง") == "เร่งรัด การจัดตั้ง"
    assert found.paragraphs("เนื้อความ") == ["ย่อหน้าแรก", "ย่อหน้าสอง"]
    assert found.pairs("หัว") == {"no": "ลำดับที่"}


def test_an_office_template_wins(tmp_path: Path) -> None:
    (tmp_path / "followup_letter.j2").write_text("## เรื่อง\nขอเร่งรัด{{ topic }}\n", encoding="utf-8")
    assert render_sections("followup_letter.j2", {"topic": "x"}, [tmp_path]).text("เรื่อง") == "ขอเร่งรัดx"


def _hand_dataset() -> duckdb.DuckDBPyConnection:
    """Four provinces' joint-centre rows and the circulars that set, then repeated, KPI 4.2."""
    conn = duckdb.connect()
    create_schema(conn)
    conn.execute("INSERT INTO files (file_id, source_name, status) VALUES ('c', 'c.pdf', 'processed'), "
                 "('f', 'f.pdf', 'processed')")
    letters = [("c", "มท 0810.7/ว 435", dt.date(2018, 2, 14), "ทุกวันที่ 15 ของเดือน"),
               ("f", "อต 0023.4/ว 160", dt.date(2018, 2, 23), "")]  # a province forwarding it
    for file_id, number, date, recurring in letters:
        conn.execute("INSERT INTO letters (file_id, letter_index, kind, doc_number, circular, date, urgency, sender, "
                     "deadline_text) VALUES (?, 0, 'letter', ?, true, ?, 'ด่วนที่สุด', 'กรมส่งเสริมการปกครองท้องถิ่น', ?)",
                     [file_id, number, date, recurring])
        conn.execute("INSERT INTO indicators VALUES (?, 0, 0, 2561, '4.2', ?, 878, 'ศูนย์', DATE '2018-04-30', '', '', 1)",
                     [file_id, KPI_NAME])
    rows = [("24", "ฉะเชิงเทรา", "2018-03", 11, 5, "ok"), ("20", "ชลบุรี", "2018-03", 11, 0, "conflict"),
            ("63", "ตาก", "2018-02", 9, 3, "ok"), ("50", "เชียงใหม่", "2018-03", 25, 25, "ok"),
            ("73", "นครปฐม", "2018-01", 7, 7, "ok")]
    for code, name, period, total, done, status in rows:
        conn.execute("INSERT INTO progress VALUES (?, ?, ?, '', ?, '', ?, ?, ?, 'x', ?)",
                     [JOINT, period, code, name, total, done, total - done, status])
    conn.execute(f"INSERT INTO national VALUES ('{JOINT}', '2018-03', 3, 2, 63, 40, 23, 878, 4.6)")
    return conn


def test_standings_behind_missing_and_done() -> None:
    conn = _hand_dataset()
    behind = find_standings(conn, JOINT, "2018-03", "behind")
    assert [(s.province, s.period, s.established, s.status) for s in behind] == [
        ("ฉะเชิงเทรา", "2018-03", 5, "ok"), ("ชลบุรี", "2018-03", 0, "conflict")]
    missing = find_standings(conn, JOINT, "2018-03", "missing")
    assert [s.province for s in missing if s.has_figures] == ["ตาก"]  # นครปฐม was complete: nothing to chase
    assert next(s for s in missing if s.province == "ตาก").period == "2018-02"
    assert len(missing) == 76 - 4  # all but the two behind and the two complete (เชียงใหม่, นครปฐม)
    everyone = find_standings(conn, JOINT, "2018-03", "all")
    assert len(everyone) == len(behind) + len(missing)
    assert [s.province for s in everyone][:3] == ["กระบี่", "กาญจนบุรี", "กาฬสินธุ์"]  # Thai dictionary order


def test_the_circular_that_set_the_target() -> None:
    found = find_circular(_hand_dataset(), JOINT, "2018-03")
    assert found is not None and found.doc_number == "มท 0810.7/ว 435"
    assert (found.kpi.code, found.kpi.target, found.kpi.unit) == ("4.2", 878, "ศูนย์")
    assert find_circular(_hand_dataset(), "help_centre", "2018-03") is None


def _docx_text(docx: bytes) -> str:
    doc = open_docx(io.BytesIO(docx))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_draft_with_every_fact_given(tmp_path: Path) -> None:
    emblem = tmp_path / "garuda.png"
    Image.new("L", (300, 300), 0).save(emblem)  # stands for the office's own file
    draft = draft_followup(_hand_dataset(), JOINT, "2018-03", "behind",
                           OFFICE.with_options(emblem=emblem), pdf=False)
    assert draft.blanks == [] and draft.pdf is None and draft.subject == SUBJECT
    text = _docx_text(draft.docx)
    assert not re.search(r"[0-9]", text)  # Thai digits throughout
    for part in ("ที่ มท ๐๘๑๐.๗/ว ๑๐๕๕", "๒๖ มีนาคม ๒๕๖๑", "ที่\u00a0มท\u00a0๐๘๑๐.๗/ว\u00a0๔๓๕",
                 "ลงวันที่ ๑๔ กุมภาพันธ์ ๒๕๖๑", "ภายในวันที่ ๑๕ เมษายน ๒๕๖๑", "(นายสมชาย ใจดี)",
                 "รายงานหลายฉบับไม่ตรงกัน", "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๒๓๑๒"):
        assert part in text, part
    doc = open_docx(io.BytesIO(draft.docx))
    assert len(doc.inline_shapes) == 1  # the Garuda
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cs") == "TH SarabunPSK"
    assert doc.styles["Normal"].font.size.pt == 16


def test_facts_nobody_gave_are_blanks() -> None:
    conn = _hand_dataset()
    conn.execute("DELETE FROM indicators")
    draft = draft_followup(conn, JOINT, "2018-03", "behind", DraftSettings(number="มท 0810.7/ว"), pdf=False)
    fields = {b.field for b in draft.blanks}
    assert {"emblem", "number_serial", "signatory", "position", "office", "reference_doc_number",
            "kpi_target"} <= fields
    assert "number" not in fields
    text = _docx_text(draft.docx)
    assert f"ที่ มท ๐๘๑๐.๗/ว {BLANK}" in text and f"({BLANK})" in text


def test_nothing_to_draft_and_bad_choices() -> None:
    conn = _hand_dataset()
    with pytest.raises(NothingToDraftError):
        draft_followup(conn, JOINT, "2017-01", "behind", pdf=False)
    with pytest.raises(ValueError, match="indicator"):
        draft_followup(conn, "kpi_9", pdf=False)
    with pytest.raises(ValueError, match="provinces"):
        draft_followup(conn, JOINT, provinces="late", pdf=False)  # type: ignore[arg-type]


# --- the round trip ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def drafted_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose dataset was built by ingesting the digital inputs of followup_data."""
    root = tmp_path_factory.mktemp("followup") / "home"
    (root / "processed").mkdir(parents=True)
    paths = data.write_inputs(root.parent / "inputs")
    data.ingest(paths, root / "processed" / "saraban.duckdb", root.parent / "cache").close()
    return root


@pytest.fixture(scope="module")
def drafted(drafted_home: Path):
    conn = duckdb.connect(str(drafted_home / "processed" / "saraban.duckdb"), read_only=True)
    draft = draft_followup(conn, JOINT, data.PERIOD, "all", OFFICE)
    progress = conn.execute(
        "SELECT province_code, period, total, established, not_established FROM progress "
        "WHERE indicator = ? AND coalesce(district_code, '') = '' ORDER BY province_code, period", [JOINT]).fetchall()
    conn.close()
    return draft, progress


@pytest.fixture(scope="module")
def read_back(drafted, tmp_path_factory: pytest.TempPathFactory):
    """The drafted PDF as page images at 300 dpi, scanned into one multi-page TIFF, through Saraban."""
    from flows.process import process_file

    draft, _ = drafted
    work = tmp_path_factory.mktemp("scan")
    (work / "draft.pdf").write_bytes(draft.pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(work / "draft.pdf"), str(work / "page")],
                   check=True, timeout=300)
    pages = [Image.open(p) for p in sorted(work.glob("page-*.png"))]
    pages[0].save(work / "scan.tif", save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(300, 300))
    return process_file(work / "scan.tif", work / "cache")


@pytest.mark.slow
def test_the_dataset_behind_the_draft(drafted) -> None:
    draft, _ = drafted
    reasons = {s.province_code: (s.reason, s.period) for s in draft.provinces}
    assert {c for c, (r, _) in reasons.items() if r == "behind"} == set(data.BEHIND)
    assert {c: p for c, (r, p) in reasons.items() if r == "missing"} == {
        **{c: "2018-02" for c in data.MISSING_CARRIED}, **{c: "" for c in data.MISSING_NEVER}}
    assert [b.field for b in draft.blanks] == ["emblem"]  # the office gave everything else


@pytest.mark.slow
def test_libreoffice_opens_the_docx_cleanly(drafted, tmp_path: Path) -> None:
    draft, _ = drafted
    assert draft.pdf is not None and draft.pdf_error == "" and draft.pdf_warnings == ""
    (tmp_path / "d.pdf").write_bytes(draft.pdf)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "d.pdf")], capture_output=True, text=True, check=True)
    assert "Laksaman" in fonts.stdout  # TH SarabunPSK, rendered by its metric twin


@pytest.mark.slow
def test_the_letter_reads_back_as_drafted(drafted, read_back) -> None:
    draft, _ = drafted
    _, extraction = read_back
    letter = extraction.letters[0]
    assert len(extraction.letters) == 1
    assert letter.subject == draft.subject == SUBJECT
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 435", dt.date(2018, 2, 14))]
    assert letter.date == draft.date == dt.date(2018, 3, 26)
    assert letter.doc_number == "มท 0810.7/ว 1055" and letter.urgency == "ด่วนที่สุด"
    assert letter.deadline == dt.date(2018, 4, 15)
    assert letter.provinces == [s.province for s in draft.provinces]


@pytest.mark.slow
def test_the_attachment_table_is_progress(drafted, read_back) -> None:
    draft, progress = drafted
    _, extraction = read_back
    read = sorted((r.province_code, r.period, r.total, r.established, r.not_established)
                  for r in extraction.report_rows)
    listed = {(s.province_code, s.period) for s in draft.provinces if s.has_figures}
    assert read == [row for row in progress if (row[0], row[1]) in listed]
    assert len(read) == len(data.BEHIND) + len(data.MISSING_CARRIED)
    assert all(not r.flags for r in extraction.report_rows)


@pytest.mark.slow
def test_cli_writes_the_draft_and_its_blanks(drafted_home: Path, tmp_path: Path) -> None:
    result = run_cli("draft", "followup", JOINT, "--out", str(tmp_path), "--provinces", "behind",
                     "--number", "มท 0810.7/ว", "--no-pdf", home=drafted_home)
    stem = f"followup_{JOINT}_{data.PERIOD}"
    assert (tmp_path / f"{stem}.docx").is_file() and not (tmp_path / f"{stem}.pdf").exists()
    blanks = (tmp_path / f"{stem}.blanks.txt").read_text(encoding="utf-8")
    assert "(number_serial)" in blanks and "(signatory)" in blanks and "(emblem)" in blanks
    assert "(signatory)" in result.stdout and "[signatory] name" in result.stdout
    refused = run_cli("draft", "followup", "kpi_9", "--out", str(tmp_path), home=drafted_home, check=False)
    assert refused.returncode == 2
