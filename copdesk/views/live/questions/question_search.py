"""Search across the shipped bank and the facilitator's own questions, tips and techniques included.

The field sits with the pane's buttons and the results take the place of the current question while
there is text to search for, so the Live page needs no extra room. Enter (or a double-click) chooses
the highlighted result, Down moves from the field into the list, and Esc goes back. With nothing found, the list
says so, rather than stand empty as if the search had failed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLineEdit, QListView

from copdesk.core.picker import QuestionFilter
from copdesk.core.question_bank import Question
from copdesk.core.text import shortened
from copdesk.views.live.questions.question_model import EVERYTHING, QuestionItemDelegate, QuestionListModel


class ResultsView(QListView):
    """The results, or with none a line saying what found nothing (:attr:`empty_text`)."""

    def __init__(self) -> None:
        super().__init__()
        self.empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            flags = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
            painter.drawText(self.viewport().rect().adjusted(8, 6, -8, -6), int(flags), self.empty_text)
            painter.end()


class QuestionSearch(QObject):
    opened = Signal()  # there is text to search for: show the results
    closed = Signal()  # the search was cleared: show the current question again
    chosen = Signal(object)  # the Question picked from the results

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = QuestionListModel()
        self.field = QLineEdit()
        self.field.setObjectName("questionSearch")
        self.field.setAccessibleName("Search questions")
        self.field.setPlaceholderText("Search all questions")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._changed)
        self.field.returnPressed.connect(self._confirmed)
        self.results_view = ResultsView()
        self.results_view.setObjectName("questionResults")
        self.results_view.setAccessibleName("Search results")
        self.results_view.setModel(self.model)
        self.results_view.setItemDelegate(QuestionItemDelegate(self.results_view))
        self.results_view.setAlternatingRowColors(True)
        self.results_view.activated.connect(self._choose)
        self.results_view.doubleClicked.connect(self._choose)
        for widget in (self.field, self.results_view):
            widget.installEventFilter(self)

    @property
    def is_open(self) -> bool:
        return bool(self.field.text().strip())

    def set_questions(self, questions: Iterable[Question]) -> None:
        self.model.set_questions(questions)

    def set_marks(self, favourites: Iterable[str], asked: Iterable[str]) -> None:
        self.model.set_favourites(favourites)
        self.model.set_asked(asked)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def close(self) -> None:
        if self.field.text():
            self.field.clear()
        else:
            self.closed.emit()

    def found(self) -> list[Question]:
        return [self.model.question_at(row) for row in range(self.model.rowCount())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.is_open:
                self.close()
                return True
            if watched is self.field and event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results_view.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _changed(self, text: str) -> None:
        if not text.strip():
            self.closed.emit()
            return
        self.model.set_filter(QuestionFilter(search=text, kinds=EVERYTHING.kinds))
        self.results_view.empty_text = (
            f"No question, tip or technique holds “{shortened(text.strip(), 40)}”. Try fewer words, or part of one."
        )
        if self.model.rowCount():
            self.results_view.setCurrentIndex(self.model.index(0))
        self.results_view.viewport().update()
        self.opened.emit()

    def _confirmed(self) -> None:
        index = self.results_view.currentIndex()
        if self.is_open and index.isValid():
            self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        self.chosen.emit(self.model.question_at(index.row()))
