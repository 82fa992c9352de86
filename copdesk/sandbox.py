"""The real window on throwaway data, for the scripts that drive it: ``docs/make_screenshots.py`` and ``bench/``.

A script runs the app as a facilitator would (the real window, the real start dialog) but must never read or
write the user's own settings or data: :func:`sandbox_folder` is a temporary folder that also holds QSettings,
:func:`demo_database` fills a database in it with the fictional demo history, :func:`laptop_window` opens the
window at the 1366x768 it is designed for, and :func:`start_session` starts a session through the start dialog.
The app itself never uses this module.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from copdesk import paths
from copdesk.core.clock import MonotonicClock
from copdesk.core.model import SessionKind

if TYPE_CHECKING:
    from copdesk.views.shell.main_window import MainWindow

LAPTOP_SIZE = (1366, 768)


@contextmanager
def sandbox_folder(prefix: str = "copdesk-") -> Iterator[Path]:
    """A temporary folder, removed afterwards, where QSettings are kept while it lasts."""
    from PySide6.QtCore import QSettings

    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        previous = QSettings.defaultFormat()
        for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # off the registry and plists (paths.user_settings)
        try:
            yield Path(folder)
        finally:
            QSettings.setDefaultFormat(previous)


def demo_database(folder: Path) -> Path:
    """A database in ``folder`` filled with the fictional demo history, closed again; its path."""
    from copdesk.services.demo import write_demo_history
    from copdesk.store.connection import open_database

    db_path = folder / "demo.db"
    opened = open_database(db_path, paths.migrations_dir())
    try:
        write_demo_history(opened.db, datetime.now(UTC), paths.resource_path("questions"))
    finally:
        opened.db.close()
    return db_path


def laptop_window(db_path: Path, *, clock: MonotonicClock | None = None) -> MainWindow:
    """The main window on ``db_path``, shown at the laptop size (a QApplication must exist)."""
    from copdesk.app import create_window

    window = create_window(db_path, clock=clock)
    window.resize(*LAPTOP_SIZE)
    window.show()
    return window


def start_session(
    window: MainWindow,
    *,
    present: Iterable[str] | None = None,
    topic: str = "",
    kind: SessionKind = SessionKind.REFLECTIVE,
) -> int:
    """Start a session of the current team through the real start dialog; everyone present unless ``present``.

    A reflective session by default, the one the facilitator runs with its agenda and tiles, whatever the demo's
    calendar makes next (a Spotlight, which the team only attends, has neither). Returns the session's id; raises
    RuntimeError when the dialog refused to start it.
    """
    dialog = window.session_flow.open_start_dialog()
    if dialog is None:
        raise RuntimeError("The start dialog did not open: is there a team?")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
    if topic:
        dialog.topic_edit.setText(topic)
    dialog.set_present(set(present) if present is not None else {member.display_name for member in dialog.members})
    dialog.go_to_ground_rules()
    dialog.agreed_check.setChecked(True)
    dialog.start()
    session_id = window.live_session.session_id
    if session_id is None:
        raise RuntimeError(f"The session did not start: {dialog.error_label.text()}")
    return session_id
