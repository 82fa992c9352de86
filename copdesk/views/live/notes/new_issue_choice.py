"""The question Enter asks in the Issue tab when no earlier issue was chosen: record the text as a new issue?

Enter alone never records a new issue (a slip would leave it in the record and the search for good), so the
choice is made here, with a click or the button's key, or the facilitator goes back to choose an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from copdesk.views.widgets.labels import ElidedLabel
from copdesk.views.widgets.names_in_a_line import in_a_line


class NewIssueChoice(QFrame):
    def __init__(self, record: Callable[[], None], cancel: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newIssueChoice")
        self.setProperty("banner", "info")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        self.question = ElidedLabel()  # one line: a long title is cut between words, whole on hover
        self.question.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.question, 1)
        self.record_button = QPushButton("Record as a new issue")
        self.record_button.setAccessibleName("Record the text as a new issue")
        self.record_button.setProperty("primary", True)
        self.record_button.clicked.connect(record)
        self.cancel_button = QPushButton("Not yet")
        self.cancel_button.setAccessibleName("Do not record it yet")
        self.cancel_button.clicked.connect(cancel)
        layout.addWidget(self.record_button)
        layout.addWidget(self.cancel_button)
        self.hide()

    def ask(self, title: str, *, earlier: bool) -> None:
        """Show the question for ``title``; ``earlier`` when there are earlier issues below it might repeat."""
        # The words that matter first: a title is cut. One written right to left is isolated, its quotes in place.
        self.question.set_full_text(f"Not recorded yet: “{in_a_line(title)}”")
        other = ", or choose an earlier issue below (↓) to link it instead" if earlier else ""
        self.setToolTip(f"Enter alone never records an issue: press Record as a new issue{other}. Esc: not yet.")
        self.show()
