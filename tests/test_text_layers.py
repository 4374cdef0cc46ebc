"""A verdict on every PDF page's text layer: sound → kept, repairable → repaired (and recorded),
otherwise → OCR'd. The PDFs are made here (tests/text_layer_pdfs.py): a real Thai font whose cmap
is altered, so the text layer says what the real broken exports say while the page shows the
true letter."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from text_layer_pdfs import LETTER, itext_style, save_layered_pdf, sound, word_style, wrong_tounicode

from flows.process import process_file
from pipeline.config import Settings
from pipeline.dataset import storage
from pipeline.loading import load_document
from pipeline.records import Document, Extraction, Page
from pipeline.thai.dates import find_thai_dates
from pipeline.thai.text import normalise
from pipeline.thai.text_layer import judge_text_layer

TRUTH = normalise("\n".join(LETTER))
KINDS = {"sound": sound, "word": word_style, "itext": itext_style, "gazette": wrong_tounicode}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("layers")
    made = {name: save_layered_pdf([damage(LETTER)], folder / f"{name}.pdf") for name, damage in KINDS.items()}
    made["mixed"] = save_layered_pdf([sound(LETTER), wrong_tounicode(LETTER)], folder / "mixed.pdf")
    return made


def first_page(path: Path) -> Page:
    return load_document(path, "id", Settings(), source_name=path.name).pages[0]


def test_the_damage_is_really_in_the_layers(pdfs: dict[str, Path]) -> None:
    """The generator's layers are as broken as the real exports (else the tests below prove nothing)."""
    raw = {name: _layer(pdfs[name]) for name in ("sound", "word", "itext", "gazette")}
    assert normalise(raw["sound"]) == TRUTH
    assert "สำนักงำนศึกษำธิกำร" in raw["word"] and "ตาแหน่ง" in raw["word"] and "ท่ี" in raw["word"]
    assert all(w in raw["itext"] for w in ("อานาจ", "จาเป็น", "ตารวจ")) and "ำ" not in raw["itext"]
    assert not any("\u0e01" <= c <= "\u0e5b" for c in raw["gazette"]) and "%" in raw["gazette"]


def _layer(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return pdf.pages[0].extract_text()


def test_sound_layer_is_kept_as_it_is(pdfs: dict[str, Path]) -> None:
    page = first_page(pdfs["sound"])
    assert (page.source, page.text_source, page.text_verdict.verdict) == ("text_layer", "text_layer", "sound")
    assert page.text_verdict.repairs == () and page.text_verdict.word_share >= 0.95
    assert page.text.split() == TRUTH.split() and page.image is None


def test_word_export_is_repaired_word_by_word(pdfs: dict[str, Path]) -> None:
    page = first_page(pdfs["word"])
    verdict = page.text_verdict
    assert (page.source, page.text_source, verdict.verdict) == ("text_layer", "repaired", "repairable")
    assert page.text.split() == TRUTH.split()
    assert {r.kind for r in verdict.repairs} == {"am_for_aa", "dropped_am", "mark_order"}
    assert verdict.word_share > verdict.word_share_before
    assert "สำนักงำน" in page.raw_text  # the layer as extracted stays beside the repair
    boxes = " ".join(w.text for w in page.words)  # word boxes carry the repairs too
    assert "ตำแหน่ง" in boxes and "สำนักงานศึกษาธิการจังหวัดลำปาง" in boxes and "ตาแหน่ง" not in boxes
    assert page.image is None  # repaired, not OCR'd


@pytest.mark.parametrize("face", ["Norasi", "Garuda"])
@pytest.mark.parametrize("kind", ["word", "itext"])
def test_repairs_do_not_depend_on_the_face(tmp_path: Path, face: str, kind: str) -> None:
    page = first_page(save_layered_pdf([KINDS[kind](LETTER)], tmp_path / f"{kind}.pdf", face=face))
    assert page.text_verdict.verdict == "repairable" and page.text.split() == TRUTH.split()


def test_itext_export_is_repaired_not_ocrd(pdfs: dict[str, Path]) -> None:
    page = first_page(pdfs["itext"])
    assert (page.source, page.text_source, page.text_verdict.verdict) == ("text_layer", "repaired", "repairable")
    assert page.text.split() == TRUTH.split()
    assert {r.kind for r in page.text_verdict.repairs} == {"dropped_am"}
    for before, after in [("อานาจ", "อำนาจ"), ("จาเป็น", "จำเป็น"), ("ตารวจ", "ตำรวจ")]:
        assert any(before in r.before and after in r.after for r in page.text_verdict.repairs)
    assert page.image is None


@pytest.mark.parametrize("kind", ["sound", "word", "itext"])
def test_thai_digit_dates_reach_the_page_text(pdfs: dict[str, Path], kind: str) -> None:
    """๓๐ มิถุนายน ๒๕๖๕ (Thai code points, or Arabic ones drawn as Thai by TH SarabunIT๙)."""
    text = first_page(pdfs[kind]).text
    assert "30 มิถุนายน 2565" in text and "18 กันยายน 2568" in text
    assert {d.date for d in find_thai_dates(text)} >= {dt.date(2022, 6, 30), dt.date(2025, 9, 18)}


def test_wrong_tounicode_map_is_ocrd(pdfs: dict[str, Path]) -> None:
    page = first_page(pdfs["gazette"])
    assert (page.source, page.text_source, page.text_verdict.verdict) == ("ocr", "ocr", "ocr")
    assert "ToUnicode" in page.text_verdict.reason and page.text_verdict.symbols > 0.05
    assert page.image is not None and page.image.min() < 100 and page.text == ""


def test_mixed_file_gets_a_verdict_per_page_and_ocrs_only_the_broken_one(pdfs: dict[str, Path],
                                                                        tmp_path: Path) -> None:
    doc, extraction = process_file(pdfs["mixed"], tmp_path, Settings(ocr_workers=1))
    sound_page, broken = doc.pages
    assert [p.text_verdict.verdict for p in doc.pages] == ["sound", "ocr"]
    assert [p.text_source for p in doc.pages] == ["text_layer", "ocr"]
    assert sound_page.confidence is None and sound_page.text.split() == TRUTH.split()
    assert broken.confidence is not None  # Tesseract read it
    read = set(broken.text.split())
    assert "%" not in broken.text and len(read & set(TRUTH.split())) >= 3  # Thai words, not the layer's ASCII
    stored = _stored_pages(doc, extraction)
    assert [(p, s) for p, s, _ in stored] == [(1, "text_layer"), (2, "ocr")]
    assert json.loads(stored[1][2])["reason"].startswith("symbols")


def test_repairs_are_stored_as_evidence(pdfs: dict[str, Path]) -> None:
    page = first_page(pdfs["itext"])
    doc = Document(file_id="f", source_name="itext.pdf", media="pdf", pages=[page])
    [(number, source, evidence)] = _stored_pages(doc, Extraction())
    found = json.loads(evidence)
    assert (number, source, found["verdict"]) == (1, "repaired", "repairable")
    assert any(kind == "dropped_am" and "จาเป็น" in was and "จำเป็น" in now for kind, was, now in found["repairs"])
    assert found["word_share"] >= 0.95 and found["cid"] == 0 and found["bad_code_points"] == 0
    assert found["repair_counts"] == {"dropped_am": len(page.text_verdict.repairs)}


def _stored_pages(doc: Document, extraction: Extraction) -> list[tuple]:
    conn = duckdb.connect(":memory:")
    storage.create_schema(conn)
    storage.write_extraction(conn, doc, extraction)
    return conn.execute("SELECT page, text_source, text_verdict_evidence FROM pages ORDER BY page").fetchall()


@pytest.mark.parametrize("version", ["2", storage.SCHEMA_VERSION])
def test_an_older_home_upgrades_in_place(tmp_path: Path, version: str) -> None:
    """A home written before the verdict existed (2, or a 3 written without these columns): its
    pages table gains the two columns, its rows kept."""
    path = tmp_path / "saraban.duckdb"
    conn = duckdb.connect(str(path))
    old_schema = storage._SCHEMA.read_text(encoding="utf-8").replace("text_source VARCHAR, text_verdict_evidence VARCHAR,", "")
    assert "text_source" not in old_schema.split("CREATE TABLE IF NOT EXISTS pages")[1].split(");")[0]
    conn.execute(old_schema)
    conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", [version])
    conn.execute("INSERT INTO pages (file_id, page, source, text) VALUES ('old', 1, 'ocr', 'เดิม')")
    assert "text_source" not in _columns(conn, "pages")
    storage.create_schema(conn)
    assert {"text_source", "text_verdict_evidence"} <= _columns(conn, "pages")
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (storage.SCHEMA_VERSION,)
    assert conn.execute("SELECT file_id, text, text_source FROM pages").fetchall() == [("old", "เดิม", None)]
    storage.create_schema(conn)  # opening it again changes nothing
    assert conn.execute("SELECT count(*) FROM pages").fetchone() == (1,)


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description}


@pytest.mark.parametrize("text, verdict, reason", [
    pytest.param("กรมส่งเสริมการปกครองท้องถิ่น ขอส่งสำเนาหนังสือ จำนวน 878 ฉบับ มาเพื่อทราบ", "sound", "", id="sound"),
    pytest.param("The Department of Local Administration sends the circular for information.", "sound", "",
                 id="plain-latin"),
    pytest.param("D8E#F3 248;/D070340G4>F/049:0H4!\"#IF3./012340 " * 3, "ocr", "symbols: a wrong ToUnicode map",
                 id="ascii-for-thai"),
    pytest.param("ABCDEF GHIJKL MNBVCX ZXCVBN QWRTYP " * 3, "ocr", "neither Thai nor Latin: a wrong ToUnicode map",
                 id="letters-without-vowels"),
    pytest.param("(cid:12)(cid:44)(cid:7)(cid:9) (cid:3)(cid:18)", "ocr", "cid codes", id="cid"),
    pytest.param("กรมส่งเสริม\ue123\ue124\ue125\ue126การปกครองท้องถิ่น", "ocr", "bad code points", id="pua"),
    pytest.param("ห้วยจ้ากั้งป๊อดแม่ส้อยกุ๊ดจ่อหมื่นหนองหล่มลือ " * 2, "ocr", "few dictionary words", id="not-words"),
    pytest.param("ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้แจ้งแนวทางการจัดทำแผนพัฒนาท้องถิ่น", "sound", "",
                 id="sound-with-am"),
])
def test_verdict_and_reason(text: str, verdict: str, reason: str) -> None:
    judged = judge_text_layer(text).verdict
    assert (judged.verdict, judged.reason) == (verdict, reason)


def test_thai_presentation_forms_are_mapped_back_not_refused() -> None:
    """Thai PDF fonts put shifted tone marks in U+F700–U+F71A; they are Thai, not a broken map."""
    reading = judge_text_layer("องค์กรปกครองส่วนท\uf70bองถิ\uf70aนจังหวัดลำปาง ขอส่งหนังสือมาเพื่อทราบ")
    assert (reading.verdict.verdict, reading.verdict.thai_pua) == ("sound", 2)
    assert "ท้องถิ่น" in reading.text


@pytest.mark.parametrize("text", [
    pytest.param("ผลผลิตจากที่นาของเกษตรกร และการทาสีอาคาร", id="real-aa-words"),
    pytest.param("ร้อยละของขยะที่นำกลับมาใช้ประโยชน์", id="thi-nam"),
    pytest.param("(นางสาวลลิตา ปินตาคำ) นักวิชาการ", id="personal-name"),
    pytest.param("ค่าเป้าหมายของตัวชี้วัดประจำปี", id="kha-not-kham"),
])
def test_sound_words_are_not_repaired(text: str) -> None:
    reading = judge_text_layer(text)
    assert reading.verdict.repairs == () and reading.text == normalise(text)


@pytest.mark.parametrize("layer, truth", [
    pytest.param("ดาเนินการตามอานาจหน้าที่", "ดำเนินการตามอำนาจหน้าที่", id="dropped-am"),
    pytest.param("มีความจาเป็นต้องทาให้เสร็จ", "มีความจำเป็นต้องทำให้เสร็จ", id="am-between-words"),
    pytest.param("สำนักงำนศึกษำธิกำรจังหวัด", "สำนักงานศึกษาธิการจังหวัด", id="am-for-aa"),
    pytest.param("ได้กำาหนดแนวทางประจำาปี", "ได้กำหนดแนวทางประจำปี", id="am-per-glyph"),
    pytest.param("ให้รายงานภายในวันท่ี ๑๘ กันยายน", "ให้รายงานภายในวันที่ 18 กันยายน", id="tone-before-vowel"),
    pytest.param("การบริหารจัดการนำ้ประปา", "การบริหารจัดการน้ำประปา", id="tone-after-am"),
    # นายก/นายอำเภอ are offices, not names: what follows them is repaired
    pytest.param("เรียน นายกองค์การบริหารส่วนตาบลทุกแห่งให้ดาเนินการ", "เรียน นายกองค์การบริหารส่วนตำบลทุกแห่งให้ดำเนินการ",
                 id="office-not-name"),
])
def test_known_faults_are_repaired(layer: str, truth: str) -> None:
    assert judge_text_layer(layer).text == truth


def test_a_page_whose_layer_cannot_be_read_is_ocrd_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save_layered_pdf([sound(LETTER), sound(LETTER)], tmp_path / "two.pdf")
    real = pdfplumber.page.Page.extract_text

    def broken_on_page_two(page: pdfplumber.page.Page, *args, **kwargs) -> str:
        if page.page_number == 2:
            raise ValueError("odd content stream")
        return real(page, *args, **kwargs)

    monkeypatch.setattr(pdfplumber.page.Page, "extract_text", broken_on_page_two)
    first, second = load_document(path, "id", Settings(), source_name=path.name).pages
    assert (first.source, first.text_verdict.verdict) == ("text_layer", "sound")
    assert (second.source, second.text_verdict.reason) == ("ocr", "text layer unreadable: ValueError")
    assert second.image is not None


_THAI_SOUP = st.text(alphabet=st.sampled_from("กขคงจดตนบปมยรลวสหอะาำิีึืุู่้๊๋็์ัเแโใไ ๑๒3.\n%(cid:)\ufffd\uf700"), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_THAI_SOUP)
def test_any_text_gets_a_verdict_and_never_stops_a_run(text: str) -> None:
    reading = judge_text_layer(text)
    assert reading.verdict.verdict in ("sound", "repairable", "ocr")
    assert (reading.text == "") == (reading.verdict.verdict == "ocr")
    assert bool(reading.verdict.repairs) == (reading.verdict.verdict == "repairable") or reading.verdict.verdict == "ocr"
