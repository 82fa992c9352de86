"""Feedback at the end of a session, and the facilitator's self-assessment that the quarterly report opens with.

Both through the real window: the summary dialog's feedback box after End, and Reports ▸ Write the
self-assessment…, then the export. Feedback is stored with no member, and the report shows only its summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.feedback import MAX_CHANGE_LENGTH
from copdesk.core.quarterly import recent_quarters
from copdesk.store import feedback
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.export_helpers import finish_export
from tests.views.live_helpers import ROSTER, add_team, start_session


def _end(window: MainWindow) -> None:
    box = window.session_flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()


def test_feedback_is_added_one_person_at_a_time_without_a_name(window: MainWindow) -> None:
    add_team(window)
    session = start_session(window)
    _end(window)
    summary = window.session_flow.summary_dialog
    assert summary is not None and summary.isVisible()
    box = summary.feedback
    assert box.isVisible() and box.usefulness.accessibleName() and box.to_change.accessibleName()
    box.usefulness.setCurrentIndex(box.usefulness.findData(5))
    box.to_change.setText("Start on time 🙂")
    assert box.add_response()
    assert box.usefulness.currentData() is None and box.to_change.text() == "", "cleared for the next person"
    box.to_change.setText("More time for questions")
    box.to_change.returnPressed.emit()
    assert box.message.text() == "2 responses recorded."
    assert not box.add_response() and "nothing to record" in box.message.text(), "an empty response is refused"
    rows = list(window.context.db.query("SELECT * FROM session_feedback WHERE session_id = ?", [session.id]))
    assert [(r["usefulness"], r["to_change"]) for r in rows] == [
        (5, "Start on time 🙂"),
        (None, "More time for questions"),
    ]
    assert set(rows[0]) == {"id", "session_id", "usefulness", "to_change", "created_at"}, "no member, ever"
    box.take_back_button.click()
    assert [f.to_change for _, f in feedback.session_feedback(window.context.db, session.id)] == ["Start on time 🙂"]
    assert "1 response recorded" in box.message.text()
    names = " ".join(r["to_change"] or "" for r in window.context.db.query("SELECT to_change FROM session_feedback"))
    assert not any(name in names for name in ROSTER)


def test_an_answer_pasted_past_what_the_field_holds_is_said_to_be_cut(window: MainWindow) -> None:
    """A colleague's answer pasted from the meeting chat was cut to 500 characters without a word: the rest of their
    words were gone before anyone could see it."""
    add_team(window)
    start_session(window)
    _end(window)
    summary = window.session_flow.summary_dialog
    assert summary is not None
    box = summary.feedback
    QGuiApplication.clipboard().setText("Longer check-ins, please. " * 200)
    box.to_change.setFocus()
    box.to_change.paste()
    assert len(box.to_change.text()) == MAX_CHANGE_LENGTH == 500
    assert box.message.isVisibleTo(box)
    assert box.message.text() == (
        f"{box.to_change.accessibleName()} holds at most 500 characters: the rest was not taken."
    )


@pytest.mark.parametrize(
    ("answer", "recorded", "closed"),
    [("add", [(4, "Fewer cases, more depth")], True), ("leave", [], True), ("cancel", [], False)],
)
def test_closing_the_summary_asks_about_a_response_chosen_but_not_added(
    window: MainWindow, answer: str, recorded: list[tuple[int, str]], closed: bool
) -> None:
    add_team(window)
    session = start_session(window)
    _end(window)
    summary = window.session_flow.summary_dialog
    assert summary is not None
    box = summary.feedback
    box.usefulness.setCurrentIndex(box.usefulness.findData(4))
    box.to_change.setText("Fewer cases, more depth")
    summary.ui.closeButton.click()
    question = summary.unadded_question
    assert question is not None and question.isVisible() and summary.isVisible()
    buttons = {b.text().replace("&", ""): b for b in question.buttons()}
    assert set(buttons) == {"Add it and close", "Close without it", "Cancel"}
    assert question.defaultButton() is buttons["Add it and close"]
    buttons[{"add": "Add it and close", "leave": "Close without it", "cancel": "Cancel"}[answer]].click()
    stored = [(f.usefulness, f.to_change) for _, f in feedback.session_feedback(window.context.db, session.id)]
    assert stored == recorded
    assert summary.isVisible() is not closed
    if not closed:
        assert box.to_change.text() == "Fewer cases, more depth", "the answers are still there to add"


def test_closing_the_summary_with_nothing_chosen_asks_nothing(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    _end(window)
    summary = window.session_flow.summary_dialog
    assert summary is not None
    summary.feedback.to_change.setText("   ")
    summary.reject()  # Escape
    assert not summary.isVisible() and summary.unadded_question is None


def test_the_self_assessment_is_written_saved_and_opens_the_exported_report(
    window: MainWindow, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    team = add_team(window)
    start_session(window)
    _end(window)
    summary = window.session_flow.summary_dialog
    assert summary is not None
    summary.feedback.usefulness.setCurrentIndex(summary.feedback.usefulness.findData(4))
    assert summary.feedback.add_response()
    summary.accept()

    dialog = window.reports.write_self_assessment()
    assert dialog is not None and dialog.isVisible()
    quarter = recent_quarters(fake_clock.now().date())[0]
    dialog.quarter_combo.setCurrentIndex(dialog.quarter_combo.findData(quarter))
    assert dialog.feedback_label.text().startswith("1 response, 4.0 out of 5")
    dialog.editors["went-well"].setPlainText("Everyone brought a case.\nThe carers' theme landed well.")
    dialog.editors["support"].setPlainText("Help to find a co-facilitator")
    dialog.save_and_close()
    assert not dialog.isVisible()
    assert feedback.self_assessment(window.context.db, team.id, quarter) == {
        "went-well": "Everyone brought a case.\nThe carers' theme landed well.",
        "support": "Help to find a co-facilitator",
    }

    from copdesk.views.reports.export_dialogs import QuarterReportDialog

    target = tmp_path / "quarter.md"
    monkeypatch.setattr(QuarterReportDialog, "exec", lambda self: QuarterReportDialog.DialogCode.Accepted)
    monkeypatch.setattr(QuarterReportDialog, "quarter", property(lambda self: quarter))
    monkeypatch.setattr(QuarterReportDialog, "chosen_format", property(lambda self: self.formats["md"]))
    monkeypatch.setattr(window.reports, "ask_save_path", lambda *args: target)
    window.reports.export_quarterly_report()
    finish_export(window.reports)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Facilitator's CoP self-assessment: Harbour Team")
    assert (
        text.index("The facilitator's self-assessment")
        < text.index("Feedback from sessions")
        < text.index("Sessions held or attended")
    )
    assert "Everyone brought a case." in text and "Help to find a co-facilitator" in text
    assert "1 response, 4.0 out of 5 on average" in text


def test_changing_the_quarter_keeps_what_was_typed_for_the_first_one(window: MainWindow, fake_clock: FakeClock) -> None:
    team = add_team(window)
    dialog = window.reports.write_self_assessment()
    assert dialog is not None
    first = dialog.quarter
    dialog.editors["harder"].setPlainText("Low attendance in August")
    dialog.quarter_combo.setCurrentIndex((dialog.quarter_combo.currentIndex() + 1) % dialog.quarter_combo.count())
    assert dialog.editors["harder"].toPlainText() == ""
    assert feedback.self_assessment(window.context.db, team.id, first) == {"harder": "Low attendance in August"}
    dialog.editors["harder"].setPlainText("bell\x07")
    dialog.quarter_combo.setCurrentIndex(dialog.quarter_combo.findData(first))
    assert "control character" in dialog.message.text() and dialog.quarter != first, "refused: nothing moved"
    dialog.editors["harder"].clear()
    dialog.reject()


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [
        (QMessageBox.StandardButton.Cancel, False, {}),
        (QMessageBox.StandardButton.Save, True, {"harder": "Low attendance in August"}),
        (QMessageBox.StandardButton.Discard, True, {}),
    ],
    ids=["Cancel", "Save", "Discard"],
)
def test_escape_over_words_not_saved_asks_before_the_self_assessment_closes(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    closes: bool,
    saved: dict[str, str],
) -> None:
    """Esc closed the dialog and the paragraphs typed went with it, unasked."""
    team = add_team(window)
    dialog = window.reports.write_self_assessment()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    asked: list[str] = []

    def question(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(answer)

    monkeypatch.setattr(QMessageBox, "exec", question)
    editor = dialog.editors["harder"]
    editor.setFocus()
    QTest.keyClicks(editor, "Low attendance in August")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert len(asked) == 1 and asked[0].startswith("Save what you wrote for")
    assert dialog.isVisible() is not closes
    assert editor.toPlainText() == "Low attendance in August"
    assert feedback.self_assessment(window.context.db, team.id, dialog.quarter) == saved
    if not closes:
        editor.clear()
        QTest.keyClick(editor, Qt.Key.Key_Escape)  # nothing left unsaved: it closes, asking nothing more
        assert not dialog.isVisible() and len(asked) == 1


def test_the_feedback_answers_and_the_self_assessment_boxes_have_room_to_read(window: MainWindow, qtbot: QtBot) -> None:
    """At their opening size: the usefulness answer reads in full and the "change" box is wide enough to read what
    is typed; each self-assessment box takes the dialog's width, its heading above it."""
    add_team(window)
    start_session(window)
    _end(window)
    summary = window.session_flow.summary_dialog
    assert summary is not None
    qtbot.waitExposed(summary)
    box = summary.feedback
    metrics = box.usefulness.fontMetrics()
    widest = max(metrics.horizontalAdvance(box.usefulness.itemText(i)) for i in range(box.usefulness.count()))
    assert box.usefulness.width() > widest
    assert box.to_change.width() >= 240
    summary.accept()

    dialog = window.reports.write_self_assessment()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    for key, editor in dialog.editors.items():
        heading = next(label for label in dialog.findChildren(QLabel) if label.text() == editor.accessibleName())
        assert editor.width() > 0.8 * dialog.width(), key
        assert heading.geometry().bottom() < editor.geometry().top(), key
    dialog.reject()


def test_feedback_and_self_assessment_words_not_yet_saved_are_what_a_log_off_keeps(window: MainWindow) -> None:
    """Nobody is there to add the response or save the headings when the computer logs off (``copdesk.shutdown``)."""
    from copdesk.core.masterclass import shipped_texts
    from copdesk.core.quarterly import quarter_label
    from copdesk.views.widgets.typed_words import TypedWords

    texts = shipped_texts().self_assessment
    add_team(window)
    start_session(window)
    _end(window)
    summary = window.session_flow.summary_dialog
    assert summary is not None and summary.typed_words() is None
    summary.feedback.usefulness.setCurrentIndex(summary.feedback.usefulness.findData(4))
    summary.feedback.to_change.setText("More time for questions")
    useful = summary.feedback.usefulness.currentText()
    assert summary.typed_words() == TypedWords(
        f"Feedback on the session {summary.ui.aboutLabel.text()}",
        f"{texts.feedback_useful.text} {useful}\n{texts.feedback_change.text}: More time for questions",
    )
    assert summary.feedback.add_response() and summary.typed_words() is None
    summary.accept()
    dialog = window.reports.write_self_assessment()
    assert dialog is not None and dialog.typed_words() is None
    heading = dict(texts.headings)["support"].text
    dialog.editors["support"].setPlainText("Help to find a co-facilitator")
    where = f"Self-assessment: Harbour Team, {quarter_label(dialog.quarter)}"
    assert dialog.typed_words() == TypedWords(where, f"{heading}\nHelp to find a co-facilitator")
    assert dialog.save() and dialog.typed_words() is None
    dialog.reject()
