"""The README's layout table names every top-level file and folder, and every module at the top of the package.

A file added without a line there, or a line left after its file has gone, fails here rather than misleading the
next reader.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Made by tools and ignored by git (.gitignore), never part of the project.
GENERATED = {".git", ".venv", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "dist", "build"}


def _layout_paths() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| path | what it holds |", 1)[1].split("\n\n", 1)[0]
    return {match.rstrip("/") for match in re.findall(r"^\| `([^`]+)` \|", table, flags=re.MULTILINE)}


def _top_level() -> set[str]:
    """Top-level entries; the package is covered by its modules' rows, and ``.ci`` by its script's."""
    entries = {p.name for p in ROOT.iterdir() if p.name not in GENERATED and not p.name.endswith(".egg-info")}
    return (entries - {".ci", "copdesk"}) | {f".ci/{p.name}" for p in (ROOT / ".ci").iterdir()}


def test_every_top_level_file_and_folder_is_explained() -> None:
    listed = _layout_paths()
    assert _top_level() - listed == set()


def test_every_module_at_the_top_of_the_package_is_explained() -> None:
    listed = _layout_paths()
    modules = {f"copdesk/{p.name}" for p in (ROOT / "copdesk").glob("*.py")}
    folders = {f"copdesk/{p.name}" for p in (ROOT / "copdesk").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert (modules | folders) - listed == set()


def test_every_listed_path_exists() -> None:
    assert {path for path in _layout_paths() if not (ROOT / path).exists()} == set()


def _layout_row(path: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return next(line for line in readme.splitlines() if line.startswith(f"| `{path}` |"))


def _folders(path: Path) -> set[str]:
    return {p.name for p in path.iterdir() if p.is_dir() and p.name != "__pycache__"}


def test_the_views_row_names_every_group_of_views() -> None:
    row = _layout_row("copdesk/views/")
    views = ROOT / "copdesk" / "views"
    groups = _folders(views) | {f"{name}/" for name in _folders(views / "live")}
    assert {name for name in groups if f"`{name.rstrip('/')}" not in row} == set()


def test_the_tests_row_names_every_folder_of_tests() -> None:
    row = _layout_row("tests/")
    assert {name for name in _folders(ROOT / "tests") if f"`{name}`" not in row} == set()


def test_the_layers_name_every_service() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    services = readme.split("The services:", 1)[1].split("\n- ", 1)[0]
    modules = {p.stem for p in (ROOT / "copdesk" / "services").glob("*.py") if p.stem != "__init__"}
    assert {name for name in modules if f"`{name}`" not in services} == set()
