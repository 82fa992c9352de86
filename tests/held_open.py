"""A file another program holds open on Windows (Excel on a CSV, a PDF viewer): Windows refuses to replace it, with a
sharing violation (Python's ``PermissionError``). CoPDesk writes exports through Qt's ``QSaveFile``, whose rename is
C++, so the refusal is simulated one step up, on any system: the new file is written whole beside the old one, then
the rename is refused, and QSaveFile does what Qt does then (checked against a real refusal): it discards the new
file and reports a ``RenameError``, leaving the old file as it was. CoPDesk's own renames (a backup, kept notes) go
through :func:`copdesk.store.permissions.replace_file`, which a virus scanner holds up the same way
(:class:`ScannerHolding`)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QFileDevice, QSaveFile, QTimer

from copdesk.store import permissions

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


class ScannerHolding:
    """A virus scanner on Windows holding a file just written (a backup, kept notes): its rename is refused
    (``PermissionError``) until the test lets go. Only CoPDesk's renames see Windows (``replace_file`` tries again
    for a moment there), and its pauses between tries wait for the scanner to let go instead of for a time."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.refused = 0
        self.let_go = threading.Event()
        real_replace = os.replace

        def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
            if not self.let_go.is_set():
                self.refused += 1
                raise PermissionError(13, "The process cannot access the file because it is being used", str(target))
            real_replace(source, target)

        monkeypatch.setattr(permissions, "sys", SimpleNamespace(platform="win32"))
        monkeypatch.setattr(permissions, "time", SimpleNamespace(sleep=lambda _pause: self.let_go.wait(1)))
        monkeypatch.setattr(os, "replace", replace)

    def once_refused(self, then: Callable[[], object]) -> None:
        """Run ``then`` on the window's thread once a rename has been refused: the window's timers run while CoPDesk
        waits for the scanner (the test's way to act then: answer, log off, let go)."""

        def poll() -> None:
            if not self.refused:
                QTimer.singleShot(5, poll)
                return
            then()

        QTimer.singleShot(0, poll)
