"""Which lines of a KPI letter hold a code or a target read impossibly, and which re-reading wins.

The KPI extractor's knowledge, offered to `pipeline.ocr.digit_reread`: a KPI's code and target
are numbers the page pass can misread in ways the text shows. A percentage target cannot be 0,
over 100, start with a zero (`ร้อยละ 00` for ๑๐๐: a glyph lost) or be Latin letters (`ร้อยละ BO.`
for ๘๐: the `eng` model's reading); a code cannot end in a
placeholder (`ตัวชี้วัดที่ 3.@` for ๓.๑: Tesseract's sign for a Thai digit it could not read) or be
Latin letters (`ตัวชี้วัดที่ mn. ,` for ๓.๑; read again, `m3.1`: a speck glued before the code).
Only such lines are read again as whole ink words (the reading is costly and a line read right
has nothing to gain), and the new reading wins only where it mends what was wrong and keeps
what the letter-line judge keeps (no runaway number, no lost separator, every date). Every line
holding a KPI code is also read again from its own ink, and a code read otherwise there, the
rest of the line unchanged, wins (`is_better_code_reading`).
"""

from __future__ import annotations

import re

from extractors.indicators import KPI_WORD, PERCENT
from extractors.letter_terms import THI
from extractors.number_lines import is_better_numbers
from pipeline.ocr.lines import lines_of
from pipeline.records import Page
from pipeline.thai.ocr_repair import repair_thai_ocr
from pipeline.thai.text import normalise, normalise_field

_PLACEHOLDERS = "@#*%!?&$©«»"
# A code right after its label with a digit lost or a placeholder for it: after the point
# (`ที่ 3.@`, `ที่2. องค์กร…`, `ที่ 0. การจัดตั้ง…` for ๔.๒), before it (`ที่ .1 ร้อยละ…` for ๓.๑), or both
# (`ที่ «. © .` for ๔.๑). A code's point always stands between two digits.
_HOLE = f"[{re.escape(_PLACEHOLDERS)}]"
_BROKEN_CODE = re.compile(
    f"{KPI_WORD}\\s?{THI}\\s*(?:\\d[.,]{{1,2}}(?:{_HOLE}|(?=\\s|$))|[.,]\\d|{_HOLE}\\s?[.,])")
# Or the code read as Latin letters (`ตัวชี้วัดที่ mn. , ร้อยละของ…` for ๓.๑): no digit before the KPI's name.
_LATIN_CODE = re.compile(f"{KPI_WORD}\\s?{THI}\\s*[A-Za-z]{{1,3}}\\.?(?:\\s*[,.:|])*\\s+(?=[ก-๛])")
# Or a code of two digits with no point between them (`ตัวชี้วัดที่ 31` for ๓.๑, a speck over the point
# making it a colon the row pass dropped): a KPI under a heading, its point lost. Read again, a
# reading that shows the point wins (`3,1`); one that does not leaves the line as it was.
_UNDOTTED_CODE = re.compile(f"{KPI_WORD}\\s?{THI}\\s*[1-9][1-9](?![\\d.,])")
_WHOLE_CODE = re.compile(f"{KPI_WORD}\\s?{THI}\\s*[A-Za-z]?\\d[.,]{{1,2}}\\d(?![.,]*\\d)")
_PERCENT_VALUE = re.compile(f"(?:{PERCENT})[\\s'\"“”‘’.|:]*[A-Za-z]?(\\d[\\d.]*)")
# A percentage whose digits the `eng` model read as Latin (`ร้อยละ BO.` for ร้อยละ ๘๐): no number at all.
_LATIN_VALUE = re.compile(f"(?:{PERCENT})[\\s'\"“”‘’.|:]*[A-Za-z]{{1,3}}\\.?(?=\\s|$)")
_TRAILING_PERCENT = re.compile(f"(?:{PERCENT})[\\s'\"“”‘’.|:]*$")
_LEADING_NUMBER = re.compile(r"^[\s'\"“”‘’.|:]*(\d[\d.]*)")
_MAX_PERCENT = 100


def kpi_number_line_ids(page: Page) -> tuple[list[int], list[int]]:
    """Lines of a page naming ตัวชี้วัด whose KPI code or percentage target reads impossibly (or the
    code as two digits without its point):
    (lines holding the code or ร้อยละ, lines opening with a target wrapped under its ร้อยละ)."""
    lines = [(line, _as_page_text(" ".join(w.text for w in words)))
             for line, words in sorted(lines_of(page.words).items())]
    if not any(re.search(KPI_WORD, text) for _, text in lines):
        return [], []
    inline, wrapped = [], []
    for k, (line, text) in enumerate(lines):
        if _broken_code(text) or _bad_percents(text):
            inline.append(line)
        elif k and _TRAILING_PERCENT.search(lines[k - 1][1]) and _bad_percents(text, wrapped=True):
            wrapped.append(line)
    return inline, wrapped


def _broken_code(text: str) -> bool:
    return any(p.search(text) for p in (_BROKEN_CODE, _LATIN_CODE, _UNDOTTED_CODE))


def _as_page_text(text: str) -> str:
    """A line as the page text will read it: OCR's torn marks and words mended (`ตัวชีวัดท ี clo`,
    its ี a token of its own, is `ตัวชี้วัดที่ clo` there, and the extractor reads that)."""
    return normalise_field(repair_thai_ocr(normalise(text)))


def _bad_percents(text: str, wrapped: bool = False) -> int:
    """Percentage targets on the line that cannot be: 0, over 100, or led by a zero; with
    `wrapped`, the number opening the line is one (its ร้อยละ ends the line above)."""
    values = [m.group(1) for m in _PERCENT_VALUE.finditer(text)]
    lead = _LEADING_NUMBER.match(text) if wrapped else None
    values += [lead.group(1)] if lead else []
    return sum(_impossible(v) for v in values) + len(_LATIN_VALUE.findall(text))


def _impossible(value: str) -> bool:
    number = value.rstrip(".")
    try:
        amount = float(number)
    except ValueError:
        return True
    return amount <= 0 or amount > _MAX_PERCENT or (len(number) > 1 and number.startswith("0"))


def is_better_kpi_numbers(old: str, new: str) -> bool:
    """Take the whole-word reading `new` of a KPI line over the page's `old`? Only where it mends
    an impossible code or percentage and the letter-line judge finds nothing lost."""
    return _mends(old, new, wrapped=False)


def is_better_wrapped_target(old: str, new: str) -> bool:
    """As `is_better_kpi_numbers`, for a line opening with a target wrapped under its ร้อยละ."""
    return _mends(old, new, wrapped=True)


def _mends(old: str, new: str, wrapped: bool) -> bool:
    old, new = _as_page_text(old), _as_page_text(new)
    if not is_better_numbers(old, new):
        return False
    code_mended = _broken_code(old) and bool(_WHOLE_CODE.search(new))
    percents = (_bad_percents(old, wrapped), _bad_percents(new, wrapped))
    return code_mended or (percents[1] < percents[0] and _values(new, wrapped) >= _values(old, wrapped))


def _values(text: str, wrapped: bool) -> int:
    """How many percentage values the line holds: a re-reading must not lose one to mend it."""
    return len(_PERCENT_VALUE.findall(text)) + bool(wrapped and _LEADING_NUMBER.match(text))


def is_better_code_reading(old: str, new: str) -> bool:
    """Take the reading `new` of a KPI code line from its own ink (`pipeline.ocr.digit_reread`) over
    the page's? Only where it reads a whole code too, differently, and the rest of the line is as
    it was. Why: on the page, Tesseract's `tha` writes ๕ for the ๔ it cannot write (๔.๒ read `5.2`,
    the numeral pass reading no digit there), and the row pass judges a code's glyphs in a band
    its neighbours set, where the cut edges of the lines above and below stand (๔.๑ read `4.4`);
    read from the line's own ink, both came out whole and right."""
    old, new = _as_page_text(old), _as_page_text(new)
    was, now = _WHOLE_CODE.search(old), _WHOLE_CODE.search(new)
    if was is None or now is None or was.group() == now.group() or not is_better_numbers(old, new):
        return False
    return old[:was.start()] == new[:now.start()] and old[was.end():] == new[now.end():]


_CODE_LABEL = re.compile(f"{KPI_WORD}\\s?{THI}")


def kpi_code_line_ids(page: Page) -> list[int]:
    """Lines holding a KPI's label and code (ตัวชี้วัดที่ …)."""
    return [line for line, words in sorted(lines_of(page.words).items())
            if _CODE_LABEL.search(_as_page_text(" ".join(w.text for w in words)))]
