"""DOCX → PDF with LibreOffice headless: the one wrapper around `soffice`.

soffice keeps a lock in its user profile, and building a fresh profile costs most of a
conversion (measured here: ~35 s fresh, ~12 s reused). So conversions share one profile per
user, taken in turn under a file lock: two callers (the CLI and the web app) wait for each
other instead of failing.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import SarabanError

_TIMEOUT = 180  # seconds, including the wait for another conversion and a first profile build
# Printed by LibreOffice's launcher on machines without Java; about the launcher, not the document.
_LAUNCHER_NOISE = ("javaldx",)


class ConversionError(SarabanError):
    """LibreOffice could not turn the draft into PDF. The DOCX is still written; open it and export by hand."""

    reason = "pdf_conversion_failed"
    message_th = "แปลงร่างหนังสือเป็น PDF ไม่สำเร็จ (ไฟล์ DOCX ยังใช้ได้ เปิดแล้วส่งออกเป็น PDF เอง)"


@dataclass(frozen=True)
class Converted:
    pdf: bytes
    warnings: str  # what soffice said about the document on stderr; empty when it opened cleanly


def soffice_available() -> bool:
    return shutil.which("soffice") is not None


def docx_to_pdf(docx: bytes, name: str = "draft") -> Converted:
    """Convert DOCX bytes; raises ConversionError when soffice is missing or fails."""
    if not soffice_available():
        raise ConversionError("soffice not found: install libreoffice-writer-nogui (scripts/setup.sh)")
    with tempfile.TemporaryDirectory(prefix="saraban-draft-") as tmp:
        work = Path(tmp)
        source = work / f"{name}.docx"
        source.write_bytes(docx)
        done = _run(work, source)
        target = work / f"{name}.pdf"
        if done.returncode != 0 or not target.is_file():
            raise ConversionError(f"soffice exited {done.returncode}: {done.stderr.strip()[-500:]}")
        return Converted(target.read_bytes(), document_warnings(done.stderr))


def document_warnings(stderr: str) -> str:
    """soffice's stderr without the launcher's own notices."""
    lines = [line for line in stderr.splitlines() if line.strip() and not any(n in line for n in _LAUNCHER_NOISE)]
    return "\n".join(lines)


def _profile() -> Path:
    return Path(tempfile.gettempdir()) / f"saraban-libreoffice-{os.getuid()}"


def _run(work: Path, source: Path) -> subprocess.CompletedProcess[str]:
    profile = _profile()
    profile.mkdir(parents=True, exist_ok=True)
    command = ["soffice", f"-env:UserInstallation=file://{profile / 'user'}", "--headless",
               "--convert-to", "pdf", "--outdir", str(work), str(source)]
    with open(profile / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one soffice per profile at a time
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as e:
            raise ConversionError(f"soffice took longer than {_TIMEOUT} s") from e
