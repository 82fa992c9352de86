"""Generate a ten-year CoPDesk database for the benchmarks: 5 teams x 24 sessions a year x 10 years.

Writes bench/out/history.db (or the path given) with about 1,200 sessions of all four kinds, 15k notes, 15k
actions, 3k issues with mentions and escalations, engagement markers and 200k contributions, all fictional.
The notes are the size a facilitator's are: each session's free text is one note of 300 to 2,000 words in
paragraphs (2 to 14 KB), beside 8 learning points and 3 parked items of a sentence or two. Rows
go in through sqlite-utils in bulk, inside one transaction per team, after the normal migrations, so
indexes, triggers and FTS tables are exactly what the app has (the FTS tables fill through their triggers).
An existing file is reused unless its schema is not the one the migrations in db/ make, or it was made by an older
version of this script (or --force is given).

    python bench/make_history.py [PATH] [--force]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.model import SessionKind
from copdesk.store import migrations
from copdesk.store.connection import open_database
from copdesk.store.tables import insert_row
from copdesk.store.uri import sqlite_uri

DEFAULT_PATH = Path(__file__).resolve().parent / "out" / "history.db"
TEAMS = 5
YEARS = 10
SESSIONS_PER_YEAR = 24
MEMBERS_PER_TEAM = 12
SESSION_TEXT_WORDS = (300, 2000)  # the free-text notes of one session: fewest, most
LEARNING_PER_SESSION = 8
PARKED_PER_SESSION = 3
# The four kinds in the masterclass's rhythm: reflective sessions between the others.
GENERATOR_VERSION = "2"  # kept in the setting table: a file from an older generator is made again
KIND_CYCLE = ("reflective", "spotlight", "reflective", "themed", "reflective", "tm-ssw")
ACTIONS_PER_SESSION = 12.5
ISSUES_PER_TEAM = 600
CONTRIBUTIONS_PER_SESSION = 167
MARKERS_PER_SESSION = (0, 3)  # fewest, most
ESCALATED_SHARE = 0.1  # of new issues
ESCALATION_TARGETS = ("practice-supervisor", "manager", "my-views")
MARKER_KINDS = ("low-energy", "tension", "repeated-issue")

FIRST_NAMES = (
    "Alex",
    "Sam",
    "Jordan",
    "Casey",
    "Robin",
    "Taylor",
    "Morgan",
    "Avery",
    "Drew",
    "Quinn",
    "Rowan",
    "Skyler",
)
SURNAMES = ("Ashby", "Brennan", "Calloway", "Delacroix", "Everly", "Fairweather", "Galloway", "Hartigan", "Ingram")
WORDS = (
    "carer", "assessment", "discharge", "hospital", "family", "outcome", "review", "strengths", "community",
    "voluntary", "isolation", "capacity", "safeguarding", "interpreter", "occupational", "therapy", "referral",
    "front", "door", "package", "support", "reablement", "housing", "finances", "advocacy", "trust", "rapport",
    "risk", "least", "restrictive", "option", "prevent", "reduce", "delay", "partnership",
)  # fmt: skip


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _session_text(rng: random.Random) -> str:
    """A session's free-text notes: paragraphs of sentences, as typed over an hour."""
    words = rng.randint(*SESSION_TEXT_WORDS)
    paragraphs: list[str] = []
    while words > 0:
        sentences = [_sentence(rng, rng.randint(8, 25)) for _ in range(rng.randint(2, 6))]
        paragraphs.append(" ".join(sentences))
        words -= sum(len(sentence.split()) for sentence in sentences)
    return "\n\n".join(paragraphs)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def generate(path: Path, seed: int = 2016) -> dict[str, int]:
    rng = random.Random(seed)
    opened = open_database(path, paths.migrations_dir())
    db = opened.db
    agendas = load_template_folder(paths.resource_path("agendas"))
    start = datetime(2016, 12, 1, 10, 0, tzinfo=UTC)
    for team_index in range(TEAMS):
        with db.atomic():
            _generate_team(db, team_index, start, agendas, rng)
    db.table("setting").upsert({"key": "bench.history_version", "value": GENERATOR_VERSION}, pk="key")
    db.execute("ANALYZE")
    tables = ("session", "note", "action", "issue", "issue_mention", "escalation", "marker", "contribution")
    counts = {name: db.table(name).count for name in tables}
    db.close()
    return counts


def _generate_team(db: Database, team_index: int, start: datetime, agendas: Any, rng: random.Random) -> None:
    stamp = _iso(start)
    team_id = insert_row(
        db,
        "team",
        {"name": f"Bench Team {team_index + 1}", "name_key": f"bench team {team_index + 1}", "created_at": stamp},
    )
    member_ids = []
    for m in range(MEMBERS_PER_TEAM):
        name = f"{FIRST_NAMES[m]} {SURNAMES[(m + team_index) % len(SURNAMES)]}"
        role = "facilitator" if m == 0 else "practitioner"
        row = {"team_id": team_id, "display_name": name, "name_key": name.casefold(), "role": role, "created_at": stamp}
        member_ids.append(insert_row(db, "member", row))
    issue_ids: list[int] = []
    open_actions: list[int] = []
    sessions_total = YEARS * SESSIONS_PER_YEAR
    for index in range(sessions_total):
        when = start + timedelta(days=index * 365 / SESSIONS_PER_YEAR, hours=team_index)
        kind = KIND_CYCLE[index % len(KIND_CYCLE)]
        segments = agendas[SessionKind(kind)].segments
        session_id = insert_row(
            db,
            "session",
            {
                "team_id": team_id,
                "kind": kind,
                "topic": _sentence(rng, 6),
                "planned_start": _iso(when),
                "started_at": _iso(when),
                "ended_at": _iso(when + timedelta(minutes=60)),
                "status": "ended",
                "ground_rules_agreed_at": _iso(when),
                "created_at": _iso(when - timedelta(days=14)),
            },
        )
        cursor = when
        segment_rows = []
        for position, segment in enumerate(segments):
            actual = segment.planned_seconds * rng.uniform(0.8, 1.2)
            segment_rows.append(
                {
                    "session_id": session_id,
                    "position": position,
                    "name": segment.name,
                    "phase": segment.phase.value,
                    "planned_seconds": segment.planned_seconds,
                    "actual_start": _iso(cursor),
                    "actual_end": _iso(cursor + timedelta(seconds=actual)),
                    "actual_seconds": round(actual, 1),
                }
            )
            cursor += timedelta(seconds=actual)
        db.table("segment").insert_all(segment_rows)
        present = [m for m in member_ids if rng.random() < 0.8] or member_ids[:3]
        db.table("attendance").insert_all({"session_id": session_id, "member_id": m} for m in present)
        db.table("contribution").insert_all(
            {
                "session_id": session_id,
                "member_id": rng.choice(present),
                "at": _iso(when + timedelta(seconds=rng.randint(60, 3500))),
            }
            for _ in range(CONTRIBUTIONS_PER_SESSION)
        )
        db.table("marker").insert_all(
            {"session_id": session_id, "kind": rng.choice(MARKER_KINDS), "at": _iso(when + timedelta(minutes=20))}
            for _ in range(rng.randint(*MARKERS_PER_SESSION))
        )
        items: list[tuple[str, str, str | None]] = [("note", _session_text(rng), None)]
        items += [("learning", _sentence(rng, rng.randint(8, 30)), None) for _ in range(LEARNING_PER_SESSION)]
        items += [("parked", _sentence(rng, rng.randint(8, 30)), "supervision") for _ in range(PARKED_PER_SESSION)]
        db.table("note").insert_all(
            {
                "session_id": session_id,
                "kind": kind_of_note,
                "text": text,
                "destination": destination,
                "created_at": _iso(when),
                "updated_at": _iso(when),
            }
            for kind_of_note, text, destination in items
        )
        db.table("question_asked").insert_all(
            {
                "session_id": session_id,
                "question_key": f"reflective.{q}",
                "category": "Reflective questions",
                "text": _sentence(rng, 8),
                "segment_position": 4,
                "at": _iso(when + timedelta(minutes=30)),
            }
            for q in rng.sample(range(1, 10), 5)
        )
        for action_id in list(open_actions):
            outcome = "carried" if rng.random() < 0.3 else "done"
            insert_row(
                db,
                "action_review",
                {"action_id": action_id, "session_id": session_id, "outcome": outcome, "at": _iso(when)},
            )
            if outcome == "done":
                db.table("action").update(action_id, {"status": "done", "closed_at": _iso(when)})
                open_actions.remove(action_id)
        new_actions = int(ACTIONS_PER_SESSION) + (1 if index % 2 else 0)
        for _ in range(new_actions):
            owner = rng.choice(present)
            action_id = insert_row(
                db,
                "action",
                {
                    "team_id": team_id,
                    "origin_session_id": session_id,
                    "text": _sentence(rng, 7),
                    "owner_member_id": owner,
                    "due_date": (when.date() + timedelta(days=14)).isoformat(),
                    "status": "open",
                    "created_at": _iso(when),
                },
            )
            if rng.random() < 0.25:
                open_actions.append(action_id)
            else:
                db.table("action").update(action_id, {"status": "done", "closed_at": _iso(when + timedelta(days=10))})
        new_issues = ISSUES_PER_TEAM // sessions_total + (1 if index % 2 == 0 else 0)
        for _ in range(new_issues):
            issue_id = insert_row(
                db,
                "issue",
                {"team_id": team_id, "title": _sentence(rng, 6), "status": "open", "created_at": _iso(when)},
            )
            issue_ids.append(issue_id)
            insert_row(
                db,
                "issue_mention",
                {"issue_id": issue_id, "session_id": session_id, "text": _sentence(rng, 12), "at": _iso(when)},
            )
            if rng.random() < ESCALATED_SHARE:
                _escalate(db, issue_id, session_id, when, rng, recent=index >= sessions_total - 4)
        for issue_id in rng.sample(issue_ids, min(len(issue_ids), 2)):
            insert_row(
                db,
                "issue_mention",
                {"issue_id": issue_id, "session_id": session_id, "text": _sentence(rng, 12), "at": _iso(when)},
            )
        if index % 12 == 0 and issue_ids:
            resolved = rng.sample(issue_ids, min(len(issue_ids), 20))
            for issue_id in resolved:
                resolution = {"status": "resolved", "resolution": "Resolved.", "resolved_at": _iso(when)}
                db.table("issue").update(issue_id, resolution)
    due = date(2026, 12, 1)
    insert_row(
        db,
        "series",
        {
            "team_id": team_id,
            "kind": "reflective",
            "rule": "DTSTART:20261201T100000\nRRULE:FREQ=MONTHLY;BYDAY=+2TH,+4TH",
            "duration_minutes": 60,
            "created_at": due.isoformat(),
        },
    )


def _escalate(db: Database, issue_id: int, session_id: int, when: datetime, rng: random.Random, recent: bool) -> None:
    """Escalated to someone outside the CoP; old ones have had their answer, the latest may still be waiting."""
    awaiting = recent and rng.random() < 0.5
    raised = when.date()
    insert_row(
        db,
        "escalation",
        {
            "issue_id": issue_id,
            "target": rng.choice(ESCALATION_TARGETS),
            "raised_on": raised.isoformat(),
            "response_due": (raised + timedelta(days=14)).isoformat(),
            "status": "awaiting" if awaiting else "closed",
            "outcome": None if awaiting else _sentence(rng, 8),
            "session_id": session_id,
        },
    )
    db.table("issue").update(issue_id, {"status": "escalated"})


def _is_current(path: Path) -> bool:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        if migrations.user_version(conn) != migrations.latest_version(paths.migrations_dir()):
            return False
        row = conn.execute("SELECT value FROM setting WHERE key = 'bench.history_version'").fetchone()
        return row is not None and row[0] == GENERATOR_VERSION
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args()
    path: Path = args.path
    if path.exists():
        if not args.force and _is_current(path):
            print(f"{path} exists; reusing it (pass --force to regenerate).")
            return 0
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts = generate(path)
    elapsed = time.perf_counter() - started
    size_mb = path.stat().st_size / 1e6
    print(f"Generated {path} in {elapsed:.1f} s ({size_mb:.0f} MB):")
    for name, count in counts.items():
        print(f"  {name:<14} {count:>8,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
