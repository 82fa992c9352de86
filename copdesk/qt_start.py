"""What must be settled around Qt's start, before any window: whether a window can open here at all, said in one
line (Qt itself aborts with a page of text), and PySide's check of every module made without keeping its source.

Kept apart from :mod:`copdesk.app` so the composition root stays about composing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NO_DISPLAY_MESSAGE = (
    "CoPDesk needs a graphical desktop: run it from a desktop session, "
    "or use 'python main.py SUBCOMMAND' (see --help) for the command line."
)


def display_available() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def tell_altgr_apart(qt_args: list[str]) -> list[str]:
    """``qt_args`` for the QApplication, with Qt told on Windows to keep AltGr for typing.

    Qt takes AltGr for Ctrl+Alt unless told otherwise: typing ć or ż in the notes on a Polish keyboard (& on a Czech
    one) would press the follow-up list's Ctrl+Alt+C (Carry the selected action) or Ctrl+Alt+Z (Undo) instead of
    typing. The Windows platform's ``altgr`` option, given as ``-platform windows:altgr``, keeps AltGr for typing. It
    goes on CoPDesk's own command line rather than into the environment, which every program CoPDesk opens (a PDF
    viewer, a mail client) would inherit. A platform already chosen (``QT_QPA_PLATFORM=offscreen`` for a test, or
    ``-platform``) is left as it is."""
    chosen = os.environ.get("QT_QPA_PLATFORM") or any(arg in ("-platform", "--platform") for arg in qt_args)
    if sys.platform != "win32" or chosen:
        return qt_args
    return [*qt_args, "-platform", "windows:altgr"]


def missing_x11_library() -> str | None:
    """Qt aborts with a page of text when its X11 plugin cannot load; find out first and say it in one line."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform != "linux" or not os.environ.get("DISPLAY") or platform not in ("", "xcb"):
        return None
    if os.environ.get("WAYLAND_DISPLAY") and not platform:
        return None
    import ctypes
    from importlib.util import find_spec

    spec = find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        missing = str(exc).split(":")[0]
        return (
            f"CoPDesk cannot open a window: the system library {missing} is missing "
            "(on Debian or Ubuntu: sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)."
        )
    return None


def spare_pyside_source_reads() -> None:
    """Let PySide tell whether a module uses it from the file's bytes, not from its source kept in ``linecache``.

    Once loaded, PySide checks every module imported after it for the text "PySide6" (to know which modules its
    ``__feature__`` switches apply to) with ``inspect.getsource``, which reads the file through ``linecache`` and
    keeps every line of it for the life of the process: run from the checkout, about 7 MB of source and 20 ms of
    start-up. The question is the same when asked of the file's bytes (a source file's encoding keeps ASCII as
    ASCII), and those are dropped once read. A module without a ``.py`` file (the bundle's are compiled only) is
    left to PySide's own check; so is every module if a PySide release no longer has the check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    pyside_check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or pyside_check is None or pyside_check.__module__ == __name__:  # absent, or done already
        return

    def uses_pyside(module: object) -> bool:
        source_file = getattr(module, "__file__", None)
        if isinstance(source_file, str) and source_file.endswith(".py"):
            try:
                return b"PySide6" in Path(source_file).read_bytes()
            except (OSError, ValueError):  # unreadable, or not a plain file (a .py inside a zip): PySide's own check
                pass
        return bool(pyside_check(module))

    vars(feature)["_mod_uses_pyside"] = uses_pyside  # the module looks the name up when it checks
