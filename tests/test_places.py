"""Place names → geothai codes: fuzzy within a province, organisations in their district."""

from __future__ import annotations

import pytest

from extractors.places import (
    infer_province,
    match_province,
    place_by_order,
    place_district_row,
    place_province_row,
    split_unit,
)


@pytest.mark.parametrize(
    ("label", "province", "district", "unit", "corrected"),
    [
        pytest.param("พากท่า", "53", "5305", "", True, id="misspelt-district"),
        pytest.param("ทองแสนขัน", "53", "5309", "", False, id="exact-district"),
        pytest.param("อำเภอลับแล", "53", "5308", "", False, id="amphoe-prefix"),
        pytest.param("อบจ.แม่ฮ่องสอน", "58", "5801", "อบจ.แม่ฮ่องสอน", False, id="pao"),
        pytest.param("เทศบาลเมือง\nแม่ฮ่องสอน", "58", "5801", "เทศบาลเมืองแม่ฮ่องสอน", False,
                     id="wrapped-city-municipality"),
        pytest.param("ขุนยย่วม", "58", "5802", "", True, id="ocr-noise"),
        pytest.param("เมืองอุดรธานี", "53", "5301", "", True, id="mueang-of-wrong-province"),
        pytest.param("อบจ.อุดรธานี", "53", "5301", "อบจ.อุตรดิตถ์", True, id="pao-wrong-province"),
        pytest.param("เขตพระนคร", "10", "1001", "", False, id="bangkok-khet"),
        # Ayutthaya's capital district bears the province's name alone, without เมือง
        pytest.param("อบจ.พระนครศรีอยุธยา", "14", "1401", "อบจ.พระนครศรีอยุธยา", False,
                     id="pao-of-capital-without-mueang"),
        pytest.param("เทศบาลเมืองพระนครศรีอยุธยา", "14", "1401", "เทศบาลเมืองพระนครศรีอยุธยา",
                     False, id="municipality-of-capital-without-mueang"),
        # a province with a second เมือง… district (เมืองสรวง): the capital is เมืองร้อยเอ็ด
        pytest.param("อบจ.ร้อยเอ็ด", "45", "4501", "อบจ.ร้อยเอ็ด", False, id="pao-two-mueang"),
    ],
)
def test_place_district_row(label: str, province: str, district: str, unit: str,
                            corrected: bool) -> None:
    place = place_district_row(label, province)
    assert (place.province_code, place.district_code, place.unit_label, place.corrected) == (
        province, district, unit, corrected)


def test_unknown_district_stays_unmatched() -> None:
    place = place_district_row("ลงชื่อผู้รายงาน", "53")
    assert place.district_code == "" and not place.matched


@pytest.mark.parametrize(
    ("name", "code"),
    [("พระนครศรีอยุธยา", "14"), ("จังหวัดสตูล", "91"), ("กทม.", "10"), ("อุทยธานี", "61"),
     # a scan's debris read before the name, one with its upper vowel lost too
     (") จ่ กระบื", "81"), ("ฆม 5 รอยเอด", "45")],
)
def test_match_province(name: str, code: str) -> None:
    hit = match_province(name)
    assert hit is not None and hit.code == code


def test_province_row_has_no_district() -> None:
    place = place_province_row("ปทุมธานี")
    assert (place.province_code, place.district_code) == ("13", "")


def test_infer_province_from_districts_outvotes_a_wrong_mueang() -> None:
    names = ["เมืองอุดรธานี", "พิชัย", "ลับแล", "ท่าปลา", "น้ำปาด", "ตรอน", "พากท่า", "บ้านโคก"]
    assert infer_province(names) == "53"
    assert infer_province(["ไม่มีชื่อนี้"]) == ""


def test_split_unit() -> None:
    assert split_unit("องค์การบริหารส่วนจังหวัดสตูล") == ("อบจ.", "สตูล")
    assert split_unit("เทศบาลนคร นนทบุรี") == ("เทศบาลนคร", "นนทบุรี")
    assert split_unit("เมืองสตูล") is None
    assert split_unit("อยบจ.นราธิวาส") == ("อบจ.", "นราธิวาส")  # a letter OCR added inside the abbreviation
    assert split_unit("ทมน.นราธิวาส") is None  # ทม. or ทน.: no telling which
    # a rule's fragments read before the cell's first letter
    assert split_unit("<= อบจ.ชลบุรี") == ("อบจ.", "ชลบุรี")
    assert split_unit("| เทศบาลเมืองชลบุรี") == ("เทศบาลเมือง", "ชลบุรี")
    # specks of a photographed row read as short words, a Thai letter among them
    assert split_unit("=. ว 5 เทศบาลเมืองภูเก็ต") == ("เทศบาลเมือง", "ภูเก็ต")
    assert split_unit(": =ซ1, <์ อบจ.ประจวบคีรีขันธ์") == ("อบจ.", "ประจวบคีรีขันธ์")
    # OCR dropped the prefix's mark, and specks came before it
    assert split_unit("1- = 'เทศบาลเมองนนทบุรี") == ("เทศบาลเมือง", "นนทบุรี")
    assert split_unit("อบต.บ้านใหม่") == ("อบต.", "บ้านใหม่")
    # the name keeps the spaces that part it from specks read beside it
    assert split_unit("อบจ. ง ประจวบคีรีขันธ์.") == ("อบจ.", "ง ประจวบคีรีขันธ์.")
    # a real word before the name is not a speck: no organisation is named
    assert split_unit("อำเภอเมือง เทศบาลเมืองภูเก็ต") is None


@pytest.mark.parametrize("name", ["รวม", "เมือง", "ข้อ 5 อื่นๆ", "ไม่มี"])
def test_words_that_name_no_province_stay_unmatched(name: str) -> None:
    assert match_province(name) is None


@pytest.mark.parametrize(
    ("label", "province", "district", "corrected"),
    [
        pytest.param("ฯ เมองพะเยา", "56", "5601", False, id="speck-and-lost-vowel-is-ocr"),
        pytest.param("เมืองพะเยา", "56", "5601", False, id="as-printed"),
        pytest.param("คำชะฮี", "49", "4905", True, id="a-letter-changed-is-a-misprint"),
        pytest.param("เชียงคา น", "42", "4203", False, id="word-split-by-ocr"),
        pytest.param("ก ด. เว บ สากเหล็ก", "66", "6609", False, id="debris-before-the-name"),
        pytest.param("น้าปาด .", "53", "5304", False, id="ring-of-sara-am-lost"),
        pytest.param("ะทิว", "86", "8603", False, id="first-letter-lost-at-cell-edge"),
        pytest.param("นาด้วว", "42", "4202", True, id="misprint-kept-beside-marks"),
        pytest.param("เทศบาลเมือง ะเยา", "56", "5601", False, id="unit-first-letter-lost-at-cell-edge"),
        pytest.param("อบจ.ุพะเยา", "56", "5601", False, id="stray-mark-before-the-name"),
        pytest.param("สสิงหนคร", "90", "9015", False, id="first-letter-doubled-by-ocr"),
        pytest.param("ววัดเพลง", "70", "7009", False, id="first-letter-doubled-short-name"),
        # Seed 1039: a speck between อบจ. and the province's name read as a letter.
        pytest.param("อบจ. ง ประจวบคีรีขันธ์.", "77", "7701", False, id="speck-inside-a-province-unit"),
        pytest.param("อบจ.ประจวบคีรีขันธ์ ป", "77", "7701", False, id="speck-after-a-province-unit"),
        pytest.param("อบจ.ประจวบศีรีขันธ์", "77", "7701", True, id="province-unit-misprinted"),
    ],
)
def test_name_corrected_only_when_a_letter_differs(label: str, province: str, district: str,
                                                   corrected: bool) -> None:
    place = place_district_row(label, province)
    assert (place.district_code, place.corrected) == (district, corrected)


def test_a_lone_letter_beside_a_province_name_is_speckle() -> None:
    place = place_province_row("ม อุตรดิตถ์")
    assert (place.province_code, place.corrected) == ("53", False)


def _placed_by_order(labels: list[str], province: str) -> list[tuple[str, bool]]:
    places = place_by_order([place_district_row(label, province) for label in labels], province)
    return [(p.district_code, p.by_order) for p in places]


def test_rows_whose_names_were_not_read_take_the_districts_between_their_neighbours() -> None:
    # As read on a wide-seed scan of ชุมพร: พะโต๊ะ came out as `เด .`, and ลี้ of ลำพูน as nothing.
    chumphon = ["เมืองชุมพร", "ท่าแซะ", "ปะทิว", "หลังสวน", "ละแม", "เด .", "สวี", "ทุ่งตะ โก"]
    assert _placed_by_order(chumphon, "86")[4:7] == [("8605", False), ("8606", True), ("8607", False)]
    lamphun = ["อบจ.ลำพูน", "เมืองลำพูน", "แม่ทา", "บ้านโฮ่ง", "", "", "ทุ่งหัวช้าง", "ป่าซาง"]
    # two unread rows, but one district (ลี้) between บ้านโฮ่ง and ทุ่งหัวช้าง: left unplaced
    assert _placed_by_order(lamphun, "51")[4:6] == [("", False), ("", False)]
    del lamphun[5]
    assert _placed_by_order(lamphun, "51")[4] == ("5104", True)
    # two unread rows, two districts between บ้านโฮ่ง and ป่าซาง
    assert _placed_by_order(lamphun[:5] + [""] + lamphun[6:], "51")[4:6] == [("5104", True), ("5105", True)]


def test_rows_not_in_gazetteer_order_are_not_placed_by_position() -> None:
    # listed alphabetically, not by code: a gap between neighbours says nothing
    rows = ["ทุ่งตะโก", "ท่าแซะ", "ปะทิว", "?", "เมืองชุมพร", "ละแม"]
    assert _placed_by_order(rows, "86")[3] == ("", False)


@pytest.mark.parametrize(("label", "unit"), [
    pytest.param("เทศบาสเมืองตรัง", ("เทศบาลเมือง", "ตรัง"), id="lo-ling-read-as-so-suea-in-the-prefix"),
    pytest.param("เทศบาลตำบสนาโยง", ("เทศบาลตำบล", "นาโยง"), id="one-letter-off-in-tambon"),
    pytest.param("อบจ.ตริง", ("อบจ.", "ตริง"), id="the-name-itself-is-not-touched"),
    pytest.param("เมืองตรัง", None, id="a-district-is-no-organisation"),
    pytest.param("ทศบาลเมืองตรัง", None, id="a-letter-lost-is-no-swap"),
])
def test_an_organisation_word_with_one_letter_misread(label: str, unit: tuple[str, str] | None) -> None:
    assert split_unit(label) == unit
