"""The house rules of F12, checked on the real tree: one-way layers (import-linter), no import
cycles between modules, a short top level, and a contract that really fails on a wrong import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("cli", "web", "flows", "extractors", "pipeline")


def _import_graph() -> dict[str, set[str]]:
    graph = grimp.build_graph(*PACKAGES)
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan): each is an import cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = []
            while (top := stack.pop()) != node:
                part.append(top)
            found.extend([[node, *part]] if part else [])

    for node in list(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_one_of_its_importers() -> None:
    assert _cycles(_import_graph()) == []


def test_cycle_finder_sees_a_cycle() -> None:
    cycles = _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert [sorted(c) for c in cycles] == [["a", "b", "c"]]


def test_pipeline_top_level_is_short() -> None:
    modules = [p for p in (REPO / "pipeline").glob("*.py")]
    assert len(modules) <= 10, sorted(p.name for p in modules)


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(tool), "--config", str(root / "pyproject.toml")], cwd=root,
                          capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(root), "PATH": ""})


def _copy_tree(dest: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(REPO / package, dest / package, ignore=shutil.ignore_patterns("*.npz", "__pycache__", "static"))
    shutil.copy(REPO / "pyproject.toml", dest / "pyproject.toml")
    return dest


def test_contract_holds_on_the_tree(tmp_path: Path) -> None:
    done = _lint_imports(_copy_tree(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(("module", "wrong"), [
    ("pipeline/config.py", "import flows.process"),            # a stage reaching up into the wiring
    ("extractors/checks.py", "import prefect"),                # Prefect outside flows/
    ("pipeline/numerals/reader.py", "import pipeline.synth.numerals"),  # runtime on the generators
])
def test_contract_breaks_on_a_wrong_import(tmp_path: Path, module: str, wrong: str) -> None:
    root = _copy_tree(tmp_path)
    target = root / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong}  # deliberately wrong\n", encoding="utf-8")
    done = _lint_imports(root)
    assert done.returncode != 0
    assert "1 broken" in done.stdout, done.stdout
