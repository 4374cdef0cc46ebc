"""Query results as the terminal shows them (rich tables): one place for how a cell reads."""

from __future__ import annotations

import pandas as pd
from rich.table import Table


def display_value(value: object) -> str:
    """A cell as a person reads it: empty for missing, and DuckDB's DATE (which pandas hands
    over as a midnight timestamp) as a plain ISO date."""
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()
    return str(value)


def _missing(value: object) -> bool:
    try:
        return value is None or value is pd.NA or bool(value != value)  # NaN, NaT: unequal to themselves
    except (TypeError, ValueError):  # arrays (DuckDB lists) compare element-wise
        return False


def frame_table(frame: pd.DataFrame, title: str = "") -> Table:
    table = Table(*[str(c) for c in frame.columns], title=title or None)
    for row in frame.astype(object).itertuples(index=False):
        table.add_row(*[display_value(v) for v in row])
    return table
