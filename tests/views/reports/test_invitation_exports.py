"""Reports ▸ Export the sessions for invitations / the invite list: Business Support's files, from the window."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.core.cancellations import WHAT_TO_DO
from copdesk.core.invitations import INVITATIONS_DOCUMENT
from copdesk.core.model import Role, SessionKind
from copdesk.core.quarterly import parse_quarter
from copdesk.core.schedule import Preset, build_rule, skip_date
from copdesk.services import calendar
from copdesk.store import schedule, series, teams
from copdesk.store.connection import open_database
from copdesk.store.quarterly import quarter_figures
from copdesk.store.review import review_pack
from copdesk.views.calendar.series_dialog import SeriesDialog
from copdesk.views.context import AppContext
from copdesk.views.reports.report_actions import InUseAnswer
from copdesk.views.shell.main_window import MainWindow
from tests.held_open import HeldOpen
from tests.ics_dates import event_dates, recurrence_id, sequence
from tests.views.export_helpers import finish_export
from tests.views.live_helpers import ROSTER, add_team


def _trigger(window: MainWindow, text: str) -> None:
    next(action for action in window.findChildren(QAction) if action.text() == text).trigger()


def test_the_calendar_and_the_invite_list_are_written_from_the_reports_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    team = add_team(window)
    rule = build_rule(Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 9, 1)))
    series.add_series(window.context.db, team.id, SessionKind.SPOTLIGHT, rule, window.context.now())
    targets = iter([tmp_path / "harbour", tmp_path / "invites.csv"])  # no ending typed: .ics is added
    titles: list[str] = []

    def ask_save_path(title: str, *_rest: str) -> Path:
        titles.append(title)
        return next(targets)

    monkeypatch.setattr(window.reports, "ask_save_path", ask_save_path)
    _trigger(window, "Export the sessions for &invitations (iCalendar)…")
    finish_export(window.reports)
    events = Calendar.from_ical((tmp_path / "harbour.ics").read_bytes()).events
    assert [event.summary for event in events] == ["Spotlight session: Harbour Team"]
    _trigger(window, "Export the invite &list (CSV)…")
    finish_export(window.reports)
    text = (tmp_path / "invites.csv").read_text(encoding="utf-8-sig")
    assert all(name in text for name in ROSTER) and "contribution" not in text.casefold()
    assert "invites.csv" in window.statusBar().currentMessage()
    audit = [r["detail"] for r in window.context.db.query("SELECT detail FROM audit WHERE entity = 'invitations'")]
    assert audit == ["ics", "csv"]
    # The two save dialogs say which file each is for.
    assert titles == [
        "Export: Calendar for Outlook (iCalendar), Harbour Team",
        "Export: Invite list (CSV), Harbour Team",
    ]


def test_the_cancellations_are_written_from_the_reports_menu_with_what_to_do_with_them(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A session skipped or a series paused made no METHOD:CANCEL: attendees' calendars kept the meetings."""
    team = add_team(window)
    now = window.context.now()
    rule = build_rule(Preset(SessionKind.SPOTLIGHT, 1, time(13), now.date() + timedelta(days=1)))
    saved = calendar.save_series(
        window.context.db, team.id, None, kind=SessionKind.SPOTLIGHT, rule=rule, duration_minutes=60, now=now
    )
    told: list[str] = []
    monkeypatch.setattr(window.reports, "_tell", lambda title, text: told.append(text))
    assert window.reports.export_cancellations() is None
    assert told == ["No meetings of Harbour Team have been taken off its calendar."]
    invited = INVITATIONS_DOCUMENT.get("ics").render(schedule.team_invitations(window.context.db, team, now))
    (meeting,) = Calendar.from_ical(invited).events
    second = sorted(event_dates(meeting, datetime(2000, 1, 1), datetime(2099, 12, 31)))[1]
    skipped = skip_date(rule, second.date())
    calendar.save_series(
        window.context.db, team.id, saved.id, kind=SessionKind.SPOTLIGHT, rule=skipped, duration_minutes=60, now=now
    )
    monkeypatch.setattr(window.reports, "ask_save_path", lambda *_args: tmp_path / "harbour")
    _trigger(window, "Export ca&ncellations for calendars (iCalendar)…")
    finish_export(window.reports)
    parsed = Calendar.from_ical((tmp_path / "harbour.ics").read_bytes())
    (cancelled,) = parsed.events
    assert (parsed["method"], cancelled["status"]) == ("CANCEL", "CANCELLED")
    assert cancelled.uid == meeting.uid and recurrence_id(cancelled).replace(tzinfo=None) == second
    assert sequence(cancelled) > sequence(meeting)
    assert told[-1] == f"The file cancels 1 session taken off Harbour Team's calendar. {WHAT_TO_DO}"
    audit = [r["detail"] for r in window.context.db.query("SELECT detail FROM audit WHERE entity = 'invitations'")]
    assert audit == ["cancel"]


def test_a_team_without_a_schedule_is_told_how_to_set_one(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    add_team(window)
    told: list[str] = []
    monkeypatch.setattr(window.reports, "_tell", lambda title, text: told.append(text))
    assert window.reports.export_invitation_calendar() is None
    assert told == ["Harbour Team has no series yet: set its rhythm with File ▸ Schedule…."]


def test_an_invite_list_excel_holds_open_is_offered_again_once_closed_or_under_another_name(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On Windows, Excel holding the CSV refuses its replacement: the message says so and what to do, Try again
    writes it once Excel lets go, and Choose another name writes it where the facilitator then says."""
    add_team(window)
    target, other = tmp_path / "invites.csv", tmp_path / "invites-2.csv"
    target.write_text("last month's list", encoding="utf-8")
    held = HeldOpen(target)
    held.install(monkeypatch)
    chosen = iter([target, other, target])
    offered: list[str] = []
    # Try again with Excel still open; then another name; later, Try again once Excel is closed.
    answers = iter([InUseAnswer.TRY_AGAIN, InUseAnswer.OTHER_NAME, InUseAnswer.TRY_AGAIN])
    asked: list[str] = []

    def ask_save_path(_title: str, suggested: str, _filter: str) -> Path:
        offered.append(suggested)
        return next(chosen)

    def ask_when_in_use(message: str) -> InUseAnswer:
        asked.append(message)
        if len(asked) == 3:
            held.let_go()  # closed in Excel while the question was up
        return next(answers)

    monkeypatch.setattr(window.reports, "ask_save_path", ask_save_path)
    monkeypatch.setattr(window.reports, "ask_when_in_use", ask_when_in_use)
    _trigger(window, "Export the invite &list (CSV)…")
    for _ in range(3):  # refused, refused again, then written under the other name
        finish_export(window.reports)

    assert asked[0].startswith("invites.csv was not replaced: another program has it open (Excel, a PDF viewer)")
    assert "Close it there and try again, or choose another name" in asked[0] and len(asked) == 2
    assert offered == [str(Path.home() / "harbour-team-invite-list.csv"), str(target)]
    assert target.read_text(encoding="utf-8") == "last month's list"
    assert "Ash Lee" in other.read_text(encoding="utf-8-sig")
    assert sorted(path.name for path in tmp_path.glob("invites*")) == ["invites-2.csv", "invites.csv"]  # no half file

    _trigger(window, "Export the invite &list (CSV)…")
    for _ in range(2):  # refused, then written once Excel let go
        finish_export(window.reports)
    assert len(asked) == 3 and "Ash Lee" in target.read_text(encoding="utf-8-sig")
    audit = [r["detail"] for r in window.context.db.query("SELECT detail FROM audit WHERE entity = 'invitations'")]
    assert audit == ["csv", "csv"]  # one line for each file written, none for a refusal


def test_the_file_and_every_screen_agree_on_a_year_with_a_change_and_a_pause(db_path: Path, qtbot: QtBot) -> None:
    """The invitation file, the quarterly report's "scheduled", the Schedule dialog's next dates and the Prepare
    view's next session: the same dates, through a skipped date, a change of type, day and time, and a pause."""
    opened = open_database(db_path, paths.migrations_dir())
    db = opened.db
    moments: Iterator[datetime] = iter([])
    context = AppContext(db, opened.path, lambda: 0.0, lambda: next(moments), paths.asset_dir("resources"))
    start = datetime(2026, 8, 20, 12, tzinfo=UTC)
    team = teams.create_team(db, "Harbour Team", [("Fern Quill", Role.FACILITATOR)], start)
    reflective = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    themed = build_rule(Preset(SessionKind.THEMED, 2, time(14), date(2026, 9, 1)))
    changing = calendar.save_series(
        db, team.id, None, kind=SessionKind.REFLECTIVE, rule=reflective, duration_minutes=60, now=start
    )
    calendar.save_series(db, team.id, None, kind=SessionKind.THEMED, rule=themed, duration_minutes=90, now=start)
    skipped = skip_date(reflective, date(2026, 10, 22))
    at = datetime(2026, 10, 1, 9, tzinfo=UTC)
    calendar.save_series(
        db, team.id, changing.id, kind=SessionKind.REFLECTIVE, rule=skipped, duration_minutes=60, now=at
    )
    spotlight = build_rule(Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 9, 1)))
    at = datetime(2026, 11, 20, 9, tzinfo=UTC)
    calendar.save_series(
        db, team.id, changing.id, kind=SessionKind.SPOTLIGHT, rule=spotlight, duration_minutes=60, now=at
    )
    calendar.set_series_paused(db, team.id, changing.id, True, datetime(2027, 1, 10, tzinfo=UTC))
    calendar.set_series_paused(db, team.id, changing.id, False, datetime(2027, 3, 1, tzinfo=UTC))
    now = datetime(2027, 4, 15, 12, tzinfo=UTC)
    moments = itertools.repeat(now)

    text = INVITATIONS_DOCUMENT.get("ics").render(schedule.team_invitations(db, team, now))
    events = Calendar.from_ical(text).events
    first, last = datetime(2026, 7, 1), datetime(2028, 12, 31)
    in_file = sorted(
        (moment, str(event.summary).split(":")[0], int(str(event.uid).split("-series")[1].split("-")[0]))
        for event in events
        for moment in event_dates(event, first, last)
    )
    assert [moment.date() for moment, kind, _ in in_file if kind == "Reflective practice CoP"] == [
        date(2026, 9, 10), date(2026, 9, 24), date(2026, 10, 8), date(2026, 11, 12),
    ]  # fmt: skip
    for quarter in ("2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3"):
        q_first, q_last = parse_quarter(quarter)
        counted = Counter(kind for moment, kind, _ in in_file if q_first <= moment.date() <= q_last)
        figures = quarter_figures(db, team, quarter, now)
        assert {tally.kind.label: tally.scheduled for tally in figures.kinds} == dict(counted), quarter
    coming = [entry for entry in in_file if entry[0] > datetime(2027, 4, 15, 12)]
    pack = review_pack(db, team.id, now, [])
    assert pack.next_session is not None and pack.next_session.starts_at == coming[0][0]
    dialog = SeriesDialog(context, team)
    qtbot.addWidget(dialog)
    for row in range(dialog.series_model.rowCount()):
        dialog.series_view.setCurrentIndex(dialog.series_model.index(row))
        series_id = dialog.series_model.series_at(row).id
        preview = dialog.dates.preview_dates
        assert preview == [moment for moment, _, found in coming if found == series_id][: len(preview)] and preview
    dialog.close()
    db.close()
