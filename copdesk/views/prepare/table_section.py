"""The shape of most Prepare sections: a summary line over a table sized to its rows, shown a review pack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from copdesk.core.model import Team
from copdesk.core.review import ReviewPack
from copdesk.views.widgets.labels import hint_label
from copdesk.views.widgets.tables import CompactTable, configure_table

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
        self.table = CompactTable()
        self.table.setAccessibleName(accessible_name)
        self.table.setModel(self.model)
        configure_table(self.table)
        self.body.addWidget(self.table)

    def show_rows(self, rows: Sequence[Any], most: int = TABLE_ROWS) -> None:
        """Show the rows, the table as tall as them, up to ``most`` (:meth:`CompactTable.fit_rows`)."""
        self.model.set_rows(rows)
        self.table.fit_rows(max(1, min(len(rows), most)))
        self.table.setVisible(bool(rows))
