"""The Live page's states for the text-fit check, on the demo data through the real window.

Run as a module (``python -m tests.views.text_fit_states DB``) it checks every state and prints one JSON line:
that is how the 200% run is made in a process of its own (Qt's scale factor is read once, at start-up).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from copdesk.app import create_window
from copdesk.core.model import Role, SessionKind
from copdesk.store import teams
from copdesk.views.shell.main_window import MainWindow
from tests.views.participation_helpers import fictional_names
from tests.views.text_fit import FitReport, check_window

PEOPLE = (2, 7, 12, 30)
# the Start dialog, 5 segments or more, a suggestion, the identifier warning beside it, 5 tabs, the summary
MIN_STATES_PER_GROUP = 2 + 5 + 1 + 1 + 5 + 1
LAPTOP = (1366, 768)
# The least width the main window takes, at a laptop's height; and its least size.
NARROW = (1024, 768)
SMALLEST = (1024, 640)


def _window(db_path: Path, people: int, size: tuple[int, int]) -> tuple[MainWindow, list[tuple[str, FitReport]]]:
    """The demo team with ``people`` present (fictional extras added to its roster), its session started through
    the Start dialog; with the dialog's two pages, as they were shown, to check."""
    window = create_window(db_path)
    window.resize(*size)
    window.show()
    window.question_panel.rng.seed(people)  # the same questions drawn at every run, so a cut one is found every time
    team = window.current_team()
    assert team is not None
    db = window.context.db
    names = [m.display_name for m in teams.list_members(db, team.id)]
    for name in fictional_names(40):
        if len(names) >= people:
            break
        if name not in names:
            teams.add_member(db, team.id, name, Role.PRACTITIONER, window.context.now())
            names.append(name)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    # The team's own reflective session, whatever the demo's calendar makes next (a Spotlight it only attends has
    # no agenda or tiles to check).
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    dialog.topic_edit.setText("Least restrictive options after a fall at home")
    dialog.set_present(set(names[:people]))
    QApplication.processEvents()
    pages: list[tuple[str, FitReport]] = []
    report_details = check_window(dialog)
    assert dialog.go_to_ground_rules(), dialog.error_label.text()
    QApplication.processEvents()
    report_rules = check_window(dialog)
    dialog.agreed_check.setChecked(True)
    dialog.start_button.click()
    pages.append(("the Start dialog", report_details))
    pages.append(("its ground rules", report_rules))
    return window, pages


def _settle(app: QCoreApplication) -> None:
    """Let every pending layout run, as it has by the time anyone looks: a layout can ask for another."""
    for _ in range(6):
        app.processEvents()


def live_states(demo_db: Path, size: tuple[int, int] = LAPTOP) -> Iterator[tuple[str, FitReport]]:
    """Each number of people present: the Start dialog, each segment of the agenda, a suggestion shown (and the
    identifier warning under the notes beside it), each tab of the notes, and the summary at the end; follow-ups from
    the demo's earlier sessions are listed throughout."""
    app = QApplication.instance()
    assert app is not None
    for people in PEOPLE:
        with tempfile.TemporaryDirectory() as folder:
            db_path = Path(folder) / "copdesk.db"
            shutil.copy(demo_db, db_path)
            window, dialog_pages = _window(db_path, people, size)
            try:
                for page, report in dialog_pages:
                    yield f"{people} present, {page}", report
                flow = window.session_flow
                segments = flow.live_timer.last_view.agenda if flow.live_timer.last_view else ()
                for position in range(len(segments)):
                    _settle(app)
                    yield f"{people} present, segment {position + 1}", check_window(window)
                    if position < len(segments) - 1:
                        flow.next_segment()
                window.live_session.room_signal.emit("quiet-voice")
                _settle(app)
                assert window.question_panel.banner.isVisible(), "a suggestion is shown"
                yield f"{people} present, a suggestion shown", check_window(window)
                notes = window.notes_panel
                notes.editor.setPlainText("Met Mrs Smith")
                assert notes.identifier_warning.check_now()
                _settle(app)
                yield f"{people} present, the identifier warning under the notes", check_window(window)
                notes.identifier_warning.remove_current()
                for tab in range(1, notes.tabs.count()):
                    notes.tabs.setCurrentIndex(tab)
                    _settle(app)
                    yield f"{people} present, the {notes.tabs.tabText(tab)} tab", check_window(window)
                summary = flow.end_now()
                assert summary is not None
                summary.show()
                _settle(app)
                yield f"{people} present, the session summary", check_window(summary)
                summary.close()
            finally:
                if window.live_session.is_live:
                    window.session_flow.live_timer.stop_clock()
                window.close()
                window.deleteLater()
                app.processEvents()


def check_states(demo_db: Path, size: tuple[int, int] = LAPTOP) -> tuple[int, FitReport]:
    total, states = FitReport(), 0
    for name, report in live_states(demo_db, size):
        states += 1
        total.checked += report.checked
        total.problems += [f"[{name}] {problem}" for problem in report.problems]
    return states, total


def main() -> None:
    app = QApplication([])
    states, report = check_states(Path(sys.argv[1]))
    print(json.dumps({"states": states, "checked": report.checked, "problems": report.problems}))
    app.quit()


if __name__ == "__main__":
    main()
