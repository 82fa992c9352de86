"""The automatic backup due at a start, taken once the window has painted, and the words when it could not be made.

:func:`copdesk.startup.open_claimed` makes a :class:`StartupBackup` when a backup is due; the app takes it in a worker
after its first paint, and shows :func:`backup_failed`'s words in the window's banner if it fails.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class StartupBackup:
    """The automatic backup due at this start, of the database exactly as it was opened.

    A read transaction on a connection of its own holds that state (in WAL mode the window can write
    meanwhile), so the backup can be taken after the window appears, in another thread, and still hold the
    data from before anything done in this session: the backup from before a mistake is the one kept.
    """

    def __init__(self, db_path: Path, fingerprint: str, now: datetime) -> None:
        import sqlite3

        from copdesk.store.backup import read_once
        from copdesk.store.opening_checks import BUSY_TIMEOUT_MS

        self.db_path, self.fingerprint, self.now = db_path, fingerprint, now
        self._conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        try:
            read_once(self._conn)
            self._conn.execute("BEGIN")
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
        except sqlite3.Error:
            self._conn.close()
            raise

    def take(self) -> str | None:
        """Take the backup (and rotate the old ones); ``None``, or the one-line warning if it could not be made."""
        from copdesk.store.backup_catalogue import backup_if_changed

        try:
            backup_if_changed(self._conn, self.db_path, self.fingerprint, self.now)
        except Exception as exc:  # a fault of CoPDesk's own too must reach the banner, not die with the worker thread
            return backup_failed(exc, self.db_path.parent)
        finally:
            self._conn.close()
        return None


def backup_failed(exc: BaseException, data_folder: Path) -> str:
    """The banner's words when the automatic backup could not be made: what happened, that the data is not affected,
    and what to do. The error itself goes to the log beside the data (its type and where it came from, never its
    text), not to the banner, where Python's or SQLite's words meant nothing to a facilitator. A file where the backups
    folder goes is the exception: CoPDesk's own words name it there, as only the facilitator can move it."""
    from copdesk.crash_log import LOG_FOLDER, LOG_NAME
    from copdesk.store.errors import LocationError, StorageFullError
    from copdesk.store.safe_write import storage_error_for

    logged = logged_beside_data(exc, data_folder)
    said = "The automatic backup could not be made at this start"
    kept = "Your data is not affected, and your earlier backups are kept"
    again = "CoPDesk tries again when it next starts"
    if isinstance(exc, StorageFullError) or isinstance(storage_error_for(exc), StorageFullError):
        return f"{said}: the disk is full. {kept}, but free some space soon or new notes may not save; {again}."
    if isinstance(exc, LocationError):  # CoPDesk's own words: what is in the way, and what to do about it
        return f"{said}: {exc.message} {kept}; {again}."
    ask = f"show your IT support {LOG_FOLDER}/{LOG_NAME} beside your data" if logged else "ask your IT support"
    return f"{said}. {kept}; {again}. If this keeps happening, {ask}."


def logged_beside_data(exc: BaseException, data_folder: Path) -> bool:
    """Write what stopped a start-up step to the log beside the data (:mod:`copdesk.crash_log`: the error's type and
    where it came from, with its causes, never their text), for whoever helps; whether it is there."""
    import threading

    from copdesk.crash_log import CrashLog

    log = CrashLog(data_folder)
    try:
        return log.record(exc, exc.__traceback__, threading.current_thread().name)
    finally:
        log.close()
