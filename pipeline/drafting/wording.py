"""Templates → wording: a Jinja2 text template rendered into named sections of paragraphs.

Templates are text files an office edits (templates/*.j2, or a copy in `<home>/templates/`,
which wins). A section starts with a `## name` line; blank lines separate its paragraphs and
the lines of one paragraph are joined with a space. A section of `key: text` lines is read as
a table of words (column headings, remarks) by `Sections.pairs`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from pipeline.drafting.blanks import BLANK
from pipeline.drafting.thai_format import thai_date, thai_month, thai_number
from pipeline.thai.chars import to_thai

PACKAGE_TEMPLATES = Path(__file__).with_name("templates")
_HEADING = re.compile(r"^##\s+(.+?)\s*$")


@dataclass(frozen=True)
class Sections:
    """A rendered template: section name → paragraphs (each one line of text)."""

    parts: dict[str, list[str]]

    def paragraphs(self, name: str) -> list[str]:
        return self.parts.get(name, [])

    def text(self, name: str) -> str:
        """The section as one line (its paragraphs joined)."""
        return " ".join(self.paragraphs(name))

    def lines(self, name: str) -> list[str]:
        return [line for p in self.paragraphs(name) for line in p.split("\n")]

    def pairs(self, name: str) -> dict[str, str]:
        """`key: text` lines of a section (a paragraph's lines are kept apart here)."""
        return dict(_pair(line) for line in self.lines(name) if ":" in line)


def _pair(line: str) -> tuple[str, str]:
    key, _, text = line.partition(":")
    return key.strip(), text.strip()


def render_sections(name: str, context: dict, search: Sequence[Path] = ()) -> Sections:
    """Render template `name` (first found in `search`, then the package's) into sections."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*map(str, search), str(PACKAGE_TEMPLATES)]),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, autoescape=False,
    )
    env.filters.update(th=_th, thdate=_thdate, thmonth=_thmonth, num=_num, nb=_unbroken)
    return parse_sections(env.get_template(name).render(**context))


def parse_sections(text: str) -> Sections:
    parts: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = parts.setdefault(heading.group(1), [[]])
        elif current is not None:
            _add_line(current, line.strip())
    return Sections({k: [_paragraph(p) for p in v if p] for k, v in parts.items()})


def _add_line(paragraphs: list[list[str]], line: str) -> None:
    if not line:
        if paragraphs[-1]:
            paragraphs.append([])
        return
    paragraphs[-1].append(line)


def _paragraph(lines: list[str]) -> str:
    """Lines joined with one space; `key: text` lines stay lines (see `Sections.pairs`)."""
    if all(re.match(r"^[\w-]+:\s", line) for line in lines):
        return "\n".join(lines)
    return re.sub("[ \t]+", " ", " ".join(lines)).strip()  # not str.split(): it would eat the no-break spaces


def _th(value: object) -> str:
    return to_thai("" if value is None else str(value))


def _thdate(value: object) -> str:
    return thai_date(value) if isinstance(value, dt.date) else _th(value)


def _thmonth(value: object) -> str:
    if isinstance(value, dt.date):
        return thai_month(f"{value.year:04d}-{value.month:02d}")
    return thai_month(value) if isinstance(value, str) and re.match(r"^\d{4}-\d{2}$", value) else _th(value)


def _unbroken(value: object) -> str:
    """Spaces that must not break a line (a document number: มท ๐๘๑๐.๗/ว ๔๓๕)."""
    return str(value).replace(" ", "\u00a0")


def _num(value: object) -> str:
    return value if isinstance(value, str) else (thai_number(value) or BLANK)
