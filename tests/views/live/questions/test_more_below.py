"""The question card says plainly when the question goes on below its view: "More ▾" over its lower right corner.

At 1366x768 under the demo's banner, beside a suggestion and the identifier warning, the card shows two lines of the
longest question the bank holds and its last line was out of view, with nothing but the slim scroll bar to say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.core.question_bank import Question, QuestionKind
from copdesk.sandbox import start_session as start_demo_session
from copdesk.views.live.questions.question_widgets import QuestionCard
from copdesk.views.shell.main_window import MainWindow
from tests.views.demo_helpers import window_on_a_copy
from tests.views.text_fit_states import LAPTOP, SMALLEST


def _settled() -> None:
    for _ in range(6):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _longest(window: MainWindow) -> Question:
    shipped = [q for q in window.question_panel.bank if q.kind is QuestionKind.QUESTION]
    return max(shipped, key=lambda question: len(question.text))


def _warned_beside_a_suggestion(qtbot: QtBot, demo_db: Path, tmp_path: Path, size: tuple[int, int]) -> MainWindow:
    window = window_on_a_copy(qtbot, demo_db, tmp_path)
    window.resize(*size)
    start_demo_session(window)
    window.question_panel.show_question(_longest(window))
    window.live_session.room_signal.emit("quiet-voice")
    window.notes_panel.editor.setPlainText("Met Mrs Smith")
    assert window.notes_panel.identifier_warning.check_now()
    _settled()
    assert window.demo.banner.isVisible() and window.question_panel.banner.isVisible()
    return window


def _last_line_in_view(card: QuestionCard) -> bool:
    label = card.text_label
    return label.mapTo(card.viewport(), label.rect().bottomLeft()).y() < card.viewport().height()


@pytest.mark.parametrize("size", [LAPTOP, SMALLEST], ids=["1366x768", "1024x640"])
def test_the_card_says_the_longest_question_goes_on_below_until_its_end_is_in_view(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    window = _warned_beside_a_suggestion(qtbot, demo_db, tmp_path, size)
    card = window.question_panel.card
    more = card.more_below
    assert card.text_label.text() == _longest(window).text and not _last_line_in_view(card)
    assert more.isVisible() and more.text() == "More ▾"
    view = card.viewport().geometry()
    assert view.contains(more.geometry()) and more.geometry().bottomRight() == view.bottomRight(), "at its corner"
    assert more.visibleRegion().boundingRect().size() == more.size(), "nothing over it"
    for _ in range(10):  # a page at a time, as the keys scroll it
        if not more.isVisible():
            break
        more.click()
    assert _last_line_in_view(card) and not more.isVisible(), "gone once the end is in view"
    card.verticalScrollBar().setValue(0)
    assert more.isVisible(), "back once the end is out of view again"
    assert more.focusPolicy() == Qt.FocusPolicy.NoFocus and card.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_a_question_whole_in_the_card_has_no_marker(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    """The suggestion dismissed, the question pane stands tall beside the warning and the card holds it whole."""
    window = _warned_beside_a_suggestion(qtbot, demo_db, tmp_path, LAPTOP)
    window.question_panel.banner.dismiss()
    _settled()
    card = window.question_panel.card
    assert _last_line_in_view(card) and card.verticalScrollBar().maximum() == 0
    assert not card.more_below.isVisible()


@pytest.mark.parametrize("size", [LAPTOP, SMALLEST], ids=["1366x768", "1024x640"])
def test_more_scrolls_on_so_the_words_it_covered_come_into_view(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """A whole page on scrolled the words under the marker, or a line the card's edge cut, past the top unread."""
    window = _warned_beside_a_suggestion(qtbot, demo_db, tmp_path, size)
    card = window.question_panel.card
    bar, more = card.verticalScrollBar(), card.more_below
    bar.setValue(0)
    _settled()
    covered_from = more.geometry().top() - card.viewport().geometry().top()  # where the band under it starts
    more.click()
    _settled()
    assert 0 < bar.value() <= covered_from
