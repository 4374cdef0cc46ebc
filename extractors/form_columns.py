"""Columns of report forms by meaning, not position (หัวตาราง → บทบาทของคอลัมน์).

Forms from different provinces order and word their columns differently ("จำนวน อปท.ทั้งหมด",
"จำนวนทั้งหมด", "ยังไม่ได้จัดตั้ง"…) and OCR garbles them (อบท. for อปท.), so each column's
header text — all header rows joined — is matched on its skeleton against keyword rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.form_cells import parse_count, skeleton
from pipeline.tables.model import Grid

NUMERIC_ROLES = ("total", "established", "not_established")
PLACE_ROLES = ("district", "province", "label")

# Checked in order: the first rule whose keyword occurs in the skeleton wins. Order matters —
# "ปัญหา… ในการจัดตั้ง" mentions จัดตั้ง, "ยังไม่จัดตั้ง" contains จัดตั้ง.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("problem", ("ปญหา", "อปสรรค", "ปญห")),
    ("remark", ("หมายเหต", "หมายเหด")),
    ("not_established", ("ยงไม", "ยงใม", "ไมไดจด", "ยงมได")),
    ("established", ("จดตงแลว", "แลว", "ดำเนนการแลว")),
    ("total", ("ทงหมด", "ทงหมค", "จำนวนอปท", "จำนวนอบท", "อปท", "อบท")),
    ("district", ("อำเภอ", "อำเกอ", "อาเภอ", "เขต")),
    ("province", ("จงหวด", "จงหวค")),
    ("label", ("ชออปท", "หนวยงาน", "องคกรปกครอง")),
    # Last, so a count heading that mentions its month stays a count: a row's own month
    # ("ข้อมูลเดือน"), where a summary carries older reports forward.
    ("period", ("ขอมลเดอน", "ขอมลณเดอน", "เดอนทรายงาน", "ประจำเดอน")),
)
_NO_HEADERS = ("ท", "ลำดบ", "ลำดบท", "ลาดบท", "ลำคบท", "ทท")


@dataclass(frozen=True)
class Header:
    """Where a table's header ends and which column plays which role."""

    first_row: int
    data_row: int  # first row after the header
    roles: dict[str, int]  # role → column index


def classify_header(text: str) -> str | None:
    """One column's joined header text → its role, or None when it means nothing to us."""
    skel = skeleton(text).replace("(", "").replace(")", "")
    if not skel:
        return None
    if skel in _NO_HEADERS or skel.startswith("ลำดบ"):
        return "no"
    for role, keys in _RULES:
        if any(k in skel for k in keys):
            return role
    return None


def _roles(grid: Grid, start: int, depth: int) -> dict[str, int]:
    roles: dict[str, int] = {}
    for col in range(len(grid[start])):
        parts = [grid[r][col] for r in range(start, start + depth) if col < len(grid[r])]
        text = " ".join(p for i, p in enumerate(parts) if p not in parts[:i])
        role = classify_header(text)
        if role is not None and role not in roles:
            roles[role] = col
    return roles


def _is_usable(roles: dict[str, int]) -> bool:
    has_place = any(r in roles for r in PLACE_ROLES)
    # One readable count heading is enough: `fill_numeric_roles` places the others.
    return has_place and sum(r in roles for r in NUMERIC_ROLES) >= 1


def _is_title_row(row: list[str]) -> bool:
    """A merged title repeated across the sheet (or a lone line) is not a header row."""
    return len({v.strip() for v in row if v.strip()}) < 2


def find_header(grid: Grid, max_start: int = 12) -> Header | None:
    """The header rows (1–3 deep) at the top of a grid, with their column roles."""
    for start in range(min(max_start, len(grid))):
        if _is_title_row(grid[start]):
            continue
        for depth in (1, 2, 3):
            if start + depth > len(grid):
                break
            roles = _with_body_place(grid, start + depth, _roles(grid, start, depth))
            next_row = grid[start + depth] if start + depth < len(grid) else []
            if _is_usable(roles) and not _is_header_like(next_row):
                return Header(start, start + depth, fill_numeric_roles(grid, start, roles))
    return None


_BODY_SAMPLE = 12  # body rows looked at to find an unlabelled place column


def _with_body_place(grid: Grid, data_row: int, roles: dict[str, int]) -> dict[str, int]:
    """A place column whose heading OCR lost (a lone อำเภอ in a tall merged cell reads as
    nothing) is the free column left of the counts whose body cells are names, not numbers."""
    counts = [roles[r] for r in NUMERIC_ROLES if r in roles]
    if any(r in roles for r in PLACE_ROLES) or not counts:
        return roles
    body = grid[data_row:data_row + _BODY_SAMPLE]
    for col in range(min(counts)):
        if col in roles.values():
            continue
        names = [row[col] for row in body if col < len(row) and row[col].strip()]
        if len(names) >= 2 and sum(_is_name(v) for v in names) >= 0.6 * len(names):
            return {**roles, _place_role(names): col}
    return roles


def _is_name(text: str) -> bool:
    return parse_count(text) is None and len(re.findall("[ก-ฮ]", text)) >= 2


def _place_role(names: list[str]) -> str:
    """Province when most names are provinces as printed, else district (the usual form)."""
    from extractors.places import match_province

    hits = [match_province(n) for n in names]
    provinces = sum(h is not None and h.score >= 90 and not h.corrected for h in hits)
    return "province" if provinces >= 0.6 * len(names) else "district"


def _is_header_like(row: list[str]) -> bool:
    """A further header row (sub-headings such as จัดตั้งแล้ว / ยังไม่จัดตั้ง)."""
    return any(classify_header(cell) in NUMERIC_ROLES + ("no",) for cell in row)


def fill_numeric_roles(grid: Grid, start: int, roles: dict[str, int]) -> dict[str, int]:
    """A count column whose heading OCR could not read takes the free column where the
    standard form has it: total before established before not-established, right of the
    place column."""
    missing = [r for r in NUMERIC_ROLES if r not in roles]
    place = max((roles[r] for r in PLACE_ROLES if r in roles), default=-1)
    used = set(roles.values())
    width = max(len(r) for r in grid[start:start + 3])
    free = [c for c in range(place + 1, width) if c not in used]
    out = dict(roles)
    if "no" not in out and place > 0 and 0 not in used:
        out["no"] = 0  # the ที่ heading is one small word OCR often misses; it is first
    for role in missing:
        after = [out[r] for r in NUMERIC_ROLES[: NUMERIC_ROLES.index(role)] if r in out]
        before = [out[r] for r in NUMERIC_ROLES[NUMERIC_ROLES.index(role) + 1:] if r in out]
        fits = [c for c in free if c > max(after, default=-1) and c < min(before, default=width)]
        if fits:
            out[role] = fits[0]
            free.remove(fits[0])
    return out
