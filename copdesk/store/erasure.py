"""Erasing one member's data (the right to erasure), in the database and in its backups.

Participation data is about colleagues. Erasing a member removes their contributions and attendance
and the member row itself; actions they owned keep their text (it is the team's work) but lose the
owner; sessions they presented keep their record without a presenter. Review notes that named them as
a new owner are cleared. Free-text notes are the facilitator's own words and are not rewritten
automatically: the report says how many mention the name, so they can be read and edited.

The audit entry says what kind of rows went and how many, never the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from copdesk.core.text import name_key
from copdesk.store.audit import record_event
from copdesk.store.scrub import apply_to_backups, checkpoint_truncate, delete_securely
from copdesk.store.teams import get_member


@dataclass(frozen=True, slots=True)
class ErasureReport:
    contributions: int
    attendances: int
    actions_unassigned: int
    presentations: int
    notes_mentioning: int  # left for the facilitator to read: CoPDesk does not rewrite notes
    backups_cleaned: int = 0

    def summary(self, *, done: bool) -> str:
        """The counts in words ("label: number", which reads right for 0, 1 and many)."""
        text = (
            f"contributions: {self.contributions} · attendances: {self.attendances} · "
            f"actions losing their owner (the text stays): {self.actions_unassigned}"
        )
        if done:
            text += f" · backups cleaned: {self.backups_cleaned}"
        if self.notes_mentioning:
            text += f". Notes that mention the name: {self.notes_mentioning}; read and edit them yourself"
        return text


def preview_erasure(db: Database, member_id: int) -> ErasureReport:
    member = get_member(db, member_id)
    return _counts(db, member_id, member.team_id, member.display_name)


def erase_member(db: Database, db_path: Path, member_id: int, now: datetime) -> ErasureReport:
    member = get_member(db, member_id)
    key = name_key(member.display_name)
    counts = _counts(db, member_id, member.team_id, member.display_name)
    delete_securely(db, lambda target: _erase(target, member_id, key))
    cleaned, _ = apply_to_backups(db_path, lambda target: _erase(target, member_id, key))
    record_event(
        db,
        "erased",
        "member",
        member_id,
        now,
        f"{counts.contributions} contributions, {counts.attendances} attendances, "
        f"{counts.actions_unassigned} actions unassigned; {cleaned} backups cleaned",
    )
    checkpoint_truncate(db)  # the audit entry too, so the -wal ends empty
    return ErasureReport(
        counts.contributions,
        counts.attendances,
        counts.actions_unassigned,
        counts.presentations,
        counts.notes_mentioning,
        cleaned,
    )


def _owned_action_ids(db: Database, member_id: int, team_id: int, key: str) -> list[int]:
    """Actions owned by the member, by id or by a free-text owner name equal to theirs."""
    rows = db.execute(
        "SELECT id, owner_member_id, owner_name FROM action WHERE team_id = ? "
        "AND (owner_member_id = ? OR owner_name IS NOT NULL)",
        [team_id, member_id],
    ).fetchall()
    return [int(i) for i, owner, name in rows if owner == member_id or (name and name_key(str(name)) == key)]


def _counts(db: Database, member_id: int, team_id: int, display_name: str) -> ErasureReport:
    def count(sql: str) -> int:
        return int(db.execute(sql, [member_id]).fetchone()[0])

    folded = display_name.casefold()
    note_texts = db.execute(
        "SELECT note.text FROM note JOIN session ON session.id = note.session_id WHERE session.team_id = ?", [team_id]
    ).fetchall()
    return ErasureReport(
        contributions=count("SELECT count(*) FROM contribution WHERE member_id = ?"),
        attendances=count("SELECT count(*) FROM attendance WHERE member_id = ?"),
        actions_unassigned=len(_owned_action_ids(db, member_id, team_id, name_key(display_name))),
        presentations=count("SELECT count(*) FROM session WHERE presenter_id = ?"),
        notes_mentioning=sum(1 for (text,) in note_texts if folded in str(text).casefold()),
    )


def _erase(db: Database, member_id: int, key: str) -> None:
    """The deletion itself; run on the live database and on each backup, where the member may be absent."""
    row = db.execute("SELECT team_id, display_name, name_key FROM member WHERE id = ?", [member_id]).fetchone()
    if row is None or row[2] != key:  # in a backup, that id may not be (or not yet be) this person
        return
    team_id, display_name = int(row[0]), str(row[1])
    actions = _owned_action_ids(db, member_id, team_id, key)
    db.execute(
        f"UPDATE action SET owner_member_id = NULL, owner_name = NULL WHERE id IN ({','.join('?' * len(actions))})",
        actions,
    )
    folded = display_name.casefold()
    for review_id, detail in db.execute("SELECT id, detail FROM action_review WHERE detail <> ''").fetchall():
        if folded in str(detail).casefold():
            db.execute("UPDATE action_review SET detail = '' WHERE id = ?", [review_id])
    db.execute("UPDATE session SET presenter_id = NULL WHERE presenter_id = ?", [member_id])
    db.execute("DELETE FROM contribution WHERE member_id = ?", [member_id])
    db.execute("DELETE FROM attendance WHERE member_id = ?", [member_id])
    db.execute("DELETE FROM member WHERE id = ?", [member_id])
