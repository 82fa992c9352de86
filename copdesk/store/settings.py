"""Small key-value settings that belong with the data (thresholds), not with the machine (QSettings)."""

from __future__ import annotations

from sqlite_utils import Database

QUIET_AFTER_MINUTES = "quiet_after_minutes"
RECURRING_ISSUE_THRESHOLD = "recurring_issue_threshold"
DEMO_DATA = "demo_data"  # "fictional" in a database the demo history was written into

DEFAULTS: dict[str, str] = {QUIET_AFTER_MINUTES: "15", RECURRING_ISSUE_THRESHOLD: "3", DEMO_DATA: ""}


def get_setting(db: Database, key: str) -> str:
    row = next(db.query("SELECT value FROM setting WHERE key = ?", [key]), None)
    return str(row["value"]) if row else DEFAULTS[key]


def get_int_setting(db: Database, key: str) -> int:
    return int(get_setting(db, key))


def is_demo(db: Database) -> bool:
    """Whether the database holds the fictional demo history (written by :func:`copdesk.store.demo.fill_demo`)."""
    return get_setting(db, DEMO_DATA) == "fictional"


def set_setting(db: Database, key: str, value: str) -> None:
    """One statement, not sqlite-utils' upsert: that runs INSERT OR IGNORE then UPDATE, and on a full disk the
    ignored insert let the change vanish without an error."""
    db.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
