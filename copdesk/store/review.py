"""Gathering the pre-session review pack (``core.review``) and the session list, for the Prepare view and the CLI.

Both screens call :func:`review_pack`, so what the facilitator sees before a session and what
``copdesk-cli review`` prints cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import SessionKind, SessionStatus, Team
from copdesk.core.picker import not_yet_used
from copdesk.core.question_bank import Question, QuestionKind
from copdesk.core.review import (
    ActionFact,
    ReviewPack,
    SessionLine,
    UnusedQuestion,
    UpcomingSession,
    build_review_pack,
)
from copdesk.core.schedule import NextSession
from copdesk.store.carry_over import SESSION_ORDER, open_actions_with_origin
from copdesk.store.participation import quiet_last_time
from copdesk.store.questions import team_ask_counts
from copdesk.store.recurring import escalation_facts, issue_facts, recurring_threshold
from copdesk.store.schedule import next_due
from copdesk.store.series import get_series
from copdesk.store.sessions import run_by_the_team
from copdesk.store.settings import set_setting
from copdesk.store.teams import get_team, list_teams


def review_pack(db: Database, team_id: int, now: datetime, bank: Iterable[Question]) -> ReviewPack:
    """Everything to look at before the team's next session; ``now`` is the aware wall-clock time."""
    team = get_team(db, team_id)
    upcoming = next_due(db, team_id, now)
    quiet = quiet_last_time(db, team_id)
    questions = [question for question in bank if question.kind is QuestionKind.QUESTION]
    unused = not_yet_used(questions, team_ask_counts(db, team_id))
    return build_review_pack(
        team.name,
        today=now.astimezone().date(),
        next_session=_upcoming(db, upcoming) if upcoming else None,
        actions=[
            ActionFact(action.id, action.text, action.owner_name, action.due, origin, action.times_carried)
            for action, origin in open_actions_with_origin(db, team_id)
        ],
        issues=issue_facts(db, team_id),
        escalations=escalation_facts(db, team_id),
        quiet_last_session=[member.display_name for member in quiet.members] if quiet else [],
        unused_questions=[UnusedQuestion(q.id, q.category, q.text) for q in unused],
        threshold=recurring_threshold(db),
        last_session_tallied=quiet is not None and quiet.tallied,
        sessions_held=_sessions_run(db, team_id),
        actions_agreed=_count(db, "SELECT count(*) FROM action WHERE team_id = ?", team_id),
    )


def _upcoming(db: Database, found: NextSession) -> UpcomingSession:
    """The next session with its end: its series' length, as the invitations give it."""
    length = timedelta(minutes=get_series(db, found.series_id).duration_minutes)
    return UpcomingSession(found.moment, found.kind, found.moment + length)


def _sessions_run(db: Database, team_id: int) -> int:
    """The ended sessions the team ran itself: one it attended tracks nobody, so it is no "last time" to be quiet in."""
    run, params = run_by_the_team()
    sql = f"SELECT count(*) FROM session s WHERE team_id = ? AND status = 'ended' AND {run}"
    return int(db.execute(sql, [team_id, *params]).fetchone()[0])


def _count(db: Database, sql: str, team_id: int) -> int:
    return int(db.execute(sql, [team_id]).fetchone()[0])


def most_active_team(db: Database) -> Team | None:
    """The team with the latest session (else the first by name): the CLI's team when none is named."""
    sql = f"SELECT team_id, max({SESSION_ORDER.format(s='session')}) FROM session GROUP BY team_id"
    latest = {int(team_id): str(at) for team_id, at in db.execute(sql).fetchall()}
    return max(list_teams(db), key=lambda team: latest.get(team.id, ""), default=None)  # of equals, the first by name


def session_lines(db: Database, team_id: int | None = None) -> list[SessionLine]:
    """Every session (of one team, or of all), oldest first, with what it recorded in counts."""
    where = "WHERE s.team_id = ?" if team_id is not None else ""
    sql = f"""
        SELECT s.id, t.name AS team, {SESSION_ORDER.format(s="s")} AS held, s.kind, s.topic, s.status,
               (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS attendance,
               (SELECT count(*) FROM note n WHERE n.session_id = s.id AND n.text <> '') AS notes,
               (SELECT count(*) FROM action a WHERE a.origin_session_id = s.id) AS actions_agreed,
               (SELECT count(DISTINCT m.issue_id) FROM issue_mention m WHERE m.session_id = s.id) AS issues_raised
        FROM session s JOIN team t ON t.id = s.team_id {where}
        ORDER BY held, s.id
    """
    return [
        SessionLine(
            id=int(r["id"]),
            team=str(r["team"]),
            held=from_utc_iso(r["held"]),
            kind=SessionKind(r["kind"]),
            topic=str(r["topic"]),
            status=SessionStatus(r["status"]),
            attendance=int(r["attendance"]),
            notes=int(r["notes"]),
            actions_agreed=int(r["actions_agreed"]),
            issues_raised=int(r["issues_raised"]),
        )
        for r in db.query(sql, [team_id] if team_id is not None else [])
    ]


# Planning-checklist ticks live with the data, per team and per upcoming session date, so they follow the
# database to another laptop and a new session starts with a fresh list.
_TICKS_KEY = "planning_ticks:{team_id}:{day}"


def _ticks_key(team_id: int, session_day: date | None) -> str:
    return _TICKS_KEY.format(team_id=team_id, day=session_day.isoformat() if session_day else "unscheduled")


def planning_ticks(db: Database, team_id: int, session_day: date | None) -> set[str]:
    row = next(db.query("SELECT value FROM setting WHERE key = ?", [_ticks_key(team_id, session_day)]), None)
    return {key for key in str(row["value"]).split(",") if key} if row else set()


def move_planning_ticks(db: Database, team_id: int, from_day: date | None, to_day: date | None) -> bool:
    """Give the ticks made for ``from_day`` to ``to_day``, when that day has none yet; whether they moved."""
    ticks = planning_ticks(db, team_id, from_day)
    if not ticks or planning_ticks(db, team_id, to_day):
        return False
    set_setting(db, _ticks_key(team_id, to_day), ",".join(sorted(ticks)))
    db.execute("DELETE FROM setting WHERE key = ?", [_ticks_key(team_id, from_day)])
    return True


def join_planning_ticks(db: Database, team_id: int, from_day: date | None, to_day: date | None) -> None:
    """Give the ticks made for ``from_day`` to ``to_day``, beside any it has: the plan they were made with went there
    (a plan for a date the team now attends), so what was done for it was done for that session."""
    ticks = planning_ticks(db, team_id, from_day)
    if not ticks or from_day == to_day:
        return
    set_setting(db, _ticks_key(team_id, to_day), ",".join(sorted(ticks | planning_ticks(db, team_id, to_day))))
    db.execute("DELETE FROM setting WHERE key = ?", [_ticks_key(team_id, from_day)])


def ticked_days(db: Database, team_id: int | None = None) -> list[tuple[int, date]]:
    """Each team (or only ``team_id``) and session day that has planning ticks kept (ticks made while there was no
    date left out)."""
    team = "[0-9]*" if team_id is None else str(team_id)
    dated = _TICKS_KEY.format(team_id=team, day="[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
    keys = (str(row["key"]).split(":") for row in db.query("SELECT key FROM setting WHERE key GLOB ?", [dated]))
    return [(int(team_id), date.fromisoformat(day)) for _, team_id, day in keys]


def forget_planning_ticks(db: Database, team_id: int, session_day: date | None) -> None:
    db.execute("DELETE FROM setting WHERE key = ?", [_ticks_key(team_id, session_day)])


def set_planning_tick(db: Database, team_id: int, session_day: date | None, prompt_key: str, ticked: bool) -> None:
    with db.atomic():
        ticks = planning_ticks(db, team_id, session_day)
        ticks = ticks | {prompt_key} if ticked else ticks - {prompt_key}
        set_setting(db, _ticks_key(team_id, session_day), ",".join(sorted(ticks)))
