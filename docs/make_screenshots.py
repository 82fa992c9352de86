"""Regenerate the screenshots in docs/ (``make screenshots``): the real window, offscreen, at 1366x768.

The window runs on a temporary database filled with the fictional demo data. The Live and share-safe
screenshots start a session through the real start dialog, on a clock the script moves forward, so the
session is mid-way with a segment in amber.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from copdesk import paths  # noqa: E402
from copdesk.app import create_window  # noqa: E402
from copdesk.store.connection import open_database  # noqa: E402
from copdesk.store.demo import bank_questions, fill_demo  # noqa: E402

SIZE = (1366, 768)
# Minutes each earlier segment really took (a little over, as sessions go), then how far into the current one.
SEGMENT_MINUTES_TAKEN = (6, 5, 12, 8)
MINUTES_INTO_REFLECTION = 18.5
SHARED_QUESTION = "What approaches have others taken with similar situations?"


class ScriptClock:
    """A monotonic clock the script moves, so the timer is mid-session without waiting for it."""

    def __init__(self) -> None:
        self.seconds = 10_000.0

    def __call__(self) -> float:
        return self.seconds


def live_and_share(app: QApplication, db_path: Path) -> None:
    clock = ScriptClock()
    window = create_window(db_path, clock=clock)
    window.resize(*SIZE)
    window.show()
    flow = window.session_flow
    dialog = flow.open_start_dialog()
    assert dialog is not None
    dialog.topic_edit.setText("Least restrictive options after a fall at home")
    dialog.set_present({member.display_name for member in dialog.members[:-1]})
    dialog.go_to_ground_rules()
    dialog.agreed_check.setChecked(True)
    dialog.start()
    for minutes in SEGMENT_MINUTES_TAKEN:
        clock.seconds += minutes * 60
        flow.next_segment()
    clock.seconds += MINUTES_INTO_REFLECTION * 60
    if not flow.share_view.question:
        window.live_session.question_shown.emit(SHARED_QUESTION)
    flow.live_timer.refresh()
    app.processEvents()
    window.grab().save(str(DOCS / "screenshot-live.png"))
    print(f"wrote {DOCS / 'screenshot-live.png'}")
    flow.actions.share_view.setChecked(True)
    flow.share_view.resize(1280, 720)
    app.processEvents()
    flow.share_view.grab().save(str(DOCS / "screenshot-share.png"))
    print(f"wrote {DOCS / 'screenshot-share.png'}")
    window.close()


def schedule(app: QApplication, db_path: Path) -> None:
    """The series editor over the Prepare view, with the Spotlight series chosen."""
    from copdesk.views.series_dialog import SeriesDialog

    window = create_window(db_path)
    window.resize(*SIZE)
    window.show()
    team = window.current_team()
    assert team is not None
    dialog = SeriesDialog(window.context, team, window)
    dialog.show()
    dialog.series_view.setCurrentIndex(dialog.series_model.index(1))
    app.processEvents()
    dialog.grab().save(str(DOCS / "screenshot-schedule.png"))
    print(f"wrote {DOCS / 'screenshot-schedule.png'}")
    dialog.close()
    window.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)
        db_path = Path(tmp) / "demo.db"
        opened = open_database(db_path, paths.migrations_dir())
        fill_demo(opened.db, datetime.now(UTC), bank_questions(paths.resource_path("questions")))
        opened.db.close()

        app = QApplication([])
        app.setStyle("Fusion")
        window = create_window(db_path)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        window.grab().save(str(DOCS / "screenshot-prepare.png"))
        print(f"wrote {DOCS / 'screenshot-prepare.png'}")
        window.close()
        live_and_share(app, db_path)
        schedule(app, db_path)


if __name__ == "__main__":
    main()
