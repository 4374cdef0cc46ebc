"""The ink of a name's cell as a witness of how it was printed (extractors/name_pixels.py)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.name_pixels import ink_verdict
from pipeline.synth.fonts import font_path
from pipeline.thai.ink_match import _body_height as body_height
from pipeline.thai.ink_match import _overlap as overlap
from pipeline.thai.ink_match import thai_face_files


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


@pytest.mark.parametrize("face", ["Laksaman", "Garuda", "Norasi", "Loma"])
@pytest.mark.parametrize("printed, gazetteer", [
    pytest.param("ธารโด", "ธารโต", id="do-for-to"),
    pytest.param("โกสัมพีนศร", "โกสัมพีนคร", id="so-for-kho"),
    pytest.param("บางบ่ฮ", "บางบ่อ", id="ho-for-o"),
    pytest.param("หับปุด", "ทับปุด", id="ho-for-tho"),
])
def test_a_misprint_a_stroke_from_the_name_is_never_cleared_by_its_ink(face: str, printed: str,
                                                                      gazetteer: str) -> None:
    """Read right (OCR read the misprint as printed), the gazetteer's spelling a stroke away must
    not fit the ink better: drawn only at fixed widths, the printed spelling a few % off the
    ink's width lost to it (ธารโด in Loma, โกสัมพีนศร in Norasi were cleared as the places)."""
    assert ink_verdict(_cell(printed, face), gazetteer, [printed]) != "gazetteer"


@pytest.mark.parametrize("face", thai_face_files())
def test_a_name_open_in_the_middle_has_the_body_of_its_rivals(face: str) -> None:
    """ฮ's bar is the densest row of บางบ่ฮ; the rows of stems under it are sparse, yet the body
    runs from the letters' heads to their feet as in บางบ่อ (cut at the bar, the printed
    spelling was drawn a third too large and lost to บางบ่อ on a seed-1029 scan)."""
    font = ImageFont.truetype(face, 64)
    bodies = []
    for text in ("บางบ่ฮ", "บางบ่อ"):
        image = Image.new("L", (400, 120), 0)
        ImageDraw.Draw(image).text((10, 20), text, font=font, fill=255)
        bodies.append(body_height(np.asarray(image) > 127))
    assert abs(bodies[0] - bodies[1]) <= 1, bodies


def test_faces_are_fontconfigs_upright_thai_faces_of_body_weight() -> None:
    files = thai_face_files()
    assert any(f.endswith("Laksaman.ttf") for f in files)
    assert not any(word in f for f in files for word in ("Bold", "Oblique", "Italic"))


def _overlap_one_by_one(ink: np.ndarray, drawn: np.ndarray) -> float:
    """The F-score placement by placement, as the vectorised search must give it."""
    kernel = np.ones((3, 3), np.uint8)
    h, w = drawn.shape
    room = max(abs(ink.shape[0] - h), abs(ink.shape[1] - w)) + 4 + 1 + 1
    page = np.pad(ink, room)
    near_ink = cv2.dilate(page.astype(np.uint8), kernel) > 0
    near_drawn = cv2.dilate(np.pad(drawn, 2).astype(np.uint8), kernel) > 0
    best = 0.0
    for y in range(room + min(0, ink.shape[0] - h) - 4, room + max(0, ink.shape[0] - h) + 5):
        for x in range(room + min(0, ink.shape[1] - w) - 4, room + max(0, ink.shape[1] - w) + 5):
            precision = (drawn & near_ink[y:y + h, x:x + w]).sum() / max(1, drawn.sum())
            recall = (near_drawn & page[y - 2:y + h + 2, x - 2:x + w + 2]).sum() / max(1, ink.sum())
            if precision + recall:
                best = max(best, 2 * precision * recall / (precision + recall))
    return best


@pytest.mark.parametrize("seed", range(4))
def test_the_placement_search_scores_every_placement_as_one_by_one(seed: int) -> None:
    rng = np.random.default_rng(seed)
    ink = rng.random((int(rng.integers(12, 40)), int(rng.integers(30, 120)))) > 0.6
    drawn = rng.random((int(rng.integers(12, 40)), int(rng.integers(30, 120)))) > 0.6
    assert overlap(ink, drawn) == pytest.approx(_overlap_one_by_one(ink, drawn), abs=1e-12)


@pytest.mark.parametrize("face", ["Laksaman", "Garuda", "Norasi", "Loma"])
def test_a_misprint_of_a_letter_ocr_confuses_is_caught_though_read_as_the_name(face: str) -> None:
    """Seed 1022: ปราณปุรี printed (ป for บ), read ปราณบุวี, then ปราณบุรี, the place itself. No
    reading holds the printed spelling, so the ink weighs the name with each letter swapped for
    its OCR twin; before, it saw only the readings' spellings and cleared the misprint."""
    assert ink_verdict(_cell("ปราณปุรี", face), "ปราณบุรี", ["ปราณบุวี", "ปราณบุรี"]) == "misprint"


@pytest.mark.parametrize("face", ["Laksaman", "Garuda", "Norasi"])
def test_a_name_the_ink_fits_all_but_perfectly_is_cleared(face: str) -> None:
    """Seed 1029: ระโนด read ระโนต fitted 1.000 against 0.997, short of a fixed hundredth's lead,
    and the right name stayed flagged."""
    assert ink_verdict(_cell("ระโนด", face), "ระโนด", ["ระโนต"]) == "gazetteer"


@pytest.mark.parametrize("face", ["Laksaman", "Garuda", "Norasi", "Loma"])
def test_a_right_name_is_cleared_though_its_ocr_twin_draws_all_but_alike(face: str) -> None:
    """Seed 1025: รัตภูมิ read วัตภูมิ every time; its twin รัดภูมิ (ด for ต, a notch apart), which
    no reading held, fitted within the clear lead a reading's spelling must leave, and the right
    name stayed flagged. A twin need only fit worse."""
    assert ink_verdict(_cell("รัตภูมิ", face), "รัตภูมิ", ["วัตภูมิ", "วัตภูม ."]) == "gazetteer"


@pytest.mark.parametrize("face", ["Laksaman", "Garuda", "Norasi", "Loma"])
def test_a_misprint_read_with_a_slip_of_ocr_besides_is_caught(face: str) -> None:
    """Seed 1032: นาน้ฮย printed (ฮ for อ), read นานัฮย every time (its ้ read ั as well). Neither
    the name nor the reading is the print, and the name fitted the ink better than the reading:
    the ink cleared the misprint. The name with the reading's ฮ alone is weighed too."""
    assert ink_verdict(_cell("นาน้ฮย", face), "นาน้อย", ["นานัฮย", "นานัฮย |"]) == "misprint"


@pytest.mark.parametrize("face", ["Laksaman", "Garuda", "Norasi", "Loma"])
@pytest.mark.parametrize("printed, readings", [
    pytest.param("นาน้อย", ["นานัฮย"], id="a-mark-and-a-letter-misread"),
    pytest.param("บางบ่อ", ["บางปอ"], id="a-letter-misread-a-mark-lost"),
])
def test_a_right_name_read_with_two_slips_is_not_called_a_misprint(face: str, printed: str,
                                                                  readings: list[str]) -> None:
    """The name with one of the reading's two slips is a letter from the print: it must not
    fit the ink better than the name itself."""
    assert ink_verdict(_cell(printed, face), printed, readings) != "misprint"


def test_a_letter_with_two_ocr_partners_has_both_for_twins() -> None:
    """ช is taken for ข and for ซ: which one its twin had hung on the order a set of pairs
    iterated in, so a name's verdict changed from run to run (ชัยภูมิ's ซัยภูมิ came and went)."""
    from extractors.name_pixels import _twins

    assert {"ขัยภูมิ", "ซัยภูมิ"} <= _twins("ชัยภูมิ")


@pytest.mark.parametrize(("cell", "name", "readings"), [
    pytest.param("chaiyaphum_read_with_a_speck", "ชัยภูมิ", ["ชัยภูมิก]", "ชัยภูมิ ."], id="chaiyaphum"),
    pytest.param("dan_chang_photographed", "ด่านช้าง", ["ด่านข้าง", "ด่านซข้าง น.", "ด่านช้าง 7ร+ ."],
                 id="dan-chang"),
])
def test_a_twin_within_a_loose_crops_noise_does_not_make_a_right_name_a_misprint(
        cell: str, name: str, readings: list[str]) -> None:
    """Seeds 1033, 1038: right names re-read letter for letter, on cells every spelling fits
    loosely (0.97); the twin a stroke off (ซ for ช) fitted 0.006 better, past the fixed margin,
    and the rows were flagged name_corrected."""
    from scan_name_crops import crop

    assert ink_verdict(crop(cell), name, readings) != "misprint"
