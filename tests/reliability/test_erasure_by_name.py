"""``erase --member NAME`` finds the person meant as a facilitator types them: in any case, and without the accents a
keyboard may not have ("Zoe Quinn" for "Zoë Quinn"), as it finds a guest held for Undo; never a second person the name
could mean, and never someone else when the name as typed is of someone erased already."""

from __future__ import annotations

from pathlib import Path

from copdesk import paths
from copdesk.core.model import Role
from copdesk.store import teams
from copdesk.store.connection import open_database
from tests.cli.conftest import CallCli
from tests.reliability.conftest import NOW, make_database
from tests.reliability.test_erasure_everywhere import erase, sql


def test_a_member_is_found_without_the_accents_of_their_name(call_cli: CallCli, db_path: Path) -> None:
    make_database(db_path)

    dry = call_cli("erase", "--team", "Harbour Team", "--member", "zoe quinn", "--db", str(db_path))

    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("Would erase Zoë Quinn: ")
    code, out, err = erase(call_cli, db_path, "Zoe Quinn")
    assert code == 0 and out.startswith("Erased Zoë Quinn: "), err
    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'") == [(0,)]


def test_a_name_of_someone_erased_is_never_taken_for_someone_like_it(call_cli: CallCli, db_path: Path) -> None:
    """Zoë Quinn erased, and a Zoe Quinn joined since: asked for "Zoë Quinn" again, erase says she was erased already,
    and leaves Zoe Quinn, whom the name without its accents would have found, alone."""
    make_database(db_path)
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    try:
        teams.add_member(opened.db, teams.list_teams(opened.db)[0].id, "Zoe Quinn", Role.PRACTITIONER, NOW)
    finally:
        opened.db.close()

    code, out, err = erase(call_cli, db_path, "Zoë Quinn")

    assert code == 0 and "Someone called Zoë Quinn was erased already" in out, err
    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoe Quinn'") == [(1,)]


def test_a_member_erased_asked_for_again_without_accents_is_said_to_be_erased(call_cli: CallCli, db_path: Path) -> None:
    """Zoë Quinn erased, then asked for again as "Zoe Quinn", as the first erasure found her: erase says she was erased
    already, as it does asked for "Zoë Quinn", in place of "Nobody called 'Zoe Quinn' is on Harbour Team's roster"."""
    make_database(db_path)
    assert erase(call_cli, db_path, "Zoe Quinn")[0] == 0

    code, out, err = erase(call_cli, db_path, "zoe quinn")

    assert code == 0, err
    assert out.startswith("Someone called zoe quinn, or that name with other accents or none, was erased already;")
    code, _, err = erase(call_cli, db_path, "Zoe Quinton")
    assert code == 1 and "Nobody called 'Zoe Quinton' is on Harbour Team's roster" in err
