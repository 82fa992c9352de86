"""``python -m copdesk.cli`` behaves like ``copdesk-cli``."""

from copdesk.cli import main

raise SystemExit(main())
