"""The ink of a name's cell as a witness of how it was printed (extractors/name_pixels.py)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.name_pixels import ink_verdict
from pipeline.synth.fonts import font_path


def _cell(printed: str, face: str, size: int = 44, seed: int = 0) -> np.ndarray:
    """A name cell as scanned: printed, blurred a little, grey ground with specks."""
    font = ImageFont.truetype(str(font_path(face)), size)
    page = Image.new("L", (int(font.getlength(printed)) + 60, 2 * size), 235)
    ImageDraw.Draw(page).text((30, size // 3), printed, font=font, fill=40)
    gray = cv2.GaussianBlur(np.asarray(page), (3, 3), 0).astype(np.int16)
    rng = np.random.default_rng(seed)
    gray += rng.integers(-12, 12, gray.shape, dtype=np.int16)
    return np.clip(gray, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("face", ["Laksaman", "Garuda"])
@pytest.mark.parametrize("printed, readings", [
    pytest.param("รัตภูมิ", ["วัตภูมิ", "วัตภูม ."], id="ro-read-wo-every-time"),
    pytest.param("กะปง", ["กะปบง"], id="a-letter-read-twice"),
    pytest.param("เฝ้าไร่", ["ฝ้าไร่"], id="a-leading-vowel-lost"),
])
def test_a_right_name_every_reading_got_wrong_is_cleared_by_its_ink(face: str, printed: str,
                                                                    readings: list[str]) -> None:
    assert ink_verdict(_cell(printed, face), printed, readings) == "gazetteer"


@pytest.mark.parametrize("face", ["Laksaman", "Garuda"])
def test_a_misprint_a_reread_names_rightly_is_kept_by_its_ink(face: str) -> None:
    """Seed 1017: ห่าแซะ printed for ท่าแซะ, read ทห่าแซะ, read again ทําแซะ (the place)."""
    assert ink_verdict(_cell("ห่าแซะ", face), "ท่าแซะ", ["ทห่าแซะ", "ทําแซะ"]) == "misprint"


def test_a_name_the_ink_cannot_tell_is_left_to_the_flag() -> None:
    """Printed in a face unlike every installed one (here: drawn 60% as wide), no verdict."""
    cell = _cell("รัตภูมิ", "Laksaman")
    squeezed = cv2.resize(cell, (int(cell.shape[1] * 0.6), cell.shape[0]))
    assert ink_verdict(squeezed, "รัตภูมิ", ["วัตภูมิ"]) != "gazetteer"
