"""The session from Start to the saved record, through the real window, on the fake clocks."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import Role, SessionKind, SessionStatus
from copdesk.store import series, sessions, teams
from copdesk.views.live.timer.live_timer import HEARTBEAT_MS
from copdesk.views.session.start_session_dialog import StartSessionDialog
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.forms import CharacterLimit
from tests.conftest import FakeClock
from tests.views.live_helpers import REFLECTIVE_MINUTES, ROSTER, add_team, answer_leaving, start_session


def _weekly_rule_at(moment_local_naive: object) -> str:
    moment = moment_local_naive
    day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[moment.weekday()]  # type: ignore[attr-defined]
    return f"DTSTART:{moment:%Y%m%dT%H%M%S}\nRRULE:FREQ=WEEKLY;BYDAY={day}"


def test_start_dialog_defaults_to_the_scheduled_session_due_now(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    team = add_team(window)
    local_now = fake_clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0)
    starts_at = local_now + timedelta(minutes=10)
    spotlight = series.add_series(
        window.context.db, team.id, SessionKind.SPOTLIGHT, _weekly_rule_at(starts_at), fake_clock.now()
    )

    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    assert dialog.kind() is SessionKind.SPOTLIGHT
    assert (
        "Spotlight session" in dialog.scheduled_label.text() and f"{starts_at:%H:%M}" in dialog.scheduled_label.text()
    )
    dialog.set_present({"Ash Lee"})
    assert dialog.go_to_ground_rules()
    dialog.start_button.click()

    saved = sessions.get_session(window.context.db, window.live_session.session_id or -1)
    assert (saved.kind, saved.series_id) == (SessionKind.SPOTLIGHT, spotlight.id)
    assert saved.planned_start is not None
    assert from_utc_iso(saved.planned_start).astimezone().replace(tzinfo=None) == starts_at


def test_the_start_dialog_names_the_next_session_of_the_type_chosen(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    team = add_team(window)
    local_now = fake_clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0)
    spotlight_at, reflective_at = local_now + timedelta(minutes=10), local_now + timedelta(days=2, hours=1)
    for kind, moment in ((SessionKind.SPOTLIGHT, spotlight_at), (SessionKind.REFLECTIVE, reflective_at)):
        series.add_series(window.context.db, team.id, kind, _weekly_rule_at(moment), fake_clock.now())
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None and dialog.kind() is SessionKind.SPOTLIGHT

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    said = dialog.scheduled_label.text()
    assert said.startswith("Next scheduled: ") and f" {reflective_at.day} " in said, said
    assert said.endswith(f"at {reflective_at:%H:%M}"), said
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.THEMED.value))
    assert dialog.scheduled_label.text() == f"No scheduled {SessionKind.THEMED.label} sessions for this team."
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.SPOTLIGHT.value))
    assert dialog.scheduled_label.text().startswith("Scheduled: Spotlight session")
    dialog.reject()


def _choosing_a_presenter(window: MainWindow, name: str) -> StartSessionDialog:
    """The start dialog of a new team's Reflective session, with ``name`` chosen to present."""
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText(name))
    return dialog


def test_the_presenter_is_ticked_as_present_and_a_cleared_list_is_refused_not_filled_in(window: MainWindow) -> None:
    """Clearing the list after choosing a presenter used to start the session with them silently present."""
    dialog = _choosing_a_presenter(window, "Cy Vale")
    total = dialog.present_list.count()
    assert dialog.count_label.text() == f"1 of {total} present"
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText("Bo Day"))
    assert dialog.count_label.text() == f"1 of {total} present"  # Cy was ticked only because she presented

    dialog.ui.clearButton.click()
    assert dialog.count_label.text() == f"0 of {total} present"
    assert not dialog.go_to_ground_rules()
    assert dialog.error_label.text() == (
        "Bo Day presents but is not ticked as present: tick them, or choose No presenter."
    )
    dialog.set_present({"Bo Day", "Ash Lee"})
    assert dialog.go_to_ground_rules()
    dialog.reject()


def test_a_tick_the_facilitator_gave_stays_when_the_presenter_changes(window: MainWindow) -> None:
    dialog = _choosing_a_presenter(window, "Cy Vale")  # Cy is ticked by the choice
    total = dialog.present_list.count()
    dialog.ui.tickEveryoneButton.click()
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText("Bo Day"))
    assert dialog.count_label.text() == f"{total} of {total} present"  # Cy stays: Tick everyone ticked her too

    dialog.ui.clearButton.click()
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText("Cy Vale"))
    cy = next(item for item in dialog.present.items() if item.text().startswith("Cy Vale"))
    cy.setCheckState(Qt.CheckState.Unchecked)  # Cy is off sick after all: untick her by hand
    cy.setCheckState(Qt.CheckState.Checked)  # no, she came in: tick her again by hand
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText("Ash Lee"))
    assert cy.checkState() == Qt.CheckState.Checked and dialog.count_label.text() == f"2 of {total} present"
    dialog.reject()


def test_starting_records_who_is_present_the_guest_and_the_ground_rules(window: MainWindow) -> None:
    team = add_team(window)
    live = window.live_session
    heard: list[tuple[object, ...]] = []
    live.started.connect(lambda session_id: heard.append(("started", session_id)))
    live.segment_changed.connect(lambda position, phase: heard.append(("segment", position, phase)))
    session = start_session(
        window,
        present=("Ash Lee", "Cy Vale"),
        guests=("Dr Émile Ng-O'Hara",),
        topic="  \u202eSupporting a carer   under strain ",
    )
    assert heard == [("started", session.id), ("segment", 0, "opening")]

    assert session.status is SessionStatus.LIVE and session.ground_rules_agreed_at is not None
    assert session.topic == "Supporting a carer under strain"
    guest = next(m for m in teams.list_members(window.context.db, team.id) if m.role is Role.GUEST)
    assert guest.display_name == "Dr Émile Ng-O'Hara"
    present = {
        teams.get_member(window.context.db, i).display_name
        for i in sessions.attendee_ids(window.context.db, session.id)
    }
    assert present == {"Ash Lee", "Cy Vale", "Dr Émile Ng-O'Hara"}
    assert [s.planned_seconds // 60 for s in sessions.segments(window.context.db, session.id)] == list(
        REFLECTIVE_MINUTES
    )
    assert window.pages.currentIndex() == LIVE_PAGE
    assert live.session_id == session.id and live.team_id == team.id
    assert sessions.timer_state(window.context.db, session.id) is not None, "the first timer state is saved at once"
    assert window.session_flow.header_button.text() == "End session…"


def test_starting_with_no_team_says_to_create_one_first(window: MainWindow) -> None:
    """The whole Start dialog opened with every list empty, and said so only after Next."""
    assert window.session_flow.open_start_dialog() is None
    box = window.session_flow.error_box
    assert box is not None and box.isVisible() and "Create a team first (File ▸ New team…)" in box.text()
    box.close()


def test_a_guest_of_last_time_is_offered_after_the_team_and_not_ticked_with_everyone(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tick everyone ticked last session's guest too, and counted them among the team's absences."""
    add_team(window)
    start_session(window, present=("Ash Lee",), guests=("Dee Visitor",))
    window.session_flow.end_now()
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    names = [item.data(Qt.ItemDataRole.AccessibleTextRole) for item in dialog.present.items()]
    assert names[-1] == "Dee Visitor, Guest" and len(names) == len(ROSTER) + 1
    dialog.ui.tickEveryoneButton.click()
    guest = dialog.present.items()[-1]
    assert guest.checkState() == Qt.CheckState.Unchecked
    assert dialog.count_label.text() == f"{len(ROSTER)} of {len(ROSTER)} present"
    guest.setCheckState(Qt.CheckState.Checked)  # they came again
    assert dialog.count_label.text() == f"{len(ROSTER)} of {len(ROSTER)} present, and 1 guest"
    dialog.guest_edit.setText("Eve Newcomer")
    assert dialog.add_guest()
    assert dialog.count_label.text() == f"{len(ROSTER)} of {len(ROSTER)} present, and 2 guests"
    answer_leaving(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()


def test_not_agreeing_to_the_ground_rules_is_recorded_as_such(window: MainWindow) -> None:
    add_team(window)
    session = start_session(window, agreed=False)
    assert session.ground_rules_agreed_at is None


def test_bad_guests_and_cancelling_change_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    team = add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    for bad, reason in (("   ", "empty"), ("ash LEE", "already on the list"), ("Bo\x07b", "control character")):
        dialog.guest_edit.setText(bad)
        assert not dialog.add_guest()
        assert reason in dialog.error_label.text()
    assert not dialog.go_to_ground_rules(), "nobody is ticked"
    assert "Tick who is present" in dialog.error_label.text()
    dialog.set_present({"Ash Lee"})
    dialog.topic_edit.setText("Carers\x07 under strain")
    assert not dialog.go_to_ground_rules() and "control character" in dialog.error_label.text()
    dialog.topic_edit.setText("x" * 5000)
    assert len(dialog.topic_edit.text()) == 80, "a huge paste is cut to the longest topic"
    dialog.topic_edit.setText("Carers under strain")
    assert dialog.go_to_ground_rules()
    dialog.guest_edit.setText("Guest Speaker")
    assert dialog.add_guest()
    asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert len(asked) == 1 and not dialog.isVisible()  # the topic and guest typed are left only once asked

    assert sessions.session_count(window.context.db) == 0
    assert [m.display_name for m in teams.list_members(window.context.db, team.id)] == list(ROSTER)
    assert not window.live_session.is_live and window.pages.currentIndex() == PREPARE_PAGE


def test_each_segment_change_is_announced_and_its_actual_time_saved(
    window: MainWindow, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    add_team(window)
    session = start_session(window)
    fake_clock.advance(6 * 60 + 5)
    with qtbot.waitSignal(window.live_session.segment_changed) as blocker:
        window.session_flow.actions.next_segment.trigger()
    assert blocker.args == [1, "review"]
    first = sessions.segments(window.context.db, session.id)[0]
    assert first.actual_seconds == 365 and first.actual_start is not None and first.actual_end is not None


def test_the_heartbeat_saves_the_timer_at_least_every_ten_seconds(window: MainWindow, fake_clock: FakeClock) -> None:
    add_team(window)
    session = start_session(window)
    heartbeat = window.session_flow.live_timer.findChild(QTimer, "timerHeartbeat")
    assert heartbeat is not None and heartbeat.isActive() and heartbeat.interval() == HEARTBEAT_MS <= 10_000
    fake_clock.advance(7)
    heartbeat.timeout.emit()
    state = json.loads(sessions.timer_state(window.context.db, session.id) or "{}")
    assert state["current_elapsed_seconds"] == 7 and state["status"] == "running"


def test_ending_confirms_saves_planned_against_actual_and_shows_the_summary(
    window: MainWindow, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    add_team(window)
    session = start_session(window)
    flow = window.session_flow
    taken = (6, 4, 12)
    for minutes in taken:
        fake_clock.advance(minutes * 60)
        flow.actions.next_segment.trigger()
    fake_clock.advance(3 * 60)  # three minutes into Clarifying questions, then the meeting is cut short

    saved_before_panes_flushed: list[float | None] = []
    window.live_session.ending.connect(
        lambda sid: saved_before_panes_flushed.append(sessions.segments(window.context.db, sid)[3].actual_seconds)
    )
    flow.actions.end_session.trigger()
    confirmation = flow.end_confirmation
    assert confirmation is not None and confirmation.isVisible() and window.live_session.is_live
    with qtbot.waitSignal(window.live_session.ended):
        confirmation.button(QMessageBox.StandardButton.Yes).click()

    assert saved_before_panes_flushed == [180], "actuals are saved before LiveSession.finish()"
    ended = sessions.get_session(window.context.db, session.id)
    assert ended.status is SessionStatus.ENDED and ended.ended_at is not None
    rows = sessions.segments(window.context.db, session.id)
    assert [(r.planned_seconds, r.actual_seconds) for r in rows] == [
        (300, 360),
        (300, 240),
        (600, 720),
        (480, 180),
        (1320, None),
        (420, None),
        (180, None),
    ]
    summary = flow.summary_dialog
    assert summary is not None and summary.isVisible()
    assert summary.model.rowCount() == 7 and summary.model.outcomes[0].difference_words == "1 min over"
    assert summary.model.outcomes[4].difference_words == "not reached"
    assert "3 present" in summary.counts_label.text()
    assert window.pages.currentIndex() == PREPARE_PAGE
    assert not window.live_session.is_live and flow.header_button.text() == "Start session…"
    assert window.timer_panel.view is None and not window.timer_panel.empty_label.isHidden()


def test_the_summary_shows_every_segment_without_scrolling_while_the_screen_has_room(window: MainWindow) -> None:
    """Qt opened the summary two thirds of the screen tall, and the last segments of the agenda scrolled (a row cut
    in half at the foot of the table) with room to spare below the dialog."""
    add_team(window)
    start_session(window)
    summary = window.session_flow.end_now()
    assert summary is not None and summary.isVisible()
    table = summary.ui.summaryTable
    assert table.model().rowCount() == 7
    assert table.verticalScrollBar().maximum() == 0
    assert table.viewport().height() >= table.verticalHeader().length(), "every segment's row whole"
    room, frame = summary.screen().availableGeometry(), summary.frameGeometry()
    assert room.top() <= frame.top() and frame.bottom() <= room.bottom(), "the Close button within reach"


def test_while_a_session_is_live_the_header_names_its_team_and_keeps_it(window: MainWindow) -> None:
    """Started for another team than the one shown, then a switch tried: the Live page, the Prepare view, reports and
    exports would otherwise follow two different teams."""
    harbour = add_team(window)
    other = teams.create_team(
        window.context.db, "Riverside Team", [("Kai Moss", Role.FACILITATOR)], window.context.now()
    )
    window.reload_teams(other.id)
    combo = window.header.team_combo
    assert combo.isEnabled() and window.current_team_id() == other.id
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.team_combo.setCurrentIndex(dialog.team_combo.findData(harbour.id))  # started for the other team
    dialog.set_present(set(ROSTER))
    assert dialog.go_to_ground_rules(), dialog.error_label.text()
    dialog.start_button.click()
    assert window.live_session.team_id == harbour.id
    assert window.current_team_id() == harbour.id and window.review_panel.team == teams.get_team(
        window.context.db, harbour.id
    )
    assert not combo.isEnabled() and "end the session to switch team" in combo.toolTip()
    window.team_actions.create("Seaside Team", (("Lee Park", Role.FACILITATOR),))  # File ▸ New team meanwhile
    assert window.current_team_id() == harbour.id and not combo.isEnabled(), "the header keeps the live team"
    assert combo.findText("Seaside Team") >= 0
    box = window.session_flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert combo.isEnabled() and combo.toolTip() == ""


def test_cancelling_the_end_keeps_the_session_running(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    flow = window.session_flow
    box = flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.live_session.is_live and flow.live_timer.is_attached


def test_next_on_the_last_segment_asks_to_end(window: MainWindow, fake_clock: FakeClock) -> None:
    add_team(window)
    start_session(window)
    flow = window.session_flow
    for minutes in REFLECTIVE_MINUTES[:-1]:
        fake_clock.advance(minutes * 60)
        flow.actions.next_segment.trigger()
    assert flow.live_timer.on_last_segment
    fake_clock.advance(60)
    flow.actions.next_segment.trigger()
    assert flow.end_confirmation is not None and flow.end_confirmation.isVisible()
    assert window.live_session.is_live


def test_forgot_to_start_prompts_gently_once(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    window = clocked_window
    team = add_team(window)
    local_now = fake_clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0)
    series.add_series(
        window.context.db,
        team.id,
        SessionKind.REFLECTIVE,
        _weekly_rule_at(local_now + timedelta(minutes=5)),
        fake_clock.now(),
    )
    reminder, banner = window.session_flow.reminder, window.session_flow.reminder_banner
    assert reminder.check() is None and banner.isHidden()
    fake_clock.advance(6 * 60)
    assert reminder.check() is not None
    assert not banner.isHidden() and "Reflective practice CoP was planned to start at" in banner.label.text()
    assert reminder.check() is None, "each planned start is mentioned once"
    banner.button("Start session…").click()
    assert window.session_flow.start_dialog is not None and window.session_flow.start_dialog.isVisible()


def test_no_prompt_when_the_session_was_started(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    window = clocked_window
    team = add_team(window)
    local_now = fake_clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0)
    series.add_series(
        window.context.db,
        team.id,
        SessionKind.REFLECTIVE,
        _weekly_rule_at(local_now + timedelta(minutes=5)),
        fake_clock.now(),
    )
    start_session(window)
    fake_clock.advance(6 * 60)
    assert window.session_flow.reminder.check() is None
    assert window.session_flow.reminder_banner.isHidden()


def test_a_start_that_passed_before_the_window_opened_is_not_a_reminder(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    team = add_team(window)
    local_now = fake_clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0)
    series.add_series(
        window.context.db,
        team.id,
        SessionKind.REFLECTIVE,
        _weekly_rule_at(local_now - timedelta(minutes=5)),
        fake_clock.now(),
    )
    fake_clock.advance(60)
    assert window.session_flow.reminder.check() is None


def test_a_paste_too_long_for_a_start_field_says_what_was_not_taken(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 20,000-character paste into Topic was cut to 80 characters without a word."""
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    QGuiApplication.clipboard().setText("A long paste " * 2000)
    fields = (
        (dialog.topic_edit, "Topic"),
        (dialog.guest_edit, "Guest name"),
        (dialog.plan_fields.trigger_warning, "Trigger warning"),
        (dialog.plan_fields.support, "Support offered"),
    )
    for field, name in fields:
        dialog.error_label.clear()
        field.setFocus()
        field.paste()
        limit = field.validator()
        assert isinstance(limit, CharacterLimit) and len(field.text()) == limit.most
        assert dialog.error_label.text() == f"{name} holds at most {limit.most:,} characters: the rest was not taken."
    answer_leaving(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()


def test_the_start_reminder_stops_when_the_window_closes(window: MainWindow) -> None:
    """Its database closes with the window: a check after that would fail inside the event loop."""
    add_team(window)
    reminder = window.session_flow.reminder
    assert reminder.watching
    window.close()
    assert not window.isVisible() and not reminder.watching
