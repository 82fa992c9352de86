"""A guest taken off a live session as present by mistake leaves the roster, and CoPDesk keeps their name only to put
them back with Undo, until the session ends. Asked to erase them, by name as for anyone, ``erase`` reaches that name
and every copy that holds the guest, and says what it erased; a session never ended no longer keeps it for ever."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.model import Role, SessionKind
from copdesk.services.sessions import SessionPlan, remove_attendee, start_session
from copdesk.store import teams
from copdesk.store.connection import open_database
from tests.cli.conftest import CallCli
from tests.reliability.conftest import NOW, fill, make_database
from tests.reliability.test_data_care_gui import _choose, _erase, _shown_erase_dialog
from tests.reliability.test_erasure_everywhere import erase, files_holding, sql, take_backup

GUEST = "Wren Kowalczyk"


def _guest_taken_off_a_live_session(
    db_path: Path, *, backup_first: bool, guest: str = GUEST, also: str = "", old_name: str = ""
) -> None:
    """Harbour Team's session live now, with the guest (and ``also``, another) added at the door and then taken off as
    a mistake; with ``backup_first``, a copy is taken while they were on the roster (as the start-up backup of a
    resume would). ``old_name`` is the guest's name written straight into the database, as old data."""
    make_database(db_path)
    guests = (guest, also) if also else (guest,)
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    db = opened.db
    try:
        team_id = teams.list_teams(db)[0].id
        present = tuple(member.id for member in teams.list_members(db, team_id))
        agenda = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
        plan = SessionPlan(team_id, SessionKind.REFLECTIVE, "Carers", None, present, guests, agenda, True)
        session_id = start_session(db, plan, NOW).id
        guest_ids = [m.id for m in teams.list_members(db, team_id) if m.display_name in guests]
        if old_name:  # as an earlier CoPDesk took it, before a person's name needed a letter or a digit
            db.execute(
                "UPDATE member SET display_name = ?, name_key = ? WHERE id = ?", [old_name, old_name, guest_ids[0]]
            )
    finally:
        db.close()
    if backup_first:
        take_backup(db_path, days_ago=0)
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    try:
        for guest_id in guest_ids:
            remove_attendee(opened.db, session_id, guest_id)
    finally:
        opened.db.close()


def _guest_held_in_a_live_session(db: Database) -> int:
    """A filled database's team, live, with the guest added at the door and taken off as a mistake: its id."""
    team_id = fill(db)
    present = tuple(member.id for member in teams.list_members(db, team_id))
    agenda = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
    plan = SessionPlan(team_id, SessionKind.REFLECTIVE, "Carers", None, present, (GUEST,), agenda, True)
    session_id = start_session(db, plan, NOW).id
    remove_attendee(db, session_id, next(m.id for m in teams.list_members(db, team_id) if m.display_name == GUEST))
    return team_id


def test_a_guest_taken_off_and_held_for_undo_is_erased_by_name_here_and_in_every_copy(
    call_cli: CallCli, db_path: Path
) -> None:
    _guest_taken_off_a_live_session(db_path, backup_first=True)
    take_backup(db_path, days_ago=0)  # and one holding only the name kept for Undo
    assert sql(db_path, "SELECT guest_name FROM attendance_taken_off") == [(GUEST,)]

    dry = call_cli("erase", "--team", "Harbour Team", "--member", "wren  kowalczyk", "--db", str(db_path))
    assert dry.returncode == 0, dry.stderr
    assert f"Would erase {GUEST}, a guest taken off a live session" in dry.stdout  # as held, as a member's name is
    assert "names kept to undo taking a guest off a live session: 1" in dry.stdout

    code, out, err = erase(call_cli, db_path, GUEST)

    assert code == 0, err
    assert "names kept to undo taking a guest off a live session: 1" in out and "backups cleaned: 2" in out
    assert files_holding(db_path.parent, b"Kowalczyk") == []
    again = erase(call_cli, db_path, GUEST)
    assert again[0] == 0 and "was erased already" in again[1]


def test_a_guest_of_another_name_or_a_name_never_kept_is_not_reached(call_cli: CallCli, db_path: Path) -> None:
    _guest_taken_off_a_live_session(db_path, backup_first=False)

    code, _, err = erase(call_cli, db_path, "Wren")

    assert code == 1 and "Nobody called 'Wren' is on Harbour Team's roster" in err
    assert sql(db_path, "SELECT guest_name FROM attendance_taken_off") == [(GUEST,)]


def test_a_guest_held_for_undo_is_found_as_a_member_is_without_accents_or_capitals(
    call_cli: CallCli, db_path: Path
) -> None:
    """Held for Undo, a guest was found only by their name as written, less its case: "Zoe Fenn" did not find
    "Zoë Fenn", who is found as a member is."""
    _guest_taken_off_a_live_session(db_path, backup_first=True, guest="Zoë Fenn")

    code, out, err = erase(call_cli, db_path, "ZOE FENN")

    assert code == 0, err
    assert "Erased Zoë Fenn, a guest taken off a live session" in out and "backups cleaned: 1" in out
    assert sql(db_path, "SELECT count(*) FROM attendance_taken_off") == [(0,)]
    assert files_holding(db_path.parent, b"Fenn") == []


def test_two_guests_held_for_undo_whose_names_differ_only_in_accents_are_never_taken_for_one(
    call_cli: CallCli, db_path: Path
) -> None:
    """ "Zoe Fenn" could be either: neither is erased, and the message names both; each name as written erases that
    guest alone."""
    _guest_taken_off_a_live_session(db_path, backup_first=False, guest="Zoë Fenn", also="Zoé Fenn")

    code, _, err = erase(call_cli, db_path, "Zoe Fenn")

    assert code == 1
    assert (
        "'Zoe Fenn' could be Zoé Fenn or Zoë Fenn, guests taken off a live session and no longer on Harbour Team's"
        in err
    )
    assert "type the name as it was written." in err
    assert sorted(sql(db_path, "SELECT guest_name FROM attendance_taken_off")) == [("Zoé Fenn",), ("Zoë Fenn",)]
    code, out, err = erase(call_cli, db_path, "zoë fenn")
    assert code == 0 and "Erased Zoë Fenn, a guest" in out, err
    assert sql(db_path, "SELECT guest_name FROM attendance_taken_off") == [("Zoé Fenn",)]


def test_a_guest_whose_name_has_no_letter_is_erased_here_and_in_every_copy(call_cli: CallCli, db_path: Path) -> None:
    """A name of emoji alone ("🦉", which an earlier CoPDesk took for a person) has no words for a digest: the name
    held here went, by its row, but a copy kept it held, and the guest on the roster with their attendance. Now the
    name, a whole name, is found in every copy."""
    _guest_taken_off_a_live_session(db_path, backup_first=True, guest="Owl Guest", old_name="🦉")
    take_backup(db_path, days_ago=0)  # and one holding only the name kept for Undo

    code, out, err = erase(call_cli, db_path, "🦉")

    assert code == 0, err
    assert "names kept to undo taking a guest off a live session: 1" in out and "backups cleaned: 2" in out
    assert files_holding(db_path.parent, "🦉".encode()) == []
    again = erase(call_cli, db_path, "🦉")
    assert again[0] == 0 and "was erased already" in again[1]


def test_the_erase_dialog_offers_a_guest_held_for_undo_and_erases_them(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    """The window's Erase dialog lists the team's members, then each guest no longer on the roster whose name is held
    for Undo, said as such; chosen, it counts and erases them as the command does."""
    team_id = _guest_held_in_a_live_session(db)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    listed = f"{GUEST} (a guest taken off a live session)"
    assert dialog.member_combo.itemText(dialog.member_combo.count() - 1) == listed

    _choose(dialog, listed)
    assert "names kept to undo taking a guest off a live session: 1" in dialog.preview.text()
    _erase(dialog, listed)

    assert "Erased" in dialog.result_label.text() and dialog.member_combo.findText(listed) == -1
    assert db.execute("SELECT count(*) FROM attendance_taken_off").fetchone()[0] == 0


def test_a_copy_taken_before_a_guest_was_erased_restores_without_them(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    """Restored, a copy kept outside CoPDesk's folders, which no erasure reaches, does not bring the guest back: the
    erasure is made again in it, by name, as a member's is by identity."""
    _guest_taken_off_a_live_session(db_path, backup_first=False)
    outside = tmp_path / "elsewhere" / "before.db"
    outside.parent.mkdir()
    assert call_cli("backup", "-o", str(outside), "--db", str(db_path)).returncode == 0
    assert erase(call_cli, db_path, GUEST)[0] == 0

    restored = call_cli("restore", str(outside), "--db", str(db_path))

    assert restored.returncode == 0, restored.stderr
    assert sql(db_path, "SELECT count(*) FROM attendance_taken_off") == [(0,)]
    assert files_holding(db_path.parent, b"Kowalczyk") == []


def test_a_guest_held_for_undo_under_a_name_on_the_roster_is_erased_with_whoever_has_it(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    """Someone of the guest's name put on the roster since: the dialog lists the name once, as the member's, and
    erasing them says the name held for Undo goes too, as the command does (it finds the member first)."""
    team_id = _guest_held_in_a_live_session(db)
    teams.add_member(db, team_id, GUEST, Role.PRACTITIONER, NOW)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    listed = [dialog.member_combo.itemText(i) for i in range(dialog.member_combo.count())]
    assert [text for text in listed if text.startswith(GUEST)] == [GUEST]

    _choose(dialog, GUEST)
    assert "names kept to undo taking a guest off a live session: 1" in dialog.preview.text()
    _erase(dialog, GUEST)

    assert db.execute("SELECT count(*) FROM attendance_taken_off").fetchone()[0] == 0
    assert dialog.member_combo.findText(GUEST, Qt.MatchFlag.MatchStartsWith) == -1


def test_an_erasure_made_again_at_a_start_leaves_a_guest_of_that_name_added_since(
    call_cli: CallCli, db_path: Path
) -> None:
    """A damaged copy leaves the erasure to be made again at each start: by name alone, it took a new guest of that
    name (someone else, come to a later session), with their attendance."""
    from copdesk.services.data_care import finish_pending_care
    from tests.reliability.conftest import corrupt

    _guest_taken_off_a_live_session(db_path, backup_first=False)
    corrupt(take_backup(db_path, days_ago=1), "overwritten-page")
    erase(call_cli, db_path, GUEST)
    assert sql(db_path, "SELECT count(*) FROM pending_care WHERE finished_at IS NULL") == [(1,)]
    later = NOW.replace(year=NOW.year + 1)
    opened = open_database(db_path, paths.migrations_dir(), now=later)
    try:
        team_id = teams.list_teams(opened.db)[0].id
        teams.add_member(opened.db, team_id, GUEST, Role.GUEST, later)
        finish_pending_care(opened.db, db_path, later)  # as the next start does
        names = [member.display_name for member in teams.list_members(opened.db, team_id)]
    finally:
        opened.db.close()
    assert GUEST in names
