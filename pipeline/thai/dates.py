"""Thai date reading (การอ่านวันที่ภาษาไทย): Buddhist-era dates as printed in DLA letters.

Why not `pythainlp.util.thai_strptime` alone: measured, it raises on Thai digits, on `กพ`
without dots, on a literal `พ.ศ.` in the format and on impossible dates (31 ก.พ.). Letters and
stamps mix all of these, and OCR drops tone marks. We take PyThaiNLP's month names and build
one tolerant pattern instead; an impossible date is reported as a flag, never raised.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pythainlp.util.date import thai_abbr_months, thai_full_months
from rapidfuzz.distance import Levenshtein

from pipeline.thai.chars import COMBINING_MARKS, to_arabic

BE_OFFSET = 543
IMPOSSIBLE_DATE = "impossible_date"
IMPLAUSIBLE_DATE = "implausible_date"  # a real day, but nowhere near the date it must be near
_MARKS = COMBINING_MARKS
_GAP = r"[\s.'\"“”‘’]*"  # OCR and typists put spaces, stray dots or specks read as quotes between parts


@dataclass(frozen=True)
class DateMatch:
    """One date found in text. `date` is None when the parts do not make a real day."""

    start: int
    end: int
    text: str
    date: dt.date | None
    flags: tuple[str, ...] = field(default=())
    year_text: str = ""  # the year as printed (Arabic digits): `25` may be a cut-off 25xx


def be_to_ce(year: int) -> int:
    """Buddhist era → Gregorian (พ.ศ. − 543). Years already Gregorian pass through."""
    return year - BE_OFFSET if year >= 2400 else year


def _loose(word: str) -> str:
    """Pattern for a month name whose combining marks OCR may drop."""
    return "".join(f"{re.escape(c)}?" if re.match(f"[{_MARKS}]", c) else re.escape(c) for c in word)


# Marks OCR hangs on a handwritten consonant (Purisa's ธ reads ธุ); never ิ or ี, which tell
# มิ.ย. and มี.ค. from ม.ค.
_STRAY_MARKS = "[\u0e38\u0e39\u0e47-\u0e4b]?"


def _abbr(word: str) -> str:
    """`ก.พ.` also as `กพ`, `ก.พ`, `ก. พ.`, and with a stray mark on either side of a dot
    (`ธุ.ค.`, `ธ.ูค.`); a handwritten inner dot may read as ล (`เมล.ย.`, `พลย.`): no
    abbreviated month holds a ล."""
    letters = [c for c in word if c != "."]
    out = ""
    for c, nxt in zip(letters, [*letters[1:], ""], strict=True):
        marked = _is_mark(c) or _is_mark(nxt)  # its own mark follows (มี): no stray one can
        if not nxt:
            out += re.escape(c) + ("" if marked else _STRAY_MARKS) + r"\.?"
        elif marked:
            out += re.escape(c) + f"{_INNER_DOT}\\s?"
        else:
            out += re.escape(c) + f"{_STRAY_MARKS}{_INNER_DOT}{_STRAY_MARKS}\\s?"
    return out


_INNER_DOT = r"(?:\.|ล\.?)?"


def _is_mark(c: str) -> bool:
    return bool(c) and bool(re.match(f"[{_MARKS}]", c))


def _month_alternatives() -> list[tuple[str, int]]:
    pairs = [(_loose(name), i + 1) for i, name in enumerate(thai_full_months)]
    pairs += [(_abbr(name), i + 1) for i, name in enumerate(thai_abbr_months)]
    return sorted(pairs, key=lambda p: -len(p[0]))  # longest first: มิถุนายน before มิ.ย.


_MONTHS = _month_alternatives()
_MONTH_GROUP = "|".join(f"(?P<m{n}_{k}>{pat})" for k, (pat, n) in enumerate(_MONTHS))
# A year is not followed by more digits, nor by a dot and a digit: `25.62` is a year OCR broke,
# not the two-digit year 25.
# OCR also splits a year at its middle with a space or a slash (`25/62`), only ever after the
# century's digits: a two-digit year and a time after it (`62 10.30`) stay apart. Three digits
# are a year that lost one (๒๕๖๗ read as 256): found, as an impossible date, so a caller can
# complete it.
# Its first digit may come twice, spaced off (`มีนาคม 2 2560`: a wide ๒ read as two glyphs): the
# lone digit before a four-digit year that starts with it is that year's.
_TWICE = r"(?:(?P<twice>[12])\s(?=(?P=twice)\d{3}(?!\d)))?"
_YEAR = (r"(?:พ\s?\.?\s?ศ\s?\.?\s*)?" + _TWICE
         + r"(?P<year>(?:25|19|20)[ /]\d{2}|\d{4}|\d{3}|\d{2})(?![\d]|[.,]\d)")
# A letter's own date line may print its year with a digit too many (`22 พฤศจิกายน 25660`: a
# speck after it read as ๐): asked for (`long_years`), it is found as no real day until the
# letter's other dates say which year it holds (`year_near_others`); lost, the letter had no
# date at all. Elsewhere a five-digit year stays no date: callers take "a date reads" as done.
_LONG_YEAR = _YEAR.replace(r"|\d{2})", r"|\d{2}|\d{5})")
_WORD_DATE = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_GAP}(?:{_MONTH_GROUP}){_GAP}{_YEAR}")
_WORD_DATE_LONG = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_GAP}(?:{_MONTH_GROUP}){_GAP}{_LONG_YEAR}")
_MONTH_YEAR = re.compile(rf"(?:{_MONTH_GROUP}){_GAP}{_YEAR}")
# A day and year around a Thai word that is not a month name as spelled: OCR-damaged months
# (มิถุนายน่, พฤศจกายน, กันวาคม) are resolved by `fuzzy_month`.
# (เมษายน opens with a leading vowel: `เมษายัน`.)
# Its า may read as a 1 between letters (`13 ตุล1คม2564`, the year glued on): no month holds a digit.
_FUZZY_DATE = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_GAP}(?P<word>[ก-ฮเ](?:[ก-๛]|1(?=[ก-๛])){{3,11}}){_GAP}{_YEAR}")
_STRIPPED_MONTHS = [re.sub(f"[{_MARKS}]", "", name) for name in thai_full_months]
# A point before the day is part of a number (0810.7/1/61) only after a digit; after a word it
# is a speck OCR glued on (อัปเดตวันที่.28/12/61).
_NUMERIC_DATE = re.compile(r"(?<![\d/])(?<!\d\.)(?P<day>\d{1,2})/(?P<mon>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")


def _to_arabic(text: str) -> str:
    return to_arabic(text)


def expand_year(year: int, today: dt.date | None = None) -> int:
    """A printed year → Gregorian. Two digits are a BE year (61 → 2561) in today's century."""
    if year >= 100:
        return be_to_ce(year)
    today_be = (today or dt.date.today()).year + BE_OFFSET
    be = (today_be // 100) * 100 + year
    if be > today_be + 10:  # "99" read in 2567 is 2499, not 2599
        be -= 100
    return be - BE_OFFSET


def _month_of(match: re.Match[str]) -> int:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("m") and "_" in name:
            return int(name[1:].split("_")[0])
    raise ValueError("no month group matched")  # unreachable: the pattern requires one


def fuzzy_month(word: str) -> int | None:
    """A full month name as OCR damaged it → its number, or None when it is not clearly one.

    Marks are compared stripped (OCR drops and adds them: มนาคม, มิถุนายน่); then one wrong
    consonant is allowed (กันวาคม → ธันวาคม) when exactly one month is that close, and two in a
    long word (`ฤศจิกายนย`: its พ lost, a speck glued before the year), where no two months are
    so near.
    """
    bare = re.sub(f"[{_MARKS}]", "", word.replace("1", "า"))
    if bare in _STRIPPED_MONTHS:
        return _STRIPPED_MONTHS.index(bare) + 1
    edits = 2 if len(bare) >= _LONG_MONTH else 1
    close = [k for k, name in enumerate(_STRIPPED_MONTHS) if Levenshtein.distance(bare, name) <= edits]
    return close[0] + 1 if len(close) == 1 and len(bare) >= 5 else None


_LONG_MONTH = 7  # letters, marks aside: a word this long may carry two OCR slips and still name one month


def _make(match: re.Match[str], day: int, month: int, today: dt.date | None) -> DateMatch:
    year = expand_year(int(_year_digits(match)), today)
    try:
        date: dt.date | None = dt.date(year, month, day)
        flags: tuple[str, ...] = ()
    except ValueError:
        date, flags = None, (IMPOSSIBLE_DATE,)
    return DateMatch(match.start(), match.end(), match.group(0), date, flags, _year_digits(match))


def _year_digits(match: re.Match[str]) -> str:
    return re.sub(r"\D", "", match.group("year"))


def _fuzzy_dates(text: str, found: list[DateMatch], today: dt.date | None) -> list[DateMatch]:
    out = []
    for m in _FUZZY_DATE.finditer(text):
        month = fuzzy_month(m.group("word"))
        if month and not any(d.start <= m.start("word") < d.end for d in found):
            out.append(_make(m, int(m.group("day")), month, today))
    return out


def find_thai_dates(text: str, *, today: dt.date | None = None, long_years: bool = False) -> list[DateMatch]:
    """Every day-month-year in `text` (word or d/m/y form), in order of position; `long_years`:
    a month name's year of five digits too (see `_LONG_YEAR`)."""
    text = _to_arabic(text)
    words = _WORD_DATE_LONG if long_years else _WORD_DATE
    found = [_make(m, int(m.group("day")), _month_of(m), today) for m in words.finditer(text)]
    found += _fuzzy_dates(text, found, today)
    for m in _NUMERIC_DATE.finditer(text):
        month = int(m.group("mon"))
        if 1 <= month <= 12 and not any(d.start <= m.start() < d.end for d in found):
            found.append(_make(m, int(m.group("day")), month, today))
    return sorted(found, key=lambda d: d.start)


def parse_thai_date(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """The first date in `text`; None when there is none or it is impossible (31 ก.พ.)."""
    found = find_thai_dates(text, today=today)
    return found[0].date if found else None


def date_near(found: DateMatch, anchor: dt.date, before: int = 7, after: int = 366) -> dt.date | None:
    """`found`'s date if it lies in [anchor − before, anchor + after] days, else None.

    Receiving stamps print short years: a two- or three-digit year that is the start of the anchor's
    Buddhist year (`25` beside a letter of 2564) was cut off, and is completed by
    `complete_year`. Anything else far from the anchor is not this date: the caller flags it
    rather than report it.
    """
    if found.date is not None and -before <= (found.date - anchor).days <= after:
        return found.date
    month, day = _month_day(found)
    if month is None or len(found.year_text) not in (2, 3, 4):
        return None
    if len(found.year_text) == 4:  # one digit misread (๒๕๕๗ as 2551): the year near the anchor it is one off
        return _one_year_near(day, month, anchor, lambda be: _digits_apart(be, found.year_text) == 1)
    cut = complete_year(day, month, found.year_text, anchor)
    if cut is None and len(found.year_text) == 3:  # a digit lost inside it (๒๕๖๒ as 262)
        inside = _one_year_near(day, month, anchor, lambda be: digits_in_order(found.year_text, be))
        # or the year cut at the box's edge and its last digit there misread (๒๕๖| as 254)
        return inside or _one_year_near(day, month, anchor, lambda be: _digits_apart(be[:3], found.year_text) == 1)
    if cut is not None or len(found.year_text) != 2:
        return cut
    # A short year with one digit misread (`10 ธ.ค. 51` for ๕๗).
    return _one_year_near(day, month, anchor, lambda be: _digits_apart(be[2:], found.year_text) == 1)


# How long after a letter's date its receiving stamp may be when the stamp's year is cut off:
# short enough that one year fits (22 ธ.ค. after a letter of 18 ธ.ค. 2564 is 2564, not 2565).
_STAMP_AFTER_DAYS = 120
_DAY_MONTH = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_GAP}(?:{_MONTH_GROUP})[\s.]*(?P<frag>\d{{0,3}})(?!\d)")


def complete_year(day: int, month: int, fragment: str, anchor: dt.date) -> dt.date | None:
    """The day in the anchor's year or the next whose Buddhist year starts with the printed
    `fragment` and which falls within days after the anchor; None unless exactly one does."""
    return _one_year_near(day, month, anchor, lambda be: be.startswith(fragment))


def year_from_digits_left(found: DateMatch, anchor: dt.date) -> dt.date | None:
    """The date `found` stands for when OCR dropped digits inside its year (๒๕๖๔ read as 24):
    the one day and month in a Buddhist year around the anchor's that holds the printed digits
    in order and falls just after the anchor; None unless exactly one does."""
    month, day = _month_day(found)
    if month is None or not found.year_text:
        return None
    return _one_year_near(day, month, anchor, lambda be: digits_in_order(found.year_text, be))


def _one_year_near(day: int, month: int, anchor: dt.date, printed: Callable[[str], bool]
                   ) -> dt.date | None:
    """The day and month in the year before, of or after the anchor's whose Buddhist year the
    `printed` digits fit and which falls within days after the anchor; None unless exactly one."""
    found = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if printed(str(year + BE_OFFSET)) and -7 <= (candidate - anchor).days <= _STAMP_AFTER_DAYS:
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def out_of_its_time(date: dt.date, today: dt.date | None = None) -> bool:
    """A date no office could have printed on a letter it sends: after next year, or before
    1932 (พ.ศ. 2475), older than any record this tool reads. OCR made it from a misread digit."""
    return not 1932 <= date.year <= (today or dt.date.today()).year + 1


def year_near_others(found: DateMatch, others: Sequence[dt.date]) -> dt.date | None:
    """The date `found` stands for when OCR misread or lost one digit of its Buddhist year
    (๒๕๖๑ read as 5561, ๒๕๖๗ as 256): its day and month in the year of the document's other
    dates (their median) if the printed digits fit it, else in the one year either side they
    fit; None when none does or both sides do. Four printed digits fit a year they differ from
    in exactly one place; three or two (the rest cut off: `15 ธันวาคม 20` for ๒๕๖๐) fit a year
    that holds them in order, and five (a speck read as a digit: `25660`) one whose digits they
    all hold in order."""
    month, day = _month_day(found)
    if month is None or not others:
        return None
    centre = statistics.median_low(d.year for d in others)
    fits = [y for y in (centre, centre - 1, centre + 1) if _could_print(str(y + BE_OFFSET), found.year_text)]
    if not fits or (fits[0] != centre and len(fits) > 1):
        return None
    return _real_day(fits[0], month, day)


def _could_print(year: str, printed: str) -> bool:
    if len(printed) == len(year):
        return _digits_apart(year, printed) == 1
    if len(printed) == len(year) + 1:  # one digit too many: the year's own digits all there, in order
        return digits_in_order(year, printed)
    return len(year) - 2 <= len(printed) < len(year) and digits_in_order(printed, year)


def _digits_apart(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def _real_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def digits_in_order(digits: str, year: str) -> bool:
    """The digits OCR kept of `year`, in their order (a cut or smudged year: 256 of 2567)."""
    rest = iter(year)
    return all(d in rest for d in digits)


def stamp_date(text: str, anchor: dt.date) -> tuple[dt.date | None, bool]:
    """A receiving stamp's date near the letter's date `anchor` → (date, a date was printed?).

    A full date must lie near the anchor, or be one digit off a year that puts it there. A day
    and month whose year is cut off, smudged or lost (`22 ธค. 2`, `25 พย. 25“`, `25 มค..`) take
    the anchor's year (or the next) when the digits that are printed agree with it and the day
    then falls just after the letter; otherwise nothing is returned.
    """
    text = _month_points(_to_arabic(text))
    dates = find_thai_dates(text)
    if dates:
        return date_near(dates[0], anchor), True
    m = _DAY_MONTH.search(text)
    if not m:
        numeric = _numeric_stamp_date(text, anchor)
        return numeric if numeric[1] else _misread_month_date(text, anchor)
    # No year digits left (`25 มค..`, `25 ก.ย»`): the one year that puts the day just after the letter.
    cut = complete_year(int(m.group("day")), _month_of(m), m.group("frag"), anchor)
    # Else the digit after the month was a speck and the year stands apart (`22 กลพ1 256`).
    return (cut, True) if cut is not None else (_misread_month_date(text, anchor)[0], True)


# The point between an abbreviated month's two letters read as a digit (`26 พ 1.ย. 66`,
# `พ 10ย.` for พ.ย.; seen on a blind seed's stamps): no number stands inside a month's name.
_POINT_READ_DIGIT = re.compile(r"([ก-ฮ])\s*\d{1,2}\s*[.,]?\s*([ก-ฮ])(?=[.,\s])")


def _month_points(text: str) -> str:
    return _POINT_READ_DIGIT.sub(lambda m: f"{m[1]}.{m[2]}" if m[1] + m[2] in _ABBR_SET else m[0], text)


# A stamp's date written d/m/yy with a speck in it (`17/7./64`, `17/.3/62`) or its year smudged
# (`13/1/“จ2`); or with its second slash read as a 7 (`16/9764.` for 16/9/64).
_STAMP_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.]{1,2}\s*(\d{1,2})\s*(?:[./]*\s*/\s*(\S{0,4})|7(\d{2})(?!\d))")


def _numeric_stamp_date(text: str, anchor: dt.date) -> tuple[dt.date | None, bool]:
    m = _STAMP_NUMERIC.search(text)
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return None, False
    if m.group(4):
        whole = find_thai_dates(f"{m.group(1)}/{m.group(2)}/{m.group(4)}")
        return (date_near(whole[0], anchor) if whole else None), True
    year = re.sub(r"\D", "", m.group(3))
    whole = find_thai_dates(f"{m.group(1)}/{m.group(2)}/{year}") if len(year) in (2, 4) else []
    if whole:
        return date_near(whole[0], anchor), True
    return complete_year(int(m.group(1)), int(m.group(2)), year, anchor), True


# A day, a word of a few letters and points where the month stands, and what is left of the year.
# A speck after the month's last point may be read as a digit glued to it (`27 ก,พ4 55`), one
# after the day as a mark (`7# พฑ2566`).
_MONTH_WORD = re.compile(r"(?<!\d)(?P<day>\d{1,2})[\s#*|'\"“”‘’]*(?P<word>[ก-ฮเ][ก-๛.,]{1,6})(?:\d(?=\s))?[\s.,]*"
                         r"(?P<year>\d{2,4})?(?!\d)")
_ABBR_LETTERS = [(name.replace(".", ""), i + 1) for i, name in enumerate(thai_abbr_months)]
_ABBR_SET = frozenset(letters for letters, _ in _ABBR_LETTERS)
_STAMP_SOON_DAYS = 31  # a stamp is put on within weeks: of two months the word may be, the nearer


def _misread_month_date(text: str, anchor: dt.date) -> tuple[dt.date | None, bool]:
    """A stamp date whose abbreviated month OCR misread by one letter (`30 ท.ค, 66` for พ.ค.,
    `30 มพี.ค. 25` for มี.ค.), or spelled right among specks the date patterns do not pass
    (`27 ก,พ4 55`): the month spelled so, else of the months one letter off, the one whose day
    falls within weeks after the letter's date `anchor`, with the printed year digits fitting it."""
    m = _MONTH_WORD.search(text)
    if m is None:
        return None, False
    word, year = _STRAY.sub("", m.group("word")), m.group("year") or ""
    exact = [n for letters, n in _ABBR_LETTERS if word == letters]
    months = exact or [n for letters, n in _ABBR_LETTERS if len(word) > 1 and Levenshtein.distance(word, letters) == 1]
    found = {d for n in months if (d := _one_year_near(int(m.group("day")), n, anchor, _fits(year)))
             and (d - anchor).days <= _STAMP_SOON_DAYS}
    return (found.pop() if len(found) == 1 else None), bool(months)


# Points, and the marks OCR hangs on a handwritten letter (`กลุูพ.` for ก.พ.), are no part of
# a month's letters; ิ and ี are (มิ.ย., มี.ค.).
_STRAY = re.compile("[.,\u0e38\u0e39\u0e47-\u0e4b]")


def _fits(year: str) -> Callable[[str], bool]:
    """Does a Buddhist year fit the printed digits: whole or one digit off, its last two, or its start?"""
    return lambda be: (be.startswith(year) or be[2:] == year
                       or (len(year) == len(be) and _digits_apart(be, year) <= 1))


def has_day_and_month(text: str) -> bool:
    """A real day of the month and a month's name, whatever is left of the year (`10 พ.ค. 25`)."""
    m = _DAY_MONTH.search(_to_arabic(text))
    return m is not None and 1 <= int(m.group("day")) <= calendar.monthrange(2000, _month_of(m))[1]


def _month_day(found: DateMatch) -> tuple[int | None, int]:
    """Month and day of a match whose year made no sense (re-parsed with a neutral year)."""
    # The match ends with its year; the day may be spelled the same (25 พย. 25).
    again = find_thai_dates(found.text[: -len(found.year_text)] + "2500") if found.year_text else []
    if again and again[0].date is not None:
        return again[0].date.month, again[0].date.day
    return None, 0


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def find_month_year(text: str, *, today: dt.date | None = None) -> tuple[int, int] | None:
    """First `เดือน พ.ศ.` pair (no day) as (Gregorian year, month)."""
    m = _MONTH_YEAR.search(_to_arabic(text))
    if not m:
        return None
    return expand_year(int(_year_digits(m)), today), _month_of(m)


def parse_period(text: str, *, today: dt.date | None = None) -> str | None:
    """A report period `YYYY-MM` from "ประจำเดือน มกราคม พ.ศ. 2561" or "อัปเดตวันที่ 10/4/61"."""
    dates = find_thai_dates(text, today=today)
    month_year = find_month_year(text, today=today)
    if dates and (month_year is None or dates[0].date is not None):
        first = dates[0]
        if first.date is not None:
            return f"{first.date.year:04d}-{first.date.month:02d}"
    if month_year:
        return f"{month_year[0]:04d}-{month_year[1]:02d}"
    return None
