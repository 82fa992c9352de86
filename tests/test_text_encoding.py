"""Every text file read or written names its encoding.

Without one, Python on Windows uses the computer's ANSI code page (cp1252 on a UK laptop): a note or a name such as
"Łukasz" written that way cannot be read back elsewhere, a UTF-8 file CoPDesk wrote is read as "ZoÃ«", and a byte
such as the second of "Ł" in UTF-8 has no character in cp1252 at all. Linux and macOS default to UTF-8, so nothing
there would show it: this checks the source instead, the package's and the tests' alike (the test suite also runs on
Windows, in the release workflow). A child process's output read as text is the same: the CLI writes UTF-8 to a
pipe on every system (:mod:`copdesk.console`), so ``text=True`` without an encoding would read it in the code page.
Binary modes and ``os.open`` take no encoding and are left alone.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_FOLDERS = ("copdesk", "tests", "packaging", "bench", "docs")
SOURCES = [
    *sorted(path for folder in _FOLDERS for path in (ROOT / folder).rglob("*.py") if "forms" not in path.parts),
    ROOT / "main.py",
]
_TEXT_IO = {"open", "read_text", "write_text", "fdopen"}
_TEXT_SWITCHES = {"text", "universal_newlines"}  # subprocess.run, Popen, check_output: the child's output as text


def _mode(call: ast.Call) -> str:
    """The mode given, if written out: ``open(file, mode)``, ``os.fdopen(fd, mode)``, ``path.open(mode)``."""
    method = isinstance(call.func, ast.Attribute) and call.func.attr == "open"
    given = [*call.args[0 if method else 1 :][:1], *(kw.value for kw in call.keywords if kw.arg == "mode")]
    return str(given[0].value) if given and isinstance(given[0], ast.Constant) else ""


def _is_true(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is True


def _unnamed_encodings(source: str) -> list[str]:
    """Each call in ``source`` that reads or writes text without naming an encoding, with its line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if any(kw.arg == "encoding" for kw in node.keywords):
            continue
        if any(kw.arg in _TEXT_SWITCHES and _is_true(kw.value) for kw in node.keywords):
            found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
            continue
        if name not in _TEXT_IO:
            continue
        if name == "open" and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id == "os":  # a descriptor, not a text file
                continue
            if not node.args and not node.keywords:  # a dialog's or a Qt device's open(), not a file's
                continue
        if name in ("open", "fdopen") and "b" in _mode(node):
            continue
        if name == "open" and any(
            isinstance(arg, ast.Attribute) and arg.attr == "OpenModeFlag" for arg in ast.walk(node)
        ):  # QIODevice.open(QIODevice.OpenModeFlag.…)
            continue
        found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
    return sorted(found)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_text_file_names_its_encoding(path: Path) -> None:
    assert _unnamed_encodings(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_file_read_or_written_in_the_code_page() -> None:
    source = (
        "from pathlib import Path\n"
        "Path('a').read_text()\n"
        "open('b', 'w')\n"
        "open('c', 'rb')\n"
        "Path('d').write_text('x', encoding='utf-8')\n"
        "dialog.open()\n"
        "subprocess.run(['x'], capture_output=True, text=True)\n"
        "subprocess.run(['y'], text=True, encoding='utf-8')\n"
        "subprocess.run(['z'], text=False)\n"
    )
    assert _unnamed_encodings(source) == [
        "line 2: Path('a').read_text()",
        "line 3: open('b', 'w')",
        "line 7: subprocess.run(['x'], capture_output=True, text=True)",
    ]
