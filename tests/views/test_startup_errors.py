"""A refused database gets a dialog (not a crash) and exit code 1, and the file stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copdesk import app


@pytest.mark.parametrize(
    "content", [b"", b"plain text, not a database\n", bytes(range(256))], ids=["empty", "text", "random"]
)
def test_refused_database_shows_a_dialog_and_exits_1(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    path = tmp_path / "copdesk.db"
    path.write_bytes(content)
    assert app.run_gui(["--db", str(path)]) == 1
    assert len(shown) == 1
    title, text = shown[0]
    assert "cannot open" in title
    assert str(path) in text and "\n" not in text
    assert path.read_bytes() == content
