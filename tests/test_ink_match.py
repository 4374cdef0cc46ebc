"""The ink fit of a drawn spelling: every placement scored at once must score each placement as
one at a time would (the F-score of covered drawing and found ink), on real drawn Thai."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from pipeline.thai import ink_match


def _one_at_a_time(ink: np.ndarray, drawn: np.ndarray) -> float:
    """The placements' best F-score, each placement counted on its own."""
    kernel = np.ones((3, 3), np.uint8)
    h, w = drawn.shape
    room = max(abs(ink.shape[0] - h), abs(ink.shape[1] - w)) + ink_match._DRIFT + 2
    page = np.pad(ink, room)
    near_ink = cv2.dilate(page.astype(np.uint8), kernel) > 0
    near_drawn = cv2.dilate(np.pad(drawn, 2).astype(np.uint8), kernel) > 0
    best = 0.0
    for y in ink_match._offsets(ink.shape[0], h, room):
        for x in ink_match._offsets(ink.shape[1], w, room):
            covered = int((drawn & near_ink[y:y + h, x:x + w]).sum())
            found = int((near_drawn & page[y - 2:y + h + 2, x - 2:x + w + 2]).sum())
            p, r = covered / max(1, int(drawn.sum())), found / max(1, int(ink.sum()))
            if p + r:
                best = max(best, 2 * p * r / (p + r))
    return best


def _printed(text: str) -> np.ndarray:
    """`text` drawn in the first face, blurred and thresholded as a scan would, a page's gray."""
    drawn = ink_match._drawn(text, 0)
    assert drawn is not None
    gray = np.where(np.pad(drawn, 10), 0, 255).astype(np.uint8)
    return cv2.GaussianBlur(cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), (3, 3), 0)


@pytest.mark.skipif(not ink_match._faces(), reason="no Thai faces installed")
@pytest.mark.parametrize(("printed", "rival"), [("รัตภูมิ", "วัตภูมิ"), ("กะปง", "กะปบง"), ("เฝ้าไร่", "ฝ้าไร่")])
def test_all_placements_at_once_score_as_one_at_a_time(printed: str, rival: str) -> None:
    ink = ink_match.ink_of(_printed(printed))
    assert ink is not None
    for text in (printed, rival):
        for face in range(len(ink_match._faces())):
            drawn = ink_match._drawn(text, face)
            assert drawn is not None
            for width in ink_match._WIDTHS:
                scaled = ink_match._scaled(drawn, ink.shape[0] / drawn.shape[0], width)
                assert ink_match._overlap(ink, scaled) == _one_at_a_time(ink, scaled)


@pytest.mark.skipif(not ink_match._faces(), reason="no Thai faces installed")
def test_the_printed_spelling_fits_its_ink_better_than_a_misreading() -> None:
    fits = ink_match.spelling_fits(_printed("รัตภูมิ"), ["รัตภูมิ", "วัตภูมิ"])
    assert fits[0] > fits[1]
