"""Regenerate the screenshots in docs/ (``make screenshots``): the real window, offscreen, at 1366x768.

The window runs on a temporary database filled with the fictional demo data. The Live and share-safe
screenshots start a session through the real start dialog, on a clock the script moves forward, so the
session is mid-way with a segment in amber.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from copdesk.sandbox import demo_database, laptop_window, sandbox_folder, start_session  # noqa: E402
from copdesk.store import teams  # noqa: E402
from copdesk.views.shell.main_window import MainWindow  # noqa: E402

# Minutes each earlier segment really took (a little over, as sessions go), then how far into the current one.
SEGMENT_MINUTES_TAKEN = (6, 5, 12, 8)
MINUTES_INTO_REFLECTION = 18.5
# Contributions so far for each person present, in tile order; the last has not spoken yet.
CONTRIBUTIONS_BY_TILE = (5, 3, 4, 2, 1, 3, 0)
SHARED_QUESTION = "What approaches have others taken with similar situations?"


def settle(app: QApplication) -> None:
    """Let the layout finish before a grab: a pane that asks for more height (a question of two lines) gets it only
    after the events its request posts, as the real event loop delivers them at once."""
    for _ in range(5):
        app.processEvents()


class ScriptClock:
    """A monotonic clock the script moves, so the timer is mid-session without waiting for it."""

    def __init__(self) -> None:
        self.seconds = 10_000.0

    def __call__(self) -> float:
        return self.seconds


def talk_through_reflection(window: MainWindow, clock: ScriptClock) -> None:
    """The reflective discussion so far, tallied in the participation pane as the facilitator would.

    Contributions per tile (name order) are uneven, as real discussions are; each person's turns fall in the
    last rounds, so everyone who spoke was heard recently and only the one who has not spoken shows as quiet.
    """
    panel = window.participation_panel
    members = [panel.visible_roster.member_at(row) for row in range(panel.visible_roster.rowCount())]
    counts = dict(zip(members, CONTRIBUTIONS_BY_TILE, strict=False))
    rounds = max(counts.values())
    turns = [m for r in range(rounds) for m, count in counts.items() if m is not None and count >= rounds - r]
    step = MINUTES_INTO_REFLECTION * 60 / (len(turns) + 1)
    for member_id in turns:
        clock.seconds += step
        panel.choose(member_id)
    clock.seconds += step


def live_and_share(app: QApplication, db_path: Path) -> None:
    clock = ScriptClock()
    window = laptop_window(db_path, clock=clock)
    flow = window.session_flow
    team = window.current_team()
    assert team is not None
    start_session(
        window,
        present=[member.display_name for member in teams.list_members(window.context.db, team.id)][:-1],
        topic="Least restrictive options after a fall at home",
    )
    for minutes in SEGMENT_MINUTES_TAKEN:
        clock.seconds += minutes * 60
        flow.next_segment()
    talk_through_reflection(window, clock)
    if not flow.share_view.question:
        window.live_session.question_shown.emit(SHARED_QUESTION)
    flow.live_timer.refresh()
    settle(app)
    window.grab().save(str(DOCS / "screenshot-live.png"))
    print(f"wrote {DOCS / 'screenshot-live.png'}")
    flow.actions.share_view.setChecked(True)
    flow.share_view.resize(1280, 720)
    settle(app)
    flow.share_view.grab().save(str(DOCS / "screenshot-share.png"))
    print(f"wrote {DOCS / 'screenshot-share.png'}")
    window.close()


def schedule(app: QApplication, db_path: Path) -> None:
    """The series editor over the Prepare view, with the Spotlight series chosen."""
    from copdesk.views.calendar.series_dialog import SeriesDialog

    window = laptop_window(db_path)
    team = window.current_team()
    assert team is not None
    dialog = SeriesDialog(window.context, team, window)
    dialog.show()
    dialog.series_view.setCurrentIndex(dialog.series_model.index(1))
    settle(app)
    dialog.grab().save(str(DOCS / "screenshot-schedule.png"))
    print(f"wrote {DOCS / 'screenshot-schedule.png'}")
    dialog.close()
    window.close()


def main() -> None:
    with sandbox_folder() as folder:
        db_path = demo_database(folder)
        app = QApplication([])
        app.setStyle("Fusion")
        window = laptop_window(db_path)
        settle(app)
        window.grab().save(str(DOCS / "screenshot-prepare.png"))
        print(f"wrote {DOCS / 'screenshot-prepare.png'}")
        window.close()
        live_and_share(app, db_path)
        schedule(app, db_path)


if __name__ == "__main__":
    main()
