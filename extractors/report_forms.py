"""Returned report forms → `ReportRow`s with place codes and checks (แบบรายงานผล).

Stages per file: find each report-form page's tables (sheet grid, PDF tables, or the ruled
table of a scan), find the header and the role of each column, read the title for indicator,
period and province (a row's own month column wins over the title's period), read the body
rows, map places to geothai codes, then check. Numbers are kept as printed: checks flag, they
never fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from extractors.checks import CheckedTable, add_flag, column_sums, run_checks
from extractors.form_columns import NUMERIC_ROLES, Header, find_header
from extractors.form_context import FormContext, detect_indicator, read_context, row_period
from extractors.form_numerals import NumeralReader, default_numeral_reader
from extractors.form_pages import page_tables, title_text
from extractors.form_repair import (
    confirm_by_districts,
    confirm_by_printed_totals,
    repair_by_column,
    repair_by_districts,
    repair_by_sum,
    undo_refuted_repairs,
)
from extractors.form_rows import RawRow, read_body
from extractors.name_pixels import CONFUSED, ink_verdict
from extractors.places import (
    RowPlace,
    infer_province,
    place_by_elimination,
    place_by_order,
    place_district_row,
    place_province_row,
    province_name,
)
from pipeline.records import Document, Letter, Page, ReportRow, TableFinding
from pipeline.tables.cell_ocr import reread_line

_SKIP_ROLES = ("blank",)


@dataclass
class _Logical:
    """A logical table: one printed table, possibly continued over several pages."""

    context: FormContext
    header: Header
    parts: list[tuple[int, int, list[RawRow]]] = field(default_factory=list)  # page, index, rows
    printed_totals: dict[str, int | None] | None = None
    last_page: int = 0
    read_by_ocr: bool = False


def _form_pages(doc: Document, page_roles: Mapping[int, str] | None) -> list[Page]:
    """Every page, in order. Page roles are only a hint: a form page may be classed as a
    letter's continuation or an attachment list, and a page whose tables have no form header
    gives no rows anyway. Pages explicitly classed as blank are skipped."""
    roles = page_roles or {}
    return [p for p in doc.pages if roles.get(p.number) not in _SKIP_ROLES]


def _is_continuation(prev: _Logical | None, page: Page, title: str, header: Header) -> bool:
    return (prev is not None and prev.printed_totals is None
            and page.number == prev.last_page + 1 and not detect_indicator(title)
            and set(prev.header.roles) == set(header.roles))


def _collect(doc: Document, letters: Sequence[Letter], page_roles: Mapping[int, str] | None,
             reader_factory: Callable[[], NumeralReader], cache_dir: Path | None = None) -> list[_Logical]:
    logical: list[_Logical] = []
    reader: NumeralReader | None = None
    for page in _form_pages(doc, page_roles):
        if page.source == "ocr" and reader is None:
            reader = reader_factory()
        for index, table in enumerate(page_tables(page, cache_dir)):
            header = find_header(table.cells)
            if header is None:
                continue
            title = title_text(page, table, header, reader)
            prev = logical[-1] if logical else None
            body = read_body(table, header, reader if page.source == "ocr" else None)
            if not any(_prints_a_count(raw) for raw in body.rows):
                continue
            if _is_continuation(prev, page, title, header):
                current = prev
            else:
                context = read_context(title, page.text, letters, prev.context if prev else None)
                current = _Logical(context, header)
                logical.append(current)
            current.parts.append((page.number, index, body.rows))
            current.read_by_ocr = current.read_by_ocr or page.source == "ocr"
            current.printed_totals = body.printed_totals or current.printed_totals
            current.last_page = page.number
    return logical


_COUNT_MARK = re.compile("[0-9๐-๙-]")


def _prints_a_count(raw: RawRow) -> bool:
    """A count cell of the row holds a digit or a dash. A table none of whose rows does is no
    report: a letter's page of prose, its words clustered into columns where a heading word
    (ยังไม่ได้ดำเนินการ) looked like a count's (seen: a circular's second page gave three
    rows of no place and no number, and a national total of its own)."""
    return any(_COUNT_MARK.search(raw.cells.get(role, "")) for role in NUMERIC_ROLES)


def _province_for(table: _Logical, raws: list[RawRow]) -> tuple[str, bool]:
    """The table's province: its districts win over its title; True when they disagree."""
    title = table.context.province_code
    if not _lists_districts(table):
        return title, False
    inferred = infer_province(r.label for r in raws)
    if inferred and title and inferred != title:
        return inferred, True
    return inferred or title, False


def _lists_districts(table: _Logical) -> bool:
    return "district" in table.header.roles or "label" in table.header.roles


def _place(table: _Logical, label: str, province: str) -> RowPlace:
    if _lists_districts(table):
        return place_district_row(label, province)
    return place_province_row(label)


def _places(table: _Logical, raws: list[RawRow], province: str) -> list[RowPlace]:
    places = [_place(table, raw.label, province) for raw in raws]
    if _lists_districts(table):
        places = place_by_elimination([raw.label for raw in raws], places, province)
        places = place_by_order(places, province)
    return [_read_again(table, raw, place, province) for raw, place in zip(raws, places, strict=True)]


def _read_again(table: _Logical, raw: RawRow, place: RowPlace, province: str) -> RowPlace:
    """A scanned name that differs from the gazetteer's is read again from its cell (alone, and
    enlarged): when a reading names the same place letter for letter, the difference was OCR's
    (ร/ว, ป/บ) and the name is not flagged; a misprint reads the same every time. So once a
    reading repeated the strip's letters, a later right one counts only where the letters differ
    as Tesseract's known confusions do (`ลอมบึง` again, then `จอมบึง`); `อัมฟวา` read again, then
    `อัมพวา` once, is printed so (ฟ for พ is no confusion of OCR's). The cell's ink has the last
    word either way (`extractors.name_pixels`): a re-read pulled to a real name (ห่าแซะ, printed
    so, read again ท่าแซะ) does not clear a name the ink spells otherwise, and a name every
    reading got wrong alike (รัตภูมิ read วัตภูมิ three times) is cleared when the ink spells it
    the gazetteer's way."""
    if raw.label_crop is not None and (place.by_order or not place.matched):
        return _read_unread(table, raw, place, province)
    if not place.corrected or raw.label_crop is None:
        return place
    readings, repeated = [raw.label], False
    for reading in reread_line(raw.label_crop):
        readings.append(reading)
        if _thai_letters(reading) == _thai_letters(raw.label):
            repeated = True
            continue
        if _names_it_exactly(table, reading, place, province):
            if repeated and not _ocr_confusions_only(raw.label, reading):
                break  # a misprint read the same before: only the ink may clear it
            if _ink(raw, place, readings) == "misprint":
                return place
            raw.cells["name_reread"] = reading
            return replace(place, corrected=False)
    if _ink(raw, place, readings) == "gazetteer":
        raw.cells["name_ink"] = place.district or place.province
        return replace(place, corrected=False)
    return place


def _read_unread(table: _Logical, raw: RawRow, place: RowPlace, province: str) -> RowPlace:
    """A label the strip's reading did not name (`ศศ` for เทศบาลเมืองสงขลา on a photographed
    form: the strip's page segmentation lost it) is read again from its cell alone, as a
    corrected one is. A reading that names a place letter for letter places the row by its name,
    where a guess by order or no place at all would have been flagged; the name's ink still has
    its say: a misprint a re-read pulled to the place (ปราณปุรี read ปราณบุรี) stays flagged
    as corrected. A place by order that a reading names otherwise keeps its order's guess and flag."""
    readings = [raw.label]
    for reading in reread_line(raw.label_crop):
        readings.append(reading)
        again = _place(table, reading, province)
        if not again.matched or again.corrected or (place.by_order and not _same_place(again, place)):
            continue
        raw.cells["name_reread"] = reading
        return replace(again, corrected=_ink(raw, again, [reading, *readings]) == "misprint")
    return place


_LABEL_SLACK = 2  # letters: a label longer than its place's name by more holds a prefix (อบจ.)


def _ink(raw: RawRow, place: RowPlace, readings: list[str]) -> str | None:
    """The ink's verdict on the name, for a label (the first reading) that is the place's name alone."""
    name = place.district or place.province
    if raw.label_crop is None or not name or \
            abs(len(_thai_letters(readings[0])) - len(_thai_letters(name))) > _LABEL_SLACK:
        return None
    return ink_verdict(raw.label_crop, name, readings)


def _ocr_confusions_only(read: str, right: str) -> bool:
    """Every letter `read` has in place of one of `right` is one OCR confuses with it."""
    a, b = _thai_letters(read), _thai_letters(right)
    return all(frozenset((a[op.src_pos], b[op.dest_pos])) in CONFUSED
               for op in Levenshtein.editops(a, b) if op.tag == "replace")


def _names_it_exactly(table: _Logical, reading: str, place: RowPlace, province: str) -> bool:
    again = _place(table, reading, province)
    return again.matched and not again.corrected and _same_place(again, place)


def _thai_letters(text: str) -> str:
    return re.sub("[^ก-๛]", "", text)


def _same_place(a: RowPlace, b: RowPlace) -> bool:
    return (a.province_code, a.district_code, a.unit_label) == (b.province_code, b.district_code, b.unit_label)


def _make_row(table: _Logical, raw: RawRow, where: tuple[int, int, int], place: RowPlace,
              province: str, conflict: bool) -> ReportRow:
    page, index, row_index = where
    row = ReportRow(
        page=page, table_index=index, row_index=row_index,
        indicator=table.context.indicator or _indicator_by_shape(table),
        period=row_period(raw.cells.get("period", ""), table.context.period),
        province_code=place.province_code or province,
        province=place.province or province_name(province),
        district_code=place.district_code, district=place.district,
        unit_label=place.unit_label,
        remark=" ".join(v for v in (raw.cells.get("problem", ""), raw.cells.get("remark", ""))
                        if v and v != "-"),
        confidence=raw.confidence,
        printed_name=raw.label,
        raw_cells=dict(raw.cells),
    )
    for role, number in raw.numbers.items():
        setattr(row, role, number.value)
        if number.alternatives:
            row.alternatives[role] = list(number.alternatives)
    if place.corrected:
        add_flag(row, "name_corrected")
    if place.by_order:
        add_flag(row, "place_inferred")  # its name was not read: a person checks the guess
    elif _lists_districts(table) and not place.district_code:
        add_flag(row, "place_unread")  # its counts belong to a district no one can name
    if conflict:
        add_flag(row, "province_conflict")
    _flag_context(row, table.context)
    return row


# Context taken from outside the form (the covering letter's date) is a guess.
_GUESSED_SOURCES = ("letter_date",)
# The page's own date contradicts the covering letter's: one of them is misread.
_DISPUTED_SOURCES = ("letter_disputed",)


def _flag_context(row: ReportRow, context: FormContext) -> None:
    """Kept, never dropped: a row whose month or province could not be established says so,
    and records where the ones it has came from."""
    row.raw_cells["period_source"] = context.period_source
    row.raw_cells["province_source"] = context.province_source if row.province_code else ""
    if not row.period:
        add_flag(row, "period_unknown")
    elif context.period_source in _GUESSED_SOURCES:
        add_flag(row, "period_inferred")
    elif context.period_source in _DISPUTED_SOURCES:
        add_flag(row, "period_conflict")
    if not row.province_code:
        add_flag(row, "province_unknown")


def _indicator_by_shape(table: _Logical) -> str:
    """No title wording: a per-province table is the joint centre's, per-district help centre's."""
    roles = table.header.roles
    return "joint_centre" if "province" in roles and "district" not in roles else "help_centre"


@dataclass
class ReportForms:
    """What the report forms of one file hold: their rows, and the findings of whole tables."""

    rows: list[ReportRow] = field(default_factory=list)
    table_findings: list[TableFinding] = field(default_factory=list)


def _rows_of(table: _Logical, letters: Sequence[Letter]) -> ReportForms:
    raws = [raw for _, _, rows in table.parts for raw in rows]
    province, conflict = _province_for(table, raws)
    places = iter(_places(table, raws, province))
    out: list[ReportRow] = []
    for page, index, rows in table.parts:
        for row_index, raw in enumerate(rows):
            out.append(_make_row(table, raw, (page, index, row_index), next(places), province,
                                 conflict))
    if table.read_by_ocr:
        for row in out:
            if not repair_by_sum(row):
                repair_by_districts(row)
        undo_refuted_repairs(out, table.printed_totals)
        repair_by_column(out, table.printed_totals)
        confirm_by_printed_totals(out, table.printed_totals)
        confirm_by_districts(out)
    checked = CheckedTable(indicator=out[0].indicator if out else "", rows=out,
                           row_numbers=[raw.row_number for raw in raws],
                           printed_totals=table.printed_totals, read_by_ocr=table.read_by_ocr)
    run_checks(checked, listed_provinces(letters, {page for page, _, _ in table.parts}))
    return ReportForms(out, [_finding(checked, table, flag) for flag in checked.findings])


def _most_common(values: Sequence[str]) -> str:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else ""


def _finding(checked: CheckedTable, table: _Logical, flag: str) -> TableFinding:
    """The table's finding, keyed by its province when all its rows are of one (a table of
    several provinces totals no province row); its month is the one most of its rows report."""
    rows = checked.rows
    page, index, _ = table.parts[0]
    provinces = {r.province_code for r in rows if r.province_code}
    return TableFinding(
        page=page, table_index=index, indicator=checked.indicator,
        period=_most_common([r.period for r in rows]),
        province_code=provinces.pop() if len(provinces) == 1 else "",
        flag=flag, printed=dict(table.printed_totals or {}), column_sums=column_sums(rows))


def listed_provinces(letters: Sequence[Letter], table_pages: set[int]) -> list[str]:
    """Provinces the covering letters list, for the membership check — unless the list was read
    from the table's own page: then the table is the letter's list (บัญชีแนบท้าย), and checking
    it against its own (OCR-damaged) page text would flag the rows the page text missed."""
    return [p for letter in letters if letter.field_pages.get("provinces") not in table_pages
            for p in letter.provinces]


def extract_report_forms(doc: Document, letters: Sequence[Letter],
                         page_roles: Mapping[int, str] | None = None,
                         reader_factory: Callable[[], NumeralReader] = default_numeral_reader,
                         cache_dir: Path | None = None) -> ReportForms:
    """Every data row of every report-form table in `doc`, with codes, flags and confidence,
    and the checks that failed for a table as a whole. `cache_dir`: the OCR cache for the
    scanned tables' cell reads."""
    forms = ReportForms()
    for table in _collect(doc, letters, page_roles, reader_factory, cache_dir):
        found = _rows_of(table, letters)
        forms.rows.extend(found.rows)
        forms.table_findings.extend(found.table_findings)
    return forms


def extract_report_rows(doc: Document, letters: Sequence[Letter],
                        page_roles: Mapping[int, str] | None = None,
                        reader_factory: Callable[[], NumeralReader] = default_numeral_reader,
                        ) -> list[ReportRow]:
    """Every data row of every report-form table in `doc`, with codes, flags and confidence."""
    return extract_report_forms(doc, letters, page_roles, reader_factory).rows
