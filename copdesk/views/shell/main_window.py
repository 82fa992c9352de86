"""The main window composes the panes and routes a few signals between them. No logic lives here.

Two pages: *Prepare* (the review panel, shown whenever no session is live) and *Live* (timer,
questions, participation and notes side by side, sized for a 1366x768 laptop screen).

The window is built in two steps, so that it can appear before the database is open: the frame (header, menus,
theme, an "Opening…" page) needs nothing but Qt, this module and its header bar, and :meth:`MainWindow.open_data`
then builds the panes on the opened database; the tools follow its first paint
(:mod:`copdesk.views.shell.tools_after_paint`). Closing it, and letting its data go unasked, are
:mod:`copdesk.views.shell.window_closing`'s. Only the Qt classes the frame uses, the header bar
(:mod:`copdesk.views.shell.header_bar`), :mod:`copdesk.views.widgets.theme`, what sequences the tools and what
closes the window are imported here at module level; the panes' modules load in :meth:`MainWindow.open_data` (see
:func:`import_panes`), and the rest of Qt's where it is used (PySide builds a class's enums when it is first imported).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from copdesk import paths
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE, HeaderBar
from copdesk.views.shell.tools_after_paint import ToolsAfterPaint
from copdesk.views.shell.window_closing import WindowClosing
from copdesk.views.widgets import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QSplitter

    from copdesk.core.model import Team
    from copdesk.views.context import AppContext
    from copdesk.views.live.live_page import LivePage
    from copdesk.views.live.live_session import LiveSession
    from copdesk.views.live.notes.notes_panel import NotesPanel
    from copdesk.views.live.participation.participation_panel import ParticipationPanel
    from copdesk.views.live.questions.question_panel import QuestionPanel
    from copdesk.views.live.timer.timer_panel import TimerPanel
    from copdesk.views.prepare.participation_history import ParticipationHistory
    from copdesk.views.prepare.review_panel import ReviewPanel
    from copdesk.views.reports.report_actions import ReportActions
    from copdesk.views.session.hand_over import HandOver
    from copdesk.views.session.session_flow import SessionFlow
    from copdesk.views.shell.demo_mode import DemoMode
    from copdesk.views.shell.help_actions import HelpActions
    from copdesk.views.shell.safeguards import Safeguards
    from copdesk.views.shell.team_actions import TeamActions
    from copdesk.views.widgets.background import BackgroundJob

TOOLS_AT_THE_LATEST_MS = 1000  # the tools wait for the Prepare view's first paint, or this long


def import_panes() -> None:
    """Load the modules the Prepare view's first screenful is built from; the app does it while the file is checked.

    The modules of the rest (the attendance chart, the session flow, reports, data care, demo) load when it is
    built (:meth:`ToolsAfterPaint.ensure`).
    """
    from copdesk.views import context  # noqa: F401 - loaded now, used by open_data
    from copdesk.views.live import live_session  # noqa: F401
    from copdesk.views.prepare import review_panel  # noqa: F401


class MainWindow(QMainWindow):
    """``MainWindow(resources)`` is the frame; :meth:`open_data` fills it (``create_window`` does both at once).

    The Live page is built when first needed (a session starts or resumes, Live is chosen, notes are searched),
    or at once with ``open_data(..., build_live_page=True)``, as tests have it. Work handed to
    :meth:`after_first_paint` starts once the window has painted, so nothing the facilitator need not wait for
    delays the window's appearance.
    """

    # Queued from the first paint: the window is on screen. A frame shown before open_data says so again
    # after its first paint with the panes, and only then starts the jobs handed to after_first_paint.
    first_painted = Signal()

    context: AppContext
    live_session: LiveSession
    demo: DemoMode
    safeguards: Safeguards
    review_panel: ReviewPanel
    reports: ReportActions
    session_flow: SessionFlow
    participation_history: ParticipationHistory
    team_actions: TeamActions
    hand_over: HandOver
    help_actions: HelpActions
    dark_action: QAction

    def __init__(self, resources: Path) -> None:
        super().__init__()
        self.resources = resources
        self._live_page: LivePage | None = None
        self._opened = False
        self.tools = ToolsAfterPaint(self, self.first_painted.emit)
        self.closing = WindowClosing(self, lambda: None if self._live_page is None else self._live_page.notes_panel)
        self.settings = paths.user_settings()
        self.setObjectName("mainWindow")
        self.setWindowTitle("CoPDesk")
        self.setWindowIcon(theme.app_icon(resources))
        self.setMinimumSize(1024, 640)

        central = QWidget()
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.header = HeaderBar()
        self.header.team_combo.currentIndexChanged.connect(self._team_changed)
        self.header.mode_group.idClicked.connect(self.show_page)
        self.central_layout.addWidget(self.header)
        self.pages = QStackedWidget()
        self.opening_label = QLabel("Opening your data…")
        self.opening_label.setObjectName("openingLabel")  # centred and quiet, by the stylesheet
        self.pages.addWidget(self.opening_label)
        self.central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.menus = {
            title: self.menuBar().addMenu(title) for title in ("&File", "&View", "&Session", "&Reports", "&Help")
        }
        self.statusBar()
        self.palette_name = str(self.settings.value(theme.SETTING, theme.LIGHT))
        theme.apply(self, resources, self.palette_name)
        self._restore_state()

    def is_open(self) -> bool:
        """Whether :meth:`open_data` has built the panes."""
        return self._opened

    def show_opening(self, db_path: Path) -> None:
        """Say which file is being opened, until :meth:`open_data`."""
        self.opening_label.setText(f"Opening {db_path.name}…")
        self.statusBar().showMessage(f"Opening {db_path}…")

    def open_data(self, context: AppContext, *, build_live_page: bool = True, tools_after_paint: bool = False) -> None:
        """Build the panes on the opened database and show its Prepare view.

        The Prepare view's sections below its first screenful, the session flow, the reports, data care, the demo
        and the menus ("the tools") are built with it, or, with ``tools_after_paint``, just after the Prepare view
        has first painted: the facilitator reads the data sooner, and a click on a menu comes later than that.
        :meth:`when_tools_ready` waits for them.
        """
        from copdesk.views.live.live_session import LiveSession
        from copdesk.views.prepare.review_panel import ReviewPanel

        self.context = context
        self.live_session = LiveSession(self)
        self.live_session.starting.connect(self.ensure_live_page)  # its panes must hear the session start
        self.live_session.started.connect(self._hold_live_team)
        self.live_session.ended.connect(lambda _session_id: self.header.hold_team(False))
        self.review_panel = ReviewPanel(context, lambda: self.live_session.session_id)
        self.pages.removeWidget(self.opening_label)
        self.opening_label.deleteLater()
        self.pages.addWidget(self._wrap(self.review_panel))
        self._live_placeholder: QWidget | None = QWidget()  # the Live page's place, until ensure_live_page
        self.pages.addWidget(self._live_placeholder)
        self.statusBar().showMessage(f"Data: {context.db_path}")
        self._opened = True
        self.header.set_enabled(True)
        self.reload_teams()
        self.show_page(PREPARE_PAGE)
        if tools_after_paint:  # and at the latest after a moment, for a window that is never painted (minimised)
            QTimer.singleShot(TOOLS_AT_THE_LATEST_MS, self, self.tools.ensure)
        else:
            self.tools.ensure()
        if build_live_page:
            self.ensure_live_page()
        self.tools.painted = False  # the jobs for after the first paint wait for the panes to be on screen

    def has_tools(self) -> bool:
        """Whether the session flow, reports, data care, demo and menus are built (see :meth:`open_data`)."""
        return self.tools.built

    def when_tools_ready(self, then: Callable[[], object]) -> None:
        self.tools.when_ready(then)

    # -- construction -------------------------------------------------------------------------
    def ensure_live_page(self) -> LivePage:
        """Build the Live page (timer, participation, questions, notes) if it is not there yet."""
        self.tools.ensure()  # the page's timer pane follows the session flow
        if self._live_page is None:
            from copdesk.views.live.live_page import LivePage

            page = LivePage(self.context, self.live_session, self.session_flow, self.current_team_id)
            page.timer_panel.set_colours(self.session_flow.colours)
            page.notes_panel.words_corrected.connect(self.review_panel.refresh)
            self.pages.insertWidget(LIVE_PAGE, page)
            if self._live_placeholder is not None:
                self.pages.removeWidget(self._live_placeholder)
                self._live_placeholder.deleteLater()
                self._live_placeholder = None
            page.restore_state(self.settings)  # in place, so the sizes apply to the room the page has
            self._live_page = page
            self._share_live_keys(page)
        return self._live_page

    def _share_live_keys(self, page: LivePage) -> None:
        """The live keys work in the share-safe view and the mini timer too (``copdesk.views.live.shared_keys``)."""
        from copdesk.views.live.shared_keys import live_key_actions, mirror_shortcuts

        keys = live_key_actions(self, (page.participation_panel, page.question_panel))
        for other in (self.session_flow.share_view, self.session_flow.mini_timer):
            mirror_shortcuts(keys, other)

    @property
    def timer_panel(self) -> TimerPanel:
        return self.ensure_live_page().timer_panel

    @property
    def question_panel(self) -> QuestionPanel:
        return self.ensure_live_page().question_panel

    @property
    def participation_panel(self) -> ParticipationPanel:
        return self.ensure_live_page().participation_panel

    @property
    def notes_panel(self) -> NotesPanel:
        return self.ensure_live_page().notes_panel

    @property
    def live_splitter(self) -> QSplitter:
        return self.ensure_live_page().live_splitter

    # -- start-up work that waits for the first paint (copdesk.views.shell.tools_after_paint) ----------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.tools.painted_now()

    def after_first_paint(self, job: BackgroundJob) -> None:
        self.tools.after_first_paint(job)

    def finish_background_work(self, *, closing: bool = False) -> bool:
        return self.tools.finish_background_work(closing=closing)

    @staticmethod
    def _wrap(widget: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(widget)
        return page

    # -- behaviour ----------------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        if page == LIVE_PAGE:
            self.ensure_live_page()
        self.pages.setCurrentIndex(page)
        self.header.show_page_chosen(page)

    def reload_teams(self, select_team_id: int | None = None) -> None:
        from copdesk.store import teams

        current = select_team_id if select_team_id is not None else self.current_team_id()
        if self.live_session.is_live:  # a team created or edited meanwhile: the header keeps the live one
            current = self.live_session.team_id
        if current is None:
            stored = self.settings.value("team_id")
            current = int(str(stored)) if stored not in (None, "") else None
        self.header.set_teams(teams.list_teams(self.context.db), current)
        if self.tools.built:
            self.demo.refresh()
        self._team_changed()

    def _hold_live_team(self) -> None:
        """While a session is live, the header names its team (started or resumed from another) and keeps it: the
        Prepare view, reports and exports then follow the team the Live page shows."""
        team_id = self.live_session.team_id
        if team_id is not None and team_id != self.current_team_id():
            self.reload_teams(team_id)
        self.header.hold_team(True)

    def current_team_id(self) -> int | None:
        return self.header.team_id()

    def current_team(self) -> Team | None:
        from copdesk.store import teams

        team_id = self.current_team_id()
        return teams.get_team(self.context.db, team_id) if team_id is not None else None

    def _team_changed(self) -> None:
        team = self.current_team()
        if team is not None:
            self.settings.setValue("team_id", team.id)
        self.review_panel.show_team(team)
        if self.tools.built:  # else the chart is not built yet, and shows the team when it is
            self.participation_history.show_team(team)
        if self._live_page is not None:  # a note search open beside the window keeps to the team chosen
            self._live_page.notes_panel.team_changed()

    def offer_first_run_or_resume(self) -> None:
        """After the window is shown: a first run asks how to begin; a session left live by a crash is offered."""
        from copdesk.store import teams

        if teams.team_count(self.context.db) == 0:
            self.team_actions.create_interactively(first_run=True)
        else:
            self.session_flow.offer_resume()

    def _team_edited(self, team_id: int) -> None:
        self.reload_teams(team_id)
        if self._live_page is not None:  # a rename shows on the tiles at once
            self._live_page.participation_panel.reload_roster()

    def search_notes(self) -> None:
        self.notes_panel.open_search()

    def toggle_dark(self, checked: bool) -> None:
        self._apply_theme(theme.DARK if checked else theme.LIGHT)

    def _apply_theme(self, palette: str) -> None:
        self.palette_name = palette
        theme.apply(self, self.resources, palette)
        self.settings.setValue(theme.SETTING, palette)
        self.session_flow.set_palette(palette)
        if self._live_page is not None:
            self._live_page.timer_panel.set_colours(self.session_flow.colours)
        self.dark_action.setChecked(palette == theme.DARK)

    # -- state --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)

    def save_state(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        if self._live_page is not None:  # else the splitters were never moved: their saved state stands
            self._live_page.save_state(self.settings)
        self.settings.sync()

    def close_without_asking(self) -> bool:
        """Close now, asking nothing (:meth:`WindowClosing.without_asking`)."""
        return self.closing.without_asking()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._opened:  # closed while the data was still opening: nothing was shown to keep
            self.save_state()
            self.tools.closed = True
            super().closeEvent(event)
            return
        self.tools.ensure()  # closed within a moment of appearing: closing goes the one way
        if not self.closing.may_close():  # a question is up, and decides
            event.ignore()
            return
        self.save_state()
        self.session_flow.shutdown()
        self.reports.finish_exports()  # a running export is cancelled: its thread must end before the window goes
        if self._live_page is not None:
            self._live_page.notes_panel.close_search()  # so is a note search under way
        self.safeguards.close_dialog()  # and a data-care dialog's count or check
        self.tools.closed = True
        super().closeEvent(event)
