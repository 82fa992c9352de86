"""Optional, anonymous feedback at the end of a session: how useful it was, and one thing to change.

The facilitator asks each person (aloud, or in the meeting chat) and types the answers in; no name is asked for or
kept, so nothing here can be traced to a colleague. Each response is saved as it is added, through the window's
write guard: a refused save keeps what was typed for Retry. The quarterly self-assessment shows their summary.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from copdesk.core.feedback import MAX_CHANGE_LENGTH, USEFULNESS, FeedbackError
from copdesk.core.masterclass import shipped_texts
from copdesk.services.feedback import record_feedback, take_back_feedback
from copdesk.views.context import AppContext
from copdesk.views.widgets.forms import hold_characters, say_when_cut
from copdesk.views.widgets.labels import hint_label, message_label, show_message
from copdesk.views.write_guard import KEPT_TYPED

NOT_ANSWERED = "How useful? (not answered)"


class FeedbackBox(QGroupBox):
    def __init__(self, context: AppContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__("Feedback (optional, anonymous)", parent)
        self.setObjectName("sessionFeedback")
        self.context = context
        self.session_id = session_id
        self.added: list[int] = []  # ids of the responses added here, newest last, for taking one back
        texts = shipped_texts().self_assessment
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                f"Ask each person “{texts.feedback_useful.text}” and “{texts.feedback_change.text}”, and type their "
                "answers: no name is kept. CoPDesk's questions; the quarterly self-assessment shows the summary."
            )
        )
        row = QHBoxLayout()
        self.usefulness = QComboBox()
        self.usefulness.setAccessibleName(texts.feedback_useful.text)
        self.usefulness.addItem(NOT_ANSWERED, None)
        for score, words in USEFULNESS.items():
            self.usefulness.addItem(f"{score}: {words}", score)
        self.usefulness.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # every answer in full
        row.addWidget(self.usefulness)
        self.to_change = QLineEdit()
        self.to_change.setMinimumWidth(240)  # room to read what is typed
        self.to_change.setAccessibleName(texts.feedback_change.text)
        self.to_change.setPlaceholderText(texts.feedback_change.text)
        hold_characters(self.to_change, MAX_CHANGE_LENGTH)
        self.to_change.returnPressed.connect(self.add_response)
        say_when_cut(self.to_change, lambda text: show_message(self.message, text, warning=True, error=False))
        row.addWidget(self.to_change, 1)
        self.add_button = QPushButton("Add &response")
        self.add_button.setAccessibleName("Add this person's feedback")
        self.add_button.clicked.connect(self.add_response)
        buttons = QHBoxLayout()  # a row of their own, so the two answers keep the width
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        self.take_back_button = QPushButton("&Take back the last")
        self.take_back_button.setAccessibleName("Take back the last feedback added")
        self.take_back_button.clicked.connect(self.take_back_last)
        self.take_back_button.setEnabled(False)
        buttons.addWidget(self.take_back_button)
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.message = message_label()
        self.message.hide()
        layout.addWidget(self.message)

    def has_unadded(self) -> bool:
        """Whether an answer is chosen or typed but not added (closing the summary asks about it)."""
        return self.usefulness.currentData() is not None or bool(self.to_change.text().strip())

    def unadded_words(self) -> str | None:
        """The words of a response typed and not added, with its answer on usefulness if one is chosen."""
        typed = self.to_change.text()
        if not typed.strip():
            return None
        useful = self.usefulness.currentText() if self.usefulness.currentData() is not None else NOT_ANSWERED
        texts = shipped_texts().self_assessment
        return f"{texts.feedback_useful.text} {useful}\n{texts.feedback_change.text}: {typed}"

    def add_response(self) -> bool:
        """Save one person's answers, then clear the fields for the next person."""
        usefulness = self.usefulness.currentData()
        to_change = self.to_change.text()
        now = self.context.now()
        try:
            saved = self.context.writes.run(
                lambda: record_feedback(self.context.db, self.session_id, usefulness, to_change, now),
                retry=self.add_response,
                key=("feedback", self.session_id),
                kept=KEPT_TYPED,
            )
        except FeedbackError as error:
            show_message(self.message, str(error), error=True)
            return False
        if saved is None:
            return False
        self.added.append(saved.value)
        self.usefulness.setCurrentIndex(0)
        self.to_change.clear()
        self._say_count()
        return True

    def take_back_last(self) -> None:
        if not self.added:
            return
        feedback_id = self.added[-1]
        done = self.context.writes.run(
            lambda: take_back_feedback(self.context.db, feedback_id), retry=partial(self._retry_take_back, feedback_id)
        )
        if done is not None:
            self.added.pop()
            self._say_count()

    def _retry_take_back(self, feedback_id: int) -> None:
        if self.added and self.added[-1] == feedback_id:
            self.take_back_last()

    def _say_count(self) -> None:
        count = len(self.added)
        words = "No response recorded." if not count else f"{count} response{'s' if count != 1 else ''} recorded."
        show_message(self.message, words, error=False)
        self.take_back_button.setEnabled(bool(count))
