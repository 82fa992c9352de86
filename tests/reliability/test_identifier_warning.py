"""The identifier warning: non-blocking, one click removes, Ctrl+Z brings it back, emoji-safe spans."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.identifier_check import PIECE_SIZE
from copdesk.core.privacy import find_identifiers
from copdesk.views.widgets.forms import utf16_offset
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from tests.conftest import identifier_check_reads
from tests.core.test_privacy import findings_built

NHS = "943 476 5919"  # a valid check digit


def _host(qtbot: QtBot, editor: QPlainTextEdit | QTextEdit) -> tuple[QWidget, IdentifierWarning]:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.addWidget(editor)
    warning = IdentifierWarning.attach(editor)
    host.show()
    return host, warning


def test_warning_sits_under_the_editor_and_never_blocks(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    host, warning = _host(qtbot, editor)
    layout = host.layout()
    assert layout is not None and layout.indexOf(warning) == layout.indexOf(editor) + 1
    assert warning.isHidden()
    editor.setPlainText(f"Discussed the referral, NHS {NHS}.")
    assert warning._timer.isActive()  # checked when typing pauses, not on every keystroke
    findings = warning.check_now()
    assert [f.kind.value for f in findings] == ["nhs-number"]
    assert warning.isVisible() and "NHS number" in warning.label.text() and NHS in warning.label.text()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(" Still typing.")  # typing and saving carry on: nothing is blocked
    assert not editor.isReadOnly() and editor.toPlainText().endswith("Still typing.")


def test_remove_is_exact_after_emoji_and_undoable(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    _, warning = _host(qtbot, editor)
    text = f"Family 👨‍👩‍👧 met «שלום», NHS {NHS} — next steps 🌱"
    editor.setPlainText(text)
    warning.check_now()
    warning.button("Remove").click()
    assert editor.toPlainText() == "Family 👨‍👩‍👧 met «שלום», NHS [NHS number removed] — next steps 🌱"
    assert warning.isHidden()
    editor.undo()  # one Ctrl+Z
    assert editor.toPlainText() == text


def test_remove_all_and_ignore(qtbot: QtBot) -> None:
    editor = QTextEdit()
    _, warning = _host(qtbot, editor)
    editor.setPlainText(f"Mrs Jones (DOB 01/02/1950) lives at SW1A 1AA, NHS {NHS}. 😀")
    assert len(warning.check_now()) == 4
    assert "and 3 more" in warning.label.text()
    warning.button("Remove all 4").click()
    assert editor.toPlainText() == (
        "[name removed] ([date of birth removed]) lives at [postcode removed], NHS [NHS number removed]. 😀"
    )
    editor.setPlainText("The team base is at SW1A 1AA.")
    warning.check_now()
    warning.close_button.click()  # "not an identifier": stop warning about this text
    assert warning.isHidden() and list(warning.check_now()) == []
    editor.setPlainText("Another session's notes: met at SW1A 1AA.")
    warning.check_loaded_text()  # a note loaded later: what was said to be no identifier stays so
    assert list(warning.check_now()) == []


def test_show_selects_the_finding(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    _, warning = _host(qtbot, editor)
    editor.setPlainText(f"🙂🙂 NHS {NHS}")
    warning.check_now()
    warning.button("Show").click()
    assert editor.textCursor().selectedText() == NHS


@pytest.mark.parametrize(("text", "index", "expected"), [("abc", 2, 2), ("😀a", 1, 2), ("é😀😀x", 3, 5)])
def test_utf16_offsets(text: str, index: int, expected: int) -> None:
    assert utf16_offset(text, index) == expected


def test_a_pause_in_a_long_note_checks_again_only_what_was_typed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 1 MB note: each pause in typing held the window while the whole note was checked again (up to a second on
    one full of titles). Now only the words typed and what can reach them are read, and the findings are the same
    as the whole note's."""
    editor = QPlainTextEdit()
    _, warning = _host(qtbot, editor)
    editor.setPlainText("Discussed the carer's assessment with the team today.\n" * 19_000)
    warning.check_now()
    read = identifier_check_reads(monkeypatch)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(f"Mrs Okafor rang, NHS {NHS}")
    findings = warning.check_now()
    assert [finding.text for finding in findings] == ["Mrs Okafor", NHS]
    assert read and all(endpos - start < 1000 for start, endpos in read)
    assert list(findings) == find_identifiers(editor.toPlainText())


def test_a_key_typed_once_a_name_is_said_not_to_be_one_builds_only_the_findings_near_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a finding was said not to be an identifier, each pause went through every finding after the key typed
    (tens of thousands in a long note of names). Now only those near the key are built, and what the warning holds is
    what the whole note holds but the name ignored."""
    editor = QPlainTextEdit()
    _, warning = _host(qtbot, editor)
    editor.setPlainText("Mrs Okafor rang Mr\nPatel.\n" * 8_000)
    warning.check_now()
    warning.close_button.click()  # "Mrs Okafor" is not an identifier
    assert warning.findings[0].text == "Mr\nPatel"
    built = findings_built(monkeypatch)
    cursor = editor.textCursor()
    cursor.setPosition(len(editor.toPlainText()) // 2)
    for key in " Mrs Lee":
        cursor.insertText(key)
        warning.check_now()
    assert len(built) < 100  # of 16,000 findings
    monkeypatch.undo()
    whole = find_identifiers(editor.toPlainText())
    assert list(warning.findings) == [finding for finding in whole if finding.text != "Mrs Okafor"]


def test_a_key_typed_while_a_loaded_note_is_checked_in_pieces_leaves_the_rest_in_pieces(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pause after a key typed while a 1 MB note was still checked in pieces checked all the rest at once (up to
    0.4 s). Now the key is checked against the pieces, which go on between events, and the warning then shows what
    the whole note, key included, holds."""
    editor = QPlainTextEdit()
    _kept_host, warning = _host(qtbot, editor)  # kept while events are delivered
    editor.setPlainText("Discussed the carer's assessment with the team today.\n" * 9_000 + "Mrs Okafor rang.")
    warning.check_loaded_text()
    QApplication.processEvents()  # a piece checked
    read = identifier_check_reads(monkeypatch)
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.insertPlainText("Dr Lee wrote. ")
    warning._timer.timeout.emit()  # the pause in typing
    assert len(read) <= 2 and warning.isHidden()  # the key, and at most one piece more
    for _ in range(1_000):
        if not warning.isHidden():
            break
        QApplication.processEvents()
    assert all(endpos - start < PIECE_SIZE + 1_000 for start, endpos in read)
    assert [finding.text for finding in warning.findings] == ["Dr Lee", "Mrs Okafor"]
    assert list(warning.findings) == find_identifiers(editor.toPlainText())
