"""The masterclass's words outside the question bank: whole, exact, and where the masterclass puts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.masterclass import arena_label, load_masterclass_texts, shipped_texts
from copdesk.core.model import MarkerKind, ParkedDestination, SessionKind
from copdesk.core.provenance import Origin, ProvenanceError


def test_the_three_challenges_keep_their_names_and_both_sentences() -> None:
    texts = shipped_texts()
    assert [c.name.text for c in texts.challenges] == [
        "Lack of Engagement & Virtual Working",
        "Defensiveness or Tension within CoPs",
        "Same issues raised with no resolution",
    ]
    for challenge in texts.challenges:
        assert challenge.description.text.count(". ") == 1 and challenge.description.text.endswith(".")
        assert challenge.name.credit() == "Masterclass, Handling challenges"


def test_each_remedy_block_is_whole_and_beside_its_own_challenge() -> None:
    texts = shipped_texts()
    remedies = {c.marker: [r.text.text for r in c.remedies if not r.offered_by_copdesk] for c in texts.challenges}
    assert remedies == {
        MarkerKind.LOW_ENERGY: [
            "Speak to a member of the team in advance to ask them to present something of interest to them."
        ],
        MarkerKind.TENSION: [
            "Set ground rules at the start and be prepared to step in and clarify and encourage. "
            "Start low-key and build up gradually."
        ],
        MarkerKind.REPEATED_ISSUE: [
            "Vary the style and content of the CoP. "
            "Take any actions to a different arena as CoPs are reflective spaces."
        ],
    }
    offered = [r for c in texts.challenges for r in c.remedies if r.offered_by_copdesk]
    assert [r.text.text for r in offered] == [texts.escalation.text]
    assert texts.escalation.text.endswith("and/or completing a My VIEWS form")


def test_parked_items_go_to_the_arenas_in_the_masterclass_words() -> None:
    assert [arena_label(d) for d in ParkedDestination] == [
        "Quality Assurance & Panels",
        "MDT Meetings, MAMS & MAPS",
        "Team Meetings",
        "Supervision",
    ]
    cop = shipped_texts().what_a_cop_is
    assert cop.arenas[0].not_this.text == "Scrutinising Packages of Care"
    assert len(cop.purpose) == 5 and cop.not_heading.text == "CoPs reflective practice is NOT..."


def test_the_eight_planning_points_in_order_and_the_six_content_formats() -> None:
    points = shipped_texts().planning
    assert len(points) == 8 and all(p.text.origin is Origin.MASTERCLASS for p in points)
    assert points[4].text.text == "Invite students/apprentices and ASYEs to present a topic of their choice"
    formats = shipped_texts().content_formats
    assert [p.key for p in formats] == ["present-case", "training", "theory", "research", "students", "other-agency"]
    assert all(p.content_format is not None and p.content_format.origin is Origin.COPDESK for p in formats)


def test_session_types_name_their_owners_as_the_masterclass_does() -> None:
    texts = shipped_texts()
    owners = {t.kind: t.owner.text for t in texts.session_types}
    assert owners[SessionKind.SPOTLIGHT] == "managed by Social Work Consultants/Convenors"
    assert owners[SessionKind.THEMED] == "facilitated by Practice Supervisors"
    assert owners[SessionKind.REFLECTIVE].startswith("Facilitate Reflective Practice CoPs")
    assert owners[SessionKind.TM_SSW] == "Schedule and co-ordinate TM/SSW CoPs every 3 months"
    assert texts.session_type(SessionKind.REFLECTIVE).when.text == "2nd and/or 4th week of the month"
    # The facilitator's role is to "Facilitate Reflective Practice CoPs"; the Social Work Consultant schedules and
    # co-ordinates the TM/SSW CoPs, so those are attended as the Spotlight and Themed sessions are.
    assert [kind for kind in SessionKind if not texts.is_attended(kind)] == [SessionKind.REFLECTIVE]
    tm_ssw = texts.session_type(SessionKind.TM_SSW).who_runs_it.text
    assert tm_ssw.endswith("you record who attended and what was learned.")


def test_a_quotation_without_its_section_or_an_unknown_origin_is_refused(tmp_path: Path) -> None:
    for name in ("challenges", "reflective_practice", "planning", "session_types", "contacts", "self_assessment"):
        (tmp_path / f"{name}.toml").write_text(
            paths.resource_path("prompts", f"{name}.toml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    shipped = paths.resource_path("prompts", "planning.toml").read_text(encoding="utf-8")
    for shipped_words, changed, refusal in (
        ('origin = "masterclass"', 'origin = "us"', "origin must be"),
        ('section = "Points to consider when planning a team CoP"\n', "", "needs the section"),
        ('derived_from = "Points', 'part_of = "A case", derived_from = "Points', "part_of gives the opening words"),
    ):
        (tmp_path / "planning.toml").write_text(shipped.replace(shipped_words, changed, 1), encoding="utf-8")
        with pytest.raises(ProvenanceError, match=refusal):
            load_masterclass_texts(tmp_path)
