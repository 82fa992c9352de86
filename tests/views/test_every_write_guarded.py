"""Every write path of the real window, with the database made read-only (``PRAGMA query_only``) and with a full
disk (``PRAGMA max_page_count`` at the file's size): no exception leaves a slot (pytest-qt fails a test on one),
the write is refused whole, and the window's banner strip says so.

Each path is driven the way the facilitator drives it (the button's slot, the dialog's OK), after the state it
needs was made with the database still writable. With a full disk, a small change that fits in the pages the file
already has is saved, as SQLite saves it on a real disk with a little room left; what must never happen is an
exception or a change that is neither saved nor said.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk.core.model import (
    EscalationStatus,
    EscalationTarget,
    MarkerKind,
    NoteKind,
    Role,
    SessionKind,
    TextSource,
)
from copdesk.store import actions, issues, recurring, sessions, teams
from copdesk.store.search import search_notes
from copdesk.views.calendar.agenda_editor import AgendaEditorDialog
from copdesk.views.calendar.series_dialog import SeriesDialog
from copdesk.views.live.notes.action_editor import ChangeActionDialog
from copdesk.views.live.notes.correct_words import CorrectWordsDialog
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog, UpdateEscalationDialog
from copdesk.views.live.participation.add_people_dialog import AddPeopleDialog
from copdesk.views.prepare.issue_history import IssueHistoryDialog
from copdesk.views.shell.first_run import FirstRunDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.team.team_members_dialog import TeamMembersDialog
from tests.views.export_helpers import finish_export
from tests.views.history_helpers import answer_questions
from tests.views.live_helpers import add_team, start_session

MODES = ("read-only", "disk-full")


@dataclass
class World:
    window: MainWindow
    monkeypatch: pytest.MonkeyPatch
    tmp_path: Path
    team_id: int = 0
    session_id: int = 0
    issue_id: int = 0

    mode: str = "read-only"

    @property
    def db(self) -> Database:
        return self.window.context.db

    def now(self) -> datetime:
        return self.window.context.now()


def _earlier_history(world: World) -> None:
    """A session a fortnight ago that agreed an action and raised an issue, escalated."""
    db, now = world.db, world.now() - timedelta(days=14)
    earlier = sessions.create_session(db, world.team_id, SessionKind.REFLECTIVE, now)
    sessions.start_session(db, earlier.id, now, ground_rules_agreed=True)
    actions.add_action(db, world.team_id, "Share the carers' checklist", now, origin_session_id=earlier.id)
    world.issue_id = issues.add_issue(db, world.team_id, "Interpreters at short notice", earlier.id, now).id
    issues.add_escalation(db, world.issue_id, next(iter(EscalationTarget)), now.date(), None, earlier.id)
    sessions.end_session(db, earlier.id, now + timedelta(hours=1))


def _live(world: World) -> None:
    world.team_id = add_team(world.window).id
    _earlier_history(world)
    world.session_id = start_session(world.window).id


def _prepared(world: World) -> None:
    world.team_id = add_team(world.window).id
    _earlier_history(world)


# -- the write paths: (what the state needs, what the facilitator does) ------------------------------------------
def _start_session(world: World) -> None:
    window = world.window
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present({"Ash Lee"})
    assert dialog.go_to_ground_rules()
    dialog.agreed_check.setChecked(True)
    dialog.start_button.click()


def _end_session(world: World) -> None:
    world.window.session_flow.end_now()


def _end_at_last_save(world: World) -> None:
    flow = world.window.session_flow
    flow.live_timer.save()
    world.window.live_session.finish()  # as if CoPDesk had died: the session is still live in the file
    flow.live_timer.detach()
    pending = flow.pending_resumes()
    world.window.context.writes.retry()  # nothing else waiting
    _refuse(world, world.mode)
    flow.resumes.end_pending(pending[0])


def _discard(world: World) -> None:
    world.window.session_flow.discard.discard(world.session_id)


def _timer_save(world: World) -> None:
    world.window.session_flow.live_timer.toggle()  # pause: the change is saved


def _segment_times(world: World) -> None:
    world.window.session_flow.live_timer.next_segment()


def _latecomer(world: World) -> None:
    dialog = AddPeopleDialog(world.window.context, world.session_id, world.window)
    dialog.guest_edit.setText("Ola Visitor")
    assert dialog.add_guest()
    dialog.mark_present()


def _contribution(world: World) -> None:
    world.window.participation_panel.choose(teams.list_members(world.db, world.team_id)[0].id)


def _talk_time(world: World) -> None:
    tally = world.window.participation_panel.tally
    member = teams.list_members(world.db, world.team_id)[1].id
    world.window.context.writes.retry()
    tally.toggle_speaking(member)


def _undo_contribution(world: World) -> None:
    world.window.participation_panel.undo_last()  # a contribution, a marker, a removal or a departure, the last made


def _left(world: World) -> None:
    world.window.participation_panel.tile_menu.set_left(teams.list_members(world.db, world.team_id)[0].id)


def _back(world: World) -> None:
    world.window.participation_panel.tile_menu.set_back(teams.list_members(world.db, world.team_id)[0].id)


def _marker(world: World) -> None:
    world.window.participation_panel.mark_room(MarkerKind.LOW_ENERGY)


def _quiet_after(world: World) -> None:
    world.window.participation_panel.tally.set_quiet_after_minutes(9)


def _repeated_issue_note(world: World) -> None:
    world.window.participation_panel._note_repeated_issue()


def _notes_text(world: World) -> None:
    pane = world.window.notes_panel
    pane.editor.setPlainText("Typed during the session")
    pane.flush()


def _add_action(world: World) -> None:
    editor = world.window.notes_panel.action_editor
    editor.text_edit.setText("Book the room for March")
    editor.add_action()


def _remove_action(world: World) -> None:
    editor = world.window.notes_panel.action_editor
    editor.table.selectRow(0)
    editor.remove_selected()


def _put_back_action(world: World) -> None:
    world.window.notes_panel.action_editor.undo_button.click()


def _review(world: World) -> None:
    box = world.window.notes_panel.follow_up
    box.table.selectRow(0)
    box.buttons["done"].click()


def _answer_change(world: World, fill: Callable[[ChangeActionDialog], None]) -> None:
    def answer(dialog: ChangeActionDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    world.monkeypatch.setattr(ChangeActionDialog, "exec", answer)


def _redate(world: World) -> None:
    _answer_change(world, lambda dialog: dialog.due_field.setText("in 3 weeks"))
    box = world.window.notes_panel.follow_up
    box.table.selectRow(0)
    box.buttons["redate"].click()


def _reassign(world: World) -> None:
    _answer_change(world, lambda dialog: dialog.owner_field.set_owner("Bo Day"))
    box = world.window.notes_panel.follow_up
    box.table.selectRow(0)
    box.buttons["reassign"].click()


def _undo_review(world: World) -> None:
    box = world.window.notes_panel.follow_up
    box.table.selectRow(0)
    box.undo()


def _raise_issue(world: World) -> None:
    linker = world.window.notes_panel.issue_linker
    linker.title_edit.setText("Waiting lists for assessments")
    linker.record_new()


def _raise_again(world: World) -> None:
    linker = world.window.notes_panel.issue_linker
    linker.refresh_suggestions()
    linker.table.selectRow(0)
    linker.link_selected()


def _unlink(world: World) -> None:
    world.window.notes_panel.issue_linker.undo_last()


def _remove_issue(world: World) -> None:
    linker = world.window.notes_panel.issue_linker
    linker.title_edit.clear()
    linker.refresh_suggestions()
    linker.table.selectRow(0)
    linker.remove_selected()


def _note_item(kind: NoteKind) -> Callable[[World], None]:
    def act(world: World) -> None:
        editor = world.window.notes_panel.learning if kind is NoteKind.LEARNING else world.window.notes_panel.parked
        editor.text_edit.setText("Ask before assuming")
        if kind is NoteKind.PARKED:
            editor.destination.setCurrentIndex(1)
        editor.add_item()

    return act


def _remove_note(world: World) -> None:
    editor = world.window.notes_panel.learning
    editor.reload()
    editor.table.selectRow(0)
    editor.remove_selected()


def _escalate(world: World) -> None:
    choices = recurring.unresolved_issues(world.db, world.team_id)
    dialog = NewEscalationDialog(world.window.context, world.team_id, choices, session_id=world.session_id)
    dialog.accept()


def _change_escalation(world: World) -> None:
    escalation = issues.escalations_for_issue(world.db, world.issue_id)[0]
    dialog = UpdateEscalationDialog(world.window.context, escalation, "Interpreters at short notice")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(EscalationStatus.RESPONDED.value))
    dialog.outcome_edit.setPlainText("The manager will book interpreters a week ahead.")
    dialog.accept()


def _resolve(world: World) -> None:
    answer_questions(world.monkeypatch, ("Agreed a rota", True))
    IssueHistoryDialog(world.window.context, world.issue_id, session_id=None, parent=world.window).resolve()


def _correct_resolution(world: World) -> None:
    answer_questions(world.monkeypatch, ("Agreed a weekly interpreter rota", True))
    IssueHistoryDialog(world.window.context, world.issue_id, session_id=None, parent=world.window).correct_resolution()


def _correct_match(world: World) -> None:
    [hit] = [hit for hit in search_notes(world.db, "carers checklist") if hit.source is TextSource.ACTION]
    dialog = CorrectWordsDialog(world.window.context, hit, world.window)
    dialog.words_edit.setPlainText("Share the carers' checklist with the whole team")
    dialog.accept()


def _threshold(world: World) -> None:
    world.window.review_panel.review_sections.issues._threshold_changed(4)


def _planning_tick(world: World) -> None:
    checklist = world.window.review_panel.review_sections.planning
    checklist._save(checklist.model.prompts[0].key, True)


def _series(world: World) -> SeriesDialog:
    return SeriesDialog(world.window.context, teams.get_team(world.db, world.team_id), world.window)


def _save_series(world: World) -> None:
    _series(world).save()


def _pause_series(world: World) -> None:
    _series(world).toggle_paused()


def _agenda(world: World) -> None:
    flow = world.window.session_flow
    editor = AgendaEditorDialog(
        world.window.context, world.team_id, "Harbour Team", SessionKind.REFLECTIVE, flow.shipped, world.window
    )
    editor.model.set_template(flow.shipped[SessionKind.SPOTLIGHT])
    editor.save()


def _create_team(world: World) -> None:
    def answer(dialog: FirstRunDialog) -> int:
        dialog.ui.teamNameEdit.setText("Moorland Team")
        dialog.ui.membersEdit.setPlainText("Dee Fox")
        dialog._accept()
        return int(dialog.result())

    world.monkeypatch.setattr(FirstRunDialog, "exec", answer)
    world.window.team_actions.create_interactively()


def _members(world: World) -> TeamMembersDialog:
    dialog = world.window.team_actions.open_members()
    assert dialog is not None
    return dialog


def _rename_team(world: World) -> None:
    dialog = _members(world)
    dialog.team_name_edit.setText("Harbour Team North")
    dialog.rename_team()


def _add_member(world: World) -> None:
    _members(world).model.add_member("Eli Stone", Role.PRACTITIONER, world.now())


def _rename_member(world: World) -> None:
    model = _members(world).model
    model.setData(model.index(0, 0), "Ash Leigh")


def _member_role(world: World) -> None:
    model = _members(world).model
    model.setData(model.index(1, 1), Role.CO_FACILITATOR.value)


def _member_active(world: World) -> None:
    model = _members(world).model
    model.setData(model.index(1, 2), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)


def _custom_question(world: World) -> None:
    dialog = world.window.question_panel.open_custom_questions()
    dialog.new_question()
    dialog.form.text_edit.setPlainText("What would the person say about this?")
    dialog.form.category_combo.setEditText("Our team's questions")
    dialog.save()
    dialog.revert()  # what was refused is not saved on the next opening


def _hide_question(world: World) -> None:
    dialog = world.window.question_panel.open_custom_questions()
    dialog.new_question()
    dialog.form.text_edit.setPlainText("What would the person say about this?")
    dialog.form.category_combo.setEditText("Our team's questions")
    world.window.context.writes.retry()
    dialog.save()
    _refuse(world, world.mode)
    dialog.toggle_hidden()


def _import_deck(world: World) -> None:
    deck = world.tmp_path / "deck.toml"
    deck.write_text(
        '[[question]]\nid = "team.1"\ncategory = "Mine"\ntext = "What did the walk show you?"\nmodel = "Ours"\n'
        'source = "Team away day, 2026"\nphases = ["exploring"]\n',
        encoding="utf-8",
    )
    world.window.question_panel.open_custom_questions().import_deck(deck)


def _favourite(world: World) -> None:
    world.window.question_panel.toggle_favourite()


def _asked(world: World) -> None:
    panel = world.window.question_panel
    panel.show_question(next(q for q in panel.bank if q.kind.value == "question"))
    panel.toggle_asked()


def _export_audit(world: World) -> None:
    target = world.tmp_path / "record.md"
    actions_ = world.window.reports
    world.monkeypatch.setattr(type(actions_), "ask_save_path", lambda *_a: target)
    from copdesk.views.reports.export_dialogs import SessionRecordDialog

    def answer(dialog: SessionRecordDialog) -> int:
        dialog.format.setCurrentIndex(dialog.format.findData("md"))
        return 1

    world.monkeypatch.setattr(SessionRecordDialog, "exec", answer)
    actions_.export_session_record()
    finish_export(actions_)


# Paths whose act needs something recorded first, with the database still writable.
def _with_link(world: World) -> None:
    _live(world)
    _raise_again(world)


def _with_new_issue(world: World) -> None:
    _live(world)
    _raise_issue(world)


def _with_review(world: World) -> None:
    _live(world)
    _review(world)


def _with_contribution(world: World) -> None:
    _live(world)
    _contribution(world)


def _with_marker(world: World) -> None:
    _live(world)
    _marker(world)


def _with_removal(world: World) -> None:
    _live(world)
    assert world.window.participation_panel.tile_menu.remove_present(teams.list_members(world.db, world.team_id)[-1].id)


def _with_departure(world: World) -> None:
    _live(world)
    assert world.window.participation_panel.tile_menu.set_left(teams.list_members(world.db, world.team_id)[0].id)


def _with_return(world: World) -> None:
    _with_departure(world)
    assert world.window.participation_panel.tile_menu.set_back(teams.list_members(world.db, world.team_id)[0].id)


def _with_learning(world: World) -> None:
    _live(world)
    _note_item(NoteKind.LEARNING)(world)


def _with_new_action(world: World) -> None:
    _live(world)
    _add_action(world)


def _with_removed_action(world: World) -> None:
    _with_new_action(world)
    _remove_action(world)


def _with_resolved_issue(world: World) -> None:
    _prepared(world)
    issues.resolve_issue(world.db, world.issue_id, "Agreed a rota", world.now())


def _with_series(world: World) -> None:
    _prepared(world)
    _save_series(world)


PATHS: dict[str, tuple[Callable[[World], None], Callable[[World], None]]] = {
    "start session": (_prepared, _start_session),
    "end session": (_live, _end_session),
    "end at the last save": (_live, _end_at_last_save),
    "discard session": (_live, _discard),
    "timer save": (_live, _timer_save),
    "segment times": (_live, _segment_times),
    "latecomer": (_live, _latecomer),
    "contribution": (_live, _contribution),
    "talk-time stint": (_live, _talk_time),
    "undo contribution": (_with_contribution, _undo_contribution),
    "marker": (_live, _marker),
    "undo marker": (_with_marker, _undo_contribution),
    "put back present": (_with_removal, _undo_contribution),
    "left the session": (_live, _left),
    "back in the session": (_with_departure, _back),
    "undo leaving": (_with_departure, _undo_contribution),
    "undo coming back": (_with_return, _undo_contribution),
    "quiet after": (_live, _quiet_after),
    "repeated-issue note": (_live, _repeated_issue_note),
    "notes text": (_live, _notes_text),
    "add action": (_live, _add_action),
    "remove action": (_with_new_action, _remove_action),
    "put back action": (_with_removed_action, _put_back_action),
    "follow-up done": (_live, _review),
    "follow-up redate": (_live, _redate),
    "follow-up reassign": (_live, _reassign),
    "follow-up undo": (_with_review, _undo_review),
    "raise issue": (_live, _raise_issue),
    "raise again": (_live, _raise_again),
    "unlink": (_with_link, _unlink),
    "remove issue": (_with_new_issue, _remove_issue),
    "learning point": (_live, _note_item(NoteKind.LEARNING)),
    "parked item": (_live, _note_item(NoteKind.PARKED)),
    "remove note": (_with_learning, _remove_note),
    "escalate": (_live, _escalate),
    "change escalation": (_live, _change_escalation),
    "resolve issue": (_prepared, _resolve),
    "correct a resolution": (_with_resolved_issue, _correct_resolution),
    "correct a search match": (_prepared, _correct_match),
    "recurring threshold": (_prepared, _threshold),
    "planning tick": (_prepared, _planning_tick),
    "save series": (_prepared, _save_series),
    "pause series": (_with_series, _pause_series),
    "save agenda": (_prepared, _agenda),
    "create team": (_prepared, _create_team),
    "rename team": (_prepared, _rename_team),
    "add member": (_prepared, _add_member),
    "rename member": (_prepared, _rename_member),
    "member role": (_prepared, _member_role),
    "member attends": (_prepared, _member_active),
    "custom question": (_live, _custom_question),
    "hide custom question": (_live, _hide_question),
    "import deck": (_live, _import_deck),
    "favourite": (_live, _favourite),
    "mark asked": (_live, _asked),
    "export audit": (_live, _export_audit),
}


def _refuse(world: World, mode: str) -> None:
    db = world.db
    if mode == "read-only":
        db.execute("PRAGMA query_only = ON")
    else:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", PATHS)
def test_a_refused_write_is_said_in_the_banner_and_never_escapes(
    clocked_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, path: str, mode: str
) -> None:
    world = World(clocked_window, monkeypatch, tmp_path)
    world.mode = mode
    setup, act = PATHS[path]
    setup(world)
    writes = clocked_window.context.writes
    assert not writes.failing, writes.message
    _refuse(world, mode)
    changes = world.db.conn.total_changes
    with qtbot.captureExceptions() as escaped:
        act(world)
    assert escaped == []
    # The notes' autosave says a refusal beside the text it kept (its pane's banner, through a guard of its own).
    notes_guard = clocked_window.notes_panel._guard if path == "notes text" else None
    writes = notes_guard.writes if notes_guard is not None else writes
    banner = clocked_window.notes_panel.banner if notes_guard is not None else clocked_window.safeguards.write_banner
    refused = writes.message != ""
    saved = world.db.conn.total_changes > changes and not refused
    assert refused or (mode == "disk-full" and saved), f"{path}: neither saved nor said"
    if refused:
        assert banner.isVisible() and banner.label.text().startswith(writes.message.split(".")[0])
