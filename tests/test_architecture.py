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


@pytest.mark.parametrize("path", _modules("services"), ids=lambda p: p.name)
def test_services_import_no_qt_views_or_cli(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if name.startswith(("PySide6", "shiboken6", "copdesk.views", "copdesk.cli", "copdesk.app"))
    }
    assert bad == set()


@pytest.mark.parametrize("path", _modules("store"), ids=lambda p: p.name)
def test_store_never_imports_views(path: Path) -> None:
    assert not {n for n in _imports(path) if n.startswith(("copdesk.views", "PySide6", "copdesk.cli", "copdesk.app"))}


@pytest.mark.parametrize("path", _modules("cli"), ids=lambda p: p.name)
def test_cli_never_imports_views(path: Path) -> None:
    assert not {n for n in _imports(path) if n.startswith(("copdesk.views", "PySide6"))}


@pytest.mark.parametrize("path", _modules("views"), ids=lambda p: p.name)
def test_views_never_open_the_database_or_find_the_app(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "open_database" not in source
    assert "QApplication.instance()" not in source


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_package_has_no_import_cycles() -> None:
    """Every import counts, those inside functions too: a cycle hidden in a function is still a cycle."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py") if "forms" not in path.parts}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = (found & modules.keys()) - {name}
    cycles = []
    for start, imported in graph.items():
        seen = {start}
        stack = list(imported)
        while stack:
            module = stack.pop()
            if module == start:
                cycles.append(start)
                break
            if module not in seen:
                seen.add(module)
                stack.extend(graph[module])
    assert cycles == []
