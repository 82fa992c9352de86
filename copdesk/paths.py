"""Where CoPDesk's data lives, and where its shipped assets are found.

The database path is a stable interface: ``--db PATH``, else ``$COPDESK_DB``, else
``QStandardPaths.AppDataLocation/copdesk.db`` with applicationName ``copdesk``.
Shipped folders (``db/`` and ``resources/``) sit in ``copdesk/_data/`` inside an installed wheel,
and at the top of a source checkout in an editable install.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

APPLICATION_NAME = "copdesk"
DATABASE_FILENAME = "copdesk.db"
ENVIRONMENT_VARIABLE = "COPDESK_DB"

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def default_data_dir() -> Path:
    """The per-user application data folder Qt chooses for this platform."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setOrganizationName("")
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def resolve_db_path(cli_value: str | os.PathLike[str] | None, environ: Mapping[str, str] | None = None) -> Path:
    """Apply the documented order: the command line wins, then the environment, then the platform default."""
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get(ENVIRONMENT_VARIABLE):
        return Path(env[ENVIRONMENT_VARIABLE]).expanduser()
    return default_data_dir() / DATABASE_FILENAME


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
