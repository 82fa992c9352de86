"""A file another program holds open on Windows (Excel on a CSV, a PDF viewer): Windows refuses to replace it, with a
sharing violation (Python's ``PermissionError``). CoPDesk writes exports through Qt's ``QSaveFile``, whose rename is
C++, so the refusal is simulated one step up, on any system: the new file is written whole beside the old one, then
the rename is refused, and QSaveFile does what Qt does then (checked against a real refusal): it discards the new
file and reports a ``RenameError``, leaving the old file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QFileDevice, QSaveFile

SHARING_VIOLATION = "The process cannot access the file because it is being used by another process."


class HeldOpen:
    """Refuses to replace any of ``held`` while they are held; :meth:`let_go` is the other program closing them."""

    def __init__(self, *held: Path) -> None:
        self.held = {path.resolve() for path in held}
        self.refused: list[Path] = []

    def let_go(self) -> None:
        self.held.clear()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        sharing = self

        class SharingViolation(QSaveFile):
            refused = False

            def commit(self) -> bool:
                target = Path(self.fileName()).resolve()
                if target not in sharing.held:
                    return super().commit()
                sharing.refused.append(target)
                self.refused = True
                self.cancelWriting()
                super().commit()  # after cancelWriting this discards the new file, as a refused rename does
                return False

            def error(self) -> QFileDevice.FileError:
                return QFileDevice.FileError.RenameError if self.refused else super().error()

            def errorString(self) -> str:
                return SHARING_VIOLATION if self.refused else super().errorString()

        monkeypatch.setattr("copdesk.output.QSaveFile", SharingViolation)
