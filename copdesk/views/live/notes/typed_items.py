"""Quick items typed in their fields but not added: named for the end and close questions, or kept in the notes when
nobody is there to answer (:meth:`LiveSession.watch_typed_not_added`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from copdesk.core.text import shortened

UNADDED_QUOTE_LENGTH = 50  # a quick item typed but not added, as the end and close questions quote it
KEPT_ITEMS_HEADING = "Typed but not added when the computer closed CoPDesk:"  # TypedItems.keep_in_notes


class TypedItems:
    def __init__(
        self, fields: Sequence[tuple[str, QLineEdit]], notes: QPlainTextEdit, session_open: Callable[[], bool]
    ) -> None:
        """``fields`` name each quick item's field ("the action", its field); ``notes`` is the session's notes, which
        take what is kept while ``session_open`` says a session is loaded."""
        self.fields, self.notes, self.session_open = fields, notes, session_open

    def named(self) -> list[str]:
        """Each quick item typed in its field but not added (the facilitator may still be choosing its owner or
        where to take it), named for the end and close questions: the action “Share the checklist”."""
        return [f"{what} “{shortened(text, UNADDED_QUOTE_LENGTH)}”" for what, text, _ in self._typed()]

    def keep_in_notes(self) -> None:
        """For a close nobody is there to answer (a log-off, SIGTERM): each quick item typed but not added goes, in
        full, at the end of the notes under :data:`KEPT_ITEMS_HEADING`, so it is saved with them and waits there
        when the session is resumed. Its field is emptied: the words are in one place."""
        typed = self._typed()
        if not self.session_open() or not typed:
            return
        lines = [KEPT_ITEMS_HEADING, *(f"- {what}: {text}" for what, text, _ in typed)]
        notes = self.notes.toPlainText()
        if notes.strip() and not notes.endswith("\n"):
            lines.insert(0, "")  # a blank line between the notes and what follows (appending starts a new line)
        self.notes.appendPlainText("\n".join(lines))
        for _, _, field in typed:
            field.clear()

    def _typed(self) -> list[tuple[str, str, QLineEdit]]:
        """``(what, text, field)`` for each quick item typed in its field, its spaces tidied: ("the action",
        "Share the checklist", the action's field)."""
        typed = ((what, " ".join(field.text().split()), field) for what, field in self.fields)
        return [(what, text, field) for what, text, field in typed if text]
