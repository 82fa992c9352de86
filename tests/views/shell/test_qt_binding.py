"""Guard the pinned Qt binding: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call
that returns None (PYSIDE-3474), and a long meeting then aborts with ``none_dealloc``. A pin bump that
brings such a build back must fail here, not in front of a team."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot


def test_calls_returning_none_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50, f"references to None fell from {before} to {after}"
