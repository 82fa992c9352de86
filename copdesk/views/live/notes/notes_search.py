"""Search the team's notes (Ctrl+F): SQLite FTS5, matches shown in context with the session date.

Notes, learning points, parked items, issues (their titles, what was said when one was raised and how it was
resolved), actions and escalation outcomes are all searched: the team's (the team chosen at the top, or during a
session, the session's), unless *All my teams* is chosen. A facilitator of two teams' CoPs may search with one team
watching on Teams, and the other team's case discussions are not theirs to see: so each opening searches the one
team again, whatever was chosen last, and *All my teams* cannot be chosen while the share-safe view is open. The
results list shows each match in its sentence
with the words highlighted; the selected one is shown whole below. All text is escaped before it is styled, so a
note can never become markup. A match's words can be corrected where it is found (Enter, a double-click, or
"Correct the words…": :mod:`copdesk.views.live.notes.correct_words`), which is how a name is taken out of an
ended session's record.

A search takes a quarter of a second on ten years of notes, so it runs in a worker thread on a read-only connection
of its own (:func:`copdesk.store.search.search_notes_beside`), and typing never waits for it: words typed since
supersede it (it stops, and its matches are never shown), and the dialog says it is searching meanwhile. Closing
the dialog never waits long for it.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QDialog, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from copdesk.core.dates import format_uk
from copdesk.core.fts import split_highlights, typed_words_pattern
from copdesk.core.text import counted
from copdesk.store.errors import StoreError
from copdesk.store.search import NoteHit, search_notes_beside
from copdesk.store.teams import get_team
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_notes_search import Ui_NotesSearchDialog
from copdesk.views.widgets.background import NewestOnly
from copdesk.views.widgets.forms import hold_characters
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.row_model import Column, RowTableModel
from copdesk.views.widgets.tables import configure_table

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from copdesk.core.model import Team
    from copdesk.views.live.notes.correct_words import CorrectWordsDialog

SEARCH_DELAY_MS = 200
QUERY_LENGTH = 200  # characters: a dozen words are searched (core.fts.MAX_QUERY_WORDS), at most
SEARCHING = "Searching…"
EVERY_TEAM = "every team's"
TEAM_COLUMN = 1  # hidden when one team is searched: it would say the same on every row
MATCH_COLUMN = 3
# The team and where a match was (an issue's title can be long) fit their words up to this many pixels, and are
# elided beyond (whole on hover), so the match itself is never pushed out of sight to the right.
FITTED_COLUMNS = {1: 230, 2: 200}
DOCUMENT_MARGIN = 2
ELISION_SLACK = 2  # pixels: a laid-out line can be a little wider than the sum of its runs' advances
ELLIPSIS = "…"
MOST_MARKED = 1000
_MARK = "background-color: #ffe08a; color: #1d232b; font-weight: 600;"


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """The snippet on one line, as (text, matched) runs."""
    return split_highlights(snippet.replace("\n", " "))


def snippet_html(runs: list[tuple[str, bool]]) -> str:
    """The runs with the matches marked, every character of the note escaped."""
    return "".join(
        f'<span style="{_MARK}">{html.escape(text)}</span>' if hit else html.escape(text) for text, hit in runs
    )


def elide_runs(runs: list[tuple[str, bool]], width: float, font: QFont) -> list[tuple[str, bool]]:
    """The runs cut to ``width`` pixels with "…" at the end, as a plain text cell is elided rather than clipped.

    Each run is measured in the font it is drawn in: matched words are bolder, so wider.
    """
    marked_font = QFont(font)
    marked_font.setWeight(QFont.Weight.DemiBold)
    metrics = {False: QFontMetricsF(font), True: QFontMetricsF(marked_font)}
    if sum(metrics[hit].horizontalAdvance(text) for text, hit in runs) <= width:
        return runs
    room = width - metrics[False].horizontalAdvance(ELLIPSIS)
    kept: list[tuple[str, bool]] = []
    for text, hit in runs:
        measure = metrics[hit].horizontalAdvance
        fits = bisect_right(range(len(text) + 1), room, key=lambda n: measure(text[:n])) - 1
        if fits > 0:
            kept.append((text[:fits], hit))
            room -= measure(text[:fits])
        if fits < len(text):
            break
    return [*kept, (ELLIPSIS, False)]


def highlight_words(text: str, typed: str) -> str:
    """``text`` escaped, with the first :data:`MOST_MARKED` words starting like a searched word marked (the FTS
    match is by stem): a pasted document can hold a word many thousand times, each mark slowing the preview."""
    pattern = typed_words_pattern(typed)
    parts, last = [], 0
    for match in islice(pattern.finditer(text), MOST_MARKED) if pattern is not None else ():
        parts.append(html.escape(text[last : match.start()]))
        parts.append(f'<span style="{_MARK}">{html.escape(match.group(0))}</span>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts).replace("\n", "<br>")


def _plain(snippet: str) -> str:
    return "".join(text for text, _ in snippet_runs(snippet))


def hit_model(parent: QWidget | None = None) -> RowTableModel[NoteHit]:
    columns = [
        Column[NoteHit]("Date", lambda h: format_uk(h.session_date)),
        Column[NoteHit]("Team", lambda h: h.team_name),
        Column[NoteHit]("Where", lambda h: h.where),
        Column[NoteHit]("Match", lambda h: _plain(h.snippet)),
    ]
    return RowTableModel[NoteHit](columns, {Qt.ItemDataRole.UserRole + 1: lambda h: h.snippet}, parent)


class SnippetDelegate(QStyledItemDelegate):
    """Draws the match column as rich text, so the matched words stand out in their sentence, elided to fit."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        snippet = str(index.data(Qt.ItemDataRole.UserRole + 1) or "")
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(DOCUMENT_MARGIN)
        room = option.rect.width() - 2 * DOCUMENT_MARGIN - ELISION_SLACK
        document.setHtml(snippet_html(elide_runs(snippet_runs(snippet), room, option.font)))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()


class NotesSearchDialog(QDialog):
    corrected = Signal()  # a match's words were corrected: lists elsewhere that show them are out of date

    def __init__(
        self,
        context: AppContext,
        team_to_search: Callable[[], int | None],
        share_view: QAction,
        parent: QWidget | None = None,
    ) -> None:
        """``team_to_search`` names the team searched unless *All my teams* is chosen (``None``: there is no team
        yet); ``share_view`` is the share-safe view's action, checked while that view is open."""
        super().__init__(parent)
        self.ui = Ui_NotesSearchDialog()
        self.ui.setupUi(self)
        self.context = context
        ui = self.ui
        self.query_edit, self.summary = ui.queryEdit, ui.summaryLabel
        hold_characters(self.query_edit, QUERY_LENGTH)
        self.this_team, self.all_teams, self.scope_note = ui.thisTeamRadio, ui.allTeamsRadio, ui.scopeNoteLabel
        keeps_room = self.scope_note.sizePolicy()
        keeps_room.setRetainSizeWhenHidden(True)  # hidden, it still keeps the two choices side by side at the left
        self.scope_note.setSizePolicy(keeps_room)
        self._team_to_search = team_to_search
        self._share_view = share_view
        self._team: Team | None = None  # the team searched, read as each search is asked
        self.table, self.preview = ui.matchesTable, ui.previewBrowser
        self.model = hit_model(self)
        self.table.setModel(self.model)
        configure_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        for column in FITTED_COLUMNS:
            header.setSectionResizeMode(column, header.ResizeMode.Interactive)
        header.setSectionResizeMode(MATCH_COLUMN, header.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(MATCH_COLUMN, SnippetDelegate(self.table))
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        ui.splitter.setStretchFactor(0, 3)  # Designer has no stretch factors for a splitter's parts
        ui.splitter.setStretchFactor(1, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(self._timer.start)
        self.query_edit.returnPressed.connect(self.run_search)
        self.message, self.correct_button = ui.messageLabel, ui.correctButton
        self.correcting: CorrectWordsDialog | None = None  # the correction open, if any
        self.correct_button.clicked.connect(self.correct_selected)
        self.table.activated.connect(self.correct_selected)  # Enter on a match, or a double-click
        self._searching = NewestOnly(partial(_found_beside, context.db_path), "copdesk-note-search", self)
        self._searching.done.connect(self._found)
        self._searched = ""  # the words of the matches shown
        self._reselect: NoteHit | None = None  # a match just corrected, selected again once the search is back
        self.all_teams.toggled.connect(self._scope_changed)
        share_view.toggled.connect(self._sharing_changed)
        self.finished.connect(self._forget_search)
        self.run_search()

    def open_with_focus(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def _forget_search(self) -> None:
        """Closed: the next Ctrl+F opens empty, on this team's notes. It may come mid-session with the screen shared,
        and the last search (a colleague's name, looked for to correct it, or every team's notes) would otherwise be
        shown again, matches and all. A search under way is let go: the close waits a moment at most for it to give
        up (one held by a slow disk or a share that stopped answering ends on its own), and its matches are never
        shown."""
        self.query_edit.clear()
        self.this_team.setChecked(True)
        self.run_search()
        self._searching.abandon()

    def run_search(self) -> None:
        """Search for the words typed, in the worker: the matches are shown when they come. No words: none, now."""
        self._timer.stop()
        self._reselect = None
        team_id = self._show_scope()
        typed = self.query_edit.text()
        if not typed.strip():
            self._searching.drop()
            self._show_matches(typed, [])
            return
        self.summary.setText(SEARCHING)
        self._searching.ask((typed, team_id))

    def _show_scope(self) -> int | None:
        """Read the team to search and say which it is; the team's id, or ``None`` to search every team's notes
        (*All my teams*, never while the share-safe view is open, or no team yet)."""
        team_id = self._team_to_search()
        self._team = team = get_team(self.context.db, team_id) if team_id is not None else None
        shared = self._share_view.isChecked()
        self.this_team.setText(f"&This team: {team.name.replace('&', '&&')}" if team is not None else "&This team")
        self.all_teams.setEnabled(team is not None and not shared)
        self.scope_note.setVisible(shared)
        every_team = team is None or (self.all_teams.isChecked() and not shared)
        self.table.setColumnHidden(TEAM_COLUMN, not every_team)
        self.query_edit.setPlaceholderText(
            f"Words to find in {self._whose(every_team)} notes, issues, actions and escalations"
        )
        return None if every_team or team is None else team.id

    def _whose(self, every_team: bool) -> str:
        return EVERY_TEAM if every_team or self._team is None else f"{self._team.name}'s"

    def _scope_changed(self) -> None:
        """This team or all: the matches shown go at once (another team's off the screen now, not when the search
        is back), and the words are searched again."""
        self._show_matches(self.query_edit.text(), [])
        self.run_search()

    def team_changed(self) -> None:
        """Another team is the one to search, with the dialog open beside the window (chosen at the top, or a
        session of another team started, which chooses it): the team before's matches go at once, and the words are
        searched in the new team's notes, *All my teams* given up as at each opening."""
        if not self.isVisible() or self._team_to_search() == (self._team.id if self._team is not None else None):
            return
        if self.all_teams.isChecked():
            self.this_team.setChecked(True)  # searches again
        else:
            self._scope_changed()

    def _sharing_changed(self, shared: bool) -> None:
        """The share-safe view opened (or closed) with the dialog open: every team's matches go, this team's are
        searched."""
        if shared and self.all_teams.isChecked():
            self.this_team.setChecked(True)  # searches again
        else:
            self._show_scope()

    def _found(self, outcome: object) -> None:
        if isinstance(outcome, StoreError):
            self.summary.setText("")
            show_message(self.message, str(outcome), error=True)
            return
        if isinstance(outcome, BaseException):
            raise outcome  # a fault: the crash log has it, and the window's banner says so
        typed, hits = cast(tuple[str, list[NoteHit]], outcome)
        self._show_matches(typed, hits)

    def _show_matches(self, typed: str, hits: list[NoteHit]) -> None:
        self._searched = typed
        self.model.set_rows(hits)
        header = self.table.horizontalHeader()
        for column, widest in FITTED_COLUMNS.items():  # never narrower than its heading, as with nothing found
            fitted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            self.table.setColumnWidth(column, min(fitted, widest))
        every_team = not self.table.isColumnHidden(TEAM_COLUMN)
        whose = self._whose(every_team)
        if not typed.strip():
            self.summary.setText(f"Type a word or two to search {whose} notes.")
        elif not hits:
            wider = ", or search all your teams (Alt+A)" if self.all_teams.isEnabled() and not every_team else ""
            self.summary.setText(f"No matches in {whose} notes. Try fewer words, or the start of a word{wider}.")
        else:
            self.summary.setText(f"{counted(len(hits), 'match', 'matches')} in {whose} notes, best first.")
        self.preview.clear()
        self.correct_button.setEnabled(bool(hits))
        show_message(self.message, "", error=False)
        if hits:
            self.table.selectRow(0)
        if self._reselect is not None:
            self._select_corrected(self._reselect)
            self._reselect = None

    def correct_selected(self) -> None:
        """Open the selected match's words to correct them (window-modal, never a nested event loop); once saved,
        the search runs again to show them, the same match still selected if it still matches."""
        from copdesk.views.live.notes.correct_words import CorrectWordsDialog  # not needed until asked

        index = self.table.currentIndex()
        if not index.isValid() or self.correcting is not None:  # one at a time: a second Enter before it shows
            return
        hit = self.model.row_at(index.row())
        dialog = self.correcting = CorrectWordsDialog(self.context, hit, self)
        dialog.finished.connect(self._correction_closed)
        dialog.accepted.connect(lambda: self._corrected(hit))
        # Once the Enter that asked has gone: passed on to this dialog, it would press the new one's Save.
        QTimer.singleShot(0, dialog, dialog.open)

    def _correction_closed(self) -> None:
        if self.correcting is not None:
            self.correcting.deleteLater()
            self.correcting = None

    def _corrected(self, hit: NoteHit) -> None:
        self.run_search()
        self._reselect = hit
        self.corrected.emit()

    def _select_corrected(self, hit: NoteHit) -> None:
        same = [
            row
            for row, found in enumerate(self.model.rows())
            if (found.source, found.row_id) == (hit.source, hit.row_id)
        ]
        if same:
            self.table.selectRow(same[0])
        gone = "" if same else " It no longer matches the search."
        show_message(self.message, f"Corrected: {hit.where}.{gone}", error=False)

    def _show_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.preview.clear()
            return
        hit = self.model.row_at(index.row())
        body = highlight_words(hit.text, self._searched)
        team = [] if self.table.isColumnHidden(TEAM_COLUMN) else [hit.team_name]
        heading = html.escape(" · ".join([format_uk(hit.session_date), *team, hit.where]))
        self.preview.setHtml(f"<p><b>{heading}</b></p><p>{body}</p>")


def _found_beside(
    db_path: Path, request: tuple[str, int | None], superseded: Callable[[], bool]
) -> tuple[str, list[NoteHit]]:
    """In the worker: the matches of the words in the team's notes (every team's with ``None``), with the words."""
    typed, team_id = request
    return typed, search_notes_beside(db_path, typed, superseded, team_id=team_id)
