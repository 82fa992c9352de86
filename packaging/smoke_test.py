"""Smoke test of a built bundle: ``python packaging/smoke_test.py dist/CoPDesk``.

Run by the test suite (``tests/test_bundle.py``, on the bundle it builds), by ``make smoke``, and by the release
workflow on Windows, macOS and Linux. It uses only the bundle's two executables, from a fresh home folder, as a
facilitator's laptop would, and prints one line per check; it exits 1 at the first check that fails.

1. ``copdesk-cli demo`` writes the demo database: the migrations and the question bank were found in the bundle;
2. ``check`` says ``ok``: the integrity check, and the question bank, agendas and ground rules all load;
3. ``review --json`` prints JSON that parses;
4. ``export 1 --format pdf`` writes a real PDF (Qt's PDF writer and fonts are in the bundle), and ``schedule
   --format ics`` an invitation file whose times name a zone of the time zone database, read from the bundle's own
   copy of it (Windows has none of its own);
5. the stylesheet and every icon of the checkout are in the bundle's ``copdesk/_data``;
6. the windowed ``CoPDesk`` starts (offscreen) on the database and shows its window: the start-up backup, which
   the app takes only once the Prepare view has painted, appears beside the database. It is then stopped as the
   system would stop it (SIGTERM; on Windows, which has none, the process is ended) and must leave no process
   and, on POSIX, no lock file.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zoneinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 120  # a generous ceiling for a cold start on a busy CI machine; not a performance check
EXE = ".exe" if sys.platform == "win32" else ""


class SmokeFailure(Exception):
    pass


def fresh_environment(home: Path) -> dict[str, str]:
    """A home of its own on every platform: nothing of the user's settings or data is read or written."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("COPDESK_", "PYTHON"))}
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=300, check=False
    )
    if result.returncode != 0:
        raise SmokeFailure(f"{' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")
    return result


def check_command_line(cli: str, db: Path, work: Path, env: dict[str, str]) -> None:
    demo = run([cli, "demo", "--db", str(db)], env)
    print(f"demo: {demo.stdout.strip()}")
    check = run([cli, "check", "--db", str(db)], env)
    if check.stdout.strip() != "ok":
        raise SmokeFailure(f"check said {check.stdout!r}")
    print("check: ok")
    review = json.loads(run([cli, "review", "--json", "--db", str(db)], env).stdout)
    print(f"review --json: parsed, team {review['team']!r}, {len(review['open_actions'])} open actions")
    pdf = work / "record.pdf"
    run([cli, "export", "1", "--format", "pdf", "-o", str(pdf), "--db", str(db)], env)
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SmokeFailure(f"{pdf} is not a PDF")
    print(f"export --format pdf: a {len(data):,}-byte PDF")
    invitations = work / "invitations.ics"
    team = review["team"]
    # Only the bundle's own zone files (PYTHONTZPATH empty), as on Windows, which has none: without them icalendar
    # cannot even write UTC, and the export fails.
    command = [cli, "schedule", "--team", team, "--format", "ics", "-o", str(invitations), "--db", str(db)]
    run(command, {**env, "PYTHONTZPATH": ""})
    lines = invitations.read_text(encoding="utf-8").splitlines()
    zones = {line.removeprefix("TZID:") for line in lines if line.startswith("TZID:")}
    if not zones or not zones <= zoneinfo.available_timezones():
        raise SmokeFailure(f"{invitations} names no zone of the time zone database: {sorted(zones)}")
    print(f"schedule --format ics: times in {', '.join(sorted(zones))}, from the bundle's time zone database")


def check_shipped_files(bundle: Path) -> None:
    # A macOS .app keeps its executables in Contents/MacOS and its data beside them, under Contents.
    top = bundle.parent if bundle.name == "MacOS" and bundle.parent.name == "Contents" else bundle
    found = sorted(top.rglob("copdesk/_data/resources"))
    if not found:
        raise SmokeFailure(f"no copdesk/_data/resources in {top}")
    shipped = found[0]
    wanted = [
        Path("style") / "copdesk.qss",
        *(Path("icons") / p.name for p in (ROOT / "resources" / "icons").glob("*")),
    ]
    missing = [str(p) for p in wanted if not (shipped / p).is_file()]
    if missing or not (shipped.parent / "db" / "0001_initial.sql").is_file():
        raise SmokeFailure(f"missing from the bundle: {missing or 'db/'}")
    where = shipped.parent.relative_to(top)
    print(f"assets: the stylesheet, {len(wanted) - 1} icons and the migrations are in {where}")


def check_window(gui: str, db: Path, env: dict[str, str]) -> None:
    lock = db.with_name(db.name + ".lock")
    backups = db.parent / "backups" / db.name
    started = time.monotonic()
    child = subprocess.Popen(
        [gui, "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    try:
        while not list(backups.glob("auto-*.db")):
            if child.poll() is not None:
                raise SmokeFailure(
                    f"CoPDesk ended with {child.returncode} before showing its window: {child.communicate()[1]}"
                )
            if time.monotonic() - started > START_TIMEOUT_S:
                raise SmokeFailure(f"CoPDesk showed no window within {START_TIMEOUT_S} s")
            time.sleep(0.05)
        shown = time.monotonic() - started
        if not lock.exists():
            raise SmokeFailure("CoPDesk was running without its instance lock")
        print(f"window: shown on the data ({shown:.1f} s to the start-up backup), holding {lock.name}")
        if sys.platform == "win32":
            child.terminate()  # Windows has no SIGTERM; log-off is commitDataRequest, tested in the suite
        else:
            child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if child.poll() is None:
        raise SmokeFailure("CoPDesk is still running")
    if sys.platform != "win32":
        if code != 0:
            raise SmokeFailure(f"CoPDesk exited {code} on SIGTERM: {child.stderr.read() if child.stderr else ''}")
        if lock.exists():
            raise SmokeFailure(f"{lock.name} was left behind")
        print("SIGTERM: exited 0, no process and no lock file left")
    else:
        print(f"ended: no process left (exit code {code})")


def smoke_test(bundle: Path) -> None:
    cli, gui = str(bundle / f"copdesk-cli{EXE}"), str(bundle / f"CoPDesk{EXE}")
    for executable in (cli, gui):
        if not Path(executable).is_file():
            raise SmokeFailure(f"{executable} is missing")
    with tempfile.TemporaryDirectory(prefix="copdesk-smoke-") as folder:
        work = Path(folder)
        env = fresh_environment(work / "home")
        db = work / "data" / "copdesk.db"
        check_command_line(cli, db, work, env)
        check_shipped_files(bundle)
        check_window(gui, db, env)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/smoke_test.py BUNDLE_FOLDER (e.g. dist/CoPDesk)", file=sys.stderr)
        return 2
    try:
        smoke_test(Path(argv[0]).resolve())
    except (SmokeFailure, OSError, subprocess.SubprocessError, ValueError, KeyError) as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
