"""Report figures checked against the demo database: every expectation is computed here, from SQL.

The demo history is fixed by its ``now``; the quarterly figures, the session record, the CPD evidence and the
anonymised summary are each compared with what plain queries (and plain calendar arithmetic) say.
"""

from __future__ import annotations

import calendar
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.cpd import CPD_DOCUMENT
from copdesk.core.feedback import NamedInFeedback
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, NoteKind, SessionKind, Team
from copdesk.core.quarterly import QuarterFigures
from copdesk.core.quarterly_report import REPORT_DOCUMENT
from copdesk.core.record import render_json
from copdesk.core.roster import MemberNotFound
from copdesk.store import issues, notes, teams
from copdesk.store.cpd import cpd_evidence, find_member
from copdesk.store.demo import TEAMS, bank_questions, fill_demo
from copdesk.store.feedback import add_feedback
from copdesk.store.quarterly import feedback_naming_colleagues, quarter_figures, team_summary
from copdesk.store.records import SessionNotFound, session_record
from copdesk.store.recurring import change_escalation

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
Q3 = (date(2026, 7, 1), date(2026, 9, 30))
IN_Q3 = datetime(2026, 9, 28, 12, 0, tzinfo=UTC)
ALL_NAMES = [name for roster in TEAMS.values() for name, _ in roster]


@pytest.fixture
def demo_db(db: Database) -> Database:
    fill_demo(db, NOW, bank_questions(paths.resource_path("questions")))
    return db


def _team(db: Database, index: int) -> Team:
    return teams.list_teams(db)[index]


def _full_week_day(year: int, month: int, weekday: int, week: int) -> list[date]:
    """``weekday`` in the ``week``-th row of the month grid counted from the first Monday-to-Friday row wholly in
    the month; [] when that day is already in the next month."""
    rows = calendar.Calendar().monthdatescalendar(year, month)
    first = next(index for index, row in enumerate(rows) if row[0].month == row[4].month == month)
    row = first + week - 1
    return [rows[row][weekday]] if row < len(rows) and rows[row][weekday].month == month else []


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> list[date]:
    """The month's ``n``-th ``weekday``, read off the calendar (every month has four of each)."""
    days = [day for day in calendar.Calendar().itermonthdates(year, month) if day.month == month]
    return [[day for day in days if day.weekday() == weekday][n - 1]]


def _gini(values: list[int]) -> float:
    """Mean absolute difference over twice the mean: a different formula from the one the app uses."""
    if not values or not sum(values):
        return 0.0
    mean = sum(values) / len(values)
    return sum(abs(a - b) for a in values for b in values) / (2 * len(values) ** 2 * mean)


def _rows(db: Database, sql: str, params: list[object]) -> list[dict[str, object]]:
    return list(db.query(sql, params))


def test_sessions_held_and_scheduled_per_type(demo_db: Database) -> None:
    team = _team(demo_db, 0)
    figures = quarter_figures(demo_db, team, "2026Q3", NOW)
    held = {
        str(r["kind"]): int(str(r["n"]))
        for r in _rows(
            demo_db,
            "SELECT kind, count(*) AS n FROM session WHERE team_id = ? AND status = 'ended'"
            " AND date(started_at, 'localtime') BETWEEN ? AND ? GROUP BY kind",
            [team.id, Q3[0].isoformat(), Q3[1].isoformat()],
        )
    }
    # The demo's rhythm, by plain calendar arithmetic: the Tuesday of the first full week, the 2nd and 4th
    # Thursdays of every month, and the 3rd Wednesday of alternate months counted from May.
    months = (7, 8, 9)
    reflective = [d for m in months for n in (2, 4) for d in _nth_weekday(2026, m, 3, n)]
    spotlight = [d for m in months for d in _full_week_day(2026, m, 1, 1)]
    themed = [d for m in months if (m - 5) % 2 == 0 for d in _nth_weekday(2026, m, 2, 3)]
    assert len(reflective) == 6
    expected = {
        SessionKind.REFLECTIVE: (len(reflective), held.get("reflective", 0)),
        SessionKind.SPOTLIGHT: (len(spotlight), held.get("spotlight", 0)),
        SessionKind.THEMED: (len(themed), held.get("themed", 0)),
    }
    assert {t.kind: (t.scheduled, t.held) for t in figures.kinds} == expected
    assert all(t.due_so_far == t.scheduled for t in figures.kinds)  # the quarter is over by NOW


def test_attendance_and_balance_per_session(demo_db: Database) -> None:
    team = _team(demo_db, 0)
    figures = quarter_figures(demo_db, team, "2026Q3", NOW)
    sessions = _rows(
        demo_db,
        "SELECT id, kind, date(started_at, 'localtime') AS day,"
        " (SELECT count(*) FROM attendance a WHERE a.session_id = s.id)"
        " AS present FROM session s WHERE team_id = ? AND status = 'ended'"
        " AND date(started_at, 'localtime') BETWEEN ? AND ? ORDER BY started_at",
        [team.id, Q3[0].isoformat(), Q3[1].isoformat()],
    )
    assert [(s.held_on.isoformat(), s.attendance) for s in figures.sessions] == [
        (r["day"], r["present"]) for r in sessions
    ]
    run = [row for row in sessions if row["kind"] in ("reflective", "tm-ssw")]  # attended sessions are not tracked
    assert len(run) < len(sessions)
    for point, row in zip(figures.balance, run, strict=True):
        counts = [
            int(str(r["n"]))
            for r in _rows(
                demo_db,
                "SELECT count(*) AS n FROM contribution c JOIN attendance a"
                " ON a.session_id = c.session_id AND a.member_id = c.member_id"
                " WHERE c.session_id = ? GROUP BY c.member_id",
                [row["id"]],
            )
        ]
        counts += [0] * (int(str(row["present"])) - len(counts))
        assert point.contributions == sum(counts)
        assert point.gini == pytest.approx(_gini(counts))


def test_actions_raised_completed_and_overdue(demo_db: Database) -> None:
    for index in (0, 1):
        team = _team(demo_db, index)
        for quarter, (first, last) in (("2026Q3", Q3), ("2026Q2", (date(2026, 4, 1), date(2026, 6, 30)))):
            tally = quarter_figures(demo_db, team, quarter, NOW).actions
            bounds = [team.id, first.isoformat(), last.isoformat()]

            def count(sql: str, params: list[object]) -> int:
                return int(str(_rows(demo_db, sql, params)[0]["n"]))

            base = "SELECT count(*) AS n FROM action WHERE team_id = ? AND "
            assert tally.raised == count(base + "date(created_at, 'localtime') BETWEEN ? AND ?", bounds)
            closed = "date(closed_at, 'localtime') BETWEEN ? AND ? AND status = "
            assert tally.completed == count(base + closed + "'done'", bounds)
            assert tally.dropped == count(base + closed + "'dropped'", bounds)
            assert tally.carried == count(
                "SELECT count(*) AS n FROM action_review r JOIN action a ON a.id = r.action_id WHERE a.team_id = ?"
                " AND r.outcome = 'carried' AND date(r.at, 'localtime') BETWEEN ? AND ?",
                bounds,
            )
            overdue = count(
                base + "due_date < ? AND date(created_at, 'localtime') <= ?"
                " AND (closed_at IS NULL OR date(closed_at, 'localtime') > ?)",
                [team.id, last.isoformat(), last.isoformat(), last.isoformat()],
            )
            assert len(tally.overdue) == overdue


def test_recurring_issues_and_escalations(demo_db: Database) -> None:
    team = _team(demo_db, 0)
    for quarter, (first, last) in (("2026Q3", Q3), ("2026Q2", (date(2026, 4, 1), date(2026, 6, 30)))):
        figures = quarter_figures(demo_db, team, quarter, NOW)
        expected = {
            str(r["title"]): (int(str(r["in_quarter"])), int(str(r["total"])))
            for r in _rows(
                demo_db,
                # Raised in the quarter, or before it and still unresolved; counted up to the quarter's end.
                "SELECT i.title, sum(date(m.at, 'localtime') BETWEEN ? AND ?) AS in_quarter,"
                " sum(date(m.at, 'localtime') <= ?) AS total FROM issue i JOIN issue_mention m ON m.issue_id = i.id"
                " WHERE i.team_id = ? GROUP BY i.id"
                " HAVING in_quarter > 0 OR ((i.resolved_at IS NULL OR date(i.resolved_at, 'localtime') > ?)"
                " AND min(date(m.at, 'localtime')) <= ?)",
                [first.isoformat(), last.isoformat(), last.isoformat(), team.id, last.isoformat(), last.isoformat()],
            )
        }
        assert {i.title: (i.mentions_in_quarter, i.mentions_total) for i in figures.issues} == expected
        not_closed = _rows(
            demo_db,
            "SELECT e.raised_on FROM escalation e JOIN issue i ON i.id = e.issue_id WHERE i.team_id = ?"
            " AND e.raised_on <= ? AND (e.raised_on >= ? OR e.status <> 'closed')",
            [team.id, last.isoformat(), first.isoformat()],
        )
        assert [e.raised.isoformat() for e in figures.escalations] == [r["raised_on"] for r in not_closed]


def test_an_unknown_quarter_is_refused(demo_db: Database) -> None:
    from copdesk.core.quarterly import QuarterError

    with pytest.raises(QuarterError, match="no quarter 5"):
        quarter_figures(demo_db, _team(demo_db, 0), "2026Q5", NOW)


def test_session_record_matches_the_database_and_is_share_safe(demo_db: Database) -> None:
    session_id = int(str(_rows(demo_db, "SELECT max(id) AS id FROM session WHERE team_id = 1", [])[0]["id"]))
    record = session_record(demo_db, session_id)
    scalar = {
        key: int(str(_rows(demo_db, sql, [session_id])[0]["n"]))
        for key, sql in {
            "present": "SELECT count(*) AS n FROM attendance WHERE session_id = ?",
            "asked": "SELECT count(*) AS n FROM question_asked WHERE session_id = ?",
            "segments": "SELECT count(*) AS n FROM segment WHERE session_id = ?",
            "new": "SELECT count(*) AS n FROM action WHERE origin_session_id = ?",
            "carried": "SELECT count(*) AS n FROM action_review WHERE session_id = ? AND outcome = 'carried'",
            "done": "SELECT count(*) AS n FROM action_review WHERE session_id = ? AND outcome = 'done'",
            "issues": "SELECT count(DISTINCT issue_id) AS n FROM issue_mention WHERE session_id = ?",
        }.items()
    }
    assert record.attendance_count == scalar["present"] and record.attendee_names is None
    assert (len(record.questions_asked), len(record.agenda)) == (scalar["asked"], scalar["segments"])
    assert (len(record.actions_new), len(record.actions_carried)) == (scalar["new"], scalar["carried"])
    assert (len(record.actions_done), len(record.issues)) == (scalar["done"], scalar["issues"])
    learning = [n.text for n in notes.notes(demo_db, session_id, NoteKind.LEARNING)]
    assert list(record.learning_points) == learning
    text = render_json(record)
    assert not [name for name in ALL_NAMES if name in text]  # share-safe: no names unless asked
    for word in ("contribution", "marker", "gini", "tension", "low-energy"):
        assert word not in text.casefold()
    named = session_record(demo_db, session_id, with_names=True)
    present = _rows(
        demo_db,
        "SELECT display_name FROM member m JOIN attendance a ON a.member_id = m.id WHERE a.session_id = ?",
        [session_id],
    )
    assert sorted(named.attendee_names or ()) == sorted(str(r["display_name"]) for r in present)


def test_a_missing_session_is_a_one_line_error(demo_db: Database) -> None:
    with pytest.raises(SessionNotFound, match="There is no session 9999"):
        session_record(demo_db, 9999)


def test_cpd_evidence_holds_one_practitioners_data_only(demo_db: Database) -> None:
    team = _team(demo_db, 0)
    member = find_member(demo_db, team, "  sam   OKAFOR ")
    first_session = int(
        str(
            _rows(
                demo_db,
                "SELECT min(session_id) AS id FROM attendance a JOIN session s ON s.id = a.session_id"
                " WHERE a.member_id = ? AND s.started_at >= '2026-07'",
                [member.id],
            )[0]["id"]
        )
    )
    notes.add_note(demo_db, first_session, NoteKind.LEARNING, "Jordan Blake showed how Casey reframed it.", NOW)
    evidence = cpd_evidence(demo_db, team, member, *Q3)
    attended = _rows(
        demo_db,
        "SELECT s.id FROM session s JOIN attendance a ON a.session_id = s.id WHERE a.member_id = ?"
        " AND s.status = 'ended' AND date(s.started_at, 'localtime') BETWEEN ? AND ?",
        [member.id, Q3[0].isoformat(), Q3[1].isoformat()],
    )
    assert len(evidence.sessions) == len(attended) > 0
    for file_format in ("md", "html"):
        text = CPD_DOCUMENT.render(evidence, file_format)
        assert "Sam Okafor" in text
        others = [name for name in ALL_NAMES if name != "Sam Okafor"]
        assert [name for name in others if name in text] == []
        assert not [part for name in others for part in name.split() if f" {part} " in text.replace("\n", " ")]
        assert "Describe what you have learnt from discussing this CPD activity with a peer." in text
    learning = [point for session in evidence.sessions for point in session.learning_points]
    assert "[colleague] showed how [colleague] reframed it." in learning
    with pytest.raises(MemberNotFound, match="Nobody called 'Nobody Here'"):
        find_member(demo_db, team, "Nobody Here")


def test_anonymised_summary_has_no_names(demo_db: Database) -> None:
    team = _team(demo_db, 0)
    session_id = int(str(_rows(demo_db, "SELECT max(id) AS id FROM session WHERE team_id = ?", [team.id])[0]["id"]))
    issues.add_issue(demo_db, team.id, "Taylor Nwosu waits for NHS 943 476 5919 forms", session_id, NOW)
    document = team_summary(demo_db, team, "2026Q4", NOW)
    text = json.dumps(document)
    assert [name for name in ALL_NAMES if name in text] == []
    assert [part for name in ALL_NAMES for part in name.split() if part in text] == []
    assert "943 476 5919" not in text
    assert any(i["title"].startswith("[colleague] waits for") for i in document["issues"])
    figures: QuarterFigures = quarter_figures(demo_db, team, "2026Q4", NOW)
    assert document["actions"]["raised"] == figures.actions.raised
    assert {i["status"] for i in document["issues"]} <= {s.value for s in IssueStatus}


def test_an_issue_resolved_after_a_quarter_is_still_listed_in_it_whenever_the_report_is_run(demo_db: Database) -> None:
    team = _team(demo_db, 0)
    first_session = demo_db.execute(
        "SELECT id FROM session WHERE team_id = ? ORDER BY started_at LIMIT 1",
        [team.id],
    ).fetchone()[0]
    raised = datetime(2026, 2, 12, 10, 30, tzinfo=UTC)
    issue = issues.add_issue(demo_db, team.id, "Rota gaps at weekends", first_session, raised)
    issues.resolve_issue(demo_db, issue.id, "A weekend rota was agreed.", datetime(2026, 7, 14, 10, 0, tzinfo=UTC))

    figures = quarter_figures(demo_db, team, "2026Q2", NOW)  # run in November, the issue resolved in July

    (listed,) = [i for i in figures.issues if i.title == "Rota gaps at weekends"]
    assert listed.mentions_in_quarter == 0 and listed.first_raised == date(2026, 2, 12)
    assert listed.status is IssueStatus.OPEN  # as it stood at the quarter's end, not "Resolved" beside "unresolved"
    assert "Rota gaps at weekends" not in {i.title for i in quarter_figures(demo_db, team, "2026Q3", NOW).issues}


def test_a_past_quarter_and_a_record_give_an_issues_status_as_it_stood_then(demo_db: Database) -> None:
    """A second-quarter report run in November said "Escalated" and "Resolved" for issues open at the quarter's
    end, beside "earlier ones are still unresolved"; a June session's record said the same of its issue."""
    team = _team(demo_db, 0)
    session_id = demo_db.execute(
        "SELECT id FROM session WHERE team_id = ? AND status = 'ended' AND date(started_at, 'localtime') < '2026-06-30'"
        " ORDER BY started_at DESC LIMIT 1",
        [team.id],
    ).fetchone()[0]
    held = datetime.fromisoformat(
        demo_db.execute("SELECT started_at FROM session WHERE id = ?", [session_id]).fetchone()[0]
    )
    escalated = issues.add_issue(demo_db, team.id, "Interpreters booked too late", session_id, held)
    issues.add_escalation(demo_db, escalated.id, EscalationTarget.MANAGER, date(2026, 8, 3), None)
    resolved = issues.add_issue(demo_db, team.id, "Pool car keys go missing", session_id, held)
    issues.resolve_issue(demo_db, resolved.id, "A key safe was fitted.", datetime(2026, 7, 14, 10, 0, tzinfo=UTC))

    statuses = {i.title: i.status for i in quarter_figures(demo_db, team, "2026Q2", NOW).issues}
    assert statuses["Interpreters booked too late"] is IssueStatus.OPEN
    assert statuses["Pool car keys go missing"] is IssueStatus.OPEN
    later = {i.title: i.status for i in quarter_figures(demo_db, team, "2026Q3", NOW).issues}
    assert later["Interpreters booked too late"] is IssueStatus.ESCALATED
    assert "Pool car keys go missing" not in later  # resolved in the quarter and not raised in it
    record = {line.title: line.status for line in session_record(demo_db, session_id).issues}
    assert record["Interpreters booked too late"] == record["Pool car keys go missing"] == IssueStatus.OPEN.label


def test_an_issue_whose_escalations_were_all_withdrawn_reads_open_in_the_report_and_the_record(
    demo_db: Database,
) -> None:
    """The third quarter's report and the record of the session that escalated it said "Escalated" of an issue
    whose only escalation had been withdrawn, beside that escalation listed as "Closed". Each now reads as it stood
    on its day: withdrawn in the quarter, the issue is open at its end; the record's day it was still escalated."""
    team = _team(demo_db, 0)
    (row,) = _rows(
        demo_db,
        "SELECT e.id, e.session_id, i.title FROM escalation e JOIN issue i ON i.id = e.issue_id WHERE i.team_id = ?",
        [team.id],
    )
    escalation_id, session_id, title = int(str(row["id"])), int(str(row["session_id"])), str(row["title"])

    def statuses() -> tuple[IssueStatus | None, str, str]:
        (in_report,) = [i.status for i in quarter_figures(demo_db, team, "2026Q3", NOW).issues if i.title == title]
        record = session_record(demo_db, session_id)
        (in_record,) = [line.status for line in record.issues if line.title == title]
        (escalation,) = record.escalations
        return in_report, in_record, escalation.status

    escalated = (IssueStatus.ESCALATED, IssueStatus.ESCALATED.label, EscalationStatus.AWAITING.label)
    assert statuses() == escalated
    change_escalation(
        demo_db, escalation_id, EscalationStatus.CLOSED, "Withdrawn: interpreters booked centrally", IN_Q3
    )
    assert statuses() == (IssueStatus.OPEN, *escalated[1:])
    assert session_record(demo_db, session_id).escalations[0].status_known


def test_a_record_lists_no_escalation_raised_after_its_session(demo_db: Database) -> None:
    """A record of 17 June listed an escalation of one of its issues raised on 23 July."""
    later = _rows(
        demo_db,
        "SELECT DISTINCT m.session_id AS id FROM escalation e JOIN issue_mention m ON m.issue_id = e.issue_id "
        "JOIN session s ON s.id = m.session_id WHERE e.session_id IS NOT m.session_id "
        "AND e.raised_on > date(s.started_at, 'localtime')",
        [],
    )
    assert later, "the demo has an issue escalated after a session that discussed it"
    for row in later:
        record = session_record(demo_db, int(str(row["id"])))
        assert all(line.raised <= record.date.date() for line in record.escalations), row["id"]
    made_in = _rows(demo_db, "SELECT session_id AS id FROM escalation WHERE session_id IS NOT NULL", [])
    for row in made_in:  # an escalation made in the session, on its day (as the demo's are), is its own
        assert session_record(demo_db, int(str(row["id"]))).escalations, row["id"]


def test_a_record_leaves_out_an_escalation_made_in_its_session_days_after_its_day(demo_db: Database) -> None:
    """A session left running, and an issue escalated from the Prepare view a week later: the session's record
    listed that escalation, raised a week after the record's date, while its issue read "Open"."""
    team = _team(demo_db, 0)
    session_id, started = demo_db.execute(
        "SELECT id, started_at FROM session WHERE team_id = ? AND status = 'ended' ORDER BY started_at DESC LIMIT 1",
        [team.id],
    ).fetchone()
    held = datetime.fromisoformat(started)
    issue = issues.add_issue(demo_db, team.id, "Interpreters booked too late", session_id, held)
    issues.add_escalation(
        demo_db, issue.id, EscalationTarget.MANAGER, held.date() + timedelta(days=7), None, session_id
    )

    record = session_record(demo_db, session_id)
    assert [line.issue_title for line in record.escalations if line.raised > record.date.date()] == []
    assert {line.title: line.status for line in record.issues}["Interpreters booked too late"] == "Open"
    issues.add_escalation(demo_db, issue.id, EscalationTarget.MY_VIEWS, record.date.date(), None, session_id)
    record = session_record(demo_db, session_id)
    assert [line.to for line in record.escalations if line.issue_title == "Interpreters booked too late"] == [
        EscalationTarget.MY_VIEWS.label
    ]
    assert {line.title: line.status for line in record.issues}["Interpreters booked too late"] == "Escalated"


def test_a_series_paused_after_a_quarter_keeps_that_quarters_calendar(demo_db: Database) -> None:
    """Pausing the reflective series in November rewrote the third quarter: "6 held of 0 on its calendar"."""
    from copdesk.services.calendar import set_series_paused
    from copdesk.store.series import series_for_team

    team = _team(demo_db, 0)
    before = quarter_figures(demo_db, team, "2026Q3", NOW).kinds
    for found in series_for_team(demo_db, team.id):
        set_series_paused(demo_db, team.id, found.id, True, NOW)
    after = quarter_figures(demo_db, team, "2026Q3", NOW).kinds
    assert after == before and any(tally.scheduled for tally in before)
    assert not any(tally.scheduled for tally in quarter_figures(demo_db, team, "2027Q1", NOW).kinds)


def _earlier_escalation(db: Database) -> tuple[Team, int, str]:
    """The demo's first team's one escalation, raised before the third quarter."""
    team = _team(db, 0)
    (row,) = _rows(
        db,
        "SELECT e.id, e.raised_on, i.title FROM escalation e JOIN issue i ON i.id = e.issue_id WHERE i.team_id = ?",
        [team.id],
    )
    assert date.fromisoformat(str(row["raised_on"])) < Q3[0]
    return team, int(str(row["id"])), str(row["title"])


def _listed(
    db: Database, team: Team, quarter: str, title: str
) -> tuple[list[EscalationStatus | None], IssueStatus | None]:
    figures = quarter_figures(db, team, quarter, NOW)
    (issue,) = [i.status for i in figures.issues if i.title == title]
    return [e.status for e in figures.escalations if e.issue_title == title], issue


def test_an_escalation_from_an_earlier_quarter_is_listed_until_it_is_closed(demo_db: Database) -> None:
    """A third-quarter report left out a second-quarter escalation once it was responded to, while its issue still
    read "Escalated" beside it: only one awaiting a response was listed. Responded to in the quarter and closed
    after it, it is listed as responded to, as it stood at the quarter's end, and leaves the next quarter's report."""
    team, escalation_id, title = _earlier_escalation(demo_db)
    assert _listed(demo_db, team, "2026Q3", title) == ([EscalationStatus.AWAITING], IssueStatus.ESCALATED)
    change_escalation(demo_db, escalation_id, EscalationStatus.RESPONDED, "Interpreters are now booked ahead", IN_Q3)
    assert _listed(demo_db, team, "2026Q3", title) == ([EscalationStatus.RESPONDED], IssueStatus.ESCALATED)
    text = REPORT_DOCUMENT.render(quarter_figures(demo_db, team, "2026Q3", NOW), "md")
    assert f"| {EscalationStatus.RESPONDED.label} |" in text and "responded to and not yet closed" in text
    change_escalation(demo_db, escalation_id, EscalationStatus.CLOSED, "Done with", NOW)
    assert _listed(demo_db, team, "2026Q3", title) == ([EscalationStatus.RESPONDED], IssueStatus.ESCALATED)
    assert _listed(demo_db, team, "2026Q4", title) == ([], IssueStatus.OPEN)


def test_a_past_quarters_report_run_later_gives_each_escalations_status_at_the_quarters_end(demo_db: Database) -> None:
    """A third-quarter report run in November said "Responded" of an escalation responded to in November, and left
    out one closed then, though at the quarter's end both were still awaiting a response."""
    team, escalation_id, title = _earlier_escalation(demo_db)
    change_escalation(demo_db, escalation_id, EscalationStatus.RESPONDED, "Interpreters are now booked ahead", NOW)
    assert _listed(demo_db, team, "2026Q3", title) == ([EscalationStatus.AWAITING], IssueStatus.ESCALATED)
    assert _listed(demo_db, team, "2026Q4", title) == ([EscalationStatus.RESPONDED], IssueStatus.ESCALATED)
    change_escalation(demo_db, escalation_id, EscalationStatus.CLOSED, "Done with", NOW)
    assert _listed(demo_db, team, "2026Q3", title) == ([EscalationStatus.AWAITING], IssueStatus.ESCALATED)
    summary = team_summary(demo_db, team, "2026Q3", NOW)["escalations"]
    assert [(e["status"], e["status_now"]) for e in summary] == [("awaiting", "closed")]


def test_feedback_that_names_a_colleague_is_found_for_the_export_to_warn_of(demo_db: Database) -> None:
    team = _team(demo_db, 0)
    colleague = next(m.display_name for m in teams.list_members(demo_db, team.id))
    first_name = colleague.split()[0]
    (session_id,) = demo_db.execute(
        "SELECT id FROM session WHERE team_id = ? AND status = 'ended' AND date(started_at, 'localtime') >= ?"
        " ORDER BY started_at LIMIT 1",
        [team.id, Q3[0].isoformat()],
    ).fetchone()
    add_feedback(demo_db, session_id, 4, f"Fewer cases from {first_name}, please", NOW)
    add_feedback(demo_db, session_id, 3, "Start on time", NOW)
    figures = quarter_figures(demo_db, team, "2026Q3", NOW)
    assert feedback_naming_colleagues(demo_db, figures) == [
        NamedInFeedback(f"Fewer cases from {first_name}, please", (first_name,))
    ]
