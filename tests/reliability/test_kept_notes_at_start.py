"""Notes a closing window could not save, and words typed in a window when a log-off closed CoPDesk, kept in their
files: every start says where they are until they go."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from copdesk import paths
from copdesk.core.date_names import short_date_time
from copdesk.services.notes import keep_typed_words
from copdesk.startup import open_for_gui
from copdesk.store.kept_notes import keep_text, kept_folder
from copdesk.store.location import shown
from tests.reliability.conftest import NOW, FakePrompts, make_database


def _warnings(db_path: Path) -> list[str]:
    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None
    started.opened.db.close()
    started.lock.release()
    return started.warnings


def test_each_start_points_to_kept_notes_until_they_are_deleted(db_path: Path) -> None:
    make_database(db_path)
    assert not any("could not save are kept" in warning for warning in _warnings(db_path))
    first = keep_text(db_path.parent, "Typed while the disk was full", "Notes of the session", NOW)
    keep_text(db_path.parent, "Typed at a second close", "Notes of the session", NOW)
    for _start in range(2):  # not only once: the files are still there
        (said,) = [warning for warning in _warnings(db_path) if "could not save are kept" in warning]
        assert f"kept in 2 files in {shown(kept_folder(db_path.parent))}" in said
        assert (
            "Resume the sessions they name, copy what you need into their notes, then delete them: nothing else" in said
        )
        assert "not even an erasure or a deletion of old sessions" in said
    first.unlink()
    (said,) = [warning for warning in _warnings(db_path) if "could not save are kept" in warning]
    assert "kept in a file in" in said
    assert "Resume the session it names, copy what you need into its notes, then delete it: nothing else" in said
    for path in kept_folder(db_path.parent).iterdir():
        path.unlink()
    assert first.parent.exists() and not any("could not save are kept" in warning for warning in _warnings(db_path))


def test_a_start_after_a_crash_mid_write_points_to_what_the_write_left_and_says_it_may_be_incomplete(
    db_path: Path,
) -> None:
    """The claimed name empty and the text in the hidden file: the warning names a file that holds the text."""
    make_database(db_path)
    folder = kept_folder(db_path.parent)
    folder.mkdir()
    (folder / "notes-20261008T091500Z.txt").write_bytes(b"")
    (folder / ".notes-20261008T091500Z.txt.partial").write_text("Notes of the session\n\nTyped", encoding="utf-8")
    keep_text(db_path.parent, "Typed at a close that finished", "Notes of the session", NOW)
    before = (NOW - timedelta(minutes=15)).timestamp()
    for path in folder.iterdir():
        os.utime(path, (before, before))
    (said,) = [warning for warning in _warnings(db_path) if "could not save are kept" in warning]
    assert "kept in 2 files in" in said
    assert said.endswith(
        "A crash cut the writing of notes-20261008T091500Z-cut-short.txt short: it may hold only the start of its "
        "notes."
    )
    recovered = folder / "notes-20261008T091500Z-cut-short.txt"
    assert sorted(path.name for path in folder.iterdir()) == [recovered.name, "notes-20261008T093000Z.txt"]
    assert recovered.read_text(encoding="utf-8").endswith("Typed")


def test_words_typed_in_a_window_at_a_log_off_are_pointed_to_apart_from_a_sessions_notes(db_path: Path) -> None:
    """A correction or a resolution typed and not saved when a log-off closed CoPDesk has no session to resume."""
    make_database(db_path)
    folder = shown(kept_folder(db_path.parent))
    words = keep_typed_words(db_path, "Resolve issue (How was “Lifts” resolved?)", "Facilities fixed them", NOW)
    assert words.name == "words-20261008T093000Z.txt"
    assert words.read_text(encoding="utf-8").replace(os.linesep, "\n") == (
        "Typed in “Resolve issue (How was “Lifts” resolved?)”, as typed, and not yet saved when CoPDesk was made to "
        f"close (a log-off or a shutdown) on {short_date_time(NOW.astimezone())}. Its database, {db_path.name}, "
        "holds what was there before: copy what you need where it was typed, then delete this file.\n\n"
        "Facilities fixed them"
    )
    (said,) = [warning for warning in _warnings(db_path) if "are kept in" in warning]
    assert said == (
        "Words typed in a window when CoPDesk was made to close (a log-off or a shutdown) are kept in a file in "
        f"{folder}. Its first line says where they were typed: copy what you need there, then delete it: "
        "nothing else removes it, not even an erasure or a deletion of old sessions."
    )
    keep_text(db_path.parent, "Typed while the disk was full", "Notes of the session", NOW)
    (said,) = [warning for warning in _warnings(db_path) if "are kept in" in warning]
    assert said == (
        f"Words CoPDesk could not save are kept in 2 files in {folder}: notes of a session in a file (resume the "
        "session each names and copy what you need into its notes), and words typed in a window when CoPDesk was "
        "made to close in a file (each file's first line says where: copy what you need there). Then delete them: "
        "nothing else removes them, not even an erasure or a deletion of old sessions."
    )


def test_words_a_crash_cut_short_are_said_to_be_words(db_path: Path) -> None:
    make_database(db_path)
    folder = kept_folder(db_path.parent)
    folder.mkdir()
    (folder / ".words-20261008T091500Z.txt.partial").write_text("Typed in “Resolve issue”\n\nFixed", encoding="utf-8")
    before = (NOW - timedelta(minutes=15)).timestamp()
    os.utime(folder / ".words-20261008T091500Z.txt.partial", (before, before))
    (said,) = [warning for warning in _warnings(db_path) if "are kept in" in warning]
    assert said.startswith("Words typed in a window when CoPDesk was made to close")
    assert said.endswith(
        "A crash cut the writing of words-20261008T091500Z-cut-short.txt short: it may hold only the start of its "
        "words."
    )


def test_two_files_of_words_are_pointed_to_together(db_path: Path) -> None:
    make_database(db_path)
    for words in ("Facilities fixed them", "The OT lead rings weekly"):
        keep_typed_words(db_path, "Resolve issue", words, NOW)
    (said,) = [warning for warning in _warnings(db_path) if "are kept in" in warning]
    assert f"are kept in 2 files in {shown(kept_folder(db_path.parent))}. The first line of each says where" in said
    assert said.endswith("then delete them: nothing else removes them, not even an erasure or a deletion of old "
                         "sessions.")  # fmt: skip
