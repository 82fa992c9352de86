"""Before a document leaves the room: what in it may identify someone, and what to do.

The share-safe record redacts every flagged span (:mod:`copdesk.core.redaction`); :class:`IdentifierReviewDialog`
shows them first, where each sits and what it will read as, so the facilitator sees what is about to be replaced.
Keeping them is the deliberate choice, never the default: Enter exports with them redacted.

The quarterly report copies the feedback's suggested changes word for word, and they are the team's words, never
rewritten: :class:`NamedInFeedbackDialog` shows those that name a colleague, and Enter exports them as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from copdesk.core.feedback import NamedInFeedback
from copdesk.core.redaction import FlaggedText
from copdesk.views.widgets.row_model import Column, RowTableModel
from copdesk.views.widgets.tables import configure_table

FOUND_COLUMN = 2


class IdentifierChoice(Enum):
    REDACT = "redact"
    KEEP = "keep"


class IdentifierReviewDialog(QDialog):
    def __init__(self, flagged: Sequence[FlaggedText], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identifierReview")
        self.setWindowTitle("Identifiers in this record")
        self.choice: IdentifierChoice | None = None
        layout = QVBoxLayout(self)
        count = len(flagged)
        self.intro = QLabel(
            f"CoPDesk's identifier check flagged {count} possible identifier{'' if count == 1 else 's'} in this "
            "record. The share-safe record replaces each with a placeholder. Keep them as typed only if the record "
            "stays with people who may see them."
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        columns = [
            Column[FlaggedText]("Where", lambda f: f.where),
            Column[FlaggedText]("Looks like", lambda f: f.kind_words),
            Column[FlaggedText]("Found", lambda f: f.finding.text),
            Column[FlaggedText]("In the record as", lambda f: f.placeholder),
        ]
        self.model = RowTableModel[FlaggedText](columns, {}, self)
        self.model.set_rows(flagged)
        self.table = QTableView()
        self.table.setAccessibleName("What the identifier check flagged")
        self.table.setModel(self.model)
        configure_table(self.table)
        header = self.table.horizontalHeader()  # "Where" is a word or two; what was found takes the room
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FOUND_COLUMN, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox()
        self.buttons.setAccessibleName("Redact, keep or cancel")
        self.redact_button = self.buttons.addButton("Export with them redacted", QDialogButtonBox.ButtonRole.AcceptRole)
        self.redact_button.setAccessibleName("Export with the identifiers redacted")
        self.redact_button.setDefault(True)
        self.redact_button.setProperty("primary", True)
        self.keep_button = self.buttons.addButton("Keep them as typed", QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.setAccessibleName("Export with the identifiers kept as typed")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel the export")
        self.redact_button.clicked.connect(lambda: self._choose(IdentifierChoice.REDACT))
        self.keep_button.clicked.connect(lambda: self._choose(IdentifierChoice.KEEP))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 360)

    def _choose(self, choice: IdentifierChoice) -> None:
        self.choice = choice
        self.accept()


class NamedInFeedbackDialog(QDialog):
    """A warning, never a block: Enter exports the report as it is, Cancel writes nothing."""

    def __init__(self, named: Sequence[NamedInFeedback], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("namedInFeedback")
        self.setWindowTitle("Colleagues named in feedback")
        layout = QVBoxLayout(self)
        count = len(named)
        self.intro = QLabel(
            f"{count} of this quarter's suggested changes {'names' if count == 1 else 'name'} a colleague. "
            "The report copies feedback word for word, so its readers will see the names: export it as it is only "
            "if that is fair to those named."
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        columns = [
            Column[NamedInFeedback]("Suggested change", lambda n: n.text),
            Column[NamedInFeedback]("Names", lambda n: ", ".join(n.names)),
        ]
        self.model = RowTableModel[NamedInFeedback](columns, {}, self)
        self.model.set_rows(named)
        self.table = QTableView()
        self.table.setAccessibleName("Suggested changes that name a colleague")
        self.table.setModel(self.model)
        configure_table(self.table)
        header = self.table.horizontalHeader()  # the change takes the room; the names are a word or two
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox()
        self.buttons.setAccessibleName("Export or cancel")
        self.export_button = self.buttons.addButton("Export as it is", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setAccessibleName("Export the report with the feedback as it is")
        self.export_button.setDefault(True)
        self.export_button.setProperty("primary", True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel the export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 360)
