"""Agreed actions and their follow-up in later sessions: agree one, correct its wording, remove one typed by mistake,
and review one (done, carry, drop, a new owner, a new due date, or undo a slip of the mouse).

"Remember to follow up on any agreed actions" (masterclass, planning a team CoP). Each review is a row in
``action_review``; the unique index there stops an action being carried or closed twice in one session,
whatever the screen does. :func:`carry_open_follow_ups` is the automatic carry at the end of a session, and
only :func:`copdesk.services.sessions.end_session` calls it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.input_limits import item_wording
from copdesk.core.model import Action, ActionStatus, ReviewOutcome
from copdesk.services import require_row, transaction
from copdesk.store import actions, sessions
from copdesk.store.carry_over import ONCE_PER_SESSION, follow_up_actions, reviewed_in


def agree_action(
    db: Database,
    team_id: int,
    text: str,
    now: datetime,
    *,
    origin_session_id: int | None = None,
    owner_member_id: int | None = None,
    owner_name: str | None = None,
    due: date | None = None,
) -> Action:
    """An action agreed in a session (or, with no session, between sessions)."""
    with transaction(db):
        return actions.add_action(
            db,
            team_id,
            text,
            now,
            origin_session_id=origin_session_id,
            owner_member_id=owner_member_id,
            owner_name=owner_name,
            due=due,
        )


ACTION_GONE = "That action is no longer there (it was removed)"


def reword_action(db: Database, action_id: int, text: str) -> Action:
    """Correct an action's wording (a typo; a name that should not be there): the same action, its owner, due date,
    reviews and carries kept. ``ValueError`` for wording that is empty or too long (:func:`item_wording`)."""
    wording = item_wording(text, "The action")
    with transaction(db):
        require_row(db, "action", action_id, ACTION_GONE)
        action = actions.get_action(db, action_id)
        if action.text == wording:
            return action
        actions.reword_action(db, action_id, wording)
        return actions.get_action(db, action_id)


def remove_action(db: Database, action_id: int) -> Action:
    """Remove an action typed by mistake, and return it as it was (for :func:`put_back_action`); one that has been
    reviewed is history and stays (``ValueError``)."""
    with transaction(db):
        if actions.reviews(db, action_id):
            raise ValueError("This action has been followed up in a session, so it stays on record; drop it instead.")
        removed = actions.get_action(db, action_id)
        actions.delete_action(db, action_id)
        return removed


def put_back_action(db: Database, removed: Action, now: datetime) -> Action:
    """Undo :func:`remove_action`: the same words, owner, due date and session, as a new row."""
    return agree_action(
        db,
        removed.team_id,
        removed.text,
        now,
        origin_session_id=removed.origin_session_id,
        owner_member_id=removed.owner_member_id,
        owner_name=removed.owner_name,
        due=removed.due,
    )


def review_follow_up(db: Database, action_id: int, session_id: int, outcome: ReviewOutcome, now: datetime) -> Action:
    """Carry, close or drop an action in a session, refusing a second carry or closure with a clear message."""
    with transaction(db):
        already = reviewed_in(db, action_id, session_id) & ONCE_PER_SESSION
        if already:
            done = next(iter(already)).label.lower()
            raise ValueError(f"This action was already marked {done} in this session; undo that first.")
        return actions.review_action(db, action_id, session_id, outcome, now)


def reassign_follow_up(
    db: Database,
    action_id: int,
    session_id: int,
    now: datetime,
    *,
    owner_member_id: int | None,
    owner_name: str | None,
) -> Action:
    """Give the action a new owner and record the review."""
    with transaction(db):
        before = actions.get_action(db, action_id)
        detail = f"{before.owner_name or 'nobody'} → {owner_name or 'nobody'}"
        actions.update_action(db, action_id, owner_member_id=owner_member_id, owner_name=owner_name, due=before.due)
        return actions.review_action(db, action_id, session_id, ReviewOutcome.REASSIGNED, now, detail)


def redate_follow_up(db: Database, action_id: int, session_id: int, now: datetime, *, due: date | None) -> Action:
    """Give the action a new due date and record the review."""
    with transaction(db):
        before = actions.get_action(db, action_id)
        detail = f"{before.due.isoformat() if before.due else 'none'} → {due.isoformat() if due else 'none'}"
        actions.update_action(
            db, action_id, owner_member_id=before.owner_member_id, owner_name=before.owner_name, due=due
        )
        return actions.review_action(db, action_id, session_id, ReviewOutcome.REDATED, now, detail)


def undo_review(db: Database, review_id: int) -> Action:
    """Take back a carry, done or dropped (a slip of the mouse); a closed action opens again."""
    with transaction(db):
        review = actions.get_review(db, review_id)
        if review.outcome not in ONCE_PER_SESSION:
            raise ValueError("Only a carry, done or dropped can be undone; change the owner or date again instead.")
        actions.delete_review(db, review_id)
        if review.outcome in (ReviewOutcome.DONE, ReviewOutcome.DROPPED):
            actions.reopen_action(db, review.action_id)
        return actions.get_action(db, review.action_id)


def carry_open_follow_ups(db: Database, session_id: int, now: datetime) -> int:
    """At the end of a session, carry every follow-up still open and not yet carried here; return how many.

    An action that was on the list and is still open *was* carried to the next session, whether or not anyone
    pressed the button, so "carried N times" stays true for actions nobody followed up. The carry is marked
    automatic, so a record can tell it from one the facilitator chose. A Spotlight, Themed or TM/SSW session, run by
    others, has no follow-up of the team's actions on its agenda, so it carries nothing by itself; a TM/SSW CoP started
    as the facilitator's own, before that type counted as attended, had them, and carries them.
    """
    if not sessions.run_by_the_facilitator(db, session_id):
        return 0
    carried = 0
    with transaction(db):
        for follow_up in follow_up_actions(db, session_id):
            if follow_up.action.status is ActionStatus.OPEN and follow_up.settled_by is None:
                actions.review_action(db, follow_up.action.id, session_id, ReviewOutcome.CARRIED, now, automatic=True)
                carried += 1
    return carried
