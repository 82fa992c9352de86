"""The start dialog's ground-rules page says what the facilitator can really do to let the group read the rules.

The share-safe view shows only the timer and the question, and the dialog is modal, so the page does not send the
facilitator there: it offers to copy the rules for the meeting chat instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import ROSTER, add_team


def test_the_rules_page_offers_the_chat_not_the_share_safe_view(window: MainWindow) -> None:
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present(set(ROSTER))
    assert dialog.go_to_ground_rules()
    page = dialog.pages.currentWidget()
    assert page is not None
    words = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "put the share-safe view on screen" not in words
    assert "The share-safe view does not show them" in words and "meeting chat" in words

    QGuiApplication.clipboard().clear()
    assert dialog.copy_rules_button.isVisible() and dialog.copy_rules_button.accessibleName()
    dialog.copy_rules_button.click()
    copied = QGuiApplication.clipboard().text()
    rules = window.session_flow.ground_rules
    assert copied.splitlines()[0] == "Ground rules"
    assert copied.splitlines()[1:] == [f"{n}. {rule.text}" for n, rule in enumerate(rules.rules, 1)]
    assert "support" not in copied.splitlines()[-1].casefold(), "no support was planned, so none is promised"
    assert "Copied" in dialog.copied_label.text()
    assert not dialog.agreed_check.isChecked(), "copying agrees nothing"


def test_the_page_quotes_the_masterclass_and_marks_the_rules_as_copdesks(window: MainWindow) -> None:
    """The masterclass only says "Set ground rules at the start"; the rules are CoPDesk's, and say so."""
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present(set(ROSTER))
    dialog.plan_fields.support.setText("Kai (Practice Supervisor) is free after the session")
    assert dialog.go_to_ground_rules()
    page = dialog.pages.currentWidget()
    assert page is not None
    words = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "“Set ground rules at the start and be prepared to step in and clarify and encourage.”" in words
    assert "(Masterclass, Handling challenges)" in words
    assert "CoPDesk's suggestions, drawn from the masterclass's" in words and "confidentiality" not in words
    assert "Support offered for this session: Kai (Practice Supervisor) is free after the session" in (
        dialog.rules_label.text()
    )
    QGuiApplication.clipboard().clear()
    dialog.copy_rules_button.click()
    assert QGuiApplication.clipboard().text().splitlines()[-1].endswith("is free after the session.")


def test_the_rules_are_read_from_the_top_of_the_page_with_the_room_to_spare_below(window: MainWindow) -> None:
    """The page is as tall as the details page before it: the rules sat in the middle of the room it left, a blank
    band between them and the words that introduce them."""
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present(set(ROSTER))
    assert dialog.go_to_ground_rules()
    QApplication.processEvents()
    rules = dialog.rules_label
    assert rules.height() >= rules.heightForWidth(rules.width()), "every rule in view"
    assert rules.alignment() & Qt.AlignmentFlag.AlignTop
