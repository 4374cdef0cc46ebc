"""Office and position names spelled right: real OCR readings from the sample scans."""

from __future__ import annotations

import pytest

from extractors.offices import canonical_office


@pytest.mark.parametrize("read, expected", [
    pytest.param("กรมสงเสริมการปกครองท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น", id="SCAN_0001-sender-dropped-mark"),
    pytest.param("อธิบดี กรมสังเสริมการปกครองท้องถื่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
                 id="SCAN_0008-addressee-space-and-marks"),
    pytest.param("สำนักงานสงเสริมการปกครองท้องถินจังหวัดปราจนบุร", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดปราจีนบุรี",
                 id="province-same-letters-gazetteer-spelling"),
    pytest.param("ผู้ว่าราชการจังหวัด ทุกจังหวัด (ยกเว้น กรุงเทพมหานคร)",
                 "ผู้ว่าราชการจังหวัด ทุกจังหวัด (ยกเว้น กรุงเทพมหานคร)", id="rest-kept-as-read"),
    pytest.param("นายอำเภอเมืองลำพูน", "นายอำเภอเมืองลำพูน", id="district-chief"),
])
def test_known_names_take_their_spelling(read: str, expected: str) -> None:
    assert canonical_office(read) == expected


@pytest.mark.parametrize("read", [
    pytest.param("ท้องถิ่นจังหวัดปราจบุรี", id="province-near-miss-not-guessed"),
    pytest.param("กองคลังจังหวัด", id="a-longer-word-is-another-name"),
    pytest.param("ส่วนมาตรฐานการบริหารงานบุคคล สำนักบริหารงานบุคคลส่วนท้องถิ่น", id="already-right"),
    pytest.param("บริษัท ทดสอบ จำกัด", id="unknown-office"),
])
def test_other_text_stays_as_read(read: str) -> None:
    assert canonical_office(read) == read
