"""The plan's fields, for the start dialog and the Prepare view's "Next session" plan: co-facilitator, format,
trigger warning and support.

The same widgets in both places, so the start dialog reads as the plan made in advance (its defaults) and the
facilitator can still change anything at the door. Only :class:`~copdesk.core.planning.SessionRoles` comes out:
saving is the caller's (the start dialog's plan, or the Prepare view's Save through the write guard).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Member, Role
from copdesk.core.planning import MAX_PLAN_TEXT, SessionRoles
from copdesk.core.text import name_sort_key
from copdesk.views.widgets.forms import hold_characters

NOBODY = "Nobody"
NOT_CHOSEN = "Not chosen"


def planning_point_tooltip(key: str) -> str:
    point = next(point for point in shipped_texts().planning if point.key == key)
    return point.text.with_credit()


class PlanFields:
    """Four rows for a ``QFormLayout``; :meth:`add_rows` places them, :meth:`set_visible` hides them together."""

    def __init__(self, parent: QWidget) -> None:
        self.co_facilitator = QComboBox(parent)
        self.co_facilitator.setAccessibleName("Co-facilitator")
        self.co_facilitator.setToolTip(
            "Someone from the team who supports the facilitation; they can take over the timer or the notes on "
            "this laptop (Session ▸ Hand over…)."
        )
        self.content_format = QComboBox(parent)
        self.content_format.setAccessibleName("Format of the session's content")
        self.content_format.addItem(NOT_CHOSEN, None)
        for point in shipped_texts().content_formats:
            assert point.content_format is not None
            self.content_format.addItem(point.content_format.text, point.key)
            self.content_format.setItemData(
                self.content_format.count() - 1, planning_point_tooltip(point.key), Qt.ItemDataRole.ToolTipRole
            )
        self.trigger_warning = QLineEdit(parent)
        self.trigger_warning.setAccessibleName("Trigger warning")
        hold_characters(self.trigger_warning, MAX_PLAN_TEXT)
        self.trigger_warning.setPlaceholderText("For example: the case involves a death by suicide")
        self.support = QLineEdit(parent)
        self.support.setAccessibleName("Support offered")
        hold_characters(self.support, MAX_PLAN_TEXT)
        self.support.setPlaceholderText("For example: Kai (Practice Supervisor) is free after the session")
        self.support.setToolTip(
            "Said in the last ground rule only when given: the rules never promise support nobody arranged."
        )
        self._labels: list[str] = ["&Co-facilitator", "For&mat", "Trigger &warning", "S&upport offered"]

    @property
    def widgets(self) -> tuple[QWidget, ...]:
        return (self.co_facilitator, self.content_format, self.trigger_warning, self.support)

    def add_rows(self, form: QFormLayout, *, at: int = -1) -> None:
        """Place the rows at the form's end, or from row ``at`` on (a form made in Designer has rows below)."""
        for offset, (label, widget) in enumerate(zip(self._labels, self.widgets, strict=True)):
            if at < 0:
                form.addRow(label, widget)
            else:
                form.insertRow(at + offset, label, widget)

    def set_visible(self, form: QFormLayout, visible: bool) -> None:
        for widget in self.widgets:
            form.setRowVisible(widget, visible)

    def set_members(self, members: Sequence[Member]) -> None:
        """Offer the team's own people (not guests) as co-facilitator, those with that role first."""
        chosen = self.co_facilitator.currentData()
        self.co_facilitator.clear()
        self.co_facilitator.addItem(NOBODY, None)
        ranked = sorted(
            (m for m in members if m.role is not Role.GUEST and m.active),
            key=lambda m: (m.role is not Role.CO_FACILITATOR, name_sort_key(m.display_name)),
        )
        for member in ranked:
            self.co_facilitator.addItem(f"{member.display_name} ({member.role.label})", member.id)
        self.co_facilitator.setCurrentIndex(max(self.co_facilitator.findData(chosen), 0))

    def show_roles(self, roles: SessionRoles) -> None:
        self.co_facilitator.setCurrentIndex(max(self.co_facilitator.findData(roles.co_facilitator_id), 0))
        self.content_format.setCurrentIndex(max(self.content_format.findData(roles.content_format), 0))
        for field, words in ((self.trigger_warning, roles.trigger_warning), (self.support, roles.support)):
            field.setText(words)
            if not field.hasFocus():  # words wider than the box show from their start, unless being typed in
                field.setCursorPosition(0)

    def roles(self) -> SessionRoles:
        co_facilitator = self.co_facilitator.currentData()
        content_format = self.content_format.currentData()
        return SessionRoles(
            int(co_facilitator) if co_facilitator is not None else None,
            str(content_format) if content_format is not None else None,
            self.trigger_warning.text(),
            self.support.text(),
        )
