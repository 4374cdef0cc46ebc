"""What a report form is about (บริบทของแบบรายงาน): indicator, period and province.

The title above the table says it ("แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน… ประจำเดือน
มกราคม พ.ศ. 2561 จังหวัดสตูล"); when it does not, the page ("อัปเดตวันที่ 10/4/61") and then
the covering letter (subject, date, sender) do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pythainlp.util import thai_digit_to_arabic_digit
from pythainlp.util.date import thai_full_months
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extractors.form_cells import names_attachment_list, skeleton
from extractors.places import match_province, province_name
from pipeline.records import Letter
from pipeline.thai.dates import BE_OFFSET, fuzzy_month, parse_period

_JOINT_KEYS = ("ปฏบตการรวม", "สถานทกลาง", "ศนยปฏบตการ")
_HELP_KEYS = ("ศนยชวยเหลอประชาชน", "ชวยเหลอประชาชน")
_PROVINCE_WORD = re.compile(r"จ\s*ั?\s*ง\s*ห\s*ว\s*ั?\s*ด|จังหวัด")
_EARLIEST_YEAR, _LATEST_YEAR = 2005, 2035  # report periods outside these are misreadings


# "เดือน" with OCR's stray spaces, dots and marks between its letters (เด ือน, เดอน).
_MONTH_WORD = re.compile("เ[\\s.\u0e31-\u0e4e]*ด[\\s.\u0e31-\u0e4e]*อ[\\s.\u0e31-\u0e4e]*น")
_STRIPPED_MONTHS = [skeleton(name) for name in thai_full_months]
_YEAR_DIGITS = re.compile(r"\d[\d\s]*")


@dataclass(frozen=True)
class FormContext:
    indicator: str = ""  # help_centre | joint_centre | "" unknown
    period: str = ""  # YYYY-MM
    province_code: str = ""  # the province the title (or letter) names
    # Where period and province came from: title | page | letter | letter_attachment |
    # letter_date | letter_disputed (the page's own date contradicts the letter's) | inherited |
    # "" (unknown). A period taken from the covering letter's date
    # for a form that is not the letter's own attachment list is a guess the rows are flagged for.
    period_source: str = ""
    province_source: str = ""


def detect_indicator(text: str) -> str:
    """joint_centre (ศูนย์ปฏิบัติการร่วม…สถานที่กลาง) or help_centre (ศูนย์ช่วยเหลือประชาชน)."""
    skel = skeleton(text)
    if any(k in skel for k in _JOINT_KEYS):
        return "joint_centre"
    if any(k in skel for k in _HELP_KEYS):
        return "help_centre"
    return ""


def _plausible(period: str | None) -> str:
    if not period:
        return ""
    year = int(period[:4])
    return period if _EARLIEST_YEAR <= year <= _LATEST_YEAR else ""


def detect_period(text: str) -> str:
    """YYYY-MM from "ประจำเดือน … พ.ศ. …" or an update date; "" when none is plausible.

    OCR damages captions in ways a date pattern does not forgive (มิ มอุนายน, "พ. A." for
    พ.ศ.), so a caption the strict reading misses is read again word by word
    (`caption_month_year`)."""
    strict = _plausible(parse_period(text))
    if strict:
        return strict
    month, year = caption_month_year(text)
    return f"{year:04d}-{month:02d}" if month and year else ""


def names_month_word(text: str) -> bool:
    """Whether the text holds the word เดือน (marks and specks between its letters allowed)."""
    return _MONTH_WORD.search(text) is not None


def caption_month_year(text: str) -> tuple[int | None, int | None]:
    """(month, Gregorian year) after the first "เดือน"; either is None when unreadable.

    The month is the month name nearest the letters that follow (marks and spaces ignored,
    a third of its letters may be wrong, and no other month as near); the year is the first
    number after it, kept only when it is a plausible BE or CE year.
    """
    text = thai_digit_to_arabic_digit(text)
    for found in _MONTH_WORD.finditer(text):
        rest = text[found.end():].split("\n")[0]
        head = re.split(r"\d", rest, maxsplit=1)[0]
        month = _month_in(head)
        if month:
            return month, _year_in(rest[len(head):])
    return None, None


# OCR can set a stray short word before the month (`มิ มถฤนายน`: the month's first glyphs read
# twice): the month may start at any of the first few words.
_MONTH_START_WORDS = 3


def _month_in(head: str) -> int | None:
    words = head.split()
    for start in range(min(_MONTH_START_WORDS, max(1, len(words)))):
        month = _nearest_month(skeleton(re.sub("[^ก-๛]", "", " ".join(words[start:]))))
        if month:
            return month
    return None


def _nearest_month(letters: str) -> int | None:
    scores = [min(Levenshtein.distance(letters[:len(name) + k], name) for k in (-1, 0, 1))
              for name in _STRIPPED_MONTHS]
    best = min(scores)
    month = scores.index(best) + 1
    if best > max(1, len(_STRIPPED_MONTHS[month - 1]) // 3) or scores.count(best) > 1:
        return None
    return month


def _year_in(text: str) -> int | None:
    """The year the first number after the month that makes one makes: its digits joined (OCR
    splits ๒๕ ๖๓), else one of its groups ("2 2563": a speck before the year read as a digit);
    a speck read as a digit before พ.ศ. ("9พ.ศ. 2566") makes none."""
    for found in _YEAR_DIGITS.finditer(text):
        groups = found.group(0).split()
        for digits in dict.fromkeys(["".join(groups), *groups]):
            year = _plausible_year(digits)
            if year is not None:
                return year
    return None


def _plausible_year(digits: str) -> int | None:
    year = int(digits) if len(digits) in (2, 4) else 0
    if len(digits) == 2:
        year += 2500
    year = year - BE_OFFSET if year >= 2400 else year
    return year if _EARLIEST_YEAR <= year <= _LATEST_YEAR else None


def row_period(cell: str, table_period: str) -> str:
    """A row's own month (a ข้อมูลเดือน column) → YYYY-MM; the table's period when it has none.

    A summary lists each province's latest report, so a row may be older than the table, never
    newer, and at most a year older. Tesseract misreads Thai years (๒๕๖๑ → ๒๕๒๑) far more
    often than month names, so a year outside that window is taken from the table's period:
    the latest such month not after it.
    """
    found = detect_period(cell)
    if not table_period or (found and _months_before(found, table_period) in range(12)):
        return found or table_period
    month = next((m for m in map(fuzzy_month, cell.split()) if m), None)
    if month is None:
        return table_period
    year, last = int(table_period[:4]), int(table_period[5:7])
    return f"{year - (month > last):04d}-{month:02d}"


def _months_before(period: str, later: str) -> int:
    return (int(later[:4]) - int(period[:4])) * 12 + int(later[5:7]) - int(period[5:7])


def detect_province(text: str) -> str:
    """The province named after the last จังหวัด in the text (fuzzy, OCR-tolerant)."""
    for m in reversed(list(_PROVINCE_WORD.finditer(text))):
        rest = text[m.end():].strip().split("\n")[0]
        hit = _province_at(rest)
        if hit:
            return hit
    return ""


def _province_at(text: str) -> str:
    """The province whose name starts `text` (first words only; OCR may drop marks)."""
    head = skeleton(text)[:24]
    if not head:
        return ""
    best, best_score = "", 0.0
    for code in (f"{n:02d}" for n in range(10, 100)):
        name = province_name(code)
        if not name:
            continue
        score = fuzz.ratio(skeleton(name), head[: len(skeleton(name))])
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= 80 else ""


def _letter_period(letters: Sequence[Letter]) -> str:
    for letter in letters:
        period = detect_period(letter.subject)
        if period:
            return period
    return ""


def _letter_province(letters: Sequence[Letter]) -> str:
    for letter in letters:
        code = detect_province(letter.sender)
        if code:
            return code
        if len(letter.provinces) == 1:
            hit = match_province(letter.provinces[0])
            if hit:
                return hit.code
    return ""


def _near_letter(period: str, letters: Sequence[Letter]) -> bool:
    """An update date shortly before the covering letter is believable; else misread."""
    dates = [lt.date for lt in letters if lt.date]
    if not period or not dates:
        return bool(period)
    when = dt.date(int(period[:4]), int(period[5:7]), 1)
    return any(-_AFTER_LETTER_DAYS <= (d - when).days <= _BEFORE_LETTER_DAYS for d in dates)


# A numeric date whose second slash OCR lost or read as 1: `2/761` for 2/7/61, `5/122561` for
# 5/12/2561, `28/12165` for 28/12/65; and a slash read as `!` or `|` (`28!12165`).
_SLASH_LOST = re.compile(r"(?<![\d/])(?<!\d\.)\d{1,2}/(\d{3,7})(?![\d/])")
_SLASH_LIKE = re.compile(r"(?<=\d)[!|\\](?=\d)")


# Its first slash lost or read as 1 (`1214/66` for 12/4/66, `189/63` for 18/9/63): only after
# the word วันที่, as an update date prints it; elsewhere such a number is an order's
# (คำสั่งที่ 123/2566).
_FIRST_SLASH_LOST = re.compile(r"วันท\S{0,3}\s*(\d{3,4})/(\d{2}|\d{4})(?![\d/])")


def _slash_lost_periods(text: str) -> set[str]:
    """Every month a date that lost a slash can be read as (each cut into a month and
    a 2- or 4-digit year that makes a plausible one)."""
    text = _SLASH_LIKE.sub("/", thai_digit_to_arabic_digit(text))
    second = {period for m in _SLASH_LOST.finditer(text) for period in _month_year_cuts(m.group(1))}
    return second | {period for m in _FIRST_SLASH_LOST.finditer(text)
                     for period in _day_month_cuts(m.group(1), m.group(2))}


def _day_month_cuts(digits: str, year_text: str) -> list[str]:
    """`1214`, `66` → [2023-04] (12/4, the slash read as 1); `189`, `63` → [2020-09] (18/9)."""
    year = _plausible_year(year_text)
    cuts = [(digits[:k], digits[k:]) for k in (1, 2)]
    cuts += [(digits[:k], digits[k + 1:]) for k in (1, 2) if digits[k:k + 1] == "1"]
    return [f"{year:04d}-{int(month):02d}" for day, month in cuts
            if year is not None and 1 <= len(month) <= 2 and 1 <= int(day) <= 31
            and 1 <= int(month) <= 12]


def _month_year_cuts(digits: str) -> list[str]:
    """`761` → [2018-07]; `12165` → [2022-12] (the slash read as 1 between month and year)."""
    cuts = [(digits[:k], digits[k:]) for k in (1, 2)]
    cuts += [(digits[:k], digits[k + 1:]) for k in (1, 2) if digits[k:k + 1] == "1"]
    return [f"{year:04d}-{int(month):02d}" for month, year_text in cuts
            if len(year_text) in (2, 4) and 1 <= int(month) <= 12
            and (year := _plausible_year(year_text)) is not None]


def _slash_lost_period(text: str, letters: Sequence[Letter]) -> str:
    """The one reading of such a date near a dated covering letter ('' without one: a guess)."""
    if not any(lt.date for lt in letters):
        return ""
    near = [p for p in _slash_lost_periods(text) if _near_letter(p, letters)]
    return near[0] if len(near) == 1 else ""


# A page's month is believable from a month after the letter (a date in the month the letter is
# written in) to half a year before it; an update date further back is a misread (5/12/61 read
# as 5/2/61 under a letter of 10 December 2561) or no longer what the letter sends.
_AFTER_LETTER_DAYS, _BEFORE_LETTER_DAYS = 31, 183


def _letter_month(letters: Sequence[Letter], month: int | None) -> str:
    """The covering letter's month; with the form's own month known, the latest such month
    on or before the letter (a report is sent after the month it reports)."""
    dates = [lt.date for lt in letters if lt.date]
    if not dates:
        return ""
    sent = dates[0]
    if month is None:
        return f"{sent.year:04d}-{sent.month:02d}"
    year = sent.year if month <= sent.month else sent.year - 1
    return f"{year:04d}-{month:02d}"


def _period(title: str, page_text: str, letters: Sequence[Letter],
            inherited: FormContext) -> tuple[str, str]:
    """(period, source), most local source first."""
    period = detect_period(title)
    if period:
        return period, "title"
    if inherited.period:
        return inherited.period, inherited.period_source
    for period in (detect_period(page_text), _slash_lost_period(page_text, letters)):
        if period and _near_letter(period, letters):
            return period, "page"
    period = _letter_period(letters)
    if period:
        return period, "letter"
    month = caption_month_year(title)[0] or caption_month_year(page_text)[0]
    period = _letter_month(letters, month)
    if not period:
        return "", ""
    if _after_the_letter(detect_period(page_text), letters):
        return period, "letter_disputed"
    # A list attached to the letter (บัญชีแนบท้าย) stands as at the letter's date: its own
    # date, not a guess; a report form without its month, sent under a letter, may be older.
    return period, "letter_attachment" if names_attachment_list(title) else "letter_date"


def _after_the_letter(period: str, letters: Sequence[Letter]) -> bool:
    """The page dates itself (`อัปเดตวันที่ 5/6/67`) well after the letter that sends it: one of the
    two dates is misread (๒๕๖๗ read 2563), and the letter's month is no more than a guess."""
    dates = [lt.date for lt in letters if lt.date]
    if not period or not dates:
        return False
    when = dt.date(int(period[:4]), int(period[5:7]), 1)
    return all((when - d).days > _AFTER_LETTER_DAYS for d in dates)


def _province(title: str, letters: Sequence[Letter], inherited: FormContext) -> tuple[str, str]:
    province = detect_province(title)
    if province:
        return province, "title"
    if inherited.province_code:
        return inherited.province_code, inherited.province_source
    province = _letter_province(letters)
    return (province, "letter") if province else ("", "")


def read_context(title: str, page_text: str, letters: Sequence[Letter],
                 inherited: FormContext | None = None) -> FormContext:
    """Indicator, period and province for a table, most local source first."""
    inherited = inherited or FormContext()
    indicator = detect_indicator(title) or detect_indicator(page_text) or inherited.indicator
    if not indicator:
        indicator = next((detect_indicator(lt.subject) for lt in letters
                          if detect_indicator(lt.subject)), "")
    period, period_source = _period(title, page_text, letters, inherited)
    province, province_source = _province(title, letters, inherited)
    return FormContext(indicator, period, province, period_source, province_source)
