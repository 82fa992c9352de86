"""The series editor and the report menu entries, driven as the facilitator would."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk import paths
from copdesk.core import cancellations
from copdesk.core.model import Role, SessionKind, Team
from copdesk.core.schedule import Preset, ReflectiveWeeks, build_rule
from copdesk.core.series_draft import NO_SESSION_LEFT
from copdesk.store import schedule, series, sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.demo import bank_questions, fill_demo
from copdesk.views.calendar.series_dialog import PAUSED_DATES, SEND_CANCELLATIONS, UNREADABLE, SeriesDialog
from copdesk.views.calendar.series_picker import NO_CHANGES, NO_DATES
from copdesk.views.context import AppContext
from copdesk.views.reports.export_dialogs import CpdDialog, QuarterReportDialog, SessionRecordDialog
from copdesk.views.reports.report_actions import ReportActions
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets import theme
from tests.conftest import FakeClock
from tests.pdf_text import pdf_text

NOW = datetime(2026, 8, 20, 12, 0, tzinfo=UTC)  # midday: the same local day wherever the tests run


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    opened = open_database(db_path, paths.migrations_dir())
    yield AppContext(opened.db, opened.path, lambda: 0.0, lambda: NOW, paths.asset_dir("resources"))
    opened.db.close()


@pytest.fixture
def team(context: AppContext) -> Team:
    return teams.create_team(context.db, "Calendar Team", [("Fern Quill", Role.FACILITATOR)], NOW)


def _dialog(qtbot: QtBot, context: AppContext, team: Team) -> SeriesDialog:
    dialog = SeriesDialog(context, team)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _pick(dialog: SeriesDialog, kind: SessionKind, weekday: int, hour: int, first: date) -> None:
    dialog.form.kind_combo.setCurrentIndex(dialog.form.kind_combo.findData(kind.value))
    dialog.form.day_combo.setCurrentIndex(weekday)
    dialog.form.time_edit.setTime(QTime(hour, 0))
    dialog.form.first_date_edit.setDate(QDate(first.year, first.month, first.day))


def test_a_new_spotlight_series_previews_and_saves(qtbot: QtBot, context: AppContext, team: Team) -> None:
    dialog = _dialog(qtbot, context, team)
    assert dialog.editor_heading.text() == "New series (not saved yet)"
    _pick(dialog, SessionKind.SPOTLIGHT, 1, 13, date(2026, 9, 1))
    assert not dialog.form.weeks_combo.isVisible()  # weeks are only asked for reflective practice
    assert dialog.dates.preview_model.stringList() == [
        "Tue 8 Sep 2026, 13:00",  # the first full week of September 2026, not the 1st
        "Tue 6 Oct 2026, 13:00",
        "Tue 3 Nov 2026, 13:00",
        "Tue 8 Dec 2026, 13:00",
        "Tue 5 Jan 2027, 13:00",
        "Tue 2 Feb 2027, 13:00",
    ]
    assert "Tuesday of the first full week of each month at 13:00" in dialog.words_label.text()
    assert series.series_for_team(context.db, team.id) == []  # nothing stored before Save
    assert dialog.save()
    stored = series.series_for_team(context.db, team.id)
    assert [(s.kind, s.rule) for s in stored] == [
        (SessionKind.SPOTLIGHT, build_rule(Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 9, 1))))
    ]
    found = schedule.next_session(context.db, team.id, NOW)
    assert found is not None and found.moment == datetime(2026, 9, 8, 13, 0)


def test_a_date_another_series_holds_too_is_said_under_the_dates(qtbot: QtBot, context: AppContext, team: Team) -> None:
    """The masterclass gives the Spotlight the first full week and reflective practice the 2nd: with both on a
    Tuesday they fall on the same day in any month that starts on a Tuesday to a Friday, and nothing said so."""
    spotlight = build_rule(Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 9, 1)))
    series.add_series(context.db, team.id, SessionKind.SPOTLIGHT, spotlight, NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.add_series()
    _pick(dialog, SessionKind.REFLECTIVE, 1, 10, date(2026, 9, 1))
    said = dialog.dates.missing_label.text().splitlines()
    assert "Tue 8 Sep 2026 is also the Spotlight session's day." in said
    assert all(line.endswith("is also the Spotlight session's day.") for line in said)
    assert dialog.dates.missing_label.isVisible()
    _pick(dialog, SessionKind.REFLECTIVE, 3, 10, date(2026, 9, 1))  # on Thursdays: never the same day
    assert not dialog.dates.missing_label.isVisible()
    dialog.revert()


def test_a_start_date_far_ahead_is_kept_within_a_year(qtbot: QtBot, context: AppContext, team: Team) -> None:
    """31 Dec 9999 made the calendar's arithmetic fail: an internal error, then Save kept the earlier rhythm."""
    dialog = _dialog(qtbot, context, team)
    _pick(dialog, SessionKind.TM_SSW, 3, 10, date(9999, 12, 31))

    assert dialog.form.first_date_edit.date() == QDate(2027, 8, 20)  # a year from NOW
    assert dialog.dates.preview_model.stringList()[0] == "Thu 26 Aug 2027, 10:00"  # the form and the dates agree
    assert dialog.save()
    (stored,) = series.series_for_team(context.db, team.id)
    assert "DTSTART:20270820T100000" in stored.rule  # what was saved is what the form showed


def test_a_start_date_long_past_is_kept_within_this_quarter(qtbot: QtBot, context: AppContext, team: Team) -> None:
    """1 Jan 2000 was taken and saved: every quarter since then counted the series' dates as planned and not held."""
    dialog = _dialog(qtbot, context, team)
    _pick(dialog, SessionKind.REFLECTIVE, 3, 10, date(2000, 1, 1))

    assert dialog.form.first_date_edit.date() == QDate(2026, 7, 1)  # NOW is in July to September
    assert dialog.save()
    (stored,) = series.series_for_team(context.db, team.id)
    assert "DTSTART:20260701T100000" in stored.rule
    before = schedule.scheduled_between(context.db, team.id, date(2026, 4, 1), date(2026, 6, 30), NOW)
    assert before == []  # the quarter before shows no session planned


def test_a_series_saved_with_an_older_start_opens_as_it_was(qtbot: QtBot, context: AppContext, team: Team) -> None:
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2025, 1, 1)))
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    dialog = _dialog(qtbot, context, team)
    assert dialog.form.first_date_edit.date() == QDate(2025, 1, 9) and not dialog.dirty  # its first Thursday


def test_the_notes_under_type_are_whole_when_the_dialog_is_short_of_room(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """With several dates changed, the dialog squeezed who runs the type and how weeks count, and cut their last
    line ("…Roles and responsibilities 2025)"): it grows instead."""
    dialog = _dialog(qtbot, context, team)
    theme.apply(dialog, paths.asset_dir("resources"), theme.LIGHT)  # the window's look, as opened from it
    dialog.resize(960, 640)
    for row in (0, 1, 1):
        dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(row))
        dialog.skip_selected()
    for _ in range(3):
        dialog.add_extra()
    QApplication.processEvents()
    assert len(dialog.dates.changes_model.stringList()) == 4
    for label in (dialog.form.owner_label, dialog.form.counting_label):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert dialog.height() <= 768 - 30  # still within the laptop's screen, below a title bar
    dialog.revert()


def test_skip_and_one_off_are_saved_only_on_save(qtbot: QtBot, context: AppContext, team: Team) -> None:
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    saved = series.add_series(context.db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    dialog = _dialog(qtbot, context, team)
    assert dialog.dates.no_changes_label.isVisible() and dialog.dates.no_changes_label.text() == NO_CHANGES
    assert not dialog.dates.changes_view.isVisible() and not dialog.dates.undo_button.isVisible()
    dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(0))
    dialog.skip_selected()
    dialog.dates.extra_edit.setDateTime(QDateTime(QDate(2026, 9, 15), QTime(10, 0)))
    dialog.add_extra()
    assert dialog.dates.changes_model.stringList() == [
        "Skipped: Thu 10 Sep 2026, 10:00",
        "Extra: Tue 15 Sep 2026, 10:00",
    ]
    assert dialog.dates.changes_view.isVisible() and not dialog.dates.no_changes_label.isVisible()
    assert dialog.dates.preview_model.stringList()[:2] == ["Tue 15 Sep 2026, 10:00  (extra)", "Thu 24 Sep 2026, 10:00"]
    assert series.get_series(context.db, saved.id).rule == rule
    assert dialog.save()
    upcoming = [s.moment.date() for s in schedule.upcoming_sessions(context.db, team.id, NOW, 2)]
    assert upcoming == [date(2026, 9, 15), date(2026, 9, 24)]
    dialog.dates.changes_view.setCurrentIndex(dialog.dates.changes_model.index(0))
    dialog.undo_selected_change()
    assert dialog.save()
    upcoming = [s.moment.date() for s in schedule.upcoming_sessions(context.db, team.id, NOW, 2)]
    assert upcoming == [date(2026, 9, 10), date(2026, 9, 15)]


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (QDateTime(QDate(2026, 8, 1), QTime(10, 0)), "has to be in the future"),
        (QDateTime(QDate(2026, 9, 12), QTime(10, 0)), "Monday to Friday"),
        (QDateTime(QDate(2026, 9, 10), QTime(10, 0)), "already a session"),
    ],
)
def test_a_bad_one_off_is_one_line_and_changes_nothing(
    qtbot: QtBot, context: AppContext, team: Team, when: QDateTime, message: str
) -> None:
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.dates.extra_edit.setDateTime(when)
    dialog.add_extra()
    assert message in dialog.message_label.text() and "\n" not in dialog.message_label.text()
    assert dialog.message_label.property("level") == "red"
    assert not dialog.dirty and not dialog.save_button.isEnabled()


def test_a_tuesday_series_starts_from_its_first_tuesday_and_offers_one_offs_on_tuesdays(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """A series stored "from Friday 1 May" shows its first session, and the one-off date is on its own weekday."""
    rule = build_rule(Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 5, 1)))
    series.add_series(context.db, team.id, SessionKind.SPOTLIGHT, rule, NOW)
    dialog = _dialog(qtbot, context, team)
    assert dialog.form.first_date_edit.date() == QDate(2026, 5, 5)
    assert dialog.form.first_date_edit.text() == "Tue 5 May 2026"
    assert not dialog.dirty  # showing the first session is not an edit
    assert dialog.dates.extra_edit.dateTime() == QDateTime(QDate(2026, 8, 25), QTime(13, 0))  # NOW is a Thursday
    dialog.form.day_combo.setCurrentIndex(2)  # to Wednesday: the offer follows the series' new day
    assert dialog.dates.extra_edit.dateTime() == QDateTime(QDate(2026, 8, 26), QTime(13, 0))
    dialog.revert()
    dialog.add_extra()  # the offered date is free, so it is taken as it is
    assert dialog.dates.changes_model.stringList() == ["Extra: Tue 25 Aug 2026, 13:00"]
    assert dialog.dates.extra_edit.dateTime() == QDateTime(QDate(2026, 9, 1), QTime(13, 0))  # then the next free one


def test_every_month_keeps_both_reflective_sessions_and_the_editor_says_how_weeks_count(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    dialog = _dialog(qtbot, context, team)
    _pick(dialog, SessionKind.REFLECTIVE, 3, 10, date(2026, 9, 1))
    assert dialog.dates.preview_model.stringList()[:4] == [
        "Thu 10 Sep 2026, 10:00",
        "Thu 24 Sep 2026, 10:00",  # counted from the first full week, September lost this one
        "Thu 8 Oct 2026, 10:00",
        "Thu 22 Oct 2026, 10:00",
    ]
    assert not dialog.dates.missing_label.isVisible()
    assert dialog.form.counting_label.text() == (
        "Weeks count the day: the 2nd week is the month's 2nd Thursday (8th to 14th) and the 4th week is the "
        "month's 4th Thursday (22nd to 28th), so every month has both."
    )
    assert dialog.form.kind_combo.currentText() == "Reflective practice CoP: “2nd and/or 4th week of the month”"
    _pick(dialog, SessionKind.SPOTLIGHT, 1, 13, date(2026, 9, 1))
    assert dialog.form.counting_label.text().startswith("1st full week: the first Monday-to-Friday week wholly")


def test_the_editor_says_who_runs_each_type_in_the_masterclass_words(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    dialog = _dialog(qtbot, context, team)
    owners = {}
    for kind in SessionKind:
        _pick(dialog, kind, 3, 10, date(2026, 9, 1))
        assert dialog.form.owner_label.isVisible()
        owners[kind] = dialog.form.owner_label.text()
    assert owners[SessionKind.SPOTLIGHT] == (
        "Run by the Social Work Consultants/Convenors: you record who attended and what was learned. "
        "“managed by Social Work Consultants/Convenors” (Masterclass, Different CoP sessions)"
    )
    assert owners[SessionKind.THEMED].endswith(
        "“facilitated by Practice Supervisors” (Masterclass, Different CoP sessions)"
    )
    assert owners[SessionKind.REFLECTIVE].startswith("Run by the team's facilitator (you)")
    assert "“Schedule and co-ordinate TM/SSW CoPs every 3 months”" in owners[SessionKind.TM_SSW]


@pytest.mark.parametrize("kind", list(SessionKind))
def test_the_editor_s_hint_lines_are_as_tall_as_their_words(
    qtbot: QtBot, context: AppContext, team: Team, kind: SessionKind
) -> None:
    """Who runs the type and how its weeks count sit under the type with no blank between them: each line is as tall
    as its words at its width (the form made them as tall as the words wrapped at a narrower width of their own)."""
    dialog = _dialog(qtbot, context, team)
    theme.apply(dialog, paths.asset_dir("resources"), theme.LIGHT)  # the window's look, as opened from it
    dialog.resize(960, 640)
    _pick(dialog, kind, 1, 13, date(2026, 6, 2))
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    owner, counting = dialog.form.owner_label, dialog.form.counting_label
    for label in (owner, counting):
        assert label.isVisible() and label.height() == label.heightForWidth(label.width()), label.text()
    assert counting.geometry().top() - owner.geometry().bottom() <= 12


def test_a_series_saved_with_full_weeks_says_which_months_lack_a_session_and_how_to_fix_it(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    days = "11,12,13,14,15,16,17,25,26,27,28,29,30,31"
    old = f"DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY={days}"
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, old, NOW)
    dialog = _dialog(qtbot, context, team)
    assert dialog.dates.missing_label.isVisible()
    lines = dialog.dates.missing_label.text().splitlines()
    assert lines[0] == "No 4th-week session in September 2026: that Thursday would be 1 October."
    assert lines[-1].startswith("Choose the weeks again")
    assert "no 4th-week session when that Thursday falls in the next month" in dialog.words_label.text()
    dialog.form.weeks_combo.setCurrentIndex(dialog.form.weeks_combo.findData(ReflectiveWeeks.SECOND.value))
    dialog.form.weeks_combo.setCurrentIndex(dialog.form.weeks_combo.findData(ReflectiveWeeks.SECOND_AND_FOURTH.value))
    assert not dialog.dates.missing_label.isVisible()
    assert "Thu 24 Sep 2026, 10:00" in dialog.dates.preview_model.stringList()
    dialog.revert()


def test_the_date_lists_are_as_tall_as_what_they_hold(qtbot: QtBot, context: AppContext, team: Team) -> None:
    """An empty list of changes is one line, not a tall empty box; the preview fits its six dates unscrolled."""
    dialog = _dialog(qtbot, context, team)
    dialog.resize(960, 720)
    qtbot.waitExposed(dialog)
    preview = dialog.dates.preview_view
    assert preview.verticalScrollBar().maximum() == 0
    assert preview.height() <= preview.sizeHintForRow(0) * 6 + 4 * preview.frameWidth() + 8
    assert dialog.dates.no_changes_label.height() < preview.height()
    for row in range(2):
        dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(row))
        dialog.skip_selected()
    changes = dialog.dates.changes_view
    qtbot.waitUntil(lambda: changes.height() >= changes.sizeHintForRow(0) * 2)
    assert changes.verticalScrollBar().maximum() == 0


ENDING = "DTSTART:20260901T100000\nRRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=2"  # 3 and 10 September, kept by an older CoPDesk


def test_a_series_with_no_date_to_come_still_lists_its_skips_to_undo(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """With its last date skipped, a rule that ends listed "None: every date follows the rhythm", and the skip could
    not be undone."""
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, ENDING + "\nEXDATE:20260910T100000", NOW)
    clock = FakeClock(datetime(2026, 9, 5, 12, 0, tzinfo=UTC))
    dialog = _dialog(qtbot, AppContext(context.db, context.db_path, clock, clock.now, context.resources), team)
    assert dialog.dates.preview_model.stringList() == [NO_DATES]
    assert dialog.dates.changes_model.stringList() == ["Skipped: Thu 10 Sep 2026, 10:00"]
    assert dialog.dates.undo_button.isVisible() and not dialog.dates.no_changes_label.isVisible()

    dialog.dates.changes_view.setCurrentIndex(dialog.dates.changes_model.index(0))
    dialog.undo_selected_change()

    assert dialog.dates.preview_model.stringList() == ["Thu 10 Sep 2026, 10:00"]
    assert dialog.save()


def test_skipping_the_last_session_of_a_rule_that_ends_is_refused_and_changes_nothing(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """It left a draft whose rule "cannot be read", which Save then refused."""
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, ENDING + "\nEXDATE:20260903T100000", NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(0))

    dialog.skip_selected()

    assert dialog.message_label.text() == NO_SESSION_LEFT and dialog.message_label.property("level") == "red"
    assert dialog.dates.preview_model.stringList() == ["Thu 10 Sep 2026, 10:00"] and not dialog.dirty
    assert dialog.dates.changes_model.stringList() == ["Skipped: Thu 3 Sep 2026, 10:00"]


def test_a_series_whose_rule_cannot_be_read_opens_and_is_replaced_by_picking_a_rhythm(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """A rule an earlier CoPDesk kept that can never meet its repeat (Thursday the 31st of February) stopped the
    Schedule dialog opening at all; and picking a rhythm, as the dialog asks, was refused with the same error."""
    unreadable = "DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY=31;BYMONTH=2"
    kept = series.add_series(context.db, team.id, SessionKind.REFLECTIVE, unreadable, NOW)
    dialog = _dialog(qtbot, context, team)
    assert dialog.words_label.text() == UNREADABLE
    assert dialog.message_label.text().startswith("No date can meet the repeat")
    assert dialog.dates.extra_moment() == datetime(2026, 9, 3, 10, 0), "a free Thursday to come, not 1 Jan 2000"

    _pick(dialog, SessionKind.REFLECTIVE, 2, 10, date(2026, 9, 1))

    assert dialog.words_label.text() == "<b>Every 2nd and 4th Wednesday at 10:00</b>" and dialog.dirty
    assert dialog.save()
    assert series.get_series(context.db, kept.id).rule == build_rule(
        Preset(SessionKind.REFLECTIVE, 2, time(10), date(2026, 9, 1))
    )


def test_a_rule_that_cannot_be_read_is_replaced_by_the_offered_rhythm_as_it_stands(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """Save stayed greyed out until a field of the offered rhythm was changed and changed back."""
    unreadable = "DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY=31;BYMONTH=2"
    kept = series.add_series(context.db, team.id, SessionKind.REFLECTIVE, unreadable, NOW, 90)
    dialog = _dialog(qtbot, context, team)
    assert dialog.save_button.isEnabled() and not dialog.revert_button.isEnabled() and not dialog.dirty
    offered = dialog.form.preset()

    dialog.save_button.click()

    stored = series.get_series(context.db, kept.id)
    assert (stored.kind, stored.rule, stored.duration_minutes) == (SessionKind.REFLECTIVE, build_rule(offered), 90)
    assert offered.first_date == date(2026, 8, 20) and offered.start == time(10)
    assert dialog.message_label.text() == "Saved." and not dialog.save_button.isEnabled()


def test_a_length_changed_alone_on_a_rule_that_cannot_be_read_is_saved_with_the_offered_rhythm(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """Save refused it with the rule's own error, as the draft kept the rule that cannot be read."""
    unreadable = "DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY=31;BYMONTH=2"
    kept = series.add_series(context.db, team.id, SessionKind.REFLECTIVE, unreadable, NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.form.duration_spin.setValue(75)
    offered = dialog.form.preset()

    assert dialog.save()

    stored = series.get_series(context.db, kept.id)
    assert (stored.rule, stored.duration_minutes) == (build_rule(offered), 75)


def test_a_custom_rule_s_picker_offers_its_own_type_at_10_from_today(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """The picker of a rule it cannot show kept whatever it held before: for a weekly Spotlight, Reflective practice
    on a Monday at 00:00 from the start of the quarter, so choosing only a day made a Reflective series at midnight."""
    weekly = "DTSTART:20260903T140000\nRRULE:FREQ=WEEKLY;BYDAY=TH"
    series.add_series(context.db, team.id, SessionKind.SPOTLIGHT, weekly, NOW)
    dialog = _dialog(qtbot, context, team)
    assert dialog.words_label.text().startswith("<b>Custom rule (pick a rhythm above to replace it): ")

    dialog.form.day_combo.setCurrentIndex(1)

    assert dialog.draft is not None and dialog.draft.kind is SessionKind.SPOTLIGHT
    assert dialog.words_label.text() == "<b>Tuesday of the first full week of each month at 10:00</b>"
    assert dialog.form.first_date_edit.date() == QDate(2026, 8, 20)


def test_skipping_without_choosing_a_date_says_what_to_do(qtbot: QtBot, context: AppContext, team: Team) -> None:
    dialog = _dialog(qtbot, context, team)
    dialog.dates.preview_view.clearSelection()
    dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(-1))
    dialog.skip_selected()
    assert dialog.message_label.text() == "Choose a date in the list of next sessions, then skip it."


def _editing_kind(dialog: SeriesDialog) -> SessionKind | None:
    return None if dialog.editing is None else dialog.editing.kind


def test_unsaved_changes_block_switching_series(qtbot: QtBot, context: AppContext, team: Team) -> None:
    for kind, day in ((SessionKind.REFLECTIVE, 3), (SessionKind.SPOTLIGHT, 1)):
        series.add_series(context.db, team.id, kind, build_rule(Preset(kind, day, time(10), date(2026, 9, 1))), NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.form.duration_spin.setValue(90)
    assert dialog.dirty
    dialog.series_view.setCurrentIndex(dialog.series_model.index(1))
    assert _editing_kind(dialog) is SessionKind.REFLECTIVE
    assert dialog.message_label.text() == "Save or revert the changes to this series first."
    dialog.revert()
    dialog.series_view.setCurrentIndex(dialog.series_model.index(1))
    assert _editing_kind(dialog) is SessionKind.SPOTLIGHT


@pytest.mark.parametrize(
    ("answer", "closed", "duration"),
    [
        (QMessageBox.StandardButton.Cancel, False, 60),
        (QMessageBox.StandardButton.Discard, True, 60),
        (QMessageBox.StandardButton.Save, True, 90),
    ],
)
def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot,
    context: AppContext,
    team: Team,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    closed: bool,
    duration: int,
) -> None:
    kind = SessionKind.REFLECTIVE
    series.add_series(context.db, team.id, kind, build_rule(Preset(kind, 3, time(10), date(2026, 9, 1))), NOW)
    dialog = _dialog(qtbot, context, team)
    asked: list[str] = []

    def question(box: QMessageBox) -> int:
        asked.append(f"{box.windowTitle()}: {box.text()}")
        return int(answer)

    monkeypatch.setattr(QMessageBox, "exec", question)
    dialog.form.duration_spin.setValue(90)
    dialog.reject()  # the Close button, Esc or the title bar
    assert asked == ["Unsaved schedule: Save the changes to this series before closing?"]
    assert dialog.isVisible() is not closed
    assert [s.duration_minutes for s in series.series_for_team(context.db, team.id)] == [duration]


def test_a_series_added_and_left_as_offered_is_asked_about_before_closing(
    qtbot: QtBot, context: AppContext, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Add series showed a rhythm and its next six dates; Close then dropped it without a word, as nothing had been
    changed from what was offered. A team's first, blank series is not asked about."""
    asked: list[str] = []

    def question(box: QMessageBox) -> int:
        asked.append(f"{box.windowTitle()}: {box.text()}")
        return int(QMessageBox.StandardButton.Save)

    monkeypatch.setattr(QMessageBox, "exec", question)
    untouched = _dialog(qtbot, context, team)  # no series yet: the blank one to start from
    untouched.reject()
    assert asked == [] and not untouched.isVisible()

    dialog = _dialog(qtbot, context, team)
    dialog.add_button.click()
    dialog.reject()
    assert asked == ["Unsaved schedule: Save the new series before closing?"]
    assert len(series.series_for_team(context.db, team.id)) == 1, "Save kept it"


def test_pausing_takes_a_series_off_the_calendar(qtbot: QtBot, context: AppContext, team: Team) -> None:
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.toggle_paused()
    assert schedule.next_session(context.db, team.id, NOW) is None
    assert "(paused)" in dialog.series_model.data(dialog.series_model.index(0))  # type: ignore[operator]
    assert dialog.pause_button.text() == "Res&ume"
    # The dates it would hold still show (a skip can be made before resuming), said to be on hold.
    assert dialog.dates.missing_label.text().splitlines()[0] == PAUSED_DATES
    dialog.toggle_paused()
    assert schedule.next_session(context.db, team.id, NOW) is not None
    assert PAUSED_DATES not in dialog.dates.missing_label.text()


def test_resuming_says_so_in_place_of_the_pause_s_message(qtbot: QtBot, context: AppContext, team: Team) -> None:
    """Resumed after a pause across the year end, the series still showed "Paused. Invited calendars may still hold
    the sessions taken off…" under it."""
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 12, 1)))
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    clock = FakeClock(datetime(2026, 12, 18, 12, 0, tzinfo=UTC))
    dialog = _dialog(qtbot, AppContext(context.db, context.db_path, clock, clock.now, context.resources), team)
    dialog.toggle_paused()
    assert dialog.message_label.text() == f"Paused. {SEND_CANCELLATIONS}"
    clock.advance(timedelta(days=18).total_seconds())

    dialog.toggle_paused()

    assert dialog.message_label.text() == "Resumed." and dialog.editor_heading.text() == "Reflective practice CoP"
    assert [found.moment for found in schedule.upcoming_sessions(context.db, team.id, clock.now(), 1)] == [
        datetime(2027, 1, 14, 10, 0)
    ]


def test_a_save_or_pause_that_takes_sessions_off_says_to_send_the_cancellations(
    qtbot: QtBot, context: AppContext, team: Team
) -> None:
    """A skipped date or a pause left the meetings in every calendar that held them, and nothing said so."""
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.dates.extra_edit.setDateTime(QDateTime(QDate(2026, 9, 15), QTime(10, 0)))
    dialog.add_extra()
    assert dialog.save() and dialog.message_label.text() == "Saved.", "nothing came off"
    dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(0))
    dialog.skip_selected()
    assert dialog.save()
    assert dialog.message_label.text() == f"Saved. {SEND_CANCELLATIONS}" and dialog.message_label.isVisible()
    assert "Reports ▸ Export cancellations for calendars…" in SEND_CANCELLATIONS
    dialog.toggle_paused()
    assert dialog.message_label.text() == f"Paused. {SEND_CANCELLATIONS}"
    QApplication.processEvents()


def test_a_save_that_gives_one_date_back_and_takes_another_off_still_says_to_send_the_cancellations(
    qtbot: QtBot, context: AppContext, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cancellation file was counted before and after each save, twice over every earlier file on the window's
    thread: a save that gave a skipped date back and skipped the next left the count as it was, so nothing was said
    of the date taken off. Only the files just before and after a save are compared now."""

    def every_earlier_file(_invitations: object) -> None:
        raise AssertionError("the whole cancellation file worked out at a save")

    monkeypatch.setattr(cancellations, "cancelled_meetings", every_earlier_file)
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    series.add_series(context.db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    dialog = _dialog(qtbot, context, team)
    dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(0))
    dialog.skip_selected()
    assert dialog.save() and dialog.message_label.text() == f"Saved. {SEND_CANCELLATIONS}"
    dialog.dates.changes_view.setCurrentIndex(dialog.dates.changes_model.index(0))
    dialog.undo_selected_change()
    dialog.dates.preview_view.setCurrentIndex(dialog.dates.preview_model.index(1))
    dialog.skip_selected()
    assert dialog.dates.changes_model.stringList() == ["Skipped: Thu 24 Sep 2026, 10:00"]

    assert dialog.save()

    assert dialog.message_label.text() == f"Saved. {SEND_CANCELLATIONS}"
    dialog.dates.extra_edit.setDateTime(QDateTime(QDate(2026, 9, 15), QTime(10, 0)))
    dialog.add_extra()
    assert dialog.save() and dialog.message_label.text() == "Saved.", "a one-off added takes nothing off"


def test_every_control_is_named_for_screen_readers(qtbot: QtBot, context: AppContext, team: Team) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QWidget

    dialog = _dialog(qtbot, context, team)
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox)
    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(dialog)]
    assert len(controls) >= 15
    assert [w for w in controls if not w.accessibleName()] == []


# -- the main window's menu entries ------------------------------------------------------------------
@pytest.fixture
def demo_window(window: MainWindow, fake_clock: FakeClock) -> MainWindow:
    db: Database = window.context.db
    fill_demo(db, fake_clock.now(), bank_questions(paths.resource_path("questions")))
    window.reload_teams()
    return window


def _menu_texts(window: MainWindow) -> dict[str, list[str]]:
    menus = window.menuBar().findChildren(QMenu)
    return {menu.title(): [action.text() for action in menu.actions() if action.text()] for menu in menus}


def test_the_schedule_and_reports_are_in_the_menus(demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    menus = _menu_texts(demo_window)
    assert "&Schedule…" in menus["&File"]
    assert menus["&Reports"] == [
        "Export session &record…",
        "Write the &self-assessment…",
        "Export &quarterly self-assessment…",
        "Export &CPD peer reflection evidence…",
        "Export the sessions for &invitations (iCalendar)…",
        "Export the invite &list (CSV)…",
        "Export ca&ncellations for calendars (iCalendar)…",
    ]
    opened: list[SeriesDialog] = []

    def record(dialog: SeriesDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(SeriesDialog, "exec", record)
    next(a for a in demo_window.findChildren(QAction) if a.text() == "&Schedule…").trigger()
    assert len(opened) == 1 and opened[0].team.name == demo_window.current_team().name  # type: ignore[union-attr]
    assert opened[0].series_model.rowCount() == 3


def _answer_with(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(ReportActions, "ask_save_path", lambda self, title, suggested, file_filter: target)
    for dialog in (SessionRecordDialog, QuarterReportDialog, CpdDialog):
        monkeypatch.setattr(dialog, "exec", lambda self: QDialog.DialogCode.Accepted)


def test_export_session_record_from_the_menu(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "record"  # no ending typed: the format's is added
    _answer_with(monkeypatch, target)
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        demo_window.reports.export_session_record()
    written = tmp_path / "record.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert "Session record: Northside Community Team" in pdf_text(written.read_bytes())
    assert str(written) in demo_window.statusBar().currentMessage()


def test_export_quarterly_report_and_summary_from_the_menu(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "q.html"
    _answer_with(monkeypatch, target)
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        demo_window.reports.export_quarterly_report()
    page = target.read_text(encoding="utf-8")
    assert "Facilitator&#x27;s CoP self-assessment: Northside Community Team, Q3 2026" in page  # the quarter just ended
    monkeypatch.setattr(QuarterReportDialog, "chosen_format", property(lambda self: self.formats["summary"]))
    summary = tmp_path / "q.json"
    _answer_with(monkeypatch, summary)
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        demo_window.reports.export_quarterly_report()
    assert '"format": "copdesk-quarter-summary"' in summary.read_text(encoding="utf-8")


def _exported_with_a_flagged_topic(
    window: MainWindow,
    session_id: int,
    dialog: type[QDialog],
    export: str,
    target: Path,
    mp: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> str:
    """Give the session a topic with a postcode, export as Markdown from the Reports menu; the file's text, without
    Markdown's escapes."""
    sessions.update_session_details(window.context.db, session_id, topic="Housing move to M14 5RT", presenter_id=None)
    _answer_with(mp, target)
    mp.setattr(dialog, "chosen_format", property(lambda self: self.formats["md"]))
    with qtbot.waitSignal(window.reports.export_finished, timeout=20000):
        getattr(window.reports, export)()
    return target.read_text(encoding="utf-8").replace("\\", "")


def test_the_quarterly_report_from_the_menu_redacts_identifiers_and_says_so(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    db, team = demo_window.context.db, demo_window.reports.current_team()
    assert team is not None
    held = [s for s in sessions.list_sessions(db, team.id) if s.started_at and s.started_at.startswith("2026-08")]
    text = _exported_with_a_flagged_topic(
        demo_window, held[0].id, QuarterReportDialog, "export_quarterly_report", tmp_path / "q.md", monkeypatch, qtbot
    )
    assert "M14 5RT" not in text and "Housing move to [postcode removed]" in text
    assert "possible identifier" in text and "possible identifier" in demo_window.statusBar().currentMessage()


def test_cpd_evidence_from_the_menu_redacts_identifiers_and_says_so(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    db, team = demo_window.context.db, demo_window.reports.current_team()
    assert team is not None
    practitioner = teams.list_members(db, team.id, include_inactive=True)[0]  # the dialog's first choice
    attended = [
        s
        for s in sessions.list_sessions(db, team.id)
        if s.started_at and s.started_at >= "2026-06" and practitioner.id in sessions.attendee_ids(db, s.id)
    ]
    text = _exported_with_a_flagged_topic(
        demo_window, attended[-1].id, CpdDialog, "export_cpd_evidence", tmp_path / "cpd.md", monkeypatch, qtbot
    )
    assert "M14 5RT" not in text and "Housing move to [postcode removed]" in text
    assert "possible identifier" in text and "possible identifier" in demo_window.statusBar().currentMessage()


def test_a_failed_export_says_why_in_one_line(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    _answer_with(monkeypatch, tmp_path / "missing" / "cpd.md")
    warnings: list[str] = []

    def warned(box: QMessageBox) -> int:
        warnings.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", warned)
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        demo_window.reports.export_cpd_evidence()
    assert len(warnings) == 1 and "does not exist" in warnings[0] and "\n" not in warnings[0]


def test_the_stylesheet_finds_the_spin_box_arrows() -> None:
    """Styling spin boxes hides their step buttons, so the stylesheet draws them from shipped icons."""
    from copdesk.views.widgets import theme

    resources = paths.asset_dir("resources")
    text = theme.stylesheet(resources, theme.LIGHT)
    assert "@icons@" not in text
    arrows = [Path(p) for p in re.findall(r'url\("([^"]+)"\)', text)]
    assert {p.name for p in arrows} >= {"spin-up.svg", "spin-down.svg"} and all(p.is_file() for p in arrows)
