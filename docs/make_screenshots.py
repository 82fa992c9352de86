"""Regenerate the screenshots in docs/ (``make screenshots``): the real window, offscreen, at 1366x768.

The window runs on a temporary database filled with the fictional demo data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from copdesk import paths  # noqa: E402
from copdesk.app import create_window  # noqa: E402
from copdesk.store.connection import open_database  # noqa: E402
from copdesk.store.demo import bank_questions, fill_demo  # noqa: E402

SIZE = (1366, 768)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)
        db_path = Path(tmp) / "demo.db"
        opened = open_database(db_path, paths.migrations_dir())
        fill_demo(opened.db, datetime.now(UTC), bank_questions(paths.resource_path("questions")))
        opened.db.close()

        app = QApplication([])
        app.setStyle("Fusion")
        window = create_window(db_path)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        window.grab().save(str(DOCS / "screenshot-prepare.png"))
        print(f"wrote {DOCS / 'screenshot-prepare.png'}")
        window.close()


if __name__ == "__main__":
    main()
