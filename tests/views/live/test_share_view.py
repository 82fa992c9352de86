"""The share-safe view shows the timer and the current question, and can never show anything about colleagues."""

from __future__ import annotations

import inspect
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.timer import TimerView
from copdesk.store import teams
from copdesk.views.live.share_view import SMALLEST_PIXELS, ShareView, share_layout
from copdesk.views.session.session_flow import SHARE_THE_WINDOW
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.labels import ELLIPSIS
from tests.conftest import FakeClock
from tests.views.live_helpers import ROSTER, add_team, start_session


def _descendants_of(panes: list[QWidget]) -> set[int]:
    found: set[int] = set()
    for pane in panes:
        found.add(id(pane))
        found.update(id(child) for child in pane.findChildren(QWidget))
    return found


def test_the_share_view_holds_no_widget_of_the_participation_or_notes_panes(
    window: MainWindow, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    add_team(window)
    start_session(window, guests=("Guest Speaker",))
    flow = window.session_flow
    flow.actions.share_view.trigger()
    share = flow.share_view
    qtbot.waitExposed(share)
    assert share.objectName() == "shareView" and share.isWindow() and share.parent() is None
    assert share.isVisible() and share is not window.window()

    private = _descendants_of([window.participation_panel, window.notes_panel])
    inside = share.findChildren(QWidget)
    assert not [w for w in inside if id(w) in private]
    assert inside == [], "the share view paints itself and has no child widgets at all"
    assert share not in window.findChildren(QWidget), "nothing laid out in the main window reaches it"


def test_the_share_view_shows_the_timer_and_question_and_no_member_names(
    window: MainWindow, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    team = add_team(window)
    start_session(window, guests=("Guest Speaker",))
    flow = window.session_flow
    fake_clock.advance(250)
    window.live_session.question_shown.emit("What has worked well and why?")
    flow.live_timer.refresh()
    flow.actions.share_view.trigger()
    shown = flow.share_view.shown_text()
    assert shown == ["Welcome and ground rules", "00:50", "left of 5 min", "What has worked well and why?"]
    names = [m.display_name for m in teams.list_members(window.context.db, team.id)]
    assert "Guest Speaker" in names and set(ROSTER) <= set(names)
    text = " ".join(shown) + " " + flow.share_view.accessibleDescription()
    assert not [name for name in names if name.split()[0] in text or name in text]
    image = flow.share_view.grab()
    assert not image.isNull() and image.width() >= 480


def test_opening_the_share_view_says_which_window_to_share(window: MainWindow) -> None:
    """The main window shows who has spoken: shared whole, or shared as the screen, the room would see it."""
    add_team(window)
    start_session(window)
    flow = window.session_flow
    flow.actions.share_view.trigger()
    said = window.statusBar().currentMessage()
    assert said == SHARE_THE_WINDOW and f"“{flow.share_view.windowTitle()}”" in said
    flow.actions.share_view.trigger()


def test_a_widget_put_into_the_share_view_is_removed_at_once(window: MainWindow, qtbot: QtBot) -> None:
    share = window.session_flow.share_view
    share.show()
    intruder = QLabel("Alex Morgan: 12 contributions", share)
    intruder.show()
    assert intruder.isHidden(), "a show() after parenting is undone"
    layout = QVBoxLayout(share)
    laid_out = QLabel("Tension marker at 10:42")
    layout.addWidget(laid_out)
    qtbot.wait(1)  # let the layout's queued show run, as it would in the app
    assert not shiboken6.isValid(laid_out) or laid_out.isHidden()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert share.findChildren(QLabel) == [], "and removed"
    assert not shiboken6.isValid(intruder)


def test_the_share_view_takes_nothing_but_colours() -> None:
    parameters = list(inspect.signature(ShareView.__init__).parameters)
    assert parameters == ["self", "colours"], "no database, roster or LiveSession may be handed to the share view"


def test_after_the_session_the_share_view_forgets_the_question(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    flow = window.session_flow
    window.live_session.question_shown.emit("What did you learn that you will build into your practice?")
    flow.end_now()
    assert flow.share_view.shown_text() == ["No session is running"]


def test_the_painted_views_follow_the_dark_theme(window: MainWindow) -> None:
    flow = window.session_flow
    light = flow.share_view.colours.background.name()
    window.dark_action.trigger()
    assert flow.share_view.colours.background.name() != light
    assert flow.mini_timer.colours == flow.share_view.colours == window.timer_panel.disc.colours


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080), (480, 270), (480, 900), (1600, 400)])
def test_the_timer_takes_the_room_of_a_question_not_shown_and_nothing_overlaps(width: int, height: int) -> None:
    window = QRectF(0, 0, width, height)
    with_question = share_layout(width, height, with_question=True)
    without = share_layout(width, height, with_question=False)
    for places in (with_question, without):
        shown = [places.segment, places.disc, places.countdown, places.caption]
        shown += [place for place in (places.heading, places.question) if place is not None]
        assert all(window.contains(place) and place.width() > 0 and place.height() > 0 for place in shown)
        assert places.disc.right() < places.countdown.left() and places.countdown.bottom() <= places.caption.top()
        assert places.segment.bottom() < min(places.disc.top(), places.countdown.top())
    assert with_question.heading is not None and with_question.question is not None
    assert with_question.disc.bottom() < with_question.heading.top() < with_question.question.top()
    assert without.heading is None and without.question is None
    # No empty half: the disc grows into the question's room, up to the bottom margin or the room beside the digits.
    assert (
        without.disc.height() > with_question.disc.height()
        or without.disc.width() >= (width - 2 * without.margin) * 0.45
    )
    assert (
        height - without.disc.bottom() <= 2 * without.margin
        or without.disc.width() >= (width - 2 * without.margin) * 0.45
    )


LONG_NAME = "Case discussion: what the person wants from their package of care after the hospital stay"


@pytest.mark.parametrize("which", ["share view", "mini timer"])
def test_a_name_too_long_for_a_small_timer_window_is_cut_between_words(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    """At their smallest, the shared screen and the mini timer cut a segment's name through a word
    ("Case discussion: what the pers…")."""
    add_team(window)
    start_session(window)
    flow = window.session_flow
    shown = flow.share_view if which == "share view" else flow.mini_timer
    assert isinstance(shown.view, TimerView)
    shown.show_timer(replace(shown.view, segment_name=LONG_NAME))
    shown.resize(shown.minimumSize())
    drawn: list[str] = []
    monkeypatch.setattr(QPainter, "drawText", lambda _painter, _area, _flags, text: drawn.append(text))
    shown.grab()
    (segment,) = [text for text in drawn if text.startswith("Case")]
    assert segment.endswith(ELLIPSIS) and len(segment) < len(LONG_NAME)
    assert LONG_NAME.startswith(segment[:-1]) and not LONG_NAME[len(segment) - 1].isalnum()


LONG_QUESTION = (
    "Thinking about the person's own words at the review, and what their daughter said about the evenings since "
    "the fall, what would the least restrictive way of keeping them safe at home look like, who else would need "
    "to be part of that conversation, and what might we be assuming about risk that the person would not "
    "recognise as their own view of a good life?"
)


def test_a_question_too_long_for_the_smallest_share_view_ends_between_words_inside_the_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At its smallest, the shared screen cut a long question through its last line at the window's foot: it
    shrinks to the smallest type, then ends after a whole word with "…" inside the window, whole on hover."""
    add_team(window)
    start_session(window)
    share = window.session_flow.share_view
    share.show_question(LONG_QUESTION)
    share.resize(share.minimumSize())
    drawn: list[tuple[QRectF, str, int]] = []

    def draw(painter: QPainter, area: QRectF, flags: int, text: str) -> None:
        drawn.append((QRectF(area), text, painter.font().pixelSize()))

    monkeypatch.setattr(QPainter, "drawText", draw)
    share.grab()
    (area, question, pixels), *_ = [entry for entry in drawn if entry[1].startswith("Thinking")]
    assert pixels == SMALLEST_PIXELS and question.endswith(ELLIPSIS) and len(question) < len(LONG_QUESTION)
    start = question.removesuffix(ELLIPSIS)
    assert LONG_QUESTION.startswith(start) and not LONG_QUESTION[len(start)].isalnum()
    places = share_layout(share.width(), share.height(), with_question=True)
    assert places.question is not None and area == places.question and places.question.bottom() <= share.height()
    font = QFont(share.font())
    font.setPixelSize(pixels)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    assert QFontMetrics(font).boundingRect(area.toAlignedRect(), flags, question).height() <= area.height()
    assert share.toolTip() == LONG_QUESTION and LONG_QUESTION in share.accessibleDescription()
