"""Prepare view, issue suggestions and session-record export on the ten-year database, largest team.

Runs on a temporary copy of ``bench/out/history.db`` (an export writes an audit row). Each figure is the
median (and the slowest) of ``--runs`` repetitions after one warm-up, timed with ``time.perf_counter``:

* Prepare view, refresh: what the window runs when the Prepare view is shown again or the team changes, through
  its own panes (``ReviewPanel.refresh`` and ``ParticipationHistory.refresh``: every query, the models, the labels;
  offscreen), with the goal of 50 ms;
* issue suggestion: ``store.search.suggest_issues`` (FTS5) for what a facilitator types into the Issue tab;
* session-record export: the record of the team's latest session built, written through QSaveFile in each
  format and the export logged, as File > Export session record does;
* a session record with 1 MB of notes (its free text a 1 MB string with nowhere to break) to PDF, timed once
  (goal: at most 5 s; it took minutes before the PDF's layout soft-wrapped such strings).

Figures only, never pass/fail.

    python bench/review.py [--runs 30] [--db bench/out/history.db]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from copdesk import paths
from copdesk.app import create_window
from copdesk.core.question_bank import load_bank
from copdesk.core.record import RECORD_DOCUMENT, record_title
from copdesk.output import save_rendered
from copdesk.sandbox import sandbox_folder
from copdesk.store.records import session_record
from copdesk.store.review import review_pack
from copdesk.store.search import suggest_issues

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "bench" / "out" / "history.db"
TYPED = (
    "carer assessment",
    "hospital discharge delays",
    "safeguarding referral front door",
    "interpreter",
    "housing finances advocacy support",
    "isolation in the community",
)
GOALS_MS = {"prepare": 50.0, "suggest": 20.0, "export": 200.0, "megabyte_pdf": 5000.0}
MEGABYTE = 1_000_000


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm-up: the page cache and Python's own caches, as after the first use in a day
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def line(label: str, samples: list[float], goal: float | None = None) -> None:
    median = statistics.median(samples)
    against = f"  goal {goal:.0f} ms: {median / goal:.2f}x of it" if goal else ""
    print(f"  {label:<44} median {median:7.2f} ms, slowest {max(samples):7.2f} ms{against}")


def largest_team(db: Database) -> tuple[int, str]:
    row = next(
        db.query(
            """SELECT team.id, team.name FROM team JOIN session ON session.team_id = team.id
               JOIN note ON note.session_id = session.id GROUP BY team.id ORDER BY count(*) DESC, team.id LIMIT 1"""
        )
    )
    return int(row["id"]), str(row["name"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/make_history.py first.")
        return 0
    runs: int = args.runs
    with sandbox_folder(prefix="copdesk-review-") as folder:
        db_path = folder / "history.db"
        shutil.copyfile(args.db, db_path)
        app = QApplication([sys.argv[0]])
        window = create_window(db_path)
        db = window.context.db
        team_id, team_name = largest_team(db)
        window.reload_teams(team_id)
        now = datetime.now(UTC)
        bank = list(load_bank(paths.resource_path("questions")))
        latest = next(db.query("SELECT id FROM session WHERE team_id = ? ORDER BY started_at DESC LIMIT 1", [team_id]))[
            "id"
        ]
        counts = next(
            db.query(
                """SELECT (SELECT count(*) FROM session WHERE team_id = :t) AS sessions,
                   (SELECT count(*) FROM note JOIN session ON session.id = note.session_id WHERE team_id = :t) AS notes,
                   (SELECT count(*) FROM action WHERE team_id = :t) AS actions,
                   (SELECT count(*) FROM issue WHERE team_id = :t) AS issues""",
                {"t": team_id},
            )
        )
        print(
            f"{team_name}: {counts['sessions']} sessions, {counts['notes']:,} notes, {counts['actions']:,} actions, "
            f"{counts['issues']:,} issues; {runs} runs each"
        )

        def prepare_view() -> None:
            window.review_panel.refresh()
            window.participation_history.refresh()

        pack = review_pack(db, team_id, now, bank)
        print(
            f"  (the pack: {len(pack.open_actions)} open actions, {len(pack.recurring_issues)} recurring issues, "
            f"{len(pack.unused_questions)} unused questions)"
        )
        line("Prepare view, refresh (the panes' own)", timed(prepare_view, runs), GOALS_MS["prepare"])

        suggestions: list[float] = []
        for typed in TYPED:

            def suggest(typed: str = typed) -> None:
                suggest_issues(db, team_id, typed, session_id=latest)

            suggestions += timed(suggest, runs)
        line(f"issue suggestion ({len(TYPED)} phrases)", suggestions, GOALS_MS["suggest"])

        out = folder / "exports"
        out.mkdir()
        for file_format in ("md", "html", "json", "pdf"):

            def export(file_format: str = file_format) -> None:
                record = session_record(db, latest, with_names=True)
                target = out / f"session-record.{file_format}"
                save_rendered(target, RECORD_DOCUMENT.get(file_format), record, record_title(record))

            line(f"session-record export, {file_format}", timed(export, runs), GOALS_MS["export"])
        record = session_record(db, latest, with_names=True)
        big = dataclasses.replace(record, notes=("x" * MEGABYTE,))
        started = time.perf_counter()
        save_rendered(out / "megabyte.pdf", RECORD_DOCUMENT.get("pdf"), big, record_title(big))
        line(
            "session record, 1 MB unbroken note, to PDF",
            [(time.perf_counter() - started) * 1000],
            GOALS_MS["megabyte_pdf"],
        )
        window.close()
        db.close()
        del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
