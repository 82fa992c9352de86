"""Agenda templates: the shipped files, parsing with clear messages, and edits that never corrupt."""

from __future__ import annotations

from pathlib import Path

import pytest

from copdesk.core.agenda import (
    AgendaTemplate,
    TemplateError,
    add_segment,
    fitted_to,
    load_template_folder,
    make_segment,
    move_segment,
    parse_template,
    remove_segment,
    retime_segment,
)
from copdesk.core.model import SegmentPhase, SessionKind
from copdesk.core.provenance import Origin

AGENDAS = Path(__file__).resolve().parents[2] / "resources" / "agendas"

MINIMAL = """
kind = "reflective"
title = "Short CoP"

[[segments]]
name = "Welcome"
phase = "opening"
minutes = 5

[[segments]]
name = "Discussion"
phase = "reflection"
minutes = 20
"""


def _short() -> AgendaTemplate:
    return parse_template(MINIMAL)


def test_all_four_shipped_templates_load_one_per_kind() -> None:
    templates = load_template_folder(AGENDAS)

    assert set(templates) == set(SessionKind)
    for template in templates.values():
        assert template.about is not None and template.about.origin is Origin.COPDESK, "the masterclass gives no agenda"
        assert "CoPDesk's suggestion" in template.about.text
        assert template.total_minutes == 60


def test_shipped_reflective_template_is_the_masterclass_hour() -> None:
    reflective = load_template_folder(AGENDAS)[SessionKind.REFLECTIVE]

    assert reflective.total_seconds == 3600
    assert [(s.name, s.phase) for s in reflective.segments] == [
        ("Welcome and ground rules", SegmentPhase.OPENING),
        ("Actions from last time", SegmentPhase.REVIEW),
        ("Case presentation", SegmentPhase.PRESENTATION),
        ("Clarifying questions", SegmentPhase.CLARIFYING),
        ("Reflective discussion", SegmentPhase.REFLECTION),
        ("Learning and actions", SegmentPhase.CLOSING),
        ("Close", SegmentPhase.CLOSING),
    ]


def test_shipped_spotlight_has_talk_questions_reflection_and_learning() -> None:
    phases = [s.phase for s in load_template_folder(AGENDAS)[SessionKind.SPOTLIGHT].segments]

    for phase in (SegmentPhase.PRESENTATION, SegmentPhase.CLARIFYING, SegmentPhase.REFLECTION, SegmentPhase.CLOSING):
        assert phase in phases


def test_stated_total_is_checked_against_the_segments() -> None:
    with pytest.raises(TemplateError, match="total_minutes says 30 but the segments add up to 25"):
        parse_template("total_minutes = 30\n" + MINIMAL)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind = ", "not valid TOML"),
        (MINIMAL.replace('"reflective"', '"supervision"'), "Session kind 'supervision' is not one of reflective"),
        ('kind = "themed"\ntitle = "T"\n', r"no \[\[segments\]\]"),
        (MINIMAL.replace('name = "Welcome"', 'name = "   "'), "Segment name is empty"),
        (MINIMAL.replace('name = "Welcome"\n', ""), "Segment 1 needs name"),
        (MINIMAL.replace("minutes = 5", "minutes = 0"), "'Welcome' is 0 min; a segment takes 1 to 240 min"),
        (MINIMAL.replace("minutes = 5", "minutes = 241"), "'Welcome' is 241 min"),
        (MINIMAL.replace("minutes = 5", "minutes = 2.5"), "Segment 1 needs minutes = a whole number"),
        (MINIMAL.replace('"opening"', '"icebreaker"'), "phase 'icebreaker' is not one of opening"),
        (MINIMAL.replace("minutes = 20", "minuts = 20"), "Unknown key 'minuts' in segment 2"),
        (MINIMAL.replace('title = "Short CoP"', ""), "The template needs title"),
        (MINIMAL.replace("minutes = 5", "minutes = 221"), "adds up to 241 min; keep it within 4 hours"),
    ],
)
def test_bad_templates_are_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text)


def test_names_are_tidied() -> None:
    assert make_segment("  Case   presentation ", "presentation", 10).name == "Case presentation"


def test_add_appends_or_inserts_and_leaves_the_original_alone() -> None:
    original = _short()

    appended = add_segment(original, "Close", SegmentPhase.CLOSING, 5)
    inserted = add_segment(original, "Actions from last time", "review", 5, at=1)

    assert [s.name for s in appended.segments] == ["Welcome", "Discussion", "Close"]
    assert [s.name for s in inserted.segments] == ["Welcome", "Actions from last time", "Discussion"]
    assert len(original.segments) == 2


def test_add_refuses_a_bad_position_or_an_agenda_over_four_hours() -> None:
    with pytest.raises(TemplateError, match="Cannot insert at position 4"):
        add_segment(_short(), "Close", "closing", 5, at=3)
    with pytest.raises(TemplateError, match="keep it within 4 hours"):
        add_segment(_short(), "Marathon", "reflection", 216)


def test_remove_keeps_at_least_one_segment() -> None:
    one_left = remove_segment(_short(), 0)

    assert [s.name for s in one_left.segments] == ["Discussion"]
    with pytest.raises(TemplateError, match="at least one segment"):
        remove_segment(one_left, 0)


def test_move_reorders_both_ways() -> None:
    template = add_segment(_short(), "Close", "closing", 5)

    assert [s.name for s in move_segment(template, 2, 0).segments] == ["Close", "Welcome", "Discussion"]
    assert [s.name for s in move_segment(template, 0, 2).segments] == ["Discussion", "Close", "Welcome"]


def test_retime_changes_one_segment_within_limits() -> None:
    retimed = retime_segment(_short(), 1, 30)

    assert retimed.segments[1].planned_seconds == 1800
    assert retimed.total_minutes == 35
    with pytest.raises(TemplateError, match="a segment takes 1 to 240 min"):
        retime_segment(_short(), 1, 0)


def test_edits_refuse_a_segment_that_does_not_exist() -> None:
    with pytest.raises(TemplateError, match="There is no segment 3; the agenda has 2"):
        remove_segment(_short(), 2)
    with pytest.raises(TemplateError, match="There is no segment 0"):
        move_segment(_short(), 0, -1)


def test_a_folder_with_two_templates_for_one_kind_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.toml").write_text(MINIMAL, encoding="utf-8")

    with pytest.raises(TemplateError, match=r"b\.toml: a second template for Reflective practice CoP"):
        load_template_folder(tmp_path)


def test_a_broken_file_is_named_in_the_message(tmp_path: Path) -> None:
    (tmp_path / "themed.toml").write_text("kind = [", encoding="utf-8")

    with pytest.raises(TemplateError, match=r"^themed\.toml: The agenda template is not valid TOML"):
        load_template_folder(tmp_path)


@pytest.mark.parametrize("minutes", [90, 45, 7, 240])
def test_an_agenda_fitted_to_a_series_length_keeps_its_segments_and_adds_up_exactly(minutes: int) -> None:
    """A 90- or 45-minute series ran the 60-minute agenda; fitted, each segment keeps its share, a minute at least."""
    shipped = load_template_folder(AGENDAS)[SessionKind.REFLECTIVE]
    fitted = fitted_to(shipped, minutes)
    assert fitted.total_minutes == minutes and all(segment.minutes >= 1 for segment in fitted.segments)
    assert [(s.name, s.phase) for s in fitted.segments] == [(s.name, s.phase) for s in shipped.segments]
    assert (fitted.title, fitted.about) == (shipped.title, shipped.about)
    if minutes == 90:
        assert [s.minutes for s in fitted.segments] == [8, 8, 15, 12, 33, 10, 4]


@pytest.mark.parametrize("minutes", [6, 241])
def test_an_agenda_is_not_fitted_below_a_minute_a_segment_nor_past_the_limit(minutes: int) -> None:
    shipped = load_template_folder(AGENDAS)[SessionKind.REFLECTIVE]
    with pytest.raises(TemplateError, match=f"7 segments cannot be fitted to {minutes} min"):
        fitted_to(shipped, minutes)
