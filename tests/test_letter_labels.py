"""Letter header fields read by their labels and continuation rules, as OCR delivers them:
labels set flush against their value, a garbled addressee label, ink read after the subject."""

from __future__ import annotations

from extractors.letters import extract_letters
from pipeline.thai.text import normalise

HEAD = """ด่วนที่สุด
ที่ มท 0801.5/ว 4855 กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. 10300
14 กันยายน 2563
"""
BODY = """ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.5/ว 5164 ลงวันที่ 31 สิงหาคม 2563
แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงานผลการดำเนินงาน นั้น
จึงเรียนมาเพื่อทราบและดำเนินการ
(นางอรุณี ประเสริฐศักดิ์)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
"""


def _letter(middle: str):  # noqa: ANN202 - a test helper
    letters = extract_letters([(1, normalise(HEAD + middle + BODY))])
    assert len(letters) == 1
    return letters[0]


def test_labels_flush_against_their_values() -> None:
    letter = _letter("เรื่องการติดตามตัวชี้วัดที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น\n"
                     "ประจำปีงบประมาณ พ.ศ. 2563\n"
                     "ถึงสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด\n")
    assert letter.subject == ("การติดตามตัวชี้วัดที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                              "ประจำปีงบประมาณ พ.ศ. 2563")
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด"


def test_subject_ends_at_its_year_before_a_garbled_addressee() -> None:
    letter = _letter("เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น\n"
                     ".ประจำปีงบประมาณ พ.ศ.2566 แค\n"
                     "Seu อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.subject == "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2566"


def test_wrapped_subject_without_a_year_still_continues() -> None:
    letter = _letter("เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                     "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)\n"
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n")
    assert letter.subject.endswith("ขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")
    assert letter.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"


def test_a_memo_title_with_a_speck_after_it_is_still_a_memo() -> None:
    """SCAN_0008 (seed 300): a stamp's speck read as `3` after บันทึกข้อความ; as a letter, its date on
    the ที่ line was missed, and the stamp's cut year (255) had no letter date to complete it."""
    text = ("เลขรับ 956\nวันที่ 20 ก.พ. 255\nเวลา 13.00 น.\nบันทึกข้อความ 3\n"
            "ส่วนราชการ ส่วนติดตามและประเมินผล\nที มท0810.5/5028 วันที่ 17 กุมภาพันธ์ 2556\n"
            "เรื่อง การรายงานผลการดำเนินงาน\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    [memo] = extract_letters([(1, normalise(text))])
    assert (memo.kind, memo.doc_number, str(memo.date)) == ("memo", "มท 0810.5/5028", "2013-02-17")
    assert str(memo.received_date) == "2013-02-20"


def test_a_speck_line_between_a_cited_number_and_its_date() -> None:
    letter = _letter("เรื่อง เร่งรัดการจัดตั้งศูนย์\nเรียน ผู้ว่าราชการจังหวัดชัยภูมิ\n"
                     "อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 /ว 4486\nจ\n"
                     "ลงวันที่ 8 มกราคม 2554 .\n")
    assert [(r.doc_number, str(r.date)) for r in letter.references][0] == ("มท 0810.7/ว 4486", "2011-01-08")


def test_a_bar_read_as_bang_before_the_number_label() -> None:
    """Seen on a scan: `! ทิ มท0810.5/ว96`, the ที่ label's mark lost and a rule read as `!`."""
    head = HEAD.replace("ที่ มท 0801.5/ว 4855", "! ทิ มท0810.5/ว96")
    letters = extract_letters([(1, normalise(head + "เรื่อง การติดตาม\nเรียน ผู้ว่าราชการจังหวัด\n" + BODY))])
    assert [letter.doc_number for letter in letters] == ["มท 0810.5/ว 96"]


def test_a_memo_number_line_with_a_speck_letter_before_its_label() -> None:
    """Seen on a scan: a stamp's speck read as `ร` before ที่, and junk (วะ) before วันที่."""
    text = ("บันทึกข้อความ\nส่วนราชการ ส่วนมาตรฐานการบริหารงานบุคคล\n"
            "ร ที่ มท0809.2/333 วะ วันที่ 18 ธันวาคม 2559 .\n"
            "เรื่อง การติดตามตัวชี้วัด\nเรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n" + BODY)
    [memo] = extract_letters([(1, normalise(text))])
    assert (memo.kind, memo.doc_number, str(memo.date)) == ("memo", "มท 0809.2/333", "2016-12-18")


def test_thai_specks_before_labels_and_a_damaged_urgency_stamp() -> None:
    """Seen on scans: a stamp's speck read as one Thai letter before บันทึกข้อความ (`วี`) and
    before เรื่อง (`ไ`); the large ด่วน stamp read as `ดงน`."""
    text = ("ดงน\nวี บันทึกข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพะเยา\n"
            "ที่ พย 0023.1/2062 วันที่ 1 กรกฎาคม 2555\n"
            "ไ เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชน\nเรียน ท้องถิ่นอำเภอทุกอำเภอ\n" + BODY)
    [memo] = extract_letters([(1, normalise(text))])
    assert (memo.kind, memo.urgency, memo.subject) == ("memo", "ด่วน", "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชน")


def test_a_memo_whose_title_is_unreadable_is_known_by_its_office_line() -> None:
    """Seen on a noisy scan: the title read as `ผ่"อด บันทึกข้อความ ว`."""
    text = ('ด่วนที่สุด\nผ่"อด บันทึกข้อความ ว\nส่วนราชการ ส่วนติดตามและประเมินผล สำนักนโยบายและแผน\n'
            "ที่ มท 0801.5/ว 1196 วันที่ 5 มกราคม 2560\n"
            "เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชน\nเรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน\n" + BODY)
    [memo] = extract_letters([(1, normalise(text))])
    assert (memo.kind, memo.doc_number, str(memo.date)) == ("memo", "มท 0801.5/ว 1196", "2017-01-05")


def test_a_letter_body_line_starting_with_the_office_word_is_no_memo() -> None:
    body = BODY.replace("จึงเรียนมา", "ส่วนราชการในสังกัดทุกแห่งดำเนินการ\nจึงเรียนมา")
    letters = extract_letters([(1, normalise(HEAD + "เรื่อง การติดตาม\nเรียน ผู้ว่าราชการจังหวัด\n" + body))])
    assert [letter.kind for letter in letters] == ["letter"]


def test_a_speck_read_as_equals_before_a_label() -> None:
    from extractors.letter_terms import SUBJECT
    assert SUBJECT.match("=: เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วม")


def test_a_line_of_ink_inside_a_subject_cut_mid_phrase_is_passed_over() -> None:
    """saraban_008 (seed 1026): the garuda's and the labels' ink read as a line between a subject
    cut after และ and its wrapped lines; the subject runs on past it."""
    letter = _letter("เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและ\n"
                     "ที่\n"
                     "3ร | เซ 500 0 3 0 .ด . เง 1ไ12607920ืโ สสแด ส55 แล ซี ” 2 58 - |\n"
                     "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (\n"
                     ". สถานที่กลาง) - |\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและ"
                              "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")


def test_a_finished_subject_stops_at_a_line_of_ink() -> None:
    letter = _letter("เรื่อง ขอเชิญประชุมเชิงปฏิบัติการ\n"
                     "3ร | เซ 500 0 3 0 .ด . เง 1ไ12607920ืโ สสแด ส55 แล ซี ” 2 58 - |\n"
                     "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.subject == "ขอเชิญประชุมเชิงปฏิบัติการ"


def test_a_subject_label_behind_a_speck_read_as_a_semicolon() -> None:
    """img008 (seed 1025): `; เรื่อง การรายงาน…` kept its label in the subject."""
    letter = _letter("; เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัด\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.subject == "การรายงานผลการดำเนินงานตามตัวชี้วัด"


def test_an_addressee_label_with_a_speck_read_as_a_tone_mark() -> None:
    """saraban_031 (seed 1023): `เรี่ยนือธิบดี…`, a speck over เรียน and one glued after it."""
    letter = _letter("เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน\n"
                     "เรี่ยนือธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


def test_a_memo_whose_title_and_office_label_carry_specks() -> None:
    """SCAN_0005 (seed 1025): `ร . ปปบนทกขอความ` and `7 ส่วนราชการ …`: still a memo, its date
    on its ที่ line."""
    text = ("เลขรับ 652\nวันที 27 พ.ย. 61\nร . ปปบนทกขอความ\n"
            "7 ส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพังงา โทร.\n"
            "เว้าล ก . 0-2241-9000 ตีอ 3158\n"
            "ท พง 0023.5/ว4490 ก วันที 20 พฤศจิกายน 2561\n"
            "เรื่อง การประเมินผลการปฏิบัติราชการ\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    [memo] = extract_letters([(1, normalise(text))])
    assert (memo.kind, str(memo.date)) == ("memo", "2018-11-20")


def test_a_speck_read_as_a_mark_after_sara_a_leaves_the_subject() -> None:
    """SCAN_0009 (seed 1025): `…ส่วนท้องถิ่นแล่ะู` at a line's end; ะ carries no mark."""
    letter = _letter("เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นแล่ะู\n"
                     "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (\n"
                     "' สถานที่กลาง) :\n"
                     "เรียน ผู้ว่าราชการจังหวัดฉะเชิงเทรา\n")
    assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและ"
                              "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")


def test_ink_after_the_parenthesis_that_ends_a_subject() -> None:
    """SCAN_0035, img034 (seed 1029): a stamp's ink read after `(สถานที่กลาง)` at the subject's end."""
    for ink in ("7ว", "5ก", "กก."):
        letter = _letter("เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                         f"องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) {ink}\n"
                         "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
        assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน"
                                  "ขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")


def test_a_speck_quote_at_a_slash_and_the_eras_first_letter_read_twice() -> None:
    """doc20220403, doc20170913 (seed 1029): `ตัวชี้วัด/'นโยบาย`; `ประจำปีงบประมาณ พ. พ.ศ. 2.567`."""
    letter = _letter("เรื่อง การติดตามตัวชี้วัด/'นโยบายและแผนงานที่สำคัญของกรมส่งเสริม:\n"
                     "การปกครองท้องถิ่น ประจำปีงบประมาณ พ. พ.ศ.2.567\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.subject == ("การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น"
                              " ประจำปีงบประมาณ พ.ศ. 2567")


def test_a_memo_title_behind_ink_read_as_at_and_hash_with_a_speck_digit_after_its_day() -> None:
    """doc20170913, doc20240329 (seed 1029): `@# บันทึกข้อความ` was taken for a letter, and
    `วันที่ 28 5 พฤศจิกายน 2566` read as the 5th."""
    for title, day in (("@# บันทึกข้อความ", "21 เมษายน 2567"), ("บันทึกข้อความ", "28 5 พฤศจิกายน 2566")):
        text = (f"{title}\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดตรัง โทร. 0-2241-9000\n"
                f"ที่ ตง 0023.4/2306 วันที่ {day}\n"
                "เรื่อง การติดตามตัวชี้วัด\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
        [memo] = extract_letters([(1, normalise(text))])
        assert memo.kind == "memo"
        assert str(memo.date) == ("2024-04-21" if day.startswith("21") else "2023-11-28")


def test_a_speck_point_before_pracham_is_the_space_printed_there() -> None:
    """doc20190120 (blind seed 1033): `…ท้องถิ่น.ประจำปีงบประมาณ`; an abbreviation keeps its point."""
    letter = _letter("เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริม\n"
                     "การปกครองท้องถิ่น.ประจำปีงบประมาณ พ.ศ. 2565\n"
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n")
    assert letter.subject == ("การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                              "ประจำปีงบประมาณ พ.ศ. 2565")
    other = _letter("เรื่อง การประชุมคณะกรรมการ อปท.ประจำเดือน มีนาคม 2565\n"
                    "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n")
    assert "อปท.ประจำเดือน" in other.subject


def test_a_subject_label_torn_with_its_thin_first_letter_lost() -> None:
    """img002 (blind seed 1033): `รี อง โครงการคัดเลือก…` on the memo's subject line."""
    letter = _letter("เรื่อง x\nรี อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ\n"
                     "พ.ศ. 2554\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n".split("\n", 1)[1])
    assert letter.subject == "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2554"


def test_a_stamp_date_above_the_number_line_is_not_the_letters() -> None:
    """img038 (blind seed 1033): the stamp's เลขรับ read `เลรัพบ`, its `วันที่ 2 พ.ย. 255` above ที่."""
    [letter] = extract_letters([(1, normalise("เลรัพบ 75\nวันที่ 2 พ.ย. 2558\nเวลำ 5.00 น.\n"
                     "ที่มท 0802.2/ว2901 7 กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม.\n"
                     "27 พฤษภาคม 2558\nเรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น\n"
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\nด้วยกรมส่งเสริมการปกครองท้องถิ่นได้กำหนด\n"
                     "จึงเรียนมาเพื่อทราบ\n(นายสมชาย ใจดี)\nอธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"))])
    assert str(letter.date) == "2015-05-27"
