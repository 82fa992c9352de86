"""The Prepare view's attendance-and-balance chart: team level, refreshed when a session ends, naming nobody."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from copdesk.core.model import Member, Role, SessionKind
from copdesk.store import participation, sessions, teams
from copdesk.views.prepare.participation_history import EMPTY_TEXT
from copdesk.views.shell.main_window import MainWindow

START = datetime(2026, 9, 10, 9, 30, tzinfo=UTC)


def team_with_history(window: MainWindow, held: list[dict[int, int]]) -> list[Member]:
    """Ended sessions a fortnight apart; each dict maps a roster position to its contribution count."""
    db = window.context.db
    names = [("Asha Okafor", Role.FACILITATOR), ("Ben Lloyd", Role.PRACTITIONER), ("Chloe Martin", Role.PRACTITIONER)]
    team = teams.create_team(db, "Harbour Team", names, START)
    members = teams.list_members(db, team.id)
    for fortnight, counts in enumerate(held):
        start = START + timedelta(days=14 * fortnight)
        session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, start)
        sessions.start_session(db, session.id, start, ground_rules_agreed=True)
        sessions.set_attendance(db, session.id, [m.id for m in members])
        for position, count in counts.items():
            for minute in range(count):
                participation.add_contribution(db, session.id, members[position].id, start + timedelta(minutes=minute))
        sessions.end_session(db, session.id, start + timedelta(hours=1))
    window.reload_teams(team.id)
    return members


def test_the_chart_is_a_section_of_the_prepare_view(window: MainWindow) -> None:
    card = window.review_panel.sections["participation_history"]
    assert card.isAncestorOf(window.participation_history)
    assert window.participation_history.reading.text() == EMPTY_TEXT
    assert not window.participation_history.chart.isVisibleTo(window)


def test_attendance_and_balance_per_session_in_order(window: MainWindow) -> None:
    members = team_with_history(window, [{0: 6, 1: 1}, {0: 2, 1: 2, 2: 2}])
    history = window.participation_history
    chart = history.chart
    assert [(p.attendance, p.contributions) for p in chart.points] == [(3, 7), (3, 6)]
    assert chart.points[0].gini > 0.25 and chart.points[1].gini == 0.0
    assert history.reading.text().endswith(
        "3 attended; contributions were evenly spread. Average attendance over the last 2 sessions: 3.0."
    )
    description = chart.accessibleDescription()
    assert "3 attended, 7 contributions, balance of voices 0.57 (0 = even), the most active 20% made 86%" in description
    shown = " ".join([history.reading.text(), description, *(label.text() for label in history.findChildren(QLabel))])
    for member in members:
        assert member.display_name not in shown  # team level only: nobody is named or ranked


def test_a_session_with_nothing_tallied_has_no_balance_rather_than_an_even_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    """A Spotlight tallies no contributions: its balance is not 0 (which the legend says means even) but absent,
    and the line breaks there instead of dipping to "even"."""
    team_with_history(window, [{0: 6, 1: 1}, {}, {0: 2, 1: 2, 2: 2}])
    history = window.participation_history
    chart = history.chart
    window.show_page(0)
    window.review_panel.scroll_area.ensureWidgetVisible(window.review_panel.sections["participation_history"])
    qtbot.waitUntil(lambda: chart.width() > 100)
    first, untallied, last = chart.balance_centres(chart._plot_rect())
    assert first is not None and last is not None and untallied is None
    description = chart.accessibleDescription().split("; ")
    assert description[1].endswith("3 attended, no contributions tallied (no balance to show)")
    assert "balance of voices 0.00" not in description[1]
    assert history.reading.text().endswith("The balance line leaves out 1 session with no contributions tallied.")
    assert not chart.grab().isNull()


def test_the_tooltip_reads_the_session_under_the_pointer(window: MainWindow, qtbot: QtBot) -> None:
    team_with_history(window, [{0: 1}, {1: 1}, {2: 4}])
    chart = window.participation_history.chart
    window.show_page(0)
    card = window.review_panel.sections["participation_history"]
    window.review_panel.scroll_area.ensureWidgetVisible(card)
    qtbot.waitUntil(lambda: chart.width() > 100)
    plot = chart._plot_rect()
    slot_width = plot.width() / 3
    assert chart.point_at(plot.left() + slot_width * 2.5) == 2
    assert chart.point_at(plot.left() - 1) is None
    assert not chart.grab().isNull()


def test_the_chart_refreshes_when_a_session_ends(window: MainWindow) -> None:
    members = team_with_history(window, [{0: 1}])
    assert len(window.participation_history.chart.points) == 1
    db = window.context.db
    session = sessions.create_session(db, members[0].team_id, SessionKind.REFLECTIVE, START + timedelta(days=30))
    sessions.start_session(db, session.id, START + timedelta(days=30), ground_rules_agreed=True)
    sessions.set_attendance(db, session.id, [members[1].id])
    window.live_session.begin(session.id, members[0].team_id)
    sessions.end_session(db, session.id, START + timedelta(days=30, hours=1))
    window.live_session.finish()
    points = window.participation_history.chart.points
    assert [p.attendance for p in points] == [3, 1]
    assert "no contributions were tallied" in window.participation_history.reading.text()


def test_changing_team_changes_the_chart(window: MainWindow) -> None:
    team_with_history(window, [{0: 1}, {0: 1}])
    other = teams.create_team(window.context.db, "Lighthouse Team", [], START)
    window.reload_teams(other.id)
    assert window.participation_history.chart.points == []
    assert window.participation_history.reading.text() == EMPTY_TEXT
