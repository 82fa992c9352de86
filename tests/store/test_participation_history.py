"""The team-level participation queries behind the Prepare view, and saving talk-time stints."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk.core.model import Member, Role, SegmentPhase, SessionKind
from copdesk.core.participation import participation_history
from copdesk.store import participation, sessions, teams
from copdesk.store.review import review_pack

START = datetime(2026, 9, 10, 9, 30, tzinfo=UTC)


def local_day(days_after_start: int) -> date:
    """Sessions are dated by the facilitator's local calendar day."""
    return (START + timedelta(days=days_after_start)).astimezone().date()


@pytest.fixture
def roster(db: Database) -> list[Member]:
    names = [("Asha Okafor", Role.FACILITATOR), ("Ben Lloyd", Role.PRACTITIONER), ("Chloe Martin", Role.GUEST)]
    team = teams.create_team(db, "Harbour Team", [*names, ("Dev Shah", Role.PRACTITIONER)], START)
    return teams.list_members(db, team.id)


def held_session(
    db: Database, members: list[Member], start: datetime, counts: dict[int, int], *, ended: bool = True
) -> int:
    team_id = members[0].team_id
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, start, planned_start=start)
    sessions.start_session(db, session.id, start, ground_rules_agreed=True)
    sessions.set_attendance(db, session.id, [m.id for m in members])
    for member_id, count in counts.items():
        for minute in range(count):
            participation.add_contribution(db, session.id, member_id, start + timedelta(minutes=minute))
    if ended:
        sessions.end_session(db, session.id, start + timedelta(hours=1))
    return session.id


def test_history_gives_attendance_and_counts_of_ended_sessions_only(db: Database, roster: list[Member]) -> None:
    asha, ben, chloe, dev = roster
    held_session(db, [asha, ben, chloe], START, {asha.id: 4, ben.id: 2})
    held_session(db, roster, START + timedelta(days=14), {asha.id: 1, ben.id: 1, chloe.id: 1, dev.id: 1})
    held_session(db, roster, START + timedelta(days=28), {asha.id: 9}, ended=False)

    history = participation.team_history(db, asha.team_id)

    assert [(h.held_on, h.attendance, sorted(h.contribution_counts)) for h in history] == [
        (local_day(14), 4, [1, 1, 1, 1]),
        (local_day(0), 3, [2, 4]),
    ]
    points = participation_history(history)
    assert [p.held_on for p in points] == [local_day(0), local_day(14)]
    assert points[0].contributions == 6 and points[0].gini > 0.25
    assert points[1].gini == 0.0


def test_history_keeps_the_most_recent_sessions_and_ignores_tallies_of_absentees(
    db: Database, roster: list[Member]
) -> None:
    asha, ben, *_ = roster
    for fortnight in range(5):
        held_session(db, [asha, ben], START + timedelta(days=14 * fortnight), {asha.id: fortnight})
    last = held_session(db, [asha], START + timedelta(days=70), {asha.id: 2})
    participation.add_contribution(db, last, ben.id, START + timedelta(days=70))  # Ben was not marked present

    history = participation.team_history(db, asha.team_id, limit=3)

    assert [h.held_on for h in history] == [local_day(70), local_day(56), local_day(42)]
    assert history[0].attendance == 1 and list(history[0].contribution_counts) == [2]
    participation_history(history)  # never more counts than attendees


def test_history_is_per_team(db: Database, roster: list[Member]) -> None:
    held_session(db, roster, START, {roster[0].id: 1})
    other = teams.create_team(db, "Lighthouse Team", [], START)
    assert participation.team_history(db, other.id) == []
    assert participation.quiet_last_time(db, other.id) is None


def test_quiet_last_time_names_the_quiet_attendees_in_roster_order(db: Database, roster: list[Member]) -> None:
    asha, ben, chloe, dev = roster
    held_session(db, roster, START, {})  # an older session where everyone was quiet does not matter
    held_session(db, [asha, ben, chloe, dev], START + timedelta(days=14), {asha.id: 9, chloe.id: 4, dev.id: 1})

    quiet = participation.quiet_last_time(db, asha.team_id)

    assert quiet is not None
    assert quiet.held_on == local_day(14)
    assert quiet.tallied
    assert [m.display_name for m in quiet.members] == ["Ben Lloyd", "Dev Shah"]


def test_quiet_last_time_passes_over_a_session_the_team_attended_since(db: Database, roster: list[Member]) -> None:
    """A Spotlight attended a week after the team's own session tracks nobody: the Prepare view then said no
    contributions were logged last session, and lost who to invite in at the next session the facilitator runs."""
    asha, ben, chloe, dev = roster
    held_session(db, roster, START, {asha.id: 9, chloe.id: 4, dev.id: 1})
    attended = START + timedelta(days=7)
    spotlight = sessions.create_session(db, asha.team_id, SessionKind.SPOTLIGHT, attended, planned_start=attended)
    sessions.start_session(db, spotlight.id, attended, ground_rules_agreed=False)
    sessions.set_attendance(db, spotlight.id, [asha.id, ben.id])
    sessions.end_session(db, spotlight.id, attended + timedelta(hours=1))

    quiet = participation.quiet_last_time(db, asha.team_id)

    assert quiet is not None and quiet.tallied and quiet.held_on == local_day(0)
    assert [m.display_name for m in quiet.members] == ["Ben Lloyd", "Dev Shah"]
    assert review_pack(db, asha.team_id, attended + timedelta(days=1), []).sessions_held == 1


def test_quiet_last_time_says_when_nothing_was_tallied(db: Database, roster: list[Member]) -> None:
    held_session(db, roster, START, {})
    quiet = participation.quiet_last_time(db, roster[0].team_id)
    assert quiet is not None and quiet.members == () and not quiet.tallied


def test_a_stint_is_saved_as_a_tick_then_given_its_duration(db: Database, roster: list[Member]) -> None:
    session_id = held_session(db, roster, START, {}, ended=False)
    row_id = participation.add_contribution(db, session_id, roster[1].id, START)
    assert participation.contributions(db, session_id)[0].duration_seconds is None
    participation.set_contribution_duration(db, row_id, 95.5)
    assert participation.contributions(db, session_id)[0].duration_seconds == 95.5


def test_a_past_quarters_balance_keeps_a_tm_ssw_session_whose_participation_was_tracked(
    db: Database, roster: list[Member]
) -> None:
    """Until a TM/SSW CoP was counted as attended, CoPDesk ran it as the facilitator's own and tracked who spoke.
    A report on a quarter of those sessions read their balance; it must read it still, not drop the session."""
    from copdesk.store.quarterly import quarter_figures

    asha, ben, *_ = roster
    team_id = asha.team_id
    session = sessions.create_session(db, team_id, SessionKind.TM_SSW, START, planned_start=START)
    sessions.start_session(db, session.id, START, ground_rules_agreed=True)
    sessions.set_attendance(db, session.id, [asha.id, ben.id])
    for minute, member in enumerate([asha, asha, asha, ben]):
        participation.add_contribution(db, session.id, member.id, START + timedelta(minutes=minute))
    sessions.end_session(db, session.id, START + timedelta(hours=1))

    team = teams.get_team(db, team_id)
    figures = quarter_figures(db, team, "2026Q3", datetime(2026, 12, 7, 12, tzinfo=UTC))

    assert [point.contributions for point in figures.balance] == [4]


def test_a_past_quarters_balance_keeps_a_tm_ssw_session_run_to_an_agenda_where_nobody_was_tapped(
    db: Database, roster: list[Member]
) -> None:
    """A TM/SSW CoP run as the facilitator's own (ground rules agreed, or the team's agenda) where attendance was
    taken and no contribution tapped had its balance read as everyone silent; one the team attended has no balance."""
    from copdesk.store.quarterly import quarter_figures
    from copdesk.store.sessions import PlannedSegment

    asha, ben, *_ = roster
    agenda = [
        PlannedSegment("Welcome", SegmentPhase.OPENING, 300),
        PlannedSegment("Themes", SegmentPhase.PRESENTATION, 600),
    ]
    one_segment = [PlannedSegment("Team Manager / SSW CoP", SegmentPhase.PRESENTATION, 3600)]
    for days, agreed, segments in [(0, True, one_segment), (7, False, agenda), (14, False, one_segment)]:
        start = START + timedelta(days=days)
        session = sessions.create_session(db, asha.team_id, SessionKind.TM_SSW, start, segments=segments)
        sessions.start_session(db, session.id, start, ground_rules_agreed=agreed)
        sessions.set_attendance(db, session.id, [asha.id, ben.id])
        sessions.end_session(db, session.id, start + timedelta(hours=1))

    team = teams.get_team(db, asha.team_id)
    figures = quarter_figures(db, team, "2026Q3", datetime(2026, 12, 7, 12, tzinfo=UTC))

    assert [(point.held_on, point.attendance, point.contributions) for point in figures.balance] == [
        (local_day(0), 2, 0),
        (local_day(7), 2, 0),
    ]
