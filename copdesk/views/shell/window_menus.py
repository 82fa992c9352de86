"""The window's menu bar: each tool's actions under File, View, Session, Reports and Help, beside the window's own
(Quit, the two views, Search notes, Dark theme). Filled once, when the tools are built."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE

if TYPE_CHECKING:
    from copdesk.views.reports.report_actions import ReportActions
    from copdesk.views.session.hand_over import HandOver
    from copdesk.views.session.session_flow import SessionFlow
    from copdesk.views.shell.demo_mode import DemoMode
    from copdesk.views.shell.help_actions import HelpActions
    from copdesk.views.shell.safeguards import Safeguards
    from copdesk.views.shell.team_actions import TeamActions


class MenuOwner(Protocol):
    """What the menus are filled from: the main window, once its tools are built."""

    menus: dict[str, QMenu]
    team_actions: TeamActions
    demo: DemoMode
    reports: ReportActions
    safeguards: Safeguards
    session_flow: SessionFlow
    hand_over: HandOver
    help_actions: HelpActions

    def close(self) -> bool: ...
    def show_page(self, page: int) -> None: ...
    def search_notes(self) -> None: ...
    def toggle_dark(self, checked: bool) -> None: ...


def fill_menus(window: MenuOwner) -> QAction:
    """Fill ``window.menus``; return the checkable Dark theme action."""

    def add(menu: QMenu, text: str, slot: Callable[..., object], shortcut: QKeySequence) -> QAction:
        action = QAction(text, menu)
        action.setShortcut(shortcut)
        action.setAutoRepeat(False)  # a key held down acts once: held Ctrl+Shift+D flickered between the themes
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    file_menu = window.menus["&File"]
    window.team_actions.add_to(file_menu)
    file_menu.addAction(window.demo.leave_action)
    window.reports.add_schedule_action(file_menu)
    file_menu.addSeparator()
    window.safeguards.add_menu_actions(file_menu)
    file_menu.addSeparator()
    # Ctrl+Q spelled out: the platform's standard Quit key is empty on Windows (and offscreen).
    add(file_menu, "&Quit", window.close, QKeySequence("Ctrl+Q"))
    view_menu = window.menus["&View"]
    add(view_menu, "&Prepare", lambda: window.show_page(PREPARE_PAGE), QKeySequence("Ctrl+1"))
    add(view_menu, "&Live", lambda: window.show_page(LIVE_PAGE), QKeySequence("Ctrl+2"))
    add(view_menu, "&Search notes…", window.search_notes, QKeySequence(QKeySequence.StandardKey.Find))
    view_menu.addSeparator()
    dark_action = add(view_menu, "&Dark theme", window.toggle_dark, QKeySequence("Ctrl+Shift+D"))
    dark_action.setCheckable(True)
    session_menu = window.menus["&Session"]
    flow_actions = window.session_flow.actions
    session_menu.addAction(flow_actions.start_session)
    session_menu.addSeparator()
    session_menu.addActions([*flow_actions.timer_actions[:-1], flow_actions.end_session])
    session_menu.addAction(window.session_flow.discard.action)
    session_menu.addSeparator()
    session_menu.addActions([flow_actions.share_view, flow_actions.mini_timer, flow_actions.edit_agendas])
    session_menu.addAction(window.hand_over.action)
    window.reports.fill_reports_menu(window.menus["&Reports"])
    help_menu = window.menus["&Help"]
    help_menu.addAction(flow_actions.help)
    window.help_actions.add_to(help_menu)
    return dark_action
