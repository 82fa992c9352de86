"""The Prepare view's "Next session plan": who presents and when they were asked, the format, a trigger warning with
the support offered, and a co-facilitator; beside it, who has not presented for a while and which formats the team
has not used lately.

The masterclass's remedy for a flat room is to "Speak to a member of the team in advance…", its planning points
are the formats, and it asks for variety ("Vary the style and content of the CoP…"): those quotations are shown
whole, with their section. Every change is saved at once through the window's write guard (a refused save keeps
the fields as typed, for Retry), keyed by the team and the session's day like the planning checklist, so the
start dialog offers the plan as its defaults.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from copdesk.core.dates import format_uk
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import MarkerKind, Role, Team
from copdesk.core.planning import NextSessionPlan, PlanError, formats_not_used, presenters_due
from copdesk.core.review import ReviewPack
from copdesk.services.planning import save_next_session_plan
from copdesk.store import teams
from copdesk.store.planning import (
    next_run_session,
    next_session_plan,
    plans_on_attended_days,
    presenter_turns,
    recent_formats,
)
from copdesk.views.context import AppContext
from copdesk.views.session.plan_fields import NOBODY, PlanFields
from copdesk.views.widgets.forms import say_when_cut
from copdesk.views.widgets.labels import hint_label, message_label, show_message
from copdesk.views.widgets.names_in_a_line import in_a_line, name_list
from copdesk.views.write_guard import KEPT_TYPED

SHOWN_PRESENTERS = 4
NO_FORMATS_YET = "The team has not run a session of its own yet: any format in the Format box is new to it."
# "Asked on" goes back a year at most: a year typed wrong (1900, or Qt's own earliest, 1752) is no day they were asked.
ASKED_WITHIN_DAYS = 366


class NextSessionPlanSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("nextSessionPlan")
        self.context = context
        self.team_id: int | None = None
        self.session_day: date | None = None
        self.kind_label = ""
        self.kept_elsewhere = ""  # plans made for sessions the team now attends, said after whom the plan is for
        self._loading = False
        texts = shipped_texts()
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.form = QFormLayout()
        # Made with their parent, as the plan's fields below are, so Tab reaches the first row first.
        self.presenter = QComboBox(self)
        self.presenter.setAccessibleName("Who will present")
        self.asked = QCheckBox("Asked on", self)
        self.asked.setAccessibleName("The presenter has been asked")
        self.asked_on = QDateEdit(self)
        self.asked_on.setAccessibleName("Asked on")
        self.asked_on.setCalendarPopup(True)
        self.asked_on.setDisplayFormat("ddd d MMM yyyy")
        presenter_row = QHBoxLayout()
        presenter_row.addWidget(self.presenter, 1)
        presenter_row.addWidget(self.asked)
        presenter_row.addWidget(self.asked_on)
        presenter_label = QLabel("&Presenter")
        presenter_label.setBuddy(self.presenter)
        self.form.addRow(presenter_label, presenter_row)
        self.fields = PlanFields(self)
        self.fields.add_rows(self.form)
        # First, which session the plan is for: the next one the team runs, which need not be the "Next session"
        # above it (a Spotlight the team attends comes first, say). A refused save is said here too.
        self.message = message_label()
        self.message.setObjectName("planMessage")
        self.message.hide()
        left.addWidget(self.message)
        self._cut = ""  # what a paste too long left out, said with the save that follows it
        for field in (self.fields.trigger_warning, self.fields.support):
            say_when_cut(field, self._say_cut)
        left.addLayout(self.form)
        columns.addLayout(left, 3)
        right = QVBoxLayout()
        ask_first = texts.challenge(MarkerKind.LOW_ENERGY).remedies[0].text
        right.addWidget(hint_label(ask_first.with_credit()))
        self.presenters_label = QLabel()
        self.presenters_label.setObjectName("notPresentedLately")
        self.presenters_label.setWordWrap(True)
        right.addWidget(self.presenters_label)
        vary = texts.challenge(MarkerKind.REPEATED_ISSUE).remedies[0].text
        right.addWidget(hint_label(vary.with_credit()))
        self.formats_label = QLabel()
        self.formats_label.setObjectName("formatsNotUsed")
        self.formats_label.setWordWrap(True)
        right.addWidget(self.formats_label)
        right.addStretch(1)
        columns.addLayout(right, 2)
        for combo in (self.presenter, self.fields.co_facilitator, self.fields.content_format):
            combo.currentIndexChanged.connect(self.save)
        for edit in (self.fields.trigger_warning, self.fields.support):
            # Kept as typed, key by key: F5 or closing the window while the cursor is still here loses nothing.
            edit.textEdited.connect(self.save)
        self.asked.toggled.connect(self._asked_toggled)
        self.asked_on.dateChanged.connect(self.save)

    # -- showing -----------------------------------------------------------------------------------
    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.team_id = team.id
        upcoming = next_run_session(self.context.db, team.id, self.context.now())
        self.session_day = upcoming.moment.date() if upcoming else None
        self.kind_label = upcoming.kind.label if upcoming else ""
        self.kept_elsewhere = self._kept_elsewhere(team.id)
        today = pack.today
        members = teams.list_members(self.context.db, team.id)
        self._loading = True
        try:
            self.presenter.clear()
            self.presenter.addItem(NOBODY, None)
            for member in members:
                if member.role is not Role.GUEST:
                    self.presenter.addItem(member.display_name, member.id)
            self.fields.set_members(members)
            self.asked_on.setMaximumDate(QDate(today.year, today.month, today.day))
            self._show_plan(next_session_plan(self.context.db, team.id, self.session_day), today)
        finally:
            self._loading = False
        show_message(self.message, self._for_whom(), error=False)
        self._show_history(team.id)

    def _show_plan(self, plan: NextSessionPlan, today: date) -> None:
        self._choose_member(self.presenter, plan.presenter_id)
        asked = plan.presenter_asked_on
        self.asked.setChecked(asked is not None)
        shown = asked or today
        # A day saved before the limit (a plan left a long while) is still shown as it is, never moved to fit.
        earliest = min(shown, today - timedelta(days=ASKED_WITHIN_DAYS))
        self.asked_on.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        self.asked_on.setDate(QDate(shown.year, shown.month, shown.day))
        self.asked_on.setEnabled(asked is not None)
        self.fields.show_roles(plan.roles)
        self._choose_member(self.fields.co_facilitator, plan.roles.co_facilitator_id)

    def _choose_member(self, combo: QComboBox, member_id: int | None) -> None:
        """Select ``member_id``; someone the plan names who has since been made inactive, or a guest, is offered too,
        marked so, and the plan shows and saves them as it was until someone else is chosen (not "Nobody", which
        would refuse the date they were asked and drop them unsaid)."""
        index = combo.findData(member_id)
        if index < 0 and member_id is not None:
            member = teams.get_member(self.context.db, member_id)
            combo.addItem(f"{member.display_name} ({'inactive' if not member.active else 'guest'})", member_id)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _for_whom(self) -> str:
        day = (
            f"the {self.kind_label} on {format_uk(self.session_day)}"
            if self.session_day
            else "the next session the team runs (none scheduled)"
        )
        return f"Plan for {day}; saved as you go, and offered when the session starts.{self.kept_elsewhere}"

    def _kept_elsewhere(self, team_id: int) -> str:
        """Plans made for a session the team now attends (a TM/SSW CoP, once the facilitator's own) that the next
        session it runs did not take (it has a plan of its own, or the move was not written yet): said here, so they
        are found and not lost."""
        said = ""
        # The session above has no plan of its own only when the move could not be written (data CoPDesk cannot save
        # to) or comes at the next start: not the team's attending that session keeps the plan there, then.
        why = (
            "has not moved here yet"
            if next_session_plan(self.context.db, team_id, self.session_day).is_empty
            else "is kept there: the team now attends that session"
        )
        for day in plans_on_attended_days(self.context.db, team_id, self.context.now()):
            plan = next_session_plan(self.context.db, team_id, day)
            parts = []
            if plan.presenter_id is not None:
                parts.append(
                    f"{in_a_line(teams.get_member(self.context.db, plan.presenter_id).display_name)} to present"
                )
            if plan.roles.trigger_warning:
                parts.append(f"trigger warning: {plan.roles.trigger_warning}")
            what = f" ({'; '.join(parts)})" if parts else ""
            said += f" A plan made for {format_uk(day)}{what} {why}."
        return said

    def _show_history(self, team_id: int) -> None:
        turns = presenters_due(presenter_turns(self.context.db, team_id))
        due = turns[:SHOWN_PRESENTERS]
        with_dates = [
            f"{in_a_line(turn.name)} ({'never' if turn.last_presented is None else format_uk(turn.last_presented)})"
            for turn in due
        ]
        # Those who never presented come first: any left out are never-presented too, and are counted, not dropped.
        never_left_out = sum(turn.last_presented is None for turn in turns[SHOWN_PRESENTERS:])
        if not due:
            self.presenters_label.setText(self._nobody_to_ask(team_id))
        elif all(turn.last_presented is None for turn in due):  # none of them has: no "while" to speak of
            more = f" and {never_left_out} more" if never_left_out else ""
            self.presenters_label.setText(f"Not presented yet: {name_list(turn.name for turn in due)}{more}.")
        else:
            self.presenters_label.setText(f"Not presented for a while: {', '.join(with_dates)}.")
        formats = {point.key: point for point in shipped_texts().content_formats}
        recent = recent_formats(self.context.db, team_id)
        unused = formats_not_used(list(formats), recent)
        names = [point.content_format.text for key in unused if (point := formats[key]).content_format]
        if not recent:  # sessions run by others (a Spotlight) have no format of the team's
            self.formats_label.setText(NO_FORMATS_YET)
        elif names:
            self.formats_label.setText(f"Formats not used in the team's last sessions: {'; '.join(names)}.")
        else:
            self.formats_label.setText("Every format has been used in the team's last sessions.")

    def _nobody_to_ask(self, team_id: int) -> str:
        """Why nobody is suggested, and where to put it right: "Add the team's members" sent a facilitator whose
        colleagues had all been made inactive to add them again, which is refused (they are on the roster)."""
        roster = teams.list_members(self.context.db, team_id, include_inactive=True)
        if any(member.role not in (Role.GUEST, Role.FACILITATOR) for member in roster):
            return "Nobody who could present attends now: make someone active again in File ▸ Team members…"
        return "Add the team's members in File ▸ Team members… to see who to ask."

    # -- saving -------------------------------------------------------------------------------------
    def plan(self) -> NextSessionPlan:
        presenter = self.presenter.currentData()
        asked = self.asked_on.date().toPython() if self.asked.isChecked() else None
        assert asked is None or isinstance(asked, date)
        return NextSessionPlan(int(presenter) if presenter is not None else None, asked, self.fields.roles())

    def save(self) -> bool:
        """Keep the plan as it stands; a plan that cannot be kept says why, and the fields stay as typed."""
        if self._loading or self.team_id is None:
            return False
        team_id, day, plan, now = self.team_id, self.session_day, self.plan(), self.context.now()
        key = ("next-session-plan", team_id, day)
        if self.context.writes.holds(key):  # refused already (another program holds the file): Retry saves it all
            return False
        try:
            saved = self.context.writes.run(
                lambda: save_next_session_plan(self.context.db, team_id, day, plan, now),
                retry=self.save,  # Retry takes the key off the queue first, then saves what is typed by then
                key=key,
                kept=KEPT_TYPED,
            )
        except PlanError as error:
            show_message(self.message, str(error), error=True)
            return False
        if saved is None:
            return False
        cut, self._cut = self._cut, ""
        show_message(self.message, f"{cut} Saved. {self._for_whom()}".strip(), error=False, warning=bool(cut))
        return True

    def _say_cut(self, text: str) -> None:
        self._cut = text
        show_message(self.message, text, warning=True, error=False)

    def _asked_toggled(self, checked: bool) -> None:
        self.asked_on.setEnabled(checked)
        self.save()
