"""The series being edited: presets, skipped and extra dates, and what survives a change of rhythm."""

from __future__ import annotations

import re
from datetime import date, datetime, time

import pytest

from copdesk.core.dates import format_uk
from copdesk.core.model import Series, SessionKind
from copdesk.core.rule_text import ScheduleError
from copdesk.core.schedule import Preset, ReflectiveWeeks
from copdesk.core.series_draft import (
    NO_SESSION_LEFT,
    Change,
    PreviewDate,
    SeriesDraft,
    change_text,
    default_draft,
    missing_text,
    preview_text,
    shared_days,
)

AFTER = datetime(2026, 8, 31, 12, 0)


def _spotlight() -> SeriesDraft:
    return SeriesDraft.from_preset(Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 9, 1), 60))


def test_the_tuesday_spotlight_of_september_2026_is_on_the_8th() -> None:
    first = _spotlight().preview(AFTER)[0]
    assert first.moment == datetime(2026, 9, 8, 13, 0) and not first.extra


def test_preview_lists_six_dates_in_order() -> None:
    days = [entry.moment.date() for entry in _spotlight().preview(AFTER)]
    assert days == [
        date(2026, 9, 8),
        date(2026, 10, 6),
        date(2026, 11, 3),
        date(2026, 12, 8),
        date(2027, 1, 5),
        date(2027, 2, 2),
    ]


def test_preset_reads_back_what_built_it() -> None:
    preset = Preset(SessionKind.REFLECTIVE, 3, time(10, 30), date(2026, 10, 22), 90, ReflectiveWeeks.FOURTH)
    assert SeriesDraft.from_preset(preset).preset() == preset


def test_starting_from_reads_back_as_the_first_session_not_the_day_typed() -> None:
    """A Tuesday series set up "from Friday 1 May" starts on Tuesday 5 May, and rebuilding it changes no date."""
    typed = Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 5, 1), 60)
    draft = SeriesDraft.from_preset(typed)
    shown = draft.preset()
    assert shown is not None and shown.first_date == date(2026, 5, 5)
    rebuilt, dropped = draft.with_rhythm(shown)
    assert dropped == [] and rebuilt.preview(datetime(2026, 4, 1), 12) == draft.preview(datetime(2026, 4, 1), 12)
    fourth = SeriesDraft.from_preset(
        Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1), 60, ReflectiveWeeks.FOURTH)
    )
    assert fourth.preset().first_date == date(2026, 9, 24)  # type: ignore[union-attr]  # September's 4th Thursday


def test_the_one_off_is_offered_on_the_series_weekday_on_a_free_day() -> None:
    after = datetime(2026, 8, 20, 12, 0)  # a Thursday
    assert _spotlight().suggested_extra(after) == datetime(2026, 8, 25, 13, 0)  # the next Tuesday
    # The next Tuesday after 2 September is the 8th, the Spotlight itself: the one after is offered.
    assert _spotlight().suggested_extra(datetime(2026, 9, 2, 9, 0)) == datetime(2026, 9, 15, 13, 0)
    taken = _spotlight().add_extra(datetime(2026, 8, 25, 13, 0))
    assert taken.suggested_extra(after) == datetime(2026, 9, 1, 13, 0)
    weekly = SeriesDraft(SessionKind.REFLECTIVE, "DTSTART:20260105T140000\nRRULE:FREQ=WEEKLY;BYDAY=MO", 60)
    assert weekly.suggested_extra(after) == datetime(2026, 8, 24, 14, 0)  # every Monday is taken: the next one


def test_every_month_has_its_4th_week_session_and_an_old_full_week_series_says_where_it_has_none() -> None:
    draft = SeriesDraft.from_preset(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 8, 1), 60))
    preview = draft.preview(AFTER)
    assert [p.moment.date() for p in preview][:3] == [date(2026, 9, 10), date(2026, 9, 24), date(2026, 10, 8)]
    assert draft.missing_in(preview, AFTER) == []
    days = "11,12,13,14,15,16,17,25,26,27,28,29,30,31"
    old = SeriesDraft(
        SessionKind.REFLECTIVE, f"DTSTART:20260801T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY={days}", 60
    )
    old_preview = old.preview(AFTER)
    assert [missing_text(gap) for gap in old.missing_in(old_preview, AFTER)] == [
        "No 4th-week session in September 2026: that Thursday would be 1 October."
    ]
    assert old.missing_in([PreviewDate(datetime(2026, 9, 10, 10), False)], datetime(2026, 9, 1)) == []
    assert _spotlight().missing_in(_spotlight().preview(AFTER), AFTER) == []


def test_a_custom_rule_has_no_preset() -> None:
    draft = SeriesDraft(SessionKind.REFLECTIVE, "DTSTART:20260901T100000\nRRULE:FREQ=DAILY", 60)
    assert draft.preset() is None
    assert draft.describe().startswith("Custom repeating rule")


def test_skip_and_extra_show_as_changes_and_undo() -> None:
    draft = _spotlight().skip(datetime(2026, 10, 6, 13, 0)).add_extra(datetime(2026, 10, 13, 13, 0, 42))
    changes = draft.changes()
    assert changes == [Change(datetime(2026, 10, 6, 13, 0), True), Change(datetime(2026, 10, 13, 13, 0), False)]
    assert [change_text(c) for c in changes] == ["Skipped: Tue 6 Oct 2026, 13:00", "Extra: Tue 13 Oct 2026, 13:00"]
    preview = draft.preview(AFTER)
    assert [preview_text(p) for p in preview[:2]] == ["Tue 8 Sep 2026, 13:00", "Tue 13 Oct 2026, 13:00  (extra)"]
    restored = draft.undo(changes[0]).undo(changes[1])
    assert restored.changes() == [] and restored.preview(AFTER) == _spotlight().preview(AFTER)


def test_bad_edits_are_refused_with_one_line() -> None:
    draft = _spotlight()
    with pytest.raises(ScheduleError, match="no session on Wednesday 7 October 2026 at 13:00"):
        draft.skip(datetime(2026, 10, 7, 13, 0))
    with pytest.raises(ScheduleError, match="already a session"):
        draft.add_extra(datetime(2026, 10, 6, 13, 0))
    with pytest.raises(ScheduleError, match="Monday to Friday"):
        draft.add_extra(datetime(2026, 10, 10, 13, 0))


def test_skip_takes_the_session_chosen_when_a_one_off_shares_its_day() -> None:
    """A one-off at 09:00 beside the 13:00 session: skipping either leaves the other, and skipping the one-off takes
    it away rather than adding an EXDATE beside its RDATE (an invitation file would still hold it)."""
    draft = _spotlight().add_extra(datetime(2026, 10, 6, 9, 0))
    rhythm_skipped = draft.skip(datetime(2026, 10, 6, 13, 0))
    assert rhythm_skipped.changes() == [
        Change(datetime(2026, 10, 6, 9, 0), False),
        Change(datetime(2026, 10, 6, 13, 0), True),
    ]
    one_off_skipped = draft.skip(datetime(2026, 10, 6, 9, 0))
    assert one_off_skipped.changes() == [] and one_off_skipped.rule == _spotlight().rule


def test_changing_the_rhythm_keeps_the_changes_that_still_apply() -> None:
    draft = _spotlight().skip(datetime(2026, 10, 6, 13, 0)).add_extra(datetime(2026, 10, 20, 13, 0))
    # Tuesday to Wednesday: the skipped Tuesday has no session any more, the extra date still stands.
    moved, dropped = draft.with_rhythm(Preset(SessionKind.SPOTLIGHT, 2, time(13), date(2026, 9, 1), 60))
    assert moved.changes() == [Change(datetime(2026, 10, 20, 13, 0), False)]
    assert dropped == ["The skipped date Tue 6 Oct 2026, 13:00 no longer applies, so it was removed."]
    assert moved.preview(AFTER)[0].moment == datetime(2026, 9, 9, 13, 0)  # the week of Monday 7th


def test_default_draft_is_an_hour_on_thursday_at_ten() -> None:
    draft = default_draft(date(2026, 9, 1), SessionKind.THEMED)
    preset = draft.preset()
    assert preset is not None
    assert (preset.kind, preset.weekday, preset.start, draft.duration_minutes) == (SessionKind.THEMED, 3, time(10), 60)
    assert draft.with_duration(90).duration_minutes == 90


def test_a_day_another_series_holds_is_named_unless_that_series_is_paused_or_unreadable() -> None:
    reflective = SeriesDraft.from_preset(
        Preset(SessionKind.REFLECTIVE, 1, time(10), date(2026, 9, 1), 60, ReflectiveWeeks.SECOND)
    )
    preview = reflective.preview(AFTER)
    spotlight = Series(1, 7, SessionKind.SPOTLIGHT, _spotlight().rule, 60)
    said = shared_days(preview, [spotlight])
    assert said[0] == "Tue 8 Sep 2026 is also the Spotlight session's day."
    held = {line.split(" is also")[0] for line in said}
    assert held == {format_uk(entry.moment) for entry in preview if 2 <= entry.moment.day <= 8}
    assert shared_days(preview, [Series(1, 7, SessionKind.SPOTLIGHT, spotlight.rule, 60, active=False)]) == []
    assert shared_days(preview, [Series(2, 7, SessionKind.THEMED, "not a rule", 60)]) == []


ENDING = "DTSTART:20260901T100000\nRRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=2"  # 3 and 10 September, as an older CoPDesk kept


def test_taking_off_the_last_session_of_a_rule_that_ends_is_refused_in_words() -> None:
    """Skipping both dates of a rule that ends made a draft no one could save or read: "This series' rule cannot be
    read", with its skips gone from the list that would undo them."""
    one_left = SeriesDraft(SessionKind.REFLECTIVE, ENDING, 60).skip(datetime(2026, 9, 3, 10))
    with pytest.raises(ScheduleError, match=f"^{re.escape(NO_SESSION_LEFT)}$"):
        one_left.skip(datetime(2026, 9, 10, 10))
    extra_only = one_left.add_extra(datetime(2026, 9, 11, 10)).skip(datetime(2026, 9, 10, 10))
    with pytest.raises(ScheduleError, match="last session"):
        extra_only.undo(Change(datetime(2026, 9, 11, 10), skipped=False))
    assert [entry.moment for entry in extra_only.preview(AFTER)] == [datetime(2026, 9, 11, 10)]
