"""The question pane end to end, in the real window, with a live session made in the test."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copdesk.core.custom_questions import custom_key
from copdesk.core.model import SegmentPhase
from copdesk.core.question_bank import PromptPhase, Question, QuestionKind
from copdesk.store import questions as store
from copdesk.store.records import session_record
from copdesk.views.live.questions.question_keys import ASKED_KEY, BACK_KEYS, FAVOURITE_KEY, NEXT_KEYS, SEARCH_KEY
from copdesk.views.shell.header_bar import LIVE_PAGE
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.shell.shortcut_help import shortcut_rows
from tests.views.question_helpers import NOW, current, enter, make_team, panel_of, shown_texts, start_live

# --- next, back, favourite, mark as asked -----------------------------------------------------------


def test_next_back_and_forward_without_repeats(window: MainWindow, qtbot: QtBot) -> None:
    start_live(window)
    panel = panel_of(window)
    texts = shown_texts(window)
    drawn = []
    for _ in range(3):
        QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        drawn.append(current(panel))
    assert len({q.id for q in drawn}) == 3
    assert all(q.kind is QuestionKind.QUESTION for q in drawn)
    assert panel.card.text_label.text() == drawn[2].text
    assert texts == [q.text for q in drawn]
    QTest.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert current(panel) == drawn[1] and texts[-1] == drawn[1].text
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert current(panel) == drawn[2]  # forward through what was shown before drawing anew
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert current(panel).id not in {q.id for q in drawn}


def test_keys_draw_and_go_back(window: MainWindow, qtbot: QtBot) -> None:
    start_live(window)
    panel = panel_of(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_Q)
    first = current(panel)
    QTest.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert current(panel) != first
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert current(panel) == first
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert first.id in store.favourites(window.context.db)


def test_favourite_is_saved_and_favourites_only_draws_from_them(window: MainWindow, qtbot: QtBot) -> None:
    panel = panel_of(window)
    starred = []
    for _ in range(2):
        panel.next_question()
        QTest.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)
        assert panel.favourite_button.isChecked()
        starred.append(current(panel).id)
    assert store.favourites(window.context.db) == set(starred)
    start_live(window)  # a new session: nothing drawn yet
    panel.filters.favourites_only.setChecked(True)
    panel.next_question()
    panel.next_question()
    assert {current(panel).id, *panel.picker.asked_ids} == set(starred)
    last = current(panel)
    panel.next_question()
    assert current(panel) == last
    assert "Every question that fits the filters" in panel.card.notice_label.text()
    QTest.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)  # unstar
    assert last.id not in store.favourites(window.context.db)
    assert not panel.favourite_button.isChecked()


def test_favourites_only_with_none_starred_says_so_rather_than_all_drawn(window: MainWindow) -> None:
    panel = panel_of(window)
    panel.filters.favourites_only.setChecked(True)
    panel.next_question()
    said = panel.card.notice_label.text()
    assert said.startswith("No question fits the filters (★ only is on, and no question is starred yet).")
    assert "has been drawn" not in said


def test_mark_as_asked_logs_question_time_and_segment_and_can_be_undone(window: MainWindow, qtbot: QtBot) -> None:
    session = start_live(window)
    panel = panel_of(window)
    position = enter(window, SegmentPhase.CLARIFYING)
    question = current(panel)  # entering the segment drew a question for it
    QTest.mouseClick(panel.asked_button, Qt.MouseButton.LeftButton)
    [entry] = store.asked_in_session(window.context.db, session.id)
    assert (entry.question_key, entry.category, entry.text, entry.segment_position) == (
        question.id,
        question.category,
        question.text,
        position,
    )
    assert datetime.fromisoformat(entry.at).tzinfo is not None
    assert panel.asked_button.isChecked() and panel.asked_button.text() == "Asked ✓"
    QTest.mouseClick(panel.asked_button, Qt.MouseButton.LeftButton)  # undo
    assert store.asked_in_session(window.context.db, session.id) == []
    panel.toggle_asked()
    assert len(store.asked_in_session(window.context.db, session.id)) == 1


def test_what_was_marked_goes_into_the_session_record(window: MainWindow) -> None:
    session = start_live(window)
    panel = panel_of(window)
    enter(window, SegmentPhase.REFLECTION)
    panel.toggle_asked()
    asked = current(panel)
    panel.next_question()  # drawn, not asked: stays out of the record
    [line] = session_record(window.context.db, session.id).questions_asked
    assert (line.segment, line.text) == ("Reflective discussion", asked.text)


def test_a_refused_write_is_said_and_nothing_is_marked(window: MainWindow) -> None:
    session = start_live(window)
    panel = panel_of(window)
    panel.next_question()
    db = window.context.db
    banner = window.safeguards.write_banner
    db.execute("PRAGMA query_only = ON")  # the database refuses every write, as a full disk would
    try:
        panel.toggle_asked()
        assert banner.isVisible() and "read-only" in banner.label.text()  # said in the window's banner strip
        assert not panel.asked_button.isChecked() and not panel.marks.logged_ids
        panel.toggle_favourite()
        assert "2 changes are waiting" in banner.label.text()
        assert not panel.favourite_button.isChecked() and not panel.marks.favourite_ids
        assert store.asked_in_session(db, session.id) == [] and store.favourites(db) == set()
    finally:
        db.execute("PRAGMA query_only = OFF")
    banner.button("Retry").click()  # writable again: both are saved, and shown
    assert not banner.isVisible()
    assert panel.asked_button.isChecked() and panel.favourite_button.isChecked()
    shown = current(panel)
    assert [e.question_key for e in store.asked_in_session(db, session.id)] == [shown.id]
    assert store.favourites(db) == {shown.id}


def test_without_a_live_session_it_browses_and_logs_nothing(window: MainWindow) -> None:
    panel = panel_of(window)
    assert "nothing is logged" in panel.mode_label.full_text()
    panel.next_question()
    assert panel.current is not None
    assert not panel.asked_button.isEnabled()
    panel.toggle_asked()
    assert "No session is live" in panel.card.notice_label.text()
    assert window.context.db.table("question_asked").count == 0


def test_guidance_cannot_be_marked_and_is_not_shown_to_the_room(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    texts = shown_texts(window)
    enter(window, SegmentPhase.OPENING)
    assert current(panel).kind is QuestionKind.TIP
    assert texts == [""]
    assert not panel.asked_button.isEnabled()


def test_the_why_tip_is_said_once_and_a_why_question_keeps_its_caution(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    card = panel.card
    tip = next(q for q in panel.bank if q.caution is not None and q.caution == q.text)
    panel.show_question(tip)
    assert card.text_label.text() == tip.text and not card.caution_label.isVisibleTo(card)
    why = next(q for q in panel.bank if q.caution is not None and q.caution != q.text)
    panel.show_question(why)
    assert card.caution_label.isVisibleTo(card) and card.caution_label.text() == (
        "⚠ Caution: “Asking “Why” can be useful – but be aware that this may sometimes cause defensiveness.” "
        "(Masterclass, Asking questions to encourage reflective discussion)"
    )


# --- filters and search -----------------------------------------------------------------------------


def test_category_filter_balances_the_ticked_categories(window: MainWindow) -> None:
    panel = panel_of(window)
    for name in ("Weather model", "Viewpoint questions"):
        panel.filters.category_button.option(name).trigger()
    assert panel.filters.category_button.text() == "Categories: 2 of 15"
    drawn: Counter[str] = Counter()
    for _ in range(8):
        panel.next_question()
        drawn[current(panel).category] += 1
        assert set(drawn) <= {"Weather model", "Viewpoint questions"}
        assert abs(drawn["Weather model"] - drawn["Viewpoint questions"]) <= 1
    panel.filters.category_button.clear()
    assert panel.filters.category_button.text() == "Categories"


def test_model_filter(window: MainWindow) -> None:
    panel = panel_of(window)
    panel.filters.model_button.option("Critical reflection (Brookfield, 1998)").trigger()
    for _ in range(4):
        panel.next_question()
        assert current(panel).model == "Critical reflection (Brookfield, 1998)"
    panel.next_question()
    assert "Every question that fits the filters" in panel.card.notice_label.text()


def test_funnel_mode_goes_from_broad_to_specific(window: MainWindow) -> None:
    panel = panel_of(window)
    panel.filters.category_button.option("Clarification questions").trigger()
    panel.filters.funnel_button.setChecked(True)
    levels = []
    for _ in range(3):
        panel.next_question()
        levels.append(current(panel).funnel_level or 2)
    assert levels == sorted(levels) and levels[0] == 1


def test_search_finds_bank_and_custom_questions_and_shows_the_chosen_one(window: MainWindow, qtbot: QtBot) -> None:
    start_live(window)
    panel = panel_of(window)
    db = window.context.db
    mine = Question(
        custom_key("team.1"), "Whose voice is missing?", "Ours", "Our model", "Us", (PromptPhase.EXPLORING,)
    )
    store.save_custom_question(db, mine, NOW)
    gone = Question(custom_key("team.2"), "Whose voice is hidden?", "Ours", "Our model", "Us", (PromptPhase.EXPLORING,))
    store.save_custom_question(db, gone, NOW, hidden=True)
    panel.reload_custom_questions()
    texts = shown_texts(window)
    QTest.keyClicks(panel.search.field, "least RESTRICTIVE")
    assert panel.stack.currentWidget() is panel.search.results_view
    assert [panel.search.model.question_at(r).id for r in range(panel.search.model.rowCount())] == ["reflective.1"]
    QTest.keyClick(panel.search.field, Qt.Key.Key_Return)
    assert current(panel).id == "reflective.1"
    assert panel.stack.currentWidget() is panel.card and panel.search.field.text() == ""
    assert texts[-1] == current(panel).text
    QTest.keyClicks(panel.search.field, "voice")
    found = {panel.search.model.question_at(r).id for r in range(panel.search.model.rowCount())}
    assert found == {mine.id}  # the hidden one is never found
    panel.search.field.clear()
    QTest.keyClicks(panel.search.field, "defensiveness")
    kinds = {panel.search.model.question_at(r).kind for r in range(panel.search.model.rowCount())}
    assert QuestionKind.TIP in kinds  # search reaches the guidance too
    QTest.keyClick(panel.search.field, Qt.Key.Key_Escape)
    assert panel.stack.currentWidget() is panel.card


def test_down_moves_into_the_results_and_enter_there_chooses(window: MainWindow, qtbot: QtBot) -> None:
    panel = panel_of(window)
    window.show_page(LIVE_PAGE)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert panel.search.field.hasFocus()
    QTest.keyClicks(panel.search.field, "weather")
    assert [q.category for q in panel.search.found()] == ["Weather model"] * 4
    QTest.keyClick(panel.search.field, Qt.Key.Key_Down)
    view = panel.search.results_view
    assert view.hasFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert current(panel).id == "weather.rain"
    assert panel.stack.currentWidget() is panel.card


def test_a_search_that_finds_nothing_says_so(window: MainWindow) -> None:
    """An empty list looked as if the search had failed: the list says what found nothing, in its own words."""
    panel = panel_of(window)
    panel.search.field.setText("zzzz")
    view = panel.search.results_view
    assert panel.stack.currentWidget() is view and panel.search.model.rowCount() == 0
    assert view.empty_text == "No question, tip or technique holds “zzzz”. Try fewer words, or part of one."
    blank = view.viewport().grab().toImage()
    view.empty_text = ""
    assert view.viewport().grab().toImage() != blank, "the line is drawn in the list"


def test_a_question_picked_from_search_is_not_drawn_again(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    panel.filters.category_button.option("Weather model").trigger()
    panel.filters.match_segment.setChecked(False)
    bank_weather = [q for q in panel.bank if q.category == "Weather model"]
    panel.show_question(bank_weather[0])
    drawn = []
    for _ in range(len(bank_weather) - 1):
        panel.next_question()
        drawn.append(current(panel).id)
    assert bank_weather[0].id not in drawn
    assert len(set(drawn)) == len(bank_weather) - 1


# --- across sessions --------------------------------------------------------------------------------


def test_the_team_meets_the_rest_of_a_category_before_any_repeat(window: MainWindow) -> None:
    team_id = make_team(window)
    panel = panel_of(window)
    weather = [q for q in panel.bank if q.category == "Weather model"]
    earlier = start_live(window, team_id)
    for question in weather[:-1]:
        store.record_asked(window.context.db, earlier.id, question.id, question.category, question.text, 4, NOW)
    window.live_session.finish()
    start_live(window, team_id)
    panel.filters.category_button.option("Weather model").trigger()
    panel.next_question()
    assert current(panel) == weather[-1]


def test_a_resumed_session_keeps_its_log_and_never_repeats_it(window: MainWindow) -> None:
    team_id = make_team(window)
    session = start_live(window, team_id)
    store.record_asked(window.context.db, session.id, "weather.fog", "Weather model", "Fog?", 4, NOW)
    window.live_session.finish()
    window.live_session.begin(session.id, team_id)  # resumed after a crash
    panel = panel_of(window)
    assert current(panel).id == "weather.fog" and panel.asked_button.isChecked()
    panel.filters.category_button.option("Weather model").trigger()
    drawn = []
    for _ in range(3):
        panel.next_question()
        drawn.append(current(panel).id)
    assert "weather.fog" not in drawn


def test_ending_the_session_returns_to_browsing(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    texts = shown_texts(window)
    panel.next_question()
    window.live_session.finish()
    assert panel.current is None and texts[-1] == ""
    assert "nothing is logged" in panel.mode_label.full_text()


def test_its_keys_clash_with_nothing_else_in_the_window(window: MainWindow) -> None:
    mine = [QKeySequence(key) for key in (*NEXT_KEYS, *BACK_KEYS, FAVOURITE_KEY, ASKED_KEY, SEARCH_KEY)]
    everywhere = [seq for action in window.findChildren(QAction) for seq in action.shortcuts()]
    everywhere += [shortcut.key() for shortcut in window.findChildren(QShortcut)]
    for sequence in mine:
        assert everywhere.count(sequence) == 1, sequence.toString()


def test_its_keys_are_in_the_shortcut_list(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window))
    assert rows["Q or Ctrl+Right"].startswith("Questions: the next question")
    assert rows[FAVOURITE_KEY] == "Questions: star or unstar the current question"
    assert "mark the current question as asked" in rows[ASKED_KEY]
