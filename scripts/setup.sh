#!/usr/bin/env bash
# Everything a fresh Debian machine needs, idempotent: system packages, Python env, the project.
# Usage: scripts/setup.sh            (install only)
# Called by ./saraban-run and ./saraban-test.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng   # OCR engine + Thai/English models
  tesseract-ocr-osd                                   # orientation model: pages scanned sideways or upside down
  libtesseract-dev libleptonica-dev pkg-config g++    # tesserocr is built against this libtesseract: OCR in-process, same engine as the program
  fonts-thai-tlwg                                     # Laksaman (≈ TH Sarabun), Garuda, Norasi…: test pages, demo files, district-name ink check
  fonts-noto-core                                     # Noto Sans Thai: a non-TLWG face the numeral tests and benchmarks read
  poppler-utils                                       # pdftoppm/pdftotext: benchmarks and workbook checks
  libreoffice-calc-nogui                              # headless check that the XLSX export opens and renders Thai
  libreoffice-writer-nogui                            # `saraban draft`: the drafted DOCX → PDF (soffice --headless)
  qpdf                                                # tests make password-protected PDFs; operators decrypt with it
  chromium                                            # headless browser: tests of the web app and of the Prefect UI (driven by Playwright)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet uv
fi
# uv.lock pins every Python package (Prefect 3.8.8 with a FastAPI it imports under, offline).
# Bytecode compiled at install: uv does not by default, and where PYTHONDONTWRITEBYTECODE is set
# (containers, CI) every run would compile Prefect from source again, in `saraban` and in its
# Prefect server alike: about 10 s of CPU per run (issue F11).
uv sync --frozen --extra dev --quiet --compile-bytecode
