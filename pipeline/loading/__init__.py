"""Loaders: a file on disk → a Document of pages (text layer, page images to OCR, or sheet grids)."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Settings
from pipeline.errors import SarabanError, TooLargeError
from pipeline.intake.detect import detect_media
from pipeline.loading.image import load_image
from pipeline.loading.pdf import load_pdf
from pipeline.loading.xlsx import load_xlsx
from pipeline.records import Document

_LOADERS = {"pdf": load_pdf, "image": load_image, "xlsx": load_xlsx}


def load_document(path: Path, file_id: str, settings: Settings, source_name: str = "") -> Document:
    """Detect the kind by content and load it; raises a SarabanError subclass on bad input."""
    try:
        return _load(path, file_id, settings, source_name or path.name)
    except SarabanError as e:
        # We read the raw/<sha> copy; the operator knows the file by the name it was dropped as.
        e.args = (str(e).replace(path.name, source_name or path.name),)
        raise


def _load(path: Path, file_id: str, settings: Settings, source_name: str) -> Document:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLargeError(f"{path.name} is {size} bytes; the limit is {settings.max_bytes}")
    media = detect_media(path)
    pages = _LOADERS[media](path, settings)
    return Document(file_id=file_id, source_name=source_name, media=media, pages=pages)
