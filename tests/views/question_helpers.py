"""Helpers for the question-pane tests: a team, a live session on a known agenda, and the pane itself."""

from __future__ import annotations

from datetime import UTC, datetime

from copdesk.core.model import Role, SegmentPhase, Session, SessionKind
from copdesk.core.question_bank import Question
from copdesk.store import sessions, teams
from copdesk.views.live.questions.question_panel import QuestionPanel
from copdesk.views.shell.header_bar import LIVE_PAGE
from copdesk.views.shell.main_window import MainWindow

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
AGENDA = [
    ("Welcome and ground rules", SegmentPhase.OPENING),
    ("Actions from last time", SegmentPhase.REVIEW),
    ("Case presentation", SegmentPhase.PRESENTATION),
    ("Clarifying questions", SegmentPhase.CLARIFYING),
    ("Reflective discussion", SegmentPhase.REFLECTION),
    ("Learning and actions", SegmentPhase.CLOSING),
]
REFLECTION_CATEGORIES = {
    "Reflective questions",
    "Questions about an initial question or issue",
    "Assumption questions",
    "Reason and evidence questions",
    "Origin or source questions",
    "Implication and consequence questions",
    "Viewpoint questions",
    "Clarification questions",
    "Weather model",
    "Critical reflection",
    "Systems theory",
}


def make_team(window: MainWindow, name: str = "Harbour Team") -> int:
    team = teams.create_team(window.context.db, name, [("Ash Lee", Role.FACILITATOR)], NOW)
    window.reload_teams(team.id)
    return team.id


def start_live(window: MainWindow, team_id: int | None = None) -> Session:
    db = window.context.db
    team_id = team_id if team_id is not None else make_team(window)
    planned = [sessions.PlannedSegment(name, phase, 600) for name, phase in AGENDA]
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, NOW, topic="Discharge", segments=planned)
    sessions.start_session(db, session.id, NOW, ground_rules_agreed=True)
    window.show_page(LIVE_PAGE)
    window.live_session.begin(session.id, team_id)
    return session


def enter(window: MainWindow, phase: SegmentPhase) -> int:
    position = next(n for n, (_, p) in enumerate(AGENDA) if p is phase)
    window.live_session.enter_segment(position, phase.value)
    return position


def panel_of(window: MainWindow) -> QuestionPanel:
    panel = window.findChild(QuestionPanel, "questionPanel")
    assert panel is not None
    return panel


def shown_texts(window: MainWindow) -> list[str]:
    texts: list[str] = []
    window.live_session.question_shown.connect(texts.append)
    return texts


def current(panel: QuestionPanel) -> Question:
    question = panel.current
    assert question is not None
    return question
