"""A new team's list of members, as the form reads it before anyone is added: a line with commas and no address is
asked about ("Ash Lee, Bo Day, Cy Vale" is three people, "Okafor, Sam" one), and an address is no one's name."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.model import Role
from copdesk.views.shell.first_run import ONE_PERSON_A_LINE, PART_AT_THE_COMMAS, FirstRunDialog


def _asked(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[QMessageBox]:
    """The question, answered by a click on the button captioned ``answer`` ("" for Cancel); the boxes shown."""
    shown: list[QMessageBox] = []

    def click(box: QMessageBox) -> int:
        shown.append(box)
        wanted = answer or box.button(QMessageBox.StandardButton.Cancel).text()
        next(button for button in box.buttons() if button.text() == wanted).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return shown


def _create(qtbot: QtBot, members: str) -> FirstRunDialog:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.teamNameEdit.setText("Harbour Team")
    dialog.ui.membersEdit.setPlainText(members)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def _names(dialog: FirstRunDialog) -> list[str]:
    assert dialog.draft is not None, dialog.ui.errorLabel.text()
    return [name for name, _role in dialog.draft.members]


def test_names_parted_by_commas_become_a_member_each_when_the_facilitator_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They were made one member named "Ash Lee, Bo Day, Cy Vale", and nothing said so."""
    asked = _asked(monkeypatch, PART_AT_THE_COMMAS)
    dialog = _create(qtbot, "Ash Lee, Bo Day, Cy Vale\nDee Ray")
    [box] = asked
    assert box.text() == "“Ash Lee, Bo Day, Cy Vale” has commas and no email address: is it one person?"
    assert box.informativeText() == (
        "One person a line: 2 people, each comma part of a name, as in “Okafor, Sam”.\n\n"
        "Parted at the commas: 4 people (Ash Lee, Bo Day, Cy Vale, Dee Ray)."
    )
    assert _names(dialog) == ["Ash Lee", "Bo Day", "Cy Vale", "Dee Ray"]
    assert dialog.draft is not None and dialog.draft.members[0][1] is Role.FACILITATOR
    assert dialog.ui.membersEdit.toPlainText() == "Ash Lee\nBo Day\nCy Vale\nDee Ray"


def test_a_surname_first_stays_one_person_when_the_facilitator_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _asked(monkeypatch, ONE_PERSON_A_LINE)
    dialog = _create(qtbot, "Okafor, Sam\nLee, Ash\nBo Day")
    assert asked[0].text() == "2 lines have commas and no email address: is each one person?"
    assert _names(dialog) == ["Okafor, Sam", "Lee, Ash", "Bo Day"]


def test_cancel_goes_back_to_the_list_as_typed_and_creates_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _asked(monkeypatch, "")
    dialog = _create(qtbot, "Ash Lee, Bo Day")
    assert dialog.draft is None and dialog.result() == 0 and dialog.isVisible()
    assert dialog.ui.membersEdit.toPlainText() == "Ash Lee, Bo Day"
    dialog.ui.membersEdit.clear()  # nothing typed to ask about as the test's dialog closes
    dialog.ui.teamNameEdit.clear()


def test_parting_at_the_commas_that_lists_someone_twice_says_so_in_the_form(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _asked(monkeypatch, PART_AT_THE_COMMAS)
    dialog = _create(qtbot, "Ash Lee, Bo Day\nBo Day")
    assert (
        asked[0].informativeText().endswith("Parted at the commas: Bo Day is listed twice; each person once, please.")
    )
    assert dialog.draft is None and dialog.ui.errorLabel.text() == "Bo Day is listed twice; each person once, please."
    assert dialog.ui.membersEdit.toPlainText() == "Ash Lee\nBo Day\nBo Day"
    dialog.ui.membersEdit.clear()
    dialog.ui.teamNameEdit.clear()


def test_an_outlook_list_with_addresses_is_read_without_a_question(qtbot: QtBot) -> None:
    """Each address says where a person ends: "Okafor, Sam <…>" is one person, and nothing is asked."""
    dialog = _create(qtbot, "Okafor, Sam <sam.okafor@council.example>; Lee, Ash <ash.lee@council.example>")
    assert _names(dialog) == ["Okafor, Sam", "Lee, Ash"]


def test_an_address_alone_is_refused_in_the_form_and_nothing_is_created(qtbot: QtBot) -> None:
    """It was made a member named "ash.lee@council.example"."""
    dialog = _create(qtbot, "Bo Day\nash.lee@council.example")
    assert dialog.draft is None and dialog.ui.errorLabel.isVisibleTo(dialog)
    assert dialog.ui.errorLabel.text() == (
        "ash.lee@council.example is an email address, not a name: type the person's name in its place."
    )
    dialog.ui.membersEdit.clear()
    dialog.ui.teamNameEdit.clear()


def test_commas_after_the_last_address_are_asked_about_as_a_line_with_none_is(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line "Ash Lee <…>, Bo Day, Cy Vale" made one member named "Bo Day, Cy Vale", and nothing said so."""
    asked = _asked(monkeypatch, PART_AT_THE_COMMAS)
    dialog = _create(qtbot, "Ash Lee <ash.lee@council.example>, Bo Day, Cy Vale")
    [box] = asked
    assert box.text() == "“Bo Day, Cy Vale” has commas and no email address: is it one person?"
    assert _names(dialog) == ["Ash Lee", "Bo Day", "Cy Vale"]
