"""How the roster's tiles fit the room the pane has: two-line tiles for up to twelve people, else (or when they cannot
fit) one-line tiles, in as many columns as the width takes, so 30 people fit a 1366x768 screen without scrolling."""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QSize

COMPACT_ABOVE = 12


class TileMetrics(NamedTuple):
    min_height: int
    good_height: int  # tall enough that wider tiles (fewer columns) are worth more than taller ones
    max_height: int
    min_width: int
    comfortable_width: int  # wide enough for most names whole, badge included


class GridFit(NamedTuple):
    columns: int
    rows: int
    tile: QSize
    compact: bool


FULL_TILE = TileMetrics(min_height=38, good_height=58, max_height=58, min_width=150, comfortable_width=200)
COMPACT_TILE = TileMetrics(min_height=22, good_height=26, max_height=30, min_width=114, comfortable_width=150)


def tile_layouts(count: int) -> tuple[TileMetrics, ...]:
    """The tiles to try, best first: two-line tiles for up to twelve people, else (or failing that) one-line."""
    return (COMPACT_TILE,) if count > COMPACT_ABOVE else (FULL_TILE, COMPACT_TILE)


def most_columns(count: int, width: int, metrics: TileMetrics) -> int:
    return max(1, min(max(count, 1), width // metrics.min_width))


def smallest_height(count: int, width: int) -> int:
    """The least height that shows every tile: one-line tiles at their smallest, in every column the width takes."""
    return math.ceil(max(count, 1) / most_columns(count, width, COMPACT_TILE)) * COMPACT_TILE.min_height


def comfortable_height(count: int, width: int) -> int:
    """The height at which the preferred tiles are at their most comfortable and most names are whole."""
    metrics = tile_layouts(count)[0]
    columns = max(1, min(max(count, 1), width // metrics.comfortable_width))
    return math.ceil(max(count, 1) / columns) * metrics.max_height


def fit_grid(count: int, width: int, height: int) -> GridFit:
    """The grid with the fewest columns (the widest tiles, so names stay whole) whose tiles are of a good height;
    failing that, the tallest tiles that fit wide enough for most names whole, else the tallest that fit.

    Two-line tiles are preferred for up to twelve people; when they cannot fit, one-line tiles are used.
    When even the narrowest one-line tiles cannot all fit, the densest grid the width allows is returned and
    the view scrolls as a last resort, rather than hiding anyone.
    """
    count = max(count, 1)
    for metrics in tile_layouts(count):
        fits = []
        for columns in range(1, most_columns(count, width, metrics) + 1):
            rows = math.ceil(count / columns)
            tile_height = min(metrics.max_height, height // rows)
            if tile_height >= metrics.min_height:
                fits.append(GridFit(columns, rows, QSize(width // columns, tile_height), metrics is COMPACT_TILE))
        if fits:
            good = next((fit for fit in fits if fit.tile.height() >= metrics.good_height), None)
            # Short of a good height, tiles wide enough for whole names beat taller ones that cut them.
            roomy = [fit for fit in fits if fit.tile.width() >= metrics.comfortable_width]
            return good or max(roomy or fits, key=lambda fit: (fit.tile.height(), -fit.columns))
    columns = most_columns(count, width, COMPACT_TILE)
    rows = math.ceil(count / columns)
    return GridFit(columns, rows, QSize(max(1, width // columns), COMPACT_TILE.min_height), True)
