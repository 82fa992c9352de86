"""The small choosers in front of each export: which session, which quarter, which practitioner and when.

Each dialog only gathers a choice; :mod:`copdesk.views.reports.report_actions` asks for the file and writes it.
Defaults are the likely answer (the latest session, the quarter just finished, the past year), and the
share-safe choice (no names) is the default for the session record.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from copdesk.core.cpd import CPD_DOCUMENT
from copdesk.core.export_formats import ExportFormat
from copdesk.core.model import Member
from copdesk.core.quarterly import quarter_label
from copdesk.core.quarterly_report import REPORT_DOCUMENT
from copdesk.core.record import RECORD_DOCUMENT
from copdesk.core.rollup import SUMMARY_DOCUMENT
from copdesk.views.forms.ui_export_cpd import Ui_CpdDialog
from copdesk.views.forms.ui_export_quarter_report import Ui_QuarterReportDialog
from copdesk.views.forms.ui_export_session_record import Ui_SessionRecordDialog
from copdesk.views.widgets.forms import name_standard_buttons

FileFormat = ExportFormat[Any]
# What each dialog offers, from the documents' registries in core: the quarterly report's list ends with the
# anonymised summary, another document of the same quarter.
RECORD_FORMATS: tuple[FileFormat, ...] = RECORD_DOCUMENT.formats
REPORT_FORMATS: tuple[FileFormat, ...] = (*REPORT_DOCUMENT.formats, *SUMMARY_DOCUMENT.formats)
CPD_FORMATS: tuple[FileFormat, ...] = CPD_DOCUMENT.formats


class _ChoiceDialog(QDialog):
    """A titled form (ui/export_*.ui) with Export… and Cancel; each subclass fills its own rows."""

    def _wire(
        self, buttons: QDialogButtonBox, error_label: QLabel, combo: QComboBox, formats: tuple[FileFormat, ...]
    ) -> None:
        self.error_label = error_label
        self.error_label.hide()
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        name_standard_buttons(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.format = combo
        for choice in formats:
            combo.addItem(choice.label, choice.key)
        self.formats = {choice.key: choice for choice in formats}

    @property
    def chosen_format(self) -> FileFormat:
        return self.formats[str(self.format.currentData())]

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _accept(self) -> None:
        self.accept()


class SessionRecordDialog(_ChoiceDialog):
    def __init__(self, choices: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionRecordDialog()
        self.ui.setupUi(self)
        self.session_combo, self.names_check = self.ui.sessionCombo, self.ui.namesCheck
        for session_id, label in choices:
            self.session_combo.addItem(label, session_id)  # a long topic is cut between words, whole on hover
        self.resize(self.sizeHint())  # room for a session and its topic
        self._wire(self.ui.buttonBox, self.ui.errorLabel, self.ui.formatCombo, RECORD_FORMATS)

    @property
    def session_id(self) -> int:
        return int(self.session_combo.currentData())

    @property
    def keep_identifiers(self) -> bool:
        return self.ui.keepIdentifiersCheck.isChecked()


class QuarterReportDialog(_ChoiceDialog):
    def __init__(self, quarters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_QuarterReportDialog()
        self.ui.setupUi(self)
        self.quarter_combo = self.ui.quarterCombo
        for quarter in quarters:
            self.quarter_combo.addItem(quarter_label(quarter), quarter)
        self.quarter_combo.setCurrentIndex(min(1, len(quarters) - 1))  # the quarter just finished
        self._wire(self.ui.buttonBox, self.ui.errorLabel, self.ui.formatCombo, REPORT_FORMATS)

    @property
    def quarter(self) -> str:
        return str(self.quarter_combo.currentData())


class CpdDialog(_ChoiceDialog):
    def __init__(self, members: list[Member], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CpdDialog()
        self.ui.setupUi(self)
        self.member_combo, self.first_edit, self.last_edit = self.ui.memberCombo, self.ui.firstEdit, self.ui.lastEdit
        for member in members:
            self.member_combo.addItem(f"{member.display_name} ({member.role.label})", member.id)
        self.first_edit.setDate(_qdate(today - timedelta(days=365)))
        self.last_edit.setDate(_qdate(today))
        self._wire(self.ui.buttonBox, self.ui.errorLabel, self.ui.formatCombo, CPD_FORMATS)

    @property
    def member_id(self) -> int:
        return int(self.member_combo.currentData())

    @property
    def period(self) -> tuple[date, date]:
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    def _accept(self) -> None:
        first, last = self.period
        if last < first:
            self.show_error("The end date is before the start date.")
            return
        self.accept()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
