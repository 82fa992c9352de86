"""The Prepare view on the demo data: every section of the review pack, shown as the pack says."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from copdesk import paths
from copdesk.core.dates import format_uk
from copdesk.core.masterclass import shipped_texts
from copdesk.services.teams import rename_member
from copdesk.store import actions, teams
from copdesk.store.demo import RECURRING_ISSUE, bank_questions, fill_demo
from copdesk.store.planning import next_run_session
from copdesk.store.recurring import recurring_threshold
from copdesk.store.review import planning_ticks
from copdesk.views.live.notes.action_models import ActionRole
from copdesk.views.live.notes.issue_models import IssueRole
from copdesk.views.prepare.table_section import TABLE_ROWS
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow

SECTIONS = (
    "next_session",
    "planning",
    "open_actions",
    "recurring_issues",
    "escalations",
    "quiet",
    "unused_questions",
)


def _demo(window: MainWindow) -> None:
    fill_demo(window.context.db, window.context.now(), bank_questions(paths.resource_path("questions")))
    team = teams.find_team(window.context.db, "Northside Community Team")
    assert team is not None
    window.reload_teams(team.id)


def test_every_section_shows_the_pack(window: MainWindow) -> None:
    _demo(window)
    panel = window.review_panel
    assert set(SECTIONS) <= set(panel.sections)
    pack = panel.pack
    assert pack is not None and pack.team == "Northside Community Team"
    sections = panel.review_sections
    assert pack.next_session is not None
    assert sections.next_session.kind.text().startswith(pack.next_session.kind.label)
    assert "open action" in sections.next_session.glance.text()

    model = sections.actions.model
    assert model.rowCount() == len(pack.open_actions) > 0
    overdue = [model.index(r, 0).data(ActionRole.OVERDUE) for r in range(model.rowCount())]
    assert overdue == [a.overdue for a in pack.open_actions] and any(overdue)
    assert [model.index(r, 0).data(ActionRole.TIMES_CARRIED) for r in range(model.rowCount())] == [
        a.times_carried for a in pack.open_actions
    ]

    issues = sections.issues
    assert issues.model.index(0, 0).data() == RECURRING_ISSUE  # most raised first
    assert issues.model.index(0, 0).data(IssueRole.FLAGGED) is True
    assert not issues.advice.isHidden()
    advice = issues.advice_label.text()
    assert "Handling challenges" in advice and "Facilitation role in a CoP" in advice and "My VIEWS form" in advice

    assert sections.escalations.model.rowCount() == len(pack.escalations_awaiting) == 1
    assert sections.questions.model.rowCount() == len(pack.unused_questions)
    assert "participation_history" in panel.sections  # other panes still add theirs through add_section


def test_quiet_names_are_shown_only_on_request(window: MainWindow) -> None:
    _demo(window)
    quiet = window.review_panel.review_sections.quiet
    pack = window.review_panel.pack
    assert pack is not None and pack.quiet_last_session
    assert quiet.names.isHidden() and str(len(pack.quiet_last_session)) in quiet.summary.text()
    QTest.mouseClick(quiet.toggle, Qt.MouseButton.LeftButton)
    assert not quiet.names.isHidden() and quiet.names.text() == ", ".join(pack.quiet_last_session)
    window.review_panel.refresh()  # coming back to the view hides them again
    assert quiet.names.isHidden()


def test_quiet_names_written_right_to_left_keep_their_places(window: MainWindow) -> None:
    """Each is isolated, so two side by side are not laid out as one right-to-left run, swapped about their comma."""
    _demo(window)
    db = window.context.db
    pack = window.review_panel.pack
    assert pack is not None and len(pack.quiet_last_session) >= 2
    team = teams.find_team(db, pack.team)
    assert team is not None
    quiet = {m.display_name: m.id for m in teams.list_members(db, team.id) if m.display_name in pack.quiet_last_session}
    for member_id, name in zip(quiet.values(), ("דנה כהן", "جميلة حداد"), strict=False):
        rename_member(db, member_id, name)
    window.review_panel.refresh()
    pack = window.review_panel.pack
    assert pack is not None
    shown = window.review_panel.review_sections.quiet.names.text()
    assert "\u2068דנה כהן\u2069, \u2068جميلة حداد\u2069" in shown
    assert shown.replace("\u2068", "").replace("\u2069", "") == ", ".join(pack.quiet_last_session)


def test_planning_ticks_are_kept_for_the_upcoming_session(window: MainWindow) -> None:
    _demo(window)
    panel = window.review_panel
    checklist = panel.review_sections.planning.model
    assert [checklist.index(r).data() for r in range(checklist.rowCount())] == [
        p.text.text for p in shipped_texts().planning
    ]
    first = checklist.index(0)
    assert checklist.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    team = panel.team
    assert team is not None
    # The session the team runs next, as the plan beside it: never a Spotlight or Themed session it attends.
    run = next_run_session(window.context.db, team.id, window.context.now())
    assert run is not None and not shipped_texts().is_attended(run.kind)
    assert planning_ticks(window.context.db, team.id, run.moment.date()) == {"present-case"}
    assert planning_ticks(window.context.db, team.id, None) == set()  # another session starts fresh
    panel.refresh()
    assert checklist.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    summary = panel.review_sections.planning.summary.text()
    assert summary.startswith(f"1 of 8 considered for the {run.kind.label} on {format_uk(run.moment.date())}")
    assert panel.review_sections.plan.session_day == run.moment.date()  # the checklist and the plan: one session


def test_threshold_is_configurable_from_the_view(window: MainWindow) -> None:
    _demo(window)
    issues = window.review_panel.review_sections.issues
    issues.threshold.setValue(5)
    assert recurring_threshold(window.context.db) == 5
    assert issues.model.index(0, 0).data(IssueRole.FLAGGED) is False  # raised 4 times: below 5 now
    assert issues.advice.isHidden()


def test_returning_to_prepare_shows_what_changed(window: MainWindow) -> None:
    _demo(window)
    panel = window.review_panel
    team = panel.team
    assert team is not None and panel.pack is not None
    before = len(panel.pack.open_actions)
    window.show_page(LIVE_PAGE)
    actions.add_action(window.context.db, team.id, "Agreed while live", window.context.now())
    window.show_page(PREPARE_PAGE)
    assert panel.pack is not None and len(panel.pack.open_actions) == before + 1
    assert panel.review_sections.actions.model.rowCount() == before + 1


def test_a_long_list_shows_whole_rows_and_no_sliver_of_the_next(window: MainWindow) -> None:
    """More open actions than the list shows: it ends at a row's foot, the rest behind its scroll bar, rather than
    with the top of the next row showing under the last, which reads as a row cut in half."""
    _demo(window)
    team = window.review_panel.team
    assert team is not None
    for number in range(1, 8):
        actions.add_action(
            window.context.db, team.id, f"Ask about the carers' assessment, part {number}", window.context.now()
        )
    window.review_panel.refresh()
    QApplication.sendPostedEvents()  # the page's layout gives the list the height it asks for
    table = window.review_panel.review_sections.actions.table
    row = table.verticalHeader().defaultSectionSize()
    assert table.model().rowCount() > TABLE_ROWS
    assert table.viewport().height() == TABLE_ROWS * row
