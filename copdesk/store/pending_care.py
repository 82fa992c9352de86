"""Data care that has started and not yet reached every copy, and the redaction list of erased names.

An erasure or a retention is recorded here, in the live database, before any file is changed; it is marked
finished only once the live file and every copy are clean. A run stopped half-way (kill -9, a copy another program
was reading) is therefore finished by the next run, or at the next start, instead of leaving data in a backup
while a rerun says "Nobody called … is on the roster". A finished one is kept (:class:`CareHistory`): restoring a
copy taken before an erasure brings the erasure back as pending, so it is applied to the restored data too.

Names are never stored here: an erasure keeps salted digests of every name the member had
(:mod:`copdesk.core.name_match`), enough to recognise them in text, and no way to read them back.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.name_match import NameDigests, digest
from copdesk.core.roster import accent_free_key

SALT_SETTING = "erasure_salt"
_WITHOUT_ACCENTS = "\x1fwithout accents"  # what the salt of a name typed without accents ends with


@dataclass(frozen=True, slots=True)
class MemberIdentity:
    """A member as they were created: the id alone may be reused, the name may have changed since."""

    member_id: int
    team_id: int
    created_at: str


@dataclass(frozen=True, slots=True)
class PendingCare:
    id: int
    kind: str  # "erase" or "retention"
    identity: MemberIdentity | None
    whole_digests: frozenset[str]
    cutoff: str | None
    detail: str


def has_table(db: Database, name: str) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone()
    return row is not None


def salt(db: Database) -> str:
    """The database's salt for name digests, made the first time it is needed (call inside a transaction)."""
    row = db.execute("SELECT value FROM setting WHERE key = ?", [SALT_SETTING]).fetchone()
    if row is not None:
        return str(row[0])
    value = os.urandom(16).hex()
    db.execute("INSERT INTO setting (key, value) VALUES (?, ?)", [SALT_SETTING, value])
    return value


def keep_redaction_list(db: Database, salt_value: str, digests: NameDigests) -> None:
    """Add ``digests`` to the redaction list of ``db`` (a copy too, when its schema has one)."""
    if not has_table(db, "erased_name"):
        return
    db.execute("INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", [SALT_SETTING, salt_value])
    rows = [(value, 1) for value in digests.whole] + [(value, 0) for value in digests.parts]
    db.conn.executemany("INSERT OR IGNORE INTO erased_name (digest, whole) VALUES (?, ?)", rows)


def redaction_list(db: Database) -> NameDigests | None:
    """The digests of every erased member's names, or ``None`` when nobody has been erased."""
    if not has_table(db, "erased_name"):
        return None
    row = db.execute("SELECT value FROM setting WHERE key = ?", [SALT_SETTING]).fetchone()
    rows = [(str(d), bool(w)) for d, w in db.execute("SELECT digest, whole FROM erased_name").fetchall()]
    return NameDigests.from_stored(str(row[0]), rows) if row is not None and rows else None


def accent_free_digests(salt_value: str, names: Iterable[str]) -> frozenset[str]:
    """A digest of each name as it is found when typed without accents (:func:`copdesk.core.roster.accent_free_key`),
    kept in the redaction list beside the names' own, so that asked again for "Zoe" after "Zoë" was erased, CoPDesk
    can say she was. Salted apart from the names' digests, it never matches a word of text: it takes nothing more out
    of a summary or a copy."""
    return frozenset(digest(salt_value + _WITHOUT_ACCENTS, [accent_free_key(name)]) for name in names)


def record_erasure(
    db: Database,
    identity: MemberIdentity,
    digests: NameDigests,
    without_accents: frozenset[str],
    detail: str,
    now: datetime,
) -> None:
    db.table("pending_care").insert(
        {
            "kind": "erase",
            "member_id": identity.member_id,
            "team_id": identity.team_id,
            "member_created_at": identity.created_at,
            "name_digests": " ".join(sorted(digests.whole)),
            "detail": detail,
            "started_at": to_utc_iso(now),
        }
    )
    keep_redaction_list(db, digests.salt, digests)
    db.conn.executemany(
        "INSERT OR IGNORE INTO erased_name (digest, whole) VALUES (?, 1)", [(v,) for v in without_accents]
    )


def record_retention(db: Database, cutoff: str, detail: str, now: datetime) -> None:
    db.table("pending_care").insert(
        {"kind": "retention", "cutoff": cutoff, "detail": detail, "started_at": to_utc_iso(now)}
    )


def pending(db: Database) -> list[PendingCare]:
    """The erasures and retentions begun and not yet finished, oldest first."""
    if not has_table(db, "pending_care"):
        return []
    sql = "SELECT id, kind, member_id, team_id, member_created_at, name_digests, cutoff, detail FROM pending_care"
    finished = " WHERE finished_at IS NULL" if "finished_at" in db["pending_care"].columns_dict else ""
    found = []
    for row in db.execute(sql + finished + " ORDER BY id").fetchall():
        identity = MemberIdentity(int(row[2]), int(row[3]), str(row[4])) if row[1] == "erase" else None
        found.append(
            PendingCare(int(row[0]), str(row[1]), identity, frozenset(str(row[5]).split()), row[6], str(row[7]))
        )
    return found


def finish(db: Database, care_id: int, now: datetime) -> None:
    """Mark an erasure or a retention done everywhere; it is kept for a restore to apply again."""
    db.execute("UPDATE pending_care SET finished_at = ? WHERE id = ?", [to_utc_iso(now), care_id])


_ERASE_COLUMNS = ("kind", "member_id", "team_id", "member_created_at", "name_digests", "detail", "started_at")


@dataclass(frozen=True, slots=True)
class CareHistory:
    """What a restore must not undo, read from the database it replaces: every erasure begun (done or not), the
    members erased before CoPDesk kept them (from the audit log), the redaction list, and the latest cut-off of a
    deletion of old sessions. Read through a plain connection, as a restore holds the file exclusively."""

    erasures: tuple[tuple[object, ...], ...]
    erased_audited: tuple[int, ...]  # the member id of each erasure the audit log names
    members: frozenset[tuple[int, str]]  # (id, made at) of each member it holds: none of them was erased
    salt: str | None
    erased_names: tuple[tuple[str, int], ...]
    latest_cutoff: str | None

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> CareHistory:
        tables = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"pending_care", "erased_name", "audit"} <= tables:
            return cls((), (), frozenset(), None, (), None)
        erasures = conn.execute(
            f"SELECT {', '.join(_ERASE_COLUMNS)} FROM pending_care WHERE kind = 'erase' ORDER BY id"
        ).fetchall()
        audited = conn.execute(
            "SELECT entity_id FROM audit WHERE event = 'erased' AND entity = 'member' AND entity_id IS NOT NULL"
        ).fetchall()
        members = conn.execute("SELECT id, created_at FROM member").fetchall()
        salt_row = conn.execute("SELECT value FROM setting WHERE key = ?", [SALT_SETTING]).fetchone()
        names = conn.execute("SELECT digest, whole FROM erased_name").fetchall()
        cutoff = conn.execute("SELECT max(cutoff) FROM pending_care WHERE kind = 'retention'").fetchone()[0]
        return cls(
            tuple(erasures),
            tuple(sorted({int(row[0]) for row in audited})),
            frozenset((int(row[0]), str(row[1])) for row in members),
            None if salt_row is None else str(salt_row[0]),
            tuple(names),
            None if cutoff is None else str(cutoff),
        )

    def carry_into(self, db: Database, now: datetime) -> int:
        """Record in ``db`` (the copy being restored, at the latest schema) as pending each erasure it does not
        hold already, and merge the redaction list; how many were recorded. Call inside a transaction.

        A member the audit log says was erased, from before erasures were kept, is recognised in the copy by id and
        by a name among the erased ones, unless the database replaced still holds that member (an id is given again
        once its member is deleted: the same id made at the same moment is someone who was never erased)."""
        if self.salt is None:
            return 0  # nobody was ever erased
        db.execute("INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", [SALT_SETTING, self.salt])
        db.conn.executemany("INSERT OR IGNORE INTO erased_name (digest, whole) VALUES (?, ?)", self.erased_names)
        kept = {(int(str(row[1])), str(row[3])) for row in self.erasures}  # (member id, made at) of each kept
        found = (self._in(db, member_id, kept, now) for member_id in self.erased_audited)
        rows = [*self.erasures, *(row for row in found if row is not None)]
        same = " AND ".join(f"{column} IS ?" for column in _ERASE_COLUMNS[:5])
        recorded = 0
        for row in rows:
            if db.execute(f"SELECT 1 FROM pending_care WHERE {same}", list(row[:5])).fetchone() is None:
                marks = ", ".join("?" * len(_ERASE_COLUMNS))
                db.execute(f"INSERT INTO pending_care ({', '.join(_ERASE_COLUMNS)}) VALUES ({marks})", list(row))
                recorded += 1
        return recorded

    def _in(self, db: Database, member_id: int, kept: set[tuple[int, str]], now: datetime) -> tuple[object, ...] | None:
        assert self.salt is not None
        member = db.execute("SELECT team_id, created_at, display_name FROM member WHERE id = ?", [member_id]).fetchone()
        if member is None or (member_id, str(member[1])) in kept | self.members:
            return None
        former = db.execute("SELECT display_name FROM member_former_name WHERE member_id = ?", [member_id]).fetchall()
        erased = {digest for digest, whole in self.erased_names if whole}
        matched = NameDigests.of_names(self.salt, [str(member[2]), *(str(row[0]) for row in former)]).whole & erased
        if not matched:
            return None
        digests, detail = " ".join(sorted(matched)), "erased again after a restore"
        return ("erase", member_id, int(member[0]), str(member[1]), digests, detail, to_utc_iso(now))
