"""Tables on scanned pages (placeholder until the ruled-table reader lands)."""

from __future__ import annotations

import numpy as np

from pipeline.records import Word
from pipeline.tables.model import Table


def tables_from_scan(image: np.ndarray, words: list[Word]) -> list[Table]:
    return []
