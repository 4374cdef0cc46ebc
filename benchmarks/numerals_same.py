"""Check (not a timing): the numeral reader of this tree reads real crops exactly as the reader
of another revision does — every glyph's box, mask, band and probabilities, to the bit.

Speed work on pipeline/numerals must not change a decision (issue F11). `capture` runs the
reading stages over an inbox and keeps every crop the glyph reader is handed (page rows, cells,
words, stamps, with which model and mode); `compare` reads them all with this tree and with
`--base` (exported by `git archive` and run in a subprocess) and fails on the first difference.

    .venv/bin/python benchmarks/numerals_same.py capture --inbox DIR --out /tmp/crops.pkl
    .venv/bin/python benchmarks/numerals_same.py compare --crops /tmp/crops.pkl --base main
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

Crop = tuple[str, str, bool, object]  # (method, model file name, cell mode, gray image)


def capture(inbox: Path, out: Path, cache: Path | None) -> None:
    """Every crop handed to GlyphReader.read_row / read_glyphs while the inbox is read."""
    from benchmarks.stage_cpu import stage_seconds
    from pipeline.errors import SarabanError
    from pipeline.numerals.reader import GlyphReader

    crops: list[Crop] = []

    def recorder(name: str):  # noqa: ANN202
        method = getattr(GlyphReader, name)

        def call(self, gray):  # noqa: ANN001, ANN202
            crops.append((name, _model_name(self.model), self.cell, gray.copy()))
            return method(self, gray)
        return call

    with mock.patch.object(GlyphReader, "read_row", recorder("read_row")), \
            mock.patch.object(GlyphReader, "read_glyphs", recorder("read_glyphs")), \
            tempfile.TemporaryDirectory() as tmp:
        for path in sorted(p for p in inbox.iterdir() if p.is_file()):
            try:
                stage_seconds([path], cache or Path(tmp))
            except SarabanError:
                continue  # a file the pipeline refuses (empty, broken) has no crops
    out.write_bytes(pickle.dumps(crops, protocol=pickle.HIGHEST_PROTOCOL))
    print(f"{len(crops)} crops → {out}")


def _model_name(model: object) -> str:
    from pipeline.numerals.reader import load_model

    return "model_hand.npz" if model.version != load_model().version else "model.npz"


def digests(crops_path: Path) -> list[str]:
    """One digest per crop of everything the reader returns for it (in this process's tree)."""
    import pipeline.numerals.reader as reader
    from pipeline.numerals.reader import GlyphReader, load_model

    models = {name: load_model(Path(reader.__file__).with_name(name))
              for name in ("model.npz", "model_hand.npz")}
    glyph_readers = {}
    out = []
    for method, model, cell, gray in pickle.loads(crops_path.read_bytes()):
        key = (model, cell)
        if key not in glyph_readers:
            weight = 0.2 if cell else 1.0
            glyph_readers[key] = GlyphReader(models[model], other_weight=weight, cell=cell)
        out.append(_digest(getattr(glyph_readers[key], method)(gray)))
    return out


def _digest(readings: list) -> str:
    h = hashlib.sha256()
    for r in readings:
        g = r.glyph
        h.update(repr((g.x, g.y, g.w, g.h, g.one_piece, g.mask.shape, r.band)).encode())
        h.update(g.mask.tobytes())
        h.update(r.probs.dtype.str.encode() + r.probs.tobytes())
    return h.hexdigest()


def _run_tree(tree: Path, crops: Path) -> tuple[list[str], float]:
    """(digests, CPU seconds) of the reader in `tree`, in a fresh process."""
    code = ("import sys, json, time; sys.path.insert(0, sys.argv[1]); "
            "from benchmarks.numerals_same import digests; from pathlib import Path; "
            "t = time.process_time(); d = digests(Path(sys.argv[2])); "
            "print(json.dumps([d, time.process_time() - t]))")
    env_tree = str(tree)
    done = subprocess.run([sys.executable, "-c", code, env_tree, str(crops)], capture_output=True,
                          text=True, check=True, cwd=tree)
    import json

    d, seconds = json.loads(done.stdout.strip().splitlines()[-1])
    return d, seconds


def compare(crops: Path, base: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        archive = subprocess.run(["git", "archive", base, "pipeline"], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        (tree / "base.tar").write_bytes(archive)
        with tarfile.open(tree / "base.tar") as tar:
            tar.extractall(tree, filter="data")
        (tree / "benchmarks").mkdir()
        (tree / "benchmarks" / "numerals_same.py").write_text(Path(__file__).read_text())
        (tree / "benchmarks" / "__init__.py").write_text("")
        old, old_s = _run_tree(tree, crops)
    new, new_s = _run_tree(ROOT, crops)
    differ = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    print(f"{len(old)} crops; {base}: {old_s:.1f} CPU s, this tree: {new_s:.1f} CPU s")
    if differ:
        sys.exit(f"DIFFERENT on {len(differ)} crops, first: {differ[:10]}")
    print("identical: every glyph's box, mask, band and probabilities")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture")
    cap.add_argument("--inbox", type=Path, required=True)
    cap.add_argument("--out", type=Path, required=True)
    cap.add_argument("--ocr-cache", type=Path, help="a shared OCR cache (Tesseract is not timed)")
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("--crops", type=Path, required=True)
    cmp_.add_argument("--base", default="main")
    args = parser.parse_args()
    started = time.time()
    if args.command == "capture":
        capture(args.inbox, args.out, args.ocr_cache)
    else:
        compare(args.crops, args.base)
    print(f"{time.time() - started:.0f} s wall")


if __name__ == "__main__":
    main()
