"""Which OCR lines of a page are letter-header lines worth reading again, and which reading wins.

The letter extractor's knowledge, offered to `pipeline.ocr.lines`: the header zone of a letter
page runs from the top of the page to its addressee line (เรียน / ถึง), or, when OCR garbled
that label, to the first body label under the subject (อ้างถึง, สิ่งที่ส่งมาด้วย, ตามหนังสือ …), or,
when it garbled เรื่อง too, under the letter's `ที่ <number>` line.
In it, the lines that carry a number, a date or Latin letters (the `eng` model's misreadings of
Thai), and the subject lines, are re-read with `tha` alone, and so is the addressee line when it
holds Latin or next to nothing after its label; so are the citation lines from the
addressee down (อ้างถึง / ตามหนังสือ … ที่ … ลงวันที่ …) that carry digits or Latin. A re-reading
replaces the old one only when it keeps any date or document number the old one had, keeps
its เรื่อง or เรียน/ถึง label, has no more Latin letters, and reads no worse against the Thai
dictionary. Other body lines are left alone (real English lives there) but for one kind: a
count whose unit came out Latin (`จำนวน 878 aud`), which is what a KPI target is.
"""

from __future__ import annotations

import re

from pythainlp.util.date import thai_full_months

from extractors import signature_lines
from extractors.letter_body import is_signed_name, names_a_thing
from extractors.letter_docnum import try_parse_docnum
from extractors.letter_terms import ADDRESSEE, CLOSING, DEADLINE_DAY, SUBJECT, loose, spaced, starts_with
from extractors.segment import is_number_head
from pipeline.records import Page, Word
from pipeline.thai.dates import find_thai_dates
from pipeline.thai.dictionary import tokens, unknown_letters, words
from pipeline.thai.ocr_repair import close_spaces_at_marks, dictionary_cost, join_split_words
from pipeline.thai.text import normalise_field

_MAX_ZONE_LINES = 30  # a header is never longer; a page without เรียน in it is not a letter top
_LATIN = re.compile("[A-Za-z]")
_WORTH = re.compile(r"[0-9๐-๙A-Za-z]")
_KEEP_SHARE = 0.7  # a re-reading that lost this much text dropped glyphs
_LONE_DIGIT = re.compile(r"(?<!\S)\d(?!\S)")
_NUMBER = re.compile(r"\d+")
_CITATION_LINES = 13  # อ้างถึง and the body's first ตามหนังสือ sit within 12 lines under เรียน
_BODY_LABEL = starts_with("อ้างถึง", "สิ่งที่ส่งมาด้วย", "ตามหนังสือ", "ตามที่", "ด้วย")
# ลงวันที่, หนังสือ / อ้างถึง (the words before a cited number), or a number's `/ว` or
# `/<digits>`: what a citation line carries. The number itself may be unreadable (`มท0802.2 lof`).
_CITES = re.compile(f"{loose('ลงวันที่')}|{loose('หนังสือ')}|{loose('อ้างถึง')}|/\\s*[วๆ]"
                    f"|[ก-ฮ]{{2}}\\s*[0-9๐-๙]{{2,5}}[.,]?[0-9๐-๙]*\\s*/")


def _line_texts(words: list[Word], joined: bool = False) -> list[tuple[int, str]]:
    """Each line's text as the extractor will see its labels: on a spaced-out scan Tesseract tears
    words at their marks (`เรื ่อง`, `เง ยน`), and a header whose เรื่อง and เรียน both read so
    would have no zone."""
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    # Labels are matched on the line as the page text will hold it: a space OCR set before a mark
    # (`เรื ่อง`) is closed there too, and, `joined`, a word torn by a space and a speck (`เรื่ อ|ง`);
    # such a line is a header line to read again.
    return [(line, join_split_words(close_spaces_at_marks(normalise_field(" ".join(parts)))) if joined
             else close_spaces_at_marks(normalise_field(" ".join(parts)))) for line, parts in sorted(lines.items())]


def header_line_ids(page: Page) -> list[int]:
    """Ids of the header-zone lines of a letter page that hold digits, Latin or the subject."""
    lines = _line_texts(page.words, joined=True)
    end = _zone_end([text for _, text in lines[:_MAX_ZONE_LINES]])
    if end is None:
        return []
    subject = set(_subject_lines(lines[:end]))
    chosen = [line for line, text in lines[:end] if line in subject or len(text) >= 3 and _WORTH.search(text)]
    addressee = _addressee_line_ids(lines[end:end + 1])  # the zone may end at อ้างถึง instead: a citation
    return chosen + addressee + [i for i in _citation_line_ids(lines[end:end + _CITATION_LINES]) if i not in addressee]


def _subject_lines(zone: list[tuple[int, str]]) -> list[int]:
    """The zone's lines from เรื่อง down: the subject and its wrapped lines."""
    start = next((k for k, (_, text) in enumerate(zone) if SUBJECT.match(text)), len(zone))
    return [line for line, text in zone[start:] if len(text) >= 3]


def subject_line_ids(page: Page) -> list[int]:
    """Ids of a letter page's subject lines (เรื่อง and its wrap) and its addressee line: read
    again up to the text column's edge, where OCR lost a line's last words."""
    lines = _line_texts(page.words, joined=True)
    end = _zone_end([text for _, text in lines[:_MAX_ZONE_LINES]])
    if end is None:
        return []
    addressee = [line for line, text in lines[end:end + 1] if ADDRESSEE.match(text)]
    return _subject_lines(lines[:end]) + addressee


def poorly_read_line_ids(page: Page) -> list[int]:
    """The subject and addressee lines (`subject_line_ids`) that still read poorly against the
    dictionary (`เอียน 0 0 หกครองท้องถิ่น`): worth one more reading of their crop as a block."""
    texts = dict(_line_texts(page.words))
    return [line for line in subject_line_ids(page) if _reads_poorly(texts.get(line, ""))]


def is_better_block(old: str, new: str) -> bool:
    """`is_better_reading`, and more of the line read into known words than the page reading
    with its torn words joined: a block reading is for a garbled line, not for one OCR only
    spaced out (`องค์กรปกค รองส ่วนท้องถิน (สถานที่กลาง )` read `…(สถานทึกลาง 1`, seed 1039)."""
    joined = join_split_words(close_spaces_at_marks(normalise_field(old)))
    return is_better_reading(old, new) and words_read(new) > words_read(joined)


_SHORT_ADDRESSEE = 4  # Thai letters: no office or title is shorter (อธิบดี…, นายก…)


def _addressee_line_ids(lines: list[tuple[int, str]]) -> list[int]:
    """The addressee line, when it holds Latin (the `eng` model's reading of a Thai office:
    `ถึง 0 atin (ตามบัญชีแนบกาก)` for สำนักงานส่งเสริม… (ตามบัญชีแนบท้าย)), when its value
    is all but lost (`เรียน ง`), or when it reads poorly against the dictionary
    (`เรียน อธิปดีกรมส่งเสริมกกรปกลากก`): the judge keeps the page reading unless the crop reads better."""
    return [line for line, text in lines if (m := ADDRESSEE.match(text))
            and (_LATIN.search(text) or len(_THAI_LETTER.findall(text[m.end():])) < _SHORT_ADDRESSEE
                 or _reads_poorly(text[m.end():]))]


_WELL_READ = 0.9  # of a value's Thai letters in known words: an office, a title, a province


def _reads_poorly(value: str) -> bool:
    """Letters of the value unknown, or split into short words (`อธิปดีกรมส่งเสริมกกรปกลากก`:
    อธิป|ดี|กรม|ส่ง|เส|ริ|มก|…): a garbled reading the crop may read better."""
    return words_read(value) < _WELL_READ * len(_THAI_LETTER.findall(value))


def _zone_end(texts: list[str]) -> int | None:
    """Index of the addressee line; when OCR garbled its label (`eu: ผู้ว่าราชการ…`), of the
    first line under the subject that starts the body (อ้างถึง, สิ่งที่ส่งมาด้วย, ตามหนังสือ …), or
    failing that the first that cites a letter (ลงวันที่, หนังสือ); when it garbled เรื่อง too, of
    the first such line under the letter's `ที่ <number>` line."""
    addressee = next((k for k, text in enumerate(texts) if ADDRESSEE.match(text)), None)
    subject = next((k for k, text in enumerate(texts) if SUBJECT.match(text)), None)
    if addressee is not None:
        return addressee
    if subject is None:  # both labels garbled (`‘Gas | 0ั็[|`): the header runs from its ที่ line
        subject = next((k for k, text in enumerate(texts) if is_number_head(text)), None)
    if subject is None:
        return None
    below = range(subject + 1, len(texts))
    # The body's label garbled too (`ตาัมหนังสือ`): the first line under the subject that cites.
    return next((k for k in below if _BODY_LABEL.match(texts[k])), None) \
        or next((k for k in below if _CITES.search(texts[k])), None)


def _citation_line_ids(lines: list[tuple[int, str]]) -> list[int]:
    """Lines from the addressee down that cite a letter (อ้างถึง / ตามหนังสือ … ที่ … ลงวันที่ …)
    and hold digits or Latin: the cited number and date are fields too; and the line a cited
    date wraps onto (see `_date_wrap`)."""
    citing = [k for k, (_, text) in enumerate(lines) if _CITES.search(text)]
    cited = [k for k in citing if _WORTH.search(lines[k][1])]
    wraps = [w for k in citing if (w := _date_wrap(lines, k)) is not None]  # `ลงวันที่` may end alone
    serials = [w for k in citing if (w := _serial_wrap(lines, k)) is not None]
    numbers = [a for k in citing if (a := _number_above(lines, k)) is not None]
    return [lines[k][0] for k in sorted(set(cited) | set(wraps) | set(serials) | set(numbers))]


_DATED_FIRST = re.compile(f"^\\W{{0,3}}{loose('ลงวันที่')}")


def _number_above(lines: list[tuple[int, str]], k: int) -> int | None:
    """Index of the line above a line that opens with ลงวันที่, when it holds digits or Latin:
    the cited number that date belongs to, whatever OCR made of the words around it
    (`ต้ามห์นังสือ… ที่ มท ๐๕๑๐. én ๕๐๕๕`, its หนังสือ and slash garbled: seed 1036 saraban_003)."""
    if k == 0 or not _DATED_FIRST.match(lines[k][1]):
        return None
    above = next((j for j in range(k - 1, max(-1, k - 1 - _WRAP_REACH), -1)
                  if len(_READ.findall(lines[j][1])) >= _WRAP_READ), None)
    return above if above and _WORTH.search(lines[above][1]) else None  # never the addressee's line


_SERIAL_FIRST = re.compile(r"^\W{0,3}[0-9๐-๙]{1,4}(?![0-9๐-๙.])")


def _serial_wrap(lines: list[tuple[int, str]], k: int) -> int | None:
    """Index of the line a cited number's serial wraps onto: the citation line has no ลงวันที่,
    and the first line under it but specks opens with the serial (`… ที่ มท 0810.7 [ว` then
    `4132 ATU 26 ธันวาคม 2564`, ลงวันที่ read Latin): the number and its date are there."""
    if _DATED.search(lines[k][1]):
        return None
    below = _readable_below(lines, k)
    return below if below is not None and _SERIAL_FIRST.match(lines[below][1]) else None


def _readable_below(lines: list[tuple[int, str]], k: int) -> int | None:
    return next((j for j in range(k + 1, min(len(lines), k + 1 + _WRAP_REACH))
                 if len(_READ.findall(lines[j][1])) >= _WRAP_READ), None)


_DATED = re.compile(loose("ลงวันที่"))
_WRAP_REACH = 3  # lines: specks and a stamp's ink may be read as lines of their own in between
_DATE_PART = re.compile(r"[0-9๐-๙]{2}")


def _date_wrap(lines: list[tuple[int, str]], k: int, label: re.Pattern[str] = _DATED) -> int | None:
    """Index of the line a citation's date runs on to: its line ends at ลงวันที่ or a day, no
    month or year after it (`… ลงวันที่ ๗` read `ลงวันที่ เซ`, then `สิงหาคม ๒๕๖๘` read
    `> สิงหาคม w568`), and the first line under it within reach but specks is the rest of it
    when it holds a month name or a number. The wrap has no citation words of its own, so it
    would not be read again otherwise."""
    text = lines[k][1]
    labels = list(label.finditer(text))
    rest = text[labels[-1].end():] if labels else ""
    if not labels or month_names(rest) or _YEAR_DIGITS.search(rest):
        return None
    below = _readable_below(lines, k)
    return below if below is not None and (month_names(lines[below][1]) or _DATE_PART.search(lines[below][1])) \
        else None


_YEAR_DIGITS = re.compile(r"[0-9๐-๙]{3}")
_READ = re.compile("[ก-ฮ0-9๐-๙]")
_WRAP_READ = 3  # letters or digits: fewer are specks read as a line (`'`, `a 0`)


# A reply deadline's label: OCR may space ภายใน out (`ภา ย ในวันที่`), or set a mark on วัน (`วั้นที่`).
_DEADLINE = re.compile(f"{spaced('ภายใน')}\\s*{DEADLINE_DAY}{loose('ที่')}")


def deadline_date_line_ids(page: Page) -> list[int]:
    """A reply deadline's line whose date after ภายในวันที่ does not read (the `eng` model's
    month: `l21 HUNAN 2567`, `o9 wee`; a garbled one: `19 ล บันวาคั`), and the line the date
    wraps onto (`ภายในวันที่ 23 —` then `พฤศจิกายน 25205`). A body line, but its date is a field."""
    lines = _line_texts(page.words)
    picked = [k for k, (_, text) in enumerate(lines) if _undated_after(text, _DEADLINE)]
    wraps = [w for k in picked if (w := _date_wrap(lines, k, _DEADLINE)) is not None]
    return [lines[k][0] for k in sorted(set(picked) | set(wraps))]


def _undated_after(text: str, label: re.Pattern[str]) -> bool:
    """A date does not read after the label's last match; a day and month that read, their year
    wrapped or lost, are as much as the line holds (`ภายในวันที่ 26 ธันวาคม`)."""
    found = list(label.finditer(text))
    if not found:
        return False
    rest = text[found[-1].end():]
    day = _DAY.match(rest)
    return not find_thai_dates(rest) and not (day and _before_a_month(rest[day.end():]))


_DAY = re.compile(r"\s*[0-9๐-๙]{1,2}(?![0-9๐-๙])")


# A KPI target whose unit the `eng` model turned Latin (`จำนวน 878 aud` for ๘๗๘ ศูนย์).
_LATIN_UNIT = re.compile(r"จำนวน\s*\d[\d,]*\s*[A-Za-z]")


def count_line_ids(page: Page) -> list[int]:
    """Body lines where a count is followed by Latin: a Thai unit misread, worth a `tha` re-read."""
    return [line for line, text in _line_texts(page.words) if _LATIN_UNIT.search(text)]


def _grows_a_number(old: str, new: str) -> bool:
    """A number of the old reading came back, in its place, with more digits stuck to it, other
    than two of its numbers joined (a year Tesseract split, `๒ ๕๐๑` → `๒๕๐๑`): a speck read as a
    digit. Numbers are paired in order, and only when both readings hold as many."""
    olds, news = _NUMBER.findall(old), _NUMBER.findall(new)
    if len(olds) != len(news):
        return False
    joins = {"".join(olds[i:j]) for i in range(len(olds)) for j in range(i + 2, len(olds) + 1)}
    # One digit turns up inside any number by chance, and a day's digit may be one glyph of two.
    return any(len(o) > 1 and len(n) > len(o) and o in n and n not in joins
               for o, n in zip(olds, news, strict=True))


# A Buddhist-era year has four digits; five after พ.ศ. are a glyph read as two (๖ as ๒๐).
_LONG_YEAR = re.compile(r"พ\.?\s?ศ\.?\s*\d{5}")


def _long_years(text: str) -> int:
    return len(_LONG_YEAR.findall(text))


def _anchors(text: str) -> tuple[bool, bool]:
    """Whether the line holds a date, and a complete document number: what a header line is for.
    A memo's ที่ line holds both; a re-reading must keep each (seen: `มท๐๕๐๒.๒/ว๑๕๓๕ ' วันที่ ๓ …`
    re-read as `มท๐๕๐๒7๐๕๕ ก'” วันที่ ๓ …`, the date kept and the number lost)."""
    docnum = try_parse_docnum(text)
    return bool(find_thai_dates(text)), docnum is not None and bool(docnum.serial)


def _loses_an_anchor(old: str, new: str) -> bool:
    return any(had and not has for had, has in zip(_anchors(old), _anchors(new), strict=True)) \
        or month_names(new) < month_names(old)


_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_BARE_MONTHS = tuple(_MARKS.sub("", name) for name in thai_full_months)


def month_names(text: str) -> int:
    """Thai month names in the text, marks aside (`สิงหําคม`). Before the numeral pass a date's
    digits are Tesseract's guesses (`๕ เมษายน ๒๕๒๐๐`, no date to parse), so its month word is
    what shows a line holds a date: a re-reading that drops it (`ลงวันที่ “ ๒๕๐๒`, seen on
    1035) loses the date, however its digits read."""
    bare = _MARKS.sub("", text)
    return sum(bare.count(name) for name in _BARE_MONTHS)


# The labels a header field is found by: a re-reading that drops its label (`เรื่อง เร่งรัด…`
# re-read `๊ เร่งรัด…`, seed 1025 img033) loses the field, however well it reads the words after
# it. A citation is found by its own words (หนังสือ … ที่ … ลงวันที่): its อ้างถึง may go.
_LABELS = (SUBJECT, ADDRESSEE)


def _loses_its_label(old: str, new: str) -> bool:
    return any(label.match(old) and not label.match(new) for label in _LABELS)


# A parenthesis set against a Thai word as printed: `ท้องถิ่น (` at a wrap, `(สถานที่`, `กลาง)`.
_PRINTED_PARENTHESIS = re.compile(r"(?<=[ก-๛] )\(|\((?=[ก-๛])|(?<=[ก-๛])\)")


def _loses_a_parenthesis(old: str, new: str) -> bool:
    """The page reading holds parentheses against words and the re-reading fewer (seen on seed
    1038 img006: `…ส่วนท้องถิ่น (` re-read to the column's edge as `…ส่วนท้องถิ่น`, the subject's
    `(สถานที่กลาง)` left open): no better reading drops printed punctuation."""
    return len(_PRINTED_PARENTHESIS.findall(old)) > new.count("(") + new.count(")")


def is_better_reading(old: str, new: str) -> bool:
    """Take the `tha` re-reading `new` of a header line over the page reading `old`?"""
    old, new = normalise_field(old), normalise_field(new)
    if len(new.replace(" ", "")) < _KEEP_SHARE * len(old.replace(" ", "")):
        return False
    if _loses_an_anchor(old, new) or _loses_its_label(old, new) or _loses_a_parenthesis(old, new):
        return False
    if _adds_a_lone_digit(old, new) or _grows_a_number(old, new) or _long_years(new) > _long_years(old):
        return False  # a speck read as a digit: alone (`2554 :` → `2554 0`) or in a number (`/ว64351`)
    latin_old, latin_new = len(_LATIN.findall(old)), len(_LATIN.findall(new))
    if latin_new != latin_old:
        return latin_new < latin_old
    return _reads_more(old, new) or dictionary_cost(new) <= dictionary_cost(old) \
        or (_reads_more_words(old, new) and not _ends_in_ink(new))  # more words, not ink after them


def date_seam(words: list[Word]) -> int | None:
    """Where a cited date begins on a line: the right end of its ลงวันที่ token, when no date
    after it reads (`ลงวันที ๒๓ ล ey ๒๕๒๒`); a re-reading is then weighed for the date alone
    (see `pipeline.ocr.lines.spliced`), the cited number before it kept as the page read it."""
    texts = [normalise_field(w.text) for w in words]
    labels = [k for k, text in enumerate(texts) if _DATED_TAIL.search(text)]
    if not labels:
        return None
    k = labels[-1]
    rest = " ".join(texts[k + 1:])
    if find_thai_dates(rest) or not rest:
        return None
    return words[k].left + words[k].width


_DATED_TAIL = re.compile(f"{loose('วันที่')}$")
_INK_PIECE = 3  # characters: a piece this short alone at a line's end is ink, not a word


def is_better_subject_reading(old: str, new: str) -> bool:
    """`is_better_reading`, for a subject's or addressee's line, each reading weighed with the
    spaces closed that Tesseract sets before a mark (`โครงการคัดเล ือกท ้องถิ่น`): the page's
    repairs close them, and words torn so read as unknown pieces (seed 1037 img038, against
    `เรื่อง 1 11155898๋๊ ะท้องถินอำเภอดีเด่น`). Nor may it read fewer words: a thresholded crop
    loses marks, and its letters split into short words as cheap as the line's (seed 1036 img002:
    `สงแสรมการบกครองท้องฝัน` for `ส่งเสริมการปกครองท้องถิน`)."""
    closed_old, closed_new = _closed(old), _closed(new)
    return is_better_reading(closed_old, closed_new) and words_read(closed_new) >= words_read(closed_old)


def _closed(text: str) -> str:
    return close_spaces_at_marks(normalise_field(text))


def is_better_to_column(old: str, new: str) -> bool:
    """`is_better_reading`, for a line read on to the text column's edge: the crop takes in what
    stands right of the words too, and a short piece at its end (`…(สถานที่กลาง) ค สถุ เอ`,
    `…ทุกอำเภอ รัต`) is a stamp's or a signature's ink, not the line's lost words, which run on
    from its last word (`…ส่วนท้อง` → `…ส่วนท้องถิ่นแล่ะ ู`: a speck read as a lone mark is no piece)."""
    return not _ends_in_ink(new) and is_better_subject_reading(old, new)


def _ends_in_ink(text: str) -> bool:
    """The last piece is short, or a Thai letter follows a digit in it (`…(สถานที่กกง) โร7117+ฯ`,
    seed 1039): no word is so written, a number follows its word (`ที่2`, `พ.ศ2563`, `ว5143`)."""
    pieces = [p for p in normalise_field(text).split() if _LETTER_OR_DIGIT.search(p)]  # not specks, lone marks
    return not pieces or len(pieces[-1]) <= _INK_PIECE or _LETTER_AFTER_DIGIT.search(pieces[-1]) is not None


_LETTER_AFTER_DIGIT = re.compile("[0-9๐-๙][^ก-ฯ]*[ก-ฯ]")


_LETTER_OR_DIGIT = re.compile("[ก-ฮA-Za-z0-9๐-๙]")


def _adds_a_lone_digit(old: str, new: str) -> bool:
    """More lone digits than the page reading, on a line that holds numbers: a speck among them.
    A line without a digit (a subject's wrap) loses nothing to one, and its words count more
    (`งนนน ประจำปีงบประมาณ WA` re-read `0 ประสิทธิภาพในการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ.`)."""
    return bool(re.search(r"\d", old)) and _lone_digits(new) > _lone_digits(old)


def _lone_digits(text: str) -> int:
    """Lone digits but a day before its month (`ลงวันที่ ๒ กรกฎาคม`: ๒๗ with its ๗, which
    Tesseract's Thai model cannot write, lost; the numeral reader reads the day again)."""
    return sum(1 for m in _LONE_DIGIT.finditer(text) if not _before_a_month(text[m.end():]))


def _before_a_month(text: str) -> bool:
    return _MARKS.sub("", text).lstrip().startswith(_BARE_MONTHS)


_MORE_LETTERS = 2  # times the page reading's Thai letters


def _reads_more(old: str, new: str) -> bool:
    """The page reading dropped glyphs the re-reading has, in known words: twice its Thai letters
    or more, and no more letters unknown to the dictionary (`เรื่อง 0กา` re-read
    `เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วย`). A longer reading always costs more words."""
    letters_old, letters_new = len(_THAI_LETTER.findall(old)), len(_THAI_LETTER.findall(new))
    return letters_new >= _MORE_LETTERS * max(letters_old, 1) and unknown_letters(new) <= unknown_letters(old)


_THAI_LETTER = re.compile("[ก-ฮ]")
_WORD_LETTERS = 3  # a known token this long is a word read, not a fragment ink splits into (ปา|กร|ขา|ชน)
_UNKNOWN_WEIGHT = 2  # an unknown letter undoes two letters read into words


def words_read(text: str) -> int:
    """Thai letters read into known words of three letters or more, less twice the letters in
    unknown tokens: how much of a line a reading got right. The dictionary cost counts words,
    so a garbled line that splits into cheap short words (`ปากร ขาชนของ…`) reads cheaper than
    the whole line with one glyph off (`เร่งรัดการจัดตั้งศูนย์ช่วยเหลื่อประชาชน…`), and any
    reading that takes in a line's last words (`…ส่วนท้อง` → `…ส่วนท้องถิ่นและ`) costs more."""
    known = words()
    read = sum(len(_THAI_LETTER.findall(t)) for t in tokens(text) if len(t) >= _WORD_LETTERS and t in known)
    return read - _UNKNOWN_WEIGHT * unknown_letters(text)


def _reads_more_words(old: str, new: str) -> bool:
    return words_read(new) > words_read(old)


# A name line as OCR leaves it: opened (`(นางลลิตา 5`, `“(นายกิตติพงษ์ wala)`), or only closed
# when its title went Latin (`anand’ ศรี ชวโนทัย)`).
_OPEN_NAME = re.compile(r"^[\s'\".,|“”‘’]*\(\s*[ก-๛]|[ก-๛]\)[^ก-๛]{0,6}$")


def signature_line_ids(page: Page) -> list[int]:
    """Name lines under a letter's closing (`(นางลลิตา 5`) that OCR did not read whole: the
    signature's ink over them cuts the surname or the closing parenthesis, or the `eng` model
    reads part of it as Latin. Read again with `tha`, wider than the tokens found (see
    `SIGNATURE_REACH`), the name may come back whole."""
    lines = _line_texts(page.words)
    closing = [k for k, (_, text) in enumerate(lines) if CLOSING.match(text)]
    if not closing:
        return signature_lines.page_top_names(lines)
    window = lines[closing[0] + 1:closing[0] + 1 + signature_lines.NAME_LINES]
    picked = [line for line, text in window if (_OPEN_NAME.search(text) and not is_signed_name(text)
              or signature_lines.untitled_name(text) or signature_lines.name_half_known(text))
              and not names_a_thing(text)]
    return picked + [i for i in signature_lines.above_position(window) if i not in picked]


SIGNATURE_REACH = 6.0  # line heights right of the tokens found: a surname OCR lost under ink


def is_better_name(old: str, new: str) -> bool:
    """Take the re-reading of a name line when it is a whole name and the old one is not, or when
    it holds more of a name (see signature_lines); a line picked for no bracket must come back titled."""
    old, new = normalise_field(old), normalise_field(new)
    whole = is_signed_name(new) and not is_signed_name(old) \
        and (_OPEN_NAME.search(old) is not None or signature_lines.name_score(new) >= signature_lines.TITLED)
    return whole or signature_lines.is_better_name(old, new)
