"""Owner-only access to the files CoPDesk writes, on each platform as far as that platform allows.

Notes discuss practice and cases, and participation data is about colleagues, so nobody else on the computer
should read them. On macOS and Linux CoPDesk gives its folders mode 0700 and its files 0600 (``chmod``), whatever
the umask. Windows has no such modes: Python's ``chmod`` there only sets or clears the read-only flag, and
``os.fchmod`` does not exist before Python 3.13. What keeps the data private on Windows is where it lives: the
default folder is in the user's own profile (``AppData\\Local``), which Windows lets only that user and the
computer's administrators open. So on Windows nothing is changed here, and nothing is promised beyond that.

A mode that cannot be set (a file owned by someone else, a share that ignores modes) must never stop CoPDesk
opening the data or taking a backup: :func:`make_private` says so in one line for the caller to show.

Windows also refuses to rename a file, or over one, that another program has open without sharing it: a virus
scanner looking at a file just closed, a search indexer, a sync client. The refusal is a ``PermissionError`` and
lasts a moment. Every rename CoPDesk makes (a backup taken, words kept in ``unsaved-notes/``, a copy cleaned, a
restore) goes through :func:`replace_file`, which tries again for a moment before giving up, as SQLite does for its
own files; elsewhere a ``PermissionError`` is a real refusal, given up on at once.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# Pauses, in seconds, before each new try of a rename Windows refused because another program held a file: about
# 1.5 s in all, enough for a virus scanner to look at a file just written, short enough for a log-off.
RENAME_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8)


def modes_apply() -> bool:
    """Whether this platform has Unix permission modes (macOS, Linux), rather than Windows' access lists."""
    return sys.platform != "win32"


def make_private(path: Path, mode: int = PRIVATE_FILE) -> str | None:
    """Give ``path`` (if it exists) owner-only access; ``None``, or why that could not be done, in one line."""
    if not modes_apply():
        return None
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            path.chmod(mode)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return (
            f"CoPDesk could not make {path.name} readable by you alone ({exc.strerror or exc}); "
            f"others who can open {path.parent} may read it."
        )
    return None


def open_private(path: Path) -> int:
    """Open ``path`` for writing (created or emptied) and return its descriptor, made owner-only where modes apply.

    A file left from before keeps its old mode when opened, so the mode is set again; through the descriptor where
    the platform can (``os.fchmod``), else through the path. Failing to set it is not fatal (see the module). A
    link at ``path`` is refused (``OSError``) where the platform can tell: emptying it would empty what it points to.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, PRIVATE_FILE)
    if modes_apply():
        fchmod = getattr(os, "fchmod", None)
        try:
            if fchmod is not None:
                fchmod(descriptor, PRIVATE_FILE)
            else:
                os.chmod(path, PRIVATE_FILE)
        except OSError:
            pass  # reported where the database itself is opened, which shares this folder's rules
    return descriptor


def replace_file(source: Path, target: Path) -> None:
    """``os.replace(source, target)``; on Windows, tried again for a moment while another program holds either file
    (see the module): the ``PermissionError`` of the last try is raised."""
    for pause in (*RENAME_PAUSES, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if pause is None or sys.platform != "win32":
                raise
            time.sleep(pause)
