"""The notes pane (objectName ``notesPanel``): the memory of the CoP while a session is live.

At the top, "Follow up on agreed actions" from earlier sessions. Below, the session's free-text notes
and the quick items (Action, Issue, Learning, Parked, Escalation), one tab each, reached with Alt and
the underlined letter.

Nothing typed is ever lost: the free text is saved at most :data:`AUTOSAVE_MS` after a change (the
timer starts at the first change and is not pushed back by further typing, so steady typing still
saves every second), and it is flushed at once when the session ends, when another session is loaded,
when the window closes, and on SIGTERM (:mod:`copdesk.shutdown` closes the window). A save that fails (a full
disk) keeps the text in the editor and offers a retry. If the pane must let go of the text while it still cannot
be saved (the window closes, another session is loaded, the session is unloaded), it is kept in a file of its own
instead (:meth:`NotesPanel.keep_unsaved_in_file`, :mod:`copdesk.store.kept_notes`); a later save of that
session's text deletes the file again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.date_names import clock_time
from copdesk.core.model import NoteKind, Session
from copdesk.services.notes import save_session_text
from copdesk.store.notes import session_text
from copdesk.store.sessions import get_session
from copdesk.store.teams import list_members
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.notes.action_editor import ActionEditor
from copdesk.views.live.notes.follow_up import FollowUpBox
from copdesk.views.live.notes.issue_linker import IssueLinker
from copdesk.views.live.notes.kept_file import KeptFile
from copdesk.views.live.notes.notes_search import NotesSearchDialog
from copdesk.views.live.notes.session_items import EscalationsEditor, NoteItemsEditor
from copdesk.views.live.notes.typed_items import TypedItems
from copdesk.views.widgets import theme
from copdesk.views.widgets.banner import Banner, SaveGuard
from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.pane import Pane

AUTOSAVE_MS = 1000
MINIMUM_HEIGHT = 260
EDITOR_MINIMUM_LINES = 6  # room to type, however long the question or the follow-up list above
SHORT_EDITOR_LINES = 3  # in a window 640 high, beside a suggestion and the follow-up list's row
PREFERRED_HEIGHT = 440
EMPTY_MESSAGE = (
    "Start a session to take notes. Actions agreed last time will be waiting here to follow up, "
    "and everything you type is saved as you go."
)


class NotesPanel(Pane):
    NOTES_TAB, ACTION_TAB, ISSUE_TAB, LEARNING_TAB, PARKED_TAB, ESCALATION_TAB = range(6)
    words_corrected = Signal()  # corrected in note search: views that list the team's words are out of date

    def __init__(
        self,
        context: AppContext,
        live: LiveSession,
        share_view: QAction,
        current_team_id: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        """``share_view`` and ``current_team_id`` (the team chosen at the top) are for note search, which keeps to
        the team's notes (:class:`NotesSearchDialog`)."""
        super().__init__("notesPanel", "Notes", parent)
        self.context = context
        self.live = live
        self._share_view = share_view
        self._current_team_id = current_team_id
        self.session_id: int | None = None
        self.team_id: int | None = None
        self._dirty = False
        self._session: Session | None = None  # for a kept file's heading, read while the database still answered
        self._kept = KeptFile()  # where the unsaved text is kept when the pane must let go of it
        self._search: NotesSearchDialog | None = None

        self.save_status = QLabel()
        theme.set_role(self.save_status, "hint")
        self.save_status.setAccessibleName("Save status")
        self.header_tools.addWidget(self.save_status)
        self.search_button = QPushButton("Search notes")
        self.search_button.setAccessibleName("Search this team's notes")
        self.search_button.setToolTip("Search this team's notes, or all your teams' (Ctrl+F)")
        self.search_button.clicked.connect(self.open_search)
        self.header_tools.addWidget(self.search_button)

        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(6)
        self.banner = Banner("error", closable=False)
        content_layout.addWidget(self.banner)
        self.follow_up = FollowUpBox(context)
        content_layout.addWidget(self.follow_up)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Notes and quick items")
        self.tabs.setDocumentMode(True)
        # Refuses a paste that would make the note over 1 MB.
        self.editor = BoundedPlainTextEdit(minimum_lines=EDITOR_MINIMUM_LINES)
        self.editor.setObjectName("sessionNotes")
        self.editor.setAccessibleName("Session notes")
        self.editor.setPlaceholderText(
            "Notes for this session, saved as you type. Keep cases anonymised: no names, dates of birth or NHS numbers."
        )
        self.editor.textChanged.connect(self._text_changed)
        # On the Notes page, under the notes and never in their way: a warning when they look like they identify
        # someone, and the message for a paste too large to take. Behind another tab they go with the notes, so
        # no Remove acts on words out of sight.
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.setSpacing(6)
        notes_layout.addWidget(self.editor, 1)
        self.identifier_warning = IdentifierWarning(self.editor)
        notes_layout.addWidget(self.identifier_warning)
        self.paste_banner = Banner("warning")
        self.editor.refused.connect(self.paste_banner.show_message)
        notes_layout.addWidget(self.paste_banner)
        notes_page.setSizePolicy(self.editor.sizePolicy())
        self.action_editor = ActionEditor(context)
        self.issue_linker = IssueLinker(context)
        self.learning = NoteItemsEditor(context, NoteKind.LEARNING)
        self.parked = NoteItemsEditor(context, NoteKind.PARKED)
        self.escalations = EscalationsEditor(context)
        self._pages: list[QWidget] = [
            notes_page,
            self.action_editor,
            self.issue_linker,
            self.learning,
            self.parked,
            self.escalations,
        ]
        for widget, caption in zip(
            self._pages, ("&Notes", "&Action", "&Issue", "&Learning", "&Parked", "&Escalation"), strict=True
        ):
            self.tabs.addTab(widget, caption)
        # The follow-up list takes what its rows need (never more); the tabs take the rest.
        self.follow_up.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        content_layout.addWidget(self.tabs, 1)
        self._page_heights = [page.sizePolicy().verticalPolicy() for page in self._pages]
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())
        self.body.addWidget(self.content)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.flush)
        self._guard = SaveGuard(self.banner, self._write_text, self)
        for editor in (self.action_editor, self.issue_linker, self.escalations):
            editor.changed.connect(self._items_changed)

        live.add_saver(self.flush)  # ending waits until what was typed is saved
        self.typed = TypedItems(
            (
                ("the action", self.action_editor.text_edit),
                ("the issue", self.issue_linker.title_edit),
                ("the learning point", self.learning.text_edit),
                ("the parked item", self.parked.text_edit),
            ),
            self.editor,
            lambda: self.session_id is not None,
        )
        live.watch_typed_not_added(self.typed.named, self.typed.keep_in_notes)  # named, or kept when none can ask
        live.started.connect(self.load_session)
        live.ending.connect(self._session_ending)
        live.ended.connect(self.unload)
        live.repeated_issue_requested.connect(self.open_recurring_issue_linking)
        self.unload()

    def _tab_shown(self, index: int) -> None:
        """Fold the follow-up list away from the notes, and let only the page shown set the tabs' height: a taller
        page behind another tab (the Issue page) would otherwise take rows from the follow-up list above."""
        self.follow_up.set_compact(index != self.NOTES_TAB)
        for page_index, (page, height) in enumerate(zip(self._pages, self._page_heights, strict=True)):
            policy = page.sizePolicy()
            policy.setVerticalPolicy(height if page_index == index else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy)

    def set_short(self, short: bool) -> None:
        """In a short column (a window 640 high), room to type :data:`SHORT_EDITOR_LINES` lines in place of six, and
        a slimmer Search notes button, as the question pane's."""
        self.editor.minimum_lines = SHORT_EDITOR_LINES if short else EDITOR_MINIMUM_LINES
        self.editor.updateGeometry()
        self.search_button.setStyleSheet(theme.SLIM_BUTTONS if short else "")
        self.follow_up.set_short(short)

    def minimumSizeHint(self) -> QSize:
        """What the pane's content needs (the editor's lines included), and never less than a fixed floor, so
        folding the follow-up list never makes the Live page's splitter move the panes."""
        return QSize(super().minimumSizeHint().width(), self.least_height())

    def least_height(self, extra: int = 0) -> int:
        """The pane's least height were its content ``extra`` taller (the follow-up list shown)."""
        return max(super().minimumSizeHint().height() + extra, MINIMUM_HEIGHT)

    def sizeHint(self) -> QSize:
        """Ask the Live page for room to review actions and type at once; the minimum stays fixed (above)."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), PREFERRED_HEIGHT))

    # -- sessions -----------------------------------------------------------------------------------
    def load_session(self, session_id: int) -> None:
        """Show a session's notes (flushing the one shown before): a resumed session gets its text back."""
        if session_id != self.session_id:
            self._let_go()
        session = self._session = get_session(self.context.db, session_id)
        self.session_id, self.team_id = session.id, session.team_id
        stored = session_text(self.context.db, session.id)
        self.editor.blockSignals(True)
        self.editor.setPlainText(stored.text if stored else "")
        self.editor.blockSignals(False)
        self._dirty = False
        self.identifier_warning.check_loaded_text()  # a resumed session's text is checked too, between events
        members = list_members(self.context.db, session.team_id)
        self.follow_up.set_session(session.team_id, session.id)
        self.action_editor.set_session(session.team_id, session.id, members)
        self.issue_linker.set_session(session.team_id, session.id)
        self.learning.set_session(session.id)
        self.parked.set_session(session.id)
        self.escalations.set_session(session.team_id, session.id)
        self.tabs.setCurrentIndex(self.NOTES_TAB)
        self._show_saved("Saved" if stored else "")
        self.hide_empty()
        self.content.show()

    def unload(self) -> None:
        self._let_go()
        self.session_id = self.team_id = None
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.identifier_warning.check_loaded_text()  # a note still being checked is let go
        self.content.hide()
        self._show_saved("")
        self.show_empty(EMPTY_MESSAGE)

    def _session_ending(self, _session_id: int) -> None:
        """Everything typed is saved. (Carrying the open follow-ups is the end of the session's own act,
        :func:`copdesk.services.sessions.end_session`; a discarded session carries nothing.)"""
        self.flush()

    # -- autosave -----------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        if self.session_id is None:
            return
        self._dirty = True
        self._show_saved("Saving…")
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    @property
    def has_unsaved_text(self) -> bool:
        return self._dirty

    def flush(self) -> bool:
        """Save the free text now if it changed; False (and the text kept, with a Retry) if saving failed."""
        self.autosave_timer.stop()
        if not self._dirty or self.session_id is None:
            return True
        if not self._guard.run():
            self._show_saved("Not saved")
            return False
        return True

    def _let_go(self) -> None:
        """Before the editor lets go of a session's text (another session, or none): saved, or else kept in a file.

        Whatever file was kept for that session stays: only a save of the same session's text deletes it."""
        if not self.flush():
            with contextlib.suppress(OSError):  # nor in a file: the save's banner has said so, and it is all left
                self.keep_unsaved_in_file()
        self._session = None
        self._kept.forget()

    def keep_at_close(self) -> tuple[Path | None, str | None, Path | None]:
        """Keep the text that could not be saved in a file as the window closes: ``(kept, None, None)`` with its
        path; or, when that fails too, ``(None, why, earlier)`` with the file kept at an earlier question if it still
        holds the text (the facilitator may have deleted it, or its drive gone), or ``(earlier, None, None)`` when
        nothing was typed since; three Nones when nothing is unsaved."""
        if not self._dirty or self.session_id is None:
            return None, None, None
        return self._kept.at_close(self.keep_unsaved_in_file, self.editor.toPlainText())

    def keep_unsaved_in_file(self) -> Path | None:
        """Write the text that could not be saved to a file of its own, rewriting the one kept before in this run;
        return its path, or ``None`` when there is nothing unsaved. Raises ``OSError`` when that fails too. Written in
        a worker and waited for, the window painting meanwhile (a virus scanner may hold the file for a second and a
        half): the words are in the file before the pane lets go of them."""
        if not self._dirty or self.session_id is None:
            return None
        return self._kept.keep(self.context.db_path, self._session, self.editor.toPlainText(), self.context.now())

    def _write_text(self) -> None:
        """The save itself, whether autosaved, flushed or retried from the banner; once the text is stored the pane
        says so, and a file the text was kept in goes (the database has it now, and newer)."""
        if self.session_id is None:
            return
        save_session_text(self.context.db, self.session_id, self.editor.toPlainText(), self.context.now())
        self._dirty = False
        self._show_saved(f"Saved {clock_time(self.context.now())}")
        self._kept.discard()

    def _show_saved(self, text: str) -> None:
        self.save_status.setText(text)

    # -- quick items --------------------------------------------------------------------------------
    def _items_changed(self) -> None:
        """An action or issue changed: lists elsewhere in the pane that show it are refreshed."""
        self.follow_up.reload()
        self.action_editor.reload()
        self.escalations.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Back from the Prepare view, where an action's words or an issue may have changed meanwhile: the lists
        show them as they are now."""
        super().showEvent(event)
        self._show_current_words()

    def _show_current_words(self) -> None:
        if self.session_id is not None:
            self._items_changed()
            self.issue_linker.refresh_suggestions()

    def _words_corrected(self) -> None:
        """A correction made in note search: this session's lists show it, and so does the Prepare view."""
        self._show_current_words()
        self.words_corrected.emit()

    def open_recurring_issue_linking(self) -> None:
        """ "Same issue again" from the participation pane: pick the earlier issue and link it."""
        if self.session_id is None:
            return
        self.tabs.setCurrentIndex(self.ISSUE_TAB)
        self.issue_linker.show_recurring()

    def open_search(self) -> None:
        if self._search is None:
            self._search = NotesSearchDialog(self.context, self._team_to_search, self._share_view, self.window())
            self._search.corrected.connect(self._words_corrected)
        self.flush()  # what was just typed is findable too
        self._search.open_with_focus()
        self._search.run_search()

    def _team_to_search(self) -> int | None:
        """The live session's team while one is live, else the team chosen at the top."""
        return self.live.team_id if self.live.is_live else self._current_team_id()

    def team_changed(self) -> None:
        """Another team was chosen at the top: a note search open keeps to it."""
        if self._search is not None:
            self._search.team_changed()

    def close_search(self) -> None:
        """The window is closing: the search dialog closes with it, and a search under way is let go (a moment at
        most), its matches never shown. Rejected rather than closed: a log-off hides every dialog first
        (:func:`copdesk.shutdown.save_and_quit`), and a hidden dialog's close would not finish it."""
        if self._search is not None:
            self._search.reject()
