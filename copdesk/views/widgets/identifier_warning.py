"""The identifier warning: a banner under any text field when its text looks like an identifier.

It serves the free-text notes and every one-line field whose text goes into the record (an action, a
learning point, a parked item, an issue, the session topic). It never blocks typing or saving (the
facilitator is in a meeting); it names what it found, and one click replaces it with a neutral
placeholder through the field's own editing, so Ctrl+Z brings it back. The check runs shortly after
typing pauses, not on every keystroke, and checks again only what changed and what can reach it
(:class:`copdesk.core.identifier_check.IdentifierCheck`): in a 1 MB note, checking the whole text at each pause held
the window for up to a second.

Findings come from :mod:`copdesk.core.privacy` as Python string indexes (code points); Qt cursors
count UTF-16 code units, so every span is converted before it is selected, or an emoji earlier in the
note would shift the removal onto the wrong words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from copdesk.core.identifier_check import IdentifierCheck
from copdesk.core.privacy import Finding, remove_finding
from copdesk.core.text import shortened
from copdesk.views.widgets.banner import Banner
from copdesk.views.widgets.forms import utf16_offset

CHECK_DELAY_MS = 600
_KIND_WORDS = {
    "nhs-number": "an NHS number",
    "postcode": "a postcode",
    "date-of-birth": "a date of birth",
    "title-and-name": "a person's name",
}

Editor = QPlainTextEdit | QTextEdit | QLineEdit


def looks_like(findings: Sequence[Finding]) -> str:
    """One short line naming the first finding, and how many more there are ("" for none). The finding's spaces and
    line breaks read as one space: a name on the line after its title ("Mr.\nSmith") is quoted on one line."""
    if not findings:
        return ""
    others = len(findings) - 1
    more = f" (and {others} more)" if others else ""
    words = " ".join(findings[0].text.split())
    return f"“{shortened(words)}” looks like {_KIND_WORDS[findings[0].kind.value]}{more}."


class IdentifierWarning(Banner):
    def __init__(self, editor: Editor, parent: QWidget | None = None, *, delay_ms: int = CHECK_DELAY_MS) -> None:
        super().__init__("warning", parent)
        self.setObjectName("identifierWarning")
        self.editor = editor
        self.findings: Sequence[Finding] = []
        self._check = IdentifierCheck()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._typing_paused)
        self._loading = False  # a text just loaded, still being checked a piece at a time
        self._piece_timer = QTimer(self)
        self._piece_timer.setSingleShot(True)
        self._piece_timer.setInterval(0)
        self._piece_timer.timeout.connect(self._check_piece)
        editor.textChanged.connect(lambda *_text: self._timer.start())
        self.closed.connect(self.ignore_current)

    @classmethod
    def attach(cls, editor: Editor) -> IdentifierWarning:
        """Create a warning for ``editor`` and place it just below it."""
        warning = cls(editor)
        warning.attach_below(editor)
        return warning

    def _text(self) -> str:
        return self.editor.text() if isinstance(self.editor, QLineEdit) else self.editor.document().toPlainText()

    def check_loaded_text(self) -> None:
        """A text just put in the editor (a session's notes, 1 MB at most): checked a piece at a time between the
        window's events, never holding it, words typed meanwhile with it, and the warning shown once all of it is
        checked, for the text the editor holds then. The findings of the text before it go at once, and its check with
        them, unfinished or not."""
        self._timer.stop()
        self._check = IdentifierCheck(self._check.ignored)  # what was said to be no identifier stays so
        self._check.check_in_pieces(self._text())
        self._loading = True
        self.findings = []
        self._refresh()
        self._piece_timer.start()

    def _check_piece(self) -> None:
        if not self._loading:
            return
        if self._check.check_piece():
            self.check_now()
            return
        self._piece_timer.start()

    def _typing_paused(self) -> None:
        if self._loading:  # what was typed goes into the pieces still to check, never checked all at once
            self._check.check_in_pieces(self._text())
        else:
            self.check_now()

    def check_now(self) -> Sequence[Finding]:
        """The findings now, the rest of a text just loaded checked at once if need be."""
        self._timer.stop()
        self._piece_timer.stop()
        self._loading = False
        self.findings = self._check.check(self._text())
        self._refresh()
        return self.findings

    def _refresh(self) -> None:
        if not self.findings:
            self.hide()
            return
        first = self.findings[0]
        actions = [("&Remove", self.remove_current), ("Show", self.show_current)]
        if len(self.findings) > 1:
            actions.insert(1, (f"Remove all {len(self.findings)}", self.remove_all))
        # Short, so the notes keep their room; the advice is in the tooltip and for screen readers.
        self.show_message(looks_like(self.findings), actions)
        self.setToolTip(first.message)
        self.setAccessibleDescription(f"{self.label.text()} {first.message}")
        self.close_button.setToolTip("Not an identifier: stop warning about this")

    def remove_current(self) -> None:
        if self.findings:
            self._replace([self.findings[0]])
        self.check_now()

    def remove_all(self) -> None:
        self._replace(list(self.findings))
        self.check_now()

    def show_current(self) -> None:
        """Select the first finding in the editor, so the facilitator can see it in context."""
        if not self.findings:
            return
        text, finding = self._text(), self.findings[0]
        if isinstance(self.editor, QLineEdit):
            start = utf16_offset(text, finding.start)
            self.editor.setSelection(start, utf16_offset(text, finding.end) - start)
        else:
            self.editor.setTextCursor(self._cursor_for(text, finding))
            self.editor.ensureCursorVisible()
        self.editor.setFocus()

    def ignore_current(self) -> None:
        """The facilitator says the first finding is not an identifier (a service's postcode, say)."""
        if self.findings:
            self._check.ignore(self.findings[0].kind, self.findings[0].text)
            self.check_now()

    def _replace(self, findings: list[Finding]) -> None:
        if isinstance(self.editor, QLineEdit):
            self._replace_in_line(self.editor, findings)
            return
        text = self.editor.document().toPlainText()
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()  # one Ctrl+Z undoes the whole removal
        for finding in sorted(findings, key=lambda f: f.start, reverse=True):
            replaced = remove_finding(text, finding)  # refuses a stale span instead of deleting other words
            placeholder = replaced[finding.start : len(replaced) - (len(text) - finding.end)]
            span = self._cursor_for(text, finding)
            cursor.setPosition(span.selectionStart())
            cursor.setPosition(span.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(placeholder)
            text = replaced
        cursor.endEditBlock()

    def _replace_in_line(self, line: QLineEdit, findings: list[Finding]) -> None:
        """Each finding selected and typed over (``insert``), which the field's own Ctrl+Z takes back."""
        text = line.text()
        for finding in sorted(findings, key=lambda f: f.start, reverse=True):
            replaced = remove_finding(text, finding)
            placeholder = replaced[finding.start : len(replaced) - (len(text) - finding.end)]
            start = utf16_offset(text, finding.start)
            line.setSelection(start, utf16_offset(text, finding.end) - start)
            line.insert(placeholder)
            text = replaced

    def _cursor_for(self, text: str, finding: Finding) -> QTextCursor:
        assert not isinstance(self.editor, QLineEdit)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(utf16_offset(text, finding.start))
        cursor.setPosition(utf16_offset(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
        return cursor
