"""The หนังสือภายนอก layout (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ) in python-docx.

Top to bottom: the Garuda 3 cm high at the centre, with the urgency (ชั้นความเร็ว) at the left
margin on its line; `ที่ <number>` at the margin with the issuing office and its address from
the right half; the date from the middle of the page; เรื่อง, เรียน, อ้างถึง and
สิ่งที่ส่งมาด้วย at the margin with their text hanging; paragraphs indented 2.5 cm; the closing,
the signatory's name in parentheses and the position centred on the right half; the owning
division and its telephone at the bottom left.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Cm
from PIL import Image, ImageDraw

from pipeline.drafting.docx_base import BODY_INDENT, TEXT_WIDTH, add_run, labelled, paragraph

EMBLEM_HEIGHT = Cm(3.0)
OFFICE_AT = Cm(7.5)  # the office name and address start here (right half of the line)
DATE_AT = TEXT_WIDTH // 2  # the date starts at the middle of the text
SIGN_AT = Cm(5.5)  # closing, name and position are centred on [SIGN_AT, text end]
URGENCY_SIZE = 32  # ชั้นความเร็ว: red, not smaller than 32 pt
_RED = (0xC0, 0x00, 0x00)
_HANG = {"เรื่อง": Cm(1.25), "เรียน": Cm(1.25), "อ้างถึง": Cm(1.5), "สิ่งที่ส่งมาด้วย": Cm(2.75)}


@dataclass(frozen=True)
class LetterParts:
    """Every printed part of the letter, already in Thai digits; a blank is a dotted leader."""

    number: str
    office: str
    address: str
    date: str
    subject: str
    addressee: str
    body: list[str]
    closing: str
    signatory: str
    urgency: str = ""
    emblem: Path | None = None
    reference: str = ""
    enclosure: str = ""
    position: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)


def write_letter(doc: Document, parts: LetterParts) -> None:
    _emblem_line(doc, parts.urgency, parts.emblem)
    _number_and_office(doc, parts)
    paragraph(doc, parts.date, indent=DATE_AT, before=8)
    labelled(doc, "เรื่อง", parts.subject, hang=_HANG["เรื่อง"], before=8)
    labelled(doc, "เรียน", parts.addressee, hang=_HANG["เรียน"])
    if parts.reference:
        labelled(doc, "อ้างถึง", parts.reference, hang=_HANG["อ้างถึง"])
    if parts.enclosure:
        labelled(doc, "สิ่งที่ส่งมาด้วย", parts.enclosure, hang=_HANG["สิ่งที่ส่งมาด้วย"])
    for i, text in enumerate(parts.body):
        paragraph(doc, text, first_line=BODY_INDENT, before=8 if i == 0 else 6)
    _signature(doc, parts)
    _footer(doc, parts.footer)


def _emblem_line(doc: Document, urgency: str, emblem: Path | None) -> None:
    """Urgency at the margin and the Garuda centred, on one line (the text sits on its base)."""
    p = paragraph(doc)
    p.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH // 2, WD_TAB_ALIGNMENT.CENTER)
    if urgency:
        add_run(p, urgency, bold=True, size=URGENCY_SIZE, color=_RED)
    add_run(p, "\t").add_picture(_emblem_image(emblem), height=EMBLEM_HEIGHT)


def _emblem_image(emblem: Path | None) -> io.BytesIO | str:
    """The office's Garuda, or a dashed empty frame marking where it goes (never a stand-in)."""
    if emblem is not None:
        return str(emblem)
    side = 354  # 3 cm at 300 dpi
    image = Image.new("RGB", (side, side), "white")
    draw = ImageDraw.Draw(image)
    for start in range(0, side, 24):  # a dashed square: clearly a place to fill
        end = min(start + 12, side - 1)
        for a, b in (((start, 0), (end, 0)), ((start, side - 1), (end, side - 1)),
                     ((0, start), (0, end)), ((side - 1, start), (side - 1, end))):
            draw.line([a, b], fill=(150, 150, 150), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(300, 300))
    out.seek(0)
    return out


def _number_and_office(doc: Document, parts: LetterParts) -> None:
    p = paragraph(doc, before=4)
    p.paragraph_format.tab_stops.add_tab_stop(OFFICE_AT, WD_TAB_ALIGNMENT.LEFT)
    add_run(p, f"ที่ {parts.number}\t{parts.office}")
    if parts.address:
        paragraph(doc, parts.address, indent=OFFICE_AT)


def _signature(doc: Document, parts: LetterParts) -> None:
    centred = {"indent": SIGN_AT, "align": WD_ALIGN_PARAGRAPH.CENTER}
    paragraph(doc, parts.closing, before=12, **centred)
    for _ in range(3):  # room to sign
        paragraph(doc)
    paragraph(doc, f"({parts.signatory})", **centred)
    for line in parts.position:
        paragraph(doc, line, **centred)


def _footer(doc: Document, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        paragraph(doc, line, before=24 if i == 0 else 0)
