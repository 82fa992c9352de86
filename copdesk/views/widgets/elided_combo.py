"""A drop-down whose choices may be longer than the box (a session and its topic): the choice shown is cut between
words with "…", as every shortened text in CoPDesk is (:func:`~copdesk.views.widgets.labels.elide_words`), never
inside a word, and the whole of it is the tooltip, as each entry's is in the list that drops down (which Qt widens
to its longest entry, as far as the screen allows). Qt's own box cuts the text at its edge, inside a word and with no
sign that more follows. A widget of its own so that Designer forms can use it (promoted from QComboBox)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from copdesk.views.widgets.labels import elide_words

TEXT_MARGIN = 2  # pixels the style leaves either side of the text in the box


class WordElidedCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model().rowsInserted.connect(self._whole_on_hover)
        self.currentTextChanged.connect(self.setToolTip)

    def shown_text(self) -> str:
        """The current choice as the box shows it, cut between words to the room it has."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._fitted(option)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if self.currentIndex() < 0 and self.placeholderText():
            option.palette.setBrush(QPalette.ColorRole.ButtonText, option.palette.placeholderText())
            option.currentText = self.placeholderText()
        option.currentText = self._fitted(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def _fitted(self, option: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        icon = option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0
        return elide_words(option.currentText, self.fontMetrics(), field.width() - icon - 2 * TEXT_MARGIN)

    def _whole_on_hover(self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            if not self.itemData(row, Qt.ItemDataRole.ToolTipRole):
                self.setItemData(row, self.itemText(row), Qt.ItemDataRole.ToolTipRole)
