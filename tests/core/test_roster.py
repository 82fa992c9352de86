"""A new team's roster as typed or pasted: one person a line, or an attendee list copied from Outlook or Teams."""

from __future__ import annotations

import pytest

from copdesk.core.model import Role
from copdesk.core.roster import MAX_MEMBERS, parse_team_draft
from copdesk.core.text import InvalidName


@pytest.mark.parametrize(
    ("pasted", "people"),
    [
        ("Ash Lee <a@council.example>; Bo Day <b@council.example>", ["Ash Lee", "Bo Day"]),
        # Parted by commas, or by spaces alone: each address ends a person (they were taken as one, "Ash Lee , Bo Day").
        ("Ash Lee <a@council.example>, Bo Day <b@council.example>", ["Ash Lee", "Bo Day"]),
        ("Ash Lee <a@council.example> Bo Day <b@council.example>", ["Ash Lee", "Bo Day"]),
        # A display name with a comma comes in quotes, which go; a semicolon inside them parts nobody.
        ('"Lee, Ash" <a@council.example>; Bo Day <b@council.example>', ["Lee, Ash", "Bo Day"]),
        ('"Lee; Ash" <a@council.example>', ["Lee; Ash"]),
        ("Lee, Ash <a@council.example>", ["Lee, Ash"]),
        ("<a@council.example>; Bo Day", ["a@council.example", "Bo Day"]),  # an address alone is kept, as the name
        ("Ash Lee; Bo Day", ["Ash Lee", "Bo Day"]),
        ("Lee, Ash", ["Lee, Ash"]),  # no address: a comma is part of the name
    ],
)
def test_an_attendee_list_on_one_line_is_taken_person_by_person(pasted: str, people: list[str]) -> None:
    draft = parse_team_draft("Harbour Team", pasted)
    assert [name for name, _role in draft.members] == people
    assert draft.members[0][1] is Role.FACILITATOR


def test_a_team_of_nobody_is_refused() -> None:
    with pytest.raises(InvalidName, match="List the team's members, one a line, yourself first"):
        parse_team_draft("Harbour Team", "\n ; \n")


def test_a_new_team_of_more_people_than_a_roster_holds_is_refused() -> None:
    listed = "\n".join(f"Member {number}" for number in range(1, MAX_MEMBERS + 2))
    with pytest.raises(InvalidName, match=f"That is {MAX_MEMBERS + 1} people; a CoP roster holds up to {MAX_MEMBERS}"):
        parse_team_draft("Harbour Team", listed)
    assert len(parse_team_draft("Harbour Team", listed.rsplit("\n", 1)[0]).members) == MAX_MEMBERS
