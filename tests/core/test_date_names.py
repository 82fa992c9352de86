"""Day and month names are English whatever the system's locale.

Qt sets the process's locale from the system's (``QCoreApplication`` calls ``setlocale``), and strftime's ``%A`` and
``%B`` follow it: on a laptop set to Welsh, "Tuesday 8 September" would become "Dydd Mawrth 8 Medi" inside
CoPDesk's English sentences. The check runs in a child process under a Welsh locale built for it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

import copdesk
from copdesk.core.date_names import day_name, long_date, month_name, short_date, short_date_time, time_on_day
from copdesk.core.dates import format_uk

WELSH = "cy_GB.UTF-8"
LOCALE_SOURCE = Path("/usr/share/i18n/locales/cy_GB")

CHILD = """
import datetime as dt
from PySide6.QtCore import QCoreApplication

app = QCoreApplication([])  # sets the process's locale from the environment, as the window's QApplication does
day = dt.date(2026, 9, 8)
assert f"{day:%A}" != "Tuesday", f"the locale did not take: {day:%A}"

from copdesk.core.dates import format_uk
from copdesk.core.date_names import long_date, short_date, short_date_time, time_on_day
from copdesk.core.full_weeks import MissingSession
from copdesk.core.record import format_local_datetime
from copdesk.core.schedule_words import describe
from copdesk.core.series_draft import missing_text

print(long_date(day))
print(format_uk(day))
print(format_local_datetime(dt.datetime(2026, 9, 8, 10, 0)))
print(describe("DTSTART:20260908T100000\\nRRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=+2TU"))
print(describe("DTSTART:20260908T100000\\nRRULE:FREQ=DAILY;COUNT=3"))
print(missing_text(MissingSession(dt.date(2026, 9, 1), 4, dt.date(2026, 10, 1))))
print(short_date(day))
print(short_date_time(dt.datetime(2026, 9, 8, 10, 0)))
print(time_on_day(dt.datetime(2026, 9, 8, 10, 0)))
"""


@pytest.fixture(scope="module")
def welsh_locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a compiled Welsh locale (for ``LOCPATH``), so the test needs none installed."""
    localedef = shutil.which("localedef")
    if localedef is None or not LOCALE_SOURCE.exists():
        pytest.skip("needs glibc's localedef and its locale sources (Debian's locales package)")
    folder = tmp_path_factory.mktemp("locales")
    subprocess.run([localedef, "-i", "cy_GB", "-f", "UTF-8", str(folder / WELSH)], capture_output=True, check=False)
    if not (folder / WELSH).is_dir():
        pytest.skip("localedef could not build the Welsh locale here")
    return folder


def test_dates_stay_english_under_a_welsh_locale(welsh_locales: Path) -> None:
    environment = {**os.environ, "LOCPATH": str(welsh_locales), "LC_ALL": WELSH, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.splitlines() == [
        "Tuesday 8 September 2026",
        "Tue 8 Sep 2026",
        "Tuesday 8 September 2026, 10:00",
        "2nd Tuesday of every 3rd month at 10:00 (from September 2026)",
        "Custom repeating rule from Tuesday 8 September 2026 at 10:00",
        "No 4th-week session in September 2026: that Thursday would be 1 October.",
        "8 Sep 2026",
        "8 Sep 2026 at 10:00",
        "10:00 on 8 September",
    ]


# strftime's codes that follow the locale: day and month names, the locale's own date and time forms, AM/PM.
LOCALE_CODES = re.compile(r"%[aAbBcxXp]")


def test_no_module_formats_a_date_in_the_systems_language() -> None:
    """Every day or month name comes from ``copdesk.core.date_names``; strftime's named codes appear nowhere else
    (the generated Designer forms hold no dates)."""
    package = Path(copdesk.__file__).parent
    found = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "date_names.py" and "forms" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if LOCALE_CODES.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("day", "names"),
    [
        (date(2026, 9, 8), ("Tuesday", "Tue", "September", "Sep")),
        (date(2027, 2, 28), ("Sunday", "Sun", "February", "Feb")),
        (datetime(2026, 12, 31, 23, 59), ("Thursday", "Thu", "December", "Dec")),
    ],
)
def test_names_of_days_and_months(day: date, names: tuple[str, str, str, str]) -> None:
    assert (day_name(day), day_name(day, short=True), month_name(day), month_name(day, short=True)) == names
    assert long_date(day) == f"{names[0]} {day.day} {names[2]} {day.year}"
    assert format_uk(day) == f"{names[1]} {day.day} {names[3]} {day.year}"
    assert short_date(day) == f"{day.day} {names[3]} {day.year}"


def test_a_moment_in_words() -> None:
    moment = datetime(2026, 12, 3, 9, 5)
    assert short_date_time(moment) == "3 Dec 2026 at 09:05"
    assert time_on_day(moment) == "09:05 on 3 December"
