"""The start dialog's agenda beside the calendar's length: a series of 90 or 45 minutes, against an agenda of 60.

The dialog says when the two differ, and offers the agenda fitted to the calendar (each segment keeping its share:
:func:`copdesk.core.agenda.fitted_to`). It is ticked at first for the agenda CoPDesk ships; a team's own agenda keeps
its segments exact unless the facilitator ticks it, since someone chose those minutes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout

from copdesk.core.agenda import AgendaTemplate, can_fit, fitted_to


class AgendaFit:
    """The "Fit the agenda to the calendar" tick box, on its own row (``row``) of ``form``."""

    def __init__(self, form: QFormLayout, row: int) -> None:
        self.form = form
        self.check = QCheckBox()
        form.insertRow(row, "", self.check)
        form.setRowVisible(self.check, False)
        self.calendar_minutes: int | None = None  # the calendar's length, when the agenda's is another
        self.offered = False

    def offer(self, agenda: AgendaTemplate | None, calendar_minutes: int | None, *, own: bool) -> None:
        """Show the tick box when the agenda's length is not the calendar's and can be made so; ticked unless the
        agenda is the team's ``own``."""
        differs = agenda is not None and calendar_minutes is not None and agenda.total_minutes != calendar_minutes
        self.calendar_minutes = calendar_minutes if differs else None
        self.offered = (
            agenda is not None and calendar_minutes is not None and differs and can_fit(agenda, calendar_minutes)
        )
        if self.offered:
            self.check.setText(f"&Fit the agenda to the calendar's {calendar_minutes} min")
            self.check.setAccessibleName(f"Fit the agenda to the calendar's {calendar_minutes} minutes")
        self.check.setChecked(self.offered and not own)
        self.form.setRowVisible(self.check, self.offered)

    def applied(self, agenda: AgendaTemplate) -> AgendaTemplate:
        """The agenda the session runs: fitted to the calendar when ticked, else as it is."""
        if self.calendar_minutes is None or not self.fitted:
            return agenda
        return fitted_to(agenda, self.calendar_minutes)

    @property
    def fitted(self) -> bool:
        return self.offered and self.check.isChecked()

    def words(self, agenda: AgendaTemplate, shown: AgendaTemplate) -> str:
        """What the agenda row says of ``shown`` (``agenda`` as it may be fitted): its length beside the calendar's."""
        said = f"{len(shown.segments)} segments, {shown.total_minutes} min"
        if self.calendar_minutes is None:
            return said
        if self.fitted:
            return f"{said} (fitted from {agenda.total_minutes} min)"
        return f"{said}; the calendar's session is {self.calendar_minutes} min"
