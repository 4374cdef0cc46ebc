import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.thai.text import normalise, normalise_field, repair_sara_am


@pytest.mark.parametrize("raw, expected", [
    pytest.param("ท\u0e4d\u0e32", "ทำ", id="sara-am-split"),
    pytest.param("น\u0e4d\u0e49\u0e32", "น้ำ", id="tone-between-nikhahit-and-aa"),
    pytest.param("น\u0e49\u0e4d\u0e32", "น้ำ", id="tone-before-split-am"),
    pytest.param("ก\u0e48\u0e48า", "ก่า", id="doubled-tone"),
    pytest.param("ที่มท ๐๘๑๐.๗/ว๔๓๕", "ที่มท 0810.7/ว435", id="thai-digits"),
    pytest.param("ป\uf70aา", "ป่า", id="pua-tone-mark"),
    pytest.param("\uf700าน", "ฐาน", id="pua-tho-than"),
    pytest.param("ประจำเดือน   พฤศจิกายน\u00a0พ.ศ. ๒๕๖๔", "ประจำเดือน พฤศจิกายน พ.ศ. 2564", id="space-runs"),
    pytest.param("อุบัติเหตุ", "อุบัติเหตุ", id="keeps-real-vowels"),
])
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_keeps_line_breaks_but_field_does_not() -> None:
    assert normalise("เรื่อง  ก\n\n\nข") == "เรื่อง ก\n\nข"
    assert normalise_field("เรื่อง  ก\n\nข") == "เรื่อง ก ข"


thai_text = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=40)


@given(thai_text)
def test_normalise_is_idempotent_and_nfc(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not any("๐" <= c <= "๙" for c in once)


@given(st.lists(st.sampled_from(["ก", "ท", "น", "\u0e48", "\u0e49", "\u0e4d", "\u0e32", "\u0e33"]), max_size=12))
def test_sara_am_repair_never_loses_consonants(chars: list[str]) -> None:
    text = "".join(chars)
    repaired = repair_sara_am(text)
    assert [c for c in repaired if c in "กทน"] == [c for c in text if c in "กทน"]
    assert "\u0e4d\u0e32" not in repaired
