"""The roster model and its filter, read through their named roles without any widget; the grid fitting rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from copdesk import paths
from copdesk.core.model import Role, SessionKind
from copdesk.core.participation import TALK_TIME
from copdesk.store import participation, sessions, teams
from copdesk.store.connection import open_database
from copdesk.views.context import AppContext
from copdesk.views.live.participation.live_tally import LiveTally
from copdesk.views.live.participation.roster_grid import (
    COMPACT_TILE,
    FULL_TILE,
    comfortable_height,
    fit_grid,
    smallest_height,
)
from copdesk.views.live.participation.roster_model import RosterFilter, RosterModel, RosterRole
from tests.conftest import FakeClock


@pytest.fixture
def live(db_path: Path, fake_clock: FakeClock) -> LiveTally:
    opened = open_database(db_path, paths.migrations_dir())
    context = AppContext(opened.db, opened.path, fake_clock, fake_clock.now, paths.asset_dir("resources"))
    db, now = context.db, context.now()
    names = [("Priya Nair", Role.PRACTITIONER), ("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.GUEST)]
    team = teams.create_team(db, "Harbour Team", names, now)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now)
    sessions.set_attendance(db, session.id, [m.id for m in teams.list_members(db, team.id)])
    sessions.start_session(db, session.id, now, ground_rules_agreed=True)
    tally = LiveTally(context)
    tally.load(session.id)
    return tally


def column(model: RosterModel | RosterFilter, role: RosterRole) -> list[object]:
    return [model.index(row, 0).data(role) for row in range(model.rowCount())]


def test_roles_have_names_for_every_field(live: LiveTally) -> None:
    names = {bytes(name.data()).decode() for name in RosterModel(live).roleNames().values()}
    assert {"member_id", "name", "role_label", "count", "talk_seconds", "bar", "quiet", "speaking"} <= names


def test_rows_follow_the_tally(live: LiveTally, fake_clock: FakeClock) -> None:
    model = RosterModel(live)
    assert column(model, RosterRole.NAME) == ["Ash Lee", "Bo Day", "Priya Nair"]
    assert column(model, RosterRole.ROLE_BADGE) == ["Fac", "Guest", "Prac"]
    ash, _bo, priya = (int(str(m)) for m in column(model, RosterRole.MEMBER_ID))
    live.log(priya)
    live.log(priya)
    live.log(ash)
    assert column(model, RosterRole.COUNT) == [1, 0, 2]
    assert column(model, RosterRole.BAR) == [0.5, 0.0, 1.0]
    assert column(model, RosterRole.FIGURE) == ["1", "0", "2"]
    description = model.index(2, 0).data(0x0B)  # AccessibleTextRole
    assert description == "Priya Nair, Practitioner, 2 contributions"


def test_talk_time_measure_shows_shares_and_the_speaker(live: LiveTally, fake_clock: FakeClock) -> None:
    model = RosterModel(live)
    model.set_measure(TALK_TIME)
    ash, bo, _priya = (int(str(m)) for m in column(model, RosterRole.MEMBER_ID))
    live.toggle_speaking(ash)
    fake_clock.advance(90)
    live.toggle_speaking(bo)
    fake_clock.advance(30)
    assert column(model, RosterRole.SPEAKING) == [False, True, False]
    assert column(model, RosterRole.BAR) == [0.75, 0.25, 0.0]
    assert column(model, RosterRole.FIGURE) == ["1:30", "0:30", "–"]
    assert "speaking now" in str(model.index(1, 0).data(0x0B))


def test_the_filter_renumbers_what_is_left(live: LiveTally) -> None:
    visible = RosterFilter(RosterModel(live))
    visible.setFilterFixedString("a")
    assert column(visible, RosterRole.NAME) == ["Ash Lee", "Bo Day", "Priya Nair"]
    visible.setFilterFixedString("PRI")
    assert column(visible, RosterRole.NAME) == ["Priya Nair"]
    assert column(visible, RosterRole.SHORTCUT) == ["1"]
    assert visible.member_at(0) == column(visible, RosterRole.MEMBER_ID)[0]
    assert visible.member_at(1) is None and visible.member_at(-1) is None


def test_undo_deletes_the_row_it_saved(live: LiveTally) -> None:
    session_id = live.session_id or 0
    member = live.member_ids()[0]
    live.log(member)
    live.log(member)
    assert live.undo() is not None
    assert len(participation.contributions(live.context.db, session_id)) == 1
    live.undo()
    assert live.undo() is None
    assert participation.contributions(live.context.db, session_id) == []


@pytest.mark.parametrize(
    ("count", "width", "height", "columns", "tile", "compact"),
    [
        (2, 560, 170, 1, QSize(560, 58), False),  # two people: full-width tiles at a comfortable height
        (6, 560, 170, 3, QSize(186, 58), False),  # the tallest tiles that fit win over fewer columns
        (12, 560, 170, 3, QSize(186, 42), False),
        (12, 640, 120, 4, QSize(160, 40), False),  # twelve keep two lines and bars, in four columns
        (12, 640, 100, 4, QSize(160, 30), True),  # two-line tiles cannot fit: one-line tiles rather than scroll
        (7, 640, 85, 4, QSize(160, 42), False),  # seven keep two lines and bars too (the README's promise)
        (13, 560, 170, 3, QSize(186, 30), True),  # compact above twelve
        (13, 640, 90, 5, QSize(128, 30), True),  # a short pane: more columns, not a scroll bar
        (30, 560, 180, 4, QSize(140, 22), True),
        (30, 640, 240, 4, QSize(160, 30), True),  # the comfortable height leaves names room
        (30, 640, 133, 5, QSize(128, 22), True),  # the smallest height still shows everyone
        (12, 470, 67, 4, QSize(117, 22), True),  # at 1024 wide, twelve four across: three rows, so nobody scrolls
    ],
)
def test_fit_grid_fits_the_whole_roster(
    count: int, width: int, height: int, columns: int, tile: QSize, compact: bool
) -> None:
    fit = fit_grid(count, width, height)
    assert (fit.columns, fit.tile, fit.compact) == (columns, tile, compact)
    assert fit.rows * fit.tile.height() <= height and fit.columns * fit.tile.width() <= width


@pytest.mark.parametrize("count", [1, 2, 6, 12, 13, 20, 30])
@pytest.mark.parametrize("width", [420, 560, 640, 900])
def test_the_smallest_and_comfortable_heights_fit_without_scrolling(count: int, width: int) -> None:
    """The view asks its splitter for these heights; a grid must fit in each of them."""
    for height in (smallest_height(count, width), comfortable_height(count, width)):
        fit = fit_grid(count, width, height)
        assert fit.rows * fit.tile.height() <= height and fit.columns * fit.rows >= count
    assert smallest_height(count, width) <= comfortable_height(count, width)
    assert fit_grid(count, width, comfortable_height(count, width)).compact == (count > 12)


def test_fit_grid_falls_back_to_the_densest_grid_when_nothing_fits() -> None:
    fit = fit_grid(30, 300, 60)
    assert fit.columns == 300 // COMPACT_TILE.min_width and fit.compact
    assert fit.tile.height() == COMPACT_TILE.min_height
    assert fit_grid(0, 300, 200).tile.height() <= FULL_TILE.max_height
