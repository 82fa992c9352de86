"""Carry-over of agreed actions between sessions, defined by team and session order."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk.core.model import ActionStatus, ReviewOutcome, Role, SessionKind
from copdesk.services import follow_ups
from copdesk.store import actions, carry_over, sessions, teams
from copdesk.store.carry_over import follow_up_actions

DAY1 = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)


def _start(db: Database, session_id: int, at: datetime) -> None:
    sessions.start_session(db, session_id, at, ground_rules_agreed=True)


def _ids(db: Database, session_id: int) -> list[int]:
    return [f.action.id for f in follow_up_actions(db, session_id)]


@pytest.mark.parametrize("kind", [SessionKind.SPOTLIGHT, SessionKind.THEMED, SessionKind.TM_SSW])
def test_a_session_the_team_attends_carries_nothing_by_itself_but_what_the_facilitator_chose(
    db: Database, kind: SessionKind
) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], DAY1)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    _start(db, first.id, DAY1)
    chosen = actions.add_action(db, team.id, "Share the checklist", DAY1, origin_session_id=first.id)
    left = actions.add_action(db, team.id, "Invite the OT lead", DAY1, origin_session_id=first.id)
    sessions.end_session(db, first.id, DAY1 + timedelta(hours=1))
    attended_at = DAY1 + timedelta(days=5)
    attended = sessions.create_session(db, team.id, kind, attended_at, planned_start=attended_at)
    sessions.start_session(db, attended.id, attended_at, ground_rules_agreed=False)  # none of the facilitator's
    follow_ups.review_follow_up(db, chosen.id, attended.id, ReviewOutcome.CARRIED, attended_at)

    assert follow_ups.carry_open_follow_ups(db, attended.id, attended_at) == 0

    assert actions.get_action(db, chosen.id).times_carried == 1
    assert actions.get_action(db, left.id).times_carried == 0


def test_a_tm_ssw_cop_started_as_the_facilitators_own_carries_its_open_follow_ups_at_its_end(db: Database) -> None:
    """One left live across the upgrade that made TM/SSW CoPs attended had the team's follow-ups on its agenda: ended
    after it, it carried none of them, and each open action was said carried one time fewer than it was."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], DAY1)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    _start(db, first.id, DAY1)
    left = actions.add_action(db, team.id, "Invite the OT lead", DAY1, origin_session_id=first.id)
    sessions.end_session(db, first.id, DAY1 + timedelta(hours=1))
    held_at = DAY1 + timedelta(days=5)
    own = sessions.create_session(db, team.id, SessionKind.TM_SSW, held_at, planned_start=held_at)
    _start(db, own.id, held_at)  # the ground rules agreed, as CoPDesk asked of a TM/SSW CoP then

    assert follow_ups.carry_open_follow_ups(db, own.id, held_at) == 1
    assert actions.get_action(db, left.id).times_carried == 1


def test_three_sessions_with_one_created_in_advance_carry_each_action_once(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], DAY1)
    other = teams.create_team(db, "Other Team", [], DAY1)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    # The third session is put in the calendar in advance, before the second one exists: it has the lower id.
    third = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1 + timedelta(days=28))
    _start(db, first.id, DAY1)
    agreed_a = actions.add_action(db, team.id, "Share the checklist", DAY1, origin_session_id=first.id)
    agreed_b = actions.add_action(db, team.id, "Invite the OT lead", DAY1, origin_session_id=first.id)
    sessions.end_session(db, first.id, DAY1 + timedelta(hours=1))
    elsewhere = sessions.create_session(db, other.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    actions.add_action(db, other.id, "Another team's action", DAY1, origin_session_id=elsewhere.id)

    second_at = DAY1 + timedelta(days=14)
    second = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, second_at, planned_start=second_at)
    assert second.id > third.id
    # Before either later session starts, both see the first session's actions, once each.
    assert _ids(db, third.id) == [agreed_a.id, agreed_b.id]
    _start(db, second.id, second_at)
    assert _ids(db, second.id) == [agreed_a.id, agreed_b.id]
    follow_ups.review_follow_up(db, agreed_a.id, second.id, ReviewOutcome.CARRIED, second_at)
    follow_ups.review_follow_up(db, agreed_b.id, second.id, ReviewOutcome.DONE, second_at)
    agreed_c = actions.add_action(db, team.id, "Find a research article", second_at, origin_session_id=second.id)
    # Closed here, the done action stays on this session's list with its outcome; the new one is not a follow-up.
    listed = {f.action.id: f.outcome for f in follow_up_actions(db, second.id)}
    assert listed == {agreed_a.id: ReviewOutcome.CARRIED, agreed_b.id: ReviewOutcome.DONE}
    assert follow_ups.carry_open_follow_ups(db, second.id, second_at) == 0  # A is carried already
    sessions.end_session(db, second.id, second_at + timedelta(hours=1))

    third_at = DAY1 + timedelta(days=28)
    _start(db, third.id, third_at)
    third_list = follow_up_actions(db, third.id)
    assert [f.action.id for f in third_list] == [agreed_a.id, agreed_c.id]
    assert [f.action.times_carried for f in third_list] == [1, 0]
    assert third_list[0].origin_session_date == DAY1.astimezone().date()
    follow_ups.review_follow_up(db, agreed_a.id, third.id, ReviewOutcome.CARRIED, third_at)
    with pytest.raises(ValueError, match="already marked carried"):
        follow_ups.review_follow_up(db, agreed_a.id, third.id, ReviewOutcome.CARRIED, third_at)
    with pytest.raises(sqlite3.IntegrityError):  # the index holds even if a caller skips the check
        actions.review_action(db, agreed_a.id, third.id, ReviewOutcome.CARRIED, third_at)
    assert follow_ups.carry_open_follow_ups(db, third.id, third_at) == 1  # C, nobody followed it up
    assert follow_ups.carry_open_follow_ups(db, third.id, third_at) == 0  # ending twice changes nothing

    assert actions.get_action(db, agreed_a.id).times_carried == 2
    assert actions.get_action(db, agreed_c.id).times_carried == 1
    carries = Counter(
        (r["action_id"], r["session_id"]) for r in db.query("SELECT * FROM action_review WHERE outcome = 'carried'")
    )
    assert max(carries.values()) == 1
    assert _ids(db, third.id) == [agreed_a.id, agreed_c.id]


def test_reassign_and_new_due_date_are_recorded_reviews(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], DAY1)
    ash, bo = teams.list_members(db, team.id)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    action = actions.add_action(
        db, team.id, "Share it", DAY1, origin_session_id=first.id, owner_member_id=ash.id, owner_name=ash.display_name
    )
    later = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1 + timedelta(days=7))
    moved = follow_ups.reassign_follow_up(
        db, action.id, later.id, DAY1, owner_member_id=bo.id, owner_name=bo.display_name
    )
    assert (moved.owner_member_id, moved.owner_name) == (bo.id, "Bo Day")
    redated = follow_ups.redate_follow_up(db, action.id, later.id, DAY1, due=date(2026, 10, 1))
    assert redated.due == date(2026, 10, 1) and redated.owner_name == "Bo Day"
    outcomes = [r["outcome"] for r in actions.reviews(db, action.id)]
    assert outcomes == ["reassigned", "redated"]
    # Neither is a carry: the action can still be carried once in the same session.
    assert follow_ups.review_follow_up(db, action.id, later.id, ReviewOutcome.CARRIED, DAY1).times_carried == 1


def test_undo_reopens_a_closed_action(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], DAY1)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    later = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1 + timedelta(days=7))
    action = actions.add_action(db, team.id, "Share it", DAY1, origin_session_id=first.id)
    follow_ups.review_follow_up(db, action.id, later.id, ReviewOutcome.DONE, DAY1)
    assert actions.get_action(db, action.id).status is ActionStatus.DONE
    (follow_up,) = follow_up_actions(db, later.id)
    assert follow_up.settled_by is not None
    reopened = follow_ups.undo_review(db, follow_up.settled_by)
    assert reopened.status is ActionStatus.OPEN
    assert follow_up_actions(db, later.id)[0].outcome is None
    assert actions.reviews(db, action.id) == []


def test_an_action_typed_by_mistake_can_be_removed_until_it_is_reviewed(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], DAY1)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    later = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1 + timedelta(days=7))
    typo = actions.add_action(db, team.id, "Shrae it", DAY1, origin_session_id=first.id)
    kept = actions.add_action(db, team.id, "Share it", DAY1, origin_session_id=first.id)
    follow_ups.remove_action(db, typo.id)
    follow_ups.review_follow_up(db, kept.id, later.id, ReviewOutcome.CARRIED, DAY1)
    with pytest.raises(ValueError, match="stays on record"):
        follow_ups.remove_action(db, kept.id)
    assert [a.id for a in carry_over.actions_agreed_in(db, first.id)] == [kept.id]


def test_an_actions_wording_is_corrected_keeping_its_owner_due_date_and_reviews(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], DAY1)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, DAY1, planned_start=DAY1)
    _start(db, first.id, DAY1)
    agreed = actions.add_action(
        db,
        team.id,
        "Shair the checklist",
        DAY1,
        origin_session_id=first.id,
        owner_name="Ash Lee",
        due=date(2026, 10, 1),
    )
    sessions.end_session(db, first.id, DAY1 + timedelta(hours=1))
    second_at = DAY1 + timedelta(days=14)
    second = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, second_at, planned_start=second_at)
    _start(db, second.id, second_at)
    follow_ups.review_follow_up(db, agreed.id, second.id, ReviewOutcome.CARRIED, second_at)

    fixed = follow_ups.reword_action(db, agreed.id, " Share  the checklist\t")
    assert fixed == replace(agreed, text="Share the checklist", times_carried=fixed.times_carried)
    assert [f.action.text for f in follow_up_actions(db, second.id)] == ["Share the checklist"]
    assert [r["outcome"] for r in actions.reviews(db, agreed.id)] == [ReviewOutcome.CARRIED.value]
    with pytest.raises(ValueError, match="The action needs its words"):
        follow_ups.reword_action(db, agreed.id, " \n ")
    with pytest.raises(ValueError, match="over the 2,000 it holds"):
        follow_ups.reword_action(db, agreed.id, "a" * 2001)
    assert actions.get_action(db, agreed.id).text == "Share the checklist"


def test_correcting_an_action_removed_meanwhile_is_refused_in_words(db: Database) -> None:
    """A correction kept for Retry may come after the action was removed: a refusal, not a crash."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], DAY1)
    action = actions.add_action(db, team.id, "Shair the checklist", DAY1)
    follow_ups.remove_action(db, action.id)
    with pytest.raises(ValueError, match="That action is no longer there"):
        follow_ups.reword_action(db, action.id, "Share the checklist")
