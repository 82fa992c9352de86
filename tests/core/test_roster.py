"""A new team's roster as typed or pasted: one person a line, or an attendee list copied from Outlook or Teams."""

from __future__ import annotations

import pytest

from copdesk.core.model import Role
from copdesk.core.roster import (
    MAX_MEMBERS,
    MemberNotFound,
    NameAmbiguous,
    commas_unsure,
    line_parted_at_commas,
    name_meant,
    names_written_today,
    parse_team_draft,
)
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
        ("Ash Lee; Bo Day", ["Ash Lee", "Bo Day"]),
        ("Lee, Ash", ["Lee, Ash"]),  # no address: a comma is part of the name
        ('"Okafor, Sam"; Bo Day', ["Okafor, Sam", "Bo Day"]),  # quoted with no address: the quotes go too
        ("Sam Okafor - Team @ Harbour", ["Sam Okafor - Team @ Harbour"]),  # an @ among words is no address
    ],
)
def test_an_attendee_list_on_one_line_is_taken_person_by_person(pasted: str, people: list[str]) -> None:
    draft = parse_team_draft("Harbour Team", pasted)
    assert [name for name, _role in draft.members] == people
    assert draft.members[0][1] is Role.FACILITATOR


@pytest.mark.parametrize(
    ("pasted", "address"),
    [
        ("<a.lee@council.example>; Bo Day", "a.lee@council.example"),  # an attendee with no display name
        ("Bo Day\na.lee@council.example", "a.lee@council.example"),  # typed, or pasted, without brackets
        ("a.lee@council.example, b.day@council.example", "a.lee@council.example"),
        ("Ash Lee a.lee@council.example", "a.lee@council.example"),
    ],
)
def test_an_address_in_place_of_a_name_is_refused_with_the_address(pasted: str, address: str) -> None:
    """It was kept as the person's name, to be tallied and reported under it."""
    with pytest.raises(InvalidName) as refused:
        parse_team_draft("Harbour Team", pasted)
    assert str(refused.value) == f"{address} is an email address, not a name: type the person's name in its place."


def test_a_team_of_nobody_is_refused() -> None:
    with pytest.raises(InvalidName, match="List the team's members, one a line, yourself first"):
        parse_team_draft("Harbour Team", "\n ; \n")


def test_a_new_team_of_more_people_than_a_roster_holds_is_refused() -> None:
    listed = "\n".join(f"Member {number}" for number in range(1, MAX_MEMBERS + 2))
    with pytest.raises(InvalidName, match=f"That is {MAX_MEMBERS + 1} people; a CoP roster holds up to {MAX_MEMBERS}"):
        parse_team_draft("Harbour Team", listed)
    assert len(parse_team_draft("Harbour Team", listed.rsplit("\n", 1)[0]).members) == MAX_MEMBERS


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("zoë  QUINN", "Zoë Quinn"),  # any case and spacing, as a duplicate is found
        ("Zoe Quinn", "Zoë Quinn"),  # without accents, as typed on a keyboard with none
        ("lukasz bem", "Łukasz Bem"),
        ("Zoe\u0308 Quinn", "Zoë Quinn"),  # the accent as a character of its own, as a Mac pastes it
    ],
)
def test_a_name_typed_finds_the_person_it_means(typed: str, meant: str) -> None:
    assert name_meant(typed, ["Ash Lee", "Zoë Quinn", "Łukasz Bem"], "Harbour Team's roster") == meant


def test_two_people_a_name_could_mean_are_never_taken_for_one() -> None:
    names = ["Zoë Quinn", "Zoe Quinn"]
    assert name_meant("zoe quinn", names, "Harbour Team's roster") == "Zoe Quinn"  # as written wins
    with pytest.raises(MemberNotFound, match="'Zoé Quinn' could be Zoe Quinn or Zoë Quinn on Harbour Team's roster"):
        name_meant("Zoé  Quinn", names, "Harbour Team's roster")
    with pytest.raises(MemberNotFound, match="Nobody called 'Zoe' is on Harbour Team's roster"):
        name_meant("Zoe", names, "Harbour Team's roster")  # whole names only
    with pytest.raises(MemberNotFound, match="Nobody called 'Zoe Quinn'"):
        name_meant("Zoe Quinn", ["Zoë Quinn"], "Harbour Team's roster", exactly=True)


def test_a_name_that_could_mean_a_guest_held_for_undo_says_where_each_person_is() -> None:
    """A guest taken off a live session is held for Undo, not on the roster: the message says so, rather than sending
    the facilitator to the roster to look for them."""
    roster = "Harbour Team's roster"
    with pytest.raises(NameAmbiguous) as both_held:
        name_meant("Zoe Fenn", ["Zoë Fenn", "Zoé Fenn"], roster, held_for_undo=["Zoë Fenn", "Zoé Fenn"])
    assert str(both_held.value) == (
        "'Zoe Fenn' could be Zoé Fenn or Zoë Fenn, guests taken off a live session and no longer on Harbour Team's "
        "roster; type the name as it was written."
    )
    with pytest.raises(NameAmbiguous) as one_held:
        name_meant("Zoe Fenn", ["Zoë Fenn", "Zoé Fenn"], roster, held_for_undo=["Zoé Fenn"])
    assert str(one_held.value) == (
        "'Zoe Fenn' could be Zoë Fenn on Harbour Team's roster, or Zoé Fenn, a guest taken off a live session and no "
        "longer on it; type the name as it is written."
    )


def test_names_stored_with_a_joiner_at_a_word_edge_are_written_as_today_and_never_merged() -> None:
    """A name an earlier CoPDesk kept with a joiner after a word is written as today's rule writes it; one that would
    then be another's keeps a number, so both people stay, and the name written so already never changes."""
    stored = [
        (1, "Sam Lee\u200d"),  # older than the Sam Lee typed since, who keeps the name
        (2, "Ash\u200c Lee"),
        (3, "Sam Lee"),
        (4, "\u200bSam Lee"),
        (5, "Sam Lee (2)"),  # typed so: the next number is taken
        (6, "Ana\u200dBel Ruiz"),  # within a word, a joiner stays
        (7, "\u2060"),  # nothing would be left: as it was
    ]
    assert names_written_today(stored) == {1: "Sam Lee (3)", 2: "Ash Lee", 4: "Sam Lee (4)"}
    assert names_written_today([(2, "Sam Lee\u200d"), (1, "\u200cSAM LEE")]) == {1: "SAM LEE", 2: "Sam Lee (2)"}


ASH, BO = "Ash Lee <a@council.example>", "Bo Day <b@council.example>"


@pytest.mark.parametrize(
    ("line", "unsure", "parted"),
    [
        ("Ash Lee, Bo Day, Cy Vale", "Ash Lee, Bo Day, Cy Vale", ["Ash Lee", "Bo Day", "Cy Vale"]),
        ("Okafor, Sam", "Okafor, Sam", ["Okafor", "Sam"]),
        # After the last address nothing says where a person ends: asked about, as a line with none is.
        (
            "Ash Lee <a@council.example>, Bo Day, Cy Vale",
            "Bo Day, Cy Vale",
            ["Ash Lee <a@council.example>", "Bo Day", "Cy Vale"],
        ),
        ('"Okafor, Sam"', "", ['"Okafor, Sam"']),  # a comma in quotes parts nobody
        (
            '"Lee, Ash" <a@council.example>, Bo Day <b@council.example>',
            "",
            ['"Lee, Ash" <a@council.example>, Bo Day <b@council.example>'],
        ),
        ("Ash Lee; Bo Day", "", ["Ash Lee; Bo Day"]),
    ],
)
def test_the_commas_that_may_part_people_are_those_no_address_or_quote_accounts_for(
    line: str, unsure: str, parted: list[str]
) -> None:
    assert commas_unsure(line) == unsure
    assert line_parted_at_commas(line) == parted
