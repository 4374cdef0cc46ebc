"""Document numbers (เลขที่หนังสือ) as OCR leaves them on scans: marks, points and specks around
the slash, a doubled slash, the owner's digits split, the sub-unit's ๗ read as a letter."""

from __future__ import annotations

import pytest

from extractors.letter_docnum import try_parse_docnum


@pytest.mark.parametrize(("line", "number"), [
    pytest.param(". ที่ สห 0023.3./3268 สำนักงานส่งเสริมการปกครอง", "สห 0023.3/3268", id="point-before-slash"),
    pytest.param("ที่ มัท 0802.2/ว3749", "มท 0802.2/ว 3749", id="speck-read-as-mai-han-akat-in-code"),
    pytest.param("'ที่ มท 0802.2/ /ว 3031", "มท 0802.2/ว 3031", id="doubled-slash"),
    pytest.param("ด่วนที่สุด ที่ มท 0810.7ๆ่ /ว ๊ 4038 ลงวันที่ 23", "มท 0810.7/ว 4038", id="marked-specks-around-the-mark"),
])
def test_numbers_with_specks_around_the_slash(line: str, number: str) -> None:
    found = try_parse_docnum(line)
    assert found is not None and found.text() == number
    assert not found.repaired


def test_owner_digits_split_by_a_comma_are_regrouped_and_flagged() -> None:
    found = try_parse_docnum("ด่วนที่สุด ที่ ที่มท 0,810.7 ญ่/ว 1465 ลงวันที่ 21")
    assert found is not None and found.text() == "มท 0810.7/ว 1465" and found.repaired


def test_sub_unit_seven_read_as_tho_phuthao() -> None:
    found = try_parse_docnum("ที่ มท - 0810. ฒ/ว 746 ลงวันที่ 28 ตุลาคม 2561")
    assert found is not None and found.text() == "มท 0810.7/ว 746" and found.repaired


def test_a_speck_after_the_sub_unit_is_still_no_digit() -> None:
    found = try_parse_docnum("ที่ มท 0810.7 ฒ/ว 2174")
    assert found is not None and found.text() == "มท 0810.7/ว 2174" and not found.repaired


def test_a_word_with_mai_han_akat_before_a_date_is_no_number() -> None:
    assert try_parse_docnum("ภายในวัน 15 มีนาคม 2562") is None
