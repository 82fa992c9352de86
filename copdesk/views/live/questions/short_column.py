"""The question pane in a short column (a window 640 high, where it has about 240 px beside the notes).

There its rows (a suggestion's headline, its two lines and its reason, the question card, the draw's buttons and
the filters) need about 320 px, and the suggestion was squashed to a sliver and the question cut through its lines.
Short, the filters go behind one button in the pane's header, the suggestion takes one line (cut after a whole word,
the whole of it on hover and under Use), the rows stand closer, and with no suggestion the card may be twice as tall,
so a long question or a caution shows whole. Beside a suggestion the card keeps the question's first line, the rest
scrolling, so the notes below keep a whole row of each list. In a taller column the pane is as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from copdesk.views.live.questions.question_filter_bar import QuestionFilterBar
from copdesk.views.live.questions.question_widgets import QuestionCard, SuggestionBanner
from copdesk.views.widgets.short_captions import ShortCaptionRow

SHORT_SPACING, TALL_SPACING = 4, 8  # between the pane's rows


class FiltersPopup(QFrame):
    """The popup the filter row opens in, under the Filters button. It opens with the first filter focused, so Tab and
    Shift+Tab go round its filters, and Esc puts it away and gives the focus back to ``button``, as a menu does.
    Before, nothing in it had the focus, and Esc left it with whatever had it in the window behind."""

    def __init__(self, button: QToolButton, bar: QuestionFilterBar) -> None:
        super().__init__(button, Qt.WindowType.Popup)
        self.button, self.bar = button, bar
        self.setObjectName("questionFiltersPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 8, 8, 8)

    def open_under(self, pos: QPoint) -> None:
        self.move(pos)
        self.show()
        first = next((widget for widget in _widgets(self.bar.row.row) if widget.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.button.setFocus(Qt.FocusReason.PopupFocusReason)  # the window behind gives it back as this closes
            self.close()
            return
        super().keyPressEvent(event)


class FiltersButton(QToolButton):
    """The "Filters" button, in place of the filter row in a pane too short for it (a window 640 high): it opens the
    row under itself, as a popup (:class:`FiltersPopup`), with the buttons' whole words. Esc or a click outside puts
    it away."""

    def __init__(self, bar: QuestionFilterBar, body: QVBoxLayout, after: ShortCaptionRow) -> None:
        super().__init__()
        self.setText("Filters")
        self.setAccessibleName("Show the filters for the next question")
        self.setToolTip("Categories, models, favourites only, broad to specific, suits this part")
        self.bar, self.body, self.after = bar, body, after
        self.popup = FiltersPopup(self, bar)
        self.clicked.connect(self.open_filters)
        self.hide()

    def take_row(self, take: bool) -> None:
        """Hold the filter row in the popup (``take``), or give it back to its place in the pane, under ``after``."""
        if take:
            self.popup.row.addWidget(self.bar)
        else:
            self.popup.hide()
            self.body.insertWidget(self.body.indexOf(self.after) + 1, self.bar)
            self._tab_after_row_above()
        self.bar.show()  # a widget given another parent is hidden
        self.setVisible(take)

    def _tab_after_row_above(self) -> None:
        """Tab goes from the row above to the filters again, as before: given a new parent, they went last."""
        previous: QWidget = _widgets(self.after.row)[-1]
        for widget in _widgets(self.bar.row.row):
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def open_filters(self) -> None:
        self.popup.adjustSize()
        self.popup.open_under(self.mapToGlobal(QPoint(self.width() - self.popup.width(), self.height())))


def _widgets(row: QBoxLayout) -> list[QWidget]:
    items = (row.itemAt(i) for i in range(row.count()))
    return [widget for item in items if item is not None and (widget := item.widget()) is not None]


class ShortColumn(QObject):
    """Sets the pane short or not, and keeps the card's room right as a suggestion comes and goes."""

    def __init__(
        self,
        body: QVBoxLayout,
        banner: SuggestionBanner,
        card: QuestionCard,
        filters: QuestionFilterBar,
        above: ShortCaptionRow,
    ) -> None:
        """``above`` is the row the filter row sits under while the pane is tall."""
        super().__init__(banner)
        self.body, self.banner, self.card = body, banner, card
        self.filters_button = FiltersButton(filters, body, above)
        banner.installEventFilter(self)  # shown or hidden, it says how tall the card may be

    @property
    def short(self) -> bool:
        return self.banner.compact

    def set_short(self, short: bool) -> None:
        if short != self.short:
            self.filters_button.take_row(short)
            self.banner.set_compact(short)
            self.body.setSpacing(SHORT_SPACING if short else TALL_SPACING)
            self._fit_card()

    def growth_standing_tall(self) -> int:
        """How much taller the pane's least height would be standing tall than it is now, from its parts' own hints:
        the filter row and its gap, wider gaps, the suggestion's lines in place of its one, the card's room. Standing
        it tall to measure would lay the column out again, which asks again whether it should stand short."""
        if not self.short:
            return 0
        shown = sum(not row.isHidden() for row in _widgets(self.body))
        gaps = TALL_SPACING * shown - SHORT_SPACING * (shown - 1)  # one more row, the filters
        filters = self.filters_button.bar.minimumSizeHint().height()
        return gaps + filters + self.banner.growth_standing_tall() + self.card.growth_standing_tall()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.banner and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._fit_card()
        return super().eventFilter(watched, event)

    def _fit_card(self) -> None:
        self.card.set_room(short=self.short, suggestion=not self.banner.isHidden())
