"""The main window composes the panes and routes a few signals between them. No logic lives here.

Two pages: *Prepare* (the review panel, shown whenever no session is live) and *Live* (timer,
questions, participation and notes side by side, sized for a 1366x768 laptop screen).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.model import Team
from copdesk.store import teams
from copdesk.store.demo import fill_demo
from copdesk.views import theme
from copdesk.views.context import AppContext
from copdesk.views.first_run import FirstRunDialog
from copdesk.views.live_session import LiveSession
from copdesk.views.notes_panel import NotesPanel
from copdesk.views.participation_history import ParticipationHistory
from copdesk.views.participation_panel import ParticipationPanel
from copdesk.views.question_panel import QuestionPanel
from copdesk.views.report_actions import ReportActions
from copdesk.views.review_panel import ReviewPanel
from copdesk.views.safeguards import Safeguards
from copdesk.views.session_flow import SessionFlow
from copdesk.views.timer_panel import TimerPanel

PREPARE_PAGE = 0
LIVE_PAGE = 1


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.settings = QSettings("copdesk", "copdesk")
        self.setObjectName("mainWindow")
        self.setWindowTitle("CoPDesk")
        self.setWindowIcon(theme.icon(context.resources, "copdesk"))
        self.setMinimumSize(1024, 640)

        self.live_session = LiveSession(self)
        self.safeguards = Safeguards(context, self.live_session, self, current_team_id=self.current_team_id)
        self.safeguards.data_changed.connect(self.reload_teams)
        self.review_panel = ReviewPanel(context)
        self.reports = ReportActions(context, self, current_team=self.current_team)
        self.reports.schedule_changed.connect(self._team_changed)
        self.reports.exported.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.session_flow = SessionFlow(self, context, self.live_session, self.current_team_id)
        flow = self.session_flow
        self.timer_panel = TimerPanel(context, flow.live_timer, flow.actions, flow.colours)
        self.question_panel = QuestionPanel(context, self.live_session)
        self.participation_panel = ParticipationPanel(context, self.live_session)
        self.notes_panel = NotesPanel(context, self.live_session)
        self.participation_history = ParticipationHistory(context, self.live_session)
        self.review_panel.add_section("participation_history", "Attendance and balance", self.participation_history)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        layout.addWidget(self.safeguards.banner_area)
        layout.addWidget(self.session_flow.reminder_banner)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._wrap(self.review_panel))
        self.pages.addWidget(self._build_live_page())
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.session_flow.went_live.connect(lambda: self.show_page(LIVE_PAGE))
        self.session_flow.returned_to_prepare.connect(lambda: self.show_page(PREPARE_PAGE))
        self._build_menus()
        self.statusBar().showMessage(f"Data: {context.db_path}")

        self._apply_theme(str(self.settings.value("theme", theme.LIGHT)))
        self._restore_state()
        self.reload_teams()
        self.show_page(PREPARE_PAGE)

    # -- construction -------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("headerBar")
        row = QHBoxLayout(header)
        row.setContentsMargins(14, 8, 14, 8)
        row.setSpacing(10)
        title = QLabel("CoPDesk")
        title.setObjectName("appTitle")
        row.addWidget(title)
        row.addSpacing(12)
        team_label = QLabel("&Team")
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName("Team")
        self.team_combo.setMinimumWidth(240)
        team_label.setBuddy(self.team_combo)
        self.team_combo.currentIndexChanged.connect(self._team_changed)
        row.addWidget(team_label)
        row.addWidget(self.team_combo)
        row.addSpacing(12)
        self.prepare_button = QPushButton("Prepare")
        self.live_button = QPushButton("Live")
        self.mode_group = QButtonGroup(self)
        for page, button in ((PREPARE_PAGE, self.prepare_button), (LIVE_PAGE, self.live_button)):
            button.setCheckable(True)
            button.setAccessibleName(f"Show the {button.text()} view")
            self.mode_group.addButton(button, page)
            row.addWidget(button)
        self.mode_group.idClicked.connect(self.show_page)
        row.addStretch(1)
        row.addWidget(self.session_flow.header_button)
        return header

    def _build_live_page(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        outer.setContentsMargins(10, 10, 10, 10)
        self.live_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.live_splitter.setObjectName("liveSplitter")
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.timer_panel)
        self.left_splitter.addWidget(self.participation_panel)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self.question_panel)
        self.right_splitter.addWidget(self.notes_panel)
        for splitter in (self.left_splitter, self.right_splitter):
            splitter.setChildrenCollapsible(False)
            splitter.setHandleWidth(8)
        self.live_splitter.addWidget(self.left_splitter)
        self.live_splitter.addWidget(self.right_splitter)
        self.live_splitter.setChildrenCollapsible(False)
        self.live_splitter.setHandleWidth(8)
        self.live_splitter.setStretchFactor(0, 5)
        self.live_splitter.setStretchFactor(1, 6)
        outer.addWidget(self.live_splitter)
        return page

    @staticmethod
    def _wrap(widget: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(widget)
        return page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._add_action(file_menu, "&New team…", self.create_team_interactively, QKeySequence("Ctrl+Shift+N"))
        self.reports.add_schedule_action(file_menu)
        file_menu.addSeparator()
        self.safeguards.add_menu_actions(file_menu)
        file_menu.addSeparator()
        self._add_action(file_menu, "&Quit", self.close, QKeySequence(QKeySequence.StandardKey.Quit))
        view_menu = self.menuBar().addMenu("&View")
        self._add_action(view_menu, "&Prepare", lambda: self.show_page(PREPARE_PAGE), QKeySequence("Ctrl+1"))
        self._add_action(view_menu, "&Live", lambda: self.show_page(LIVE_PAGE), QKeySequence("Ctrl+2"))
        find = QKeySequence(QKeySequence.StandardKey.Find)
        self._add_action(view_menu, "&Search notes…", self.notes_panel.open_search, find)
        view_menu.addSeparator()
        self.dark_action = self._add_action(view_menu, "&Dark theme", self._toggle_dark, QKeySequence("Ctrl+Shift+D"))
        self.dark_action.setCheckable(True)
        session_menu = self.menuBar().addMenu("&Session")
        flow_actions = self.session_flow.actions
        session_menu.addAction(flow_actions.start_session)
        session_menu.addSeparator()
        session_menu.addActions([*flow_actions.timer_actions[:-1], flow_actions.end_session])
        session_menu.addSeparator()
        session_menu.addActions([flow_actions.share_view, flow_actions.mini_timer, flow_actions.edit_agendas])
        self.reports.add_reports_menu(self.menuBar())
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(flow_actions.help)
        self._add_action(help_menu, "&About CoPDesk", self._about)

    def _add_action(self, menu: object, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # -- behaviour ----------------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        button = self.mode_group.button(page)
        if button is not None:
            button.setChecked(True)

    def reload_teams(self, select_team_id: int | None = None) -> None:
        current = select_team_id if select_team_id is not None else self.current_team_id()
        if current is None:
            stored = self.settings.value("team_id")
            current = int(str(stored)) if stored not in (None, "") else None
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        for team in teams.list_teams(self.context.db):
            self.team_combo.addItem(team.name, team.id)
        index = self.team_combo.findData(current)
        self.team_combo.setCurrentIndex(max(index, 0) if self.team_combo.count() else -1)
        self.team_combo.blockSignals(False)
        self._team_changed()

    def current_team_id(self) -> int | None:
        data = self.team_combo.currentData()
        return int(data) if data is not None else None

    def current_team(self) -> Team | None:
        team_id = self.current_team_id()
        return teams.get_team(self.context.db, team_id) if team_id is not None else None

    def _team_changed(self) -> None:
        team = self.current_team()
        if team is not None:
            self.settings.setValue("team_id", team.id)
        self.review_panel.show_team(team)
        self.participation_history.show_team(team)

    def offer_first_run_or_resume(self) -> None:
        """After the window is shown: a first run asks how to begin; a session left live by a crash is offered."""
        if teams.team_count(self.context.db) == 0:
            self.create_team_interactively(first_run=True)
        else:
            self.session_flow.offer_resume()

    def create_team_interactively(self, first_run: bool = False) -> None:
        dialog = FirstRunDialog(self)
        if not first_run:
            dialog.setWindowTitle("New team")
            dialog.ui.headingLabel.setText("Create a team")
            dialog.ui.demoRadio.setEnabled(teams.team_count(self.context.db) == 0)
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
            return
        if dialog.wants_demo:
            from copdesk.store.demo import bank_questions

            fill_demo(self.context.db, self.context.now(), bank_questions(self.context.resource("questions")))
            self.reload_teams()
        elif dialog.draft is not None:
            try:
                team = teams.create_team(self.context.db, dialog.draft.name, dialog.draft.members, self.context.now())
            except ValueError as exc:
                QMessageBox.warning(self, "Team not created", str(exc))
                return
            self.reload_teams(team.id)

    def _toggle_dark(self, checked: bool) -> None:
        self._apply_theme(theme.DARK if checked else theme.LIGHT)

    def _apply_theme(self, palette: str) -> None:
        self.setStyleSheet(theme.stylesheet(self.context.resources, palette))
        self.settings.setValue("theme", palette)
        self.session_flow.set_palette(palette)
        self.timer_panel.set_colours(self.session_flow.colours)
        if hasattr(self, "dark_action"):
            self.dark_action.setChecked(palette == theme.DARK)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About CoPDesk",
            "CoPDesk helps a Senior Social Worker facilitate their team's Community of Practice.\n\n"
            f"Your data stays on this computer, in {self.context.db_path}.",
        )

    # -- state --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        for splitter in (self.live_splitter, self.left_splitter, self.right_splitter):
            state = self.settings.value(f"splitter/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save_state(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        for splitter in (self.live_splitter, self.left_splitter, self.right_splitter):
            self.settings.setValue(f"splitter/{splitter.objectName()}", splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notes_panel.flush()
        self.save_state()
        self.session_flow.shutdown()
        super().closeEvent(event)
