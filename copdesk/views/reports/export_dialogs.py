"""The small choosers in front of each export: which session, which quarter, which practitioner and when.

Each dialog only gathers a choice; :mod:`copdesk.views.reports.report_actions` asks for the file and writes it.
Defaults are the likely answer (the latest session, the quarter just finished, the past year), and the
share-safe choice (no names) is the default for the session record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.model import Member
from copdesk.core.quarterly import quarter_label
from copdesk.views.widgets.labels import hint_label


@dataclass(frozen=True, slots=True)
class FileFormat:
    key: str
    label: str
    suffix: str

    @property
    def file_filter(self) -> str:
        return f"{self.label} (*{self.suffix})"


RECORD_FORMATS = (
    FileFormat("pdf", "PDF", ".pdf"),
    FileFormat("html", "Web page (HTML)", ".html"),
    FileFormat("md", "Markdown", ".md"),
    FileFormat("json", "JSON", ".json"),
)
REPORT_FORMATS = (
    FileFormat("html", "Web page with charts (HTML)", ".html"),
    FileFormat("csv", "Spreadsheet (CSV)", ".csv"),
    FileFormat("md", "Markdown", ".md"),
    FileFormat("summary", "Anonymised summary for the roll-up (JSON)", ".json"),
)
CPD_FORMATS = (
    FileFormat("pdf", "PDF", ".pdf"),
    FileFormat("html", "Web page (HTML)", ".html"),
    FileFormat("md", "Markdown", ".md"),
)


class _ChoiceDialog(QDialog):
    """A titled form with OK and Cancel; subclasses add rows."""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(intro))
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error_label = QLabel()
        self.error_label.setProperty("level", "red")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.setAccessibleName("Export or cancel")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add_row(self, label: str, widget: QWidget, accessible_name: str) -> None:
        widget.setAccessibleName(accessible_name)
        if isinstance(widget, QComboBox):  # long session labels must not stretch the dialog off the screen
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(36)
        self.form.addRow(label, widget)

    def format_combo(self, formats: tuple[FileFormat, ...]) -> QComboBox:
        combo = QComboBox()
        for choice in formats:
            combo.addItem(choice.label, choice.key)
        self.formats = {choice.key: choice for choice in formats}
        self.add_row("&Format", combo, "File format")
        return combo

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _accept(self) -> None:
        self.accept()


class SessionRecordDialog(_ChoiceDialog):
    def __init__(self, choices: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(
            "Export session record",
            "A record of one session to share: no participation data, and attendance as a count unless you "
            "choose to include names.",
            parent,
        )
        self.session_combo = QComboBox()
        for session_id, label in choices:
            self.session_combo.addItem(label, session_id)
        self.add_row("&Session", self.session_combo, "Session")
        self.format = self.format_combo(RECORD_FORMATS)
        self.names_check = QCheckBox("Include who attended and who owns each action")
        self.add_row("", self.names_check, "Include names")

    @property
    def session_id(self) -> int:
        return int(self.session_combo.currentData())

    @property
    def chosen_format(self) -> FileFormat:
        return self.formats[str(self.format.currentData())]


class QuarterReportDialog(_ChoiceDialog):
    def __init__(self, quarters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(
            "Export quarterly self-assessment",
            "Your self-assessment for the Social Work Consultant (Reports ▸ Write the self-assessment…) and the "
            "feedback's summary, with the figures that support them: sessions held or attended, attendance, "
            "team-level balance, actions, recurring issues, escalations and themes. No colleague is named.",
            parent,
        )
        self.quarter_combo = QComboBox()
        for quarter in quarters:
            self.quarter_combo.addItem(quarter_label(quarter), quarter)
        self.quarter_combo.setCurrentIndex(min(1, len(quarters) - 1))  # the quarter just finished
        self.add_row("&Quarter", self.quarter_combo, "Quarter")
        self.format = self.format_combo(REPORT_FORMATS)

    @property
    def quarter(self) -> str:
        return str(self.quarter_combo.currentData())

    @property
    def chosen_format(self) -> FileFormat:
        return self.formats[str(self.format.currentData())]


class CpdDialog(_ChoiceDialog):
    def __init__(self, members: list[Member], today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            "Export CPD peer-reflection evidence",
            "Evidence for one practitioner's Social Work England CPD: the sessions they attended, with topics and "
            "learning points. It holds that practitioner's data only.",
            parent,
        )
        self.member_combo = QComboBox()
        for member in members:
            self.member_combo.addItem(f"{member.display_name} ({member.role.label})", member.id)
        self.add_row("&Practitioner", self.member_combo, "Practitioner")
        self.first_edit = self._date_edit(today - timedelta(days=365))
        self.last_edit = self._date_edit(today)
        self.add_row("F&rom", self.first_edit, "From")
        self.add_row("&To", self.last_edit, "To")
        self.format = self.format_combo(CPD_FORMATS)

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    @property
    def member_id(self) -> int:
        return int(self.member_combo.currentData())

    @property
    def period(self) -> tuple[date, date]:
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    @property
    def chosen_format(self) -> FileFormat:
        return self.formats[str(self.format.currentData())]

    def _accept(self) -> None:
        first, last = self.period
        if last < first:
            self.show_error("The end date is before the start date.")
            return
        self.accept()


def with_suffix(path: Path, choice: FileFormat) -> Path:
    """Add the format's ending when the name typed has none, as people often leave it off."""
    return path if path.suffix else path.with_suffix(choice.suffix)
