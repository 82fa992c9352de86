"""The roster as a grid of tiles that always fits its pane: one click on a tile logs a contribution.

The grid is sized from the whole roster (not the filtered rows), so typing a filter never reflows the
tiles under the facilitator's pointer (:mod:`copdesk.views.live.participation.roster_grid`). Up to 12 people get
two-line tiles (name and role, then a bar); above that, or when two-line tiles cannot fit the room the pane has left
(the timer's banners take some), each tile is one line with its bar behind the name, in as many columns as the width
takes: that is how 30 people fit a 1366x768 screen without scrolling. The view's minimum height is what the one-line
grid needs at the current width, so the window's splitter never squeezes the roster into scrolling.
Colours come from the stylesheet through ``qproperty-`` so the tiles follow the light and dark themes.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from copdesk.core.model import Role
from copdesk.views.live.participation.roster_grid import (
    COMPACT_TILE,
    FULL_TILE,
    comfortable_height,
    fit_grid,
    smallest_height,
)
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.widgets.labels import fitted_apart, fitted_name
from copdesk.views.widgets.stylable import colour_property

COMPACT_BAR_HEIGHT = 3  # a one-line tile's bar: slim, so the name above it stays easy to read
PREFERRED_WIDTH = 256  # QListView's own: the window's splitters share the width, the roster only asks for height


LEFT_OPACITY = 0.5  # someone who has left: their tile keeps its place and number key, faded and dashed


class RosterDelegate(QStyledItemDelegate):
    """Paints one person: number key, name, role badge, a bar with its figure, and the quiet-voice cue; a tile of
    someone who has left is faded, with a dashed border and when they left."""

    def __init__(self, view: RosterView) -> None:
        super().__init__(view)
        self.view = view
        self.shown_names: dict[int, tuple[str, str]] = {}  # row: (name, as drawn), for the text-fit check
        self._roster_fitted: dict[tuple[int, bool], dict[str, str]] = {}  # this paint pass: (room, bold): fitted

    def new_paint_pass(self) -> None:
        """Forget the roster's fitted names: the names, the tiles' width or the font may have changed since."""
        self._roster_fitted.clear()

    def _others_fitted(self, model: QAbstractItemModel, metrics: QFontMetrics, room: int, bold: bool) -> dict[str, str]:
        """Every name on the roster as :func:`fitted_name` fits it in ``room``, read once per paint pass."""
        key = (room, bold)
        if key not in self._roster_fitted:
            names = (str(model.index(row, 0).data(RosterRole.NAME)) for row in range(model.rowCount()))
            self._roster_fitted[key] = {name: fitted_name(name, metrics, room) for name in names}
        return self._roster_fitted[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.view.gridSize()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        view = self.view
        gap = 1 if view.compact else 3
        rect: QRect = option.rect.adjusted(2, gap, -2, -gap)
        quiet = bool(index.data(RosterRole.QUIET))
        speaking = bool(index.data(RosterRole.SPEAKING))
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        current = view.hasFocus() and view.currentIndex() == index
        left_at = str(index.data(RosterRole.LEFT_AT) or "")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(view.accent_colour if (current or speaking or hovered) else view.border_colour)
        if left_at:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(view.quiet_background if quiet else view.tile_colour)
        painter.drawRoundedRect(QRectF(rect), 5, 5)
        if left_at:
            painter.setOpacity(LEFT_OPACITY)
        if quiet:
            painter.fillRect(QRect(rect.left(), rect.top() + 3, 4, rect.height() - 6), view.quiet_colour)
        inner = rect.adjusted(8, 0, -6, 0)
        if view.compact:
            self._paint_compact(painter, inner, index, quiet, speaking)
        else:
            self._paint_full(painter, inner, index, quiet, speaking)
        painter.restore()

    def _paint_full(
        self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex, quiet: bool, speaking: bool
    ) -> None:
        """Two lines: number key, name and role badge; then the bar, its figure, and the quiet or speaking cue."""
        half = rect.height() // 2
        top = QRect(rect.left(), rect.top() + 2, rect.width(), half - 1)
        bottom = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half - 2)
        left = self._paint_shortcut(painter, top, str(index.data(RosterRole.SHORTCUT)))
        self._paint_name_and_badge(painter, QRect(left, top.top(), top.right() - left, top.height()), index, bold=True)
        figure = str(index.data(RosterRole.FIGURE))
        left_at = str(index.data(RosterRole.LEFT_AT) or "")
        cue = f"left {left_at}" if left_at else ""
        cue = cue or (
            "speaking" if speaking else (f"quiet {index.data(RosterRole.SILENT_MINUTES)} min" if quiet else "")
        )
        self._paint_bar_row(painter, bottom, float(index.data(RosterRole.BAR)), figure, cue, quiet)

    def _paint_compact(
        self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex, quiet: bool, speaking: bool
    ) -> None:
        """One line: number key, name, role badge and figure, over a slim bar along the foot of the tile."""
        fraction = max(0.0, min(1.0, float(index.data(RosterRole.BAR))))
        bar = QRectF(rect.left(), rect.bottom() - COMPACT_BAR_HEIGHT - 1, rect.width() * fraction, COMPACT_BAR_HEIGHT)
        if bar.width() > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.view.quiet_colour if quiet else self.view.accent_colour)
            painter.drawRoundedRect(bar, COMPACT_BAR_HEIGHT / 2, COMPACT_BAR_HEIGHT / 2)
        rect = rect.adjusted(0, 0, 0, -COMPACT_BAR_HEIGHT)  # the text sits above the bar
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 0.92)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        key = str(index.data(RosterRole.SHORTCUT))
        left = self._paint_shortcut(painter, rect, key) if key else rect.left()
        figure = "left" if index.data(RosterRole.LEFT_AT) else str(index.data(RosterRole.FIGURE))
        figure_width = max(metrics.horizontalAdvance(figure), metrics.horizontalAdvance("00"))
        painter.setPen(self.view.palette().text().color())
        figure_rect = QRect(rect.right() - figure_width, rect.top(), figure_width, rect.height())
        painter.drawText(figure_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figure)
        name_rect = QRect(left, rect.top(), figure_rect.left() - 6 - left, rect.height())
        self._paint_name_and_badge(painter, name_rect, index, bold=speaking)

    def _paint_name_and_badge(
        self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex, *, bold: bool
    ) -> None:
        """The name, whole if possible, with the longest role badge that still fits beside it at the right of ``rect``.

        A badge gives way before any of the name does (a practitioner's, most of any team, is left out of one-line
        tiles altogether), so names stay whole and readable; the role is always in the tile's tooltip and
        accessible text. A name too long for the tile on its own gives way by its last word first ("Priya L."), then
        is cut between words; it is whole on hover.
        """
        font = QFont(painter.font())
        font.setBold(bold)
        name_metrics = QFontMetrics(font)
        name = str(index.data(RosterRole.NAME))
        name_width = name_metrics.horizontalAdvance(name)
        practitioner = index.data(RosterRole.ROLE) == Role.PRACTITIONER.value
        labels = [str(index.data(RosterRole.ROLE_BADGE))]
        if not self.view.compact:
            labels.insert(0, str(index.data(RosterRole.ROLE_LABEL)))
        elif practitioner:
            labels = []
        badge = next(
            (label for label in labels if name_width + 6 + self._badge_width(painter, label) <= rect.width()), ""
        )
        badge_width = self._paint_badge(painter, rect, badge) + 6 if badge else 0
        painter.save()
        painter.setFont(font)
        painter.setPen(self.view.palette().text().color())
        room = max(0, rect.width() - badge_width)
        elided = fitted_name(name, name_metrics, room)
        if elided != name:  # cut: it must not read as another tile does (the whole roster is read only then)
            fitted = self._others_fitted(index.model(), name_metrics, room, bold)
            twins = [other for other, text in fitted.items() if text == elided]
            elided = fitted_apart(name, twins, name_metrics, room)
        self.shown_names[index.row()] = (name, elided)  # what the tile shows, for the text-fit check
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()

    def _paint_shortcut(self, painter: QPainter, rect: QRect, key: str) -> int:
        """The number key, boxed on a two-line tile and a bare digit on a one-line tile; returns where the
        name may start."""
        painter.save()
        painter.setPen(self.view.muted_colour)
        if self.view.compact:
            width = QFontMetrics(painter.font()).horizontalAdvance("9") + 5
            painter.drawText(QRect(rect.left(), rect.top(), width, rect.height()), Qt.AlignmentFlag.AlignVCenter, key)
            painter.restore()
            return rect.left() + width
        side = min(rect.height() - 2, 18)
        box = QRect(rect.left(), rect.center().y() - side // 2, side, side)
        if key:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            font = QFont(painter.font())
            font.setPointSizeF(font.pointSizeF() * 0.8)
            painter.setFont(font)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, key)
        painter.restore()
        return box.right() + 6

    @staticmethod
    def _badge_font(painter: QPainter) -> QFont:
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 0.8)
        return font

    def _badge_width(self, painter: QPainter, text: str) -> int:
        return QFontMetrics(self._badge_font(painter)).horizontalAdvance(text) + 10

    def _paint_badge(self, painter: QPainter, rect: QRect, text: str) -> int:
        """A role pill at the right of ``rect``; returns its width."""
        width = self._badge_width(painter, text)  # measured before the badge font is set, as it is for layout
        font = self._badge_font(painter)
        painter.save()
        painter.setFont(font)
        height = QFontMetrics(font).height() + 2
        pill = QRect(rect.right() - width, rect.center().y() - height // 2, width, height)
        painter.setPen(self.view.muted_colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        return width

    def _paint_bar_row(
        self, painter: QPainter, rect: QRect, fraction: float, figure: str, cue: str, quiet: bool
    ) -> None:
        metrics = QFontMetrics(painter.font())
        figure_width = max(metrics.horizontalAdvance(figure), metrics.horizontalAdvance("000"))
        cue_width = metrics.horizontalAdvance(cue) + 8 if cue else 0
        bar_rect = QRect(rect.left(), rect.center().y() - 4, rect.width() - figure_width - cue_width - 8, 9)
        self._paint_bar(painter, bar_rect, fraction, quiet)
        painter.setPen(self.view.palette().text().color())
        figure_rect = QRect(bar_rect.right() + 6, rect.top(), figure_width, rect.height())
        painter.drawText(figure_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figure)
        if cue:
            painter.setPen(self.view.quiet_colour if quiet else self.view.accent_colour)
            cue_rect = QRect(figure_rect.right() + 8, rect.top(), cue_width, rect.height())
            painter.drawText(cue_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, cue)

    def _paint_bar(self, painter: QPainter, rect: QRect, fraction: float, quiet: bool) -> None:
        if rect.width() <= 0:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.view.track_colour)
        painter.drawRoundedRect(QRectF(rect), rect.height() / 2, rect.height() / 2)
        filled = QRectF(rect.left(), rect.top(), rect.width() * max(0.0, min(1.0, fraction)), rect.height())
        if filled.width() > 0:
            painter.setBrush(self.view.quiet_colour if quiet else self.view.accent_colour)
            painter.drawRoundedRect(filled, rect.height() / 2, rect.height() / 2)


class RosterView(QListView):
    """Tiles in a wrapping grid. ``member_chosen`` fires on a click or Enter; "/" asks for the name filter.

    Letters are left alone: the window's single-letter keys (N for the next segment, Q for the next
    question) must keep working while the roster has the focus, so a name is found with "/" and typing.
    """

    member_chosen = Signal(int)
    find_requested = Signal()

    accent_colour = colour_property("accent_colour", "#1f6f78")
    border_colour = colour_property("border_colour", "#d5dae0")
    tile_colour = colour_property("tile_colour", "#eef1f4")
    track_colour = colour_property("track_colour", "#dcefef")
    muted_colour = colour_property("muted_colour", "#5b6673")
    quiet_colour = colour_property("quiet_colour", "#b86e00")
    quiet_background = colour_property("quiet_background", "#fff1d6")

    def __init__(self, parent: QWidget | None = None) -> None:
        self.colours: dict[str, QColor] = {}
        super().__init__(parent)
        self.setObjectName("rosterView")
        self.setAccessibleName("People present: click a name to log a contribution")
        self.roster_size = 0
        self.grid_fit = fit_grid(0, FULL_TILE.min_width, FULL_TILE.max_height)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tiles = RosterDelegate(self)
        self.setItemDelegate(self.tiles)
        self.clicked.connect(self._choose)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.tiles.new_paint_pass()  # each pass reads the roster's names afresh, once
        super().paintEvent(event)

    @property
    def compact(self) -> bool:
        """One-line tiles: for more than twelve people, or when two-line tiles do not fit the room there is."""
        return self.grid_fit.compact

    def set_roster_size(self, size: int) -> None:
        self.roster_size = size
        self.updateGeometry()
        self._fit()

    def _tile_area_width(self) -> int | None:
        """The width the tiles share (as :meth:`_fit` measures it), once a layout has given the view its width."""
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return None  # still at its default size: its width says nothing about the pane's yet
        return self.width() - 2 * self.frameWidth() - 1

    def minimumSizeHint(self) -> QSize:
        """Tall enough for every tile at its smallest at the current width, so the window's splitter makes
        room for the whole roster rather than leaving some of it to scroll."""
        width = self._tile_area_width()
        rows_height = COMPACT_TILE.min_height if width is None else smallest_height(self.roster_size, width)
        return QSize(COMPACT_TILE.min_width, rows_height + 1 + 2 * self.frameWidth())

    def sizeHint(self) -> QSize:
        """The height for comfortable tiles: what the participation pane asks its splitter for."""
        width = self._tile_area_width() or FULL_TILE.comfortable_width
        return QSize(PREFERRED_WIDTH, comfortable_height(self.roster_size, width) + 1 + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the minimum height depends on how many columns the width allows
        self._fit()

    def _fit(self, *, again: bool = True) -> None:
        area = self.viewport().size()
        fit = fit_grid(self.roster_size, area.width() - 1, area.height() - 1)
        overflow = fit.rows * fit.tile.height() > area.height()
        # A scroll bar only when the grid cannot fit: QListView would otherwise show an empty one while wrapping.
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if overflow else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setVerticalScrollBarPolicy(policy)
        if again and self.viewport().size() != area:  # the scroll bar went (or came): fit the width it left
            self._fit(again=False)
            return
        relayout = fit.compact != self.grid_fit.compact
        self.grid_fit = fit
        if fit.tile != self.gridSize():
            self.setGridSize(fit.tile)
        elif relayout:
            self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            return
        if event.key() == Qt.Key.Key_Slash:
            self.find_requested.emit()
            return
        super().keyPressEvent(event)

    def _choose(self, index: QModelIndex) -> None:
        member_id = index.data(RosterRole.MEMBER_ID)
        if member_id is not None:
            self.member_chosen.emit(int(member_id))
