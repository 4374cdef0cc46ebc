"""Photos and scans: PNG, JPEG, TIFF (every frame of a multi-page TIFF)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence

from pipeline.config import Settings
from pipeline.errors import CorruptImageError, TooLargeError
from pipeline.records import Page

_DEFAULT_DPI = 300  # phone photos carry no resolution; their pages are roughly that sharp


def load_image(path: Path, settings: Settings) -> list[Page]:
    Image.MAX_IMAGE_PIXELS = settings.max_pixels  # PIL refuses decompression bombs above this
    try:
        with Image.open(path) as image:
            return _frames(image, settings)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise TooLargeError(f"{path.name}: image exceeds {settings.max_pixels} pixels") from e
    except (OSError, SyntaxError, ValueError) as e:
        raise CorruptImageError(f"{path.name}: {e}") from e


def _frames(image: Image.Image, settings: Settings) -> list[Page]:
    pages: list[Page] = []
    for index, frame in enumerate(ImageSequence.Iterator(image)):
        if index >= settings.max_pages:
            raise TooLargeError(f"more than {settings.max_pages} frames")
        if frame.width * frame.height > settings.max_pixels:
            raise TooLargeError(f"frame {index + 1} exceeds {settings.max_pixels} pixels")
        # A copy the page owns: np.asarray of a PIL image is read-only, and later stages clean
        # pixels in place (a stamp box read alone), which failed on a JPEG no deskew had copied.
        gray = np.array(ImageOps.exif_transpose(frame).convert("L"))
        dpi = int(round(frame.info.get("dpi", (_DEFAULT_DPI,))[0] or _DEFAULT_DPI))
        pages.append(Page(number=index + 1, source="ocr", image=np.ascontiguousarray(gray),
                          width=gray.shape[1], height=gray.shape[0], dpi=max(dpi, 72)))
    return pages
