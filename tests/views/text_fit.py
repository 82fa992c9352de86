"""The text-fit check: every word the window shows has the room it needs, or is cut between words with the whole
text one hover away.

:func:`check_window` walks every visible widget of a window and compares the room its text needs with the room it
has: labels (wrapped ones by the height their width needs, one-line ones by their width), buttons and check boxes
(their size hint, which is their text and icon with the style's padding), each tab of a tab bar, each section of a
header, each visible cell of an item view (and room for one whole row of it), the tiles of the roster and the
agenda's rows (from what their delegates drew). A cut is allowed only where CoPDesk shortens text on purpose:
between words ("Follow up on…"), with the whole text in the tooltip; or where a scroll area that shows its scroll
bar has the label's first line in view, the rest one scroll away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyle,
    QTabBar,
    QTableView,
    QWidget,
)

from copdesk.views.widgets.labels import ELLIPSIS, ElidedLabel, elide_words
from copdesk.views.widgets.tables import WordElideDelegate

SLACK = 1  # a pixel of rounding


@dataclass
class FitReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    def cut(self, widget: QWidget, what: str) -> None:
        self.problems.append(f"{_path(widget)}: {what}")


def _path(widget: QWidget) -> str:
    names: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(names) < 4:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def cut_between_words(full: str, shown: str) -> bool:
    """``shown`` is ``full`` cut after a whole word, ending in "…"."""
    if not shown.endswith(ELLIPSIS):
        return False
    start = shown[: -len(ELLIPSIS)]
    return bool(start) and full.startswith(start) and (len(start) == len(full) or not full[len(start)].isalnum())


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def initialled(full: str, shown: str) -> bool:
    """``shown`` is the name ``full`` with its last word cut to an initial: "Priya L." of "Priya Lindqvist"."""
    words = full.split()
    return len(words) > 1 and shown == " ".join([*words[:-1], words[-1][0] + "."])


def told_apart(full: str, shown: str) -> bool:
    """``shown`` is ``full`` with one "…" for what was left out, at its end or in its middle: how a roster tile
    tells a name from another that would otherwise read the same (``fitted_apart``)."""
    head, ellipsis, tail = shown.partition(ELLIPSIS)
    return bool(ellipsis) and bool(head) and full.startswith(head) and full.endswith(tail) and len(shown) < len(full)


def _allowed_cut(full: str, shown: str, tooltip: str, *, a_name: bool = False) -> bool:
    """Cut between words with the whole text on hover; a person's name (a roster tile) may also keep its initial,
    or be cut where it differs from another's."""
    a_named_cut = a_name and (initialled(full, shown) or told_apart(full, shown))
    return (cut_between_words(full, shown) or a_named_cut) and full in tooltip


def check_window(window: QWidget) -> FitReport:
    report = FitReport()
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel):
            _check_label(widget, report)
        elif isinstance(widget, QAbstractButton):
            _check_button(widget, report)
        elif isinstance(widget, QTabBar):
            _check_tabs(widget, report)
        elif isinstance(widget, QHeaderView):
            _check_header(widget, report)
        elif isinstance(widget, QAbstractItemView):
            _check_whole_row(widget, report)
            _check_cells(widget, report)
    return report


def _check_label(label: QLabel, report: FitReport) -> None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return
    report.checked += 1
    in_view = label.visibleRegion().boundingRect()
    cut = in_view.height() + SLACK < label.height() or in_view.width() + SLACK < label.width()
    if cut and not _scrolls_to_rest(label, in_view):
        # a scroll area, a pane's edge or a widget laid over it hides part of it
        report.cut(
            label, f"only {in_view.width()}x{in_view.height()} of {label.size().toTuple()} in view: {text[:60]!r}"
        )
        return
    if isinstance(label, ElidedLabel):
        if text != label.full_text() and not _allowed_cut(label.full_text(), text, label.toolTip()):
            report.cut(label, f"elided badly: {text!r} of {label.full_text()!r}")
        return
    if "\n" in text and not label.wordWrap() and label.textFormat() is not Qt.TextFormat.RichText:
        lines = text.split("\n")  # a banner's own wrapping (ElidedBanner): each line must fit, the last may be cut
        widest = max(label.fontMetrics().horizontalAdvance(line) for line in lines)
        if widest > label.contentsRect().width() + SLACK:
            report.cut(label, f"a line is wider than its {label.contentsRect().width()} px: {text!r}")
        tip = label.toolTip() or _parent_tip(label)
        if lines[-1].endswith(ELLIPSIS) and not tip:
            report.cut(label, f"cut with no tooltip: {text!r}")
        return
    if label.wordWrap() or label.textFormat() is Qt.TextFormat.RichText:
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            report.cut(label, f"needs {needed} px of height, has {label.height()}: {text[:60]!r}")
        return
    needed_width = label.sizeHint().width()
    shortened = text.endswith(ELLIPSIS) and bool(label.toolTip() or _parent_tip(label))
    if needed_width > label.width() + SLACK and not shortened:
        report.cut(label, f"needs {needed_width} px, has {label.width()}: {text!r}")
    if label.minimumSizeHint().height() > label.height() + SLACK:
        report.cut(label, f"needs {label.minimumSizeHint().height()} px of height, has {label.height()}: {text!r}")


def _scrolls_to_rest(label: QLabel, in_view: QRect) -> bool:
    """The label's first line is in view, at its full width, in a scroll area that shows its scroll bar and is itself
    wholly in view: the rest is read by scrolling (the question card beside a suggestion in a window 640 high)."""
    area = label.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    first_line = in_view.top() == 0 and in_view.height() + SLACK >= label.fontMetrics().lineSpacing()
    whole_width = in_view.width() + SLACK >= label.width()
    if area is None or not area.verticalScrollBar().isVisible():
        return False
    area_whole = area.visibleRegion().boundingRect().height() + SLACK >= area.height()  # else the rest is out of reach
    return area_whole and first_line and whole_width


def _parent_tip(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return parent.toolTip() if parent is not None else ""


def _check_button(button: QAbstractButton, report: FitReport) -> None:
    if not button.text().strip():
        return
    report.checked += 1
    in_view = button.visibleRegion().boundingRect()
    if in_view.height() + SLACK < button.height() or in_view.width() + SLACK < button.width():
        report.cut(button, f"only {in_view.width()}x{in_view.height()} of {button.size().toTuple()} in view")
    hint = button.sizeHint()
    if hint.width() > button.width() + SLACK:
        report.cut(button, f"needs {hint.width()} px, has {button.width()}: {button.text()!r}")
    if button.fontMetrics().height() > button.contentsRect().height() + SLACK:
        report.cut(button, f"text taller than the button: {button.text()!r}")


def _check_tabs(bar: QTabBar, report: FitReport) -> None:
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        report.checked += 1
        rect, hint = bar.tabRect(index), bar.tabSizeHint(index)
        if rect.width() + SLACK < hint.width() or not bar.rect().contains(rect):
            report.cut(bar, f"tab {bar.tabText(index)!r} has {rect.width()} px of {hint.width()}")


def _check_header(header: QHeaderView, report: FitReport) -> None:
    model = header.model()
    if model is None or header.isHidden():
        return
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        report.checked += 1
        needed = header.fontMetrics().horizontalAdvance(text) + margin
        if needed > header.sectionSize(section) + SLACK:
            report.cut(header, f"section {text!r} needs {needed} px, has {header.sectionSize(section)}")


def _check_whole_row(view: QAbstractItemView, report: FitReport) -> None:
    """A list shows at least one whole row, whole itself: a list squeezed to its headings, or cut at the foot by the
    pane it is in, shows none or half a row."""
    report.checked += 1
    in_view = view.visibleRegion().boundingRect()
    if in_view.height() + SLACK < view.height():
        report.cut(view, f"only {in_view.height()} of its {view.height()} px in view")
    row = view.verticalHeader().defaultSectionSize() if isinstance(view, QTableView) else view.sizeHintForRow(0)
    if view.viewport().height() + SLACK < row:
        report.cut(view, f"room for no whole row: {view.viewport().height()} px, a row {row}")


def _check_cells(view: QAbstractItemView, report: FitReport) -> None:
    model = view.model()
    if model is None:
        return
    delegate = view.itemDelegate()
    names = getattr(delegate, "shown_names", None)
    drawn = names or getattr(delegate, "shown", None)
    if isinstance(drawn, dict):  # a delegate that paints its own text says what it drew
        viewport = view.viewport().rect()
        for row, (full, shown) in drawn.items():
            if row >= model.rowCount() or not view.visualRect(model.index(row, 0)).intersects(viewport):
                continue
            report.checked += 1
            tip = str(model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) or "")
            if shown != full and not _allowed_cut(full, shown, tip, a_name=drawn is names):
                report.cut(view, f"row {row} drawn as {shown!r} of {full!r}")
        return
    viewport = view.viewport().rect()
    for row in range(min(model.rowCount(), 60)):
        column = 0
        while (index := model.index(row, column)).isValid():
            column += 1
            rect: QRect = view.visualRect(index)
            if not rect.isValid() or not rect.intersects(viewport):
                continue
            _check_cell(view, index, rect, report)


def _check_cell(view: QAbstractItemView, index: QModelIndex, rect: QRect, report: FitReport) -> None:
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    if not text:
        return
    report.checked += 1
    style = view.style()
    margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) * 2
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = view.fontMetrics() if font is None else QFontMetrics(font)
    room = rect.width() - margin
    if metrics.horizontalAdvance(text) <= room + SLACK:
        return
    shown = elide_words(text, metrics, room)
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    if not isinstance(view.itemDelegate(), WordElideDelegate) or not _allowed_cut(text, shown, tip):
        report.cut(view, f"cell ({index.row()}, {index.column()}) {text!r} needs more than {room} px")
