"""One CoPDesk at a time per database: a QLockFile beside it (``copdesk.db.lock``).

Two windows on one database would each autosave over the other's notes, so a second copy of the app
is told which process has the database and writes nothing. The command-line operations that replace
or delete data (restore, retention, erasure) take the same lock, so they cannot run under an open
window. A lock left behind by a crash (kill -9, a power cut) names a process that no longer exists;
QLockFile sees that and takes the lock over. Age alone never makes a lock stale (a meeting runs for
an hour, and CoPDesk may stay open all day), hence ``setStaleLockTime(0)``.

Only QtCore is loaded, so the command line stays free of the GUI stack.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLockFile

from copdesk.store.errors import LocationError, StoreError


class AlreadyOpenError(StoreError):
    """Another CoPDesk process holds this database."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = QLockFile(str(lock_path(db_path)))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        """Take the lock now or raise; never waits, because the user is waiting."""
        if self._lock.tryLock(0):
            return
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:
            info = self._lock.getLockInfo()
            holder = f" (process {info[0]} on {info[1]})" if isinstance(info, tuple) and info[0] else ""
            raise AlreadyOpenError(
                f"CoPDesk is already open on {self.db_path}{holder}. Switch to that window, "
                "or close it first; nothing was changed."
            )
        if error == QLockFile.LockError.PermissionError:
            folder = self.db_path.parent
            raise LocationError(f"Cannot write to {folder}: the folder is read-only. Choose another location.")
        raise StoreError(f"Could not check whether CoPDesk is already open on {self.db_path}; try again.")

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.release()
