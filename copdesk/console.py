"""Standard output and error for the command line, wherever it was started from.

Two ways it failed on Windows:

* From the windowed executable (``CoPDesk.exe review``, as from ``main.py``), Python has no console, so
  ``sys.stdout`` and ``sys.stderr`` are ``None``: nothing could be printed, and the first flush raised, so every
  command ended with exit code 1 having said nothing. The streams are attached here to the console of the program
  that started it (cmd or PowerShell), or else to nowhere (started from Explorer), so commands still run and
  their exit codes still hold.
* Output sent to a file or a pipe is written in the locale's code page (cp1252), which cannot encode a name such
  as "Łukasz": the command died half-way. Files and pipes get UTF-8 instead, which JSON readers expect; a terminal
  keeps its own encoding, with anything it cannot show replaced rather than fatal.

The CLI's ``main`` calls :func:`prepare_console` first. It changes nothing on a usable UTF-8 stream.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

ATTACH_PARENT_PROCESS = -1  # AttachConsole's "the console of the process that started me"
_UNICODE = frozenset({"utf-8", "utf-16", "utf-32", "utf-8-sig"})


def prepare_console(kernel32: Any | None = None, open_console: Callable[[], TextIO] | None = None) -> None:
    """Give ``sys.stdout`` and ``sys.stderr`` somewhere to write, able to write any name.

    ``kernel32`` and ``open_console`` stand in for Windows' console API in tests; by default they are the real ones.
    """
    if sys.stdout is None or sys.stderr is None:
        console = _parent_console(kernel32, open_console) if sys.platform == "win32" else None
        if sys.stdout is None:
            sys.stdout = console() if console else _nowhere()
        if sys.stderr is None:
            sys.stderr = console() if console else _nowhere()
    sys.stdout = unicode_safe(sys.stdout)
    sys.stderr = unicode_safe(sys.stderr)


def unicode_safe(stream: TextIO) -> TextIO:
    """``stream``, re-encoded as UTF-8 when it is a file or pipe in a narrower encoding (cp1252, latin-1), or set to
    replace what a terminal's encoding cannot show."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = ""
    reconfigure = getattr(stream, "reconfigure", None)
    if name in _UNICODE or reconfigure is None:
        return stream
    with contextlib.suppress(OSError, ValueError):  # a closed or detached stream: leave it as it is
        if _is_terminal(stream):
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8")
    return stream


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


def _nowhere() -> TextIO:
    return open(os.devnull, "w", encoding="utf-8")


def _parent_console(kernel32: Any | None, open_console: Callable[[], TextIO] | None) -> Callable[[], TextIO] | None:
    """Windows: attach to the console of the program that started this windowed one; a way to open it, or ``None``
    when there is none (started from Explorer, a shortcut or the Start menu)."""
    if kernel32 is None:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined, unused-ignore]
    if not kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return None
    return open_console or _open_attached_console


def _open_attached_console() -> TextIO:
    return open("CONOUT$", "w", encoding="utf-8", errors="replace")
