"""An issue history's questions answered in tests: each one's title, label and the words it opened on are noted."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from copdesk.views.prepare.issue_history import QuestionDialog


def answer_questions(monkeypatch: pytest.MonkeyPatch, *answers: tuple[str, bool]) -> list[tuple[str, str, str]]:
    """Answer the history's questions in turn with ``answers`` (the words, and whether OK was pressed); returns what
    each question showed: its title, its label and the words it opened on."""
    shown: list[tuple[str, str, str]] = []
    waiting = list(answers)

    def answer(question: QuestionDialog) -> int:
        shown.append((question.windowTitle(), question.labelText(), question.textValue()))
        words, accepted = waiting.pop(0)
        question.setTextValue(words)
        return QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected

    monkeypatch.setattr(QuestionDialog, "exec", answer)
    return shown
