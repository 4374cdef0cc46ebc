"""Synthetic renders of numbers for training, tests and the benchmark (ภาพตัวเลขสังเคราะห์).

A line is drawn piece by piece (one digit or separator at a time, Thai letters as one chunk) so
every ink pixel knows which piece drew it; training labels come from that map, not from guessing.
Degradations imitate what scanners do to government letters: blur, noise, JPEG, skew, bold.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.numerals.model import SEPARATORS
from pipeline.synth.fonts import FONT_DIRS, font_path, installed
from pipeline.thai.chars import ARABIC_DIGITS, THAI_DIGITS, to_arabic  # noqa: F401  (to_arabic: re-exported for tests)

# Upright text faces that government letters are set in or resemble (TH Sarabun ≈ Loma/Garuda).
FONT_NAMES = (
    "Laksaman", "Laksaman-Bold", "Garuda", "Garuda-Bold", "Norasi", "Norasi-Bold",
    "Kinnari", "Kinnari-Bold", "Loma", "Loma-Bold", "Waree", "Waree-Bold", "Umpush",
    "Umpush-Bold", "Umpush-Light", "Sawasdee", "TlwgTypo", "NotoSansThai-Regular",
    "NotoSansThai-Bold", "NotoSerifThai-Regular", "NotoLoopedThai-Regular",
)
# Purisa, TLWG's handwriting face, stands in for the hand that fills in receiving stamps
# (เลขรับ, วันที่, เวลา). Only the stamp reader is trained on it: in the print model it costs
# printed digits (measured: ๐ read as ๖ in a letter number).
HAND_FONT_NAMES = ("Purisa", "Purisa-Bold")
THAI_WORDS = (
    "มท", "ว", "ที่", "แห่ง", "จำนวน", "ศูนย์", "บาท", "ราย", "ปี", "พศ", "ลงวันที่", "หน้า",
    "ข้อ", "อำเภอ", "ตำบล", "ครั้ง", "คน", "ฉบับ", "เดือน", "กันยายน", "ร้อยละ", "(", ")", "%",
    "ฎีกา", "ญาติ", "ฐาน", "ปฏิบัติ", "ฝ่าย", "ฟ้อง", "ฤดู", "ฯ", "ๆ", "ซึ่ง", "ผู้", "ด่วน",
)


@dataclass(frozen=True)
class Piece:
    """A run drawn in one call: one digit/separator (label = the char) or a Thai chunk ("other")."""

    text: str
    label: str


@dataclass(frozen=True)
class Degrade:
    """Scanner-like damage. All zero means a clean render."""

    blur: float = 0.0  # Gaussian sigma, px
    noise: float = 0.0  # Gaussian noise std, grey levels
    jpeg: int = 0  # quality; 0 = no JPEG round trip
    skew: float = 0.0  # degrees
    bold: int = 0  # +n dilate ink n px, -n erode (thin/broken strokes)
    speckle: float = 0.0  # share of pixels flipped to dark specks
    slant: float = 0.0  # horizontal shear (tan of the lean), as a hand leans right; 0 for print


def available_fonts(names: tuple[str, ...] = FONT_NAMES) -> tuple[str, ...]:
    return installed(names)


@lru_cache(maxsize=256)
def load_font(name: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(name)), px)


# Noto Thai faces carry no Latin digits or punctuation; real documents fall back to a Latin face,
# so do we (to the TLWG face closest in style).
FALLBACK = {"NotoSansThai": "Loma", "NotoSerifThai": "Norasi", "NotoLoopedThai": "Sawasdee"}


@lru_cache(maxsize=4096)
def has_glyph(name: str, ch: str) -> bool:
    """False when the font would draw its missing-glyph box for `ch`."""
    fnt = load_font(name, 40)
    def draw(c: str) -> bytes:
        img = Image.new("L", (80, 80), 0)
        ImageDraw.Draw(img).text((10, 10), c, fill=255, font=fnt)
        return img.tobytes()
    return draw(ch) != draw("\uf8ff")


def font_for(name: str, text: str) -> str:
    if all(has_glyph(name, c) for c in text):
        return name
    family, _, style = name.partition("-")
    fallback = FALLBACK.get(family, "Loma")
    bold = f"{fallback}-Bold"
    return bold if "Bold" in style and (FONT_DIRS[0] / f"{bold}.ttf").exists() else fallback


def font_px(points: float, dpi: int) -> int:
    return max(8, round(points * dpi / 72))


def number_pieces(text: str) -> list[Piece]:
    """Split a string into pieces: each digit/separator alone, other runs as one chunk."""
    pieces: list[Piece] = []
    chunk = ""
    for ch in text:
        if ch in THAI_DIGITS or ch in ARABIC_DIGITS or ch in SEPARATORS:
            if chunk:
                pieces.append(Piece(chunk, "other"))
                chunk = ""
            pieces.append(Piece(ch, ch))
        else:
            chunk += ch
    if chunk:
        pieces.append(Piece(chunk, "other"))
    return pieces


def render_pieces(
    pieces: list[Piece], font: str, px: int, tracking: float = 0.0, space: float = 0.3
) -> tuple[np.ndarray, np.ndarray]:
    """Draw pieces left to right. Returns (gray uint8, piece id per pixel, -1 for paper).

    `tracking` (in em) narrows or widens the gap after each digit, to produce touching glyphs.
    A space piece (" ") advances by `space` em and draws nothing.
    """
    fonts = [load_font(font_for(font, p.text), px) for p in pieces]
    width = int(sum(f.getlength(p.text) for f, p in zip(fonts, pieces, strict=True)) + px * (2 + len(pieces)))
    height = int(px * 2.0)
    ink = np.zeros((height, width), np.float32)
    ids = np.full((height, width), -1, np.int32)
    x = px * 0.5
    y = px * 0.3
    for i, (piece, fnt) in enumerate(zip(pieces, fonts, strict=True)):
        if piece.text == " ":
            x += px * space
            continue
        layer = Image.new("L", (width, height), 0)
        ImageDraw.Draw(layer).text((x, y), piece.text, fill=255, font=fnt)
        alpha = np.asarray(layer, np.float32) / 255.0
        ids[alpha > 0.5] = i
        ink = np.maximum(ink, alpha)
        x += fnt.getlength(piece.text) + (tracking * px if len(piece.text) == 1 else 0)
    gray = (255 - ink * 255).astype(np.uint8)
    return _trim(gray, ids, margin=max(4, px // 4))


def _trim(gray: np.ndarray, ids: np.ndarray, margin: int) -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.nonzero(gray < 128)
    if len(xs) == 0:
        return gray, ids
    y0, y1 = max(0, ys.min() - margin), min(gray.shape[0], ys.max() + margin + 1)
    x0, x1 = max(0, xs.min() - margin), min(gray.shape[1], xs.max() + margin + 1)
    return gray[y0:y1, x0:x1].copy(), ids[y0:y1, x0:x1].copy()


def degrade(
    gray: np.ndarray, ids: np.ndarray | None, d: Degrade, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray | None]:
    """Apply scanner damage; the id map follows geometric changes so labels stay aligned."""
    img = gray.astype(np.float32)
    if d.bold > 0:  # ink is dark: eroding the paper thickens strokes
        kernel = np.ones((d.bold + 1, d.bold + 1), np.uint8)
        img = cv2.erode(img, kernel)
        if ids is not None:
            ids = cv2.dilate((ids + 1).astype(np.float32), kernel).astype(np.int32) - 1
    if d.bold < 0:  # light print: strokes fade to grey rather than vanish
        img = 0.45 * img + 0.55 * cv2.dilate(img, np.ones((2, 2), np.uint8))
    if d.skew:
        img, ids = _rotate(img, ids, d.skew)
    if d.slant:
        img, ids = _shear(img, ids, d.slant)
    if d.blur:
        img = cv2.GaussianBlur(img, (0, 0), d.blur)
    if d.noise:
        img = img + rng.normal(0, d.noise, img.shape)
    if d.speckle:
        img[rng.random(img.shape) < d.speckle] = rng.uniform(0, 120)
    out = np.clip(img, 0, 255).astype(np.uint8)
    if d.jpeg:
        out = jpeg_roundtrip(out, d.jpeg)
    return out, ids


def _rotate(
    img: np.ndarray, ids: np.ndarray | None, degrees: float
) -> tuple[np.ndarray, np.ndarray | None]:
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    img = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    if ids is not None:
        ids = cv2.warpAffine(
            ids.astype(np.float32), m, (w, h), flags=cv2.INTER_NEAREST, borderValue=-1
        ).astype(np.int32)
    return img, ids


def _shear(
    img: np.ndarray, ids: np.ndarray | None, slant: float
) -> tuple[np.ndarray, np.ndarray | None]:
    """Lean the line by `slant` (tops move right), widening the canvas so nothing is cut."""
    h, w = img.shape
    extra = int(abs(slant) * h) + 1
    m = np.float32([[1, -slant, slant * h if slant > 0 else 0], [0, 1, 0]])
    img = cv2.warpAffine(img, m, (w + extra, h), flags=cv2.INTER_LINEAR, borderValue=255)
    if ids is not None:
        ids = cv2.warpAffine(
            ids.astype(np.float32), m, (w + extra, h), flags=cv2.INTER_NEAREST, borderValue=-1
        ).astype(np.int32)
    return img, ids


def jpeg_roundtrip(gray: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, format="JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L"))


def random_degrade(rng: np.random.Generator, strength: float = 1.0) -> Degrade:
    """A random mix of damage; `strength` scales every knob (0 = clean)."""
    s = strength
    return Degrade(
        blur=float(rng.choice([0, 0, 0.6, 0.9, 1.2])) * s,
        noise=float(rng.choice([0, 0, 8, 15, 25])) * s,
        jpeg=int(rng.choice([0, 0, 60, 40, 25])) if s > 0 else 0,
        skew=float(rng.uniform(-1.5, 1.5)) * s,
        bold=int(rng.choice([0, 0, 0, 1, 2, -1])) if s > 0 else 0,
        speckle=float(rng.choice([0, 0, 0, 0.002])) * s,
    )


def random_number(rng: np.random.Generator, thai: bool) -> str:
    """A number as government letters print them: counts, amounts, codes, dates, years."""
    digits = THAI_DIGITS if thai else ARABIC_DIGITS
    kind = rng.integers(0, 7)
    def d(n: int) -> str:
        return "".join(digits[i] for i in rng.integers(0, 10, n))
    if kind == 0:
        return d(int(rng.integers(1, 4)))
    if kind == 1:
        return d(int(rng.integers(1, 4))) + "," + d(3)
    if kind == 2:
        return d(4) + "." + d(int(rng.integers(1, 3)))
    if kind == 3:
        return "/".join(d(int(rng.integers(1, 3))) for _ in range(3))
    if kind == 4:
        return digits[2] + digits[5] + d(2)
    if kind == 5:
        return d(int(rng.integers(1, 3))) + "-" + d(int(rng.integers(1, 4)))
    return d(int(rng.integers(4, 7)))




# One damage at a time, at the strength seen on real 200–300 dpi office scans; tests and the
# benchmark report per-damage figures with these.
CONDITIONS: dict[str, Degrade] = {
    "clean": Degrade(),
    "blur": Degrade(blur=0.8),
    "noise": Degrade(noise=12.0, speckle=0.001),
    "jpeg": Degrade(jpeg=35),
    "skew": Degrade(skew=1.0),
    "bold": Degrade(bold=1),
    "light": Degrade(bold=-1),
}
