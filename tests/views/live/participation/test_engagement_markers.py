"""Engagement markers: saved about the room (no member), remedies shown with their source, the picker told."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import MarkerKind, NoteKind
from copdesk.store import notes, participation
from copdesk.store.connection import open_database
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.participation.participation_panel import REPEATED_ISSUE_NOTE, ParticipationPanel
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.participation_helpers import click_tile, fictional_names, start_live_session


@pytest.mark.parametrize("kind", list(MarkerKind))
def test_a_marker_is_saved_without_any_member_and_shows_its_remedies(
    window: MainWindow, qtbot: QtBot, kind: MarkerKind
) -> None:
    logged: list[str] = []
    window.live_session.marker_logged.connect(logged.append)
    session_id = start_live_session(window, present=3)
    click_tile(window, 1)  # a person was just selected: the marker must still not name them
    panel = window.participation_panel
    panel.marker_bar.buttons[kind].click()

    rows = list(window.context.db.query("SELECT * FROM marker WHERE session_id = ?", [session_id]))
    assert [row["kind"] for row in rows] == [kind.value]
    assert set(rows[0]) == {"id", "session_id", "kind", "at"}
    assert logged == [kind.value]
    card = window.question_panel.remedies_card
    assert card.isVisible()
    challenge = shipped_texts().challenge(kind)
    shown = card.remedies.text().replace("&amp;", "&")
    assert challenge.name.text in card.heading.text() and challenge.description.text in shown
    for remedy in challenge.remedies:
        assert remedy.text.text in shown and f"({remedy.text.credit()})" in shown
    assert panel.marker_bar.buttons[kind].text().endswith("· 1")


def test_tension_and_low_energy_become_the_room_signal(window: MainWindow, fake_clock: FakeClock) -> None:
    signals: list[str] = []
    window.live_session.room_signal.connect(signals.append)
    start_live_session(window, present=3)
    panel = window.participation_panel
    panel.mark_room(MarkerKind.LOW_ENERGY)
    assert signals == ["low-energy"]
    fake_clock.advance(60)
    panel.mark_room(MarkerKind.TENSION)
    assert signals == ["low-energy", "tension"]
    fake_clock.advance(5 * 60 + 1)  # both markers have gone stale and nobody has been quiet for 15 minutes
    panel._tick()
    assert signals[-1] == ""


def test_same_issue_again_asks_the_notes_pane_to_link_it(window: MainWindow) -> None:
    requests: list[bool] = []
    window.live_session.repeated_issue_requested.connect(lambda: requests.append(True))
    session_id = start_live_session(window, present=2)
    window.participation_panel.mark_room(MarkerKind.REPEATED_ISSUE)
    assert requests == [True]
    assert [m.kind for m in participation.markers(window.context.db, session_id)] == [MarkerKind.REPEATED_ISSUE]
    # The notes pane (a listener) links the issue itself, so no extra note is written.
    assert REPEATED_ISSUE_NOTE not in [n.text for n in notes.notes(window.context.db, session_id)]
    assert "Issue tab" in window.question_panel.remedies_card.follow_up.text()


def test_a_marker_pressed_by_mistake_is_taken_back_by_ctrl_z_with_its_remedies_and_prompt(
    window: MainWindow, qtbot: QtBot
) -> None:
    """It could not be undone: a mis-click on Tension stayed in the session for good, its remedies and prompt on
    screen. Ctrl+Z (or Undo) takes back the last tally or marker, whichever came last, from the store and the screen."""
    session_id = start_live_session(window, present=3)
    member = click_tile(window, 0)
    panel, questions = window.participation_panel, window.question_panel
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    button = panel.marker_bar.buttons[MarkerKind.TENSION]
    button.setFocus()  # where a click on it leaves the focus
    button.click()
    assert questions.remedies_card.isVisible() and questions.banner.isVisible()
    assert panel.undo_button.toolTip() == "Undo the room marker Tension (Ctrl+Z)"
    QTest.keyClick(button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert participation.markers(window.context.db, session_id) == []
    assert button.text() == shipped_texts().challenge(MarkerKind.TENSION).button, "no count left on the button"
    assert not questions.remedies_card.isVisible() and not questions.banner.isVisible()
    assert [row.member_id for row in participation.contributions(window.context.db, session_id)] == [member]
    assert panel.undo_button.toolTip().endswith("'s last contribution (Ctrl+Z)")
    panel.undo_button.click()  # then the tally before it
    assert participation.contributions(window.context.db, session_id) == []
    assert not panel.undo_button.isEnabled()


def test_undo_after_a_resume_takes_back_what_was_made_last(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    """The order of ticks and markers is the order they were saved, after a restart too."""
    window = clocked_window
    session_id = start_live_session(window, present=3)
    panel = window.participation_panel
    panel.mark_room(MarkerKind.LOW_ENERGY)
    fake_clock.advance(30)
    click_tile(window, 1)
    fake_clock.advance(30)
    panel.mark_room(MarkerKind.TENSION)
    panel.tally.load(session_id)  # as a resume reads it back
    panel.undo_last()
    assert [m.kind for m in participation.markers(window.context.db, session_id)] == [MarkerKind.LOW_ENERGY]
    panel.undo_last()
    assert participation.contributions(window.context.db, session_id) == []
    assert panel.marker_bar.buttons[MarkerKind.LOW_ENERGY].text().endswith("· 1")


@pytest.fixture
def lone_pane(qtbot: QtBot, db_path: Path, fake_clock: FakeClock) -> ParticipationPanel:
    """The pane with a hub nothing else listens to: as before the notes pane could link issues."""
    opened = open_database(db_path, paths.migrations_dir())
    context = AppContext(opened.db, opened.path, fake_clock, fake_clock.now, paths.asset_dir("resources"))
    pane = ParticipationPanel(context, LiveSession())
    qtbot.addWidget(pane)
    return pane


def test_same_issue_again_with_no_listener_records_a_note(lone_pane: ParticipationPanel) -> None:
    from copdesk.core.model import Role, SessionKind
    from copdesk.store import sessions, teams

    db, now = lone_pane.context.db, lone_pane.context.now()
    team = teams.create_team(db, "Harbour Team", [(fictional_names(1)[0], Role.PRACTITIONER)], now)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now)
    lone_pane.live.begin(session.id, team.id)
    lone_pane.mark_room(MarkerKind.REPEATED_ISSUE)
    assert [(n.kind, n.text) for n in notes.notes(db, session.id)] == [(NoteKind.NOTE, REPEATED_ISSUE_NOTE)]
    assert [m.kind for m in participation.markers(db, session.id)] == [MarkerKind.REPEATED_ISSUE]


def test_markers_do_nothing_without_a_live_session(lone_pane: ParticipationPanel) -> None:
    lone_pane.mark_room(MarkerKind.TENSION)
    assert lone_pane.context.db.table("marker").count == 0


def test_nothing_of_the_pane_reaches_the_share_safe_view(window: MainWindow, qtbot: QtBot) -> None:
    start_live_session(window, present=4)
    for row in range(4):
        click_tile(window, row)
    window.participation_panel.mark_room(MarkerKind.TENSION)
    share_views = [w for w in QApplication.topLevelWidgets() if w.objectName() == "shareView"]
    share_views += window.findChildren(QWidget, "shareView")
    assert share_views, "the share-safe view exists"
    panel = window.participation_panel
    ours = {panel, *panel.findChildren(QWidget)}
    names = [str(panel.model.index(row, 0).data(RosterRole.NAME)) for row in range(panel.model.rowCount())]
    for view in share_views:
        view.show()
        inside = {view, *view.findChildren(QWidget)}
        assert not inside & ours
        assert not any(view.isAncestorOf(widget) for widget in ours)
        painted: list[str] = getattr(view, "shown_text", list)()  # the share view paints its text, not labels
        texts = " ".join([*painted, *(label.text() for label in view.findChildren(QLabel))])
        for name in names:
            assert name not in texts
        for words in ("Tension", "balance of voices", "contributions", "quiet"):
            assert words not in texts
        view.hide()
