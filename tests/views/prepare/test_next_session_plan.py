"""The Prepare view's "Next session" plan, in the real window: presenter and when they were asked, format, trigger
warning and support, co-facilitator; saved as it is made, offered by the start dialog, kept with the session."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from copdesk.core.model import Role, SessionKind, Team
from copdesk.core.planning import SessionRoles
from copdesk.core.schedule import Preset, build_rule
from copdesk.services import calendar
from copdesk.services.teams import set_member_active, set_member_role
from copdesk.store import planning, series, sessions, teams
from copdesk.store.records import session_record
from copdesk.views.prepare.next_session_plan import NO_FORMATS_YET
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock

ROSTER = (("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.CO_FACILITATOR), ("Cy Vale", Role.PRACTITIONER))
SESSION_DAY = date(2026, 10, 8)  # the fake clock's Thursday: the 2nd Thursday's 10:00 session is next


def _team(window: MainWindow) -> Team:
    team = teams.create_team(window.context.db, "Harbour Team", list(ROSTER), window.context.now())
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    series.add_series(window.context.db, team.id, SessionKind.REFLECTIVE, rule, window.context.now())
    window.reload_teams(team.id)
    window.review_panel.refresh()
    return team


def test_the_next_session_ends_when_its_series_length_says(clocked_window: MainWindow) -> None:
    """The card gave the start alone: a team on 90-minute sessions could not see when the next one ends."""
    window = clocked_window
    team = _team(window)
    (found,) = series.series_for_team(window.context.db, team.id)
    calendar.save_series(
        window.context.db, team.id, found.id, kind=found.kind, rule=found.rule, duration_minutes=90,
        now=window.context.now(),
    )  # fmt: skip
    window.review_panel.refresh()
    assert window.review_panel.review_sections.next_session.when.text() == "Thu 8 Oct 2026, 10:00 to 11:30"
    QApplication.processEvents()


def _member(window: MainWindow, team: Team, name: str) -> int:
    return next(m.id for m in teams.list_members(window.context.db, team.id) if m.display_name == name)


def test_the_plan_is_saved_as_it_is_made_and_the_start_dialog_takes_it(clocked_window: MainWindow) -> None:
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    assert "Reflective practice CoP on Thu 8 Oct 2026" in card.message.text()
    assert card.message.geometry().bottom() < card.presenter.mapTo(card, card.presenter.rect().topLeft()).y(), (
        "which session the plan is for is said before the plan, in the first screenful"
    )
    cy, bo = _member(window, team, "Cy Vale"), _member(window, team, "Bo Day")
    card.presenter.setCurrentIndex(card.presenter.findData(cy))
    card.asked.setChecked(True)
    card.asked_on.setDate(QDate(2026, 10, 1))
    card.fields.content_format.setCurrentIndex(card.fields.content_format.findData("research"))
    card.fields.co_facilitator.setCurrentIndex(card.fields.co_facilitator.findData(bo))
    card.fields.trigger_warning.setText("A sudden death at home")
    card.fields.trigger_warning.textEdited.emit("A sudden death at home")  # as typed
    card.fields.support.setText("Kai is free after the session")
    card.fields.support.textEdited.emit("Kai is free after the session")  # as typed
    stored = planning.next_session_plan(window.context.db, team.id, SESSION_DAY)
    assert (stored.presenter_id, stored.presenter_asked_on) == (cy, date(2026, 10, 1))
    assert stored.roles == SessionRoles(bo, "research", "A sudden death at home", "Kai is free after the session")
    assert card.message.text().startswith("Saved.")

    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    assert dialog.presenter_combo.currentText() == "Cy Vale"
    assert dialog.plan_fields.co_facilitator.currentData() == bo
    assert dialog.plan_fields.content_format.currentText() == "Research, a podcast, a webinar or current affairs"
    dialog.set_present({"Ash Lee", "Bo Day", "Cy Vale"})
    assert dialog.go_to_ground_rules()
    assert dialog.rules_label.text().endswith(
        "Support offered for this session: Kai is free after the session.</li></ol>"
    )
    assert dialog.rules_label.text().startswith(
        "<p><b>Trigger warning for this session: A sudden death at home.</b></p><ol>"
    ), "the planned warning is given before the rules"
    dialog.agreed_check.setChecked(True)
    dialog.start_button.click()
    session_id = window.live_session.session_id
    assert session_id is not None
    assert planning.session_roles(window.context.db, session_id) == stored.roles
    record = session_record(window.context.db, session_id, with_names=True)
    assert (record.co_facilitator, record.content_format) == (
        "Bo Day",
        "Research, a podcast, a webinar or current affairs",
    )


def test_a_spotlight_or_themed_session_takes_nothing_from_the_plan_for_the_teams_own_session(
    clocked_window: MainWindow,
) -> None:
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    bo, cy = _member(window, team, "Bo Day"), _member(window, team, "Cy Vale")
    card.presenter.setCurrentIndex(card.presenter.findData(cy))
    card.fields.co_facilitator.setCurrentIndex(card.fields.co_facilitator.findData(bo))
    card.fields.trigger_warning.setText("A sudden death at home")
    assert card.save()

    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    kinds = dialog.kind_combo
    assert dialog.presenter_combo.currentText() == "Cy Vale"
    kinds.setCurrentIndex(kinds.findData(SessionKind.SPOTLIGHT.value))
    assert dialog.presenter_combo.currentText() == "No presenter"  # the plan is for the session the team runs
    kinds.setCurrentIndex(kinds.findData(SessionKind.REFLECTIVE.value))
    assert dialog.presenter_combo.currentText() == "Cy Vale"
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText("Ash Lee"))
    kinds.setCurrentIndex(kinds.findData(SessionKind.THEMED.value))
    assert dialog.presenter_combo.currentText() == "Ash Lee"  # the facilitator's own choice stays
    dialog.presenter_combo.setCurrentIndex(0)
    dialog.set_present({"Bo Day"})
    dialog.next_button.click()  # a session the team attends starts at once

    session_id = window.live_session.session_id
    assert session_id is not None
    assert planning.session_roles(window.context.db, session_id) == SessionRoles()  # nothing from the hidden fields
    assert sessions.attendee_ids(window.context.db, session_id) == [bo]  # exactly who was ticked
    assert planning.next_session_plan(window.context.db, team.id, SESSION_DAY).presenter_id == cy  # kept for it


def test_the_planning_checklist_names_the_session_its_ticks_are_for(clocked_window: MainWindow) -> None:
    """Under a "Next session" of a Themed discussion the team attends, the checklist said "0 of 8 considered for Thu 22
    Oct 2026. Ticks are kept for this session only.": which session was "this"? It names the session as the plan
    beside it does, and says when none is scheduled rather than speaking of "this session"."""
    window = clocked_window
    db, now = window.context.db, window.context.now()
    team = teams.create_team(db, "Harbour Team", list(ROSTER), now)
    window.reload_teams(team.id)
    sections = window.review_panel.review_sections
    assert sections.planning.summary.text() == (
        "0 of 8 considered for the next session the team runs (none scheduled)."
    )
    themed = build_rule(Preset(SessionKind.THEMED, 3, time(13), date(2026, 10, 1)))  # Thu 15 Oct, attended
    series.add_series(db, team.id, SessionKind.THEMED, themed, now)
    reflective = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 10, 9)))  # from Thu 22 Oct
    series.add_series(db, team.id, SessionKind.REFLECTIVE, reflective, now)
    window.review_panel.refresh()
    assert sections.planning.summary.text() == (
        "0 of 8 considered for the Reflective practice CoP on Thu 22 Oct 2026 (kept for it only)."
    )
    assert "Reflective practice CoP on Thu 22 Oct 2026" in sections.plan.message.text(), "one session, named alike"


def test_a_planned_presenter_made_inactive_is_still_shown_and_the_plan_still_saves(clocked_window: MainWindow) -> None:
    """Made inactive after being asked: shown as "Nobody", the plan refused every later edit (a date asked with
    nobody to have asked), and the co-facilitator would have been dropped unsaid at the next save."""
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    cy, bo = _member(window, team, "Cy Vale"), _member(window, team, "Bo Day")
    card.presenter.setCurrentIndex(card.presenter.findData(cy))
    card.asked.setChecked(True)
    card.asked_on.setDate(QDate(2026, 10, 1))
    card.fields.co_facilitator.setCurrentIndex(card.fields.co_facilitator.findData(bo))
    assert card.save()
    for member_id in (cy, bo):
        set_member_active(window.context.db, member_id, False)
    window.review_panel.refresh()

    assert (card.presenter.currentText(), card.presenter.currentData()) == ("Cy Vale (inactive)", cy)
    assert card.asked.isChecked() and card.fields.co_facilitator.currentText() == "Bo Day (inactive)"
    card.fields.trigger_warning.setText("The case includes a death at home.")
    assert card.save(), card.message.text()
    stored = planning.next_session_plan(window.context.db, team.id, SESSION_DAY)
    assert (stored.presenter_id, stored.presenter_asked_on, stored.roles.co_facilitator_id) == (
        cy,
        date(2026, 10, 1),
        bo,
    )
    assert stored.roles.trigger_warning == "The case includes a death at home."
    card.presenter.setCurrentIndex(card.presenter.findData(_member(window, team, "Ash Lee")))  # someone else
    assert card.save() and planning.next_session_plan(window.context.db, team.id, SESSION_DAY).presenter_id != cy
    set_member_active(window.context.db, bo, True)
    set_member_role(window.context.db, bo, Role.GUEST)  # active again, but a guest: not offered, still shown
    window.review_panel.refresh()
    assert card.fields.co_facilitator.currentText() == "Bo Day (guest)"


def test_who_has_not_presented_and_which_formats_are_unused(clocked_window: MainWindow) -> None:
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    # Ash Lee facilitates: asking themselves to present is no suggestion.
    assert card.presenters_label.text() == "Not presented yet: Bo Day, Cy Vale."
    assert card.formats_label.text() == NO_FORMATS_YET
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present({"Ash Lee", "Cy Vale"})
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText("Cy Vale"))
    dialog.plan_fields.content_format.setCurrentIndex(dialog.plan_fields.content_format.findData("present-case"))
    assert dialog.go_to_ground_rules()
    dialog.start_button.click()
    box = window.session_flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    window.review_panel.refresh()
    assert card.presenters_label.text().startswith("Not presented for a while: Bo Day (never), Cy Vale (")
    assert card.formats_label.text().startswith("Formats not used in the team's last sessions: A recent training")
    assert "A case" not in card.formats_label.text()
    assert _member(window, team, "Cy Vale")


def test_with_nobody_to_suggest_as_presenter_it_says_where_to_put_it_right(clocked_window: MainWindow) -> None:
    """With everyone who could present made inactive it said "Add the team's members", and adding them again is
    refused as a name already on the roster; neither said where members are added."""
    window = clocked_window
    db, now = window.context.db, window.context.now()
    alone = teams.create_team(db, "Solo Team", [("Ash Lee", Role.FACILITATOR)], now)
    window.reload_teams(alone.id)
    card = window.review_panel.review_sections.plan
    assert card.presenters_label.text() == "Add the team's members in File ▸ Team members… to see who to ask."
    team = _team(window)
    for name in ("Bo Day", "Cy Vale"):
        set_member_active(db, _member(window, team, name), False)
    window.review_panel.refresh()
    assert card.presenters_label.text() == (
        "Nobody who could present attends now: make someone active again in File ▸ Team members…"
    )


def test_a_team_that_has_only_attended_a_spotlight_is_not_told_it_has_held_no_sessions(
    clocked_window: MainWindow,
) -> None:
    """A Spotlight is run by others and has no format of the team's, so it leaves every format new to the team; the
    hint said the team had held no sessions, which its history contradicts."""
    window = clocked_window
    team = _team(window)
    db, then = window.context.db, datetime(2026, 9, 24, 10, tzinfo=UTC)
    spotlight = sessions.create_session(db, team.id, SessionKind.SPOTLIGHT, then)
    sessions.start_session(db, spotlight.id, then, ground_rules_agreed=True)
    sessions.end_session(db, spotlight.id, then + timedelta(hours=1))
    window.review_panel.refresh()
    card = window.review_panel.review_sections.plan
    assert card.formats_label.text() == NO_FORMATS_YET and "held no sessions" not in NO_FORMATS_YET


def test_names_written_right_to_left_keep_their_places_among_those_not_presented(clocked_window: MainWindow) -> None:
    """Each is isolated: two side by side were laid out as one right-to-left run, swapping places and taking the comma
    between them along, and the brackets of "(never)" after one were turned round."""
    window = clocked_window
    team = _team(window)
    for name in ("דנה כהן", "جميلة حداد"):
        teams.add_member(window.context.db, team.id, name, Role.PRACTITIONER, window.context.now())
    window.review_panel.refresh()
    card = window.review_panel.review_sections.plan
    hebrew, arabic = "\u2068דנה כהן\u2069", "\u2068جميلة حداد\u2069"
    assert card.presenters_label.text() == f"Not presented yet: Bo Day, Cy Vale, {hebrew}, {arabic}."
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present({"Ash Lee", "Cy Vale"})
    dialog.presenter_combo.setCurrentIndex(dialog.presenter_combo.findText("Cy Vale"))
    assert dialog.go_to_ground_rules()
    dialog.start_button.click()
    box = window.session_flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    window.review_panel.refresh()
    assert card.presenters_label.text() == (
        f"Not presented for a while: Bo Day (never), {hebrew} (never), {arabic} (never), Cy Vale (Thu 8 Oct 2026)."
    )


def test_a_year_typed_wrong_in_asked_on_is_not_kept_as_the_day_they_were_asked(clocked_window: MainWindow) -> None:
    """The field went back to 14 Sep 1752 (Qt's earliest day): 1900 typed for 2026 was saved as the day asked."""
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    card.presenter.setCurrentIndex(card.presenter.findData(_member(window, team, "Cy Vale")))
    card.asked.setChecked(True)
    for wrong in (QDate(1900, 1, 1), QDate(1752, 9, 14)):
        card.asked_on.setDate(wrong)
        assert card.asked_on.date() != wrong
    asked = planning.next_session_plan(window.context.db, team.id, SESSION_DAY).presenter_asked_on
    today = window.context.now().date()
    assert asked is not None and today - timedelta(days=366) <= asked <= today


def test_a_bad_plan_is_refused_with_one_line_and_what_was_typed_stays(clocked_window: MainWindow) -> None:
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    card.fields.trigger_warning.setText("pasted\x07bell")
    card.fields.trigger_warning.textEdited.emit("pasted\x07bell")  # as typed
    assert "control character" in card.message.text() and card.fields.trigger_warning.text() == "pasted\x07bell"
    assert planning.next_session_plan(window.context.db, team.id, SESSION_DAY).is_empty
    card.presenter.setCurrentIndex(card.presenter.findData(_member(window, team, "Bo Day")))
    card.fields.trigger_warning.setText("")
    card.fields.co_facilitator.setCurrentIndex(card.fields.co_facilitator.findData(_member(window, team, "Bo Day")))
    assert "someone other than the presenter" in card.message.text()
    assert all(widget.accessibleName() for widget in (card.presenter, card.asked, card.asked_on, *card.fields.widgets))


def test_words_typed_into_the_plan_are_kept_at_once_and_the_start_dialog_has_them(clocked_window: MainWindow) -> None:
    """F5 (or closing the window) with the cursor still in the field used to find the words not yet saved."""
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    card.fields.trigger_warning.setFocus()
    QTest.keyClicks(card.fields.trigger_warning, "A fall at home")

    assert planning.next_session_plan(window.context.db, team.id, SESSION_DAY).roles.trigger_warning == "A fall at home"
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None and dialog.plan_fields.trigger_warning.text() == "A fall at home"
    dialog.reject()


def test_the_start_dialog_shows_planned_words_from_their_start_however_long(clocked_window: MainWindow) -> None:
    """A line edit filled with setText shows its end when the words are wider than it: "…ctice Supervisor is free"."""
    window = clocked_window
    _team(window)
    card = window.review_panel.review_sections.plan
    long_words = {
        card.fields.trigger_warning: "The case includes a sudden death at home, found by a neighbour days later",
        card.fields.support: "The Practice Supervisor is free for a chat after the session, and the EAP line all week",
    }
    for field, words in long_words.items():
        field.setText(words)
        field.textEdited.emit(words)  # as typed

    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    for field in (dialog.plan_fields.trigger_warning, dialog.plan_fields.support):
        assert field.fontMetrics().horizontalAdvance(field.text()) > field.width(), "the words are wider than the box"
        assert field.cursorPosition() == 0, f"{field.accessibleName()} shows the end of its words, not their start"
    dialog.reject()


def test_a_facilitator_starting_late_still_sees_the_plan_for_the_session_due_now(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    _team(window)
    card = window.review_panel.review_sections.plan
    card.fields.trigger_warning.setText("A sudden death at home")
    card.fields.trigger_warning.textEdited.emit("A sudden death at home")  # as typed

    fake_clock.wall = datetime(2026, 10, 8, 10, 2).astimezone()  # two minutes after the session's start
    window.review_panel.refresh()

    assert "Reflective practice CoP on Thu 8 Oct 2026" in card.message.text()
    assert card.fields.trigger_warning.text() == "A sudden death at home"
    assert window.review_panel.review_sections.next_session.when.text().endswith(", 10:00 to 11:00")
    assert "today" in window.review_panel.review_sections.next_session.kind.text()


def test_typing_into_the_plan_while_another_program_holds_the_file_is_refused_once_and_retry_saves_it_all(
    clocked_window: MainWindow, db_path: Path
) -> None:
    """Each key used to wait out the busy timeout again: four keys, twenty seconds of a frozen window."""
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    window.context.db.execute("PRAGMA busy_timeout = 0")  # refused at once, rather than after five seconds
    refusals: list[str] = []
    window.context.writes.failed.connect(refusals.append)
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")
    card.fields.trigger_warning.setFocus()
    QTest.keyClicks(card.fields.trigger_warning, "Fall")

    assert len(refusals) == 1 and window.context.writes.waiting == 1  # one refusal, one Retry
    other.rollback()
    other.close()
    assert window.context.writes.retry()
    assert planning.next_session_plan(window.context.db, team.id, SESSION_DAY).roles.trigger_warning == "Fall"


def test_a_paste_too_long_for_the_plan_says_what_was_not_taken(clocked_window: MainWindow) -> None:
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    QGuiApplication.clipboard().setText("The case involves a sudden death at home. " * 100)
    card.fields.trigger_warning.setFocus()
    card.fields.trigger_warning.paste()
    assert "Trigger warning holds at most 500 characters: the rest was not taken." in (card.message.text())
    stored = planning.next_session_plan(window.context.db, team.id, SESSION_DAY)
    assert (
        stored.roles.trigger_warning == card.fields.trigger_warning.text() and len(stored.roles.trigger_warning) == 500
    )


def _start_from_the_dialog(window: MainWindow, *, held_early: bool | None = None) -> int:
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    if held_early is not None:
        dialog.held_early_check.setChecked(held_early)
    dialog.set_present({"Ash Lee", "Bo Day"})
    assert dialog.go_to_ground_rules()
    dialog.agreed_check.setChecked(True)
    dialog.start_button.click()
    session_id = window.live_session.session_id
    assert session_id is not None
    return session_id


def test_a_session_held_hours_early_uses_up_the_plan_it_was_held_for(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Moved from 10:00 to 07:30 that morning: ticked (as it is on the day), the session holds the 10:00 one, so the
    Prepare view's next session and plan move on to the one after, as they do for a session started on time."""
    window = clocked_window
    team = _team(window)
    card = window.review_panel.review_sections.plan
    card.fields.trigger_warning.setText("A sudden death at home")
    card.fields.trigger_warning.textEdited.emit("A sudden death at home")  # as typed
    fake_clock.wall = datetime(2026, 10, 8, 7, 30).astimezone()

    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    assert dialog.scheduled_label.text() == "Next scheduled: Thursday 8 October at 10:00"
    assert dialog.held_early_check.isVisibleTo(dialog) and dialog.held_early_check.isChecked()
    assert dialog.plan_fields.trigger_warning.text() == "A sudden death at home", "the plan it is held for"
    dialog.reject()
    session_id = _start_from_the_dialog(window)

    held = sessions.get_session(window.context.db, session_id)
    assert held.planned_start is not None and held.series_id is not None
    window.session_flow.end_now()
    window.review_panel.refresh()
    assert "Reflective practice CoP on Thu 8 Oct 2026" not in card.message.text()
    assert card.fields.trigger_warning.text() == "", "the plan was used up"
    assert not window.review_panel.review_sections.next_session.when.text().startswith("Thu 8 Oct 2026")
    assert planning.next_session_plan(window.context.db, team.id, SESSION_DAY).roles.trigger_warning == (
        "A sudden death at home"
    ), "kept with the day it was made for"


def test_unticked_or_days_before_a_session_started_early_leaves_the_plan_for_its_day(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    _team(window)
    card = window.review_panel.review_sections.plan
    # Two days before (a practice run, say), and the same morning but three and a half hours before.
    for moment in (datetime(2026, 10, 6, 14, 0), datetime(2026, 10, 8, 6, 30)):
        fake_clock.wall = moment.astimezone()
        dialog = window.session_flow.open_start_dialog()
        assert dialog is not None
        assert dialog.held_early_check.isVisibleTo(dialog) and not dialog.held_early_check.isChecked()
        dialog.reject()
        session_id = _start_from_the_dialog(window)
        assert sessions.get_session(window.context.db, session_id).planned_start is None
        window.session_flow.end_now()

    fake_clock.wall = datetime(2026, 10, 8, 7, 30).astimezone()
    _start_from_the_dialog(window, held_early=False)
    window.session_flow.end_now()
    window.review_panel.refresh()
    assert "Reflective practice CoP on Thu 8 Oct 2026" in card.message.text()


def test_more_never_presented_than_the_card_names_are_counted_not_left_out(clocked_window: MainWindow) -> None:
    """Four names are shown; a fifth who had never presented was simply missing, as if they had."""
    window = clocked_window
    team = _team(window)
    for name in ("Di Moss", "Ed Hale", "Fay Roe"):
        teams.add_member(window.context.db, team.id, name, Role.PRACTITIONER, window.context.now())
    window.review_panel.refresh()
    card = window.review_panel.review_sections.plan
    assert card.presenters_label.text() == "Not presented yet: Bo Day, Cy Vale, Di Moss, Ed Hale and 1 more."
    teams.add_member(window.context.db, team.id, "Gil Orr", Role.PRACTITIONER, window.context.now())
    window.review_panel.refresh()
    assert card.presenters_label.text().endswith("Ed Hale and 2 more.")
