"""SQLite persistence through sqlite-utils. Imports ``core`` for its records, never ``views``.

Repository modules take a :class:`sqlite_utils.Database` as their first argument. Only the composition root
(``copdesk.app``, through ``copdesk.startup``) and the CLI open one, with :mod:`copdesk.store.connection`; views never
do, and services are handed it (those that must have the file closed or to themselves take its path).
"""
