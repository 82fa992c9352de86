"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core import identifier_check, privacy
from copdesk.core.question_bank import Bank, load_bank

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _allow_more_open_files() -> None:
    """Let the suite hold more open files than a non-root user's default soft limit (1024 on Debian).

    Hundreds of tests each build a real window whose database (with its -wal and -shm) stays open until Python
    collects the window, which Qt's objects put off; the app itself opens one database and closes it on exit.
    The soft limit is raised towards the hard one, as any process may; Windows has no such limit.
    """
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 8192 if hard == resource.RLIM_INFINITY else min(8192, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


_allow_more_open_files()


@pytest.fixture(autouse=True)
def _application_palette_kept() -> Iterator[None]:
    """A window sets the application's palette to its theme (light or dark); the next test starts from the palette
    this one found, so no test's outcome depends on the theme of the window before it."""
    widgets = sys.modules.get("PySide6.QtWidgets")  # a test of core or store never loads Qt for this
    app = widgets.QApplication.instance() if widgets is not None else None
    before = widgets.QApplication.palette() if widgets is not None and app is not None else None
    yield
    if widgets is not None and before is not None:
        widgets.QApplication.setPalette(before)


class FakeClock:
    """A monotonic clock and a wall clock that only move when a test says so."""

    def __init__(self, start: datetime | None = None) -> None:
        self.monotonic_seconds = 1000.0
        self.wall = start or datetime(2026, 10, 8, 9, 30, tzinfo=UTC)

    def __call__(self) -> float:
        return self.monotonic_seconds

    def now(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.monotonic_seconds += seconds
        self.wall += timedelta(seconds=seconds)

    def sleep_laptop(self, seconds: float) -> None:
        """The wall clock jumps while the monotonic clock (suspended with the machine) does not."""
        self.wall += timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test, and every process it starts, gets its own home, config and data folders.

    QSettings (window state, the chosen team, the remembered data location, one-time warnings) and the
    default database location must never read or write the developer's own. The environment is inherited
    by subprocesses; QSettings in this process caches its folder, so it is pointed at the new one too.
    """
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("COPDESK_DB", raising=False)
    isolate_settings(home / ".config")


def isolate_settings(folder: Path) -> None:
    """Every QSettings format and scope kept under ``folder``, and INI the default format.

    On Linux Qt's native format is an INI file under ``$XDG_CONFIG_HOME``; on Windows it is the registry and on macOS
    a plist, which no folder redirects. CoPDesk builds its settings in the default format
    (:func:`copdesk.paths.user_settings`), so INI as the default keeps a test off the registry and plists too.
    """
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(settings_format, QSettings.Scope.SystemScope, str(folder / "system"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``posix_only`` (Unix modes, signals, resource limits) are skipped on Windows."""
    if os.name == "posix":
        return
    skip = pytest.mark.skip(reason="needs POSIX (modes, signals or resource limits)")
    for item in items:
        if item.get_closest_marker("posix_only"):
            item.add_marker(skip)


def migrations_up_to(folder: Path, version: int) -> Path:
    """A folder in ``folder`` holding the migrations up to ``version`` alone: a database opened with it is one an
    older CoPDesk, of that schema, left behind."""
    old = folder / f"migrations-{version}"
    old.mkdir()
    for migration in paths.migrations_dir().glob("*.sql"):
        if int(migration.name[:4]) <= version:
            shutil.copy(migration, old)
    return old


def running_as_root() -> bool:
    """Root ignores file modes, so tests of a read-only folder skip there; Windows has no root."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def identifier_check_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """From now on, each span of text (start, end) the identifier check reads for identifiers, in order."""
    read: list[tuple[int, int]] = []
    marks = privacy.find_marks

    def recorded(text: str, start: int, stop: int, endpos: int) -> list[privacy.Mark]:
        read.append((start, endpos))
        return marks(text, start, stop, endpos)

    monkeypatch.setattr(identifier_check, "find_marks", recorded)
    return read


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The shipped question bank, read once per test module."""
    return load_bank(paths.resource_path("questions"))


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A path for a fresh database in its own folder, per test."""
    yield tmp_path / "data" / "copdesk.db"


@pytest.fixture(autouse=True)
def modal_message_boxes_fail_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody answers would block a test run for ever; an unexpected one fails the test instead.

    Tests that expect one replace the static function, or ``exec``, themselves (their monkeypatch comes later and
    wins).
    """
    from PySide6.QtWidgets import QMessageBox

    def unexpected(kind: str) -> Callable[..., object]:
        def fail(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> object:
            raise AssertionError(f"unexpected modal QMessageBox.{kind}: {title}: {text}")

        return fail

    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))

    def unexpected_box(box: QMessageBox) -> int:  # a MessageBox asked with exec, as views/widgets/forms.py does
        raise AssertionError(f"unexpected modal message box: {box.windowTitle()}: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected_box)
