"""SQLite persistence through sqlite-utils. Imports ``core`` for its records, never ``views``.

Repository modules take a :class:`sqlite_utils.Database` as their first argument; the
composition root (``copdesk.app``) opens it once with :func:`copdesk.store.connection.open_database`.
"""
