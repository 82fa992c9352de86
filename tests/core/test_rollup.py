"""Anonymising names, finding themes, and merging teams' summaries into the roll-up."""

from __future__ import annotations

import copy
import io
import json
import unicodedata
from datetime import date
from typing import Any

import pytest

from copdesk.core.anonymise import NameRedactor
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.name_match import NameDigests
from copdesk.core.quarterly import (
    ActionTally,
    HeldSession,
    KindTally,
    QuarterEscalation,
    QuarterFigures,
    QuarterIssue,
    summary_document,
)
from copdesk.core.report_text import Table
from copdesk.core.rollup import render_rollup_html, rollup_sections
from copdesk.core.summary_file import MAX_SUMMARY_BYTES, SummaryError, check_distinct, read_summary, summary_text
from copdesk.core.themes import find_themes, shared_words, theme_words


def test_redactor_takes_out_whole_names_and_their_parts() -> None:
    redact = NameRedactor(["Sam Okafor", "Drew Halvorsen"])
    assert (
        redact("SAM OKAFOR said; Sam's case; Okafor agreed")
        == "[colleague] said; [colleague]'s case; [colleague] agreed"
    )
    assert redact("She drew a map. Drew did not.") == "She drew a map. [colleague] did not."
    assert redact("Samuel and Okaforth stay") == "Samuel and Okaforth stay"  # whole words only


def test_redactor_says_which_names_it_would_take_out_as_written() -> None:
    redact = NameRedactor(["Sam Okafor", "Zoë Quinn"])
    assert redact.found("Ask SAM OKAFOR less; Zoe and Sam could chair; Sam again") == ["SAM OKAFOR", "Zoe", "Sam"]
    assert redact.found("She drew a map") == []


def test_redactor_keeps_the_practitioners_own_name() -> None:
    redact = NameRedactor(["Alex Morgan", "Morgan Ellery"], keep=["Morgan Ellery"])
    assert redact("Morgan Ellery and Alex Morgan met Alex") == "Morgan Ellery and [colleague] met [colleague]"


def test_redactor_finds_a_name_however_it_is_typed() -> None:
    redact = NameRedactor(["Siobhán O'Neill", "Zoë Quinn", "Ann-Marie Boyd"])
    zoe_from_a_mac = unicodedata.normalize("NFD", "Zoë")
    text = f"O’Neill asked {zoe_from_a_mac}; BOYD and SIOBHÁN agreed. Ann Marie's discharge delays, Boyd's delays"
    assert redact(text) == (
        "[colleague] asked [colleague]; [colleague] and [colleague] agreed. [colleague]'s discharge delays, "
        "[colleague]'s delays"
    )
    assert theme_words(redact(text)) == {"asked", "agreed", "discharge", "delay"}  # no "boyd", no "marie"


def test_redactor_finds_a_name_typed_with_or_without_its_accents() -> None:
    """ "Zoe Quinn caseload" went into the anonymised summary as "Zoe [colleague] caseload": a keyboard without
    accents leaves them off, and a roster typed without them meets text typed with them."""
    redact = NameRedactor(["Zoë Quinn", "Łukasz Nowak", "Jose Ramos"])
    assert redact("Zoe Quinn caseload; ZOE asked Lukasz; José and Nowak agreed") == (
        "[colleague] caseload; [colleague] asked [colleague]; [colleague] and [colleague] agreed"
    )
    assert redact("Zoe, Zoë and Łukasz's notes") == "[colleague], [colleague] and [colleague]'s notes"
    assert redact("zoology and a nowaki stay") == "zoology and a nowaki stay"
    own = NameRedactor(["Zoë Quinn", "Sam Okafor"], keep=["Zoë Quinn"])
    assert own("Zoe Quinn met Sam") == "Zoe Quinn met [colleague]"
    # Zoë's own evidence keeps "Zoe" only when no colleague is written so: Zoe Brown's first name must go.
    shared = NameRedactor(["Zoë Quinn", "Zoe Brown"], keep=["Zoë Quinn"])
    assert shared("Zoe asked Quinn; Zoe Brown agreed") == "[colleague] asked Quinn; [colleague] agreed"
    assert NameRedactor(["Aslı Demir", "Işıl Kaya"])("Asli and Isil") == "[colleague] and [colleague]"


def test_redactor_finds_a_name_whose_letters_carry_two_marks() -> None:
    """Yoruba writes a tone mark over a dotted vowel ("ọ̀", "ẹ́"), which Unicode has as a letter and a mark on its own:
    "Adéọ̀lá Ògúnyẹ́mí" on the roster went into the anonymised summary as typed, and as "Adeola Ogunyemi"."""
    redact = NameRedactor(["Adéọ̀lá Ògúnyẹ́mí", "Olúwaṣẹ́un Bello"])
    assert redact("Adéọ̀lá Ògúnyẹ́mí rang; Ògúnyẹ́mí's case") == "[colleague] rang; [colleague]'s case"
    assert redact("Adeola Ogunyemi and Oluwaseun Bello; OLUWASEUN") == "[colleague] and [colleague]; [colleague]"
    assert redact(unicodedata.normalize("NFD", "Olúwaṣẹ́un agreed")) == "[colleague] agreed"


def test_redactor_matches_whole_names_only_and_erased_names_alike() -> None:
    erased = NameDigests.of_names("a-salt", ["Al", "Bea Kay"])
    redact = NameRedactor(["Jo"], erased=erased)
    assert redact("Alex Morgan asked Al, Jo and BEA KAY; Joanne and Kay's") == (
        "Alex Morgan asked [colleague], [colleague] and [colleague]; Joanne and [colleague]'s"
    )


def test_redactor_without_names_changes_nothing() -> None:
    assert NameRedactor([])("<b>anything</b>") == "<b>anything</b>"


def test_theme_words_fold_plurals_and_skip_common_words() -> None:
    assert theme_words("Delays in the discharges of people's packages") == {"delay", "discharge", "people", "package"}
    themes = find_themes(["Discharge delays", "Waiting for discharge", "discharge delays", "Carers"])
    assert [(t.word, t.texts) for t in themes] == [("discharge", 3), ("delay", 2)]
    assert shared_words([["Interpreter waits"], ["No interpreter"], ["Other things"]]) == {"interpreter": 2}


def _summary(
    team: str, issues: list[str], quarter: str = "2026Q3", *, held: int = 4, attended: int = 0, **changes: Any
) -> dict[str, Any]:
    """A team that held ``held`` of its 6 reflective sessions and attended ``attended`` of 4 Spotlight sessions."""
    spotlight = (KindTally(SessionKind.SPOTLIGHT, 4, 4, attended, attended=True),) if attended else ()
    figures = QuarterFigures(
        team_name=team,
        quarter=quarter,
        first_day=date(2026, 7, 1),
        last_day=date(2026, 9, 30),
        as_of=date(2026, 10, 1),
        kinds=(KindTally(SessionKind.REFLECTIVE, 6, 6, held), *spotlight),
        sessions=(
            *(HeldSession(date(2026, 7, 2 + n), SessionKind.REFLECTIVE, "", 5, True) for n in range(held)),
            *(HeldSession(date(2026, 8, 2 + n), SessionKind.SPOTLIGHT, "", 9, False) for n in range(attended)),
        ),
        balance=(),
        actions=ActionTally(3, 2, 0, 1, ()),
        issues=tuple(QuarterIssue(t, IssueStatus.OPEN, 2, 2, date(2026, 7, 2)) for t in issues),
        escalations=(
            QuarterEscalation(
                issues[0], EscalationTarget.MY_VIEWS, date(2026, 7, 2), None, *[EscalationStatus.AWAITING] * 2
            ),
        ),
    )
    document = summary_document(figures, str)
    document.update(changes)
    return document


def _changed(document: dict[str, Any], *where: str | int, value: object) -> str:
    """The summary as JSON with one entry, found by its keys and positions, changed to ``value``."""
    changed = copy.deepcopy(document)
    inner: Any = changed
    for key in where[:-1]:
        inner = inner[key]
    inner[where[-1]] = value
    return json.dumps(changed)


NORTH = _summary("North", ["Parking"])


def test_an_issue_whose_status_at_the_quarters_end_is_not_known_is_rolled_up_as_not_known() -> None:
    """A summary gives no status (null) for an issue whose escalation closed on a day not kept: the roll-up reads it."""
    document = _summary("North", ["Parking"])
    document["issues"][0]["status"] = None
    sections = {s.title: s for s in rollup_sections([read_summary(json.dumps(document), "north.json")])}
    by_team = sections["Issues raised in more than one session"].body
    assert isinstance(by_team, Table)
    assert by_team.rows == (("North", "Parking", "Not known (escalated or open)", "2", "2"),)
    said = "Where a status reads Not known, an escalation of the issue was closed before CoPDesk kept that date"
    assert sections["Issues raised in more than one session"].lead.startswith(said), "the consultant is told why"
    assert said in render_rollup_html([read_summary(json.dumps(document), "north.json")])
    known = {s.title: s for s in rollup_sections([read_summary(json.dumps(NORTH), "north.json")])}
    assert known["Issues raised in more than one session"].lead == ""


DAMAGED = r"north\.json is a damaged summary"


def test_roll_up_merges_teams_and_finds_shared_barriers() -> None:
    north = read_summary(json.dumps(_summary("North", ["No interpreters at short notice", "Parking"])), "north.json")
    south = read_summary(json.dumps(_summary("South", ["Interpreters booked too late"])), "south.json")
    check_distinct([("north.json", north), ("south.json", south)])
    sections = {s.title: s for s in rollup_sections([north, south])}
    barriers = sections["Recurring barriers across teams"].body
    assert isinstance(barriers, Table)
    assert barriers.rows == (
        ("interpreter", "2", "North: No interpreters at short notice\nSouth: Interpreters booked too late"),
    )
    by_team = sections["Sessions held or attended against scheduled, by team"].body
    assert isinstance(by_team, Table)
    assert [row[:3] for row in by_team.rows] == [
        ("North", "4 of 6 scheduled", "0 of 0 scheduled"),
        ("South", "4 of 6 scheduled", "0 of 0 scheduled"),
    ]
    page = render_rollup_html([north, south])
    assert "CoP roll-up across teams: Q3 2026" in page and "My VIEWS form" in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "north.json is not JSON"),
        ("[]", "north.json is not a CoPDesk quarter summary"),
        (
            json.dumps({"format": "copdesk-quarter-summary", "version": 99}),
            "a summary version this CoPDesk cannot read",
        ),
        (
            json.dumps(_summary("North", ["x"], sessions=[{"kind": "weekly\n" + "x" * 5000}])),
            rf"^{DAMAGED} \(ValueError: an unknown session type, 'weekly\\nx{{33}}…'\)\.$",
        ),
        (
            _changed(NORTH, "issues", 0, "status", value="lost"),
            rf"{DAMAGED} \(ValueError: an unknown issue status, 'lost'\)",
        ),
        (json.dumps(_summary("North", ["x"], actions={"raised": -1})), "north.json is a damaged summary"),
        (json.dumps(_summary("North\ud800side", ["x"])), r"damaged summary \(ValueError: text with half a character"),
        (json.dumps(_summary("North", ["Parking\udfff"])), "north.json is a damaged summary"),
        (_changed(NORTH, "issues", 0, "recurring", value="false"), rf"{DAMAGED} \(TypeError: expected true or false"),
        (_changed(NORTH, "escalations", 0, "response_overdue", value="false"), f"{DAMAGED}.*expected true or false"),
        (_changed(NORTH, "issues", 0, "recurring", value=0), f"{DAMAGED}.*expected true or false"),
        (
            _changed(NORTH, "sessions", value=NORTH["sessions"] * 2),
            rf"{DAMAGED} \(ValueError: a session type listed twice",
        ),
        (_changed(NORTH, "quarter", value="banana"), rf"{DAMAGED} \(ValueError: expected a quarter like 2026Q3\)"),
        (_changed(NORTH, "quarter", value="2026q3"), f"{DAMAGED}.*expected a quarter like 2026Q3"),
        (_changed(NORTH, "quarter", value="2026Q5"), f"{DAMAGED}.*expected a quarter like 2026Q3"),
        (_changed(NORTH, "quarter", value="2026Q3 "), f"{DAMAGED}.*expected a quarter like 2026Q3"),
        (_changed(NORTH, "version", value=True), rf"{DAMAGED} \(ValueError: expected a count"),
        (_changed(NORTH, "version", value=1.0), f"{DAMAGED}.*expected a count"),
        (_changed(NORTH, "version", value="1"), f"{DAMAGED}.*expected a count"),
        (_changed(NORTH, "team", value=""), rf"{DAMAGED} \(ValueError: a team with no name\)"),
        (_changed(NORTH, "team", value=" \t\u3000"), f"{DAMAGED}.*a team with no name"),
        (
            _changed(NORTH, "sessions", 0, "due_so_far", value=7),
            rf"{DAMAGED} \(ValueError: more sessions due than scheduled",
        ),
        (_changed(NORTH, "attendance", 0, "kind", value="spotlight"), f"{DAMAGED}.*attendance of other sessions than"),
        (_changed(NORTH, "attendance", value=NORTH["attendance"][:3]), f"{DAMAGED}.*attendance of other sessions than"),
        (
            _changed(NORTH, "balance", value=[{"held_on": "2026-07-02", "contributions": 3, "gini": 0.2}] * 5),
            f"{DAMAGED}.*a balance for more sessions than were held",
        ),
        (
            _changed(NORTH, "issues", 0, "mentions_in_quarter", value=3),
            f"{DAMAGED}.*more often in the quarter than in all",
        ),
        (
            _changed(
                NORTH,
                "issues",
                0,
                value={**NORTH["issues"][0], "mentions_in_quarter": 0, "mentions_total": 0, "recurring": False},
            ),
            f"{DAMAGED}.*an issue never raised",
        ),
        (_changed(NORTH, "issues", 0, "recurring", value=False), f"{DAMAGED}.*'recurring' disagrees with its mentions"),
        (
            _changed(
                NORTH,
                "escalations",
                0,
                value={**NORTH["escalations"][0], "response_overdue": True, "status": "responded"},
            ),
            f"{DAMAGED}.*a response overdue for an escalation not awaiting one",
        ),
        (
            _changed(NORTH, "sessions", 0, "scheduled", value=10**4000),
            rf"{DAMAGED} \(ValueError: expected a count from 0 to 1,000,000\)",
        ),
        (_changed(NORTH, "actions", "raised", value=1_000_001), f"{DAMAGED}.*expected a count from 0 to 1,000,000"),
    ],
)
def test_bad_summaries_are_refused_with_one_line(text: str, message: str) -> None:
    with pytest.raises(SummaryError, match=message) as caught:
        read_summary(text, "north.json")
    assert "\n" not in str(caught.value)


def test_a_team_rolled_up_for_two_quarters_counts_once_across_teams() -> None:
    """The team is known by its name, compared as CoPDesk compares names, and shown as its latest quarter has it."""
    parking = [{"word": "parking", "texts": 2}]
    summaries = [
        read_summary(json.dumps(_summary(team, [title], quarter, themes=parking)), f"{team}-{quarter}.json")
        for team, title, quarter in (
            ("North", "Parking permits", "2026Q2"),
            ("north", "Parking fines", "2026Q3"),
            ("South", "Parking bays", "2026Q3"),
        )
    ]
    sections = {s.title: s.body for s in rollup_sections(summaries)}
    themes, barriers = sections["Themes across teams"], sections["Recurring barriers across teams"]
    assert isinstance(themes, Table) and isinstance(barriers, Table)
    assert themes.rows == (("parking", "2"),)
    # By team as a person files them: "north" before "South", where by code point a capital came first.
    assert barriers.rows == (("parking", "2", "north: Parking fines\nnorth: Parking permits\nSouth: Parking bays"),)


def test_teams_are_rolled_up_in_the_order_a_person_files_their_names() -> None:
    summaries = [
        read_summary(json.dumps(_summary(team, ["Parking"])), f"{team}.json")
        for team in ("Zenith", "Élan", "Fenland", "ōtara")
    ]
    sections = {s.title: s.body for s in rollup_sections(summaries)}
    by_team = sections["Sessions held or attended against scheduled, by team"]
    assert isinstance(by_team, Table)
    assert [row[0] for row in by_team.rows] == ["Élan", "Fenland", "ōtara", "Zenith"]


def test_figures_the_summary_writer_can_write_are_read() -> None:
    """More held than scheduled is a session run outside the team's series; an escalation awaiting a response can
    have it overdue."""
    document = _summary("North", ["Parking"], held=8)
    document["escalations"][0]["response_overdue"] = True
    summary = read_summary(json.dumps(document), "north.json")
    assert (summary.scheduled, summary.held) == ({SessionKind.REFLECTIVE: 6}, {SessionKind.REFLECTIVE: 8})
    assert summary.attendance == (5,) * 8 and summary.escalations[0].response_overdue


def test_a_file_larger_than_any_summary_is_refused_before_it_is_read_whole() -> None:
    padded = json.dumps(NORTH).encode()
    assert summary_text(io.BytesIO(b"\xef\xbb\xbf" + padded), "north.json") == padded.decode()
    stream = io.BytesIO(padded + b" " * MAX_SUMMARY_BYTES)
    with pytest.raises(SummaryError, match=r"^north\.json is larger than any quarter summary \(8 MB at most\)"):
        summary_text(stream, "north.json")
    assert stream.tell() == MAX_SUMMARY_BYTES + 1


def test_the_same_team_and_quarter_twice_is_refused() -> None:
    one = read_summary(json.dumps(_summary("North", ["x"])), "a.json")
    with pytest.raises(SummaryError, match=r"b\.json repeats 'North' 2026Q3, already read from a\.json"):
        check_distinct([("a.json", one), ("b.json", one)])
    flooding = read_summary(json.dumps(_summary("North\n" + "x" * 5000, ["x"])), "e.json")
    with pytest.raises(SummaryError, match=r"^f\.json repeats 'North\\nx{54}…' 2026Q3, already read from e\.json\.$"):
        check_distinct([("e.json", flooding), ("f.json", flooding)])
    composed = read_summary(json.dumps(_summary("Zo\u00eb Team", ["x"])), "c.json")
    decomposed = read_summary(json.dumps(_summary("ZOE\u0308 team", ["x"])), "d.json")  # the same name, typed otherwise
    with pytest.raises(SummaryError, match=r"d\.json repeats .* already read from c\.json"):
        check_distinct([("c.json", composed), ("d.json", decomposed)])


def _sections(*documents: dict[str, Any]) -> dict[str, Any]:
    summaries = [read_summary(json.dumps(d), f"{d['team']}.json") for d in documents]
    return {s.title: s for s in rollup_sections(summaries)}


def test_a_team_holds_only_the_sessions_it_ran_and_attends_those_run_by_others() -> None:
    """Two teams at one locality attend the same Spotlight sessions: neither held them, and the roll-up says so, as
    each team's quarterly report does, in place of "Held 10" of "Scheduled 10"."""
    sections = _sections(_summary("North", ["Parking"], held=6, attended=4), _summary("South", ["Rotas"], attended=3))
    by_team = sections["Sessions held or attended against scheduled, by team"]
    assert by_team.body.headers[1:3] == ("Held by the team", "Attended (run by others)")
    assert [row[:3] for row in by_team.body.rows] == [
        ("North", "6 of 6 scheduled", "4 of 4 scheduled"),
        ("South", "4 of 6 scheduled", "3 of 4 scheduled"),
    ]
    assert "attended that were run by others (Spotlight sessions by the Social Work Consultants" in by_team.lead
    assert "not split" not in by_team.lead
    by_type = sections["Sessions by type, all teams"].body
    assert by_type.headers == ("Type", "Scheduled", "Held by the team", "Attended (run by others)")
    assert by_type.rows == (("Reflective practice CoP", "12", "10", "0"), ("Spotlight session", "8", "0", "7"))


def test_a_tm_ssw_cop_the_team_ran_as_its_own_is_held_and_one_it_attended_is_attended() -> None:
    """A TM/SSW CoP held while CoPDesk ran that type as the facilitator's own was the team's: by when it was held."""
    document = _summary("North", ["Parking"], held=0)
    document["sessions"] = [
        {"kind": "tm-ssw", "scheduled": 2, "due_so_far": 2, "held": 2, "run_by_others": True},
    ]
    document["attendance"] = [
        {"held_on": "2026-07-02", "kind": "tm-ssw", "attended": 5, "run_by_the_team": True},
        {"held_on": "2026-08-06", "kind": "tm-ssw", "attended": 6, "run_by_the_team": False},
    ]
    sections = _sections(document)
    by_type = sections["Sessions by type, all teams"].body
    assert by_type.rows == (("Team Manager / SSW CoP", "2", "1", "1"),)
    # The one it ran was one of its own on its calendar, not one of others' it missed ("1 of 0 scheduled").
    by_team = sections["Sessions held or attended against scheduled, by team"].body
    assert [row[:3] for row in by_team.rows] == [("North", "1 of 1 scheduled", "1 of 1 scheduled")]


def test_a_summary_by_an_earlier_copdesk_rolls_up_with_its_sessions_said_as_not_split() -> None:
    """An earlier CoPDesk wrote version 1 without who ran each session: its counts are given together, not guessed."""
    older = _summary("South", ["Rotas"], attended=3)
    for entry in (*older["sessions"], *older["attendance"]):
        entry.pop("run_by_others", None)
        entry.pop("run_by_the_team", None)
    sections = _sections(_summary("North", ["Parking"], held=6, attended=4), older)
    by_team = sections["Sessions held or attended against scheduled, by team"]
    assert [row[:3] for row in by_team.body.rows] == [
        ("North", "6 of 6 scheduled", "4 of 4 scheduled"),
        ("South", "7 held or attended of 10 scheduled", "Not split"),
    ]
    said = "The summary of South was made by an earlier CoPDesk, which did not say which sessions a team ran itself"
    assert said in by_team.lead and "counted together, not split." in by_team.lead
    by_type = sections["Sessions by type, all teams"]
    assert by_type.body.headers[-1] == "Held or attended (not split)"
    assert by_type.body.rows == (
        ("Reflective practice CoP", "12", "6", "0", "4"),
        ("Spotlight session", "8", "0", "4", "3"),
    )
    assert said in by_type.lead
    assert by_team.figure_html, "the teams split are charted"
    alone = _sections(older)["Sessions held or attended against scheduled, by team"]
    assert alone.figure_html == "", "no bar is drawn for what is not split"


def test_a_summary_written_now_keeps_what_an_earlier_copdesk_checks() -> None:
    """An earlier CoPDesk reads version 1 and the keys it knows, and checks each type's held against the sessions
    listed: a summary written now keeps the version, and held still counts those held or attended, one entry in the
    attendance for each, so that reader still rolls it up."""
    document = _summary("North", ["Parking"], held=6, attended=4)
    assert document["version"] == 1
    assert [(e["kind"], e["held"]) for e in document["sessions"]] == [("reflective", 6), ("spotlight", 4)]
    assert len(document["attendance"]) == 10


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("attendance", 0), {"held_on": "2026-07-02", "kind": "reflective", "attended": 5}, "for some and not others"),
        (("attendance", 0, "run_by_the_team"), False, "a session run by others of a type the team runs"),
        (("sessions", 1, "run_by_others"), "yes", "expected true or false"),
        # Damage that agrees with itself, but not with who runs each type: the counts would move between the columns.
        (("sessions", 0, "run_by_others"), True, "said to be run by others that is not"),
        (("sessions", 1, "run_by_others"), False, "said to be run by others that is not"),
        (("attendance", 4, "run_by_the_team"), True, "a Spotlight session said to be run by the team"),
    ],
)
def test_who_ran_the_sessions_said_in_part_or_against_the_type_is_refused(
    where: tuple[str | int, ...], value: object, message: str
) -> None:
    text = _changed(_summary("North", ["Parking"], attended=2), *where, value=value)
    with pytest.raises(SummaryError, match=f"{DAMAGED}.*{message}"):
        read_summary(text, "north.json")
