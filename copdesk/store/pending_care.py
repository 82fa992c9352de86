"""Data care that has started and not yet reached every copy, and the redaction list of erased names.

An erasure or a retention is recorded here, in the live database, before any file is changed; it is marked
finished only once the live file and every copy are clean. A run stopped half-way (kill -9, a copy another program
was reading) is therefore finished by the next run, or at the next start, instead of leaving data in a backup
while a rerun says "Nobody called … is on the roster". A finished one is kept (:class:`CareHistory`): restoring a
copy taken before it brings it back as pending, so it is applied to the restored data too.

Names are never stored here: an erasure keeps salted digests of every name the member had
(:mod:`copdesk.core.name_match`), enough to recognise them in text, and no way to read them back.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.name_match import NameDigests

SALT_SETTING = "erasure_salt"


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


def record_erasure(db: Database, identity: MemberIdentity, digests: NameDigests, detail: str, now: datetime) -> None:
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


_CARE_COLUMNS = ("kind", "member_id", "team_id", "member_created_at", "name_digests", "cutoff", "detail", "started_at")


@dataclass(frozen=True, slots=True)
class CareHistory:
    """Every erasure and retention a database has begun (done or not), with its redaction list: what a restore of
    an older copy must apply again. Read through a plain connection, as a restore holds the file exclusively."""

    rows: tuple[tuple[object, ...], ...]
    salt: str | None
    erased_names: tuple[tuple[str, int], ...]

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> CareHistory:
        tables = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"pending_care", "erased_name"} <= tables:
            return cls((), None, ())
        rows = conn.execute(f"SELECT {', '.join(_CARE_COLUMNS)} FROM pending_care ORDER BY id").fetchall()
        salt_row = conn.execute("SELECT value FROM setting WHERE key = ?", [SALT_SETTING]).fetchone()
        names = conn.execute("SELECT digest, whole FROM erased_name").fetchall()
        return cls(tuple(rows), None if salt_row is None else str(salt_row[0]), tuple(names))

    def carry_into(self, db: Database) -> int:
        """Record in ``db`` (a restored copy, at the latest schema) as pending again each care it does not hold as
        done, and merge the redaction list; how many are pending there now. Call inside a transaction."""
        if self.salt is not None:
            db.execute("INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", [SALT_SETTING, self.salt])
        db.conn.executemany("INSERT OR IGNORE INTO erased_name (digest, whole) VALUES (?, ?)", self.erased_names)
        same = " AND ".join(f"{column} IS ?" for column in _CARE_COLUMNS)
        for row in self.rows:
            if db.execute(f"SELECT 1 FROM pending_care WHERE {same}", list(row)).fetchone() is None:
                marks = ", ".join("?" * len(_CARE_COLUMNS))
                db.execute(f"INSERT INTO pending_care ({', '.join(_CARE_COLUMNS)}) VALUES ({marks})", list(row))
        return len(pending(db))
