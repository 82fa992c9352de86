"""Random sequences of live-session operations keep the database consistent.

A hypothesis state machine drives the store the way the live hour does: start a session, tally
contributions, write notes, agree actions, carry or close earlier actions, end the session (which
carries whatever was not followed up), crash (the connection closed with the session still live) and
resume after the restart. A plain Python model follows along, and after every step the database must
agree with it: the counts match, every note round-trips exactly (emoji, RTL, SQL-like text), no action
is carried or closed twice in one session, and at most one session is live.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.model import NoteKind, ReviewOutcome, Role, SessionKind
from copdesk.services.follow_ups import carry_open_follow_ups, review_follow_up
from copdesk.services.sessions import SessionPlan, start_session
from copdesk.store import actions, notes, participation, sessions, teams
from copdesk.store.carry_over import follow_up_actions
from copdesk.store.connection import open_database
from tests.reliability.conftest import NOW

NOTE_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["Robert'); DROP TABLE note;--", "%_\\' OR 1=1 --", "שלום عليكم 👋🏽", "👨‍👩‍👧 «قرار»"]),
)
AGENDA = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]


@dataclass
class Model:
    live: int | None = None
    crashed: bool = False
    order: list[int] = field(default_factory=list)  # sessions in the order they started
    contributions: Counter[int] = field(default_factory=Counter)
    notes: dict[int, list[str]] = field(default_factory=dict)
    origin: dict[int, int] = field(default_factory=dict)  # action -> session it was agreed in
    closed: set[int] = field(default_factory=set)
    reviews: dict[tuple[int, int], str] = field(default_factory=dict)  # (action, session) -> once-outcome

    def follow_ups(self, session_id: int) -> list[int]:
        earlier = set(self.order[: self.order.index(session_id)])
        return sorted(
            action
            for action, origin in self.origin.items()
            if origin in earlier and (action not in self.closed or self.reviews.get((action, session_id)) == "done")
        )

    def times_carried(self, action: int) -> int:
        return sum(1 for (a, _), outcome in self.reviews.items() if a == action and outcome == "carried")


class LiveSessionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="copdesk-machine-"))
        self.db_path = self.folder / "copdesk.db"
        self.db = self._open()
        self.clock = NOW
        team = teams.create_team(
            self.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], NOW
        )
        self.team_id = team.id
        self.member_ids = [m.id for m in teams.list_members(self.db, team.id)]
        self.model = Model()

    def _open(self) -> Database:
        return open_database(self.db_path, paths.migrations_dir(), now=NOW).db

    def _tick(self) -> None:
        self.clock += timedelta(minutes=7)

    def teardown(self) -> None:
        assert self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert self.db.execute("PRAGMA foreign_key_check").fetchall() == []
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- rules -----------------------------------------------------------------------------------
    @precondition(lambda self: self.model.live is None)
    @rule()
    def start(self) -> None:
        self._tick()
        plan = SessionPlan(
            team_id=self.team_id,
            kind=SessionKind.REFLECTIVE,
            topic="Working with risk",
            presenter_id=self.member_ids[0],
            present_ids=tuple(self.member_ids),
            guest_names=(),
            agenda=AGENDA,
            ground_rules_agreed=True,
        )
        session = start_session(self.db, plan, self.clock)  # what the start dialog does
        self.model.live = session.id
        self.model.order.append(session.id)
        self.model.notes[session.id] = []

    @precondition(lambda self: self.model.live is not None and not self.model.crashed)
    @rule(member=st.integers(0, 1))
    def tally(self, member: int) -> None:
        assert self.model.live is not None
        participation.add_contribution(self.db, self.model.live, self.member_ids[member], self.clock)
        self.model.contributions[self.model.live] += 1

    @precondition(lambda self: self.model.live is not None and not self.model.crashed)
    @rule(text=NOTE_TEXT)
    def note(self, text: str) -> None:
        assert self.model.live is not None
        notes.add_note(self.db, self.model.live, NoteKind.NOTE, text, self.clock)
        self.model.notes[self.model.live].append(text)

    @precondition(lambda self: self.model.live is not None and not self.model.crashed)
    @rule(text=st.sampled_from(["Share the reading", "Book the room", "Ask the manager 🙂", "متابعة"]))
    def action(self, text: str) -> None:
        assert self.model.live is not None
        agreed = actions.add_action(self.db, self.team_id, text, self.clock, origin_session_id=self.model.live)
        self.model.origin[agreed.id] = self.model.live

    @precondition(lambda self: self.model.live is not None and not self.model.crashed)
    @rule(pick=st.integers(0, 50), outcome=st.sampled_from(["carried", "done"]))
    def carry(self, pick: int, outcome: str) -> None:
        live = self.model.live
        assert live is not None
        shown = [f.action.id for f in follow_up_actions(self.db, live)]
        assert shown == self.model.follow_ups(live)  # each earlier action appears once, and only those
        if not shown:
            return
        action_id = shown[pick % len(shown)]
        try:
            review_follow_up(self.db, action_id, live, ReviewOutcome(outcome), self.clock)
        except ValueError:
            assert (action_id, live) in self.model.reviews  # refused only because it was already reviewed
            return
        assert (action_id, live) not in self.model.reviews
        self.model.reviews[(action_id, live)] = outcome
        if outcome == "done":
            self.model.closed.add(action_id)

    @precondition(lambda self: self.model.live is not None and not self.model.crashed)
    @rule()
    def end(self) -> None:
        live = self.model.live
        assert live is not None
        carry_open_follow_ups(self.db, live, self.clock)
        for action_id in self.model.follow_ups(live):
            if action_id not in self.model.closed and (action_id, live) not in self.model.reviews:
                self.model.reviews[(action_id, live)] = "carried"
        sessions.end_session(self.db, live, self.clock)
        self.model.live = None

    @rule()
    def crash(self) -> None:
        """The app dies: the connection goes without the session being ended; the next start reopens."""
        self.db.conn.close()
        self.db = self._open()
        self.model.crashed = self.model.live is not None

    @precondition(lambda self: self.model.crashed)
    @rule(end_instead=st.booleans())
    def resume(self, end_instead: bool) -> None:
        offered = [s.id for s in sessions.live_sessions(self.db)]
        assert offered == [self.model.live]  # the session that was live is offered, and only it
        self.model.crashed = False
        if end_instead:  # "end it at the last saved time"
            self.end()

    # -- invariants --------------------------------------------------------------------------------
    @invariant()
    def database_matches_the_model(self) -> None:
        db = self.db
        live = [s.id for s in sessions.live_sessions(db)]
        assert live == ([self.model.live] if self.model.live is not None else [])
        for session_id, texts in self.model.notes.items():
            assert [n.text for n in notes.notes(db, session_id)] == texts
            assert len(participation.contributions(db, session_id)) == self.model.contributions[session_id]
            assert sorted(sessions.attendee_ids(db, session_id)) == sorted(self.member_ids)
        once = db.execute(
            "SELECT action_id, session_id, count(*) FROM action_review "
            "WHERE outcome IN ('carried', 'done', 'dropped') GROUP BY action_id, session_id HAVING count(*) > 1"
        ).fetchall()
        assert once == []  # no action carried (or closed) twice in one session
        for action_id in self.model.origin:
            stored = actions.get_action(db, action_id)
            assert stored.times_carried == self.model.times_carried(action_id)
            assert (stored.status.value == "done") == (action_id in self.model.closed)


LiveSessionMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_live_session_operations_keep_the_database_consistent = LiveSessionMachine.TestCase
