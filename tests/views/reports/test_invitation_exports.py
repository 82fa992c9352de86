"""Reports ▸ Export the sessions for invitations / the invite list: Business Support's files, from the window."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtGui import QAction

from copdesk.core.model import SessionKind
from copdesk.core.schedule import Preset, build_rule
from copdesk.store import series
from copdesk.views.reports.report_actions import InUseAnswer
from copdesk.views.shell.main_window import MainWindow
from tests.held_open import HeldOpen
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
