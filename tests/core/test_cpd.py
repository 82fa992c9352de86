"""The CPD evidence's words: what a practitioner hands to a registration body, checked by hand."""

from __future__ import annotations

from datetime import date, datetime

from copdesk.core.cpd import AttendedSession, CpdEvidence, cpd_sections, your_part
from copdesk.core.model import SessionKind


def test_the_hours_in_all_at_a_half_are_rounded_up_as_by_hand() -> None:
    """Three hours and a quarter: 255 minutes is 4.25 hours, "4.3" by hand (the float formatted is "4.2")."""
    sessions = tuple(
        AttendedSession(datetime(2026, 7, day, 10), SessionKind.REFLECTIVE, "Topic", minutes, False, (), ())
        for day, minutes in ((2, 60), (9, 60), (16, 60), (23, 75))
    )
    evidence = CpdEvidence("Ash Lee", "Harbour Team", date(2026, 7, 1), date(2026, 9, 30), sessions)
    activity = " ".join(section.lead for section in cpd_sections(evidence))
    assert "Ash Lee attended 4 sessions from" in activity and "about 4.3 hours in all." in activity


def _session(
    minutes: int, *, away: int = 0, left_at: datetime | None = None, presented: bool = False
) -> AttendedSession:
    return AttendedSession(
        datetime(2026, 7, 2, 10), SessionKind.REFLECTIVE, "Topic", minutes, presented, (), (), left_at, away
    )


def test_your_part_gives_the_minutes_there_when_they_were_away_part_of_the_session() -> None:
    """The evidence counted a whole hour for someone who stepped out for 25 minutes; a professional checking the
    hours sees the minutes there and why they are fewer."""
    assert your_part(_session(60)) == "Took part"
    assert your_part(_session(35, away=25)) == "Took part, 35 minutes (25 away)"
    assert your_part(_session(40, left_at=datetime(2026, 7, 2, 10, 40))) == "Took part, 40 minutes (left at 10:40)"
    assert your_part(_session(30, away=10, left_at=datetime(2026, 7, 2, 10, 40), presented=True)) == (
        "Presented, 30 minutes (10 away, left at 10:40)"
    )


def test_the_hours_in_all_say_time_away_is_not_counted_only_when_there_was_some() -> None:
    def activity(*sessions: AttendedSession) -> str:
        evidence = CpdEvidence("Ash Lee", "Harbour Team", date(2026, 7, 1), date(2026, 9, 30), sessions)
        return " ".join(section.lead for section in cpd_sections(evidence))

    assert "about 1.6 hours in all (time away from a session not counted)." in activity(
        _session(60), _session(35, away=25)
    )
    assert "about 2.0 hours in all." in activity(_session(60), _session(60))
