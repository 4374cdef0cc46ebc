"""Who writes the letter: office, number, signatory — from `<home>/drafting.toml` and options.

The dataset knows what happened in the provinces, not who signs at head office or what the
next number in the register is. Those come from a settings file the office keeps in its home
(TOML, documented in the README) and from command-line options, which win. An empty value is
left as a blank in the draft and listed; it is never made up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

SETTINGS_FILE = "drafting.toml"
DEFAULT_FONT = "TH SarabunPSK"  # the government face; fontconfig maps it to TLWG Laksaman (same metrics)
# TOML section → the fields it may hold (field names are unique across sections).
_SECTIONS = {
    "": ("font", "font_size"),
    "office": ("office", "address", "emblem", "division", "section", "phone", "fax", "email"),
    "letter": ("number", "urgency", "addressee", "date", "report_day"),
    "signatory": ("signatory", "position", "on_behalf"),
}
_RENAMES = {("office", "name"): "office", ("signatory", "name"): "signatory"}


@dataclass(frozen=True)
class DraftSettings:
    """Facts about the sender. Empty strings and None are blanks to fill, except where noted."""

    office: str = ""  # ส่วนราชการเจ้าของหนังสือ, e.g. กรมส่งเสริมการปกครองท้องถิ่น
    address: str = ""  # its address line under the name
    emblem: Path | None = None  # the Garuda (ตราครุฑ) image the office supplies
    division: str = ""  # ส่วนราชการเจ้าของเรื่อง (กอง…), printed bottom left
    section: str = ""  # optional second footer line (ส่วน… / กลุ่มงาน…)
    phone: str = ""
    fax: str = ""  # optional
    email: str = ""  # optional
    number: str = ""  # เลขที่หนังสือ: "มท 0810.7/ว 1055", or "มท 0810.7/ว" to leave the serial blank
    urgency: str = ""  # ด่วนที่สุด | ด่วนมาก | ด่วน | "" (none; not a blank)
    addressee: str = "ผู้ว่าราชการจังหวัด (ตามบัญชีแนบท้าย)"
    date: dt.date | None = None  # the letter's date; None → today
    report_day: int | None = None  # report by this day of the month; None → from the circular, else 15
    signatory: str = ""  # name without parentheses
    position: str = ""
    on_behalf: str = ""  # optional: ปฏิบัติราชการแทน… under the position
    font: str = DEFAULT_FONT
    font_size: float = 16.0

    def with_options(self, **options: object) -> DraftSettings:
        """These settings with every option that was given (not None) laid over them."""
        given = {k: v for k, v in options.items() if v is not None}
        return dataclasses.replace(self, **given)


def load_draft_settings(path: Path) -> DraftSettings:
    """Read a drafting.toml; a missing file gives the defaults. Unknown keys are refused (typos)."""
    if not path.is_file():
        return DraftSettings()
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    values: dict[str, object] = {}
    for section, table in _tables(data):
        for key, value in table.items():
            values[_field(section, key)] = value
    if isinstance(values.get("emblem"), str):
        values["emblem"] = (path.parent / str(values["emblem"])).resolve()
    return DraftSettings(**values)  # type: ignore[arg-type]


def _tables(data: dict) -> list[tuple[str, dict]]:
    top = {k: v for k, v in data.items() if not isinstance(v, dict)}
    return [("", top)] + [(k, v) for k, v in data.items() if isinstance(v, dict)]


def _field(section: str, key: str) -> str:
    name = _RENAMES.get((section, key), key)
    if section not in _SECTIONS or name not in _SECTIONS[section]:
        raise ValueError(f"{SETTINGS_FILE}: unknown setting [{section or 'top'}] {key}")
    return name
