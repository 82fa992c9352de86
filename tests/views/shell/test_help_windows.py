"""Help ▸ Resources and contacts, and the "What a CoP is" card, in the real window.

Resources: the masterclass's mailboxes and resources, each saying whose words it is; editable (and kept), never
opened or fetched, copied to the clipboard. The card: the masterclass's purpose and its four "NOT... / elsewhere
IN..." pairs, verbatim, in a window of its own to share beside the ground rules.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication

from copdesk.core.masterclass import shipped_texts
from copdesk.store.contacts import contact_entries, is_customised
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import ROSTER, add_team

SHELL = Path(__file__).resolve().parents[3] / "copdesk" / "views" / "shell"


def _trigger(window: MainWindow, text: str) -> None:
    next(action for action in window.findChildren(QAction) if action.text() == text).trigger()


def test_resources_list_the_masterclass_contacts_and_copy_them(window: MainWindow) -> None:
    _trigger(window, "&Resources and contacts…")
    dialog = window.help_actions.resources_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]  # type: ignore[union-attr]
    details = [row[1] for row in rows]
    assert "adultsocialcarepracticesupervisors@manchester.gov.uk" in details
    assert "adultsocialworkconsultants@manchester.gov.uk" in details
    titles = [row[0] for row in rows]
    for title in (
        "MCC Policy Portal",
        "My VIEWS",
        "Peer reflection - Social Work England",
        "Communities of Practice on Vimeo",
    ):
        assert title in titles
    assert any("Department of Health & Social Care, 2019" in detail for detail in details)
    views = next(row for row in rows if row[0] == "My VIEWS")
    assert views[2] == "Feedback to senior colleagues to raise awareness and support positive action"  # no colon
    assert views[3] == (  # the address is CoPDesk's pointer, not a quotation
        "Name and what it is for: Masterclass, Resources; address: CoPDesk's words, drawn from the masterclass's "
        "Resources"
    )
    assert next(row for row in rows if row[0] == "MCC Policy Portal")[3] == "Masterclass, Resources"
    consultants = next(row for row in rows if row[0] == "Social Work Consultants")
    assert "Practice Supervisor direct" not in consultants[2]  # the slide's words are about the other mailbox
    assert consultants[3] == (  # CoPDesk's label and note around the masterclass's mailbox
        "Name: CoPDesk's words, drawn from the masterclass's Introduction and icebreaker; address: Masterclass, "
        "Any questions; what it is for: CoPDesk's words, drawn from the masterclass's Any questions"
    )
    assert not any(row[2].endswith(":") for row in rows)
    table.selectRow(0)
    dialog.copy_button.click()
    assert (
        QGuiApplication.clipboard().text()
        == "Practice Supervisors: adultsocialcarepracticesupervisors@manchester.gov.uk"
    )


def test_the_resources_table_settles_and_never_spins(window: MainWindow) -> None:
    """Rows as tall as their wrapped words must not change the width the words wrap at: a scroll bar coming and
    going with the rows' height made the table resize itself without end (1100x520 with the shipped list did)."""
    _trigger(window, "&Resources and contacts…")
    dialog = window.help_actions.resources_dialog
    assert dialog is not None
    resized: list[int] = []
    dialog.table.horizontalHeader().sectionResized.connect(lambda column, *_: resized.append(column))
    app = QApplication.instance()
    assert app is not None
    for width in (dialog.width(), *range(1040, 1160, 3)):
        dialog.resize(width, 520)
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)  # returns even if the events never end
        resized.clear()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
        assert resized == [], f"still resizing itself at {width}x520"


def test_an_entry_edited_is_kept_says_it_is_yours_and_the_masterclass_list_comes_back(window: MainWindow) -> None:
    dialog = window.help_actions.open_resources()
    table = dialog.table
    table.item(1, 1).setText("  cop-consultants@example.org ")  # type: ignore[union-attr]
    assert is_customised(window.context.db)
    kept = contact_entries(window.context.db)[1]
    yours = (
        "Name: CoPDesk's words, drawn from the masterclass's Introduction and icebreaker; address: Added or edited by "
        "you; what it is for: CoPDesk's words, drawn from the masterclass's Any questions"
    )
    assert (kept.detail, kept.source) == ("cop-consultants@example.org", yours)
    assert table.item(1, 3).text() == yours  # type: ignore[union-attr]
    dialog.add_button.click()
    assert table.rowCount() == len(shipped_texts().contacts) + 1
    table.item(table.rowCount() - 1, 1).setText("bad\x07")  # type: ignore[union-attr]
    assert "control character" in dialog.message.text()
    dialog.remove_button.click()
    assert table.rowCount() == len(shipped_texts().contacts)
    reopened = window.help_actions.open_resources()
    assert reopened.table.item(1, 1).text() == "cop-consultants@example.org"  # type: ignore[union-attr]
    reopened.reset_button.click()
    assert not is_customised(window.context.db)
    assert reopened.table.item(1, 1).text() == "adultsocialworkconsultants@manchester.gov.uk"  # type: ignore[union-attr]


def test_nothing_is_ever_opened_or_fetched() -> None:
    for name in ("resources_dialog.py", "help_actions.py", "what_a_cop_is.py"):
        source = (SHELL / name).read_text(encoding="utf-8")
        assert not any(word in source for word in ("openUrl", "QDesktopServices", "QNetwork", "urllib", "webbrowser"))


def test_the_card_shows_the_purpose_and_the_four_pairs_verbatim_and_copies_them(window: MainWindow) -> None:
    _trigger(window, "&What a CoP is…")
    card = window.help_actions.card
    assert card is not None and card.isVisible() and card.isWindow()
    text = card.body.text().replace("&amp;", "&").replace("&#x27;", "'")
    cop = shipped_texts().what_a_cop_is
    for item in (*cop.purpose, cop.not_heading, cop.elsewhere_heading, cop.focus, cop.closing):
        assert item.text in text
    for arena in cop.arenas:
        assert arena.not_this.text in text and arena.elsewhere.text in text
    assert "(Masterclass, Purpose of CoPs)" in text
    card.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "• Scrutinising Packages of Care → Quality Assurance & Panels" in copied
    assert "MDT Meetings, MAMS & MAPS" in copied


def test_the_card_is_offered_beside_the_ground_rules_and_holds_nobody(window: MainWindow) -> None:
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present(set(ROSTER))
    assert dialog.go_to_ground_rules()
    assert dialog.card_button.isVisible()
    card = dialog.show_what_a_cop_is()
    assert card.isVisible() and card.isWindow()
    words = card.body.text()
    assert not any(name in words for name in ROSTER)


def test_about_names_the_version_and_where_the_data_is(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from copdesk import __version__

    _trigger(window, "&About CoPDesk")
    box = window.help_actions.about_box
    assert isinstance(box, QMessageBox) and box.isVisible() and box.windowTitle() == "About CoPDesk"
    said = box.text()
    assert f"CoPDesk {__version__} " in said and str(window.context.db_path) in said
    box.close()
