"""A memo's ที่ line set tightly between its neighbours keeps every digit of its serial.

Seen on a seed's memos (บันทึกข้อความ): `มท ๐๘๐๙.๒/๔๓๐๑` read 0809.2/401, the cut feet of the
phone extension `๓๔๑๓` above it having moved the glyphs' band off the serial; `มท ๐๘๐๑.๕/๓๐๙๐`
read 0801.5/ 090, ้ of `ตั้ง` on the line below hanging 6 px under ๓ and merged with it.
Each line is rendered with a Thai face and the number line re-read as the page pass does.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from pipeline.numerals import NumeralReader, default_reader
from pipeline.records import Word
from pipeline.synth.numerals import font_px, load_font

FONTS = ("Garuda", "Norasi", "Laksaman")


@pytest.fixture(scope="module")
def reader() -> NumeralReader:
    return default_reader()


def ink(text: str, font: str) -> np.ndarray:
    """The text's ink, cropped to it: True where dark."""
    fnt = load_font(font, font_px(16, 300))
    img = Image.new("L", (int(fnt.getlength(text)) + 80, 200), 255)
    ImageDraw.Draw(img).text((40, 50), text, font=fnt, fill=0)
    dark = np.asarray(img) < 128
    ys, xs = np.nonzero(dark)
    return dark[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def box(mask: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(mask)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


class Page:
    """A white page that pieces of ink are pasted on; each piece's place is kept."""

    def __init__(self, width: int = 1400, height: int = 500) -> None:
        self.dark = np.zeros((height, width), bool)

    def paste(self, piece: np.ndarray, left: int, top: int) -> tuple[int, int, int, int]:
        h, w = piece.shape
        self.dark[top : top + h, left : left + w] |= piece
        return left, top, left + w, top + h

    @property
    def gray(self) -> np.ndarray:
        return np.where(self.dark, 20, 235).astype(np.uint8)


def number_line(page: Page, serial: str, font: str) -> tuple[list[Word], tuple[int, int, int, int]]:
    """`ที่ มท <serial>` at a fixed place; Tesseract-like tokens and the serial's ink box."""
    mark, office, number = ink("ที่", font), ink("มท", font), ink(serial, font)
    base = 260  # the line's baseline: every piece sits on it
    boxes = []
    x = 100
    for piece in (mark, office, number):
        boxes.append(page.paste(piece, x, base - piece.shape[0]))
        x += piece.shape[1] + 30
    texts = ("ที่", "มท", serial.replace("๔", "๕").replace("๘", "๕").replace("๙", "๕"))
    words = [Word(t, 90.0, b[0], b[1], b[2] - b[0], b[3] - b[1], 1, 1) for t, b in zip(texts, boxes, strict=True)]
    return words, boxes[2]


def serial_text(reader: NumeralReader, page: Page, words: list[Word]) -> str:
    return reader.reread_words(page.gray, words)[2].text


@pytest.mark.parametrize("font", FONTS)
def test_cut_feet_of_the_line_above_leave_the_serial_whole(reader: NumeralReader, font: str) -> None:
    """The line above's digits stand over the serial, so close that the row's window takes in
    their feet only: cut pieces, which must not decide where the row's glyphs sit."""
    page = Page()
    words, (left, top, right, _) = number_line(page, "๐๘๐๙.๒/๔๓๐๑", font)
    above = ink("๓๔๑๓๔๑๓", font)
    pad = max(2, int(np.median([w.height for w in words])) // 6)
    window_top = min(w.top for w in words) - pad
    feet = above.shape[0] // 3  # of the line above, a third reaches into the window
    page.paste(above, left + (right - left) // 2, window_top + feet - above.shape[0])
    assert page.dark[window_top, left:].any() and not page.dark[window_top + feet + 2, right + 5:].any()
    assert serial_text(reader, page, words) == "0809.2/4301"


@pytest.mark.parametrize("font", FONTS)
def test_stacked_marks_of_the_line_below_come_off_a_digit(reader: NumeralReader, font: str) -> None:
    """ั้ of `ตั้ง` on the next line reaches up to a few pixels under ๓ of the serial."""
    page = Page()
    serial = "๐๘๐๑.๕/๓๐๙๐"
    words, (left, _, _, _) = number_line(page, serial, font)
    three = ink("๓", font)
    before = ink("๐๘๐๑.๕/", font).shape[1]
    word = ink("ตั้ง", font)
    marks = word[: word.shape[0] // 3]  # the stacked marks sit at the word's top
    _, _, _, marks_bottom = box(marks)
    below = np.zeros_like(word)
    below[:marks_bottom] = marks[:marks_bottom]
    # The marks' own middle under the ๓'s middle, their top 0.18 of a digit's height under it
    # (under the digit's foot: the slash reaches lower).
    mid = left + before + three.shape[1] // 2
    foot = box(page.dark[:, left + before : left + before + three.shape[1]])[3]
    x0, _, x1, _ = box(below)
    page.paste(below, mid - (x0 + x1) // 2, foot + round(0.18 * three.shape[0]))
    assert serial_text(reader, page, words) == "0801.5/3090"
