"""A restore asked for in the window (File ▸ Restore from backup…): the backup put in place of the database, or, on
any failure, the database as it was, and what to say either way.

The window on the old data closes first (the database must be closed to be replaced), and the window on the restored
data opens only once the backup is in place, checked and brought up to date: seconds on a network share. A small
window says what is happening for the whole of that gap, and the work runs in a worker, so CoPDesk goes on painting
(Windows would otherwise call it "Not responding") while what the facilitator types waits. Kept apart from
:mod:`copdesk.app`, which shows the new window, so the composition root stays about composing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from copdesk import paths
from copdesk.core.clock import system_now

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from copdesk.store.connection import OpenedDatabase


@contextmanager
def restoring_shown(source: Path) -> Iterator[None]:
    """A small window that says ``source`` is being restored, from before the old window closes until the block ends
    (the new window shown, or the restore given up)."""
    from copdesk.views.shell.finishing_notice import WorkNotice

    notice = WorkNotice(
        "CoPDesk is restoring", f"Restoring {source.name}… CoPDesk's window opens again by itself when that is done."
    )
    notice.setObjectName("restoringNotice")
    notice.show()
    try:
        yield
    finally:
        notice.finish()
        notice.deleteLater()


def restored_or_as_it_was(source: Path, db_path: Path) -> tuple[OpenedDatabase, list[str], list[str]]:
    """``source`` put in place of the database at ``db_path`` (closed; the caller holds its lock) and opened, with the
    notice and the warnings to show; on any failure, the database as it was, opened again, with why the restore did
    not happen. Raises ``StoreError`` or ``OSError`` when not even that opens. Both run in a worker, waited for with
    the GUI answering."""
    from copdesk.services.data_care import restore_backup
    from copdesk.store.connection import open_database
    from copdesk.views.widgets.background import done_answering

    migrations_dir = paths.migrations_dir()
    try:
        restored = done_answering(
            lambda: restore_backup(source, db_path, migrations_dir, system_now()), "copdesk-restore"
        )
    except Exception as exc:  # StoreError, or an OSError from the file system: the data is as it was
        opened = done_answering(lambda: open_database(db_path, migrations_dir), "copdesk-reopen")
        if opened.restore_finished:  # the backup a refused rename left waiting went in place as it reopened
            return opened, *_restored_on_reopening(source, opened)
        return opened, [], [restore_failure(exc)]
    from copdesk.restore_unseen import restore_said
    from copdesk.startup import plans_follow

    result = restored.result
    notice = f"{restore_said(source)}.{restored.notice}"
    if result.previous_backup is not None:
        notice += f" What CoPDesk held before is kept as {result.previous_backup.relative_to(db_path.parent)}."
    return result.opened, [notice, *plans_follow(result.opened.db, system_now())], restored.warnings(db_path)


def _restored_on_reopening(source: Path, opened: OpenedDatabase) -> tuple[list[str], list[str]]:
    """A restore over a damaged database whose last rename was refused (a virus scanner reading the new file), but
    went through when the data was opened again a moment later: the backup is the data after all. What a start that
    finished it says, said as this restore's: where the damaged file is kept, and the erasures the replaced data had
    made, made again now rather than at the next start (the window would otherwise show what they removed)."""
    from copdesk.restore_unseen import restore_said
    from copdesk.startup import pending_care_said, plans_follow
    from copdesk.store.recovery import HISTORY_UNREAD, QUARANTINE_FOLDER

    now = system_now()
    notice = f"{restore_said(source)}. The damaged database is kept in {QUARANTINE_FOLDER}/."
    if opened.restore_history_unread:
        notice += f" {HISTORY_UNREAD}"
    care_notices, warnings = pending_care_said(opened.db, opened.path, now)
    return [notice, *care_notices, *plans_follow(opened.db, now)], warnings


def restore_failure(exc: BaseException) -> str:
    """One line for a restore that did not happen (the store's own refusals already say what to do)."""
    from copdesk.store.errors import StoreError

    if isinstance(exc, StoreError):
        return exc.message
    if isinstance(exc, PermissionError):
        return (
            f"The restore did not happen: {_reason(exc)}. Another program (a virus scanner or a sync client) may "
            "have the file in use; your data is as it was, so try again in a moment."
        )
    return f"The restore did not happen: {_reason(exc)}. Your data is as it was."


def tell_and_quit(app: QApplication, db_path: Path, exc: BaseException) -> None:
    """The last resort when not even the data as it was reopens, so no window can be shown: a message box, then the
    event loop ends (the lock is freed)."""
    from PySide6.QtWidgets import QMessageBox

    from copdesk.views.widgets.forms import tell

    reopen = f"CoPDesk could not reopen {db_path.name} after the restore: {_reason(exc)}"
    tell(None, QMessageBox.Icon.Critical, "CoPDesk", reopen)
    app.exit(1)


def _reason(exc: BaseException) -> str:
    from copdesk.store.errors import StoreError

    if isinstance(exc, StoreError):
        return exc.message.rstrip(".")
    if isinstance(exc, OSError):
        name = Path(str(exc.filename)).name if exc.filename else "a file"
        return f"{name} could not be replaced ({exc.strerror or exc})"
    return f"{type(exc).__name__}: {exc}"
