"""What the banner says of a plan moved at a start from a date the team now attends."""

from __future__ import annotations

import unicodedata
from datetime import date

from copdesk.core.planning import PlanMove


def test_the_line_opens_with_copdesks_words_whatever_the_script_of_the_teams_name() -> None:
    """A line opening with a team name written right to left is laid out right to left whole, its dates turned round."""
    said = PlanMove("צוות הנמל", date(2026, 9, 2), date(2026, 9, 10), "Reflective practice CoP").notice()
    assert unicodedata.bidirectional(said[0]) == "L"
    assert said == (
        "The plan for Wed 2 Sep 2026, a session צוות הנמל now attends, went with its planning ticks to the Reflective "
        "practice CoP on Thu 10 Sep 2026: see Next session plan."
    )


def test_a_plan_moved_where_the_team_runs_no_session_yet_says_so() -> None:
    said = PlanMove("Harbour Team", date(2026, 9, 2), None).notice()
    assert said.endswith(
        "went with its planning ticks to the next session the team runs (none is scheduled): see Next session plan."
    )
