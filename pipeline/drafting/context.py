"""The facts a follow-up letter states, gathered once: from the dataset, else the settings,
else a blank that is listed (a `Blank`) — the one place where a missing fact becomes "……"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.drafting.blanks import BLANK, Blank
from pipeline.drafting.facts import Circular
from pipeline.drafting.settings import SETTINGS_FILE, DraftSettings
from pipeline.drafting.standings import Standing
from pipeline.drafting.thai_format import next_day_of_month
from pipeline.thai.chars import to_arabic, to_thai

# What each progress indicator is about, as a verb phrase (เร่งรัดการ…): the contract's definitions.
TOPICS = {
    "joint_centre": ("จัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                     "จัดตั้งศูนย์ปฏิบัติการร่วมฯ (สถานที่กลาง)"),
    "help_centre": ("จัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น", "จัดตั้งศูนย์ช่วยเหลือประชาชนฯ"),
}
DEFAULT_REPORT_DAY = 15  # DLA's monthly reports are due on the 15th (ทุกวันที่ ๑๕ ของเดือน)
_SERIAL = re.compile(r"/\s*ว?\s*\d+\s*$")
_RECURRING_DAY = re.compile(r"วันที่\s*(\d{1,2})")
_SETTING_HINT = f"option or {SETTINGS_FILE} in the home"
# Settings field → (Thai label, TOML key) for facts only the office can give.
_OFFICE_FACTS = {
    "office": ("ส่วนราชการเจ้าของหนังสือ", "[office] name"),
    "address": ("ที่ตั้งส่วนราชการ", "[office] address"),
    "signatory": ("ชื่อผู้ลงนาม", "[signatory] name"),
    "position": ("ตำแหน่งผู้ลงนาม", "[signatory] position"),
    "division": ("ส่วนราชการเจ้าของเรื่อง", "[office] division"),
    "phone": ("หมายเลขโทรศัพท์", "[office] phone"),
}


@dataclass
class Facts:
    """Values for the templates; `blanks` lists every value that had to be left as "……"."""

    settings: DraftSettings
    circular: Circular | None
    today: dt.date
    blanks: list[Blank] = field(default_factory=list)

    def office(self, name: str) -> str:
        value = str(getattr(self.settings, name) or "")
        if value:
            return value
        label, key = _OFFICE_FACTS[name]
        return self.blank(name, label, f"{_SETTING_HINT}: {key}")

    def blank(self, name: str, label: str, hint: str) -> str:
        if all(b.field != name for b in self.blanks):
            self.blanks.append(Blank(name, label, hint))
        return BLANK

    @property
    def date(self) -> dt.date:
        return self.settings.date or self.today

    def number(self) -> str:
        """เลขที่หนังสือ in Thai digits; the serial is a blank until the register gives one."""
        number = " ".join(self.settings.number.split())
        if not number:
            return self.blank("number", "เลขที่หนังสือ", f"--number or {_SETTING_HINT}: [letter] number")
        if _SERIAL.search(to_arabic(number)):
            return to_thai(number)
        serial = self.blank("number_serial", "เลขลำดับหนังสือ", "the serial the register (สารบรรณ) gives when sent")
        return f"{to_thai(number)} {serial}"

    def report_by(self) -> dt.date:
        """Report by the next report day after the letter (the circular's day, else the 15th)."""
        day = self.settings.report_day or _circular_day(self.circular) or DEFAULT_REPORT_DAY
        return next_day_of_month(self.date, day)

    def emblem_missing(self) -> None:
        if self.settings.emblem is None or not self.settings.emblem.is_file():
            self.blank("emblem", "ตราครุฑ", f"an image of the Garuda: {SETTINGS_FILE} [office] emblem = \"garuda.png\"")

    def circular_view(self) -> dict[str, object]:
        """The cited circular's fields for the templates, each one a blank when unknown."""
        c = self.circular
        hint = "no circular in the dataset sets this indicator's target: ingest it, or fill in by hand"
        values = {
            "sender": c.sender if c else "", "urgency": c.urgency if c else "",
            "doc_number": c.doc_number if c else "", "date": c.date if c else None,
            "deadline_text": c.deadline_text if c else "",
        }
        labels = {"sender": "ส่วนราชการผู้ออกหนังสือที่อ้างถึง", "doc_number": "เลขที่หนังสือที่อ้างถึง",
                  "date": "วันที่ของหนังสือที่อ้างถึง", "deadline_text": "กำหนดการรายงานผล"}
        for key, label in labels.items():
            if not values[key]:
                values[key] = self.blank(f"reference_{key}", label, hint)
        return values

    def kpi_view(self) -> dict[str, object]:
        kpi = self.circular.kpi if self.circular else None
        hint = "the dataset holds no KPI (ตัวชี้วัด) with a target for this indicator"
        values: dict[str, object] = {
            "code": kpi.code if kpi else "", "name": kpi.name if kpi else "",
            "target": kpi.target if kpi else None, "unit": kpi.unit if kpi else "",
            "fiscal_year": kpi.fiscal_year if kpi else None, "due_date": kpi.due_date if kpi else None,
        }
        labels = {"code": "ข้อของตัวชี้วัด", "name": "ชื่อตัวชี้วัด", "target": "ค่าเป้าหมาย", "unit": "หน่วยนับ"}
        for key, label in labels.items():
            if values[key] in ("", None):
                values[key] = self.blank(f"kpi_{key}", label, hint)
        return values


def _circular_day(circular: Circular | None) -> int | None:
    m = _RECURRING_DAY.search(to_arabic(circular.deadline_text)) if circular else None
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 28 else None


def counts(standings: list[Standing]) -> dict[str, object]:
    """How many provinces are behind or missing, and which never reported at all."""
    return {
        "behind": sum(s.reason == "behind" for s in standings),
        "missing": sum(s.reason == "missing" for s in standings),
        "never": [s.province for s in standings if not s.has_figures],
    }
