"""Bar charts for the HTML reports, drawn as SVG text in Python: no script, no library, nothing fetched.

A chart is embedded as an ``<img>`` with a ``data:image/svg+xml`` URL rather than as an inline ``<svg>``
element: browsers show both, but Qt's rich text (the GUI preview, and QTextDocument for PDF) only draws the
image form. An SVG loaded as an image cannot run script, and every label is XML-escaped before it is drawn.
Each chart sits beside a table holding the same figures, so the numbers never depend on seeing the picture.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from typing import NamedTuple

from copdesk.core.report_text import escape_html, one_line
from copdesk.core.text import shortened

# Colour-blind-safe pair (Okabe-Ito blue and orange) on white, with dark text.
SERIES_COLOURS = ("#0072b2", "#e69f00")
_TEXT = "#1a1a1a"
_GRID = "#cccccc"
_FONT = "font-family='sans-serif'"
_MIN_LABEL_SPACING = 44


class ChartSeries(NamedTuple):
    name: str
    values: tuple[float, ...]


class ReferenceLine(NamedTuple):
    value: float
    label: str


def grouped_bars(categories: Sequence[str], series: Sequence[ChartSeries], *, width: int = 620) -> str:
    """Horizontal bars, one group per category: for counts side by side (scheduled against held)."""
    label_width, bar_height, gap, top = 230, 16, 12, 30
    plot_width = width - label_width - 50
    peak = max((v for s in series for v in s.values), default=0) or 1
    group_height = bar_height * len(series) + gap
    height = top + group_height * len(categories) + 10
    parts = _legend(series, label_width)
    for index, category in enumerate(categories):
        y = top + index * group_height
        parts.append(_text(label_width - 8, y + bar_height * len(series) / 2 + 4, _short(category, 36), "end"))
        for offset, one in enumerate(series):
            value = one.values[index]
            bar_y = y + offset * bar_height
            length = plot_width * value / peak
            colour = SERIES_COLOURS[offset % len(SERIES_COLOURS)]
            parts.append(_rect(label_width, bar_y + 1, length, bar_height - 2, colour))
            parts.append(_text(label_width + length + 4, bar_y + bar_height - 4, _number(value), "start"))
    return _svg(width, height, parts)


def columns(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    maximum: float | None = None,
    reference: ReferenceLine | None = None,
    value_format: str = "{:g}",
    width: int = 560,
    height: int = 190,
) -> str:
    """Vertical columns in order of time, for a trend (attendance per session, balance per session)."""
    left, bottom, top = 36, 34, 24
    plot_height = height - bottom - top
    peak = maximum if maximum is not None else (max(values, default=0) or 1)
    slot = (width - left - 8) / max(len(values), 1)
    column = min(slot * 0.7, 48)
    parts = [
        f"<line x1='{left}' y1='{top + plot_height}' x2='{width - 4}' y2='{top + plot_height}' stroke='{_GRID}'/>",
        _text(left - 4, top + 8, value_format.format(peak), "end"),
        _text(left - 4, top + plot_height, value_format.format(0), "end"),
    ]
    label_every = math.ceil(_MIN_LABEL_SPACING / slot)  # a crowded axis labels every other column, or fewer
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + index * slot + (slot - column) / 2
        bar = plot_height * min(value, peak) / peak
        parts.append(_rect(x, top + plot_height - bar, column, bar, SERIES_COLOURS[0]))
        if index % label_every == 0:
            parts.append(_text(x + column / 2, top + plot_height - bar - 3, value_format.format(value), "middle"))
            parts.append(_text(x + column / 2, height - bottom + 16, _short(label, 10), "middle"))
    if reference is not None:
        y = top + plot_height - plot_height * reference.value / peak
        parts.append(_dashed(left, y, width - 4))
        # The key sits above the plot, where no column can cover it.
        parts.append(_dashed(width - 150, 7, width - 126))
        parts.append(_text(width - 122, 11, reference.label, "start"))
    return _svg(width, height, parts)


def chart_image(svg: str, description: str) -> str:
    """The HTML that shows a chart; ``description`` is its alt text for screen readers and text-only mail."""
    url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<p class="chart"><img src="{url}" alt="{escape_html(one_line(description))}"></p>'


def _legend(series: Sequence[ChartSeries], x: int) -> list[str]:
    parts = []
    for offset, one in enumerate(series):
        left = x + offset * 150
        parts.append(_rect(left, 6, 12, 12, SERIES_COLOURS[offset % len(SERIES_COLOURS)]))
        parts.append(_text(left + 16, 16, _short(one.name, 20), "start"))
    return parts


def _dashed(x1: float, y: float, x2: float) -> str:
    return f"<line x1='{x1:.1f}' y1='{y:.1f}' x2='{x2:.1f}' y2='{y:.1f}' stroke='{_TEXT}' stroke-dasharray='4 3'/>"


def _svg(width: int, height: int, parts: list[str]) -> str:
    body = "".join(parts)
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}'><rect width='{width}' height='{height}' fill='#ffffff'/>{body}</svg>"
    )


def _rect(x: float, y: float, width: float, height: float, colour: str) -> str:
    return f"<rect x='{x:.1f}' y='{y:.1f}' width='{max(width, 0):.1f}' height='{max(height, 0):.1f}' fill='{colour}'/>"


def _text(x: float, y: float, text: str, anchor: str) -> str:
    escaped = escape_html(one_line(text))
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' {_FONT} font-size='11' fill='{_TEXT}' text-anchor='{anchor}'>{escaped}</text>"
    )


def _short(text: str, limit: int) -> str:
    return shortened(one_line(text), limit)


def _number(value: float) -> str:
    return f"{value:g}"
