"""Render Thai text pages the way a printer and scanner would: fonts, 300 dpi, optional scan noise.

Used to make demo inbox files and test pages; the product never needs it to read documents.
Fonts come from Debian's fonts-thai-tlwg (Laksaman ≈ TH Sarabun, Garuda, Norasi …).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.synth.fonts import font_path

A4_MM = (210, 297)


@dataclass(frozen=True)
class Scan:
    """How a rendered page is degraded to look scanned. Defaults: a clean print."""

    angle: float = 0.0
    noise: float = 0.0  # standard deviation of grey noise
    blur: float = 0.0
    seed: int = 0


def blank_page(dpi: int = 300) -> Image.Image:
    size = tuple(int(mm / 25.4 * dpi) for mm in A4_MM)
    return Image.new("L", size, 255)


def draw_lines(lines: list[str], *, dpi: int = 300, family: str = "Laksaman", size_pt: float = 16,
               margin_mm: float = 25, line_spacing: float = 1.6) -> Image.Image:
    """Lines of Thai text on an A4 page. A line starting with '\t' is indented."""
    page = blank_page(dpi)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path(family)), int(size_pt / 72 * dpi))
    x0 = y = int(margin_mm / 25.4 * dpi)
    step = int(size_pt / 72 * dpi * line_spacing)
    width = page.width - 2 * x0
    for line in lines:
        indent = int(15 / 25.4 * dpi) if line.startswith("\t") else 0
        for part in wrap(line.lstrip("\t"), font, width - indent):
            draw.text((x0 + indent, y), part, font=font, fill=0)
            y, indent = y + step, 0
    return page


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break at spaces (Thai breaks lines between phrases, which are space-separated)."""
    if font.getlength(text) <= width:
        return [text]
    parts: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and font.getlength(candidate) > width:
            parts.append(current)
            current = word.lstrip()
        else:
            current = candidate
    return parts + [current]


def degrade(page: Image.Image, scan: Scan) -> Image.Image:
    rng = np.random.default_rng(scan.seed)
    out = page.rotate(scan.angle, resample=Image.BICUBIC, fillcolor=255) if scan.angle else page
    if scan.blur:
        out = out.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.noise:
        pixels = np.asarray(out, dtype=np.float32) + rng.normal(0, scan.noise, (out.height, out.width))
        out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return out


def save_pdf(pages: list[Image.Image], path: Path, dpi: int = 300) -> Path:
    """An image-only PDF, like a scanner writes (JPEG inside, no text layer)."""
    rgb = [p.convert("RGB") for p in pages]
    rgb[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=rgb[1:], quality=85)
    return path


@dataclass(frozen=True)
class Stamp:
    """A receiving stamp (ตรารับ): a rounded box with the receiving office printed, and the
    number, date and time filled in by hand on dotted leaders."""

    office: tuple[str, ...]
    number: str
    date: str
    time: str = ""
    hand: str = "Purisa"  # TLWG's handwriting face stands in for the clerk's pen


def draw_stamp(page: Image.Image, stamp: Stamp, at: tuple[int, int], dpi: int = 300) -> tuple[int, int, int, int]:
    """Draw `stamp` with its top-left corner at `at`; returns its box (x0, y0, x1, y1)."""
    draw = ImageDraw.Draw(page)
    printed = ImageFont.truetype(str(font_path("Laksaman")), int(11 / 72 * dpi))
    hand = ImageFont.truetype(str(font_path(stamp.hand)), int(10 / 72 * dpi))
    ascent, descent = printed.getmetrics()
    step, pad = int(0.8 * (ascent + descent)), int(0.05 * dpi)
    width = max(int(1.45 * dpi), int(max(printed.getlength(line) for line in stamp.office)) + 2 * pad)
    x0, y0 = at
    y = y0 + pad // 2
    for line in stamp.office:
        draw.text((x0 + (width - printed.getlength(line)) / 2, y), line, font=printed, fill=0)
        y += step
    for label, value in (("เลขรับ", stamp.number), ("วันที่", stamp.date), ("เวลา", stamp.time)):
        draw.text((x0 + pad, y), label, font=printed, fill=0)
        start, baseline = x0 + pad + printed.getlength(label) + 4, y + ascent
        for dot in range(int(start), x0 + width - pad, max(4, dpi // 25)):  # the dotted leader
            draw.ellipse((dot, baseline + 6, dot + 3, baseline + 9), fill=0)
        draw.text((start + dpi // 20, baseline), value, font=hand, fill=0, anchor="ls")
        y += step
    box = (x0, y0, x0 + width, y + pad)
    draw.rounded_rectangle(box, radius=dpi // 20, outline=0, width=max(3, dpi // 100))
    return box


# A province's covering letter (after SCAN_0008 in the samples), for pages that carry a stamp.
STAMPED_LETTER = (
    "ที่ ปจ ๐๐๒๓.๓/๑๗๐๗                                สำนักงานส่งเสริมการปกครอง",
    "                                                     ท้องถิ่นจังหวัดปราจีนบุรี",
    "                                         ๖ ธันวาคม ๒๕๖๔",
    "เรื่อง  รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
    "เรียน  อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
    "\tสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดปราจีนบุรี ขอรายงานผลการจัดตั้งศูนย์ช่วยเหลือ",
    "ประชาชนขององค์กรปกครองส่วนท้องถิ่น รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย",
    "                                                   ขอแสดงความนับถือ",
    "",
    "                                               (นายอนุชา ทองคำ)",
)


def stamped_letter(stamp: Stamp, scan: Scan = Scan(angle=0.3, noise=5, blur=0.4, seed=3)
                   ) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """`STAMPED_LETTER` with `stamp` level with its letterhead, scanned; and the stamp's box."""
    page = draw_lines(list(STAMPED_LETTER), size_pt=15, margin_mm=30)
    box = draw_stamp(page, stamp, (page.width - 600, 120))
    return degrade(page, scan), box
