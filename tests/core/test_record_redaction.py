"""The share-safe session record: what the identifier check flags in any typed text, agenda segment names included,
is listed before export, replaced in every format and counted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from copdesk.core.record import AgendaLine, AskedQuestion, SessionRecord, render_html, render_json, render_markdown
from copdesk.core.redaction import flagged_in_record, share_safe

SEGMENT = "Case: Mrs Patel, M14 5RT"  # typed in File ▸ Agenda templates


def _record() -> SessionRecord:
    return SessionRecord(
        team_name="Harbour Team",
        kind_label="Reflective practice CoP",
        topic="Hospital discharge",
        date=dt.datetime(2026, 9, 10, 10, 0),
        attendance_count=6,
        agenda=(AgendaLine("Check-in", 300, 280.0), AgendaLine(SEGMENT, 600, None)),
        questions_asked=(
            AskedQuestion("10:05", SEGMENT, "What did you notice?"),
            AskedQuestion("10:12", SEGMENT, "What else might be going on?"),
            AskedQuestion("10:20", "—", "What will you take away?"),
        ),
    )


def test_a_segment_name_is_listed_once_however_often_the_record_shows_it() -> None:
    flagged = flagged_in_record(_record())
    assert [(f.where, f.finding.text, f.placeholder) for f in flagged] == [
        ("Agenda segment", "Mrs Patel", "[name removed]"),
        ("Agenda segment", "M14 5RT", "[postcode removed]"),
    ]
    assert share_safe(_record(), keep=True).identifiers_kept == 2


@pytest.mark.parametrize("render", [render_markdown, render_html, render_json])
def test_a_segment_name_is_redacted_in_the_agenda_and_the_questions_and_counted(
    render: Callable[[SessionRecord], str],
) -> None:
    record = share_safe(_record())
    assert record.identifiers_redacted == 2
    redacted = "Case: [name removed], [postcode removed]"
    assert [line.segment for line in record.agenda] == ["Check-in", redacted]
    assert [q.segment for q in record.questions_asked] == [redacted, redacted, "—"]
    text = render(record)
    assert "Patel" not in text and "M14 5RT" not in text
    assert ('"identifiers_redacted": 2' if render is render_json else "2 possible identifiers redacted") in text
