"""Render Thai text pages the way a printer and scanner would: fonts, 300 dpi, optional scan noise.

Used to make demo inbox files and test pages; the product never needs it to read documents.
Fonts come from Debian's fonts-thai-tlwg (Laksaman ≈ TH Sarabun, Garuda, Norasi …).
"""

from __future__ import annotations

import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

A4_MM = (210, 297)


@functools.lru_cache(maxsize=32)
def font_path(family: str = "Laksaman") -> Path:
    """The font file fontconfig picks for `family`; fails loudly if it is a fallback."""
    found = subprocess.run(["fc-match", "-f", "%{file}|%{family}", family],
                           capture_output=True, text=True, check=True).stdout
    path, families = found.split("|", 1)
    if family.lower() not in families.lower():
        raise FileNotFoundError(f"font {family!r} is not installed (apt-get install fonts-thai-tlwg)")
    return Path(path)


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
