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
from copdesk.views.shell.main_window import MainWindow
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
