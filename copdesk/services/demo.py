"""The fictional demo history written into an empty database, for ``copdesk-cli demo`` and the scripts' sandbox.

One transaction, like every other act: a full disk or a read-only file leaves the database empty and says so in
one line (:class:`~copdesk.store.errors.WriteRefusedError`), and a database that already holds data is refused
(:class:`~copdesk.store.demo.DatabaseNotEmpty`) before anything is written.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from copdesk.services import transaction
from copdesk.store.demo import bank_questions, fill_demo


def write_demo_history(db: Database, now: datetime, questions_dir: Path) -> None:
    """Teams, series and six months of sessions, all fictional, ending just before ``now``."""
    with transaction(db):
        fill_demo(db, now, bank_questions(questions_dir))
