"""SQLite ``file:`` URIs for every way a Windows, macOS or Linux path can be written.

``Path.as_uri()`` writes a UNC path (``\\\\server\\share\\copdesk.db``) as ``file://server/share/copdesk.db``,
with the server as the URI's *authority*. SQLite accepts no authority but an empty one or ``localhost``, so such a
URI fails to open, and a healthy database on a network share (or on a mapped drive, which ``Path.resolve()``
turns into its UNC path on Windows) looked damaged. SQLite's own convention keeps the authority empty and puts
the whole path after it: ``file:////server/share/copdesk.db`` and ``file:///C:/Users/sam/copdesk.db``.

Every place CoPDesk opens a database through a URI (read-only checks, backups, restores) builds it here.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from urllib.parse import quote, urlencode

from copdesk.store.location import companion_files, rollback_journal

# Left as they are in the path; everything else (space, %, ?, #, non-ASCII) is percent-encoded, which SQLite decodes.
_SAFE = "/:"


def sqlite_uri(path: PurePath, **query: str | int) -> str:
    """The ``file:`` URI for ``path`` (made absolute), with ``query`` as its parameters (``mode="ro"``).

    Windows paths (``PureWindowsPath``: a drive, or a UNC share) keep their drive or ``//server/share`` after an
    empty authority; POSIX paths, a leading ``//`` included, likewise.
    """
    if isinstance(path, Path):
        path = path.absolute()
    elif not path.is_absolute():
        raise ValueError(f"a SQLite URI needs an absolute path, not {path}")
    text = path.as_posix()  # C:/Users/…, //server/share/…, /home/…
    if not text.startswith("/"):
        text = "/" + text  # a drive letter: file:///C:/…
    uri = "file://" + quote(text, safe=_SAFE)
    return f"{uri}?{urlencode(query)}" if query else uri


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing a byte beside it.

    Without a pending WAL or a rollback journal the file is all there is, and immutable=1 reads it without creating
    -wal/-shm files beside it. With a WAL, a plain read-only open is needed so its commits are seen; with a journal,
    so that SQLite sees it too: read as immutable, a file whose write was cut short shows the half-done write.
    """
    beside = (companion_files(path)[1], rollback_journal(path))
    if any(file.exists() and file.stat().st_size > 0 for file in beside):
        return sqlite_uri(path, mode="ro")
    return sqlite_uri(path, mode="ro", immutable=1)
