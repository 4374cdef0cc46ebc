"""Page images re-rendered from the archived original in raw/, and a report row's place on them.

The dataset keeps no pixels. A PDF page or a scan is rendered again with the loaders' own tools
(pypdfium2 via pipeline.loading.pdf, Pillow as pipeline.loading.image) into the coordinates its
stored word boxes use: a text-layer page in PDF points, an OCR'd page at its stored dpi and
deskewed exactly as the OCR stage did, so the boxes fall on the same pixels. PNGs are cached
under processed/cache/web/pages/ by file, page and width.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
from PIL import Image, ImageOps, ImageSequence

from pipeline.loading.pdf import open_pdf
from pipeline.ocr.deskew import deskew
from web.rowbox import Box, locate_row
from web.ruledrows import cached_bands, row_band

DISPLAY_WIDTH = 1400


@dataclass(frozen=True)
class PageInfo:
    file_id: str
    page: int
    media: str  # pdf | image | xlsx
    source: str  # text_layer | ocr | sheet
    raw_path: Path
    width: int  # the word boxes' coordinate space
    height: int
    dpi: int
    words: list[dict]
    sheet_name: str


def page_info(conn: duckdb.DuckDBPyConnection, root: Path, file_id: str, page: int) -> PageInfo | None:
    found = conn.execute("""
        SELECT p.source, p.width, p.height, p.dpi, p.words, p.sheet_name, f.media, f.raw_path
        FROM pages p JOIN (SELECT file_id, any_value(media) AS media, any_value(raw_path) AS raw_path
                           FROM files WHERE status IN ('processed', 'partial') GROUP BY file_id) f USING (file_id)
        WHERE p.file_id = ? AND p.page = ?""", [file_id, page]).fetchone()
    if found is None or not found[7]:
        return None
    source, width, height, dpi, words, sheet, media, raw = found
    return PageInfo(file_id, page, media or "", source or "", root / raw, width or 0, height or 0, dpi or 0,
                    json.loads(words or "[]"), sheet or "")


def has_image(info: PageInfo) -> bool:
    return info.media in ("pdf", "image") and info.raw_path.exists()


def render(info: PageInfo) -> Image.Image:
    """The page in its word boxes' coordinates (see module docstring)."""
    if info.media == "pdf":
        gray = _pdf_page(info.raw_path, info.page, info.dpi if info.source == "ocr" else 72)
    else:
        gray = _image_frame(info.raw_path, info.page)
    if info.source == "ocr":
        gray = Image.fromarray(deskew(np.asarray(gray))[0])
    return gray


def _pdf_page(path: Path, number: int, dpi: int) -> Image.Image:
    pdf = open_pdf(path)
    try:
        scale = max(dpi, 72) / 72 * (2 if dpi <= 72 else 1)  # text-layer pages: twice as sharp, same aspect
        return pdf[number - 1].render(scale=scale, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def _image_frame(path: Path, number: int) -> Image.Image:
    with Image.open(path) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index == number - 1:
                return ImageOps.exif_transpose(frame).convert("L")
    raise FileNotFoundError(f"{path.name} has no frame {number}")


def page_png(info: PageInfo, cache_dir: Path, width: int = DISPLAY_WIDTH) -> bytes:
    """The page as PNG, at most `width` pixels wide; cached."""
    target = cache_dir / "pages" / f"{info.file_id}-{info.page}-{width}.png"
    if target.exists():
        return target.read_bytes()
    image = render(info)
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    data = _png(image)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{id(data)}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)  # atomic: a concurrent reader sees the whole PNG or none
    return data


def row_crop_png(info: PageInfo, box: Box, cache_dir: Path) -> bytes:
    """The row's band of the page, full page width, a little margin above and below."""
    page = Image.open(io.BytesIO(page_png(info, cache_dir)))
    factor = page.width / info.width
    band = box.scaled(factor).padded(12, page.width, page.height)
    return _png(page.crop((0, int(band.top), page.width, int(band.bottom) + 1)))


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def row_box(info: PageInfo, row: dict, cache_dir: Path) -> Box | None:
    """The row's line among the page's words, else (scans) its band in the page's ruled table."""
    raw = row.get("raw_cells")
    cells = json.loads(raw) if isinstance(raw, str) else (raw or {})
    found = locate_row(info.words, {k: str(v) for k, v in cells.items()}) if info.words else None
    if found is None and info.source == "ocr" and info.raw_path.exists():
        cache = cache_dir / "grids" / f"{info.file_id}-{info.page}.json"
        bands = cached_bands(cache, lambda: np.asarray(render(info)))
        found = row_band(bands, int(row["table_index"]), int(row["row_index"]))
    return found


def outline_style(info: PageInfo, box: Box) -> str:
    """CSS placing the outline over the image in percent, so it holds at any display size."""
    b = box.padded(4, info.width, info.height)
    return (f"left:{100 * b.left / info.width:.2f}%;top:{100 * b.top / info.height:.2f}%;"
            f"width:{100 * (b.right - b.left) / info.width:.2f}%;height:{100 * (b.bottom - b.top) / info.height:.2f}%")
