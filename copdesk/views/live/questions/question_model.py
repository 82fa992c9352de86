"""The bank and the custom questions as a list model, and its entries' two-line look, for the search results and the
custom-question editor.

The model filters with the core :class:`QuestionFilter`, so what the list shows follows the same rules
as what the picker draws, and it is testable without a view. Favourites, this session's asks and
hidden custom questions are flags the owner sets; the model only shows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from copdesk.core.custom_questions import is_custom
from copdesk.core.picker import QuestionFilter
from copdesk.core.provenance import Attributed
from copdesk.core.question_bank import Question, QuestionKind

_Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    QuestionKind.QUESTION: "question",
    QuestionKind.TECHNIQUE: "listening technique",
    QuestionKind.TIP: "tip for the facilitator",
}

# Everything, whatever its kind: a search must find tips and techniques too.
EVERYTHING = QuestionFilter(kinds=frozenset())


def question_credit(question: Question) -> str:
    """Whose words the question is: a quotation with its section, CoPDesk's prompt, or the facilitator's own."""
    if is_custom(question.id) or question.origin is None:
        return f"your question · source: {question.source}"
    return Attributed(question.text, question.origin, question.source).credit("prompt")


class QuestionRole(IntEnum):
    QUESTION = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    TEXT = Qt.ItemDataRole.UserRole + 3
    CATEGORY = Qt.ItemDataRole.UserRole + 4
    MODEL = Qt.ItemDataRole.UserRole + 5
    KIND = Qt.ItemDataRole.UserRole + 6
    CUSTOM = Qt.ItemDataRole.UserRole + 7
    FAVOURITE = Qt.ItemDataRole.UserRole + 8
    ASKED = Qt.ItemDataRole.UserRole + 9
    HIDDEN = Qt.ItemDataRole.UserRole + 10
    CAUTION = Qt.ItemDataRole.UserRole + 11


class QuestionListModel(QAbstractListModel):
    def __init__(self, questions: Iterable[Question] = ()) -> None:
        super().__init__()
        self._questions = list(questions)
        self._filter = EVERYTHING
        self._rows = list(self._questions)
        self._favourites: frozenset[str] = frozenset()
        self._asked: frozenset[str] = frozenset()
        self._hidden: frozenset[str] = frozenset()

    # -- what to show -------------------------------------------------------------------------
    def set_questions(self, questions: Iterable[Question], *, hidden: Iterable[str] = ()) -> None:
        self.beginResetModel()
        self._questions = list(questions)
        self._hidden = frozenset(hidden)
        self._rows = self._filter.apply(self._questions)
        self.endResetModel()

    def set_filter(self, question_filter: QuestionFilter) -> None:
        self.beginResetModel()
        self._filter = question_filter
        self._rows = question_filter.apply(self._questions)
        self.endResetModel()

    def set_favourites(self, ids: Iterable[str]) -> None:
        self._favourites = frozenset(ids)
        self._flags_changed()

    def set_asked(self, ids: Iterable[str]) -> None:
        self._asked = frozenset(ids)
        self._flags_changed()

    def _flags_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    # -- lookups ------------------------------------------------------------------------------
    def question_at(self, row: int) -> Question:
        return self._rows[row]

    def row_of(self, question_id: str) -> int | None:
        return next((row for row, question in enumerate(self._rows) if question.id == question_id), None)

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {int(role): QByteArray(role.name.lower().encode()) for role in QuestionRole} | {
            int(Qt.ItemDataRole.DisplayRole): QByteArray(b"display")
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        question = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(question)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{question.category} · {question.model}\n{question_credit(question)}"
        if role == Qt.ItemDataRole.FontRole and question.id in self._hidden:
            font = QFont()
            font.setItalic(True)
            return font
        return self._named(question, role)

    def _named(self, question: Question, role: int) -> object:
        values: dict[int, object] = {
            QuestionRole.QUESTION: question,
            QuestionRole.ID: question.id,
            QuestionRole.TEXT: question.text,
            QuestionRole.CATEGORY: question.category,
            QuestionRole.MODEL: question.model,
            QuestionRole.KIND: question.kind.value,
            QuestionRole.CUSTOM: is_custom(question.id),
            QuestionRole.FAVOURITE: question.id in self._favourites,
            QuestionRole.ASKED: question.id in self._asked,
            QuestionRole.HIDDEN: question.id in self._hidden,
            QuestionRole.CAUTION: question.caution,
        }
        return values.get(role)

    def _display(self, question: Question) -> str:
        marks = [
            *(["★ favourite"] if question.id in self._favourites else []),
            *(["✓ asked this session"] if question.id in self._asked else []),
            *(["hidden"] if question.id in self._hidden else []),
        ]
        kind = [] if question.kind is QuestionKind.QUESTION else [KIND_LABELS[question.kind]]
        meta = " · ".join([question.category, *kind])
        return f"{question.text}\n{' · '.join([meta, *marks])}"


class QuestionItemDelegate(QStyledItemDelegate):
    """A list entry in two lines: the question as it reads, then its category and marks, smaller and muted.

    The model's display text holds both lines (question, newline, details), so a plain view still reads right.
    """

    _PADDING = 6

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        question, details = self._lines(option.text)
        option.text = ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(self._PADDING, self._PADDING // 2, -self._PADDING, -self._PADDING // 2)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        font = self._font(option)
        painter.save()
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        used = painter.boundingRect(rect, flags, question)
        painter.drawText(rect, flags, question)
        painter.setFont(self._small(font))
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRect(rect.left(), used.bottom() + 2, rect.width(), rect.height()), flags, details)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        self.initStyleOption(option, index)
        question, details = self._lines(option.text)
        width = max((option.widget.width() if option.widget is not None else 400) - 4 * self._PADDING, 80)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        bounds = QRect(0, 0, width, 10_000)
        font = self._font(option)
        height = QFontMetrics(font).boundingRect(bounds, flags, question).height()
        height += QFontMetrics(self._small(font)).boundingRect(bounds, flags, details).height()
        return QSize(width, height + self._PADDING + 2)

    @staticmethod
    def _font(option: QStyleOptionViewItem) -> QFont:
        """The view's own font (the stylesheet's size), keeping the italics the model asks for."""
        font = QFont(option.widget.font()) if option.widget is not None else QFont(option.font)
        font.setItalic(option.font.italic())
        return font

    @staticmethod
    def _lines(text: str) -> tuple[str, str]:
        # Qt's display text turns the model's newline into a Unicode line separator.
        question, _, details = text.replace("\u2028", "\n").rpartition("\n")
        return question, details

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
        return small
