"""What kind of file is this? By its bytes, not its name (scanners and staff misname files)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from pipeline.errors import EmptyFileError, UnsupportedTypeError

Media = Literal["pdf", "image", "xlsx"]

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")


def detect_media(path: Path) -> Media:
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head:
        raise EmptyFileError(f"{path.name} has 0 bytes")
    if b"%PDF" in _read_start(path, 1024):
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK") and _is_xlsx(path):
        return "xlsx"
    raise UnsupportedTypeError(f"{path.name}: not a PDF, PNG/JPEG/TIFF image or .xlsx workbook")


def _read_start(path: Path, size: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def _is_xlsx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
