"""Erasing one member's data (the right to erasure): what goes, found in any copy of the database.

Participation data is about colleagues. Erasing a member removes their contributions and attendance (with their
time away from sessions, and what Undo of a live session kept of theirs), their former names and the member row
itself; actions they owned keep their text (it is the team's work) but lose the owner; sessions they presented keep
their record without a presenter. Review notes that name them are cleared.
Free text is the facilitator's own words and is not rewritten automatically: the report says how many texts of
each kind mention the name (as a whole name), so they can be read and edited: notes and learning points, what was
said when an issue was raised, actions, issue titles and resolutions, escalation outcomes, session topics and
plans with their trigger warnings and support, feedback and self-assessments (:data:`FREE_TEXTS`).

A member is found by identity, not by today's name: the same id, team and moment of creation. A backup taken
before a rename holds the old name under the same identity, and is erased all the same; an id reused by someone
else is left alone. A guest who is no longer on the roster (taken off a live session as present by mistake, and
kept by name only, for Undo) is erased by name instead (:func:`former_guest`): the name held for Undo, and in a
copy taken while they were on the roster, the guest of that name with all of theirs. Names in free text (an owner
typed by hand, a review note) are matched as whole names (:class:`copdesk.core.name_match.NameDigests`), so erasing
"Al" never touches "Alex Morgan".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from copdesk.core.name_match import NameDigests, folded, whole_name_pattern
from copdesk.core.text import listed, name_key
from copdesk.store import live_acts
from copdesk.store.live_acts import forget_member, forget_taken_off
from copdesk.store.pending_care import (
    MemberIdentity,
    PendingCare,
    has_table,
    keep_redaction_list,
    pending,
    redaction_list,
    salt,
)
from copdesk.store.teams import get_member


@dataclass(frozen=True, slots=True)
class ErasureCounts:
    contributions: int
    attendances: int
    actions_unassigned: int
    presentations: int
    texts_mentioning: tuple[tuple[str, int], ...]  # (kind of text, how many): CoPDesk does not rewrite them
    held_for_undo: int = 0  # names of guests taken off a live session, kept for Undo until it ends

    def summary(self) -> str:
        """The counts in words ("label: number", which reads right for 0, 1 and many)."""
        text = (
            f"contributions: {self.contributions} · attendances: {self.attendances} · "
            f"actions losing their owner (the text stays): {self.actions_unassigned}"
        )
        if self.held_for_undo:
            text += f" · names kept to undo taking a guest off a live session: {self.held_for_undo}"
        if self.texts_mentioning:
            kinds = listed([f"{kind}: {count}" for kind, count in self.texts_mentioning])
            text += f". Texts that still mention the name (CoPDesk never rewrites your words): {kinds}"
        return text

    def audit_detail(self) -> str:
        held = f", {self.held_for_undo} held for Undo" if self.held_for_undo else ""
        return (
            f"{self.contributions} contributions, {self.attendances} attendances, "
            f"{self.actions_unassigned} actions unassigned{held}"
        )


@dataclass(frozen=True, slots=True)
class _Targets:
    member: bool
    action_ids: list[int]
    review_ids: list[int]
    taken_off_ids: list[int]  # a guest taken off a live session as present by mistake, kept by name for Undo
    guest_ids: list[int]  # erasing a former guest: the guests of their name a copy still has on the roster

    def __bool__(self) -> bool:
        return self.member or any((self.action_ids, self.review_ids, self.taken_off_ids, self.guest_ids))


FORMER_GUEST = 0  # the member id of a former guest's identity: no member has it (ids start at 1)
_SO_FAR = "9999"  # after every UTC ISO time CoPDesk writes


def former_guest(team_id: int, erased_at: str) -> MemberIdentity:
    """Who erasing a guest no longer on the team's roster at ``erased_at`` (UTC ISO) reaches: nobody by identity, every
    guest of their name added before then. One added later is someone else, whom the erasure, made again at a start
    while a copy could not be cleaned, must leave alone."""
    return MemberIdentity(FORMER_GUEST, team_id, erased_at)


def held_guests(db: Database, team_id: int, name: str) -> list[tuple[int, str]]:
    """Each guest called ``name`` (as a duplicate would be: :func:`~copdesk.core.text.name_key`) kept by name for Undo
    (:func:`copdesk.store.live_acts.held_guests`): the row's id, and the name as written."""
    return [(i, held) for i, held in live_acts.held_guests(db, team_id) if name_key(held) == name_key(name)]


def preview_former_guest(db: Database, team_id: int, names: list[str], held: int) -> ErasureCounts:
    """What erasing a guest no longer on the roster, by the ``names`` they are held under (``held`` times), would
    remove now (every guest added so far)."""
    targets = _targets(db, former_guest(team_id, _SO_FAR), NameDigests.of_names("preview", names))
    return ErasureCounts(0, 0, len(targets.action_ids), 0, texts_mentioning(db, team_id, names), held)


def identity_of(db: Database, member_id: int) -> MemberIdentity:
    member = get_member(db, member_id)
    row = db.execute("SELECT created_at FROM member WHERE id = ?", [member_id]).fetchone()
    return MemberIdentity(member.id, member.team_id, str(row[0]))


def _present(db: Database, identity: MemberIdentity) -> bool:
    sql = "SELECT 1 FROM member WHERE id = ? AND team_id = ? AND created_at = ?"
    return db.execute(sql, [identity.member_id, identity.team_id, identity.created_at]).fetchone() is not None


def names_in(db: Database, identity: MemberIdentity) -> list[str]:
    """Every name this copy knows the member by: the one on its roster, and any they had before a rename."""
    if not _present(db, identity):
        return []
    names = [str(db.execute("SELECT display_name FROM member WHERE id = ?", [identity.member_id]).fetchone()[0])]
    if has_table(db, "member_former_name"):
        sql = "SELECT display_name FROM member_former_name WHERE member_id = ?"
        names += [str(row[0]) for row in db.execute(sql, [identity.member_id]).fetchall()]
    return names


# Every free text of a team's records, by the kind the report names: each query takes the team's id.
FREE_TEXTS = (
    ("notes", "SELECT note.text FROM note JOIN session ON session.id = note.session_id WHERE session.team_id = ?"),
    (
        "issues raised again",
        "SELECT issue_mention.text FROM issue_mention JOIN issue ON issue.id = issue_mention.issue_id "
        "WHERE issue.team_id = ?",
    ),
    ("actions", "SELECT text FROM action WHERE team_id = ?"),
    ("issues", "SELECT title || ' / ' || coalesce(resolution, '') FROM issue WHERE team_id = ?"),
    (
        "escalation outcomes",
        "SELECT escalation.outcome FROM escalation JOIN issue ON issue.id = escalation.issue_id "
        "WHERE issue.team_id = ?",
    ),
    (
        "sessions",
        "SELECT coalesce(topic, '') || ' / ' || coalesce(trigger_warning, '') || ' / ' "
        "|| coalesce(support_offered, '') FROM session WHERE team_id = ?",
    ),
    (
        "plans",
        "SELECT coalesce(trigger_warning, '') || ' / ' || coalesce(support, '') FROM session_plan WHERE team_id = ?",
    ),
    (
        "feedback",
        "SELECT session_feedback.to_change FROM session_feedback JOIN session ON session.id = "
        "session_feedback.session_id WHERE session.team_id = ?",
    ),
    ("self-assessments", "SELECT text FROM self_assessment WHERE team_id = ?"),
)


def texts_mentioning(db: Database, team_id: int, names: list[str]) -> tuple[tuple[str, int], ...]:
    """How many of the team's free texts of each kind (:data:`FREE_TEXTS`) hold one of ``names`` as a whole name."""
    pattern = whole_name_pattern(names)
    if pattern is None:
        return ()
    found = []
    for kind, sql in FREE_TEXTS:
        rows = db.execute(sql, [team_id]).fetchall()
        count = sum(1 for (text,) in rows if text and pattern.search(folded(str(text))))
        if count:
            found.append((kind, count))
    return tuple(found)


def preview_erasure(db: Database, member_id: int) -> ErasureCounts:
    identity = identity_of(db, member_id)
    known = names_in(db, identity)
    targets = _targets(db, identity, NameDigests.of_names("preview", known))

    def count(sql: str) -> int:
        return int(db.execute(sql, [member_id]).fetchone()[0])

    return ErasureCounts(
        contributions=count("SELECT count(*) FROM contribution WHERE member_id = ?"),
        attendances=count("SELECT count(*) FROM attendance WHERE member_id = ?"),
        actions_unassigned=len(targets.action_ids),
        presentations=count("SELECT count(*) FROM session WHERE presenter_id = ?"),
        texts_mentioning=texts_mentioning(db, identity.team_id, known),
        held_for_undo=len(targets.taken_off_ids),
    )


def _targets(db: Database, identity: MemberIdentity, names: NameDigests) -> _Targets:
    member = _present(db, identity)
    rows = db.execute(
        "SELECT id, owner_member_id, owner_name FROM action WHERE team_id = ? "
        "AND (owner_member_id = ? OR owner_name IS NOT NULL)",
        [identity.team_id, identity.member_id],
    ).fetchall()
    actions = [
        int(action_id)
        for action_id, owner, name in rows
        # By name only where nobody else on the roster owns it: two people of one name ("Sam Lee" and a "Sam Lee
        # (2)" written apart at schema 42) each keep what is theirs.
        if (member and owner == identity.member_id)
        or (owner in (None, identity.member_id) and name and names.is_name(str(name)))
    ]
    reviews = db.execute(
        "SELECT action_review.id, action_review.detail FROM action_review JOIN action ON action.id = "
        "action_review.action_id WHERE action.team_id = ? AND coalesce(action_review.detail, '') <> ''",
        [identity.team_id],
    ).fetchall()
    taken_off = []
    if has_table(db, "attendance_taken_off"):  # schema 39
        taken_off = db.execute(
            "SELECT t.id, t.guest_name FROM attendance_taken_off t JOIN session s ON s.id = t.session_id "
            "WHERE s.team_id = ? AND t.guest_name IS NOT NULL",
            [identity.team_id],
        ).fetchall()
    guests = []
    if identity.member_id == FORMER_GUEST:
        sql = "SELECT id, display_name FROM member WHERE team_id = ? AND role = 'guest' AND created_at <= ?"
        guests = db.execute(sql, [identity.team_id, identity.created_at]).fetchall()
    return _Targets(
        member,
        actions,
        [int(i) for i, detail in reviews if names.mentions(str(detail))],
        [int(i) for i, name in taken_off if names.is_name(str(name))],
        [int(i) for i, name in guests if names.is_name(str(name))],
    )


def erasure_present(db: Database, identity: MemberIdentity, names: NameDigests) -> bool:
    """Whether ``db`` (the live file or a copy) still holds anything of the member."""
    return bool(_targets(db, identity, names))


def erase_in(db: Database, identity: MemberIdentity, names: NameDigests, redaction: NameDigests) -> None:
    """The deletion itself, inside the caller's transaction; on the live database and on each copy alike.

    ``names`` finds the member's names in free text (whole names only); ``redaction`` (every name and each of its
    parts) joins the copy's redaction list, so a backup restored later still keeps them out of summaries.
    """
    targets = _targets(db, identity, names)
    marks = ",".join("?" * len(targets.action_ids))
    db.execute(f"UPDATE action SET owner_member_id = NULL, owner_name = NULL WHERE id IN ({marks})", targets.action_ids)
    marks = ",".join("?" * len(targets.review_ids))
    db.execute(f"UPDATE action_review SET detail = '' WHERE id IN ({marks})", targets.review_ids)
    for taken_off_id in targets.taken_off_ids:
        forget_taken_off(db, taken_off_id)
    for member_id in [identity.member_id] * targets.member + targets.guest_ids:
        _erase_member_rows(db, member_id)
    keep_redaction_list(db, redaction.salt, redaction)


def _erase_member_rows(db: Database, member_id: int) -> None:
    db.execute("UPDATE session SET presenter_id = NULL WHERE presenter_id = ?", [member_id])
    if has_table(db, "live_act"):  # schema 39: Undo's acts of a live session, theirs among them
        forget_member(db, member_id)
    db.execute("DELETE FROM contribution WHERE member_id = ?", [member_id])
    if has_table(db, "attendance_away"):  # a copy saved before schema 38 has no spells away
        db.execute("DELETE FROM attendance_away WHERE member_id = ?", [member_id])
    db.execute("DELETE FROM attendance WHERE member_id = ?", [member_id])
    if has_table(db, "member_former_name"):
        db.execute("DELETE FROM member_former_name WHERE member_id = ?", [member_id])
    db.execute("DELETE FROM member WHERE id = ?", [member_id])


LONGEST_NAME = 8  # words: the most a stored name digest is looked for across


def pending_names(db: Database, care: PendingCare) -> tuple[NameDigests, NameDigests]:
    """What a pending erasure looks for (the member's whole names, by digest) and the redaction list it joins."""
    listed = redaction_list(db)
    names = NameDigests(listed.salt if listed is not None else salt(db), care.whole_digests, frozenset(), LONGEST_NAME)
    return names, listed or names


def make_pending_erasures(db: Database) -> int:
    """Make in ``db`` itself every erasure pending in it (its copies are cleaned by whoever finishes the erasure);
    how many. Call inside a transaction, with secure_delete on."""
    made = 0
    for care in pending(db):
        if care.identity is not None:
            names, listed = pending_names(db, care)
            erase_in(db, care.identity, names, listed)
            made += 1
    return made
