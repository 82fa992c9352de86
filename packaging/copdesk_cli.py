"""The bundle's console launcher (``copdesk-cli``): the same entry point as the wheel's console script."""

from copdesk.cli import main

raise SystemExit(main())
