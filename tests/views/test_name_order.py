"""People and teams in the windows in the order a person files them: the start dialog, the live tiles (and their
number keys, which a resume keeps), the team members dialog, the CPD export's chooser, the erase dialog and the
hand-over. By code point "émile", "Łukasz" and "Ørjan" came after "Zara", and "aoife" after every capital."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialog

from copdesk.core.model import Role, Team
from copdesk.store import teams
from copdesk.views.data_care.data_care_dialogs import EraseMemberDialog
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.reports.export_dialogs import CpdDialog
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.names_in_order import IN_ORDER, make_team, member_ids
from tests.views.live_helpers import start_session
from tests.views.participation_helpers import tiles


def _team(window: MainWindow) -> Team:
    team = make_team(window.context.db)
    window.reload_teams(team.id)
    return team


def _texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]


def test_the_start_dialog_lists_teams_and_people_as_a_person_files_them(window: MainWindow) -> None:
    make_team(window.context.db, "Zenith Team", ("Bola Adeyemi",))
    make_team(window.context.db, "Ōtautahi Team", ("Bola Adeyemi",))
    team = _team(window)
    teams.set_member_role(window.context.db, member_ids(window.context.db, team)["Ørjan Dahl"], Role.CO_FACILITATOR)
    assert _texts(window.header.team_combo) == ["Harbour Team", "Ōtautahi Team", "Zenith Team"]
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    assert _texts(dialog.team_combo) == ["Harbour Team", "Ōtautahi Team", "Zenith Team"]
    names = [dialog.present_list.item(row).text().split("  ·  ")[0] for row in range(dialog.present_list.count())]
    assert names == list(IN_ORDER)
    assert _texts(dialog.presenter_combo)[1:] == list(IN_ORDER)
    offered = [text.split(" (")[0] for text in _texts(dialog.plan_fields.co_facilitator)[1:]]
    assert offered == ["Ørjan Dahl", *(name for name in IN_ORDER if name != "Ørjan Dahl")], "the co-facilitator first"
    dialog.reject()


def test_the_tiles_and_their_number_keys_go_in_name_order(window: MainWindow) -> None:
    _team(window)
    start_session(window, present=IN_ORDER)
    assert tiles(window, RosterRole.NAME) == list(IN_ORDER)
    assert tiles(window, RosterRole.SHORTCUT) == [str(key) for key in range(1, len(IN_ORDER) + 1)]


def _came_late(window: MainWindow, names: set[str]) -> list[str]:
    window.participation_panel.add_button.click()
    dialog = window.participation_panel.add_people_dialog
    assert dialog is not None
    offered = [dialog.absent_list.item(row).text().split("  ·  ")[0] for row in range(dialog.absent_list.count())]
    dialog.set_ticked(names)
    dialog.mark_button.click()
    assert not dialog.isVisible()
    return offered


def test_a_resumed_session_gives_everyone_with_an_accented_name_the_number_key_they_had(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Those there from the start in name order, then latecomers as they came (those who came together in name
    order): a resume after a restart builds the same tiles, so no number key moves to someone else."""
    window = clocked_window
    _team(window)
    session = start_session(window, present=("Zara Ahmed", "Łukasz Nowak", "aoife Kelly", "Ørjan Dahl"))
    assert tiles(window, RosterRole.NAME) == ["aoife Kelly", "Łukasz Nowak", "Ørjan Dahl", "Zara Ahmed"]
    fake_clock.advance(5 * 60)
    assert _came_late(window, {"émile Roux", "Bola Adeyemi"}) == ["Bola Adeyemi", "émile Roux", "Kwame Mensah"]
    fake_clock.advance(5 * 60)
    _came_late(window, {"Kwame Mensah"})
    shown, keys = tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT)
    assert shown == [
        "aoife Kelly",
        "Łukasz Nowak",
        "Ørjan Dahl",
        "Zara Ahmed",
        "Bola Adeyemi",
        "émile Roux",
        "Kwame Mensah",
    ]

    window.live_session.finish()  # the app "closes" without the session ending in the store
    window.live_session.begin(session.id, session.team_id)
    assert tiles(window, RosterRole.NAME) == shown and tiles(window, RosterRole.SHORTCUT) == keys


def test_the_team_members_dialog_lists_them_as_a_person_files_them(window: MainWindow) -> None:
    _team(window)
    dialog = window.team_actions.open_members()
    assert dialog is not None
    assert [member.display_name for member in dialog.model.members()] == list(IN_ORDER)
    dialog.reject()


def test_the_cpd_export_offers_each_person_in_name_order(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _team(window)
    offered: list[str] = []

    def chosen(dialog: CpdDialog) -> int:
        offered.extend(text.split(" (")[0] for text in _texts(dialog.member_combo))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CpdDialog, "exec", chosen)
    window.reports.export_cpd_evidence()
    assert offered == list(IN_ORDER)


def test_the_erase_dialog_offers_each_person_in_name_order(window: MainWindow) -> None:
    _team(window)
    window.safeguards.erase_member_data()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, EraseMemberDialog)
    assert _texts(dialog.member_combo) == list(IN_ORDER)
    dialog.reject()


def test_the_hand_over_offers_the_co_facilitator_then_everyone_in_name_order(window: MainWindow) -> None:
    team = _team(window)
    teams.set_member_role(window.context.db, member_ids(window.context.db, team)["Ørjan Dahl"], Role.CO_FACILITATOR)
    start_session(window, present=IN_ORDER)
    offered = [name for _id, name in window.hand_over.people()]
    assert offered == ["Ørjan Dahl", *(name for name in IN_ORDER if name != "Ørjan Dahl")]
