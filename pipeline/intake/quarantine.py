"""quarantine/: a copy of each file that could not be processed, with <name>.error.json beside it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pipeline.errors import SarabanError
from pipeline.intake.raw_store import atomic_copy


def quarantine_file(source: Path, quarantine_dir: Path, file_id: str, error: SarabanError) -> Path:
    """Copy (never move: the inbox copy goes only after the database commit) and explain why."""
    target = quarantine_dir / source.name
    atomic_copy(source, target)
    report = {
        "file": source.name,
        "file_id": file_id,
        "reason": error.reason,
        "message_en": error.message,
        "message_th": error.message_th,
        "page": error.page,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    error_path = quarantine_dir / f"{source.name}.error.json"
    tmp = error_path.with_name(f".tmp-{error_path.name}")
    tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(error_path)
    return error_path
