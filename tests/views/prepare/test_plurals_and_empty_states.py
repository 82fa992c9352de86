"""Counts read right for 0, 1 and many, and a new team's Prepare view says nothing about a "last time" that never
happened: through the real window."""

from __future__ import annotations

from PySide6.QtTest import QTest

from copdesk.core.model import ReviewOutcome
from copdesk.store import actions, issues
from copdesk.store.session_lifecycle import SessionCounts
from copdesk.views.prepare.review_sections import ALL_FOLLOWED_UP, NO_ACTIONS_AGREED
from copdesk.views.prepare.sections_below import NO_ISSUES_RAISED
from copdesk.views.session.session_summary import counts_line
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, held_session, start_session


def test_the_summary_counts_are_singular_for_one() -> None:
    line = counts_line(SessionCounts(present=1, guests=0, contributions=1, markers=0, questions_asked=1, notes=1,
                                     actions_agreed=1))  # fmt: skip
    assert line == "1 present · 1 contribution · 1 question asked · 1 note · 1 action agreed"
    many = counts_line(SessionCounts(3, 1, 4, 0, 2, 0, 2))
    assert many == "3 present (1 guest) · 4 contributions · 2 questions asked · 0 notes · 2 actions agreed"


def test_a_new_teams_prepare_view_claims_no_last_time(window: MainWindow) -> None:
    add_team(window)
    window.review_panel.add_the_rest()
    window.review_panel.refresh()
    sections = window.review_panel.review_sections
    assert "Everyone present contributed" not in sections.quiet.summary.text()
    assert "No session of the team's own held yet" in sections.quiet.summary.text()
    assert sections.actions.summary.text() == NO_ACTIONS_AGREED
    assert sections.issues.summary.text() == NO_ISSUES_RAISED
    # Nobody has presented: "for a while" would speak of a history the team does not have.
    assert sections.plan.presenters_label.text() == "Not presented yet: Bo Day, Cy Vale."


def test_after_one_session_the_summary_and_prepare_speak_of_it(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    QTest.keyClicks(window.notes_panel.editor, "One note")
    summary = window.session_flow.end_now()
    assert summary is not None
    assert summary.counts_label.text() == "3 present · 0 contributions · 0 questions asked · 1 note · 0 actions agreed"
    summary.accept()
    window.review_panel.add_the_rest()
    window.review_panel.refresh()
    sections = window.review_panel.review_sections
    quiet = sections.quiet.summary.text()
    assert quiet == "No contributions were logged last session, so nobody shows as quiet."


def test_a_team_that_has_agreed_no_action_or_raised_no_issue_is_told_how_to(window: MainWindow) -> None:
    """After sessions that agreed no action, Prepare said "everything agreed has been followed up", and "No issue
    has come back unresolved" of a team that had raised none."""
    db = window.context.db
    with held_session(window) as (team, session, then):
        pass
    window.review_panel.add_the_rest()
    window.review_panel.refresh()
    sections = window.review_panel.review_sections
    assert (sections.actions.summary.text(), sections.issues.summary.text()) == (NO_ACTIONS_AGREED, NO_ISSUES_RAISED)
    action = actions.add_action(db, team.id, "Share the carers' leaflet", then, origin_session_id=session.id)
    actions.review_action(db, action.id, session.id, ReviewOutcome.DONE, then)
    issues.add_issue(db, team.id, "Waiting lists for OT", session.id, then)
    window.review_panel.refresh()
    assert sections.actions.summary.text() == ALL_FOLLOWED_UP
    assert sections.issues.summary.text() == "No issue has come back unresolved."
