"""The file name each export suggests, made from a team's or a practitioner's name: every letter kept with its
accents and vowel signs, whatever the script, in NFC (a Mac may hand over "Zoë" decomposed), and short enough for
the 255 bytes a file name holds on a Mac or Linux. The characters Windows refuses in a name are never in it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from copdesk.core.model import Role
from copdesk.store import teams
from copdesk.views.shell.main_window import MainWindow

WINDOWS_REFUSES = set('<>:"/\\|?*')


def _suggested_for(window: MainWindow, monkeypatch: pytest.MonkeyPatch, team_name: str) -> str:
    team = teams.create_team(window.context.db, team_name, [("Sam Okafor", Role.FACILITATOR)], window.context.now())
    window.reload_teams(team.id)
    suggested: list[str] = []

    def ask_save_path(_title: str, offered: str, _filter: str) -> None:
        suggested.append(offered)  # then cancel: nothing is written

    monkeypatch.setattr(window.reports, "ask_save_path", ask_save_path)
    window.reports.export_invite_list()
    (offered,) = suggested
    return Path(offered).name


@pytest.mark.parametrize(
    ("team_name", "file_name"),
    [
        ("प्रिया's टीम: North/South", "प्रिया-s-टीम-north-south-invite-list.csv"),
        ("Zoe\u0308 Ó Briain's team", "zoë-ó-briain-s-team-invite-list.csv"),
        ('CON: "Adults" <East> | West?', "con-adults-east-west-invite-list.csv"),
    ],
)
def test_every_letter_of_the_name_is_kept_and_nothing_windows_refuses(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, team_name: str, file_name: str
) -> None:
    suggested = _suggested_for(window, monkeypatch, team_name)
    assert suggested == file_name
    assert unicodedata.is_normalized("NFC", suggested) and not WINDOWS_REFUSES & set(suggested)


def test_a_long_name_in_a_wide_script_still_fits_a_file_name(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested = _suggested_for(window, monkeypatch, "東京都社会福祉チーム" * 8)  # 80 letters, 3 bytes each in UTF-8
    assert suggested.startswith("東京都社会福祉チーム") and suggested.endswith("-invite-list.csv")
    assert len(suggested.encode("utf-8")) <= 255
