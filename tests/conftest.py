"""Shared fixtures. Paths are anchored to this file, never to the working directory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"
SEEDS = SHARED / "seeds"


@pytest.fixture
def home(tmp_path: Path):
    from pipeline.home import home_at

    return home_at(tmp_path / "home")


@pytest.fixture
def settings(monkeypatch):
    from pipeline.config import load_settings

    monkeypatch.setenv("SARABAN_STABLE_SECONDS", "0")
    return load_settings()


def sample_truth() -> dict[str, dict]:
    return {json.loads(p.read_text(encoding="utf-8"))["file"]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((SAMPLES / "truth").glob("*.json"))}


def copy_samples(inbox: Path, names: list[str] | None = None) -> list[Path]:
    inbox.mkdir(parents=True, exist_ok=True)
    sources = sorted((SAMPLES / "inbox").iterdir())
    return [Path(shutil.copy2(p, inbox / p.name)) for p in sources if names is None or p.name in names]


def run_cli(*args: str, home: Path, timeout: int = 900, check: bool = True, env: dict | None = None):
    """Run the installed `saraban` console script as a user would."""
    import os
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("saraban")
    environment = {**os.environ, "SARABAN_STABLE_SECONDS": "0", **(env or {})}
    result = subprocess.run([str(exe), *args, "--home", str(home)], capture_output=True, text=True,
                            timeout=timeout, env=environment)
    if check and result.returncode != 0:
        raise AssertionError(f"saraban {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory) -> Path:
    """All sample inbox files ingested once through `saraban ingest` (shared by e2e tests)."""
    home = tmp_path_factory.mktemp("samples") / "home"
    copy_samples(home / "inbox")
    run_cli("ingest", "--quiet", home=home)
    return home


@pytest.fixture(scope="session")
def sample_export(sample_home: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    run_cli("export", "--format", "csv", "--out", str(out), home=sample_home)
    return out
