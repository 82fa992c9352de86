"""An adversary's sweep of CoPDesk's data care: erase and retention under injected faults, then every byte checked.

Each case builds a realistic history (two teams, three years of fortnightly sessions with notes, tallies, actions
and issues; backups, a legacy and a nested copy, a quarantined copy with its -wal), injects faults, runs
``copdesk-cli erase`` or ``retention`` as a person would, and finishes the job the way the command says to (a rerun,
``--delete-damaged``). Then it counts what must be zero: markers of erased or deleted rows found in the raw bytes of
ANY file under the data folder (-wal and leftovers included), and databases that fail SQLite's integrity check.

Faults injected: kill -9 at a random moment (several per case), a damaged backup (each kind of damage of
``tests/reliability/conftest.py``), another program holding a read snapshot, leftover ``.partial`` and ``.scrubbing``
files of an interrupted run, and a member renamed after a backup was taken.

    python -m tests.reliability.sweep [--cases N] [--seed S]

prints the figures; ``tests/reliability/test_data_care_sweep.py`` runs a few cases on every test run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from copdesk import paths  # noqa: E402
from copdesk.core.model import NoteKind, ReviewOutcome, Role, SessionKind  # noqa: E402
from copdesk.store import actions, issues, notes, participation, sessions, teams  # noqa: E402
from copdesk.store.backup import backup_to  # noqa: E402
from copdesk.store.backup_catalogue import BackupKind, new_backup_path  # noqa: E402
from copdesk.store.connection import open_database  # noqa: E402

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
ERASED = "Zephyrine Quartermaine"  # the member to erase: fictional, and in no other text
OLD_NAME = "Zefirine Quatermain"  # her name before a typo fix, in an older backup
ROSTERS = {
    "Harbour Team": ("Ash Lee", "Bo Day", "Noor Haddad", "Kit Marlowe", ERASED),
    "Quay Team": ("Ash Lee", "Bo Day", "Rae Okoro", "Sol Brandt"),
}
CORRUPTIONS = ("overwritten-page", "truncated", "zero-bytes", "random-bytes", "text-file")
RETENTION_MONTHS = 12
FAULTS = ("damaged", "reader", "none")  # besides the kills, the rename and the leftovers every case has


@dataclass
class Figures:
    cases: int = 0
    faults: int = 0
    found: list[str] = field(default_factory=list)  # "case: marker in file"
    damaged: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"cases tried: {self.cases} · faults injected: {self.faults} · erased or deleted rows found in any file: "
            f"{len(self.found)} · databases damaged: {len(self.damaged)}"
        )


def build_history(db_path: Path, rng: random.Random, *, years: int = 3) -> list[str]:
    """A realistic history in one transaction; returns the markers of what retention must delete (old notes)."""
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    db = opened.db
    old_markers: list[str] = []
    cutoff = NOW - timedelta(days=30 * RETENTION_MONTHS + 31)
    with db.atomic():
        for team_name, roster in ROSTERS.items():
            start = NOW - timedelta(days=365 * years)
            team = teams.create_team(db, team_name, [(name, Role.PRACTITIONER) for name in roster], start)
            members = teams.list_members(db, team.id)
            for number in range(26 * years):
                when = start + timedelta(days=14 * number)
                session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, when, planned_start=when)
                sessions.set_attendance(db, session.id, [m.id for m in members])
                sessions.start_session(db, session.id, when, ground_rules_agreed=True)
                for _ in range(rng.randint(8, 20)):
                    who = rng.choice(members)
                    participation.add_contribution(db, session.id, who.id, when + timedelta(minutes=rng.randint(1, 59)))
                marker = f"obsidianfjord-{team.id}-{number}" if when < cutoff else f"kept note {team.id}-{number}"
                notes.add_note(db, session.id, NoteKind.NOTE, f"Reflection {marker}: supervision and caseloads", when)
                if when < cutoff:
                    old_markers.append(marker)
                action = actions.add_action(
                    db, team.id, f"Share the reading list {number}", when, origin_session_id=session.id,
                    owner_member_id=members[number % len(members)].id,
                )  # fmt: skip
                if number % 2 == 0:
                    actions.review_action(db, action.id, session.id, ReviewOutcome.DONE, when, f"done by {roster[-1]}")
                if number % 3 == 0 and ERASED in roster:
                    actions.add_action(db, team.id, f"Call back {number}", when, owner_name=ERASED)
                if number % 5 == 0:
                    issues.add_issue(db, team.id, f"Duty cover, week {number}", session.id, when)
                sessions.end_session(db, session.id, when + timedelta(hours=1))
    db.close()
    return old_markers


def take_backup(db_path: Path, days_ago: int) -> Path:
    conn = sqlite3.connect(db_path)
    try:
        return backup_to(conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=days_ago)))
    finally:
        conn.close()


def rename(db_path: Path, old: str, new: str) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE member SET display_name = ?, name_key = lower(?) WHERE display_name = ?", [new, new, old])
    conn.commit()
    conn.close()


def lay_out_copies(db_path: Path, rng: random.Random) -> int:
    """Backups (one under the member's old name), a nested and a legacy copy, a quarantined copy with its -wal, and
    the leftovers of an interrupted run; returns the faults this counts as (the rename and the leftovers)."""
    rename(db_path, ERASED, OLD_NAME)
    take_backup(db_path, days_ago=400)
    rename(db_path, OLD_NAME, ERASED)
    newest = take_backup(db_path, days_ago=2)
    take_backup(db_path, days_ago=1)
    data = db_path.parent
    nested = data / "backups" / db_path.name / "kept by hand" / newest.name
    quarantined = data / "quarantine" / f"20260101T000000Z-{db_path.name}"
    for copy in (nested, quarantined):
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(newest, copy)
    leftover = rng.choice([f".{newest.name}.partial", f".{newest.name}.scrubbing"])
    shutil.copyfile(newest, newest.with_name(leftover))
    return 2


def corrupt(path: Path, kind: str) -> None:
    page = 4096
    if kind == "overwritten-page":
        with path.open("r+b") as handle:
            handle.seek(2 * page)
            handle.write(b"\xde\xad\xbe\xef" * (page // 4))
    elif kind == "truncated":
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size // 2 // page * page + 100)
    elif kind == "zero-bytes":
        path.write_bytes(b"")
    elif kind == "random-bytes":
        path.write_bytes(os.urandom(3 * page))
    else:
        path.write_text("Minutes of the team meeting\n" * 200, encoding="utf-8")


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "main.py"), *args]
    return subprocess.run(  # the CLI writes UTF-8 to a pipe on every system (copdesk/console.py)
        command, capture_output=True, text=True, encoding="utf-8", env=child_env(), timeout=300, check=False
    )


def killed_at(args: list[str], delay: float) -> bool:
    """Start the command and kill -9 it after ``delay`` seconds; whether it was still running (the kill landed)."""
    command = [sys.executable, str(ROOT / "main.py"), *args]
    child = subprocess.Popen(command, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + delay
    while child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    landed = child.poll() is None
    if landed:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return landed


def scan(folder: Path, markers: list[str]) -> list[str]:
    """Each marker found in the raw bytes of any file under ``folder``, as "marker in file"."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes().lower()
            found += [f"{m} in {path.relative_to(folder)}" for m in markers if m.lower().encode() in data]
    return found


def damaged(folder: Path) -> list[str]:
    """Every SQLite database under ``folder`` that fails its integrity check (the live one, its copies)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.endswith(("-wal", "-shm", "-journal", ".lock", ".json")):
            continue
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                continue
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error as exc:
            result = str(exc)
        if result != "ok":
            found.append(f"{path.relative_to(folder)}: {result}")
    return found


def run_case(folder: Path, kind: str, rng: random.Random, figures: Figures, fault: str | None = None) -> None:
    """One case: history, copies, a fault (``damaged``, ``reader`` or ``none``; chosen at random unless given), the
    command killed at random moments, then rerun as it says, and the checks."""
    db_path = folder / "data" / "copdesk.db"
    old_markers = build_history(db_path, rng)
    figures.faults += lay_out_copies(db_path, rng)
    if kind == "erase":
        args = ["erase", "--team", "Harbour Team", "--member", ERASED, "--yes", "--db", str(db_path)]
        markers = [ERASED, OLD_NAME, "Quartermaine", "Quatermain"]
    else:
        args = ["retention", "--months", str(RETENTION_MONTHS), "--yes", "--db", str(db_path)]
        markers = old_markers
    if not scan(db_path.parent, markers):
        raise AssertionError("the markers the checks look for are missing from the data before the run")
    duration = _calibrate(folder, db_path, args)
    fault = fault or rng.choice(FAULTS)
    if fault == "damaged":
        copies = sorted((db_path.parent / "backups" / db_path.name).glob("auto-*.db"))
        corrupt(rng.choice(copies), rng.choice(CORRUPTIONS))
        figures.faults += 1
    elif fault == "reader":  # another program holds a read snapshot through a first, refused run
        reader = sqlite3.connect(db_path)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM note").fetchone()
        cli(*args)
        reader.close()
        figures.faults += 1
    for _ in range(rng.randint(2, 4)):  # kill -9 at random moments; each run finishes what the last left pending
        figures.faults += killed_at(args, rng.uniform(0.0, duration))
    final = cli(*args, "--delete-damaged")
    finished = final.returncode == 0 and not _pending(db_path)
    figures.cases += 1
    if not finished:
        figures.damaged.append(f"{kind} case {figures.cases}: the last rerun failed: {final.stderr.strip()}")
    figures.found += [f"{kind} case {figures.cases}: {hit}" for hit in scan(db_path.parent, markers)]
    figures.damaged += [f"{kind} case {figures.cases}: {hit}" for hit in damaged(db_path.parent)]


def _calibrate(folder: Path, db_path: Path, args: list[str]) -> float:
    """How long the command takes on a copy of this data folder: kills are spread over that time."""
    scratch = folder / "calibration"
    shutil.copytree(db_path.parent, scratch)
    started = time.monotonic()
    cli(*[str(scratch / db_path.name) if arg == str(db_path) else arg for arg in args])
    duration = time.monotonic() - started
    shutil.rmtree(scratch)
    return duration


def _pending(db_path: Path) -> bool:
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return bool(conn.execute("SELECT count(*) FROM pending_care WHERE finished_at IS NULL").fetchone()[0])
    finally:
        conn.close()


def sweep(cases: int, seed: int, report: Callable[[str], None] = print) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    for number in range(cases):
        kind = "erase" if number % 2 == 0 else "retention"
        with tempfile.TemporaryDirectory(prefix="copdesk-sweep-") as folder:
            run_case(Path(folder), kind, rng, figures)
        report(f"case {number + 1}/{cases} ({kind}): {figures.line()}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=12, help="how many cases to try (default 12)")
    parser.add_argument("--seed", type=int, default=15, help="random seed, for a repeatable sweep")
    args = parser.parse_args()
    figures = sweep(args.cases, args.seed)
    for line in figures.found + figures.damaged:
        print(f"  {line}")
    print(figures.line())
    return 0 if not figures.found and not figures.damaged else 1


if __name__ == "__main__":
    raise SystemExit(main())
