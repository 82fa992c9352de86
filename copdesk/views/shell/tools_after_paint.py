"""The window's tools, and the start-up work that waits for the window's first paint.

The frame, then the Prepare view's first screenful, paint before anything the facilitator need not wait for. The
tools (the rest of the Prepare view, the session flow, reports, data care, the demo, their banners and the menus)
are built just after that first paint, or at once when something needs them sooner; the background jobs handed to
the window start once it has painted. :class:`~copdesk.views.shell.main_window.MainWindow` owns one
:class:`ToolsAfterPaint`. The tools' modules are imported when they are built, so the first paint does not wait
for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from copdesk.views.widgets import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QVBoxLayout

    from copdesk.core.model import Team
    from copdesk.views.context import AppContext
    from copdesk.views.live.live_session import LiveSession
    from copdesk.views.live.notes.notes_panel import NotesPanel
    from copdesk.views.live.timer.timer_panel import TimerPanel
    from copdesk.views.prepare.participation_history import ParticipationHistory
    from copdesk.views.prepare.review_panel import ReviewPanel
    from copdesk.views.shell.header_bar import HeaderBar
    from copdesk.views.shell.window_menus import MenuOwner
    from copdesk.views.widgets.background import BackgroundJob

    # For the type checker only: the menus' module is loaded with the tools, after the first paint.
    class ToolsOwner(MenuOwner, Protocol):
        """What the tools are built on and wired to: the main window, its data open."""

        context: AppContext
        live_session: LiveSession
        review_panel: ReviewPanel
        participation_history: ParticipationHistory
        central_layout: QVBoxLayout
        header: HeaderBar
        palette_name: str
        dark_action: QAction

        @property
        def timer_panel(self) -> TimerPanel: ...
        @property
        def notes_panel(self) -> NotesPanel: ...
        def is_open(self) -> bool: ...
        def current_team_id(self) -> int | None: ...
        def current_team(self) -> Team | None: ...
        def reload_teams(self, select_team_id: int | None = None) -> None: ...
        def finish_background_work(self, *, closing: bool = False) -> bool: ...
        def _team_changed(self) -> None: ...
        def _team_edited(self, team_id: int) -> None: ...


class ToolsAfterPaint(QObject):
    def __init__(self, window: ToolsOwner, painted: Callable[[], None]) -> None:
        assert isinstance(window, QMainWindow)
        super().__init__(window)  # deleted with the window, taking the calls it queued with it
        self.window, self._announce_painted = window, painted
        self.built = False
        self.painted = False
        self.closed = False  # closed for good: its database may be closed too (a restore, the demo switched)
        self.jobs: list[BackgroundJob] = []
        self._waiting: list[Callable[[], object]] = []

    def when_ready(self, then: Callable[[], object]) -> None:
        """Call ``then`` once the tools are built (at once if they are)."""
        if self.built:
            then()
        else:
            self._waiting.append(then)

    def ensure(self) -> None:
        """Build the rest of the Prepare view, then the session flow, reports, data care, the demo, their banners
        and the menus, once."""
        if self.built:
            return
        self.built = True
        window = self.window
        _build_tools(window)
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
        # Last, the chart's query of ten sessions: should it fail (a fault is reported), the tools are all in place
        # and the callers above answered, so the window still works and closes.
        window.participation_history.show_team(window.review_panel.team)

    # -- start-up work that waits for the first paint -------------------------------------------
    def painted_now(self) -> None:
        """From the window's paint event: the first paint queues what waits for it."""
        if not self.painted:
            self.painted = True
            # Queued behind the rest of this paint. Like every start-up call the window queues, it names the window
            # (here, this child of it) as its context: a window deleted first (a restore or the demo replaces it)
            # takes the call with it.
            QTimer.singleShot(0, self, self._first_paint_done)

    def _first_paint_done(self) -> None:
        if self.closed:  # closed before its start-up calls came round: they would read a closed database
            return
        if self.window.is_open() and not self.built:
            # The Prepare view is on screen; the tools come next, after whatever else this paint queued.
            QTimer.singleShot(0, self, self._tools_then_jobs)
            return
        self._start_jobs()

    def _tools_then_jobs(self) -> None:
        if self.closed:
            return
        self.ensure()
        self._start_jobs()

    def _start_jobs(self) -> None:
        for job in self.jobs:  # first, so their threads run beside what follows
            job.start()
        self._announce_painted()

    def after_first_paint(self, job: BackgroundJob) -> None:
        """Start ``job`` once the window has painted; :meth:`finish_background_work` completes it sooner if needed."""
        self.jobs.append(job)
        if self.painted:
            job.start()

    def finish_background_work(self, *, closing: bool = False) -> bool:
        """Run or wait for every job handed to :meth:`after_first_paint`, a copy of the data being saved and an erasure
        or a deletion of old sessions under way: before a restore or data care, and at quit (``closing``: the window
        is gone, so a notice says what CoPDesk is finishing, :mod:`copdesk.views.shell.finishing_notice`). Before data
        care the window stays in view, and goes on painting while it waits: a copy being saved to a memory stick, or
        the start-up backup's rename held by a virus scanner for a second and a half, froze it.

        Whether the window is still open once the work is done: as it answers while it waits, a log-off may close it
        meanwhile, and then CoPDesk is quitting, so whoever waited (data care, a restore, the demo) goes no further."""
        jobs = list(self.jobs)
        if self.window.is_open():
            self.ensure()  # whoever hears how a job ended is among the tools
            jobs[:0] = self.window.safeguards.work_under_way()
        if closing:
            from copdesk.views.shell.finishing_notice import finish_saying_so

            finish_saying_so(jobs)
        else:
            from copdesk.views.widgets.background import wait_answering

            for job in jobs:
                job.start()  # one not yet begun runs in its worker too, not on the window's thread
            wait_answering(jobs)
        return not self.closed


def _build_tools(window: ToolsOwner) -> None:
    """The tools, their banners under the header, the header's Start button, and the menus."""
    from copdesk.views.prepare.participation_history import ParticipationHistory
    from copdesk.views.reports.report_actions import ReportActions
    from copdesk.views.session.hand_over import HandOver
    from copdesk.views.session.session_flow import SessionFlow
    from copdesk.views.shell.demo_mode import DemoMode
    from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
    from copdesk.views.shell.help_actions import HelpActions
    from copdesk.views.shell.safeguards import Safeguards
    from copdesk.views.shell.team_actions import TeamActions
    from copdesk.views.shell.window_menus import fill_menus

    assert isinstance(window, QMainWindow)  # the tools' dialogs and actions belong to the window
    context = window.context
    window.review_panel.add_the_rest()  # the sections below the first screenful
    window.participation_history = ParticipationHistory(context, window.live_session)
    window.review_panel.add_section("participation_history", "Attendance and balance", window.participation_history)
    window.demo = DemoMode(context, window)
    window.safeguards = Safeguards(
        context,
        window.live_session,
        window,
        current_team_id=window.current_team_id,
        finish_background_work=window.finish_background_work,
    )
    window.safeguards.data_changed.connect(window.reload_teams)
    window.reports = ReportActions(context, window, current_team=window.current_team)
    window.reports.schedule_changed.connect(window._team_changed)
    window.reports.exported.connect(lambda message: window.statusBar().showMessage(message, 8000))
    window.session_flow = SessionFlow(window, context, window.live_session, window.current_team_id)
    window.hand_over = HandOver(context, window.live_session, window, lambda: (window.timer_panel, window.notes_panel))
    window.help_actions = HelpActions(context, window)
    window.team_actions = TeamActions(
        context,
        window,
        current_team=window.current_team,
        created=window.reload_teams,
        edited=window._team_edited,
        explore_demo=window.demo.explore_requested.emit,
    )
    flow = window.session_flow
    banners = (window.demo.area, window.safeguards.banner_area, flow.reminder_banner, flow.resumes.banner)
    for position, banner in enumerate(banners, start=1):
        window.central_layout.insertWidget(position, banner)
    window.header.row.addWidget(flow.header_button)
    flow.went_live.connect(lambda: window.show_page(LIVE_PAGE))
    flow.returned_to_prepare.connect(lambda: window.show_page(PREPARE_PAGE))
    flow.discard.discarded.connect(lambda _session_id: window._team_changed())
    window.dark_action = fill_menus(window)
    flow.set_palette(window.palette_name)
    window.dark_action.setChecked(window.palette_name == theme.DARK)
    window.demo.refresh()
