"""Closing the main window, and letting its data go unasked (the demo explored or left, a backup restored).

Closing never drops what was typed unasked: when something could not be saved, the window first asks whether to
stay open for Retry (:class:`~copdesk.views.shell.close_question.UnsavedQuestion`), the session's notes kept in a
file meanwhile where they can be; then, while a session is live, the session flow asks what should happen to it. A
close already decided (a log-off, SIGTERM, a restore, "Keep it live") asks nothing. The demo and a restore close the
window unasked, so they ask :meth:`WindowClosing.may_let_go` first. The window owns one :class:`WindowClosing`, and
its ``closeEvent`` asks :meth:`WindowClosing.may_close`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from copdesk.views.context import AppContext
    from copdesk.views.live.live_session import LiveSession
    from copdesk.views.live.notes.notes_panel import NotesPanel
    from copdesk.views.session.session_flow import SessionFlow
    from copdesk.views.shell.close_question import UnsavedQuestion
    from copdesk.views.shell.tools_after_paint import ToolsAfterPaint


class ClosingWindow(Protocol):
    """What closing reads of the main window, its data open."""

    context: AppContext
    live_session: LiveSession
    session_flow: SessionFlow
    tools: ToolsAfterPaint

    def close(self) -> bool: ...


class WindowClosing:
    """``notes_pane()``: the Live page's notes pane, or None while that page is not built (nothing typed in it)."""

    def __init__(self, window: ClosingWindow, notes_pane: Callable[[], NotesPanel | None]) -> None:
        self.window = window
        self._notes_pane = notes_pane
        self.decided = False  # set once closing is settled: a live session is then left live, unasked
        self._anyway_accepted = False  # for one close: the facilitator chose to close with something unsaved
        self.unsaved_question: UnsavedQuestion | None = None

    @property
    def _parent(self) -> QWidget:
        assert isinstance(self.window, QWidget)  # the questions and messages belong to the window
        return self.window

    def without_asking(self) -> bool:
        """Close now; a live session stays live and is offered for resume (SIGTERM, a restore, "Keep it live")."""
        self.decided = True
        return self.window.close()

    def may_let_go(self, title: str) -> bool:
        """Whether the window may let its data go unasked (the demo explored or left, a restore): nothing waits for
        Retry, and the notes, with any quick item typed but not added moved in (as a log-off does), are saved or kept in
        a file. If not, it says so under ``title`` and stays, all typed in place (or a log-off closed it meanwhile)."""
        from PySide6.QtWidgets import QMessageBox

        from copdesk.views.shell.close_question import CHANGE_WAITING, NOTES_NOT_KEPT
        from copdesk.views.widgets.forms import tell

        window = self.window
        if window.context.writes.failing:  # closing would drop it: a tick, or words held for Retry
            tell(self._parent, QMessageBox.Icon.Warning, title, CHANGE_WAITING)
            return False
        window.live_session.keep_typed_not_added()  # a quick item typed but not added: into the notes, saved with them
        notes = self._notes_pane()
        if notes is None or notes.flush():
            return True
        kept, not_kept, _kept_before = self._keep_unsaved_notes()
        if window.tools.closed:  # a log-off closed the window while the file was written: CoPDesk is quitting
            return False
        if kept is None:
            tell(self._parent, QMessageBox.Icon.Warning, title, NOTES_NOT_KEPT.format(why=not_kept))
        return kept is not None

    def may_close(self) -> bool:
        """From the window's ``closeEvent``, its tools built: whether it closes now. If not, a question is up, and
        decides. Whatever is decided, the notes are saved first, or kept in a file at the close itself, unless kept
        there already as they are (at the question, or by :meth:`may_let_go`): one write, not two."""
        notes = self._notes_pane()
        notes_saved = notes is None or notes.flush()  # whatever is decided next
        saved = notes_saved and not self.window.context.writes.failing  # nothing else waits for Retry either
        close_anyway, self._anyway_accepted = self._anyway_accepted, False
        if not (saved or self.decided or close_anyway):
            self._ask_about_unsaved()
            if not self.decided:
                return False
        asking = not self.decided
        if asking and self.window.session_flow.ask_before_closing(self.without_asking, notes_saved) is not None:
            return False  # the question decides; the window stays until it is answered
        if not notes_saved:
            self._keep_unsaved_notes()  # at the close itself, unless kept as they are: the file ends with the last key
        return True

    def _ask_about_unsaved(self) -> None:
        from copdesk.views.shell.close_question import UnsavedQuestion

        if self.unsaved_question is not None and self.unsaved_question.isVisible():
            self.unsaved_question.raise_()  # asked already: closing again does not stack a second question
            return
        kept, not_kept, kept_before = self._keep_unsaved_notes()
        if self.decided:  # a log-off while the file was written (Qt ignores its close during this one)
            return
        question = UnsavedQuestion(self._parent, kept=kept, not_kept=not_kept, kept_before=kept_before)
        self.unsaved_question = question
        question.close_anyway.connect(self._close_anyway)
        question.open()

    def _keep_unsaved_notes(self) -> tuple[Path | None, str | None, Path | None]:
        """The notes that could not be saved, kept in a file (:meth:`NotesPanel.keep_at_close`)."""
        notes = self._notes_pane()
        return (None, None, None) if notes is None else notes.keep_at_close()

    def _close_anyway(self) -> None:
        self._anyway_accepted = True
        self.window.close()
