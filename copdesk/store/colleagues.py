"""Every name colleagues are or were known by, for the documents that leave the team without them.

The anonymised summary and a practitioner's CPD evidence take out the same names (:mod:`copdesk.core.anonymise`):
every name on any team's roster, past or present (inactive members, names before a rename), because a colleague
of another team, or a name since corrected, is still a person; and the names of members erased before, which the
database keeps only as salted digests in its redaction list.
"""

from __future__ import annotations

from sqlite_utils import Database

from copdesk.core.anonymise import NameRedactor
from copdesk.store.pending_care import has_table, redaction_list


def colleague_redactor(db: Database, *, practitioner_id: int | None = None) -> NameRedactor:
    """Takes out every colleague's name. The practitioner's own names (today's, and any before a rename) stay in
    their own CPD evidence: it is about them, and it names them at the top."""
    names = _names_by_member(db)
    own = [name for member_id, name in names if member_id == practitioner_id]
    return NameRedactor((name for _, name in names), keep=own, erased=redaction_list(db))


def _names_by_member(db: Database) -> list[tuple[int, str]]:
    rows = db.execute("SELECT id, display_name FROM member").fetchall()
    if has_table(db, "member_former_name"):
        rows += db.execute("SELECT member_id, display_name FROM member_former_name").fetchall()
    return [(int(member_id), str(name)) for member_id, name in rows]
