"""A restore that a log-off or a shutdown let end: no window was left to say what was restored, so the next start on
that data says it, once. Kept apart from :mod:`copdesk.restoring` and :mod:`copdesk.startup`, which both need it."""

from __future__ import annotations

import json
from pathlib import Path

from copdesk import paths

RESTORED_UNSEEN = "restoredAtLogOff"  # in user_settings(): what a restore ended by a log-off says at the next start


def restore_said(source: Path) -> str:
    """How a restore's notice begins."""
    return f"Restored {source.name}"


def say_at_next_start(source: Path, db_path: Path, notices: list[str], problems: list[str]) -> None:
    """A restore that a log-off or a shutdown let end, with no window left to say it: what it would have said is kept
    in the user's settings for the next start on ``db_path`` (:func:`restored_unseen`). One that did not happen (no
    notices) is said too, with why and what became of the data (``problems``, as the window would have said them)."""
    if notices:
        said = restore_said(source)
        first = notices[0].replace(f"{said}.", f"{said} at the last log-off.", 1)
        kept = {"notices": [first, *notices[1:]]}
    else:
        kept = {"warnings": [f"{source.name} was not restored at the last log-off.", *problems]}
    settings = paths.user_settings()
    settings.setValue(RESTORED_UNSEEN, json.dumps({"database": str(db_path), **kept}))
    settings.sync()


def restored_unseen(db_path: Path) -> tuple[list[str], list[str]]:
    """What a restore of ``db_path`` ended by a log-off would have said, once, as notices and warnings: read, then
    forgotten. Kept for another database, it waits for that one's start."""
    settings = paths.user_settings()
    try:
        kept = json.loads(str(settings.value(RESTORED_UNSEEN, "") or "{}"))
    except ValueError:  # not CoPDesk's words: nothing to say
        kept = {}
    if not isinstance(kept, dict) or Path(str(kept.get("database"))).resolve() != db_path.resolve():
        return [], []
    settings.remove(RESTORED_UNSEEN)
    settings.sync()
    return [str(notice) for notice in kept.get("notices", [])], [str(warning) for warning in kept.get("warnings", [])]
