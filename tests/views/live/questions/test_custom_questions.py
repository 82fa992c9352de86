"""The facilitator's own questions in the real window: kept across a restart, decks in and out, bad decks refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from copdesk.app import create_window
from copdesk.core.custom_questions import custom_key
from copdesk.core.question_bank import PromptPhase, QuestionKind, SignalKind, parse_deck
from copdesk.store import questions as store
from copdesk.views.live.questions.custom_questions_dialog import CustomQuestionsDialog
from copdesk.views.live.questions.question_panel import QuestionPanel
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock

GOOD_DECK = """
[[question]]
id = "team.1"
text = "What would the person want us to remember? 🌱"
category = "Our team's questions"
model = "Strengths-based practice"
source = "Team away day, 2026"
phases = ["exploring", "closing"]
funnel_level = 1

[[question]]
id = "team.2"
text = "Who else should be in this conversation?"
category = "Our team's questions"
model = "Strengths-based practice"
source = "Team away day, 2026"
kind = "question"
phases = ["exploring"]
signals = ["quiet-voice"]
signal_source = "Encourage wider group questions or questions to the group"
derived_from = "A colleague's idea"
note = "Try it when one voice dominates."
"""


def panel_of(window: MainWindow) -> QuestionPanel:
    panel = window.findChild(QuestionPanel, "questionPanel")
    assert panel is not None
    return panel


def open_dialog(window: MainWindow, qtbot: QtBot) -> CustomQuestionsDialog:
    panel = panel_of(window)
    QTest.mouseClick(panel.custom_button, Qt.MouseButton.LeftButton)
    dialog = panel.custom_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def choose_file(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> None:
    """Stand in for the user picking ``path`` in the file dialog."""
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *args, **kwargs: (str(path), "")))


def custom_rows(window: MainWindow) -> list[store.CustomQuestionRow]:
    return store.custom_questions(window.context.db, include_hidden=True)


def type_question(dialog: CustomQuestionsDialog, qtbot: QtBot, text: str, category: str) -> None:
    QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(dialog.form.text_edit, text)
    dialog.form.category_combo.setEditText(category)


# --- add, edit, hide, and keep across a restart -------------------------------------------------------


def test_custom_questions_are_kept_across_a_restart(qtbot: QtBot, db_path: Path, fake_clock: FakeClock) -> None:
    first = create_window(db_path, clock=fake_clock)
    qtbot.addWidget(first)
    first.show()
    dialog = open_dialog(first, qtbot)
    type_question(dialog, qtbot, "What would the person want us to remember?", "Our team's questions")
    dialog.form.phase_boxes[PromptPhase.CLOSING].setChecked(True)
    dialog.form.funnel_combo.setCurrentIndex(dialog.form.funnel_combo.findData(3))
    dialog.form.caution_edit.setText("Go gently with grief.")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    type_question(dialog, qtbot, "A question we retired?", "Our team's questions")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.hide_button, Qt.MouseButton.LeftButton)
    assert dialog.hide_button.text() == "Show"
    panel = panel_of(first)
    assert [q.text for q in panel.pool() if q.category == "Our team's questions"] == [
        "What would the person want us to remember?"
    ]
    assert panel.filters.category_button.option("Our team's questions") is not None
    dialog.close()
    first.close()
    first.context.db.close()

    second = create_window(db_path, clock=fake_clock)
    qtbot.addWidget(second)
    second.show()
    panel = panel_of(second)
    [kept] = [q for q in panel.pool() if q.category == "Our team's questions"]
    assert kept.text == "What would the person want us to remember?"
    assert kept.phases == (PromptPhase.CLARIFYING, PromptPhase.EXPLORING, PromptPhase.CLOSING)
    assert (kept.funnel_level, kept.caution, kept.kind) == (3, "Go gently with grief.", QuestionKind.QUESTION)
    panel.filters.category_button.option("Our team's questions").trigger()
    panel.next_question()
    assert panel.current == kept
    assert panel.card.caution_label.text() == "⚠ Caution: Go gently with grief."  # the facilitator's, as typed
    QTest.keyClicks(panel.search.field, "retired")
    assert panel.search.model.rowCount() == 0
    dialog = open_dialog(second, qtbot)
    assert dialog.model.rowCount() == 2  # the hidden one is listed here, to show again


def test_editing_updates_in_place_and_the_pane_shows_the_new_wording(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    type_question(dialog, qtbot, "First wording?", "Ours")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    panel = panel_of(window)
    panel.show_question(next(q for q in panel.pool() if q.category == "Ours"))
    dialog.list_view.setCurrentIndex(dialog.model.index(0))
    dialog.form.text_edit.setPlainText("Second wording?")
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [row.text for row in custom_rows(window)] == ["Second wording?"]
    assert panel.card.text_label.text() == "Second wording?"


def test_editing_an_imported_question_keeps_the_fields_the_form_does_not_show(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "team.toml"
    source.write_text(GOOD_DECK, encoding="utf-8")
    dialog = open_dialog(window, qtbot)
    assert dialog.import_deck(source)
    row = dialog.model.row_of(custom_key("team.2"))
    assert row is not None
    dialog.list_view.setCurrentIndex(dialog.model.index(row))
    dialog.form.text_edit.setPlainText("Who else should be here today?")
    assert dialog.save()
    [saved] = [r for r in custom_rows(window) if r.uid == "team.2"]
    assert saved.text == "Who else should be here today?"
    assert (saved.signals, saved.derived_from, saved.note) == (
        ("quiet-voice",),
        "A colleague's idea",
        "Try it when one voice dominates.",
    )


def test_the_shipped_bank_is_not_offered_for_editing(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisible()
    type_question(dialog, qtbot, "Sneaking into the masterclass?", "Reflective questions")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "category of the shipped bank" in dialog.message_label.text()
    assert custom_rows(window) == []


def test_an_unsaveable_form_is_not_dropped_on_close(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    type_question(dialog, qtbot, "A question with no category yet?", "")
    dialog.close()
    assert dialog.isVisible()
    assert "The category is empty" in dialog.message_label.text()
    assert dialog.form.text_edit.toPlainText() == "A question with no category yet?"
    QTest.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    dialog.close()
    assert not dialog.isVisible()
    assert custom_rows(window) == []


def test_a_valid_form_is_saved_on_close(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    type_question(dialog, qtbot, "Saved without pressing Save?", "Ours")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert [row.text for row in custom_rows(window)] == ["Saved without pressing Save?"]


# --- decks ------------------------------------------------------------------------------------------


def test_a_deck_imports_exports_and_imports_again_unchanged(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "team.toml"
    source.write_text(GOOD_DECK, encoding="utf-8")
    dialog = open_dialog(window, qtbot)
    choose_file(monkeypatch, "getOpenFileName", source)
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == "Imported 2 from team.toml: 2 new, 0 updated, 0 unchanged."
    panel = panel_of(window)
    imported = {q.id: q for q in panel.pool() if q.category == "Our team's questions"}
    assert set(imported) == {custom_key("team.1"), custom_key("team.2")}
    assert imported[custom_key("team.2")].signals == (SignalKind.QUIET_VOICE,)

    exported = tmp_path / "out" / "exported.toml"
    exported.parent.mkdir()
    choose_file(monkeypatch, "getSaveFileName", exported)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text().startswith("Exported 2 questions")
    assert parse_deck(exported.read_text(encoding="utf-8"), origin="x") == parse_deck(GOOD_DECK, origin="x")
    assert sorted(p.name for p in exported.parent.iterdir()) == ["exported.toml"]  # no temporary file left

    choose_file(monkeypatch, "getOpenFileName", exported)
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == "Imported 2 from exported.toml: 0 new, 0 updated, 2 unchanged."
    assert len(custom_rows(window)) == 2


def test_hidden_questions_are_left_out_of_an_export(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "team.toml"
    source.write_text(GOOD_DECK, encoding="utf-8")
    dialog = open_dialog(window, qtbot)
    assert dialog.import_deck(source)
    store.set_custom_hidden(window.context.db, "team.1", True, window.context.now())
    dialog.reload()
    assert dialog.export_deck(tmp_path / "out.toml")
    assert [q.id for q in parse_deck((tmp_path / "out.toml").read_text(encoding="utf-8"), origin="x")] == ["team.2"]


def test_export_problems_are_named_and_write_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    tmp_path = tmp_path / "decks"
    tmp_path.mkdir()
    dialog = open_dialog(window, qtbot)
    assert not dialog.export_deck(tmp_path / "empty.toml")
    assert "nothing to export" in dialog.message_label.text()
    source = tmp_path / "team.toml"
    source.write_text(GOOD_DECK, encoding="utf-8")
    assert dialog.import_deck(source)
    assert not dialog.export_deck(tmp_path / "missing" / "out.toml")
    assert "does not exist" in dialog.message_label.text()
    assert not dialog.export_deck(tmp_path)
    assert "is a folder" in dialog.message_label.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.toml"]


def _entry(uid: str, **overrides: str) -> str:
    fields = {
        "id": f'"{uid}"',
        "text": '"Some question?"',
        "category": '"Ours"',
        "model": '"Our model"',
        "source": '"Us"',
        "phases": '["exploring"]',
    }
    fields.update(overrides)
    return "[[question]]\n" + "".join(f"{key} = {value}\n" for key, value in fields.items() if value) + "\n"


def _huge(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(_entry("big.1"))
        out.write("# " + "x" * (5 * 1024 * 1024) + "\n")


BAD_DECKS: list[tuple[str, str | Callable[[Path], None], str]] = [
    ("invalid-toml", "[[question]]\nid = 'team.9\n", "not valid TOML"),
    ("missing-field", _entry("team.9", text=""), "is missing the field 'text'"),
    ("duplicate-ids", _entry("team.9") + _entry("team.9"), "duplicate id 'team.9' (entries 1 and 2)"),
    ("five-megabytes", _huge, "the deck is 5.0 MB; the limit is 1 MB"),
    ("shipped-category", _entry("team.9", category='"Weather model"'), "category of the shipped bank"),
    ("shipped-id", _entry("reflective.1"), "id 'reflective.1' belongs to the shipped bank"),
    ("good-then-bad", _entry("team.8") + _entry("team.9", phases='["someday"]'), "entry 2 ('team.9'): unknown phase"),
    ("empty", "# nothing here\n", "no [[question]] entries"),
    ("not-utf8", "\udcff", "not UTF-8 text"),
]


@pytest.mark.parametrize(("name", "content", "problem"), BAD_DECKS, ids=[case[0] for case in BAD_DECKS])
def test_a_bad_deck_is_refused_by_name_and_nothing_of_it_is_imported(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: str | Callable[[Path], None],
    problem: str,
) -> None:
    source = tmp_path / "team.toml"
    source.write_text(GOOD_DECK, encoding="utf-8")
    dialog = open_dialog(window, qtbot)
    assert dialog.import_deck(source)
    before = custom_rows(window)
    pool_before = panel_of(window).pool()
    bad = tmp_path / f"{name}.toml"
    if callable(content):
        content(bad)
    else:
        bad.write_bytes(content.encode("utf-8", errors="surrogateescape"))
    choose_file(monkeypatch, "getOpenFileName", bad)
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    message = dialog.message_label.text()
    assert message.startswith(f"Nothing was imported. {bad.name}: ")
    assert problem in message
    assert dialog.message_frame.property("banner") == "error"
    assert custom_rows(window) == before
    assert panel_of(window).pool() == pool_before


def test_a_question_written_and_not_saved_is_what_a_log_off_keeps(window: MainWindow, qtbot: QtBot) -> None:
    """At a log-off nobody closes the dialog (which would save it): its words go to a file (``copdesk.shutdown``)."""
    from copdesk.views.widgets.typed_words import TypedWords

    dialog = open_dialog(window, qtbot)
    assert dialog.typed_words() is None
    type_question(dialog, qtbot, "What would the carer say?", "Ours")
    dialog.form.caution_edit.setText("Not in the first round")
    lines = "Question: What would the carer say?\nCategory: Ours\nCaution: Not in the first round"
    assert dialog.typed_words() == TypedWords("Your own questions", lines)
    dialog.save()
    assert dialog.typed_words() is None
    dialog.close()


def test_an_edit_typed_back_as_it_was_is_no_change_to_save_or_keep(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changed and changed back by hand (no Undo), a saved question is as stored: moving on writes nothing, and a
    log-off has nothing of it to keep. Changed for real, it is saved on moving on."""
    from copdesk.services import questions as service

    dialog = open_dialog(window, qtbot)
    type_question(dialog, qtbot, "What would the carer say?", "Ours")
    assert dialog.save()
    writes: list[str] = []
    save = service.save_custom_question

    def counted(*args: Any, **kwargs: Any) -> Any:
        writes.append("saved")
        return save(*args, **kwargs)

    monkeypatch.setattr(service, "save_custom_question", counted)
    dialog.form.text_edit.setPlainText("What would the carer say now?")
    dialog.form.phase_boxes[PromptPhase.CLOSING].toggle()
    assert dialog.dirty and dialog.typed_words() is not None
    dialog.form.text_edit.setPlainText("What would the carer say?")
    dialog.form.phase_boxes[PromptPhase.CLOSING].toggle()
    assert not dialog.dirty and dialog.typed_words() is None
    dialog.new_question()
    assert writes == []
    dialog.list_view.setCurrentIndex(dialog.model.index(0))
    dialog.form.funnel_combo.setCurrentIndex(2)
    dialog.new_question()
    [row] = custom_rows(window)
    assert writes == ["saved"] and row.funnel_level == 2
    dialog.close()
