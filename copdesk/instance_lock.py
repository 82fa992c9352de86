"""One CoPDesk at a time per database: a QLockFile beside it (``copdesk.db.lock``).

Two windows on one database would each autosave over the other's notes, so a second copy of the app
is told which process has the database and writes nothing. The command-line operations that replace
or delete data (restore, retention, erasure) take the same lock, so they cannot run under an open
window. A lock left behind by a crash (kill -9, a power cut) names a process that no longer exists;
QLockFile sees that and takes the lock over. Age alone never makes a lock stale (a meeting runs for
an hour, and CoPDesk may stay open all day), hence ``setStaleLockTime(0)``. A lock file with no readable process
id is stale too (QLockFile alone would wait for it to age, which with no stale time is for ever); one written on
another computer (a shared folder) cannot be checked from here, so the message names the file and when it is
safe to delete it. On Windows a stale lock that another program holds open (OneDrive syncing the folder) cannot be
deleted, so it reads as held: the message says what to do then.

Only QtCore is loaded, so the command line stays free of the GUI stack.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLockFile, QSysInfo

from copdesk.store.errors import LocationError, StoreError
from copdesk.store.location import shown


class AlreadyOpenError(StoreError):
    """Another CoPDesk process holds this database."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _held_by_another_program(lock: Path) -> str:
    """On Windows, a sentence (with a leading space) for a lock that outlived its CoPDesk: a sync client (OneDrive)
    or a virus scanner holding the lock file open stops QLockFile deleting it as stale, so it reads as held. Deleting
    it by hand is never advised here, as a CoPDesk still finishing a safe write at quit holds it too. Elsewhere a lock
    file open in another program is deleted all the same, so this cannot happen: empty."""
    if sys.platform != "win32":
        return ""
    return (
        " If no CoPDesk is open (none on the taskbar, nor in Task Manager), another program such as OneDrive may be"
        f" holding its lock file, {shown(lock)}, so that CoPDesk cannot clear it: wait a minute and start CoPDesk"
        " again, or restart the computer. Keeping your data out of OneDrive stops this happening."
    )


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
            pid, host, _app = self._lock.getLockInfo()
            if not pid:
                self._take_over_unreadable()
                return
            if host and host != QSysInfo.machineHostName():
                lock = shown(lock_path(self.db_path))
                raise AlreadyOpenError(
                    f"{lock} says CoPDesk has this database open on another computer ({shown(host)}, process {pid}): "
                    f"the folder is shared. If CoPDesk is closed on {shown(host)}, delete {lock} and start again."
                )
            raise AlreadyOpenError(
                f"CoPDesk is already open on {shown(self.db_path)} (process {pid} on {shown(host)}). Switch to that "
                f"window, or close it first; nothing was changed.{_held_by_another_program(lock_path(self.db_path))}"
            )
        if error == QLockFile.LockError.PermissionError:
            folder = self.db_path.parent
            raise LocationError(f"Cannot write to {shown(folder)}: the folder is read-only. Choose another location.")
        raise StoreError(f"Could not check whether CoPDesk is already open on {shown(self.db_path)}; try again.")

    def _take_over_unreadable(self) -> None:
        """A lock file with no process id in it (empty after a crash or a full disk, damaged, or not CoPDesk's) is
        stale: no CoPDesk can be shown to hold it. It is removed and the lock taken, unless a live holder still has
        it locked (QLockFile keeps an OS lock on the file while it holds it), or it cannot be removed."""
        if self._lock.removeStaleLockFile() and self._lock.tryLock(0):
            return
        lock = shown(lock_path(self.db_path))
        raise AlreadyOpenError(
            f"{lock} cannot be read or removed, so CoPDesk cannot tell whether the database is in use. If no CoPDesk "
            f"is open on it, delete {lock} and start again."
        )

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
