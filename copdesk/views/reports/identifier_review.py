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

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.feedback import NamedInFeedback
from copdesk.core.redaction import FlaggedText
from copdesk.views.widgets.row_model import Column, RowTableModel
from copdesk.views.widgets.tables import CompactTable, configure_table

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
        count = len(flagged)
        columns = [
            Column[FlaggedText]("Where", lambda f: f.where),
            Column[FlaggedText]("Looks like", lambda f: f.kind_words),
            Column[FlaggedText]("Found", lambda f: f.finding.text),
            Column[FlaggedText]("In the record as", lambda f: f.placeholder),
        ]
        self.model = RowTableModel[FlaggedText](columns, {}, self)
        self.model.set_rows(flagged)
        self.intro, self.table, self.buttons = _review_layout(
            self,
            f"CoPDesk's identifier check flagged {count} possible identifier{'' if count == 1 else 's'} in this "
            "record. The share-safe record replaces each with a placeholder. Keep them as typed only if the record "
            "stays with people who may see them.",
            self.model,
            "What the identifier check flagged",
            stretch=FOUND_COLUMN,  # "Where" is a word or two; what was found takes the room
            fit=0,
        )
        self.buttons.setAccessibleName("Redact, keep or cancel")
        self.redact_button = _default_button(
            self.buttons, "Export with them redacted", "Export with the identifiers redacted"
        )
        self.keep_button = self.buttons.addButton("Keep them as typed", QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.setAccessibleName("Export with the identifiers kept as typed")
        _cancel_button(self, self.buttons)
        self.redact_button.clicked.connect(lambda: self._choose(IdentifierChoice.REDACT))
        self.keep_button.clicked.connect(lambda: self._choose(IdentifierChoice.KEEP))

    def _choose(self, choice: IdentifierChoice) -> None:
        self.choice = choice
        self.accept()


class NamedInFeedbackDialog(QDialog):
    """A warning, never a block: Enter exports the report as it is, Cancel writes nothing."""

    def __init__(self, named: Sequence[NamedInFeedback], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("namedInFeedback")
        self.setWindowTitle("Colleagues named in feedback")
        count = len(named)
        columns = [
            Column[NamedInFeedback]("Suggested change", lambda n: n.text),
            Column[NamedInFeedback]("Names", lambda n: ", ".join(n.names)),
        ]
        self.model = RowTableModel[NamedInFeedback](columns, {}, self)
        self.model.set_rows(named)
        self.intro, self.table, self.buttons = _review_layout(
            self,
            f"{count} of this quarter's suggested changes {'names' if count == 1 else 'name'} a colleague. "
            "The report copies feedback word for word, so its readers will see the names: export it as it is only "
            "if that is fair to those named.",
            self.model,
            "Suggested changes that name a colleague",
            stretch=0,  # the change takes the room; the names are a word or two
            fit=1,
        )
        self.buttons.setAccessibleName("Export or cancel")
        self.export_button = _default_button(
            self.buttons, "Export as it is", "Export the report with the feedback as it is"
        )
        self.export_button.clicked.connect(self.accept)
        _cancel_button(self, self.buttons)


def _review_layout(
    dialog: QDialog, intro: str, model: QAbstractTableModel, table_name: str, *, stretch: int, fit: int
) -> tuple[QLabel, CompactTable, QDialogButtonBox]:
    """What both reviews show, top to bottom: what was found and why it matters, the table of it (column ``stretch``
    takes the room, ``fit`` keeps to its words), and the buttons, to which the caller adds its choices."""
    layout = QVBoxLayout(dialog)
    label = QLabel(intro)
    label.setWordWrap(True)
    layout.addWidget(label)
    table = CompactTable()
    table.setAccessibleName(table_name)
    table.setModel(model)
    configure_table(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(fit, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    layout.addWidget(table, 1)
    buttons = QDialogButtonBox()
    layout.addWidget(buttons)
    dialog.resize(760, 360)
    return label, table, buttons


def _default_button(buttons: QDialogButtonBox, caption: str, name: str) -> QPushButton:
    """The choice Enter makes, shown as the primary button."""
    button = buttons.addButton(caption, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setAccessibleName(name)
    button.setDefault(True)
    button.setProperty("primary", True)
    return button


def _cancel_button(dialog: QDialog, buttons: QDialogButtonBox) -> None:
    """Cancel, last: the dialog is rejected and nothing is written."""
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName("Cancel the export")
    buttons.rejected.connect(dialog.reject)
