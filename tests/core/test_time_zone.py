"""The computer's time zone, named as Google Calendar looks it up and described as Outlook reads it."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from copdesk.core import time_zone
from copdesk.core.time_zone import LOCAL_TZID, CalendarZone, local_zone, vtimezone


def test_windows_names_its_zone_in_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(time_zone, "windows_zone_key", lambda: "GMT Standard Time")
    assert local_zone() == CalendarZone("Europe/London", ZoneInfo("Europe/London"))
    monkeypatch.setattr(time_zone, "windows_zone_key", lambda: None)  # the registry unreadable
    assert local_zone().tzid == LOCAL_TZID


@pytest.mark.parametrize(
    ("setting", "tzid"),
    [
        (":Europe/London", "Europe/London"),
        ("/usr/share/zoneinfo/Europe/Dublin", "Europe/Dublin"),
        ("GMT0BST,M3.5.0/1,M10.5.0", LOCAL_TZID),  # a rule, not a name: described from the computer's clock
    ],
)
def test_a_tz_setting_names_the_zone(monkeypatch: pytest.MonkeyPatch, setting: str, tzid: str) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("TZ", setting)
    assert local_zone().tzid == tzid


def test_a_zone_whose_changes_follow_no_one_rule_is_described_change_by_change() -> None:
    """Morocco's clocks change around Ramadan: no yearly rule holds them, so each change is listed."""
    component = vtimezone(CalendarZone("Africa/Casablanca", ZoneInfo("Africa/Casablanca")), 2026, 2028)
    assert not any(sub.get("rrule") for sub in component.subcomponents)
    described, zone = component.to_tz(), ZoneInfo("Africa/Casablanca")
    for day in (datetime(2027, 1, 15, 12), datetime(2027, 2, 20, 12), datetime(2027, 6, 1, 12)):
        assert described.utcoffset(day) == zone.utcoffset(day), day


def test_a_zone_without_clock_changes_is_one_offset() -> None:
    component = vtimezone(CalendarZone("Asia/Kolkata", ZoneInfo("Asia/Kolkata")), 2026, 2028)
    (standard,) = component.subcomponents
    assert (timedelta(hours=5, minutes=30),) * 2 == (standard.TZOFFSETFROM, standard.TZOFFSETTO)
