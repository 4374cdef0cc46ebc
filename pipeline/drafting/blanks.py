"""Blanks: facts a draft needs that neither the dataset nor the settings hold.

A blank is printed as a dotted leader for a person to fill, never a guess, and listed so the
command can print it and write it beside the draft.
"""

from __future__ import annotations

from dataclasses import dataclass

BLANK = "……………"


@dataclass(frozen=True)
class Blank:
    """One fact left to fill: `field` names it for scripts, `label` says it in Thai, `hint` how to supply it."""

    field: str
    label: str
    hint: str

    def line(self) -> str:
        return f"- {self.label} ({self.field}): {self.hint}"


def blank_list(blanks: list[Blank]) -> str:
    """The short list written beside a draft (Thai label, field name, how to fill it)."""
    if not blanks:
        return "ไม่มีช่องว่างที่ต้องเติม / nothing left blank\n"
    head = "ช่องว่างที่ต้องเติมก่อนเสนอลงนาม / blanks to fill before signing:"
    return "\n".join([head, *(b.line() for b in blanks)]) + "\n"
