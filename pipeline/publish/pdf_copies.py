"""Searchable PDF copies for staff (`saraban export --format pdf`): the original pages, with an
invisible text layer holding Saraban's text, so Ctrl-F finds a number as Saraban read it.

Design. Stock OCR layers (a scanner's, or `ocrmypdf` run alone) hold Tesseract's text, which
cannot write ๔ ๖ ๗ ๘ ๙ and reads boxed tables poorly; the dataset holds better readings, with
their places, so the copy is built from the dataset and the archived original, never by OCR again:

- Each processed PDF or image file gives one PDF, named as the file was dropped with its
  extension made `.pdf` (`ตาก/img018.jpg` → `OUT/ตาก/img018.pdf`). Excel files give none.
- The pages are the original's: a PDF is opened from `raw/` and saved to the copy (page content
  untouched), images become pages losslessly with img2pdf, at the dpi Saraban read them at.
- A page whose own text layer Saraban used (`pages.text_source` `text_layer` or `repaired`) is
  already searchable and is kept as it is. Every OCR'd page gets a layer (layer_text.py): the
  stored words, their digits as the numeral reader re-read them, and each ruled table's cells as
  read cell by cell, at their boxes. Digits are written in the script the page prints them in
  (pipeline.numerals.script judges each number from its pixels), so ๔๓๕ is found as ๔๓๕.
- Boxes are in the pixels Saraban read (turned upright, deskewed); page_frame.py finds that
  turn and angle again and maps each box back onto the original page.
- Bad input never stops the export: a file whose original is missing or cannot be read is listed
  with the reason and skipped. Originals are only read; each copy is written to a temporary file
  and renamed into place.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import duckdb
import numpy as np
import pikepdf
from PIL import Image, ImageOps, ImageSequence

from pipeline.loading.pdf import open_pdf
from pipeline.numerals.api import default_reader
from pipeline.numerals.script import printed_in_thai_digits
from pipeline.publish.layer_text import Line, Token, page_lines, parse_box
from pipeline.publish.page_frame import PageFrame, find_frame
from pipeline.publish.text_layer_pdf import LayerPage, images_to_pdf, overlay, render_layers
from pipeline.thai.chars import to_thai

_KEPT_SOURCES = ("text_layer", "repaired")  # pages whose own text layer Saraban used


@dataclass(frozen=True)
class SourceFile:
    file_id: str
    media: str  # pdf | image
    raw: Path
    names: list[str]  # as dropped; one copy per name


@dataclass(frozen=True)
class StoredPage:
    number: int
    source: str
    width: int
    height: int
    dpi: int
    image_sha: str
    words: list[dict]
    tables: list[tuple[float, float, float, float]]
    cells: list[tuple[str, tuple[float, float, float, float]]]


@dataclass(frozen=True)
class PdfCopy:
    """What happened to one dropped name: written (path), or skipped (problem)."""

    source_name: str
    path: Path | None = None
    layered: int = 0  # pages given Saraban's text layer
    kept: int = 0  # pages kept with their own text layer
    unverified: int = 0  # layered pages whose turn/deskew could not be confirmed
    problem: str = ""


def export_pdfs(conn: duckdb.DuckDBPyConnection, root: Path, out_dir: Path) -> list[PdfCopy]:
    """A searchable copy of every processed PDF and image file (see module doc)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[PurePosixPath] = set()
    return [copy for source in _source_files(conn, root) for copy in _export_one(conn, source, out_dir, taken)]


def output_name(source_name: str) -> PurePosixPath | None:
    """`ตาก/img018.jpg` → `ตาก/img018.pdf`; None for a name that would leave the output folder."""
    path = PurePosixPath(source_name)
    if path.is_absolute() or any(part in ("", ".", "..") for part in path.parts) or not path.stem:
        return None
    return path.with_name(f"{path.stem}.pdf") if path.suffix else path.with_name(f"{path.name}.pdf")


def _source_files(conn: duckdb.DuckDBPyConnection, root: Path) -> list[SourceFile]:
    rows = conn.execute("""
        SELECT file_id, any_value(media), any_value(raw_path), list(source_name ORDER BY source_name)
        FROM files WHERE status IN ('processed', 'partial') AND media IN ('pdf', 'image')
        GROUP BY file_id ORDER BY min(source_name)""").fetchall()
    return [SourceFile(fid, media, root / (raw or ""), list(names)) for fid, media, raw, names in rows]


def _export_one(conn: duckdb.DuckDBPyConnection, source: SourceFile, out_dir: Path,
                taken: set[PurePosixPath]) -> list[PdfCopy]:
    if not source.raw.is_file():
        return [PdfCopy(n, problem=f"original missing in raw/: {source.raw}") for n in source.names]
    try:
        data, counts = _build(source, _stored_pages(conn, source.file_id))
    except Exception as e:  # noqa: BLE001 - nothing a file holds may stop the export
        return [PdfCopy(n, problem=f"original unreadable ({type(e).__name__}: {e})") for n in source.names]
    return [_write(name, source.file_id, data, counts, out_dir, taken) for name in source.names]


def _write(name: str, file_id: str, data: bytes, counts: tuple[int, int, int], out_dir: Path,
           taken: set[PurePosixPath]) -> PdfCopy:
    relative = output_name(name)
    if relative is None:
        return PdfCopy(name, problem="the name would leave the output folder")
    if relative in taken:  # a.jpg and a.png: the second keeps its file id in its name
        relative = relative.with_name(f"{relative.stem}-{file_id[:12]}.pdf")
    taken.add(relative)
    target = out_dir / relative
    try:
        _write_atomic(target, data)
    except OSError as e:  # a full disk or a name the file system refuses: said, the rest go on
        return PdfCopy(name, problem=f"could not write {target}: {e.strerror or e}")
    return PdfCopy(name, target, *counts)


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _stored_pages(conn: duckdb.DuckDBPyConnection, file_id: str) -> dict[int, StoredPage]:
    tables: dict[int, list] = {}
    for page, bbox in conn.execute("SELECT page, bbox FROM page_tables WHERE file_id = ?", [file_id]).fetchall():
        tables.setdefault(page, []).append(parse_box(bbox))
    cells: dict[int, list] = {}
    for page, text, bbox in conn.execute(
            "SELECT page, text, bbox FROM table_cells WHERE file_id = ? AND coalesce(text, '') <> ''"
            ' ORDER BY page, table_index, "row", col', [file_id]).fetchall():
        cells.setdefault(page, []).append((text, parse_box(bbox)))
    rows = conn.execute("""SELECT page, coalesce(text_source, source), width, height, dpi, image_sha, words
                           FROM pages WHERE file_id = ? ORDER BY page""", [file_id]).fetchall()
    return {p: StoredPage(p, src or "", w or 0, h or 0, dpi or 300, sha or "", json.loads(words or "[]"),
                          tables.get(p, []), cells.get(p, [])) for p, src, w, h, dpi, sha, words in rows}


def _build(source: SourceFile, stored: dict[int, StoredPage]) -> tuple[bytes, tuple[int, int, int]]:
    """The copy's bytes, and (pages layered, pages kept, layered pages unverified)."""
    base = pikepdf.open(source.raw) if source.media == "pdf" else _image_pdf(source.raw, stored)
    with base:
        layers, unverified = [], 0
        for number, raster in _rasters(source, stored):
            page, verified = _layer_page(stored[number], raster)
            layers.append(page)
            unverified += not verified
        if layers:
            _lay_on(base, layers)
        out = io.BytesIO()
        base.save(out)
    kept = sum(1 for p in stored.values() if p.source in _KEPT_SOURCES)
    return out.getvalue(), (len(layers), kept, unverified)


def _lay_on(base: pikepdf.Pdf, layers: list[LayerPage]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "layer.pdf"
        render_layers(layers, path)
        with pikepdf.open(path) as layer:
            overlay(base, layer, [p.number for p in layers])


def _rasters(source: SourceFile, stored: dict[int, StoredPage]) -> Iterator[tuple[int, np.ndarray]]:
    """Each OCR'd page as the loader rasterised it (pipeline.loading), by page number."""
    wanted = {n for n, p in stored.items() if p.source not in _KEPT_SOURCES}
    if source.media == "pdf":
        pdf = open_pdf(source.raw)
        try:
            for n in sorted(wanted):
                image = pdf[n - 1].render(scale=stored[n].dpi / 72, grayscale=True).to_numpy()
                yield n, np.ascontiguousarray(image if image.ndim == 2 else image[..., 0])
        finally:
            pdf.close()
        return
    for n, frame in _frames(source.raw):
        if n in wanted:
            yield n, np.asarray(frame.convert("L"))


def _frames(path: Path) -> Iterator[tuple[int, Image.Image]]:
    with Image.open(path) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            yield index + 1, ImageOps.exif_transpose(frame)


def _image_pdf(path: Path, stored: dict[int, StoredPage]) -> pikepdf.Pdf:
    """Pages from the image's frames, upright as Saraban read them, at their stored dpi."""
    single_jpeg = _is_plain_jpeg(path)
    frames, dpis = [], []
    for n, frame in _frames(path):
        frames.append(path.read_bytes() if single_jpeg else _png(frame))
        dpis.append(stored[n].dpi if n in stored else 300)
    return images_to_pdf(frames, dpis)


def _is_plain_jpeg(path: Path) -> bool:
    """A one-frame JPEG with no EXIF turn can be embedded byte for byte."""
    with Image.open(path) as image:
        turned = image.getexif().get(0x0112, 1) not in (1, None)
        return image.format == "JPEG" and getattr(image, "n_frames", 1) == 1 and not turned


def _png(frame: Image.Image) -> bytes:
    keep = frame if frame.mode in ("1", "L", "RGB") else frame.convert("RGB")  # img2pdf refuses alpha
    out = io.BytesIO()
    keep.save(out, format="PNG")
    return out.getvalue()


def _layer_page(page: StoredPage, raster: np.ndarray) -> tuple[LayerPage, bool]:
    frame = find_frame(raster, page.image_sha, page.width, page.height)
    lines = [_digits_as_printed(line, frame) for line in page_lines(page.words, page.cells, page.tables)]
    placed = [line.with_tokens([Token(t.text, frame.to_source(t.box)) for t in line.tokens]) for line in lines]
    return LayerPage(page.number, raster.shape[1], raster.shape[0], page.dpi, placed), frame.verified


def _digits_as_printed(line: Line, frame: PageFrame) -> Line:
    """The line's numbers in Thai digits when the page prints them so: judged once per line (a
    cell, or a line of words) from the pixels where its digits are."""
    if line.digits_box is None:
        return line
    x0, y0, x1, y1 = (int(round(v)) for v in line.digits_box)
    crop = frame.straight[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
    if not printed_in_thai_digits(default_reader().model, crop):
        return line
    return line.with_tokens([Token(to_thai(t.text), t.box) for t in line.tokens])
