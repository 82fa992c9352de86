"""The dependency rules of DESIGN.md, checked on the source: they are the architecture."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "copdesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: p.name)
def test_core_imports_no_qt_store_views_or_cli(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if name.startswith(("PySide6", "shiboken6", "copdesk.store", "copdesk.views", "copdesk.cli", "copdesk.app"))
    }
    assert bad == set()


@pytest.mark.parametrize("path", _modules("store"), ids=lambda p: p.name)
def test_store_never_imports_views(path: Path) -> None:
    assert not {n for n in _imports(path) if n.startswith(("copdesk.views", "PySide6", "copdesk.cli", "copdesk.app"))}


def test_cli_never_imports_views() -> None:
    assert not {n for n in _imports(PACKAGE / "cli.py") if n.startswith(("copdesk.views", "PySide6"))}


@pytest.mark.parametrize("path", _modules("views"), ids=lambda p: p.name)
def test_views_never_open_the_database_or_find_the_app(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "open_database" not in source
    assert "QApplication.instance()" not in source
