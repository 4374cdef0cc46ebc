"""One file's letter lines before and after the `letter_numbers` stage, and its letters' digit
fields: a check in seconds of a change to pipeline/ocr/digit_reread.py or extractors/number_lines.py,
where a scored run of a whole corpus takes minutes (and offline scoring of stored page texts
cannot show a pixel change).

The stages before it run as in `flows.process`, Tesseract's readings from an OCR cache shared
with benchmarks/corpus.py (`--ocr-cache`). `--line ID` also saves the first page's crop of that
line (its tokens' box) as a PNG, and prints its tokens.

    .venv/bin/python benchmarks/letter_numbers.py FILE [--ocr-cache DIR] [--line ID --png OUT]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.number_lines import header_number_line_ids, stamp_line_ids  # noqa: E402
from flows import process  # noqa: E402
from pipeline.config import load_settings  # noqa: E402
from pipeline.loading import load_document  # noqa: E402
from pipeline.ocr.lines import lines_of  # noqa: E402
from pipeline.ocr.tesseract import text_from_tokens  # noqa: E402
from pipeline.records import Document, PageError  # noqa: E402

FIELDS = ("doc_number", "circular", "date", "received_number", "received_date", "flags")


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--ocr-cache", type=Path, default=Path("/tmp/ocrcache"))
    parser.add_argument("--line", type=int, help="a line id whose crop to save (first page)")
    parser.add_argument("--png", type=Path, default=Path("line.png"))
    return parser.parse_args(argv)


def named_lines(doc: Document) -> dict[tuple[int, int], str]:
    """(page, line id) → text of every line the stage re-reads."""
    out = {}
    for page in doc.pages:
        if page.words:
            lines = lines_of(page.words)
            for line in header_number_line_ids(page) + stamp_line_ids(page):
                out[(page.number, line)] = text_from_tokens(lines.get(line, []))
    return out


def run(path: Path, cache: Path) -> tuple[Document, list[PageError]]:
    """The file through every reading stage, printing the named lines around `letter_numbers`."""
    settings = load_settings()
    doc = load_document(path, "letter-numbers-check", settings, path.name)
    failures: list[PageError] = []
    before: dict[tuple[int, int], str] = {}
    for stage, step in process.reading_stages(settings, cache):
        if stage == "letter_numbers":
            before = named_lines(doc)
        doc = process.isolated(stage, step, doc, failures, fallback=doc)
        if stage == "letter_numbers":
            _print_changes(before, doc)
    return doc, failures


def _print_changes(before: dict[tuple[int, int], str], doc: Document) -> None:
    for page in doc.pages:
        lines = lines_of(page.words)
        for (number, line), old in before.items():
            if number == page.number:
                new = text_from_tokens(lines.get(line, []))
                print(f"p{number} L{line}: {old!r}" + ("" if new == old else f"\n    -> {new!r}"))


def save_line(doc: Document, line: int, out: Path) -> None:
    from PIL import Image

    page = doc.pages[0]
    words = lines_of(page.words).get(line, [])
    if page.image is None or not words:
        print(f"no line {line} on page 1")
        return
    left, top = min(w.left for w in words), min(w.top for w in words)
    right, bottom = max(w.left + w.width for w in words), max(w.top + w.height for w in words)
    Image.fromarray(page.image[max(0, top - 20):bottom + 20, max(0, left - 20):right + 20]).save(out)
    print([(w.text, w.left, w.top, w.width, w.height) for w in words])


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    doc, failures = run(args.file, args.ocr_cache)
    for letter in process.extract(doc, failures, args.ocr_cache).letters:
        print({field: getattr(letter, field, None) for field in FIELDS})
    for failure in failures:
        print(f"stage {failure.stage} failed: {failure.message}")
    if args.line is not None:
        save_line(doc, args.line, args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
