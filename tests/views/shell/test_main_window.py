from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.app import create_window
from copdesk.core.model import Role
from copdesk.core.provenance import Origin
from copdesk.core.question_bank import load_bank
from copdesk.store import teams
from copdesk.store.errors import NotADatabaseError
from copdesk.views.shell.first_run import FirstRunDialog
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow

PANES = ("timerPanel", "questionPanel", "participationPanel", "notesPanel", "reviewPanel")


def test_window_has_every_pane_by_object_name(window: MainWindow) -> None:
    for name in PANES:
        assert window.findChild(QWidget, name) is not None, name
    assert window.pages.currentIndex() == PREPARE_PAGE


def test_live_page_shows_four_panes(window: MainWindow, qtbot: QtBot) -> None:
    window.header.live_button.click()
    assert window.pages.currentIndex() == LIVE_PAGE
    for name in PANES[:4]:
        pane = window.findChild(QWidget, name)
        assert pane is not None and pane.isVisible()
        assert pane.width() > 200 and pane.height() > 150


def test_empty_state_explains_what_to_do(window: MainWindow) -> None:
    assert "Create your team" in window.review_panel.empty_label.text()


def test_every_interactive_control_has_an_accessible_name(window: MainWindow) -> None:
    controls = window.findChildren(QAbstractButton) + window.findChildren(QComboBox) + window.findChildren(QLineEdit)
    unnamed = [c for c in controls if c.isVisibleTo(window) and not c.accessibleName()]
    # The combo box's internal line edit and tool buttons inside Qt widgets are not ours to name.
    unnamed = [c for c in unnamed if c.parent() is None or not isinstance(c.parent(), QComboBox)]
    assert unnamed == []


def _last_ink_column(label: QLabel) -> int:
    """The rightmost column of the label's own rendering that differs from its background (its top-left pixel)."""
    image = label.grab().toImage()
    background = image.pixelColor(0, 0)

    def inked(x: int) -> bool:
        return any(abs(image.pixelColor(x, y).lightness() - background.lightness()) > 40 for y in range(image.height()))

    return max((x for x in range(image.width()) if inked(x)), default=-1)


def test_header_labels_show_their_whole_text(window: MainWindow) -> None:
    """Laid out at its size hint, "Team" lost the right edge of its "m" (drawn past the glyph's advance)."""
    header = window.findChild(QWidget, "headerBar")
    assert header is not None
    labels = header.findChildren(QLabel)
    assert "&Team" in [label.text() for label in labels]
    for label in labels:
        if label.isVisible() and label.text():
            assert _last_ink_column(label) < label.width() - 1, f"{label.text()!r} is cut at its right edge"


def test_teams_appear_in_the_selector(window: MainWindow) -> None:
    team = teams.create_team(window.context.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], window.context.now())
    window.reload_teams(team.id)
    assert window.header.team_combo.currentText() == "Harbour Team"
    assert window.review_panel.team is not None and window.review_panel.team.name == "Harbour Team"


def test_first_run_dialog_validates_before_creating(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    # The welcome says the question bank is not all the masterclass's: some prompts are CoPDesk's own.
    assert any(question.origin is Origin.COPDESK for question in load_bank(paths.resource_path("questions")))
    assert "questions from the masterclass" not in dialog.ui.introLabel.text()
    assert "the masterclass's questions and tips with prompts of CoPDesk's own" in dialog.ui.introLabel.text()
    dialog.ui.teamNameEdit.setText("   ")
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.result() == 0 and dialog.draft is None
    assert "empty" in dialog.ui.errorLabel.text()
    dialog.show()
    QTest.keyClicks(dialog.ui.teamNameEdit, "Harbour Team")
    assert dialog.ui.errorLabel.isHidden(), "the problem goes once the name is typed"
    members: QPlainTextEdit = dialog.ui.membersEdit
    dialog.ui.buttonBox.accepted.emit()  # a team of nobody would have no facilitator
    assert dialog.draft is None and dialog.ui.errorLabel.text() == (
        "List the team's members, one a line, yourself first: the first is the facilitator."
    )
    members.setPlainText("Ash Lee\nBo Day\n\nash lee")
    dialog.ui.buttonBox.accepted.emit()
    assert "listed twice" in dialog.ui.errorLabel.text() and dialog.ui.errorLabel.isVisible()
    members.setPlainText("Ash Lee\nBo Day")
    assert dialog.ui.errorLabel.isHidden()
    members.setPlainText("Ash Lee\nBo Day 🌱\n")
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.draft is not None
    assert dialog.draft.members == (("Ash Lee", Role.FACILITATOR), ("Bo Day 🌱", Role.PRACTITIONER))


def test_new_team_with_a_team_already_asks_only_for_the_team(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File ▸ New team once a team exists: no welcome, no disabled demo choice; the team is created."""
    teams.create_team(window.context.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], window.context.now())
    seen: dict[str, object] = {}

    def answer(dialog: FirstRunDialog) -> int:
        ui = dialog.ui
        seen.update(
            title=dialog.windowTitle(),
            intro=ui.introLabel.text(),
            choices=[radio.isVisibleTo(dialog) for radio in (ui.createTeamRadio, ui.demoRadio)],
            ok=ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).text(),
        )
        ui.teamNameEdit.setText("Moorland Team")
        ui.membersEdit.setPlainText("Dee Fox")
        dialog._accept()
        return int(dialog.result())

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    window.team_actions.create_interactively()
    assert seen["title"] == "New team" and seen["choices"] == [False, False] and seen["ok"] == "Create team"
    assert str(seen["intro"]).startswith("Each team has its own sessions")  # not the first run's welcome
    assert [team.name for team in teams.list_teams(window.context.db)] == ["Harbour Team", "Moorland Team"]


def test_a_new_team_named_as_one_there_is_is_refused_in_the_dialog_with_what_was_typed_kept(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    teams.create_team(window.context.db, "Riverside Team", [("Ash Lee", Role.FACILITATOR)], window.context.now())
    seen: list[tuple[bool, str, str]] = []

    def answer(dialog: FirstRunDialog) -> int:
        ui = dialog.ui
        ui.teamNameEdit.setText("riverside TEAM")
        ui.membersEdit.setPlainText("Eli Marsh\nFay Torr")
        dialog._accept()
        seen.append((dialog.isVisible() or dialog.result() == 0, ui.errorLabel.text(), ui.membersEdit.toPlainText()))
        return int(dialog.result())

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    window.team_actions.create_interactively()

    assert seen == [
        (True, "There is already a team called “Riverside Team”; choose another name.", "Eli Marsh\nFay Torr")
    ]
    assert [team.name for team in teams.list_teams(window.context.db)] == ["Riverside Team"]


def test_refused_database_raises_before_any_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"\x00" * 10)
    with pytest.raises(NotADatabaseError):
        create_window(path)
    assert path.read_bytes() == b"\x00" * 10


def test_window_state_is_remembered(qtbot: QtBot, db_path: Path) -> None:
    first = create_window(db_path)
    qtbot.addWidget(first)
    first.show()
    first.live_splitter.setSizes([300, 900])
    sizes = first.live_splitter.sizes()
    first.close()
    second = create_window(db_path)
    qtbot.addWidget(second)
    second.show()
    assert second.live_splitter.sizes() == sizes
