"""The shape of most Prepare sections: a summary line over a table sized to its rows, shown a review pack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtWidgets import QHBoxLayout, QTableView, QVBoxLayout, QWidget

from copdesk.core.model import Team
from copdesk.core.review import ReviewPack
from copdesk.views.widgets.labels import hint_label
from copdesk.views.widgets.tables import configure_table

TABLE_ROWS = 5


class PackSection(Protocol):
    def show_pack(self, pack: ReviewPack, team: Team) -> None: ...


class TableSection(QWidget):
    """A summary line over a table sized to its rows: the shape of most Prepare sections.

    ``summary_row`` holds the summary and has room for controls beside it; ``body`` is the section's layout.
    """

    def __init__(self, make_model: Callable[[QWidget], Any], accessible_name: str) -> None:
        super().__init__()
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.summary_row = QHBoxLayout()
        self.summary = hint_label()
        self.summary_row.addWidget(self.summary, 1)
        self.body.addLayout(self.summary_row)
        self.model = make_model(self)
        self.table = QTableView()
        self.table.setAccessibleName(accessible_name)
        self.table.setModel(self.model)
        configure_table(self.table)
        self.body.addWidget(self.table)

    def show_rows(self, rows: Sequence[Any], most: int = TABLE_ROWS) -> None:
        """Show the rows, the table sized to them (up to ``most``) so a short list leaves no empty box, and to whole
        rows, so a longer one shows no sliver of the row after the last (it reads as a row cut in half)."""
        self.model.set_rows(rows)
        shown = max(1, min(len(rows), most))
        header = self.table.horizontalHeader().sizeHint().height()  # its height once laid out, which it may not be
        rows_height = shown * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows_height + 2 * self.table.frameWidth())
        self.table.setVisible(bool(rows))
