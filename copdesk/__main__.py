"""``python -m copdesk`` behaves like ``python main.py``."""

from copdesk.app import run_from_command_line

raise SystemExit(run_from_command_line())
