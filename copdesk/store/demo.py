"""A fictional, realistic history for exploring CoPDesk and for tests.

Every name here is invented. The history is deterministic for a given ``now`` and seed, so tests
can count on it: two teams, six months of ended sessions, actions done / carried / overdue, the
three kinds of recurring issue the masterclass warns about, and one short spell someone spent away from a session.

A database holding it says so (a setting), so the window can label it as demo data. Exploring from the
app never touches the real database: the demo lives in a file of its own beside it (``copdesk-demo.db``
beside ``copdesk.db``), written the first time and opened as it was left after that.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta
from sqlite_utils import Database

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import (
    EscalationTarget,
    MarkerKind,
    Member,
    NoteKind,
    ParkedDestination,
    ReviewOutcome,
    Role,
    SegmentPhase,
    SessionKind,
)
from copdesk.core.question_bank import QuestionKind, load_bank
from copdesk.core.schedule import Preset, build_rule, occurrences_between
from copdesk.store import (
    actions,
    issues,
    notes,
    participation,
    questions,
    series,
    sessions,
    settings,
    teams,
    time_away,
)
from copdesk.store.connection import OpenedDatabase, open_database
from copdesk.store.demo_plans import add_demo_roles
from copdesk.store.demo_words import ATTENDED, RUN_BY_THE_TEAM, DemoWords
from copdesk.store.errors import StoreError
from copdesk.store.sessions import PlannedSegment


class DatabaseNotEmpty(Exception):
    """Demo data only goes into an empty database, so it can never mix with real notes."""


@dataclass(frozen=True, slots=True)
class DemoQuestion:
    key: str
    category: str
    text: str


TEAMS: dict[str, list[tuple[str, Role]]] = {
    "Northside Community Team": [
        ("Alex Morgan", Role.FACILITATOR),
        ("Jordan Blake", Role.CO_FACILITATOR),
        ("Sam Okafor", Role.PRACTITIONER),
        ("Priya Lindqvist", Role.PRACTITIONER),
        ("Casey Duarte", Role.PRACTITIONER),
        ("Robin Achterberg", Role.PRACTITIONER),
        ("Taylor Nwosu", Role.STUDENT_ASYE),
        ("Morgan Ellery", Role.PARTNER),
    ],
    "Riverside Hospital Discharge Team": [
        ("Jamie Castell", Role.FACILITATOR),
        ("Avery Kowalczyk", Role.PRACTITIONER),
        ("Drew Halvorsen", Role.PRACTITIONER),
        ("Quinn Abernathy", Role.PRACTITIONER),
        ("Rowan Pellegrini", Role.STUDENT_ASYE),
        ("Skyler Featherstone", Role.PARTNER),
    ],
}

# The masterclass presets in local time: a Spotlight on the Tuesday of the first full week, reflective practice on
# the 2nd and 4th Thursday of every month, and a Themed discussion on the 3rd Wednesday of alternate months.
RHYTHMS: dict[SessionKind, tuple[int, time]] = {
    SessionKind.REFLECTIVE: (3, time(10, 0)),
    SessionKind.SPOTLIGHT: (1, time(13, 0)),
    SessionKind.THEMED: (2, time(14, 0)),
}

AGENDA = [
    PlannedSegment("Welcome and ground rules", SegmentPhase.OPENING, 5 * 60),
    PlannedSegment("Actions from last time", SegmentPhase.REVIEW, 5 * 60),
    PlannedSegment("Case presentation", SegmentPhase.PRESENTATION, 10 * 60),
    PlannedSegment("Clarifying questions", SegmentPhase.CLARIFYING, 8 * 60),
    PlannedSegment("Reflective discussion", SegmentPhase.REFLECTION, 20 * 60),
    PlannedSegment("Learning and actions", SegmentPhase.CLOSING, 8 * 60),
    PlannedSegment("Close", SegmentPhase.CLOSING, 4 * 60),
]

RECURRING_ISSUE = "Delays getting occupational therapy assessments before discharge"
ESCALATED_ISSUE = "No interpreter availability for review visits at short notice"
RESOLVED_ISSUE = "Duplicate referrals arriving from the front door"


def bank_questions(questions_dir: Path) -> list[DemoQuestion]:
    """The shipped questions (not tips or techniques) that the demo history says were asked."""
    return [DemoQuestion(q.id, q.category, q.text) for q in load_bank(questions_dir) if q.kind is QuestionKind.QUESTION]


def _local_to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def demo_rule(kind: SessionKind, first: datetime) -> str:
    weekday, start = RHYTHMS[kind]
    return build_rule(Preset(kind, weekday, start, first.date()))


def is_empty(db: Database) -> bool:
    return teams.team_count(db) == 0 and sessions.session_count(db) == 0


def demo_path_beside(db_path: Path) -> Path:
    """The demo's own file beside the real database: ``copdesk-demo.db`` beside ``copdesk.db``."""
    return db_path.with_name(f"{db_path.stem}-demo{db_path.suffix or '.db'}")


def open_demo(demo_path: Path, migrations_dir: Path, questions_dir: Path, now: datetime) -> OpenedDatabase:
    """Open the demo database, writing the demo history into it the first time; refuse a file of real data."""
    opened = open_database(demo_path, migrations_dir, now=now)
    try:
        if is_empty(opened.db):
            fill_demo(opened.db, now, bank_questions(questions_dir))
        elif not settings.is_demo(opened.db):
            raise StoreError(f"{demo_path} holds data that is not CoPDesk's demo; move it away to explore the demo.")
    except BaseException:
        opened.db.close()
        raise
    return opened


def fill_demo(db: Database, now: datetime, demo_questions: Sequence[DemoQuestion], seed: int = 7) -> None:
    """Write the demo history into an empty database in one transaction, or raise :class:`DatabaseNotEmpty`."""
    if not is_empty(db):
        raise DatabaseNotEmpty("The database already holds teams or sessions; demo data only goes into an empty one.")
    rng = random.Random(seed)
    local_now = now.astimezone().replace(tzinfo=None)
    first = (local_now - relativedelta(months=6)).replace(day=1)
    with db.atomic():
        settings.set_setting(db, settings.DEMO_DATA, "fictional")  # the window labels it as demo data
        for team_index, (team_name, roster) in enumerate(TEAMS.items()):
            created = _local_to_utc(first - timedelta(days=30))
            team = teams.create_team(db, team_name, roster, created)
            kinds = (
                [SessionKind.REFLECTIVE, SessionKind.SPOTLIGHT, SessionKind.THEMED]
                if team_index == 0
                else [SessionKind.REFLECTIVE]
            )
            for kind in kinds:
                series.add_series(db, team.id, kind, demo_rule(kind, first), created)
            _fill_team_history(db, team.id, kinds, first, local_now, demo_questions, rng, is_first_team=team_index == 0)
            add_demo_roles(db, team.id, now)


def _fill_team_history(
    db: Database,
    team_id: int,
    kinds: list[SessionKind],
    first: datetime,
    local_now: datetime,
    demo_questions: Sequence[DemoQuestion],
    rng: random.Random,
    *,
    is_first_team: bool,
) -> None:
    members = teams.list_members(db, team_id)
    since, held_by = first.replace(hour=0, minute=0, second=0, microsecond=0), local_now - timedelta(hours=2)
    plan = sorted(
        (when, kind) for kind in kinds for when in occurrences_between(demo_rule(kind, first), since, held_by)
    )
    open_action_ids: list[int] = []
    stuck_action_id: int | None = None
    recurring_id: int | None = None
    escalated_id: int | None = None
    resolved_id: int | None = None
    is_attended = shipped_texts().is_attended
    last_run = max((i for i, (_, kind) in enumerate(plan) if not is_attended(kind)), default=None)
    # Someone stepped out for a call and came back, in the latest session the team ran before its last one: the app
    # marks time away only where it tracks who is there, never in a session others run.
    away_index = max((i for i, (_, kind) in enumerate(plan[:-1]) if not is_attended(kind)), default=None)
    for index, (local_start, kind) in enumerate(plan):
        start = _local_to_utc(local_start)
        presenter_id = rng.choice(members).id  # drawn for every session, so the rest of the history stays as it was
        # A session others run (Spotlight, Themed) starts as the app starts one: one segment for the timer, nobody of
        # the team's presenting, no ground rules of the facilitator's.
        attended = is_attended(kind)
        words = ATTENDED if attended else RUN_BY_THE_TEAM
        session = sessions.create_session(
            db,
            team_id,
            kind,
            start - timedelta(days=14),
            planned_start=start,
            topic=words.topics[index % len(words.topics)],
            series_id=None,
            presenter_id=None if attended else presenter_id,
            segments=[PlannedSegment(kind.label, SegmentPhase.PRESENTATION, 60 * 60)] if attended else AGENDA,
        )
        sessions.start_session(db, session.id, start, ground_rules_agreed=not attended)
        present = [m for m in members if rng.random() < 0.85] or members[:2]
        sessions.set_attendance(db, session.id, [m.id for m in present])
        played = _play_segments(db, session.id, start, rng)
        # One others run holds what the app records there: who attended, what was learned, and an action or issue
        # that came up. Nobody is tracked, the facilitator puts no questions from the bank, parks nothing and follows
        # up none of the team's actions (none is on its agenda), as they do not run it.
        if not attended:
            # Two people said nothing at the last session the team ran, whatever the numbers drawn: the Prepare view
            # always has someone quiet last time to show (never the facilitator, nor whoever steps out for a call).
            silent = [m.id for m in present[:-1] if m.role is not Role.FACILITATOR][:2] if index == last_run else []
            _log_participation(db, session.id, start, present, rng, silent=silent)
            _ask_questions(db, session.id, start, played, demo_questions, rng)
        _write_notes(db, session.id, start, rng, words, parked=not attended)
        if is_first_team and index == away_index:
            time_away.leave(db, session.id, present[-1].id, start + timedelta(minutes=20))
            time_away.come_back(db, session.id, present[-1].id, start + timedelta(minutes=32))
        if not attended:
            _follow_up_actions(db, session.id, start, open_action_ids, stuck_action_id, rng)
        if index % 2 == 0 or index == len(plan) - 1:
            owner = rng.choice(present)
            due_day = (local_start + timedelta(days=rng.choice([10, 14, 21]))).date()
            action = actions.add_action(
                db,
                team_id,
                words.actions[index % len(words.actions)],
                start + timedelta(minutes=52),
                origin_session_id=session.id,
                owner_member_id=owner.id,
                owner_name=owner.display_name,
                due=due_day,
            )
            open_action_ids.append(action.id)
            if stuck_action_id is None and index >= len(plan) - 7:
                stuck_action_id = action.id

        mention_at = start + timedelta(minutes=30)
        if is_first_team and index in (1, 4, 8, 12):
            if recurring_id is None:
                recurring_id = issues.add_issue(
                    db, team_id, RECURRING_ISSUE, session.id, mention_at, "Two discharges waited on OT."
                ).id
            else:
                issues.add_mention(db, recurring_id, session.id, "Still waiting; two discharges delayed.", mention_at)
        if index in (2, 6):
            if escalated_id is None:
                escalated_id = issues.add_issue(db, team_id, ESCALATED_ISSUE, session.id, mention_at).id
            else:
                issues.add_mention(db, escalated_id, session.id, "Happened again this month.", mention_at)
                raised = local_start.date()
                issues.add_escalation(
                    db,
                    escalated_id,
                    EscalationTarget.PRACTICE_SUPERVISOR,
                    raised,
                    raised + timedelta(days=21),
                    session.id,
                )
        if index in (3, 5):
            if resolved_id is None:
                resolved_id = issues.add_issue(db, team_id, RESOLVED_ISSUE, session.id, mention_at).id
            else:
                issues.add_mention(db, resolved_id, session.id, "Front door now checks before sending.", mention_at)
                issues.resolve_issue(
                    db, resolved_id, "The front door team added a duplicate check to triage.", mention_at
                )
        sessions.end_session(db, session.id, start + timedelta(minutes=61))


def _play_segments(db: Database, session_id: int, start: datetime, rng: random.Random) -> list[tuple[int, datetime]]:
    """Each segment's position and the moment it started, to the second as recorded, in order."""
    cursor = start
    started = []
    for segment in sessions.segments(db, session_id):
        started.append((segment.position, cursor.replace(microsecond=0)))
        actual = segment.planned_seconds * rng.uniform(0.8, 1.25)
        end = cursor + timedelta(seconds=actual)
        sessions.record_segment_actuals(
            db,
            segment.id,
            actual_start=cursor.isoformat(timespec="seconds"),
            actual_end=end.isoformat(timespec="seconds"),
            actual_seconds=round(actual, 1),
        )
        cursor = end
    return started


def _log_participation(
    db: Database,
    session_id: int,
    start: datetime,
    present: list[Member],
    rng: random.Random,
    *,
    silent: Sequence[int] = (),
) -> None:
    """Each person present speaks a number of times drawn at random, but those ``silent`` not at all."""
    for member in present:
        weight = 0 if member.id in silent else rng.choice([0, 1, 2, 3, 5, 8])
        for _ in range(weight):
            at = start + timedelta(seconds=rng.randint(300, 3400))
            participation.add_contribution(db, session_id, member.id, at)
    if rng.random() < 0.4:
        kind = rng.choice(list(MarkerKind))
        participation.add_marker(db, session_id, kind, start + timedelta(minutes=rng.randint(10, 50)))


def _follow_up_actions(
    db: Database,
    session_id: int,
    start: datetime,
    open_action_ids: list[int],
    stuck_action_id: int | None,
    rng: random.Random,
) -> None:
    """Review what earlier sessions agreed: most get done within a session or two, now and then one is dropped, and
    one ("stuck") is carried at every one since: a visible follow-up gap. Those closed leave ``open_action_ids``."""
    for action_id in list(open_action_ids):
        carried = actions.get_action(db, action_id).times_carried
        roll = rng.random()
        if action_id == stuck_action_id or (carried < 2 and roll < 0.45):
            outcome = ReviewOutcome.CARRIED
        else:
            outcome = ReviewOutcome.DROPPED if roll > 0.93 else ReviewOutcome.DONE
        actions.review_action(db, action_id, session_id, outcome, start + timedelta(minutes=8))
        if outcome is not ReviewOutcome.CARRIED:
            open_action_ids.remove(action_id)


def _write_notes(
    db: Database, session_id: int, start: datetime, rng: random.Random, words: DemoWords, *, parked: bool
) -> None:
    at = start + timedelta(minutes=45)
    notes.add_note(db, session_id, NoteKind.NOTE, "\n".join(rng.sample(words.notes, 3)), at)
    notes.add_note(db, session_id, NoteKind.LEARNING, rng.choice(words.learning), at)
    if parked and rng.random() < 0.3:
        notes.add_note(
            db,
            session_id,
            NoteKind.PARKED,
            "Question about the level of a specific package of care.",
            at,
            ParkedDestination.QA_PANELS,
        )


def _ask_questions(
    db: Database,
    session_id: int,
    start: datetime,
    played: list[tuple[int, datetime]],
    demo_questions: Sequence[DemoQuestion],
    rng: random.Random,
) -> None:
    """Each question is filed under the segment running at its time, as a live session files it (``played``: each
    segment's position and start, from :func:`_play_segments`)."""
    if not demo_questions:
        return
    for offset, question in enumerate(rng.sample(list(demo_questions), min(4, len(demo_questions)))):
        asked_at = start + timedelta(minutes=20 + 6 * offset)
        position = max(position for position, began in played if began <= asked_at)
        questions.record_asked(db, session_id, question.key, question.category, question.text, position, asked_at)
