"""Errors the store raises instead of touching a file it should not.

Each carries a one-line message that says what is wrong and what to do, fit to print from the CLI
or to show in a dialog unchanged.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: the database was not opened or not changed, and the message says why."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


def in_words(exc: BaseException) -> str:
    """A failure in a few words: a store error's message, the system's words for a file error ("No space left on
    device"), or else the exception's own (SQLite's)."""
    if isinstance(exc, StoreError):
        return exc.message
    return f"{getattr(exc, 'strerror', None) or exc}"


class LocationError(StoreError):
    """The path cannot hold a database: its parent is a file, or the folder is read-only."""


class UnsafeOutputError(LocationError):
    """An output path that would replace a database, or is not a file at all; nothing was written."""


class NotADatabaseError(StoreError):
    """The file exists but is not an SQLite database (empty, text, random bytes)."""


class CorruptDatabaseError(StoreError):
    """The file is an SQLite database that fails ``quick_check``."""


class InterruptedWriteError(StoreError):
    """A read-only open found a write that a crash cut short; a read-write open undoes it first."""


class NewerSchemaError(StoreError):
    """The database was written by a newer CoPDesk than this one."""


class OlderSchemaError(StoreError):
    """A command that only reads was given a database an older CoPDesk wrote: it needs ``copdesk-cli upgrade``."""


class MigrationError(StoreError):
    """A schema migration failed; the database stays at its previous version."""


class WriteRefusedError(StoreError):
    """A write was refused by the disk or the file and rolled back whole; the same write can be retried later."""


class DatabaseBusyError(WriteRefusedError):
    """Another program holds the database locked for longer than the busy timeout."""


class StorageFullError(WriteRefusedError):
    """The disk (or the database's size limit) is full; the change was rolled back."""


class ReadOnlyDatabaseError(WriteRefusedError):
    """The database file (or its folder) became read-only after it was opened; the change was rolled back."""


class DiskWriteError(WriteRefusedError):
    """The disk reported an input/output error; the change was rolled back."""
