"""Launcher: ``python main.py [--db PATH]`` runs the app, ``python main.py SUBCOMMAND`` the CLI."""

from copdesk.app import run_from_command_line

raise SystemExit(run_from_command_line())
