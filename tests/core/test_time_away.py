"""Time away from a session: what each spell takes off, cut to the session, and who left before the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from copdesk.core.time_away import Spell, away_seconds, by_member, left_before_end

START = datetime(2026, 10, 8, 10, 0, tzinfo=UTC)
END = START + timedelta(hours=1)


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


def spell(left: int, back: int | None, member_id: int = 1) -> Spell:
    return Spell(0, member_id, at(left), None if back is None else at(back))


def test_every_spell_away_counts_and_one_still_open_runs_to_the_end() -> None:
    """Stepped out 10:20 to 10:45, then left at 10:50: 25 minutes and 10 minutes away."""
    assert away_seconds([spell(20, 45), spell(50, None)], START, END) == 35 * 60
    assert away_seconds([], START, END) == 0


def test_only_the_part_inside_the_session_counts_and_overlaps_count_once() -> None:
    """A session ended at the time it was last in use may end before a spell did, or before one began."""
    assert away_seconds([spell(-5, 10), spell(50, 70), spell(65, None)], START, END) == 20 * 60
    assert away_seconds([spell(10, 30), spell(20, 40)], START, END) == 30 * 60


def test_left_before_the_end_is_the_spell_they_were_away_in_when_it_ended() -> None:
    assert left_before_end([spell(20, 45)], END) is None, "they came back"
    assert left_before_end([spell(20, 45), spell(50, None)], END) == at(50)
    assert left_before_end([spell(50, 65)], END) == at(50), "came back after it ended: away at its end"
    assert left_before_end([spell(65, None)], END) is None, "left after it ended"
    assert left_before_end([spell(20, None)], None) == at(20), "a session not ended yet: the spell still open"
    assert left_before_end([spell(20, 45)], None) is None


def test_spells_are_grouped_by_whose_they_are() -> None:
    spells = [spell(20, 45, member_id=1), spell(30, None, member_id=2), spell(50, None, member_id=1)]
    assert by_member(spells) == {1: [spells[0], spells[2]], 2: [spells[1]]}
