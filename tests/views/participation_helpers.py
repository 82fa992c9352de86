"""A live session with fictional people, started through the real window's signal hub."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from copdesk.core.model import Role, SessionKind
from copdesk.store import sessions, teams
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.shell.header_bar import LIVE_PAGE
from copdesk.views.shell.main_window import MainWindow

FIRST = ["Asha", "Ben", "Chloe", "Dev", "Eilidh", "Farah", "Gareth", "Hana", "Idris", "Jo", "Kemi", "Liam", "Maya"]
FIRST += ["Niall", "Olu"]
LAST = ["Okafor", "Lloyd", "Martin", "Shah", "Grant", "Haddad", "Evans", "Sato", "Price", "Kerr", "Adeyemi"]
LAST += ["Walsh", "Singh", "Byrne", "Bello"]
ROLES = [Role.FACILITATOR, Role.CO_FACILITATOR, Role.STUDENT_ASYE, Role.GUEST, Role.PARTNER]


def fictional_names(count: int) -> list[str]:
    return [f"{FIRST[i % len(FIRST)]} {LAST[(i + i // len(FIRST)) % len(LAST)]}" for i in range(count)]


def start_live_session(window: MainWindow, present: int, *, absent: int = 0) -> int:
    """A team of ``present + absent`` people, the first ``present`` of them marked present; returns the session."""
    db, now = window.context.db, window.context.now()
    names = fictional_names(present + absent)
    roster = [(name, ROLES[i] if i < len(ROLES) else Role.PRACTITIONER) for i, name in enumerate(names)]
    team = teams.create_team(db, "Harbour Team", roster, now)
    window.reload_teams(team.id)
    members = {m.display_name: m.id for m in teams.list_members(db, team.id)}
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now)
    sessions.set_attendance(db, session.id, [members[name] for name in names[:present]])
    sessions.start_session(db, session.id, now, ground_rules_agreed=True)
    window.show_page(LIVE_PAGE)
    window.live_session.begin(session.id, team.id)
    return session.id


def click_tile(window: MainWindow, row: int) -> int:
    """Click the tile in visible row ``row``; returns the member it belongs to."""
    panel = window.participation_panel
    index = panel.visible_roster.index(row, 0)
    rect = panel.roster.visualRect(index)
    QTest.mouseClick(panel.roster.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    return int(index.data(RosterRole.MEMBER_ID))


def tiles(window: MainWindow, role: int) -> list[object]:
    """What each tile shows for ``role``, in tile order."""
    roster = window.participation_panel.visible_roster
    return [roster.index(row, 0).data(role) for row in range(roster.rowCount())]


def tile_menu(window: MainWindow, name: str) -> QMenu:
    """The menu a right click on ``name``'s tile opens, as it shows (``popup``, never a nested loop)."""
    panel = window.participation_panel
    index = panel.visible_roster.index(tiles(window, RosterRole.NAME).index(name), 0)
    panel.roster.customContextMenuRequested.emit(panel.roster.visualRect(index).center())
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.isVisible()
    return menu


def not_here(window: MainWindow, name: str) -> QAction:
    """The "Not here" item of ``name``'s tile menu, the menu closed again."""
    menu = tile_menu(window, name)
    [item] = [action for action in menu.actions() if action.text().startswith("Not here")]
    menu.close()
    return item
