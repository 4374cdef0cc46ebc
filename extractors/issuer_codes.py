"""Issuer codes (รหัสพยัญชนะ) of the offices that send local-administration letters.

A letter's number opens with its issuer's code: the Ministry of Interior's `มท` for the
department (กรมส่งเสริมการปกครองท้องถิ่น, `มท 0810.7/ว 435`), a province's two letters for its
local-administration office (`นธ 0023.3/3695` from จังหวัดนราธิวาส). Where OCR garbled or lost
the code but the office digits and serial stand, the sender the letterhead names tells it.
The province codes are the official ones (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ, ภาคผนวก).
"""

from __future__ import annotations

from extractors.offices import DEPARTMENT

_PROVINCE_HEAD = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"
# The department's name as a letterhead wraps it (`กรมส่งเสริมการปกครอง` / `ท้องถิ่น`): OCR may
# garble the second line (`03ซ«ฒ0 ..ท้องถิ่น`); no other office's name opens so.
_DEPARTMENT_FIRST_LINE = "กรมส่งเสริมการปกครอง"
_PROVINCE_CODES = {
    "กระบี่": "กบ", "กาญจนบุรี": "กจ", "กาฬสินธุ์": "กส", "กำแพงเพชร": "กพ", "ขอนแก่น": "ขก",
    "จันทบุรี": "จบ", "ฉะเชิงเทรา": "ฉช", "ชลบุรี": "ชบ", "ชัยนาท": "ชน", "ชัยภูมิ": "ชย", "ชุมพร": "ชพ",
    "เชียงราย": "ชร", "เชียงใหม่": "ชม", "ตรัง": "ตง", "ตราด": "ตร", "ตาก": "ตก", "นครนายก": "นย",
    "นครปฐม": "นฐ", "นครพนม": "นพ", "นครราชสีมา": "นม", "นครศรีธรรมราช": "นศ", "นครสวรรค์": "นว",
    "นนทบุรี": "นบ", "นราธิวาส": "นธ", "น่าน": "นน", "บึงกาฬ": "บก", "บุรีรัมย์": "บร", "ปทุมธานี": "ปท",
    "ประจวบคีรีขันธ์": "ปข", "ปราจีนบุรี": "ปจ", "ปัตตานี": "ปน", "พระนครศรีอยุธยา": "อย", "พะเยา": "พย",
    "พังงา": "พง", "พัทลุง": "พท", "พิจิตร": "พจ", "พิษณุโลก": "พล", "เพชรบุรี": "พบ", "เพชรบูรณ์": "พช",
    "แพร่": "พร", "ภูเก็ต": "ภก", "มหาสารคาม": "มค", "มุกดาหาร": "มห", "แม่ฮ่องสอน": "มส", "ยโสธร": "ยส",
    "ยะลา": "ยล", "ร้อยเอ็ด": "รอ", "ระนอง": "รน", "ระยอง": "รย", "ราชบุรี": "รบ", "ลพบุรี": "ลบ",
    "ลำปาง": "ลป", "ลำพูน": "ลพ", "เลย": "ลย", "ศรีสะเกษ": "ศก", "สกลนคร": "สน", "สงขลา": "สข",
    "สตูล": "สต", "สมุทรปราการ": "สป", "สมุทรสงคราม": "สส", "สมุทรสาคร": "สค", "สระแก้ว": "สก",
    "สระบุรี": "สบ", "สิงห์บุรี": "สห", "สุโขทัย": "สท", "สุพรรณบุรี": "สพ", "สุราษฎร์ธานี": "สฎ",
    "สุรินทร์": "สร", "หนองคาย": "นค", "หนองบัวลำภู": "นภ", "อ่างทอง": "อท", "อำนาจเจริญ": "อจ",
    "อุดรธานี": "อด", "อุตรดิตถ์": "อต", "อุทัยธานี": "อน", "อุบลราชธานี": "อบ",
}


def issuer_code(sender: str) -> str:
    """The code numbers from `sender` open with ('' when the office is not one we know)."""
    if sender == DEPARTMENT or sender.startswith(_DEPARTMENT_FIRST_LINE):
        return "มท"
    if sender.startswith(_PROVINCE_HEAD):
        return _PROVINCE_CODES.get(_province_opening(sender[len(_PROVINCE_HEAD):].strip()), "")
    return ""


def _province_opening(rest: str) -> str:
    """The province the words after the office's head open with: a memo's ส่วนราชการ line may
    run on into its phone number (`…จังหวัดแม่ฮ่องสอน โท่ร. 0-2241`, โทร. with a stray mark)."""
    if rest in _PROVINCE_CODES:
        return rest
    head = rest.split(" ", 1)[0]
    return head if head in _PROVINCE_CODES else ""


_KNOWN = frozenset(_PROVINCE_CODES.values()) | {"มท"}


def known_code(code: str) -> bool:
    """A code this department's letters are known to bear (its own มท, a province office's)."""
    return code in _KNOWN


def misread_code(read: str, sender_code: str) -> bool:
    """Is `read` the sender's code `sender_code` with one letter misread by OCR (`ภภ` for ภก),
    or with one letter more (ที่'s ท glued before it, `ทมค` for มค; a speck read as a letter,
    `นกธ` for นธ)? Only when `read` is no code we know: a letter may print another office's
    number."""
    if not sender_code or known_code(read):
        return False
    if len(read) == len(sender_code) + 1:
        return any(read[:k] + read[k + 1:] == sender_code for k in range(len(read)))
    return len(read) == len(sender_code) and sum(a != b for a, b in zip(read, sender_code, strict=True)) == 1


# Letters Tesseract takes one for the other in print, told apart by a tail or a head alone.
_LOOKALIKES = frozenset(map(frozenset, ("บป", "ดค", "ถภ", "ผฝ", "พฟ", "ขช", "ฎฏ", "ลส")))


def lookalike_code(read: str, code: str) -> bool:
    """Is `read` the code `code` with one letter read as its look-alike (`สป` for สบ: บ's tail
    taken for ป's)? Both may be codes we know: the caller weighs whose letter it is."""
    pairs = [frozenset((a, b)) for a, b in zip(read, code, strict=False) if a != b]
    return len(read) == len(code) and len(pairs) == 1 and pairs[0] in _LOOKALIKES


def province_of_code(code: str) -> str:
    """The province whose local-administration office bears `code` ('' when none does)."""
    return next((name for name, known in _PROVINCE_CODES.items() if known == code), "")


def province_code(province: str) -> str:
    """The code of a province's local-administration office, by the province's official name."""
    return _PROVINCE_CODES.get(province, "")


def is_province_code(code: str) -> bool:
    return code in _PROVINCE_CODES.values()
