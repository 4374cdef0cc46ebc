"""The shape every table reader returns (ตาราง): a text grid, plus cell boxes for images."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from pipeline.records import TableCell

Grid = list[list[str]]
Box = tuple[int, int, int, int]  # left, top, right, bottom in `Table.image` pixels


@dataclass
class Table:
    """A table read from a page.

    `cells` is rectangular; a merged cell's text sits in its top-left position and the other
    positions it covers are "". For image tables `boxes[r][c]` is the merged cell's box in
    `image` (the page after deskewing), so callers can crop a cell and read it again, and
    `confs[r][c]` is the OCR confidence (0–100) of the words placed in it. `judged` holds the
    cells whose reading was taken from the page-table stage as it stood (its numeral reader's
    number, already weighed there), by (row, col): a caller reading them again would judge
    the same pixels twice and could disagree with itself.
    """

    cells: Grid
    source: str  # "ruled" | "words" | "pdf" | "sheet"
    boxes: list[list[Box | None]] | None = None
    confs: list[list[float | None]] | None = None
    image: np.ndarray | None = field(default=None, repr=False, compare=False)
    top: int = 0  # the table's top edge (pixels or points), to split title text from table
    caption: list[str] = field(default_factory=list)  # text lines read just above the table
    caption_boxes: list[Box] = field(default_factory=list)  # each caption line's box in `image`
    bottom: int = 0
    judged: dict[tuple[int, int], TableCell] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return len(self.cells)


    def crop(self, row: int, col: int, pad: int | None = None) -> np.ndarray | None:
        """The grayscale image inside a cell's box, borders trimmed (None for text tables).

        The default inset grows with the scan resolution: rule remnants at the crop's edge are
        read as digits (a "1" or "7") by numeral readers.
        """
        if self.boxes is None or self.image is None:
            return None
        pad = pad if pad is not None else max(8, self.image.shape[1] // 250)
        box = self.boxes[row][col]
        if box is None:
            return None
        left, top, right, bottom = box
        if right - left <= 2 * pad or bottom - top <= 2 * pad:
            return None
        return self.image[top + pad:bottom - pad, left + pad:right - pad]


def rectangular(grid: Grid) -> Grid:
    """Pad ragged rows with "" so every row has the same number of columns."""
    width = max((len(r) for r in grid), default=0)
    return [list(r) + [""] * (width - len(r)) for r in grid]
