"""Settings read once at the edge (environment `SARABAN_*`), then passed inward frozen."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SARABAN_", frozen=True)

    home: Path = Field(Path("data"), description="Folder holding inbox/, raw/, processed/, quarantine/")
    dpi: int = Field(300, ge=100, le=600, description="Rasterisation resolution for OCR")
    ocr_workers: int = Field(0, ge=0, le=64, description="Parallel Tesseract processes; 0 = one per core")
    ocr_timeout: int = Field(180, ge=10, le=3600, description="Seconds before one page's OCR is abandoned")
    stable_seconds: float = Field(2.0, ge=0, le=600, description="A dropped file must not change for this long")
    max_pages: int = Field(500, ge=1, le=100_000, description="Files with more pages are quarantined (too_large)")
    max_pixels: int = Field(60_000_000, ge=1_000_000, description="Per page/image pixel cap (decompression bombs)")
    max_bytes: int = Field(300 * 1024 * 1024, ge=1024, description="Largest accepted file in bytes")
    languages: str = Field("tha+eng", description="Tesseract language string")
    batch_files: int = Field(20, ge=1, le=10_000,
                             description="Publish the dataset after this many finished files (a crash keeps them)")
    batch_seconds: float = Field(300.0, ge=0, le=86_400,
                                 description="…or once the oldest unpublished finished file is this old")
    nightly_cron: str = Field("0 1 * * *", min_length=9, max_length=100,
                              description="`saraban serve`: when the nightly full run starts (cron, in `timezone`)")
    poll_seconds: int = Field(60, ge=1, le=86_400,
                              description="`saraban serve`: how often the inbox is checked for new files")
    timezone: str = Field("Asia/Bangkok", description="`saraban serve`: IANA time zone of nightly_cron")
    cluster: str = Field("", max_length=500,
                         description="Dask scheduler (tcp://HOST:8786) running the per-file work; empty: here")

    @property
    def workers(self) -> int:
        return self.ocr_workers or max(1, os.cpu_count() or 1)


def load_settings(home: Path | None = None) -> Settings:
    """Environment first; an explicit --home wins over SARABAN_HOME."""
    settings = Settings()
    if home is not None:
        settings = settings.model_copy(update={"home": Path(home)})
    return settings
