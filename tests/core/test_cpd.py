"""The CPD evidence's words: what a practitioner hands to a registration body, checked by hand."""

from __future__ import annotations

from datetime import date, datetime

from copdesk.core.cpd import AttendedSession, CpdEvidence, cpd_sections
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
