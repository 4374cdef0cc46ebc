"""Seed texts as page lists, for tests. Seeds carry no form feeds; we cut on runs of three or
more blank lines, the widest gaps the converter left (a cut can fall inside a real page, which
the extractors must survive: letters are read over the whole line stream)."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.thai.text import normalise

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
_GAP = re.compile(r"\n[ \t]*\n[ \t]*\n[ \t]*\n")


def seed_pages(prefix: str) -> list[tuple[int, str]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    chunks = [c for c in _GAP.split(path.read_text(encoding="utf-8")) if c.strip()]
    return [(i + 1, normalise(c)) for i, c in enumerate(chunks)]
