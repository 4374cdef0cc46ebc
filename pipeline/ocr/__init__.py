"""OCR: Tesseract, the page stage with its process pool and cache, deskew, and line and box re-reads."""
