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
