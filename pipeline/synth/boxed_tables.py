"""Letter-like pages with a boxed table (ตารางในกรอบ): salary scales and KPI targets in Thai digits.

For tests and the page-table benchmark only. Each page is a letter's opening lines, a ruled
table of numbers (every cell boxed), and a closing paragraph; the truth is the grid as printed.
Variants cover what real announcements vary in: the face, 200–300 dpi, grey or bilevel scans.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.synth.fonts import font_path
from pipeline.thai.chars import to_thai

_OPENING = (
    "ที่ มท ๐๘๒๐.๒/ว {n}",
    "เรื่อง  {subject}",
    "เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด",
    "\tตามที่ได้กำหนด{subject}ไว้แล้ว นั้น บัดนี้ได้ปรับปรุงดังตารางนี้",
)
_CLOSING = ("\tจึงเรียนมาเพื่อโปรดทราบ และแจ้งหน่วยงานที่เกี่ยวข้องถือปฏิบัติต่อไป",
            "ขอแสดงความนับถือ")
SALARY_LEVELS = ("ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "ทรงคุณวุฒิ",
                 "ปฏิบัติงาน", "ชำนาญงาน", "อาวุโส", "ทักษะพิเศษ", "ต้น", "สูง")
KPI_NAMES = ("ร้อยละของหน่วยงานที่จัดตั้งศูนย์", "จำนวนเรื่องร้องเรียนที่แก้ไขได้",
             "ระดับความสำเร็จของการเบิกจ่าย", "จำนวนผู้เข้ารับการอบรม", "ร้อยละของงบประมาณที่ใช้",
             "จำนวนตำบลที่ได้รับการตรวจ", "ระดับความพึงพอใจของประชาชน")


@dataclass(frozen=True)
class BoxedPage:
    """A rendered page and the table printed on it (cells as printed, Thai digits)."""

    image: Image.Image
    cells: list[list[str]]
    numbers: list[list[float | None]]  # per cell: the value printed, None for a label
    dpi: int
    lines_above: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    font: str = "Laksaman"
    dpi: int = 300
    bilevel: bool = False
    noise: float = 0.0  # grey noise std (grey pages only)
    angle: float = 0.0  # degrees the page is turned on the scanner
    kind: str = "salary"  # salary | kpi
    rows: int = 6
    seed: int = 0


def _salary(rng: random.Random, rows: int) -> tuple[list[str], list[list[str]], list[list[float | None]]]:
    header = ["ระดับ", "ขั้นต่ำ", "ขั้นสูง", "ประจำตำแหน่ง"]
    cells, numbers = [], []
    for level in rng.sample(SALARY_LEVELS, rows):
        low = rng.randrange(4_000, 40_000, 10)
        allowance = rng.choice((None, 0, 3_500, 5_600, 9_900, rng.randrange(1_000, 15_000)))  # None: "-"
        values = [low, low + rng.randrange(5_000, 40_000, 10), allowance]
        cells.append([level, *("-" if v is None else f"{v:,}" for v in values)])
        numbers.append([None, *(None if v is None else float(v) for v in values)])
    return header, cells, numbers


def _kpi(rng: random.Random, rows: int) -> tuple[list[str], list[list[str]], list[list[float | None]]]:
    header = ["ที่", "ตัวชี้วัด", "น้ำหนัก", "เป้าหมาย", "ผลงาน"]
    cells, numbers = [], []
    for i, name in enumerate(rng.sample(KPI_NAMES, min(rows, len(KPI_NAMES))), start=1):
        weight, target = rng.choice((5, 10, 15, 20, 25)), rng.randrange(60, 1_000)
        result = round(rng.uniform(10, 999), rng.choice((0, 2)))
        result_text = f"{result:.2f}" if result != int(result) else str(int(result))
        # A share is printed with its word, as KPI tables do: a cell of text and a number.
        target_text = f"ร้อยละ {target % 100}" if rng.random() < 0.3 else str(target)
        target = target % 100 if target_text.startswith("ร้อยละ") else target
        cells.append([str(i), name, str(weight), target_text, result_text])
        numbers.append([float(i), None, float(weight), float(target), float(result_text)])
    return header, cells, numbers


def _column_widths(kind: str) -> tuple[float, ...]:
    return (0.34, 0.22, 0.22, 0.22) if kind == "salary" else (0.07, 0.43, 0.13, 0.19, 0.18)


def _fitting(font: ImageFont.FreeTypeFont, text: str, room: int) -> ImageFont.FreeTypeFont:
    """The face at a size that keeps `text` inside its cell, as a typist would set it."""
    size = font.size
    while size > 12 and font.font_variant(size=size).getlength(text) > room:
        size -= 2
    return font.font_variant(size=size)


def _draw_table(draw: ImageDraw.ImageDraw, grid: list[list[str]], top: int, style: Style,
                font: ImageFont.FreeTypeFont, width: int) -> int:
    left, table_w = int(width * 0.1), int(width * 0.8)
    fractions = _column_widths(style.kind)
    xs = [left + int(sum(fractions[:i]) * table_w) for i in range(len(fractions) + 1)]
    row_h, rule = int(font.size * 1.9), max(2, style.dpi // 100)
    for r, row in enumerate(grid):
        y = top + r * row_h
        for c, text in enumerate(row):
            draw.rectangle((xs[c], y, xs[c + 1], y + row_h), outline=0, width=rule)
            shown, face = to_thai(text), _fitting(font, to_thai(text), xs[c + 1] - xs[c] - style.dpi // 8)
            x = xs[c] + style.dpi // 15 if (c == 0 and style.kind == "salary") or c == 1 and style.kind == "kpi" \
                else (xs[c] + xs[c + 1] - draw.textlength(shown, font=face)) // 2
            draw.text((x, y + row_h // 2), shown, font=face, fill=0, anchor="lm")
    return top + len(grid) * row_h


def _scan(page: Image.Image, style: Style) -> Image.Image:
    if style.angle:
        page = page.rotate(style.angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if style.bilevel:
        return page.point(lambda v: 255 if v >= 140 else 0).convert("1")
    if style.noise:
        rng = np.random.default_rng(style.seed)
        pixels = np.asarray(page, np.float32) + rng.normal(0, style.noise, (page.height, page.width))
        return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return page


def boxed_table_page(style: Style) -> BoxedPage:
    """A letter page with one boxed table of numbers, rendered as `style` says."""
    rng = random.Random(style.seed)
    header, body, numbers = (_salary if style.kind == "salary" else _kpi)(rng, style.rows)
    subject = "อัตราเงินเดือนข้าราชการ" if style.kind == "salary" else "ตัวชี้วัดและค่าเป้าหมาย"
    opening = [line.format(n=to_thai(str(rng.randrange(100, 9999))), subject=subject) for line in _OPENING]
    width, height = int(8.27 * style.dpi), int(11.69 * style.dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path(style.font)), int(15 / 72 * style.dpi))
    x0, y, step = int(width * 0.1), int(style.dpi * 0.8), int(font.size * 1.5)
    for line in opening:
        draw.text((x0 + (int(style.dpi * 0.6) if line.startswith("\t") else 0), y), line.lstrip("\t"),
                  font=font, fill=0)
        y += step
    y = _draw_table(draw, [header, *body], y + step // 2, style, font, width) + step
    for line in _CLOSING:
        draw.text((x0 + (int(style.dpi * 0.6) if line.startswith("\t") else 0), y), line.lstrip("\t"),
                  font=font, fill=0)
        y += step
    return BoxedPage(_scan(page, style), [header, *body], [[None] * len(header), *numbers], style.dpi,
                     opening)
