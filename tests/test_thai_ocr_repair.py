import pytest

from pipeline.thai.ocr_repair import restore_tone_marks


@pytest.mark.parametrize("ocr, expected", [
    pytest.param("รายงานผลการจัดตังศูนย์ช่วยเหลือประชาชน", "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน", id="jat-tang"),
    pytest.param("องค์กรปกครองส่วนท้องถิน", "องค์กรปกครองส่วนท้องถิ่น", id="thong-thin"),
    pytest.param("(สถานทีกลาง)", "(สถานที่กลาง)", id="sathan-thi"),
    pytest.param("ลงวันที 14 กุมภาพันธ์ 2561", "ลงวันที่ 14 กุมภาพันธ์ 2561", id="long-wan-thi"),
    pytest.param("เข้าร่วมทีประชุม", "เข้าร่วมที่ประชุม", id="thi-prachum"),
    pytest.param("ผู้อำนวยการสำนัก/กอง ทีเกี่ยวข้อง", "ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง",
                 id="wide811-a-short-word-far-more-common-marked"),
])
def test_dropped_tone_marks_come_back(ocr: str, expected: str) -> None:
    assert restore_tone_marks(ocr) == expected


@pytest.mark.parametrize("text", [
    pytest.param("จัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น", id="already-right"),
    pytest.param("(นางสาวลลิตา ปินตาคำ)", id="personal-name"),
    pytest.param("นายอนุชา ทองคำ ท้องถิ่นจังหวัดปราจีนบุรี", id="name-then-office"),
    pytest.param("มีการประชุม ดีมาก", id="short-words-untouched"),
    pytest.param("ตัวชี้วัดที่ 4.2 จำนวน 878 ศูนย์", id="digits-and-marks"),
    pytest.param("ทีมงานของจังหวัดทำงานทีละขั้น แล้วมาทีหลัง", id="words-that-start-with-thi"),
])
def test_right_text_and_names_are_left_alone(text: str) -> None:
    assert restore_tone_marks(text) == text


# --- spurious tone marks (specks read as ่) — real readings from the sample scans ---

from pipeline.thai.ocr_repair import drop_spurious_tone_marks, repair_tone_marks  # noqa: E402


@pytest.mark.parametrize("ocr, expected", [
    pytest.param("การประเมินผลการปฏิบัติร่าชการของข้าราชการในสังกัด",
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัด", id="doc2018-ratchakan"),
    pytest.param("และให้คำแน่ะนำแก่องค์กรปกครองส่วนท้องถิ่น", "และให้คำแนะนำแก่องค์กรปกครองส่วนท้องถิ่น",
                 id="doc2018-kham-naenam"),
    pytest.param("ส่วนท้องถิ่น (ส์ถานที่กลาง)", "ส่วนท้องถิ่น (สถานที่กลาง)", id="wide811-thanthakhat-speck"),
])
def test_spurious_tone_marks_go(ocr: str, expected: str) -> None:
    assert drop_spurious_tone_marks(ocr) == expected


@pytest.mark.parametrize("text", [
    pytest.param("ผู้ว่าราชการจังหวัด ทุกจังหวัด", id="real-marks"),
    pytest.param("น้ำท่วม ไม่ได้ ที่ว่าการอำเภอ ห้ามเข้า ต้องการ ก่อน", id="short-words-with-marks"),
    pytest.param("(นายวีระพงษ์ รัตนพันธ์)", id="name"),
    pytest.param("นายก่องแก้ว ทองคำ", id="name-with-marks"),
    pytest.param("โทรสารหมายเลข 0224169560่", id="mark-after-digit"),
    pytest.param("ศักดิ์สิทธิ์ การ์ตูน สิทธิ์ อาทิตย์ ศูนย์ ประสงค์ องค์กร", id="real-thanthakhat"),
])
def test_real_tone_marks_stay(text: str) -> None:
    assert drop_spurious_tone_marks(text) == text


def test_repair_does_both() -> None:
    assert repair_tone_marks("ปฏิบัติร่าชการ ณ สถานทีกลาง") == "ปฏิบัติราชการ ณ สถานที่กลาง"


# --- words torn by a space, ำ read as ้า, and the domain words — real readings from the samples ---

from pipeline.thai.ocr_repair import join_split_words, repair_sara_am, repair_thai_ocr  # noqa: E402


@pytest.mark.parametrize("ocr, expected", [
    pytest.param("แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประ ชาชนของ", "แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ",
                 id="SCAN_0008-pra-chachon"),
    pytest.param("องค์กรปกครองส่วนท้อง ถิ่น", "องค์กรปกครองส่วนท้องถิ่น", id="thong-thin"),
])
def test_a_space_inside_a_word_is_closed(ocr: str, expected: str) -> None:
    assert join_split_words(ocr) == expected


@pytest.mark.parametrize("text", [
    pytest.param("การ ปกครอง", id="two-words-both-real"),
    pytest.param("สำนัก งาน", id="halves-are-words"),
    pytest.param("นายสมชาย ทอง คำ", id="personal-name"),
    pytest.param("เรื่อง รายงานผล", id="keyword-then-text"),
    pytest.param("ผู้ว่าราชการจังหวัด ทุกจังหวัด", id="phrase-space"),
])
def test_spaces_between_words_stay(text: str) -> None:
    assert join_split_words(text) == text


@pytest.mark.parametrize("ocr, expected", [
    pytest.param("จ้านวน 1 ชุด", "จำนวน 1 ชุด", id="SCAN_0001-jamnuan"),
    pytest.param("ข้าราชการ ช้าง ด้าน", "ข้าราชการ ช้าง ด้าน", id="real-mai-tho-aa-stays"),
])
def test_sara_am_read_as_tone_and_aa(ocr: str, expected: str) -> None:
    assert repair_sara_am(ocr) == expected


@pytest.mark.parametrize("ocr, expected", [
    pytest.param("ประจำปีงบประมาณ พ.ศ. 2561 ต ัวชีวัดที่ 2.3", "ประจำปีงบประมาณ พ.ศ. 2561 ตัวชี้วัดที่ 2.3",
                 id="space-before-sara-a"),
    pytest.param("การปกครอง ท ้อ งถิ่น .และตัวชี้วัดท ี 4.2", "การปกครอง ท้องถิ่น .และตัวชี้วัดที่ 4.2",
                 id="space-before-tone-and-upper-vowel"),
    pytest.param(".เ รอง การรายงานผล", ".เรอง การรายงานผล", id="space-after-a-leading-vowel"),
    pytest.param("ในการปฏิบัติ ิงาน", "ในการปฏิบัติงาน", id="the-mark-the-close-doubles-is-one"),
    pytest.param("an ์[กร", "an ์[กร", id="a-mark-after-latin-stays"),
])
def test_a_space_no_thai_word_can_hold_is_closed(ocr: str, expected: str) -> None:
    assert repair_thai_ocr(ocr) == expected


def test_a_dropped_mark_in_a_domain_word_comes_back() -> None:
    """ตัวชี้วัด is not in PyThaiNLP's dictionary; without it the mark had no long word to land in."""
    assert repair_thai_ocr(". ตามตัวชีวัด จ้านวน 1 ชุด") == ". ตามตัวชี้วัด จำนวน 1 ชุด"


# --- other marks, near words the dictionary does not know: readings of generated scans (seed 300)

from pipeline.thai.ocr_repair import repair_marks  # noqa: E402


@pytest.mark.parametrize("ocr, expected", [
    pytest.param("การรายงานผลการดำเนินงานตามตัวชี่วัดตามมาตรการ", "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการ",
                 id="tone-read-as-the-other"),
    pytest.param("ขององค์กรปกครองส่วันท้องถิ่น ประจำเดือน มกราคม", "ขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มกราคม",
                 id="speck-read-as-mai-han-akat"),
    pytest.param("ท้องถิ่น ประจำปงบประมาณ พ.ศ. 2562", "ท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2562", id="sara-ii-lost"),
    pytest.param("'เรยน | อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", "'เรียน | อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
                 id="sara-ii-lost-in-a-label"),
    # wide seeds 811/812: an upper vowel read as its neighbour
    pytest.param("ท้องถิ่นอำเภอดีเด่น ประจำปิงบประมาณ พ.ศ. 2564", "ท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2564",
                 id="sara-ii-read-as-sara-i"),
    pytest.param("ปรับปรุง: งนน ประจำปึงบประมาณ WAL", "ปรับปรุง: งนน ประจำปีงบประมาณ WAL", id="sara-ii-read-as-sara-ue"),
])
def test_misread_marks_near_unknown_words_are_repaired(ocr: str, expected: str) -> None:
    assert repair_marks(ocr) == expected


@pytest.mark.parametrize("text", [
    pytest.param("ศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น", id="already-right"),
    pytest.param("ศูนย์ช่วยเหลือประะ ชาชนขององค์กร", id="two-good-words-are-not-made-one"),  # not ชาชิน
    pytest.param("(นางสาวอรุณี วงศ์สวัสดิ)", id="personal-name"),
    pytest.param("ที่สำคัญข้องกรมส่งเสริม", id="a-real-word-stays-even-if-wrong-here"),
    pytest.param("การแข่งขันปิงปองของนักเรียน", id="sara-i-of-a-real-word"),
])
def test_marks_are_left_alone_where_the_dictionary_is_not_sure(text: str) -> None:
    assert repair_marks(text) == text


@pytest.mark.parametrize("ocr, expected", [
    pytest.param("ตามมาตรการปรับปรุงประ :สิทธิภาพในการ", "ตามมาตรการปรับปรุงประสิทธิภาพในการ", id="colon-inside-a-word"),
    pytest.param("การให้บริการประ :ชาชนขององค์กร", "การให้บริการประชาชนขององค์กร", id="colon-and-space"),
    pytest.param("ผู้ว่าราชการจังหวัด, นายอำเภอ", "ผู้ว่าราชการจังหวัด, นายอำเภอ", id="a-comma-between-words-stays"),
    pytest.param("จ.ชัยภูมิ พ.ศ. 2562", "จ.ชัยภูมิ พ.ศ. 2562", id="abbreviation-dots-stay"),
])
def test_a_speck_read_as_punctuation_inside_a_word_goes(ocr: str, expected: str) -> None:
    assert join_split_words(ocr) == expected


def test_torn_spaces_are_closed_in_turn_and_spaces_between_words_stay() -> None:
    from pipeline.thai.ocr_repair import close_torn_spaces
    assert close_torn_spaces("ประชาชนขอ ง อ ง ค์ก รปกค ร อ งส่วน") == ("ประชาชนขององค์กรปกครองส่วน", 8)
    assert close_torn_spaces("การปฏิบัติราชการ ประจำปีงบประมาณ")[1] == 0
    assert close_torn_spaces("ดีเด่น ประจำปีงบประมาณ มาณ พ.ศ.", keep_before=("พ.ศ",))[0].endswith("มาณ พ.ศ.")


def test_confused_consonants_are_swapped_back_only_where_the_dictionary_gains() -> None:
    from pipeline.thai.ocr_repair import swap_confusables
    assert swap_confusables("องค์กรปกครลงส่วนท้องถิ่น") == "องค์กรปกครองส่วนท้องถิ่น"
    assert swap_confusables("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น") == "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น"


def test_a_word_torn_by_a_space_and_a_speck_is_closed() -> None:
    """img038 (seed 1029): `เรื่ อ|ง`, a space after the mark and a bar read inside the word."""
    assert repair_thai_ocr("เรื่ อ|ง การประเมิน") == "เรื่อง การประเมิน"
