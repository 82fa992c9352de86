"""Where CoPDesk's data lives, and where its shipped assets are found.

The database path is a stable interface: ``--db PATH``, else ``$COPDESK_DB``, else (in the app) the folder the
user chose, else ``QStandardPaths.AppLocalDataLocation/copdesk.db`` with applicationName ``copdesk``: on Windows
the *local* AppData, not the roaming one, which folder redirection often puts on a network share where SQLite's
write-ahead log is not safe. CoPDesk 0.1 used ``AppDataLocation`` (roaming); a database found there, and none in
the new place, is used where it is, never left behind. On Linux and macOS the two locations are the same folder.

Shipped folders (``db/`` and ``resources/``) sit in ``copdesk/_data/`` inside an installed wheel and inside the
standalone bundle (PyInstaller puts them there, see ``packaging/copdesk.spec``), and at the top of a source
checkout in an editable install.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

APPLICATION_NAME = "copdesk"
DATABASE_FILENAME = "copdesk.db"
ENVIRONMENT_VARIABLE = "COPDESK_DB"
REMEMBERED_LOCATION = "dataLocation"  # in user_settings(): the database chosen when the default could not be used

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def _standard_location(name: str) -> Path:
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setOrganizationName("")
    return Path(QStandardPaths.writableLocation(getattr(QStandardPaths.StandardLocation, name)))


def default_data_dir() -> Path:
    """The per-user, per-computer (not roaming) application data folder Qt chooses for this platform."""
    return _standard_location("AppLocalDataLocation")


def earlier_data_dirs() -> list[Path]:
    """Default folders of earlier CoPDesk versions, newest first: 0.1 used the (roaming) AppDataLocation."""
    return [_standard_location("AppDataLocation")]


def default_db_path() -> Path:
    """The default database: in :func:`default_data_dir`, unless only an earlier default folder holds one."""
    current = default_data_dir() / DATABASE_FILENAME
    if current.exists():
        return current
    earlier = (folder / DATABASE_FILENAME for folder in earlier_data_dirs())
    return next((path for path in earlier if path != current and path.exists()), current)


def user_settings() -> QSettings:
    """CoPDesk's QSettings (window state, the remembered data folder, one-time warnings).

    Built in ``QSettings.defaultFormat()``: the registry on Windows and a plist on macOS for the app, as Qt's
    native format is; tests and the screenshot sandbox set an INI default with a folder of their own, so nothing
    they do reaches the user's registry or preferences.
    """
    from PySide6.QtCore import QSettings

    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, APPLICATION_NAME, APPLICATION_NAME)


def resolve_db_path(cli_value: str | os.PathLike[str] | None, environ: Mapping[str, str] | None = None) -> Path:
    """Apply the documented order: the command line wins, then the environment, then the platform default."""
    env = os.environ if environ is None else environ
    if cli_value:
        return followed(Path(cli_value).expanduser())
    if env.get(ENVIRONMENT_VARIABLE):
        return followed(Path(env[ENVIRONMENT_VARIABLE]).expanduser())
    return followed(default_db_path())


def named_explicitly(cli_value: str | None) -> bool:
    """Whether ``--db`` or ``$COPDESK_DB`` names the database: then no remembered folder applies, nor is one kept."""
    return bool(cli_value or os.environ.get(ENVIRONMENT_VARIABLE))


def chosen_db_path(cli_value: str | None) -> Path:
    """The database the window and the command line both use: ``--db``, else ``$COPDESK_DB``, else the folder the
    user chose in the window when the default could not be used (:data:`REMEMBERED_LOCATION`), else the default."""
    if named_explicitly(cli_value):
        return resolve_db_path(cli_value)
    remembered = str(user_settings().value(REMEMBERED_LOCATION, "") or "")
    return followed(Path(remembered)) if remembered else resolve_db_path(None)


def followed(db_path: Path) -> Path:
    """The file a database path that is a symbolic link points to, else the path: the instance lock and the backups
    folder beside the database must be the real file's, or a second name for it would get a lock and backups of
    its own (and a second window, and an erasure that misses the backups)."""
    return Path(os.path.realpath(db_path)) if db_path.is_symlink() else db_path


def asset_dir(name: str) -> Path:
    """Find a shipped folder (``db`` or ``resources``) in the wheel, else in the checkout."""
    packaged = resources.files("copdesk").joinpath("_data", name)
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _CHECKOUT_ROOT / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"CoPDesk's {name}/ folder is missing from this installation; reinstall CoPDesk.")


def migrations_dir() -> Path:
    return asset_dir("db")


def resource_path(*parts: str) -> Path:
    return asset_dir("resources").joinpath(*parts)
