"""The page and type of an official letter in python-docx: A4, margins, a Thai face at 16 pt.

Word treats Thai as a complex script: a run takes its face and size from the `cs` font and
`szCs`, not the Latin ones, so both are set (on the Normal style, once) or Thai text would
fall back to the application's default face.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
LEFT, RIGHT, TOP, BOTTOM = Cm(3.0), Cm(2.0), Cm(1.5), Cm(2.0)  # ระเบียบงานสารบรรณ: 3 cm binding side
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
BODY_INDENT = Cm(2.5)  # a paragraph starts 2.5 cm in


@dataclass(frozen=True)
class Type:
    """The face and size every run uses unless it says otherwise."""

    font: str
    size: float


def new_letter(face: Type) -> Document:
    doc = new_document()
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    _normal_style(doc, face)
    return doc


def _normal_style(doc: Document, face: Type) -> None:
    style = doc.styles["Normal"]
    style.font.name, style.font.size = face.font, Pt(face.size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face.font)
    _set_child(rpr, "w:szCs", str(int(face.size * 2)))
    lang = _set_child(rpr, "w:lang", "th-TH")
    lang.set(qn("w:bidi"), "th-TH")
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0


def _set_child(parent, tag: str, value: str):  # oxml elements are untyped
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.append(child)
    child.set(qn("w:val"), value)
    return child


def add_run(paragraph: Paragraph, text: str, *, bold: bool = False, size: float | None = None,
            color: tuple[int, int, int] | None = None) -> Run:
    run = paragraph.add_run(text)
    if bold:
        run.font.bold = run.font.cs_bold = True
    if size is not None:
        run.font.size = Pt(size)
        _set_child(run._element.get_or_add_rPr(), "w:szCs", str(int(size * 2)))
    if color is not None:
        from docx.shared import RGBColor

        run.font.color.rgb = RGBColor(*color)
    return run


def paragraph(doc: Document, text: str = "", *, indent: int = 0, first_line: int = 0,
              align: WD_ALIGN_PARAGRAPH | None = None, before: float = 0, bold: bool = False) -> Paragraph:
    """A paragraph of one run. `indent` and `first_line` in EMU (use Cm)."""
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent, fmt.first_line_indent = indent, first_line
    fmt.space_before = Pt(before)
    if align is not None:
        p.alignment = align
    if text:
        add_run(p, text, bold=bold)
    return p


def labelled(doc: Document, label: str, text: str, *, hang: int, before: float = 6) -> Paragraph:
    """`เรื่อง  <text>`: the label at the margin, wrapped lines aligned with the text (hanging)."""
    p = paragraph(doc, indent=hang, first_line=-hang, before=before)
    p.paragraph_format.tab_stops.add_tab_stop(hang, WD_TAB_ALIGNMENT.LEFT)
    add_run(p, f"{label}\t{text}")
    return p


def keep_with_next(p: Paragraph) -> Paragraph:
    p.paragraph_format.keep_with_next = True
    return p
