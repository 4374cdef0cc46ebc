"""Born-digital Thai PDFs whose text layer says something other than the page shows, for tests.

A page is drawn from two strings of equal length: what the text layer says and what the glyphs
show. Where they differ, the character is drawn in a copy of a real Thai font (TLWG Laksaman,
derived from TH SarabunPSK, or another TLWG face) whose cmap fontTools altered so that the layer's code point draws
the shown character's glyph. reportlab writes the ToUnicode map from the code points it was
given, so pdfplumber reads the layer back exactly as broken as we made it, while the page
(rendered by pdfium) shows the true text. That is how the real exports go wrong: Word with TH
SarabunIT๙ (า↔ำ, Arabic digits drawn as Thai ones), iText (ำ dropped), TCPDF with a subset
font and a wrong ToUnicode map (ASCII where Thai is shown).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.ttLib import TTFont as ToolsFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pipeline.synth.fonts import font_path
from pipeline.thai.chars import to_arabic

FACE = "Laksaman"
SIZE = 16
LEADING = 26
_MARGIN = 56
_SERIAL = itertools.count()  # reportlab keeps a font by name for the process: each copy its own

# A letter as offices write them: ำ-rich words (สำนักงาน, อำนาจ, จำเป็น, ตำรวจ, ดำเนินการ, นำเสนอ),
# tone marks over upper vowels (ที่), and dates in Thai digits.
LETTER = (
    "ที่ ศธ ๐๔๐๑๗/ว ๑๒๓๔",
    "สำนักงานศึกษาธิการจังหวัดลำปาง",
    "๓๐ มิถุนายน ๒๕๖๕",
    "เรื่อง การดำเนินงานตามอำนาจหน้าที่ของสำนักงาน",
    "เรียน ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    "ด้วยกระทรวงศึกษาธิการมีความจำเป็นต้องกำหนดแนวทางการทำงาน",
    "ร่วมกับสำนักงานตำรวจแห่งชาติ เพื่อนำเสนอผลการดำเนินงานต่อคณะกรรมการ",
    "จึงขอให้หน่วยงานในสังกัดจัดทำรายงานตามแบบที่กำหนด",
    "และส่งให้สำนักงานภายในวันที่ ๑๘ กันยายน ๒๕๖๘",
    "โดยระบุชื่อและตำแหน่งของผู้รับผิดชอบ",
    "จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป",
    "ขอแสดงความนับถือ",
    "ผู้อำนวยการกลุ่มงานบริหารงานทั่วไป",
)


@dataclass(frozen=True)
class LayeredLine:
    """One line: `layer` is what the text layer says, `shown` what the glyphs draw (same length)."""

    layer: str
    shown: str

    def __post_init__(self) -> None:
        assert len(self.layer) == len(self.shown), (self.layer, self.shown)


def sound(lines: tuple[str, ...]) -> list[LayeredLine]:
    return [LayeredLine(line, line) for line in lines]


def word_style(lines: tuple[str, ...], aa_as_am_lines: int = 5) -> list[LayeredLine]:
    """Word with TH SarabunIT๙: digits typed as Arabic and drawn as Thai; a tone mark written
    before its vowel (ท่ี); in the heading (one font subset) every า written as ำ (สำนักงำน),
    in the body (another) every ำ written as า (ตาแหน่ง)."""
    out = []
    for i, line in enumerate(lines):
        layer = to_arabic(re.sub("([\u0e34-\u0e37])([\u0e48-\u0e4b])", r"\2\1", line))
        layer = layer.replace("า", "ำ") if i < aa_as_am_lines else layer.replace("ำ", "า")
        out.append(LayeredLine(layer, line))
    return out


def itext_style(lines: tuple[str, ...]) -> list[LayeredLine]:
    """iText: every ำ comes out as า (อานาจ, จาเป็น, ตารวจ); digits as printed."""
    return [LayeredLine(line.replace("ำ", "า"), line) for line in lines]


def wrong_tounicode(lines: tuple[str, ...]) -> list[LayeredLine]:
    """TCPDF with a subset font: each glyph's code is its place in the subset, and the ToUnicode
    map says that code is ASCII (`%0%211>`). Spaces stay spaces."""
    codes: dict[str, str] = {}
    out = []
    for line in lines:
        layer = "".join(c if c == " " else codes.setdefault(c, chr(0x21 + len(codes))) for c in line)
        out.append(LayeredLine(layer, line))
    return out


@dataclass
class _Fonts:
    """The true face and as many altered copies as the page's (layer → shown) pairs need: a copy
    maps each layer code point to one shown glyph, so a second mapping of it needs another copy."""

    folder: Path
    face: str
    aliases: list[dict[str, str]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def name_for(self, layer: str, shown: str) -> str:
        if layer == shown:
            return self.face
        for table, name in zip(self.aliases, self.names, strict=True):
            if table.setdefault(layer, shown) == shown:
                return name
        self.aliases.append({layer: shown})
        self.names.append(f"{self.face}Alias{next(_SERIAL)}")
        return self.names[-1]

    def register(self) -> None:
        pdfmetrics.registerFont(TTFont(self.face, str(font_path(self.face))))
        for table, name in zip(self.aliases, self.names, strict=True):
            path = aliased_font(font_path(self.face), table, name, self.folder / f"{name}.ttf")
            pdfmetrics.registerFont(TTFont(name, str(path)))


def aliased_font(source: Path, aliases: dict[str, str], name: str, out: Path) -> Path:
    """A copy of `source`, named `name`, whose cmap draws the glyph of `shown` for each `layer`
    code point (renamed: reportlab keeps one font per face name)."""
    font = ToolsFont(str(source))
    glyph_of = dict(font.getBestCmap())  # read once: subtables may share one mapping
    for table in font["cmap"].tables:
        if table.isUnicode():
            for layer, shown in aliases.items():
                table.cmap[ord(layer)] = glyph_of[ord(shown)]
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6):
            record.string = name
    font.save(str(out))
    return out


def _runs(line: LayeredLine, fonts: _Fonts) -> list[tuple[str, str]]:
    """(font name, layer text) runs of consecutive characters drawn in the same font."""
    runs: list[tuple[str, str]] = []
    for layer, shown in zip(line.layer, line.shown, strict=True):
        name = fonts.name_for(layer, shown)
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + layer)
        else:
            runs.append((name, layer))
    return runs


def save_layered_pdf(pages: list[list[LayeredLine]], path: Path, face: str = FACE) -> Path:
    """One PDF page per list of lines, drawn from the top of an A4 page in `face` (a TLWG file stem)."""
    fonts = _Fonts(path.parent, face)
    laid = [[_runs(line, fonts) for line in page] for page in pages]
    fonts.register()
    canvas = Canvas(str(path), pagesize=(595, 842))
    for page in laid:
        for row, runs in enumerate(page):
            text = canvas.beginText(_MARGIN, 842 - _MARGIN - row * LEADING)
            for name, chunk in runs:
                text.setFont(name, SIZE)
                text.textOut(chunk)
            canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    return path
