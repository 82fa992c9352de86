"""Recording an issue in the real window takes a clear choice, and what a live session recorded can be taken back.

A facilitator with an earlier issue already linked today typed "OT assess", pressed ↓ then Enter, and found a new
issue "OT assess" in the record for good. Enter now never records by itself; the issues the session already holds
are offered (choosing one adds nothing); Undo and Remove from this session take back an issue or a link while the
session is live; and "Same issue again" offers today's issues and the team's open ones.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from copdesk.core.model import MarkerKind
from copdesk.services.issues import remove_issue, unlink
from copdesk.store import issues
from copdesk.store.recurring import issue_summary, issues_raised_in, unresolved_issues
from copdesk.store.search import search_notes
from copdesk.views.live.notes.issue_linker import IssueLinker
from copdesk.views.shell.main_window import MainWindow
from tests.views.conftest import clocked_window  # noqa: F401  (the real window, on the fake clocks)
from tests.views.live_helpers import held_session, start_session

OT_TITLE = "Waiting weeks for OT assessments"
HOUSING_TITLE = "Housing referrals returned without a reason"


@pytest.fixture
def window(clocked_window: MainWindow) -> MainWindow:  # noqa: F811
    return clocked_window


@pytest.fixture
def earlier(window: MainWindow) -> Iterator[dict[str, int]]:
    """A team whose earlier session recorded the OT and housing issues."""
    db = window.context.db
    with held_session(window) as (team, session, then):
        ot = issues.add_issue(db, team.id, OT_TITLE, session.id, then)
        housing = issues.add_issue(db, team.id, HOUSING_TITLE, session.id, then)
    yield {"team": team.id, "session": session.id, "ot": ot.id, "housing": housing.id}


def _linker(window: MainWindow) -> IssueLinker:
    pane = window.notes_panel
    pane.tabs.setCurrentIndex(pane.ISSUE_TAB)
    return pane.issue_linker


def _type(linker: IssueLinker, text: str) -> None:
    linker.title_edit.clear()
    QTest.keyClicks(linker.title_edit, text)
    linker._suggest_timer.timeout.emit()  # the suggestions, without waiting for the typing pause


def _titles(window: MainWindow, team_id: int) -> list[str]:
    return sorted(s.title for s in unresolved_issues(window.context.db, team_id))


def _link_ot(linker: IssueLinker) -> None:
    _type(linker, "OT assessments again")
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Down)
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)


def test_enter_after_down_with_an_issue_linked_today_records_nothing(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    live = start_session(window).id
    linker = _linker(window)
    _link_ot(linker)
    assert issue_summary(window.context.db, earlier["ot"]).times_raised == 2
    before = _titles(window, earlier["team"])

    _type(linker, "OT assess")
    assert any(row.today == "linked" for row in linker.model.rows())  # today's link is offered, marked so
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Down)
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)
    assert _titles(window, earlier["team"]) == before  # no "OT assess" issue
    assert "already in this session's record" in linker.message.text()
    assert issue_summary(window.context.db, earlier["ot"]).times_raised == 2

    QTest.keyClick(linker.title_edit, Qt.Key.Key_Up)  # nothing chosen now: Enter asks, and records nothing
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)
    assert linker.choice.isVisible() and linker.choice.question.full_text() == "Not recorded yet: “OT assess”"
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)
    assert _titles(window, earlier["team"]) == before
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Escape)
    assert not linker.choice.isVisible()
    assert [s.title for s in issues_raised_in(window.context.db, live)] == [OT_TITLE]


def test_enter_on_text_matching_nothing_asks_and_the_choice_records(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    live = start_session(window).id
    linker = _linker(window)
    linker.title_edit.setText("Parking permits 🚗")  # QTest cannot type an emoji key by key
    linker._suggest_timer.timeout.emit()
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Down)  # nothing to choose
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)
    assert linker.choice.isVisible() and "Parking permits 🚗" not in _titles(window, earlier["team"])
    linker.choice.record_button.click()
    assert [s.title for s in issues_raised_in(window.context.db, live)] == ["Parking permits 🚗"]
    assert not linker.choice.isVisible() and linker.title_edit.text() == ""


def test_undo_removes_an_issue_recorded_by_mistake_from_record_and_search(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    live = start_session(window).id
    linker = _linker(window)
    _type(linker, "Duty rota gaps on Fridays")
    linker.new_button.click()  # a click on Record as new is a clear choice
    assert [s.title for s in issues_raised_in(window.context.db, live)] == ["Duty rota gaps on Fridays"]
    assert search_notes(window.context.db, "rota")
    assert linker.undo_button.isVisible()
    linker.undo_button.click()
    assert issues_raised_in(window.context.db, live) == []
    assert "Duty rota gaps on Fridays" not in _titles(window, earlier["team"])
    assert search_notes(window.context.db, "rota") == []
    assert (
        linker.title_edit.text() == "Duty rota gaps on Fridays" and "removed from the record" in linker.message.text()
    )


def test_remove_from_this_session_takes_back_a_link_or_a_new_issue_until_the_end(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    live = start_session(window).id
    linker = _linker(window)
    _link_ot(linker)
    _type(linker, "Duty rota gaps")
    linker.new_button.click()
    linker.title_edit.clear()
    linker.refresh_suggestions()
    rows = linker.model.rows()
    assert [(r.title, r.today) for r in rows[:2]] == [(OT_TITLE, "linked"), ("Duty rota gaps", "recorded")]

    linker.table.selectRow(0)
    assert linker.remove_button.isVisible() and not linker.link_button.isEnabled()
    linker.remove_button.click()  # the link goes, the earlier issue stays
    assert issue_summary(window.context.db, earlier["ot"]).times_raised == 1
    assert OT_TITLE in _titles(window, earlier["team"])

    linker.title_edit.clear()
    linker.refresh_suggestions()
    linker.table.selectRow(0)
    assert linker.model.row_at(0).title == "Duty rota gaps"
    linker.remove_button.click()
    assert issues_raised_in(window.context.db, live) == []
    assert "Duty rota gaps" not in _titles(window, earlier["team"])

    _type(linker, "Late referrals")
    linker.new_button.click()
    recorded = issues_raised_in(window.context.db, live)[0].id
    window.session_flow.end_now()
    with pytest.raises(ValueError, match="ended"):
        remove_issue(window.context.db, recorded, live)
    with pytest.raises(ValueError, match="ended"):
        unlink(window.context.db, earlier["ot"], live)


def test_same_issue_again_after_linking_offers_todays_and_the_open_ones(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    start_session(window)
    linker = _linker(window)
    _link_ot(linker)
    window.participation_panel.marker_bar.buttons[MarkerKind.REPEATED_ISSUE].click()
    rows = linker.model.rows()
    assert [r.title for r in rows] == [OT_TITLE, HOUSING_TITLE]
    assert rows[0].today == "linked" and linker.table.currentIndex().row() == 0
    assert "already in this session's record" in linker.message.text()
    assert "type it as new" not in linker.message.text().lower()
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)  # Enter on today's issue adds nothing
    assert issue_summary(window.context.db, earlier["ot"]).times_raised == 2
    assert len(unresolved_issues(window.context.db, earlier["team"])) == 2
