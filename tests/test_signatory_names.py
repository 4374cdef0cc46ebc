"""A signatory's given name as OCR read it on seeds 995-1000, judged against the given-name lists;
names the lists lack must come out as they went in."""

from __future__ import annotations

import pytest

from extractors.letters import extract_letters
from extractors.signatory_names import (
    SIGNATORY_CORRECTED,
    edit_cost,
    judge_given_name,
    judge_surname,
    resplit,
    split_joined,
    surname_syllable_mended,
    surname_tone_restored,
    title_mended,
)
from pipeline.thai.text import normalise


@pytest.mark.parametrize(("read", "printed"), [
    pytest.param("นางสาวอัญชล เกษมสุข", "นางสาวอัญชลี เกษมสุข", id="final-vowel-lost"),
    pytest.param("นายป๊ยะ มั่นคง", "นายปิยะ มั่นคง", id="vowel-read-as-a-tone-mark"),
    pytest.param("นายอุภิชาติ อุดมผล", "นายอภิชาติ อุดมผล", id="speck-read-as-a-lower-vowel"),
    pytest.param("นายพิสิธฐุ์ สายทอง", "นายพิสิษฐ์ สายทอง", id="look-alike-and-a-speck"),
    pytest.param("นางสาวสูนิสา เรืองศรี", "นางสาวสุนิสา เรืองศรี", id="lower-vowel-misread"),
    pytest.param("นายอ้านาจ จุลเจริญ", "นายอำนาจ จุลเจริญ", id="sara-am-read-as-mai-tho"),
    pytest.param("นางสาวชนีดำ สุขสวัสดิ์", "นางสาวชนิดา สุขสวัสดิ์", id="two-marks-misread"),
    # wide1008/1011: a tall glyph read as a look-alike piece, then as itself
    pytest.param("นายพงศรธร สิทธิโชค", "นายพงศธร สิทธิโชค", id="tho-read-as-ro-then-tho"),
    pytest.param("นายสมพงหษ์ ศรีชวโนทัย", "นายสมพงษ์ ศรีชวโนทัย", id="so-rue-read-twice"),
    pytest.param("นายวรวุวฒิ จุลเจริญ", "นายวรวุฒิ จุลเจริญ", id="tho-phu-thao-read-twice"),
    # wide1023 SCAN_0034: a speck over the last letter read as ์; given names end bare in พรรณ
    pytest.param("นางสาวผกาพรรณ์ อินทร์แก้ว", "นางสาวผกาพรรณ อินทร์แก้ว", id="speck-read-as-thanthakhat"),
    pytest.param("นางสาวผกาภรณ สุขสวัสดิ์", "นางสาวผกาภรณ์ สุขสวัสดิ์", id="final-thanthakhat-lost"),  # unlisted: by its ending
])
def test_a_misread_given_name_is_put_back(read: str, printed: str) -> None:
    name, change = judge_given_name(read)
    assert name == printed and change is not None


@pytest.mark.parametrize("name", [
    "นางสาวผกาพรรณ สัมมาประสิทธิ์",  # not on the list; ผกาวรรณ is one plain letter away
    "นายธนสรณ์ สุขสวัสดิ์", "ว่าที่ร้อยตรีธนสรณ์ อุดมผล", "นางมาลัย เพชรหนู", "นายศรัทธา ศรีสุข",
    "นายกิตติพงษ์ แก้วมณี",
])
def test_a_name_no_look_alike_edit_reaches_is_left(name: str) -> None:
    assert judge_given_name(name) == (name, None)


@pytest.mark.parametrize("read", ["อัญชล", "ป๊ยะ", "อ้านาจ", "สูนิสา", "ผกาพรรณ", "พงศรธร"])
def test_the_cost_cut_off_at_a_limit_keeps_every_cost_within_it(read: str) -> None:
    """Against every listed name of a like length: a cost within the limit is the full cost;
    one beyond it is beyond it either way (judging stops reading a name there)."""
    from pythainlp.corpus import thai_female_names, thai_male_names

    listed = [n for n in (*thai_male_names(), *thai_female_names()) if abs(len(n) - len(read)) <= 2]
    full = [edit_cost(read, n) for n in listed]
    cut = [edit_cost(read, n, 1.0) for n in listed]
    assert [c for c in full if c <= 1.0] == [c for c in cut if c <= 1.0]
    assert all((f > 1.0) == (c > 1.0) for f, c in zip(full, cut, strict=True))
    assert any(c == float("inf") for c in cut)  # names out of reach are given up on


def test_a_female_title_takes_a_female_name() -> None:
    assert judge_given_name("นายอัญชล เกษมสุข") == ("นายอัญชล เกษมสุข", None)


@pytest.mark.parametrize(("joined", "name"), [
    ("นายขจรคำแสน", "นายขจร คำแสน"), ("นางสาวดวงใจมั่นคง", "นางสาวดวงใจ มั่นคง"), ("นายขจร คำแสน", "นายขจร คำแสน"),
])
def test_a_name_without_its_space_is_split_after_a_listed_given_name(joined: str, name: str) -> None:
    assert split_joined(joined) == name


def test_the_letter_names_the_put_back_given_name() -> None:
    text = ("ที่ มท 0810.7/ว 4230\nเรื่อง รายงานผลการดำเนินงาน\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น แจ้งให้รายงานผลการดำเนินงาน นั้น\n"
            "จึงเรียนมาเพื่อทราบ\nขอแสดงความนับถือ\n(นายอ้านาจ จุลเจริญ) 4\nปลัดจังหวัด ปฏิบัติราชการแทน\n")
    letter = extract_letters([(1, normalise(text))])[0]
    assert letter.signatory == "นายอำนาจ จุลเจริญ"
    assert f"{SIGNATORY_CORRECTED}:อ้านาจ>อำนาจ" in letter.flags


def test_a_surname_syllable_takes_back_the_tone_mark_family_names_give_it() -> None:
    # wide998/999/990: พึ่งบุญ read พึงบุญ; family names hold พึ่ง (พึ่งทอง, พึ่งแสง …), never bare พึง.
    assert surname_tone_restored("นางกาญจนา พึงบุญ") == ("นางกาญจนา พึ่งบุญ", "พึงบุญ>พึ่งบุญ")


@pytest.mark.parametrize("name", ["นายอานนท์ ปินตาคำ", "นางสาวอรุณี วงศ์สวัสดิ์", "นายวิชัย อินทร์แก้ว", "นายขจร คำแสน"])
def test_a_surname_read_right_keeps_its_marks(name: str) -> None:
    assert surname_tone_restored(name) == (name, None)


@pytest.mark.parametrize(("read", "printed"), [
    pytest.param("นายธีรวัฒน์ เรื่องศรี", "นายธีรวัฒน์ เรืองศรี", id="speck-read-as-a-tone-mark"),
    pytest.param("นายธีรวัฒน์ แสง่อรุณ", "นายธีรวัฒน์ แสงอรุณ", id="tone-mark-over-a-bare-consonant"),
    pytest.param("นางชนิดา บุญประเสริฐ์", "นางชนิดา บุญประเสริฐ", id="thanthakhat-too-many"),
    pytest.param("นายสมศักดิ์ รัต์นพันธ์", "นายสมศักดิ์ รัตนพันธ์", id="thanthakhat-inside"),
    pytest.param("นางสาวปราณี ภูมิพัฒน", "นางสาวปราณี ภูมิพัฒน์", id="final-thanthakhat-lost"),
])
def test_a_surname_takes_the_marks_listed_family_names_give_it(read: str, printed: str) -> None:
    name, change = judge_surname(read)
    assert name == printed and change is not None


@pytest.mark.parametrize("name", [
    "นายก จุลเจริญ", "นายก หวังเจริญ", "นายก สิทธิโชค", "นายก ปินตาคำ", "นายก ทองมา", "นายก ศรีวิไล",
    "นายก อินทร",  # a listed name with the bare ending others take ์ on
])
def test_a_surname_no_mark_edit_makes_listed_is_left(name: str) -> None:
    assert judge_surname(name) == (name, None)


@pytest.mark.parametrize(("read", "printed", "change"), [
    ("ว่าที่ ที่ร้อยตรีชัยวัฒน์หวังเจริญ", "ว่าที่ร้อยตรีชัยวัฒน์ หวังเจริญ", "ว่าที่ ที่ร้อยตรี>ว่าที่ร้อยตรี"),
    ("นจงเพ็ญศรี วงศ์นิติกร", "นางเพ็ญศรี วงศ์นิติกร", "นจง>นาง"),
])
def test_a_doubled_or_misread_title_is_put_back(read: str, printed: str, change: str) -> None:
    assert title_mended(read) == (printed, change)


@pytest.mark.parametrize("name", ["นายขจร คำแสน", "รรร์วสิร ทองคำ", "นจงสมบัติ วงศ์นิติกร", "สำเนียง หวังเจริญ"])
def test_a_title_is_not_made_up(name: str) -> None:
    assert title_mended(name) == (name, None)


def test_a_name_torn_inside_its_given_name_is_split_at_its_listed_parts() -> None:
    assert resplit("นายชัย วัฒน์บุญประเสริฐ") == ("นายชัยวัฒน์ บุญประเสริฐ", "ชัย วัฒน์บุญประเสริฐ>ชัยวัฒน์ บุญประเสริฐ")
    assert resplit("นายชัย วัฒน์หวังเจริญ") == ("นายชัย วัฒน์หวังเจริญ", None)  # no listed surname to cut at


def test_a_speck_read_at_the_tear_of_a_given_name_goes() -> None:
    """saraban_016 (seed 1025): `(นายพิ โสิษฐ์ สายทอง)`, a speck at the tear read as โ."""
    assert resplit("นายพิ โสิษฐ์สายทอง") == ("นายพิสิษฐ์ สายทอง", "พิ โสิษฐ์สายทอง>พิสิษฐ์ สายทอง")
    assert resplit("นายพิ โสิษฐ์ไม่มีนามสกุลนี้") == ("นายพิ โสิษฐ์ไม่มีนามสกุลนี้", None)


@pytest.mark.parametrize(("read", "printed", "change"), [
    # wide 1034 saraban_021: ภู read twice; family names hold ภูมิ 41 times, ภูภู never.
    ("นายธีรวัฒน์ ภูภูมิพัฒน์", "นายธีรวัฒน์ ภูมิพัฒน์", "ภูภูมิพัฒน์>ภูมิพัฒน์"),
    # wide 1032 saraban_006: the ุ of บุญ lost; family names hold บุญ 228 times, บญ 7.
    ("นายปิยะ พึ่งบญ", "นายปิยะ พึ่งบุญ", "พึ่งบญ>พึ่งบุญ"),
])
def test_a_surname_syllable_read_twice_or_its_vowel_lost_is_mended(read: str, printed: str, change: str) -> None:
    assert surname_syllable_mended(read) == (printed, change)


@pytest.mark.parametrize("name", ["นายนพดล พรหม่วงค์", "นายชาตรี วงศ์นิติกร", "นางณัฐธิดา จุลเจริญ",
                                  "นายสมศักดิ์ ธรรมรักษ์", "นายวิชัย อินทร์แก้ว"])
def test_a_surname_the_syllables_do_not_mend_one_way_is_left(name: str) -> None:
    assert surname_syllable_mended(name) == (name, None)


def test_the_letter_names_the_mended_surname() -> None:
    text = ("ที่ มท 0810.7/ว 4230\nเรื่อง รายงานผลการดำเนินงาน\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น แจ้งให้รายงานผลการดำเนินงาน นั้น\n"
            "จึงเรียนมาเพื่อทราบ\nขอแสดงความนับถือ\n(นายธีรวัฒน์ ภูภูมิพัฒน์)\nปลัดจังหวัด ปฏิบัติราชการแทน\n")
    letter = extract_letters([(1, normalise(text))])[0]
    assert letter.signatory == "นายธีรวัฒน์ ภูมิพัฒน์"
    assert f"{SIGNATORY_CORRECTED}:ภูภูมิพัฒน์>ภูมิพัฒน์" in letter.flags
