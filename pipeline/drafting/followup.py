"""The follow-up letter (หนังสือติดตามเร่งรัด) to provinces behind on an indicator, e.g.
หนังสือ มท 0810.7/ว 1055: it cites the circular that set the target (อ้างถึง), asks the
provinces in its บัญชีแนบท้าย to speed up and report by the 15th, and attaches their latest
figures from `progress`.

`draft_followup` is the whole job, data in, document out: the CLI (`saraban draft followup`) and
the web app both call it. It reads the dataset and never writes it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.drafting.attachment_layout import AttachmentParts, write_attachment
from pipeline.drafting.blanks import Blank
from pipeline.drafting.context import TOPICS, Facts, counts
from pipeline.drafting.docx_base import Type, new_letter
from pipeline.drafting.facts import find_circular
from pipeline.drafting.letter_layout import LetterParts, write_letter
from pipeline.drafting.pdf import ConversionError, Converted, docx_to_pdf
from pipeline.drafting.settings import DraftSettings
from pipeline.drafting.standings import SELECTIONS, Selection, Standing, find_standings, latest_period
from pipeline.drafting.thai_format import thai_date, thai_month, thai_number
from pipeline.drafting.wording import Sections, render_sections
from pipeline.thai.chars import to_thai


class NothingToDraftError(ValueError):
    """No province matches: nobody is behind (or missing) for that month."""


@dataclass(frozen=True)
class Draft:
    """A drafted letter: the editable DOCX, its PDF (None when not asked for) and the blanks to fill."""

    docx: bytes
    pdf: bytes | None
    blanks: list[Blank]
    indicator: str
    period: str
    date: dt.date
    subject: str
    provinces: list[Standing]
    pdf_warnings: str = ""  # what LibreOffice said about the document; empty when it opened cleanly
    pdf_error: str = ""  # why there is no PDF although one was asked for (the DOCX is still good)

    @property
    def name(self) -> str:
        """A file stem for the draft: followup_<indicator>_<period>."""
        return f"followup_{self.indicator}_{self.period}"


def draft_followup(conn: duckdb.DuckDBPyConnection, indicator: str, period: str | None = None,
                   provinces: Selection = "behind", settings: DraftSettings | None = None, *,
                   pdf: bool = True, today: dt.date | None = None, templates: Sequence[Path] = ()) -> Draft:
    """Draft the follow-up for `indicator` (help_centre | joint_centre) and month `period`
    (YYYY-MM; default the latest reported). Raises ValueError for a bad choice and
    NothingToDraftError when no province is behind or missing."""
    period = _checked(conn, indicator, period, provinces)
    standings = find_standings(conn, indicator, period, provinces)
    if not standings:
        raise NothingToDraftError(f"no province is {provinces} on {indicator} for {period}")
    facts = Facts(settings or DraftSettings(), find_circular(conn, indicator, period), today or dt.date.today())
    context = _context(conn, facts, indicator, period, standings)
    letter = render_sections("followup_letter.j2", context, templates)
    annex = render_sections("followup_attachment.j2", context, templates)
    docx = _document(facts, context, letter, annex, standings)
    converted, error = _pdf(docx, f"followup_{indicator}_{period}") if pdf else (None, "")
    return Draft(docx, converted.pdf if converted else None, list(facts.blanks), indicator, period,
                 facts.date, letter.text("เรื่อง"), standings, converted.warnings if converted else "", error)


def _pdf(docx: bytes, name: str) -> tuple[Converted | None, str]:
    try:
        return docx_to_pdf(docx, name), ""
    except ConversionError as e:
        return None, str(e)


def _checked(conn: duckdb.DuckDBPyConnection, indicator: str, period: str | None, provinces: str) -> str:
    if indicator not in TOPICS:
        raise ValueError(f"unknown indicator {indicator!r}: one of {', '.join(TOPICS)}")
    if provinces not in SELECTIONS:
        raise ValueError(f"--provinces must be one of {', '.join(SELECTIONS)}, not {provinces!r}")
    found = period or latest_period(conn, indicator)
    if not found:
        raise NothingToDraftError(f"the dataset has no progress for {indicator}")
    return found


def _context(conn: duckdb.DuckDBPyConnection, facts: Facts, indicator: str, period: str,
             standings: list[Standing]) -> dict[str, object]:
    topic, topic_short = TOPICS[indicator]
    kpi = facts.kpi_view()
    return {
        "topic": topic, "topic_short": topic_short, "period": period, "date": facts.date,
        "office": facts.office("office"), "addressee": facts.settings.addressee,
        "number": facts.number(), "circular": facts.circular_view(), "kpi": kpi,
        "unit": kpi["unit"], "national": _national(conn, indicator, period),
        "report_by": facts.report_by(), **counts(standings),
    }


def _national(conn: duckdb.DuckDBPyConnection, indicator: str, period: str) -> dict[str, object] | None:
    found = conn.execute("SELECT established, target, pct_of_target FROM national WHERE indicator = ? AND period = ?",
                         [indicator, period]).df()
    if found.empty or found["established"].isna().iloc[0]:
        return None
    row = found.iloc[0]
    pct = row["pct_of_target"]
    return {"established": int(row["established"]), "pct_of_target": None if pct != pct else float(pct)}


def _document(facts: Facts, context: dict[str, object], letter: Sections, annex: Sections,
              standings: list[Standing]) -> bytes:
    facts.emblem_missing()
    doc = new_letter(Type(facts.settings.font, facts.settings.font_size))
    write_letter(doc, _letter_parts(facts, context, letter))
    write_attachment(doc, _attachment_parts(context, annex, standings))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _letter_parts(facts: Facts, context: dict[str, object], letter: Sections) -> LetterParts:
    s = facts.settings
    emblem = s.emblem if s.emblem is not None and s.emblem.is_file() else None
    footer = [to_thai(facts.office("division")), to_thai(s.section), f"โทร. {to_thai(facts.office('phone'))}",
              f"โทรสาร {to_thai(s.fax)}" if s.fax else "", f"ไปรษณีย์อิเล็กทรอนิกส์ {s.email}" if s.email else ""]
    return LetterParts(
        number=str(context["number"]), office=str(context["office"]), address=to_thai(facts.office("address")),
        date=thai_date(facts.date), subject=letter.text("เรื่อง"), addressee=letter.text("เรียน"),
        body=letter.paragraphs("เนื้อความ"), closing=letter.text("คำลงท้าย"),
        signatory=facts.office("signatory"), urgency=s.urgency, emblem=emblem,
        reference=letter.text("อ้างถึง"), enclosure=letter.text("สิ่งที่ส่งมาด้วย"),
        position=[to_thai(line) for line in (facts.office("position"), s.on_behalf) if line],
        footer=[line for line in footer if line],
    )


def _attachment_parts(context: dict[str, object], annex: Sections, standings: list[Standing]) -> AttachmentParts:
    list_head = annex.pairs("หัวบัญชี")
    return AttachmentParts(
        heading=annex.text("หัวเรื่อง"), of_letter=annex.text("แนบท้าย"),
        list_title=annex.paragraphs("ชื่อบัญชี"),
        list_head=(list_head.get("no", ""), list_head.get("province", "")),
        provinces=[s.province for s in standings],
        table_title=annex.paragraphs("ชื่อตาราง"), columns=list(annex.pairs("หัวตาราง").values()),
        rows=_figure_rows(standings, annex.pairs("หมายเหตุ")),
        notes=[n for n in (annex.text("ไม่เคยรายงาน"), annex.text("ที่มา")) if n],
    )


def _figure_rows(standings: list[Standing], remarks: dict[str, str]) -> list[list[str]]:
    rows = []
    for standing in (s for s in standings if s.has_figures):
        remark = " ".join(r for r in (remarks.get(standing.reason, ""), remarks.get(standing.status, "")) if r)
        rows.append([thai_number(len(rows) + 1), standing.province, thai_month(standing.period),
                     thai_number(standing.total), thai_number(standing.established),
                     thai_number(standing.not_established), remark])
    return rows
