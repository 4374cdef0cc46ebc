"""Render ruled Thai report forms (แบบรายงาน) to page images: tests and demo inbox files.

The layout follows the DLA help-centre form: a title block, a two-row header with
"จำนวนศูนย์ช่วยเหลือประชาชน" merged over จัดตั้งแล้ว / ยังไม่จัดตั้ง, one row per district or
organisation, a รวม row. Digits are Thai by default, as on most returned forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.synth.fonts import font_path
from pipeline.thai.chars import to_thai

_COLUMNS = (0.07, 0.22, 0.15, 0.14, 0.14, 0.28)  # fractions of the table width
_HEADER = ("ที่", "อำเภอ", "จำนวน อปท.\nทั้งหมด (แห่ง)", "จัดตั้งแล้ว\n(แห่ง)",
           "ยังไม่จัดตั้ง\n(แห่ง)", "ปัญหา/อุปสรรค\n(ถ้ามี)")


@dataclass(frozen=True)
class FormRow:
    """One printed row: number as printed (may repeat), label, counts (None = "-"), remark."""

    number: str
    label: str
    total: int | None
    established: int | None
    not_established: int | None
    remark: str = ""


def _count(value: int | None, thai: bool) -> str:
    if value is None:
        return "-"
    text = f"{value:,} แห่ง"
    return to_thai(text) if thai else text


def _cell(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str,
          font: ImageFont.FreeTypeFont, align_left: bool = False) -> None:
    left, top, right, bottom = box
    draw.rectangle(box, outline=0, width=3)
    lines = text.split("\n")
    height = font.size + 12
    y = (top + bottom) // 2 - height * len(lines) // 2
    for line in lines:
        width = draw.textlength(line, font=font)
        x = left + 12 if align_left else (left + right - width) // 2
        draw.text((x, y), line, font=font, fill=0)
        y += height


def _header(draw: ImageDraw.ImageDraw, xs: list[int], top: int, row_h: int,
            font: ImageFont.FreeTypeFont) -> int:
    """Two header rows; the centre heading spans the two count columns."""
    bottom = top + 2 * row_h
    for c in (0, 1, 2, 5):
        _cell(draw, (xs[c], top, xs[c + 1], bottom), _HEADER[c], font)
    _cell(draw, (xs[3], top, xs[5], top + row_h), "จำนวนศูนย์ช่วยเหลือประชาชน", font)
    for c in (3, 4):
        _cell(draw, (xs[c], top + row_h, xs[c + 1], bottom), _HEADER[c], font)
    return bottom


def render_report_form(rows: Sequence[FormRow], title: Sequence[str], *,
                       totals: tuple[int, int, int] | None = None, thai_digits: bool = True,
                       font: str = "Laksaman", dpi: int = 200, noise: float = 0.0,
                       skew_degrees: float = 0.0, seed: int = 0) -> Image.Image:
    """An A4 page (grayscale) with the title lines and a ruled table of `rows`.

    `totals` prints a รวม row (pass wrong numbers to test `total_row_mismatch`); `noise` is the
    fraction of pixels flipped to speckle; `skew_degrees` rotates the page like a scanner.
    """
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    face = ImageFont.truetype(str(font_path(font)), int(dpi * 0.17))
    y = int(dpi * 0.6)
    for line in title:
        draw.text(((width - draw.textlength(line, font=face)) // 2, y), line, font=face, fill=0)
        y += int(face.size * 1.6)
    left, table_w, row_h = int(width * 0.08), int(width * 0.84), int(face.size * 2.0)
    xs = [left + int(sum(_COLUMNS[:i]) * table_w) for i in range(len(_COLUMNS) + 1)]
    y = _header(draw, xs, y + int(dpi * 0.1), int(row_h * 1.4), face)
    printed = [(to_thai(r.number) if thai_digits else r.number, r.label,
                _count(r.total, thai_digits), _count(r.established, thai_digits),
                _count(r.not_established, thai_digits), r.remark) for r in rows]
    if totals is not None:
        printed.append(("", "รวม", *(_count(v, thai_digits) for v in totals), ""))
    for cells in printed:
        for c, text in enumerate(cells):
            _cell(draw, (xs[c], y, xs[c + 1], y + row_h), text, face, align_left=c in (1, 5))
        y += row_h
    return _degrade(page, noise, skew_degrees, seed)


def _degrade(page: Image.Image, noise: float, skew_degrees: float, seed: int) -> Image.Image:
    if skew_degrees:
        page = page.rotate(skew_degrees, resample=Image.Resampling.BILINEAR, fillcolor=255)
    if noise:
        rng = np.random.default_rng(seed)
        pixels = np.array(page)
        flip = rng.random(pixels.shape) < noise
        pixels[flip] = 255 - pixels[flip] // 2
        page = Image.fromarray(pixels)
    return page


def save_pdf(pages: Sequence[Image.Image], path: str | Path, dpi: int = 200) -> Path:
    """Image-only PDF of the pages, like a scanner writes."""
    path = Path(path)
    first, *rest = [p.convert("L") for p in pages]
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return path
