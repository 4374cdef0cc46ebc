"""Font files for the generators: one lookup, so every synthetic page, table and digit is drawn
with a face that is really installed (a silent fontconfig fallback would draw tofu or Latin)."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

# Where Debian puts TLWG's Thai faces (fonts-thai-tlwg) and Google's Noto (fonts-noto-core).
FONT_DIRS = (Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/truetype/noto"))


@functools.lru_cache(maxsize=64)
def font_path(family: str = "Laksaman") -> Path:
    """The file fontconfig picks for `family` (a pattern such as `Purisa:bold`), or for a file stem
    such as `Laksaman-Bold` / `NotoSansThai-Regular`; fails loudly rather than fall back."""
    for folder in FONT_DIRS:
        if (folder / f"{family}.ttf").exists():
            return folder / f"{family}.ttf"
    found = subprocess.run(["fc-match", "-f", "%{file}|%{family}", family],
                           capture_output=True, text=True, check=True, timeout=10).stdout
    path, families = found.split("|", 1)
    if family.split(":")[0].lower() not in families.lower():
        raise FileNotFoundError(f"font {family!r} is not installed (apt-get install fonts-thai-tlwg fonts-noto-core)")
    return Path(path)


def installed(names: tuple[str, ...]) -> tuple[str, ...]:
    """The font file stems among `names` that are installed."""
    return tuple(n for n in names if any((d / f"{n}.ttf").exists() for d in FONT_DIRS))
