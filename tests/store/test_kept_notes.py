"""Notes kept in a text file when the window closes without being able to save them: whole, private, never
written over another file, and listed for the next start."""

from __future__ import annotations

import errno
import os
import stat
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copdesk.store.kept_notes import KEPT_FOLDER, finish_cut_short, keep_text, kept_files, may_be_incomplete

NOW = datetime(2026, 12, 5, 14, 30, 5, tzinfo=UTC)
HEADING = "Notes of the session “Working with risk”, as typed."


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace(os.linesep, "\n")


def _left_by_a_crash(folder: Path, files: dict[str, str], *, minutes_ago: float = 5) -> None:
    """``files`` as a write cut short left them, last changed ``minutes_ago`` before the start at ``NOW``."""
    folder.mkdir(exist_ok=True)
    when = (NOW - timedelta(minutes=minutes_ago)).timestamp()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        os.utime(folder / name, (when, when))


def test_the_text_is_kept_after_its_heading_in_a_file_of_its_own(tmp_path: Path) -> None:
    text = "First paragraph.\n\nSecond, with an emoji 🙂 and Łukasz's idea.\n"
    path = keep_text(tmp_path, text, HEADING, NOW)
    assert path.parent == tmp_path / KEPT_FOLDER
    assert path.name == "notes-20261205T143005Z.txt"
    assert _read(path) == f"{HEADING}\n\n{text}"
    assert kept_files(tmp_path) == [path]
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file is left"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no permission modes (see store.permissions)")
def test_the_folder_and_the_file_are_the_users_alone(tmp_path: Path) -> None:
    (tmp_path / KEPT_FOLDER).mkdir()
    (tmp_path / KEPT_FOLDER).chmod(0o755)  # made by hand, or by an older copy: made private all the same
    old_umask = os.umask(0o022)
    try:
        path = keep_text(tmp_path, "text", HEADING, NOW)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_second_close_in_the_same_second_never_replaces_the_first_file(tmp_path: Path) -> None:
    first = keep_text(tmp_path, "the first close", HEADING, NOW)
    second = keep_text(tmp_path, "the second close", HEADING, NOW)
    third = keep_text(tmp_path, "the third close", HEADING, NOW)
    assert [first.name, second.name, third.name] == [
        "notes-20261205T143005Z.txt",
        "notes-20261205T143005Z-2.txt",
        "notes-20261205T143005Z-3.txt",
    ]
    assert _read(first).endswith("the first close")
    assert kept_files(tmp_path) == sorted([first, second, third])


def test_keeping_again_in_one_run_rewrites_that_runs_file(tmp_path: Path) -> None:
    path = keep_text(tmp_path, "as typed when asked", HEADING, NOW)
    again = keep_text(tmp_path, "as typed when asked, and at the close", HEADING, NOW, replacing=path)
    assert again == path and _read(path).endswith("and at the close")
    assert kept_files(tmp_path) == [path]


def test_a_file_outside_the_folder_is_never_the_one_rewritten(tmp_path: Path) -> None:
    elsewhere = tmp_path / "minutes.txt"
    elsewhere.write_text("someone else's file", encoding="utf-8")
    path = keep_text(tmp_path, "the notes", HEADING, NOW, replacing=elsewhere)
    assert path.parent == tmp_path / KEPT_FOLDER
    assert elsewhere.read_text(encoding="utf-8") == "someone else's file"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_a_link_planted_at_the_temporary_name_is_removed_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    folder = tmp_path / KEPT_FOLDER
    folder.mkdir()
    (folder / ".notes-20261205T143005Z.txt.partial").symlink_to(victim)
    path = keep_text(tmp_path, "the notes", HEADING, NOW)
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert _read(path).endswith("the notes") and not path.is_symlink()


def test_a_write_that_fails_raises_and_leaves_what_was_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = keep_text(tmp_path, "kept when asked", HEADING, NOW)

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        keep_text(tmp_path, "typed since", HEADING, NOW, replacing=kept)
    with pytest.raises(OSError, match="No space left"):
        keep_text(tmp_path, "a second close", HEADING, NOW)  # nor is an empty file left under a new name
    assert _read(kept).endswith("kept when asked")
    assert sorted(p.name for p in kept.parent.iterdir()) == [kept.name], "the partial file is removed"


def test_lines_end_as_the_system_writes_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Notepad on an older Windows shows a file of bare LFs as one line: the file has CRLF there."""
    monkeypatch.setattr(os, "linesep", "\r\n")
    path = keep_text(tmp_path, "one\ntwo", HEADING, NOW)
    assert path.read_bytes() == f"{HEADING}\r\n\r\none\r\ntwo".encode()


def test_a_data_folder_that_is_gone_is_not_made_anew(tmp_path: Path) -> None:
    """An unplugged drive's folder: the failure is said, rather than notes left on the empty mount point."""
    gone = tmp_path / "unplugged" / "CoPDesk"
    with pytest.raises(FileNotFoundError):
        keep_text(gone, "the notes", HEADING, NOW)
    assert not gone.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_a_link_in_place_of_the_folder_is_refused_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)
    data = tmp_path / "data"
    data.mkdir()
    (data / KEPT_FOLDER).symlink_to(elsewhere)
    with pytest.raises(NotADirectoryError):
        keep_text(data, "the notes", HEADING, NOW)
    assert list(elsewhere.iterdir()) == [] and stat.S_IMODE(elsewhere.stat().st_mode) == 0o755


def test_a_lone_surrogate_from_the_editor_cannot_stop_the_rest_being_kept(tmp_path: Path) -> None:
    path = keep_text(tmp_path, "before \ud800 after", HEADING, NOW)
    assert _read(path).endswith("before ? after")


def test_the_files_that_hold_text_are_listed(tmp_path: Path) -> None:
    """Finished files, and a hidden one a cut-short write left; not an empty name, nor anyone else's file."""
    assert kept_files(tmp_path) == []  # no folder: nothing kept, as on almost every start
    folder = tmp_path / KEPT_FOLDER
    folder.mkdir()
    hidden = folder / ".notes-20261205T143005Z.txt.partial"
    hidden.write_text("cut short", encoding="utf-8")
    (folder / "notes-20261205T143005Z.txt").write_bytes(b"")
    (folder / "desktop.ini").write_text("[.ShellClassInfo]", encoding="utf-8")
    later = folder / "notes-20261206T090000Z.txt"
    earlier = folder / "notes-20261205T090000Z.txt"
    for path in (later, earlier):
        path.write_text("notes", encoding="utf-8")
    assert kept_files(tmp_path) == [hidden, earlier, later]
    assert [may_be_incomplete(path) for path in kept_files(tmp_path)] == [True, False, False]


def test_what_a_write_cut_short_left_becomes_a_file_of_its_own_at_the_next_start(tmp_path: Path) -> None:
    """The name claimed (empty) and the hidden file whole or part written, a hidden file whose name went, and one
    beside a whole earlier text (the same close kept again): each becomes a ``-cut-short`` file, none written over."""
    folder = tmp_path / KEPT_FOLDER
    whole, part = f"{HEADING}\n\nEvery word typed.", f"{HEADING}\n\nEvery wo"
    _left_by_a_crash(
        folder,
        {
            "notes-20261205T100000Z.txt": "",
            ".notes-20261205T100000Z.txt.partial": whole,
            "notes-20261205T110000Z.txt": "",
            ".notes-20261205T110000Z.txt.partial": part,
            ".notes-20261205T120000Z.txt.partial": "the name went before the rename",
            "notes-20261205T130000Z.txt": "kept when asked",
            ".notes-20261205T130000Z.txt.partial": "kept when asked, and",
        },
    )
    finish_cut_short(tmp_path, NOW)
    assert [(path.name, _read(path)) for path in kept_files(tmp_path)] == [
        ("notes-20261205T100000Z-cut-short.txt", whole),
        ("notes-20261205T110000Z-cut-short.txt", part),
        ("notes-20261205T120000Z-cut-short.txt", "the name went before the rename"),
        ("notes-20261205T130000Z-cut-short.txt", "kept when asked, and"),
        ("notes-20261205T130000Z.txt", "kept when asked"),
    ]
    assert [may_be_incomplete(path) for path in kept_files(tmp_path)] == [True, True, True, True, False]
    assert sorted(path.name for path in folder.iterdir()) == [path.name for path in kept_files(tmp_path)]


def test_a_refused_keep_whose_hidden_file_could_not_be_removed_is_not_copied_again_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows another program holds the kept file and the new hidden one: the rename and the clean-up are both
    refused, and the words go to a new file. The hidden file left is what that file holds, not a cut-short write."""
    kept = keep_text(tmp_path, "Typed", HEADING, NOW)
    real_replace, real_unlink = os.replace, Path.unlink

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target) == kept:
            raise PermissionError(13, "The process cannot access the file because it is being used", str(target))
        real_replace(source, target)

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path.name.endswith(".partial"):
            raise PermissionError(13, "The process cannot access the file because it is being used", str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(PermissionError):
        keep_text(tmp_path, "Typed, and the action moved in", HEADING, NOW, replacing=kept)
    again = keep_text(tmp_path, "Typed, and the action moved in", HEADING, NOW)
    monkeypatch.undo()
    folder = kept.parent
    assert len(list(folder.iterdir())) == 3, "the hidden file was left"
    when = (NOW - timedelta(minutes=5)).timestamp()
    for path in folder.iterdir():
        os.utime(path, (when, when))
    finish_cut_short(tmp_path, NOW)
    assert kept_files(tmp_path) == sorted([kept, again]) and _read(again).endswith("the action moved in")
    assert sorted(folder.iterdir()) == kept_files(tmp_path), "no copy of it, and no hidden file left"


def test_names_and_hidden_files_with_no_words_in_them_go(tmp_path: Path) -> None:
    folder = tmp_path / KEPT_FOLDER
    _left_by_a_crash(
        folder,
        {
            "notes-20261205T100000Z.txt": "",
            ".notes-20261205T100000Z.txt.partial": "",
            "notes-20261205T110000Z.txt": "",
            "notes-20261205T120000Z.txt": "kept",
            "desktop.ini": "",
        },
    )
    finish_cut_short(tmp_path, NOW)
    assert sorted(path.name for path in folder.iterdir()) == ["desktop.ini", "notes-20261205T120000Z.txt"]


@pytest.mark.parametrize("minutes_ago", [0, -0.5], ids=["just now", "seconds ahead"])
def test_files_changed_in_the_last_minute_are_left_to_the_copdesk_writing_them(
    tmp_path: Path, minutes_ago: float
) -> None:
    """A second CoPDesk, on another database in the folder, may be between its claim and its rename."""
    folder = tmp_path / KEPT_FOLDER
    files = {"notes-20261205T142950Z.txt": "", ".notes-20261205T142950Z.txt.partial": "being written"}
    _left_by_a_crash(folder, files, minutes_ago=minutes_ago)
    finish_cut_short(tmp_path, NOW)
    assert {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()} == files
    finish_cut_short(tmp_path, NOW + timedelta(minutes=2))
    assert [path.name for path in folder.iterdir()] == ["notes-20261205T142950Z-cut-short.txt"]


def test_files_dated_well_after_the_start_are_finished_too(tmp_path: Path) -> None:
    """Written while the clock was ahead (put right since), or on a drive that keeps local time: no write going on
    now dated them, and waiting for the clock to catch up would hide the text for as long."""
    folder = tmp_path / KEPT_FOLDER
    _left_by_a_crash(
        folder,
        {"notes-20261205T100000Z.txt": "", ".notes-20261205T100000Z.txt.partial": "typed"},
        minutes_ago=-90,
    )
    finish_cut_short(tmp_path, NOW)
    assert [(path.name, _read(path)) for path in kept_files(tmp_path)] == [
        ("notes-20261205T100000Z-cut-short.txt", "typed")
    ]


def test_a_hidden_file_that_cannot_be_moved_keeps_its_name_and_stays_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses the rename while another program (a virus scanner, a backup) has the file open: the empty
    name stays beside it, no empty ``-cut-short`` name is left, the start still points to the text, and a close in
    the same second takes another name rather than reuse the hidden file's."""
    folder = tmp_path / KEPT_FOLDER
    _left_by_a_crash(folder, {"notes-20261205T143005Z.txt": "", ".notes-20261205T143005Z.txt.partial": "typed"})

    def held_open(_source: Path, _target: Path) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", held_open)
        finish_cut_short(tmp_path, NOW)
    assert sorted(path.name for path in folder.iterdir()) == [
        ".notes-20261205T143005Z.txt.partial",
        "notes-20261205T143005Z.txt",
    ]
    (listed,) = kept_files(tmp_path)
    assert listed.name == ".notes-20261205T143005Z.txt.partial" and may_be_incomplete(listed)
    new = keep_text(tmp_path, "a later close", HEADING, NOW)
    assert new.name == "notes-20261205T143005Z-2.txt"
    assert (folder / ".notes-20261205T143005Z.txt.partial").read_text(encoding="utf-8") == "typed"


def test_a_claimed_name_filled_meanwhile_is_not_removed_by_the_write_that_claimed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were a start to finish this write while it stalled, its failing rename must not delete what it moved."""
    real_replace = os.replace

    def finished_by_another_start(source: Path, target: Path) -> None:
        real_replace(source, target)
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(source))

    monkeypatch.setattr(os, "replace", finished_by_another_start)
    with pytest.raises(FileNotFoundError):
        keep_text(tmp_path, "the notes", HEADING, NOW)
    (path,) = kept_files(tmp_path)
    assert _read(path).endswith("the notes")


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_links_among_the_files_are_neither_followed_nor_written_over(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    folder = tmp_path / KEPT_FOLDER
    _left_by_a_crash(folder, {".notes-20261205T100000Z.txt.partial": "the notes"})
    (folder / "notes-20261205T100000Z.txt").symlink_to(victim)
    (folder / ".notes-20261205T110000Z.txt.partial").symlink_to(victim)
    finish_cut_short(tmp_path, NOW)
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert (folder / "notes-20261205T100000Z.txt").is_symlink()
    assert _read(folder / "notes-20261205T100000Z-cut-short.txt") == "the notes"
    assert (folder / ".notes-20261205T110000Z.txt.partial").is_symlink()


def test_two_writes_of_one_file_under_way_at_once_each_keep_their_own_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second keep of a file begun while the first waits to rename its text into place (a virus scanner holding
    it): they shared one temporary name, so the second removed the first's text and renamed its own, and the first
    failed as if nothing were kept. Now each renames its own, and neither fails."""
    kept = keep_text(tmp_path, "kept when asked", HEADING, NOW)
    real_replace = os.replace
    first_waiting, first_may_go = threading.Event(), threading.Event()

    def held(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if threading.current_thread() is not threading.main_thread():
            first_waiting.set()
            first_may_go.wait(5)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", held)
    failed: list[BaseException] = []

    def first() -> None:
        try:
            keep_text(tmp_path, "typed since", HEADING, NOW, replacing=kept)
        except BaseException as exc:
            failed.append(exc)

    writing = threading.Thread(target=first)
    writing.start()
    assert first_waiting.wait(5)
    assert keep_text(tmp_path, "typed since, and more", HEADING, NOW, replacing=kept) == kept
    first_may_go.set()
    writing.join(5)
    assert failed == []
    assert _read(kept).endswith("typed since")  # the later rename: the window runs its keeps one after another
    assert sorted(path.name for path in kept.parent.iterdir()) == [kept.name], "no temporary file is left"


def test_what_two_writes_of_one_file_cut_short_left_each_become_a_file_of_their_own(tmp_path: Path) -> None:
    """Each write's temporary file has a name of its own after the name of the file it is for."""
    folder = tmp_path / KEPT_FOLDER
    _left_by_a_crash(
        folder,
        {
            "notes-20261205T100000Z.txt": "",
            ".notes-20261205T100000Z.txt.k2m9x1qa.partial": "the notes",
            ".notes-20261205T100000Z.txt.p0z7w3rd.partial": "the notes, and more",
            ".words-20261205T110000Z.txt.ab12cd34.partial": "the words",
        },
    )
    assert [may_be_incomplete(path) for path in kept_files(tmp_path)] == [True, True, True]
    assert keep_text(tmp_path, "a close", HEADING, NOW - timedelta(hours=4, minutes=30, seconds=5)).name == (
        "notes-20261205T100000Z-2.txt"
    ), "a name whose text is still to be finished is not reused"
    finish_cut_short(tmp_path, NOW)
    recovered = {path.name: _read(path) for path in kept_files(tmp_path)}
    assert sorted(recovered) == [
        "notes-20261205T100000Z-2.txt",
        "notes-20261205T100000Z-cut-short-2.txt",
        "notes-20261205T100000Z-cut-short.txt",
        "words-20261205T110000Z-cut-short.txt",
    ]
    assert sorted(recovered.values()) == [f"{HEADING}\n\na close", "the notes", "the notes, and more", "the words"]
    assert all(not path.name.startswith(".") for path in folder.iterdir())
