"""Starting a session: the team and type (the next scheduled one by default), the topic, the presenter, who is
present (with guests added on the spot), then the ground-rules and confidentiality prompt.

The dialog only gathers choices into a :class:`~copdesk.services.sessions.SessionPlan`; nothing is
written until the facilitator presses Start, and then in one transaction
(:func:`copdesk.services.sessions.start_session`), so cancelling or a bad guest name leaves the database as it was.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from copdesk.core.agenda import AgendaTemplate
from copdesk.core.clock import from_utc_iso
from copdesk.core.ground_rules import GroundRules
from copdesk.core.model import Member, Session, SessionKind
from copdesk.core.text import MAX_NAME_LENGTH, InvalidName, clean_name, name_key
from copdesk.services.sessions import SessionPlan
from copdesk.store import schedule, session_lifecycle, teams
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_start_session import Ui_StartSessionDialog
from copdesk.views.widgets.forms import insert_row_below
from copdesk.views.widgets.identifier_warning import IdentifierWarning

DUE_NOW_WINDOW = timedelta(hours=1)  # a session whose planned start passed within this is "the one due now"
_GUEST = "guest"
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_MEMBER = "member"


@dataclass(frozen=True, slots=True)
class StartDefaults:
    kind: SessionKind
    planned_start: datetime | None  # aware, when the session fulfils a scheduled or planned one
    series_id: int | None
    reuse: Session | None
    scheduled_words: str


def session_defaults(context: AppContext, team_id: int) -> StartDefaults:
    """The session this start most likely is: one planned in advance, else the series' next (or just due) one."""
    now = context.now()
    planned = session_lifecycle.planned_session_near(context.db, team_id, now)
    if planned is not None and planned.planned_start is not None:
        start = from_utc_iso(planned.planned_start)
        return StartDefaults(planned.kind, start, planned.series_id, planned, f"Planned: {_when(start)}")
    upcoming = schedule.next_session(context.db, team_id, now - DUE_NOW_WINDOW)
    if upcoming is None:
        return StartDefaults(SessionKind.REFLECTIVE, None, None, None, "No scheduled sessions for this team.")
    start = upcoming.moment.astimezone()  # naive local wall time, made aware
    fulfils = abs(start - now) <= DUE_NOW_WINDOW
    words = f"Scheduled: {upcoming.kind.label}, {_when(start)}" if fulfils else f"Next scheduled: {_when(start)}"
    return StartDefaults(
        upcoming.kind, start if fulfils else None, upcoming.series_id if fulfils else None, None, words
    )


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local:%A} {local.day} {local:%B} at {local:%H:%M}"


class StartSessionDialog(QDialog):
    edit_agenda_requested = Signal(int, str)  # team id, SessionKind value

    def __init__(
        self,
        context: AppContext,
        team_id: int | None,
        agenda_for: Callable[[int, SessionKind], AgendaTemplate],
        ground_rules: GroundRules,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_StartSessionDialog()
        self.ui.setupUi(self)
        self.context = context
        self._agenda_for = agenda_for
        self.defaults: StartDefaults | None = None
        self.plan: SessionPlan | None = None
        self.members: list[Member] = []
        self.pages = self.ui.pages
        self._build_details_page()
        self._build_rules_page(ground_rules)
        for team in teams.list_teams(context.db):
            self.team_combo.addItem(team.name, team.id)
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(team_id), 0))
        self.team_combo.currentIndexChanged.connect(self._team_changed)
        self.kind_combo.currentIndexChanged.connect(self._refresh_agenda)
        self._team_changed()
        hint = self.sizeHint()
        self.resize(max(hint.width(), 640), hint.height())

    # -- page 1: who and what -----------------------------------------------------------------
    def _build_details_page(self) -> None:
        """The form is ui/start_session.ui; here are its names, what it cannot hold, and its wiring."""
        ui = self.ui
        self.team_combo, self.kind_combo, self.presenter_combo = ui.teamCombo, ui.kindCombo, ui.presenterCombo
        self.scheduled_label, self.count_label, self.agenda_label = ui.scheduledLabel, ui.countLabel, ui.agendaLabel
        self.topic_edit, self.guest_edit, self.present_list = ui.topicEdit, ui.guestEdit, ui.presentList
        self.error_label, self.next_button = ui.startError, ui.nextButton
        for kind in SessionKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.topic_edit.setMaxLength(MAX_NAME_LENGTH)
        self.topic_warning = IdentifierWarning(self.topic_edit)  # the topic goes into the record: never a name
        insert_row_below(ui.detailsForm, self.topic_edit, self.topic_warning)
        self.present_list.itemChanged.connect(self._update_count)
        ui.tickEveryoneButton.clicked.connect(lambda: self._tick_all(True))
        ui.clearButton.clicked.connect(lambda: self._tick_all(False))
        self.guest_edit.installEventFilter(self)  # Enter there adds the guest, and only that
        ui.addGuestButton.clicked.connect(self.add_guest)
        ui.editAgendaButton.clicked.connect(self._request_agenda_edit)
        ui.cancelButton.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.go_to_ground_rules)
        # Enter is "on to the next step" wherever the focus is: a button just clicked (Tick everyone) must not
        # become the one Enter presses again, as Qt's auto-default buttons would.
        for button in (ui.tickEveryoneButton, ui.clearButton, ui.addGuestButton, ui.editAgendaButton, ui.cancelButton):
            button.setAutoDefault(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.guest_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_guest()
            return True
        return super().eventFilter(watched, event)

    def _team_changed(self) -> None:
        team_id = self.team_id()
        self.present_list.clear()
        self.presenter_combo.clear()
        self.presenter_combo.addItem("No presenter", None)
        self.members = [] if team_id is None else teams.list_members(self.context.db, team_id)
        for member in self.members:
            self._add_person(member.display_name, (_MEMBER, member.id), checked=False, role=member.role.label)
        self.defaults = None if team_id is None else session_defaults(self.context, team_id)
        if self.defaults is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(self.defaults.kind.value))
            self.scheduled_label.setText(self.defaults.scheduled_words)
            reuse = self.defaults.reuse
            if reuse is not None:
                self.topic_edit.setText(reuse.topic)
                if reuse.presenter_id is not None:
                    self.presenter_combo.setCurrentIndex(
                        max(self.presenter_combo.findData((_MEMBER, reuse.presenter_id)), 0)
                    )
        self._refresh_agenda()
        self._update_count()

    def _add_person(self, name: str, key: tuple[str, object], *, checked: bool, role: str) -> None:
        item = QListWidgetItem(f"{name}  ·  {role}")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(_NAME_ROLE, name)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {role}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.present_list.addItem(item)
        self.presenter_combo.addItem(name, key)

    def team_id(self) -> int | None:
        data = self.team_combo.currentData()
        return int(data) if data is not None else None

    def kind(self) -> SessionKind:
        return SessionKind(self.kind_combo.currentData())

    def agenda(self) -> AgendaTemplate | None:
        team_id = self.team_id()
        return None if team_id is None else self._agenda_for(team_id, self.kind())

    def _refresh_agenda(self) -> None:
        agenda = self.agenda()
        if agenda is None:
            self.agenda_label.setText("Choose a team first.")
            return
        self.agenda_label.setText(f"{len(agenda.segments)} segments, {agenda.total_minutes} min")
        self.agenda_label.setToolTip("\n".join(f"{s.name}: {s.minutes} min" for s in agenda.segments))

    def refresh_agenda(self) -> None:
        """After the agenda editor saved a change for this team."""
        self._refresh_agenda()

    def _request_agenda_edit(self) -> None:
        team_id = self.team_id()
        if team_id is not None:
            self.edit_agenda_requested.emit(team_id, self.kind().value)

    def _items(self) -> list[QListWidgetItem]:
        return [self.present_list.item(row) for row in range(self.present_list.count())]

    def _tick_all(self, checked: bool) -> None:
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update_count(self) -> None:
        ticked = sum(item.checkState() == Qt.CheckState.Checked for item in self._items())
        self.count_label.setText(f"{ticked} of {self.present_list.count()} present")

    def set_present(self, names: set[str], *, checked: bool = True) -> None:
        """Tick people by display name (for keyboard-free setup from the banner, and for tests)."""
        for item in self._items():
            if item.data(_NAME_ROLE) in names:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def add_guest(self) -> bool:
        """Add the typed guest as present; a bad or duplicate name is refused and nothing changes."""
        try:
            name = clean_name(self.guest_edit.text(), what="Guest name")
        except InvalidName as error:
            self.error_label.setText(str(error))
            return False
        taken = {name_key(str(item.data(_NAME_ROLE))) for item in self._items()}
        if name_key(name) in taken:
            self.error_label.setText(f"{name} is already on the list; tick them instead.")
            return False
        self._add_person(name, (_GUEST, name), checked=True, role="Guest (new)")
        self.guest_edit.clear()
        self.error_label.clear()
        self._update_count()
        return True

    # -- page 2: ground rules ------------------------------------------------------------------
    def _build_rules_page(self, rules: GroundRules) -> None:
        ui = self.ui
        self.rules_label, self.copy_rules_button, self.copied_label = ui.groundRules, ui.copyRulesButton, ui.copiedLabel
        self.agreed_check, self.start_button = ui.agreedCheck, ui.startButton
        ui.rulesHeadingLabel.setText(rules.heading)
        ui.rulesIntroLabel.setText(rules.intro)
        text = "".join(f"<li style='margin-bottom:6px'>{html.escape(rule.text)}</li>" for rule in rules.rules)
        self.rules_label.setText(f"<ol>{text}</ol>")
        ui.rulesSourceLabel.setText(f"Source: {rules.source}")
        self.copy_rules_button.clicked.connect(lambda: self._copy_rules(rules))
        ui.backButton.clicked.connect(self.back_to_details)
        for button in (self.copy_rules_button, ui.backButton):
            button.setAutoDefault(False)
        self.start_button.clicked.connect(self.start)

    def _copy_rules(self, rules: GroundRules) -> None:
        QGuiApplication.clipboard().setText(rules.as_plain_text())
        self.copied_label.setText("Copied: paste them into the meeting chat.")

    def go_to_ground_rules(self) -> bool:
        plan = self._build_plan(agreed=False)
        if plan is None:
            return False
        self.pages.setCurrentIndex(1)
        self.start_button.setDefault(True)
        self.start_button.setFocus()
        return True

    def back_to_details(self) -> None:
        self.pages.setCurrentIndex(0)
        self.next_button.setDefault(True)

    def start(self) -> None:
        self.plan = self._build_plan(agreed=self.agreed_check.isChecked())
        if self.plan is None:
            self.pages.setCurrentIndex(0)
            return
        self.accept()

    def _build_plan(self, *, agreed: bool) -> SessionPlan | None:
        team_id, agenda = self.team_id(), self.agenda()
        if team_id is None or agenda is None:
            self.error_label.setText("Create a team first (File ▸ New team).")
            return None
        present = [
            item.data(Qt.ItemDataRole.UserRole) for item in self._items() if item.checkState() == Qt.CheckState.Checked
        ]
        presenter = self.presenter_combo.currentData()
        if presenter is not None and tuple(presenter) not in {tuple(key) for key in present}:
            present.append(presenter)  # whoever presents is present
        if not present:
            self.error_label.setText("Tick who is present, or add a guest.")
            return None
        try:  # a topic is optional, but held to the same rules as a name: no control characters, no bidi tricks
            topic = clean_name(self.topic_edit.text(), what="The topic") if self.topic_edit.text().strip() else ""
        except InvalidName as error:
            self.error_label.setText(str(error))
            return None
        self.error_label.clear()
        defaults = self.defaults
        fulfils = defaults is not None and defaults.kind is self.kind()
        return SessionPlan(
            team_id=team_id,
            kind=self.kind(),
            topic=topic,
            presenter_id=int(presenter[1]) if presenter is not None and presenter[0] == _MEMBER else None,
            present_ids=tuple(int(key[1]) for key in present if key[0] == _MEMBER),
            guest_names=tuple(str(key[1]) for key in present if key[0] == _GUEST),
            agenda=agenda,
            ground_rules_agreed=agreed,
            planned_start=defaults.planned_start if fulfils and defaults else None,
            series_id=defaults.series_id if fulfils and defaults else None,
            reuse_session_id=defaults.reuse.id if fulfils and defaults and defaults.reuse else None,
            presenter_guest_name=str(presenter[1]) if presenter is not None and presenter[0] == _GUEST else None,
        )
