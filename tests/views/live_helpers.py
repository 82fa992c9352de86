"""Helpers for the live-session tests: a small team, a session held before today, and a session started through the
real dialog."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from copdesk.app import create_window
from copdesk.core.model import Role, Session, SessionKind, Team
from copdesk.store import sessions, teams
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock

ROSTER = ("Ash Lee", "Bo Day", "Cy Vale")
# The shipped Reflective practice CoP agenda, in minutes.
REFLECTIVE_MINUTES = (5, 5, 10, 8, 22, 7, 3)


def double_click(button: QWidget) -> None:
    """What a mouse sends for a double click: press, release, a second press (as a double click), release."""
    centre = QPointF(button.rect().center())
    press, release = QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease
    for kind in (press, release, QEvent.Type.MouseButtonDblClick, release):
        held = Qt.MouseButton.NoButton if kind is release else Qt.MouseButton.LeftButton
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(button, QMouseEvent(kind, centre, button.mapToGlobal(centre), left, held, none))


def hold_key(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """What a key held down sends: a press, then the keyboard's repeats of it (each asked of the shortcuts first, as
    the window system does), then the release."""
    text = chr(key) if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 else ""
    QTest.keyPress(widget, key, modifiers)
    for _ in range(5):
        for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text, True))
    QTest.keyRelease(widget, key, modifiers)


def add_team(window: MainWindow, names: Sequence[str] = ROSTER) -> Team:
    roster = [(name, Role.FACILITATOR if i == 0 else Role.PRACTITIONER) for i, name in enumerate(names)]
    team = teams.create_team(window.context.db, "Harbour Team", roster, window.context.now())
    window.reload_teams(team.id)
    return team


@contextmanager
def held_session(window: MainWindow, *, days_ago: int = 14) -> Iterator[tuple[Team, Session, datetime]]:
    """The team's reflective session ``days_ago`` days before the window's today, held while the block writes into
    it (at the time given with it) and ended an hour after it began."""
    db = window.context.db
    team = add_team(window)
    then = window.context.now() - timedelta(days=days_ago)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, then)
    sessions.start_session(db, session.id, then, ground_rules_agreed=True)
    yield team, session, then
    sessions.end_session(db, session.id, then + timedelta(hours=1))


def start_session(
    window: MainWindow,
    *,
    present: Sequence[str] = ROSTER,
    guests: Sequence[str] = (),
    agreed: bool = True,
    topic: str = "Supporting a carer under strain",
) -> Session:
    """Fill in and press Start in the real start dialog; returns the live session as saved."""
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.topic_edit.setText(topic)
    dialog.set_present(set(present))
    for guest in guests:
        dialog.guest_edit.setText(guest)
        assert dialog.add_guest(), dialog.error_label.text()
    assert dialog.go_to_ground_rules(), dialog.error_label.text()
    dialog.agreed_check.setChecked(agreed)
    dialog.start_button.click()
    session_id = window.live_session.session_id
    assert session_id is not None, "the session did not start"
    return sessions.get_session(window.context.db, session_id)


def answer_leaving(monkeypatch: pytest.MonkeyPatch, *answers: QMessageBox.StandardButton) -> list[str]:
    """Answer the next questions about leaving typed words (a ``MessageBox``: Discard or Cancel), in turn;
    returns the list of the questions asked, which grows as they are."""
    asked: list[str] = []
    left = list(answers)

    def ask(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(left.pop(0))

    monkeypatch.setattr(QMessageBox, "exec", ask)
    return asked


def reopened(qtbot: QtBot, db_path: Path, before: FakeClock, closed_seconds: float) -> tuple[MainWindow, FakeClock]:
    """CoPDesk opened again on ``db_path`` ``closed_seconds`` after ``before``'s time, as a new process would (its
    monotonic clock starts afresh), at the laptop's size, with the resume offer made."""
    clock = FakeClock(before.now() + timedelta(seconds=closed_seconds))
    clock.monotonic_seconds = 3.0
    window = create_window(db_path, clock=clock, now=clock.now)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.offer_first_run_or_resume()
    return window, clock
