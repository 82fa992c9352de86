"""The participation pane in the real window: tallies saved at once, undo, talk time, keys, balance, quiet cue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.model import Role, SessionKind
from copdesk.store import participation, sessions, settings
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.live.participation.roster_view import RosterView
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session
from tests.views.participation_helpers import click_tile, fictional_names, start_live_session
from tests.views.text_fit import cut_between_words, initialled, told_apart


def stored_counts(window: MainWindow, session_id: int) -> dict[int, int]:
    counts: dict[int, int] = {}
    for row in participation.contributions(window.context.db, session_id):
        counts[row.member_id] = counts.get(row.member_id, 0) + 1
    return counts


def shown(window: MainWindow, role: RosterRole) -> list[object]:
    model = window.participation_panel.model
    return [model.index(row, 0).data(role) for row in range(model.rowCount())]


def focus_roster(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.participation_panel.roster.setFocus()
    qtbot.waitUntil(window.participation_panel.roster.hasFocus)


def test_before_a_session_the_pane_says_what_it_will_show(window: MainWindow) -> None:
    panel = window.participation_panel
    assert panel.objectName() == "participationPanel"
    assert "Only you see it" in panel.empty_label.text()
    assert not panel.live_area.isVisibleTo(panel)


def test_the_roster_is_the_people_present_in_name_order_with_their_roles(window: MainWindow) -> None:
    start_live_session(window, present=4, absent=2)
    names = fictional_names(4)
    assert shown(window, RosterRole.NAME) == sorted(names)
    by_name = dict(zip(shown(window, RosterRole.NAME), shown(window, RosterRole.ROLE_LABEL), strict=True))
    assert by_name[names[0]] == Role.FACILITATOR.label and by_name[names[3]] == Role.GUEST.label
    panel = window.participation_panel
    shortcuts = [panel.visible_roster.index(row, 0).data(RosterRole.SHORTCUT) for row in range(4)]
    assert shortcuts == ["1", "2", "3", "4"]
    assert "Only you see this" in panel.privacy_label.full_text()


def test_a_click_logs_a_contribution_saved_at_once_and_undo_deletes_it(window: MainWindow, qtbot: QtBot) -> None:
    session_id = start_live_session(window, present=3)
    first = click_tile(window, 0)
    second = click_tile(window, 2)
    click_tile(window, 2)
    assert stored_counts(window, session_id) == {first: 1, second: 2}
    assert shown(window, RosterRole.COUNT) == [1, 0, 2]

    panel = window.participation_panel
    assert panel.undo_button.isEnabled()
    panel.undo_button.click()
    assert stored_counts(window, session_id) == {first: 1, second: 1}
    assert shown(window, RosterRole.COUNT) == [1, 0, 1]


def test_number_keys_and_ctrl_z_work_while_the_roster_has_focus(window: MainWindow, qtbot: QtBot) -> None:
    session_id = start_live_session(window, present=3)
    focus_roster(qtbot, window)
    roster = window.participation_panel.roster
    QTest.keyClick(roster, Qt.Key.Key_2)
    QTest.keyClick(roster, Qt.Key.Key_2)
    QTest.keyClick(roster, Qt.Key.Key_3)
    assert shown(window, RosterRole.COUNT) == [0, 2, 1]
    QTest.keyClick(roster, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown(window, RosterRole.COUNT) == [0, 2, 0]
    assert sum(stored_counts(window, session_id).values()) == 2
    QTest.keyClick(roster, Qt.Key.Key_9)  # no ninth person: nothing happens
    assert sum(stored_counts(window, session_id).values()) == 2


def test_enter_logs_the_current_tile(window: MainWindow, qtbot: QtBot) -> None:
    start_live_session(window, present=3)
    focus_roster(qtbot, window)
    panel = window.participation_panel
    panel.roster.setCurrentIndex(panel.visible_roster.index(1, 0))
    QTest.keyClick(panel.roster, Qt.Key.Key_Return)
    assert shown(window, RosterRole.COUNT) == [0, 1, 0]


def notes_editor(window: MainWindow) -> QPlainTextEdit | QTextEdit:
    editors = window.notes_panel.findChildren(QPlainTextEdit) + window.notes_panel.findChildren(QTextEdit)
    visible = [editor for editor in editors if editor.isVisible() and not editor.isReadOnly()]
    assert visible, "the notes pane has a text editor"
    return visible[0]


def test_typing_digits_and_ctrl_z_in_the_notes_never_touch_the_tally(window: MainWindow, qtbot: QtBot) -> None:
    session_id = start_live_session(window, present=3)
    click_tile(window, 0)
    editor = notes_editor(window)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClicks(editor, "Room 12 3")
    assert "Room 12 3" in editor.toPlainText()
    assert shown(window, RosterRole.COUNT) == [1, 0, 0]
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Room 12 3" not in editor.toPlainText()  # Ctrl+Z undid text, not the tally
    assert stored_counts(window, session_id) == {shown(window, RosterRole.MEMBER_ID)[0]: 1}


def test_digits_in_other_text_fields_of_the_pane_are_typed_not_logged(window: MainWindow, qtbot: QtBot) -> None:
    start_live_session(window, present=3)
    spin = window.participation_panel.quiet_spin
    window.activateWindow()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    QTest.keyClicks(spin, "2")
    assert spin.value() == 2
    assert shown(window, RosterRole.COUNT) == [0, 0, 0]


def test_number_keys_do_nothing_on_the_prepare_page(window: MainWindow, qtbot: QtBot) -> None:
    session_id = start_live_session(window, present=3)
    window.show_page(PREPARE_PAGE)
    window.activateWindow()
    target = QApplication.focusWidget() or window
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):
        QTest.keyClick(target, key)
    assert stored_counts(window, session_id) == {}


def test_talk_time_sums_follow_the_monotonic_clock(window: MainWindow, qtbot: QtBot, fake_clock: FakeClock) -> None:
    session_id = start_live_session(window, present=3)
    panel = window.participation_panel
    panel.talk_button.click()
    first = click_tile(window, 0)
    fake_clock.advance(30)
    second = click_tile(window, 1)  # hands over the turn: the first stint ends at 30 s
    fake_clock.advance(45)
    panel._tick()
    assert shown(window, RosterRole.SPEAKING) == [False, True, False]
    assert shown(window, RosterRole.TALK_SECONDS) == [30.0, 45.0, 0.0]
    focus_roster(qtbot, window)
    QTest.keyClick(panel.roster, Qt.Key.Key_0)  # stop
    fake_clock.advance(100)
    click_tile(window, 0)
    fake_clock.advance(15)
    click_tile(window, 0)  # the speaker pressed again: stop

    rows = participation.contributions(window.context.db, session_id)
    assert [(row.member_id, row.duration_seconds) for row in rows] == [(first, 30.0), (second, 45.0), (first, 15.0)]
    assert shown(window, RosterRole.TALK_SECONDS) == [45.0, 45.0, 0.0]
    assert shown(window, RosterRole.BAR) == [0.5, 0.5, 0.0]
    assert shown(window, RosterRole.FIGURE) == ["0:45", "0:45", "–"]
    assert (
        panel.balance_label.full_text()
        == "1 of 3 people took 50% of the talk time; 1 person has no talk time · balance of voices 0.33"
    )


def test_ending_the_session_saves_the_running_stint(window: MainWindow, qtbot: QtBot, fake_clock: FakeClock) -> None:
    session_id = start_live_session(window, present=2)
    window.participation_panel.talk_button.click()
    click_tile(window, 1)
    fake_clock.advance(62)
    window.live_session.finish()
    assert [row.duration_seconds for row in participation.contributions(window.context.db, session_id)] == [62.0]
    assert window.participation_panel.empty_label.isVisibleTo(window.participation_panel)


def test_undo_cancels_a_running_stint(window: MainWindow, qtbot: QtBot, fake_clock: FakeClock) -> None:
    session_id = start_live_session(window, present=2)
    panel = window.participation_panel
    panel.talk_button.click()
    click_tile(window, 0)
    fake_clock.advance(20)
    panel.undo_button.click()
    assert participation.contributions(window.context.db, session_id) == []
    assert not panel.stop_button.isEnabled()


def test_the_balance_reads_a_known_distribution(window: MainWindow, qtbot: QtBot) -> None:
    start_live_session(window, present=5)
    panel = window.participation_panel
    assert panel.balance_label.full_text() == "No contributions logged yet"
    for _ in range(5):
        click_tile(window, 0)
    for row in range(1, 5):
        click_tile(window, row)
    # Gini of [5, 1, 1, 1, 1] is 0.36; the most active fifth (1 of 5) made 5 of 9.
    assert panel.balance_label.full_text() == "1 of 5 people made 56% of contributions · balance of voices 0.36"
    for row in range(1, 5):
        click_tile(window, row)
    assert (
        panel.balance_label.full_text() == "Contributions were evenly spread · balance of voices 0.18"
    )  # [5, 2, 2, 2, 2]


def test_the_quiet_cue_appears_after_the_configured_minutes(
    clocked_window: MainWindow, qtbot: QtBot, fake_clock: FakeClock
) -> None:
    window = clocked_window  # stored start times are wall-clock stamps: the wall clock must be the fake one too
    signals: list[str] = []
    window.live_session.room_signal.connect(signals.append)
    start_live_session(window, present=3)
    panel = window.participation_panel
    fake_clock.advance(5 * 60)
    click_tile(window, 0)  # heard at 5 min
    fake_clock.advance(10 * 60 - 1)  # 14:59 in
    panel._tick()
    assert shown(window, RosterRole.QUIET) == [False, False, False]
    assert signals == []
    fake_clock.advance(1)  # 15:00: the two never heard are quiet since the start
    panel._tick()
    assert shown(window, RosterRole.QUIET) == [False, True, True]
    assert signals == ["quiet-voice"]
    fake_clock.advance(5 * 60)  # 20:00: 15 min since the first was heard
    panel._tick()
    assert shown(window, RosterRole.QUIET) == [True, True, True]
    assert shown(window, RosterRole.SILENT_MINUTES) == [15, 20, 20]

    panel.quiet_spin.setValue(25)
    assert shown(window, RosterRole.QUIET) == [False, False, False]
    assert settings.get_int_setting(window.context.db, settings.QUIET_AFTER_MINUTES) == 25
    assert signals[-1] == ""
    click_tile(window, 1)
    assert signals.count("quiet-voice") == 1  # only changes are announced


def test_the_quiet_threshold_is_read_back_and_a_bad_stored_value_falls_back(window: MainWindow) -> None:
    db = window.context.db
    settings.set_setting(db, settings.QUIET_AFTER_MINUTES, "ten")
    from copdesk.views.live.participation.live_tally import LiveTally

    assert LiveTally(window.context).quiet_after_minutes == 15
    settings.set_setting(db, settings.QUIET_AFTER_MINUTES, "7")
    assert LiveTally(window.context).quiet_after_minutes == 7


def test_a_resumed_session_shows_what_was_saved_before(window: MainWindow, fake_clock: FakeClock) -> None:
    session_id = start_live_session(window, present=2)
    members = shown(window, RosterRole.MEMBER_ID)
    window.participation_panel.choose(int(str(members[1])))
    window.live_session.finish()  # the app "closes" without the session ending in the store
    window.live_session.begin(session_id, window.current_team_id() or 0)
    assert shown(window, RosterRole.COUNT) == [0, 1]
    window.participation_panel.undo_button.click()  # a resumed tick can still be taken back
    assert participation.contributions(window.context.db, session_id) == []


def test_a_guest_marked_present_mid_session_joins_the_roster(window: MainWindow) -> None:
    session_id = start_live_session(window, present=2, absent=1)
    window.participation_panel.choose(int(str(shown(window, RosterRole.MEMBER_ID)[0])))
    team_members = sessions.attendee_ids(window.context.db, session_id)
    absent = [m for m in shown(window, RosterRole.MEMBER_ID)]
    db = window.context.db
    everyone = [row["id"] for row in db.query("SELECT id FROM member")]
    sessions.set_attendance(db, session_id, everyone)
    window.participation_panel.reload_roster()
    assert len(shown(window, RosterRole.NAME)) == 3 and len(team_members) == 2 and len(absent) == 2
    assert sum(int(str(c)) for c in shown(window, RosterRole.COUNT)) == 1


def test_nobody_present_says_so(window: MainWindow) -> None:
    start_live_session(window, present=0, absent=2)
    panel = window.participation_panel
    assert panel.nobody_label.isVisibleTo(panel) and not panel.roster.isVisibleTo(panel)


def tiles_outside_the_roster(window: MainWindow) -> list[int]:
    panel = window.participation_panel
    viewport = panel.roster.viewport().rect()
    rows = range(panel.visible_roster.rowCount())
    return [row for row in rows if not viewport.contains(panel.roster.visualRect(panel.visible_roster.index(row, 0)))]


def assert_every_tile_shows_without_scrolling(
    window: MainWindow, qtbot: QtBot, present: int, *, compact: bool | None = None
) -> None:
    """Every tile whole inside the roster, no scroll bar, and the grid spread across the pane's width."""
    panel = window.participation_panel
    roster = panel.roster
    qtbot.waitUntil(
        lambda: (
            not tiles_outside_the_roster(window)
            and not roster.verticalScrollBar().isVisible()
            and compact in (None, roster.compact)
        )
    )
    assert panel.visible_roster.rowCount() == present
    rects = [roster.visualRect(panel.visible_roster.index(row, 0)) for row in range(present)]
    if present >= roster.grid_fit.columns:  # a full row of tiles reaches the right-hand edge: no empty column
        assert max(rect.right() for rect in rects) >= roster.viewport().width() - roster.grid_fit.columns - 2
    assert min(rect.height() for rect in rects) >= 22, "tiles stay big enough to read and click"


@pytest.mark.parametrize("present", [2, 6, 7, 12, 13, 20, 30])
def test_every_tile_is_visible_without_scrolling_at_1366x768_after_the_start_dialog(
    clocked_window: MainWindow, qtbot: QtBot, fake_clock: FakeClock, present: int
) -> None:
    """The real start: team, start dialog, ground rules, Start; then the timer's banners take room too."""
    window = clocked_window
    assert (window.width(), window.height()) == (1366, 768)
    names = fictional_names(present + 2)  # two of the team are away today
    add_team(window, names)
    start_session(window, present=names[:present])
    assert window.pages.currentIndex() == LIVE_PAGE and window.timer_panel.view is not None
    # Two-line tiles with their bars for up to twelve, as the README says; one-line tiles above twelve.
    expected = present > 12
    assert_every_tile_shows_without_scrolling(window, qtbot, present, compact=expected)

    fake_clock.advance(15 * 60)  # the welcome overran: re-timing shows the timer's notice banner
    window.session_flow.actions.retime.trigger()
    fake_clock.sleep_laptop(20 * 60)  # and the laptop slept: the sleep banner
    window.session_flow.live_timer.refresh()
    timer = window.timer_panel
    assert timer.notice_banner.isVisible() and timer.sleep_banner.isVisible()
    assert_every_tile_shows_without_scrolling(window, qtbot, present, compact=expected)  # banners take no tile's room


def test_type_to_filter_then_enter_or_a_digit_logs_a_match(window: MainWindow, qtbot: QtBot) -> None:
    session_id = start_live_session(window, present=12)
    panel = window.participation_panel
    focus_roster(qtbot, window)
    QTest.keyClick(panel.roster, Qt.Key.Key_Slash)  # "/" on the tiles opens the name filter
    assert panel.keys.filter_edit.hasFocus()
    QTest.keyClicks(panel.keys.filter_edit, "ha")
    matches = [panel.visible_roster.index(r, 0).data(RosterRole.NAME) for r in range(panel.visible_roster.rowCount())]
    assert matches and all("ha" in str(name).lower() for name in matches)
    second = panel.visible_roster.member_at(1)
    QTest.keyClick(panel.keys.filter_edit, Qt.Key.Key_2)
    assert stored_counts(window, session_id) == {second: 1}
    assert panel.keys.filter_edit.text() == "" and panel.roster.hasFocus()

    panel.keys.filter_edit.setFocus()
    QTest.keyClicks(panel.keys.filter_edit, "idris")
    only = panel.visible_roster.member_at(0)
    QTest.keyClick(panel.keys.filter_edit, Qt.Key.Key_Return)
    assert stored_counts(window, session_id)[only or 0] == 1
    panel.keys.filter_edit.setFocus()
    QTest.keyClicks(panel.keys.filter_edit, "zzz")
    QTest.keyClick(panel.keys.filter_edit, Qt.Key.Key_Return)  # no match: nothing logged, the text stays
    assert panel.keys.filter_edit.text() == "zzz" and sum(stored_counts(window, session_id).values()) == 2
    QTest.keyClick(panel.keys.filter_edit, Qt.Key.Key_Escape)
    assert panel.keys.filter_edit.text() == "" and panel.visible_roster.rowCount() == 12


def test_the_name_filter_shows_its_placeholder_whole_with_the_pane_at_its_narrowest(
    window: MainWindow, qtbot: QtBot
) -> None:
    """With twelve present and talk time on (Stop shows too), the pane's buttons squeezed the filter box until its
    placeholder read "Fi…". It keeps room for its placeholder, short enough that the pane grows no wider."""
    start_live_session(window, present=12)
    panel = window.participation_panel
    panel.talk_button.click()
    window.live_splitter.setSizes([1, 5000])  # the participation side dragged to its narrowest
    edit = panel.keys.filter_edit
    qtbot.waitUntil(lambda: edit.isVisible() and panel.stop_button.isVisible())
    needs = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= edit.minimumSizeHint().width() > needs
    assert panel.width() == panel.minimumSizeHint().width(), "the pane at its narrowest"


def test_the_roster_survives_names_in_any_script(window: MainWindow, qtbot: QtBot) -> None:
    from copdesk.store import teams

    db, now = window.context.db, window.context.now()
    team = teams.create_team(db, "Tîm Harbwr", [("زينب الحسن", Role.PRACTITIONER), ("Zoë 🌱 Ng", Role.GUEST)], now)
    members = teams.list_members(db, team.id)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now)
    sessions.set_attendance(db, session.id, [m.id for m in members])
    window.live_session.begin(session.id, team.id)
    window.participation_panel.grab()  # paints without error
    assert sorted(str(n) for n in shown(window, RosterRole.NAME)) == sorted(m.display_name for m in members)


def live_with_everyone_present(window: MainWindow, names: list[str]) -> RosterView:
    """A team of ``names`` (practitioners), all present at a session gone live on the Live page; its roster."""
    from copdesk.store import teams

    db, now = window.context.db, window.context.now()
    team = teams.create_team(db, "Harbour Team", [(name, Role.PRACTITIONER) for name in names], now)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now)
    sessions.set_attendance(db, session.id, [m.id for m in teams.list_members(db, team.id)])
    window.reload_teams(team.id)
    window.show_page(LIVE_PAGE)
    window.live_session.begin(session.id, team.id)
    return window.participation_panel.roster


def test_a_long_name_in_a_narrow_tile_keeps_its_surnames_initial(window: MainWindow, qtbot: QtBot) -> None:
    """Twelve people at 1366×768 get three columns: "Priya Lindqvist-Okonkwo" shows as "Priya L.", which tells her
    apart from "Priya Moreno-Achterberg" (cut between words, both would read "Priya…"); the whole name is on hover."""
    roster = live_with_everyone_present(
        window, ["Priya Lindqvist-Okonkwo", "Priya Moreno-Achterberg", *fictional_names(10)]
    )
    qtbot.waitUntil(lambda: not roster.compact and roster.grid_fit.columns >= 3)
    roster.viewport().grab()  # paints every tile
    delegate = roster.itemDelegate()
    shown = dict(delegate.shown_names.values())  # type: ignore[attr-defined]
    assert shown["Priya Lindqvist-Okonkwo"] == "Priya L."
    assert shown["Priya Moreno-Achterberg"] == "Priya M."
    visible = window.participation_panel.visible_roster
    tips = [str(visible.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)) for row in range(visible.rowCount())]
    assert any("Priya Lindqvist-Okonkwo" in tip for tip in tips)


def test_the_panes_widgets_live_only_under_the_live_page(window: MainWindow) -> None:
    start_live_session(window, present=3)
    panel = window.participation_panel
    live_page = window.pages.widget(LIVE_PAGE)
    assert live_page is not None
    for widget in [panel, *panel.findChildren(QWidget)]:
        assert under(widget, live_page), widget


def under(widget: QWidget, ancestor: QWidget) -> bool:
    """Whether ``ancestor`` owns ``widget``, following a pop-up window (the remedies card) to its owner too."""
    parent: QWidget | None = widget
    while parent is not None and parent is not ancestor:
        parent = parent.parentWidget()
    return parent is ancestor


def test_an_idle_tick_repaints_nothing_until_what_is_shown_changes(
    window: MainWindow, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_live_session(window, present=3)
    panel = window.participation_panel
    click_tile(window, 0)  # the room is being tallied: the others can go quiet
    refreshes: list[bool] = []
    monkeypatch.setattr(panel, "_refresh", lambda: refreshes.append(True))
    for _ in range(5):
        fake_clock.advance(1)
        panel._tick()
    assert refreshes == []  # the first minutes: nothing on screen depends on the clock yet
    fake_clock.advance(15 * 60)
    panel._tick()
    assert refreshes == [True]  # everyone has now been quiet for the threshold


def test_letters_on_the_tiles_are_left_to_the_window(window: MainWindow, qtbot: QtBot) -> None:
    session_id = start_live_session(window, present=12)
    panel = window.participation_panel
    focus_roster(qtbot, window)
    QTest.keyClicks(panel.roster, "ab")
    assert panel.keys.filter_edit.text() == "" and stored_counts(window, session_id) == {}


def test_the_keys_are_listed_for_the_help_overlay(window: MainWindow) -> None:
    from copdesk.views.shell.shortcut_help import shortcut_rows

    rows = dict(shortcut_rows(window))
    assert rows["1 to 9"] == "Participation: log a contribution for the person with that number"
    assert not any(keys in rows for keys in "123456789"), "the nine keys share one row"
    assert rows["0"] == "Participation: stop timing the speaker"
    assert "Participation: undo the last contribution or room marker" in rows.values()


def test_with_nobody_tallied_no_tile_turns_amber_and_the_line_says_why(
    clocked_window: MainWindow, qtbot: QtBot, fake_clock: FakeClock
) -> None:
    window = clocked_window
    signals: list[str] = []
    window.live_session.room_signal.connect(signals.append)
    start_live_session(window, present=4)
    panel = window.participation_panel
    fake_clock.advance(20 * 60)  # past the 15 quiet minutes, and nobody tallied at all
    panel._tick()
    assert shown(window, RosterRole.QUIET) == [False, False, False, False]
    assert panel.balance_label.full_text() == "No contributions logged yet"
    assert "quiet-voice" not in signals
    click_tile(window, 0)  # once the room is being tallied, the others are quiet since the start
    assert shown(window, RosterRole.QUIET) == [False, True, True, True]


def test_thirty_people_never_show_two_tiles_that_read_the_same(window: MainWindow, qtbot: QtBot) -> None:
    """Names that share their start ("Jonathan Adams", "Jonathan Allen") both read "Jonathan A." in a narrow tile:
    the facilitator would tally the wrong person. Each tile reads differently from every other."""
    firsts = ("Jonathan", "Christopher", "Katherine", "Alexandra", "Stephanie", "Maximilian")
    pairs = [f"{first} {last}" for first in firsts for last in ("Adams", "Allen")]
    roster = live_with_everyone_present(window, [*pairs, *fictional_names(18)])
    roster.viewport().grab()  # paints every tile
    shown = dict(roster.itemDelegate().shown_names.values())  # type: ignore[attr-defined]
    assert len(shown) >= 12  # every tile on screen; more scroll into view
    assert len(set(shown.values())) == len(shown), sorted(shown.values())
    assert any(text != name for name, text in shown.items()), "the tiles are narrow enough to cut names"
    for name, text in shown.items():  # each cut one the window's fit check allows (tests/views/text_fit.py)
        assert text == name or cut_between_words(name, text) or initialled(name, text) or told_apart(name, text)
