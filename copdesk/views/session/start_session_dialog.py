"""Starting a session: the team and type (the next scheduled one by default), the topic, the presenter, who is
present (with guests added on the spot: :mod:`copdesk.views.session.who_is_present`), then the ground-rules and
confidentiality prompt.

The dialog only gathers choices into a :class:`~copdesk.services.sessions.SessionPlan`; nothing is
written until the facilitator presses Start, and then in one transaction
(:func:`copdesk.services.sessions.start_session`), so cancelling or a bad guest name leaves the database as it was.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from copdesk.core.agenda import AgendaTemplate
from copdesk.core.ground_rules import GroundRules
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Member, SessionKind
from copdesk.core.planning import NextSessionPlan, PlanError, checked_plan
from copdesk.core.text import MAX_NAME_LENGTH, InvalidName, clean_name
from copdesk.services.sessions import SessionPlan
from copdesk.store import teams
from copdesk.store.agendas import team_template
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_start_session import Ui_StartSessionDialog
from copdesk.views.session.agenda_fit import AgendaFit
from copdesk.views.session.plan_fields import PlanFields
from copdesk.views.session.start_defaults import StartDefaults, attended_agenda, planned_in_advance, session_defaults
from copdesk.views.session.who_is_present import GUEST, MEMBER, WhoIsPresent
from copdesk.views.shell.what_a_cop_is import WhatACopIsCard
from copdesk.views.widgets.forms import hold_characters, insert_row_below, may_leave, row_of, say_when_cut
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.typed_words import TypedWords, field_lines

FORMAT_KEYS = tuple(point.key for point in shipped_texts().content_formats)
# A session started this long or less before the next scheduled one, on its day, is most likely that one moved
# earlier; started sooner than that (a catch-up in the morning of an afternoon session), it is ticked only by hand.
HELD_EARLY_TICKED_WITHIN = timedelta(hours=3)
OWNER_LINE_WIDTH = 360  # the field column's least width, which the line naming who runs the type is sized for


def start_words(where: str, topic: str, trigger_warning: str, support: str) -> TypedWords | None:
    """A start's words, one to a line, as a log-off keeps them in a file; ``None`` when there are none."""
    lines = field_lines((("Topic", topic), ("Trigger warning", trigger_warning), ("Support offered", support)))
    return TypedWords(where, lines) if lines else None


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
        self.ground_rules = ground_rules
        self.card: WhatACopIsCard | None = None
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
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._filled: tuple[str, ...] = ("", "", "")
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
        self.owner_label = ui.sessionTypeOwner  # who runs this type, in the masterclass's words
        self.topic_edit.setMinimumWidth(OWNER_LINE_WIDTH)  # the field column is never narrower than this
        owner_lines = [shipped_texts().session_type(kind).who_runs_it_quoted() for kind in SessionKind]
        self.owner_label.setMinimumHeight(  # room for the longest type's words, so none is cut and none jumps
            max(self.owner_label.fontMetrics().boundingRect(
                0, 0, OWNER_LINE_WIDTH, 1000, Qt.TextFlag.TextWordWrap, line
            ).height() for line in owner_lines)
        )  # fmt: skip
        for field in (self.topic_edit, self.guest_edit):  # a guest's name holds what a member's does
            hold_characters(field, MAX_NAME_LENGTH)
        self.topic_warning = IdentifierWarning(self.topic_edit)  # the topic goes into the record: never a name
        insert_row_below(ui.detailsForm, self.topic_edit, self.topic_warning)
        self.held_early_check = QCheckBox("&This is that session, held early")
        self.held_early_check.setAccessibleName("This is the next scheduled session, held early")
        ui.detailsForm.insertRow(row_of(ui.detailsForm, self.scheduled_label) + 1, "", self.held_early_check)
        ui.detailsForm.setRowVisible(self.held_early_check, False)
        QWidget.setTabOrder(self.kind_combo, self.held_early_check)
        QWidget.setTabOrder(self.held_early_check, self.topic_edit)
        self.plan_fields = PlanFields(ui.detailsPage)  # the next-session plan's choices, its defaults
        for field in (self.topic_edit, self.guest_edit, self.plan_fields.trigger_warning, self.plan_fields.support):
            say_when_cut(field, self.error_label.setText)
        self.plan_fields.add_rows(ui.detailsForm, at=row_of(ui.detailsForm, self.presenter_combo) + 1)
        self.fit = AgendaFit(ui.detailsForm, row_of(ui.detailsForm, ui.agendaRowLabel) + 1)
        self.fit.check.toggled.connect(self._show_agenda)
        # Down the left column to its last row (the agenda's Edit and fit), then the right column: who is present.
        down = (self.presenter_combo, *self.plan_fields.widgets, ui.editAgendaButton, self.fit.check, self.present_list)
        for before, after in itertools.pairwise(down):
            QWidget.setTabOrder(before, after)
        self.details_form, self.agenda_row = ui.detailsForm, ui.agendaRow
        self.present = WhoIsPresent(self, ui)
        ui.editAgendaButton.clicked.connect(self._request_agenda_edit)
        ui.cancelButton.clicked.connect(self.reject)
        self.next_button.clicked.connect(self._next)
        # Enter is "on to the next step" wherever the focus is: a button just clicked (Tick everyone) must not
        # become the one Enter presses again, as Qt's auto-default buttons would.
        for button in (ui.tickEveryoneButton, ui.clearButton, ui.addGuestButton, ui.editAgendaButton, ui.cancelButton):
            button.setAutoDefault(False)

    def _team_changed(self) -> None:
        team_id = self.team_id()
        self.members = [] if team_id is None else teams.list_members(self.context.db, team_id)
        self.present.fill(self.members)
        self.plan_fields.set_members(self.members)
        self.defaults = None if team_id is None else session_defaults(self.context, team_id)
        self._plan = NextSessionPlan() if team_id is None else planned_in_advance(self.context, team_id)
        self.plan_fields.show_roles(self._plan.roles)
        if self.defaults is not None:
            with QSignalBlocker(self.kind_combo):  # the agenda is refreshed below, once
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(self.defaults.kind.value))
            self._show_scheduled()
            if self.defaults.reuse is not None:
                self.topic_edit.setText(self.defaults.reuse.topic)
        self._default_presenter = self._presenter_default()
        self.present.choose_presenter(self._default_presenter)
        # What the team's plan and defaults put in the fields, as against what was typed: the topic when a session
        # planned in advance is reused, the trigger warning and support from the plan.
        reused = self.defaults.reuse if self.defaults is not None else None
        topic = reused.topic if reused is not None else self._filled[0]
        self._filled = (topic, *self._fields()[1:]) if team_id is not None else (topic, *self._filled[1:])
        self._refresh_agenda()
        self.present.update_count()

    def _fields(self) -> tuple[str, ...]:
        return self.topic_edit.text(), self.plan_fields.trigger_warning.text(), self.plan_fields.support.text()

    def typed_words(self) -> TypedWords | None:
        """The topic, trigger warning and support, once one of them is not what the team's plan and defaults put
        there, and the guests added (ticked) and the guest name being typed (:mod:`copdesk.views.widgets.typed_words`):
        the session was not started, so they are saved nowhere."""
        fields = self._fields()
        words = None if fields == self._filled else start_words(self.windowTitle(), *fields)
        guests = field_lines((("Guests", ", ".join(self.present.new_guests())), ("Guest name", self.guest_edit.text())))
        if not guests:
            return words
        return TypedWords(self.windowTitle(), f"{words.words}\n{guests}" if words else guests)

    def reject(self) -> None:
        """Cancel, Esc or the title bar: anything typed is left behind only when the facilitator says so."""
        if may_leave(self, self.typed_words()):
            super().reject()

    def _presenter_default(self) -> int | None:
        """Who presents unless the facilitator chooses: the presenter of the session put in the calendar in
        advance, else the plan's, made in the Prepare view for the next session the team runs. A Spotlight or
        Themed session is run by others: the plan is not for it, so nobody is chosen for it."""
        reuse = self.defaults.reuse if self.defaults is not None and self.defaults.kind is self.kind() else None
        if reuse is not None and reuse.presenter_id is not None:
            return reuse.presenter_id
        return None if self.attended() else self._plan.presenter_id

    def _kind_changed(self) -> None:
        """The scheduled session, and a presenter the defaults chose, follow the type; one the facilitator chose
        stays."""
        team_id = self.team_id()
        if team_id is not None:
            self.defaults = session_defaults(self.context, team_id, self.kind())
            self._show_scheduled()
        default = self._presenter_default()
        if self.present.presenting(self._default_presenter):
            self.present.choose_presenter(default)
        self._default_presenter = default
        self._refresh_agenda()

    def _show_scheduled(self) -> None:
        """The session this start most likely is; the next scheduled one not due yet may be held early, when the
        facilitator ticks it (ticked at first within :data:`HELD_EARLY_TICKED_WITHIN` of it, on its day): it holds it,
        as a start on time does, so the Prepare view moves on to the one after and the plan made for it is used up."""
        defaults = self.defaults
        if defaults is None:
            return
        self.scheduled_label.setText(defaults.scheduled_words)
        self.details_form.setRowVisible(self.held_early_check, defaults.ahead is not None)
        now = self.context.now().astimezone()
        ahead = defaults.ahead
        soon = ahead is not None and ahead.astimezone().date() == now.date() and ahead - now <= HELD_EARLY_TICKED_WITHIN
        self.held_early_check.setChecked(soon)

    def team_id(self) -> int | None:
        data = self.team_combo.currentData()
        return int(data) if data is not None else None

    def kind(self) -> SessionKind:
        return SessionKind(self.kind_combo.currentData())

    def attended(self) -> bool:
        """A Spotlight, Themed or TM/SSW session is run by others: it is attended, with no facilitation agenda."""
        return shipped_texts().is_attended(self.kind())

    def calendar_minutes(self) -> int | None:
        """The length the calendar gives the session this start most likely is (its series'), if any."""
        defaults = self.defaults
        return defaults.length_minutes if defaults is not None and defaults.kind is self.kind() else None

    def agenda(self) -> AgendaTemplate | None:
        """The agenda the session runs: the team's (fitted to the calendar's length when ticked), or one segment as
        long as the calendar's session for a session the team attends."""
        team_id = self.team_id()
        if team_id is None:
            return None
        if self.attended():
            return attended_agenda(self.kind(), self.calendar_minutes())
        return self.fit.applied(self._agenda_for(team_id, self.kind()))

    def _next(self) -> None:
        """An attended session has no ground rules of the facilitator's to agree: it starts straight away."""
        if self.attended():
            self.start()
        else:
            self.go_to_ground_rules()

    def _refresh_agenda(self) -> None:
        session_type = shipped_texts().session_type(self.kind())
        attended = session_type.attended
        self.owner_label.setText(session_type.who_runs_it_quoted())
        self.plan_fields.set_visible(self.details_form, not attended)
        self.details_form.setRowVisible(self.agenda_row, not attended)
        self.next_button.setText("Start recording attendance" if attended else "Next: ground rules ›")
        self.next_button.setAccessibleName(self.next_button.text().rstrip(" ›"))
        team_id = self.team_id()
        own = team_id is not None and not attended and team_template(self.context.db, team_id, self.kind()) is not None
        planned = None if team_id is None or attended else self._agenda_for(team_id, self.kind())
        with QSignalBlocker(self.fit.check):  # the agenda is shown below, once
            self.fit.offer(planned, self.calendar_minutes(), own=own)
        self._show_agenda()

    def _show_agenda(self) -> None:
        """The agenda's segments and length, beside the calendar's when they differ."""
        agenda, team_id = self.agenda(), self.team_id()
        if agenda is None or team_id is None:
            self.agenda_label.setText("Choose a team first.")
            return
        planned = agenda if self.attended() else self._agenda_for(team_id, self.kind())
        self.agenda_label.setText(self.fit.words(planned, agenda))
        self.agenda_label.setToolTip("\n".join(f"{s.name}: {s.minutes} min" for s in agenda.segments))

    def refresh_agenda(self) -> None:
        """After the agenda editor saved a change for this team."""
        self._refresh_agenda()

    def _request_agenda_edit(self) -> None:
        team_id = self.team_id()
        if team_id is not None:
            self.edit_agenda_requested.emit(team_id, self.kind().value)

    def set_present(self, names: set[str], *, checked: bool = True) -> None:
        """Tick people by display name (for keyboard-free setup from the banner, and for tests)."""
        self.present.set_present(names, checked=checked)

    def add_guest(self) -> bool:
        """Add the typed guest as present; a bad or duplicate name is refused and nothing changes."""
        return self.present.add_guest()

    # -- page 2: ground rules ------------------------------------------------------------------
    def _build_rules_page(self, rules: GroundRules) -> None:
        ui = self.ui
        self.rules_label, self.copy_rules_button, self.copied_label = ui.groundRules, ui.copyRulesButton, ui.copiedLabel
        self.agreed_check, self.start_button, self.card_button = ui.agreedCheck, ui.startButton, ui.cardButton
        ui.rulesHeadingLabel.setText(rules.heading)
        ui.rulesIntroLabel.setText(f"{rules.basis.shown()} ({rules.basis.credit()}). {rules.intro}")
        drawn_from = ", ".join(dict.fromkeys(rule.section for rule in rules.rules if rule.section))
        ui.groundRulesCredit.setText(
            f"These rules are CoPDesk's suggestions, drawn from the masterclass's {drawn_from}: "
            "the masterclass gives no rules of its own."
        )
        self.copy_rules_button.clicked.connect(self._copy_rules)
        self.card_button.clicked.connect(self.show_what_a_cop_is)
        ui.backButton.clicked.connect(self.back_to_details)
        for button in (self.copy_rules_button, self.card_button, ui.backButton):
            button.setAutoDefault(False)
        self.start_button.clicked.connect(self.start)

    def _show_rules(self) -> None:
        """The rules as they will be read out: a trigger warning planned is given first, and the last rule names the
        support only when some was planned."""
        roles = self.plan_fields.roles()
        rules = self.ground_rules.for_session(roles.support)
        text = "".join(f"<li style='margin-bottom:6px'>{html.escape(rule)}</li>" for rule in rules)
        warning = self.ground_rules.warning_line(roles.trigger_warning)
        first = f"<p><b>{html.escape(warning)}</b></p>" if warning else ""
        self.rules_label.setText(f"{first}<ol>{text}</ol>")

    def show_what_a_cop_is(self) -> WhatACopIsCard:
        """The masterclass's purpose and what a CoP is not, in a window of its own to share beside the rules."""
        if self.card is None:
            self.card = WhatACopIsCard(self.parentWidget())
        self.card.show()
        self.card.raise_()
        return self.card

    def _copy_rules(self) -> None:
        roles = self.plan_fields.roles()
        QGuiApplication.clipboard().setText(self.ground_rules.as_plain_text(roles.support, roles.trigger_warning))
        self.copied_label.setText("Copied: paste them into the meeting chat.")

    def go_to_ground_rules(self) -> bool:
        plan = self._build_plan(agreed=False)
        if plan is None:
            return False
        self._show_rules()
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
        present = self.present.ticked()
        presenter = self.presenter_combo.currentData()
        if presenter is not None and tuple(presenter) not in {tuple(key) for key in present}:
            who = self.presenter_combo.currentText()
            self.error_label.setText(f"{who} presents but is not ticked as present: tick them, or choose No presenter.")
            return None
        if not present:
            self.error_label.setText("Tick who is present, or add a guest.")
            return None
        try:  # a topic is optional, but held to the same rules as a name: no control characters, no bidi tricks
            topic = clean_name(self.topic_edit.text(), what="The topic") if self.topic_edit.text().strip() else ""
        except InvalidName as error:
            self.error_label.setText(str(error))
            return None
        roles = None  # a session the team attends has no roles of its own: its form hides them
        if not self.attended():
            try:
                roles = checked_plan(NextSessionPlan(roles=self.plan_fields.roles()), FORMAT_KEYS).roles
            except PlanError as error:
                self.error_label.setText(str(error))
                return None
        self.error_label.clear()
        defaults = self.defaults if self.defaults is not None and self.defaults.kind is self.kind() else None
        planned_start = defaults.planned_start if defaults else None
        if defaults and defaults.ahead is not None and self.held_early_check.isChecked():
            planned_start = defaults.ahead
        return SessionPlan(
            team_id=team_id,
            kind=self.kind(),
            topic=topic,
            presenter_id=int(presenter[1]) if presenter is not None and presenter[0] == MEMBER else None,
            present_ids=tuple(int(key[1]) for key in present if key[0] == MEMBER),
            guest_names=tuple(str(key[1]) for key in present if key[0] == GUEST),
            agenda=agenda,
            ground_rules_agreed=agreed,
            planned_start=planned_start,
            series_id=defaults.series_id if defaults and planned_start else None,
            reuse_session_id=defaults.reuse.id if defaults and defaults.reuse else None,
            presenter_guest_name=str(presenter[1]) if presenter is not None and presenter[0] == GUEST else None,
            roles=roles,
        )
