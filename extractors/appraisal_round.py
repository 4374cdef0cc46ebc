"""The appraisal round a subject names (`…รอบการประเมินที่ 2 ประจำปีงบประมาณ…`), read back from OCR damage.

A civil servant's performance is appraised twice a fiscal year (รอบที่ 1, October to March; รอบที่ 2,
April to September), so a round numbered past 2 is a misread: a speck after the digit read as one
more (`ที่ 25`), or the fiscal year's digits copied onto it (`ที่ 2563`). Its first digit, when 1 or 2,
is the round; the letter names the change (`appraisal_round_repaired:25>2`). Any other stays as read.
"""

from __future__ import annotations

import re

APPRAISAL_ROUND_REPAIRED = "appraisal_round_repaired"  # a letter flag: `flag:old>new`

_ROUND = re.compile(r"(รอบการประเมินที่\s?)([12])(\d+)(?!\d)")


def mended_round(subject: str) -> tuple[str, str | None]:
    """(subject, `old>new` when its appraisal round read past 2 was put back to its first digit)."""
    m = _ROUND.search(subject)
    if m is None:
        return subject, None
    read = m.group(2) + m.group(3)
    return subject[:m.start()] + m.group(1) + m.group(2) + subject[m.end():], f"{read}>{m.group(2)}"
