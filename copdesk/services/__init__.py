"""The application's use cases, Qt-free: what the facilitator does, each as one function and one transaction.

A service takes the open :class:`sqlite_utils.Database` first, then the ids and values of the act, with the
clock readings it needs passed in (an aware ``datetime`` from the caller's wall clock), and runs its whole
change inside :func:`copdesk.services.transaction`. A full disk, a read-only or locked file therefore rolls the
act back whole and raises :class:`copdesk.store.errors.WriteRefusedError`, whoever called it: the window (through
its one :class:`~copdesk.views.write_guard.WriteGuard`, which says so in the banner and keeps the act for Retry)
or the CLI (one line, exit code 1).

Services call ``store`` (the repositories: tables and queries) and ``core`` (the rules); they never import Qt,
``views`` or ``cli``. Views and the CLI call services for every change; they never call a store writer.
"""

from __future__ import annotations

from sqlite_utils import Database

from copdesk.store.safe_write import guarded_write as transaction
from copdesk.store.tables import row_exists

__all__ = ["require_row", "transaction"]


def require_row(db: Database, table: str, row_id: int, gone: str) -> None:
    """Refuse in words an act on a row removed meanwhile (an act kept for Retry, a search match): ``gone`` says what
    it was and how it went ("That action is no longer there (it was removed)")."""
    if not row_exists(db, table, row_id):
        raise ValueError(f"{gone}: nothing was changed.")
