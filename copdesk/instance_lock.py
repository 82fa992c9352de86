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
deleted, so it reads as held: Windows is asked whether the process it names still runs, and the message says either
that CoPDesk is open or what to do about the other program.

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


# Windows' names for what :func:`_windows_process_ended` asks and is told.
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
STILL_ACTIVE = 259
ERROR_INVALID_PARAMETER = 87  # OpenProcess's answer for a process id that no process has


def _held_here(db_path: Path, pid: int, host: str) -> str:
    """What a second CoPDesk is told when the lock names a process on this computer. On Windows a sync client
    (OneDrive) or a virus scanner holding the lock file open stops QLockFile deleting it as stale, so it reads as held
    whether or not that process runs. Windows is asked whether it has ended, and when it has, the message says so;
    otherwise it hedges, as a process still running may not be CoPDesk (Windows soon gives a process id to another
    program). Deleting the lock file by hand is never advised here, as a CoPDesk still finishing a safe write at quit
    holds it too. Elsewhere a lock file open in another program is deleted all the same, so the process is running."""
    lock = shown(lock_path(db_path))
    cannot_clear = (
        "so that CoPDesk cannot clear it: wait a minute and start CoPDesk again, or restart the computer. Keeping "
        "your data out of OneDrive stops this happening."
    )
    if sys.platform == "win32" and _windows_process_ended(pid):
        return (
            f"No CoPDesk is open on {shown(db_path)} (process {pid}, which last opened it, has ended), but another "
            f"program such as OneDrive is holding its lock file, {lock}, {cannot_clear} Nothing was changed."
        )
    open_there = (
        f"CoPDesk is already open on {shown(db_path)} (process {pid} on {shown(host)}). Switch to that window, or "
        "close it first; nothing was changed."
    )
    if sys.platform != "win32":
        return open_there
    return (
        f"{open_there} If no CoPDesk is open (none on the taskbar, nor in Task Manager), another program such as "
        f"OneDrive may be holding its lock file, {lock}, {cannot_clear}"
    )


def _windows_process_ended(pid: int) -> bool:
    """Whether Windows says process ``pid`` on this computer has ended (it exited, or no process has that id); False
    when it runs or Windows does not say. It is asked for as little as it grants
    (``PROCESS_QUERY_LIMITED_INFORMATION``); a process that refuses even that (another user's, an elevated one) is
    there. Never raises: anything unexpected is False, and the message hedges."""
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined, unused-ignore]
        kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        kernel32.OpenProcess.restype = wintypes.HANDLE
        kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, wintypes.LPDWORD)
        kernel32.GetExitCodeProcess.restype = wintypes.BOOL
        kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
        kernel32.CloseHandle.restype = wintypes.BOOL
        handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            error: int = ctypes.get_last_error()  # type: ignore[attr-defined, unused-ignore]
            return error == ERROR_INVALID_PARAMETER
        try:
            code = wintypes.DWORD()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value != STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    except Exception:  # a message with a hedge is better than none: this is said while refusing to start
        return False


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
            raise AlreadyOpenError(_held_here(self.db_path, pid, host))
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
