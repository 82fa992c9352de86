from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable

import pytest

from copdesk.core import identifier_check
from copdesk.core.identifier_check import IdentifierCheck
from copdesk.core.privacy import (
    Finding,
    IdentifierKind,
    find_identifiers,
    nhs_number_is_valid,
    remove_all,
    remove_finding,
)
from tests.conftest import identifier_check_reads


def check_digit(first_nine: str) -> int | None:
    """Worked out here rather than borrowed from the module, so the test checks the rule itself."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, [10, 9, 8, 7, 6, 5, 4, 3, 2], strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def valid_nhs_number(first_nine: str) -> str:
    check = check_digit(first_nine)
    assert check is not None, f"{first_nine} has no valid check digit; pick other digits"
    return first_nine + str(check)


def invalid_nhs_number(first_nine: str) -> str:
    check = check_digit(first_nine)
    return first_nine + str(((check or 0) + 1) % 10)


def kinds(text: str) -> list[IdentifierKind]:
    return [finding.kind for finding in find_identifiers(text)]


def spans(text: str) -> list[str]:
    return [finding.text for finding in find_identifiers(text)]


VALID = valid_nhs_number("401023213")
ALSO_VALID = valid_nhs_number("943476591")


def test_worked_examples_of_the_check_digit() -> None:
    assert check_digit("401023213") == 7  # total 92, remainder 4, 11 - 4 = 7
    assert check_digit("100000000") == 1  # total 10, remainder 10, 11 - 10 = 1
    assert check_digit("000000000") == 0  # remainder 0 gives 11, which stands for 0
    assert check_digit("000000300") is None  # total 12, remainder 1, 11 - 1 = 10: never issued


def test_the_module_agrees_with_the_worked_examples() -> None:
    assert nhs_number_is_valid("4010232137")
    assert nhs_number_is_valid("1000000001")
    assert nhs_number_is_valid("0000000000")
    assert not nhs_number_is_valid("4010232138")
    assert not nhs_number_is_valid("401023213")
    assert not nhs_number_is_valid("401023213x")


def test_a_check_digit_of_ten_is_never_valid() -> None:
    assert not any(nhs_number_is_valid(f"000000300{digit}") for digit in range(10))
    assert kinds(" ".join(f"000 000 300{digit}" for digit in range(10))) == []


@pytest.mark.parametrize(
    "written",
    [
        VALID,
        f"{VALID[:3]} {VALID[3:6]} {VALID[6:]}",
        f"{VALID[:3]}-{VALID[3:6]}-{VALID[6:]}",
        ALSO_VALID,
        "943\u00a0476\u00a05919",  # no-break spaces, as a word processor pastes them
        "943\u202f476\u202f5919",
        "943 476-5919",  # a phone-style grouping
        "943.476.5919",
    ],
)
def test_valid_nhs_numbers_are_flagged_however_they_are_spaced(written: str) -> None:
    text = f"Discussed the case (NHS no. {written}) at length."
    [finding] = find_identifiers(text)
    assert finding.kind is IdentifierKind.NHS_NUMBER
    assert finding.text == written
    assert text[finding.start : finding.end] == written
    assert "NHS number" in finding.message


def test_invalid_check_digits_are_not_flagged() -> None:
    wrong = invalid_nhs_number("401023213")
    assert kinds(f"Ref {wrong} and {wrong[:3]} {wrong[3:6]} {wrong[6:]}") == []
    assert kinds(f"{wrong[:3]} {wrong[3:6]}-{wrong[6:]} or {wrong[:3]}.{wrong[3:6]}.{wrong[6:]}") == []
    assert kinds(f"{wrong[:3]}\u00a0{wrong[3:6]}\u00a0{wrong[6:]}") == []


@pytest.mark.parametrize(
    "text",
    [
        f"{VALID}1",  # eleven digits
        f"1{VALID}",
        f"{VALID[:4]} {VALID[4:7]} {VALID[7:]}",  # a 4-3-3 phone-style grouping
        f"{VALID[:3]}{VALID[3:6]} {VALID[6:]}",  # a gap after one group only
        f"{VALID[:3]}  {VALID[3:6]}  {VALID[6:]}",  # two spaces between the groups
        f"version 2.{VALID[:3]}.{VALID[3:6]}.{VALID[6:]}",  # inside a longer dotted number
        f"ref {VALID[:3]}-{VALID[3:6]}-{VALID[6:]}-4",  # inside a longer hyphenated reference
    ],
)
def test_digit_runs_that_are_not_nhs_numbers(text: str) -> None:
    assert IdentifierKind.NHS_NUMBER not in kinds(text)


@pytest.mark.parametrize(
    "postcode",
    ["M1 1AE", "SW1A 1AA", "m601ab", "M60 1AB", "EC1A 1BB", "w1a 0ax", "B33 8TH", "M14\u00a05RT", "M14\u202f5RT"],
)
def test_postcodes_are_flagged_in_any_case_with_or_without_the_space(postcode: str) -> None:
    text = f"She moved to {postcode}, nearer her daughter."
    assert spans(text) == [postcode]
    assert kinds(text) == [IdentifierKind.POSTCODE]


@pytest.mark.parametrize(
    "text",
    [
        "See paragraph SW1A1AAX of the guidance",  # inside a longer word
        "The code ABCM1 1AE is a room booking",
        "M1 1CE",  # C never appears in the inward code
        "Level B2 results",
        "M14\u00a05CT",  # C never appears in the inward code, whatever the space
        "M14\u00a0\u00a05RT",  # two spaces
    ],
)
def test_postcode_lookalikes_are_not_flagged(text: str) -> None:
    assert IdentifierKind.POSTCODE not in kinds(text)


@pytest.mark.parametrize(
    "phrase",
    [
        "DOB 12/03/1948",
        "dob: 12-03-48",
        "D.O.B. 3.3.1948",
        "D.O.B 3rd March 1948",
        "date of birth 3 Mar 1948",
        "Date of Birth is 03/03/1948",
        "born on 3 March 1948",
        "born 3rd of March, 1948",
        "born March 3rd, 1948",
        "DOB 1941-03-12",  # ISO 8601
        "date of birth: 1941-3-12",
        "DOB\u00a012/03/1941",
    ],
)
def test_dates_of_birth_are_flagged_with_their_cue(phrase: str) -> None:
    text = f"Mum ({phrase}) lives alone."
    [finding] = find_identifiers(text)
    assert finding.kind is IdentifierKind.DATE_OF_BIRTH
    assert finding.text == phrase
    assert remove_finding(text, finding) == "Mum ([date of birth removed]) lives alone."


def test_dates_without_a_birth_cue_are_not_flagged() -> None:
    assert kinds("Review on 12/03/2027; she was born in 1948 and the newborn 3/3/2026 visit went well.") == []
    assert kinds("Reviewed on 2026-10-08, and the plan dated 1941-03-12 was archived; DOB 1941-03-125") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr Smith said", "Mr Smith"),
        ("we met Mrs. Okafor-Reid today", "Mrs. Okafor-Reid"),
        ("Ms Évora's son", "Ms Évora's"),
        ("with Miss Jones.", "Miss Jones"),
        ("spoke to Mx Taylor", "Mx Taylor"),
        ("the GP, Dr J. Smith, agreed", "Dr J. Smith"),
        ("Dr Anna Maria Patel", "Dr Anna Maria Patel"),
        ("Mr Ó'Brien", "Mr Ó'Brien"),
        ("VISITED MRS PATEL, AT HOME", "MRS PATEL"),
        ("DR J. SMITH agreed", "DR J. SMITH"),
        ("Mrs PATEL", "Mrs PATEL"),
        ("we visited Mrs\nPatel at home", "Mrs\nPatel"),  # a wrapped line
        ("spoke to MR\r\nO'NEILL", "MR\r\nO'NEILL"),
        # A title is never a name: the one before it stands alone.
        ("we saw Mr\nMrs Patel", "Mrs Patel"),
        # A line that ends with a title and a name on the next is still a name, with a full stop too, or an initial.
        ("Visited Mr.\nSmith at home", "Mr.\nSmith"),
        ("we met Mrs\nA. Patel", "Mrs\nA. Patel"),
        ("rang Ms\nMay about it", "Ms\nMay"),
        # A word that can start a line is a name there alone on it, or before a capitalised word, and a month that
        # is a name is always one.
        ("wrote to Mrs\nMarch", "Mrs\nMarch"),
        ("spoke to Mr\nHer", "Mr\nHer"),
        ("spoke to Mr\nFriday", "Mr\nFriday"),
        ("met Mr\nAn Nguyen today", "Mr\nAn Nguyen"),
        ("met Mr\nTo Van Long today", "Mr\nTo Van Long"),
        ("the letter to Mrs Dr Smith", "Dr Smith"),
    ],
)
def test_title_and_surname_are_flagged(text: str, name: str) -> None:
    assert spans(text) == [name]
    assert kinds(text) == [IdentifierKind.TITLE_AND_NAME]


@pytest.mark.parametrize(
    "text",
    [
        "We miss Alex on Tuesdays",
        "Mr smith in lower case is not a surname",
        "Drew up the plan; Mrs and Mr are titles",
        "Oak Dr\nManchester",
        "Mr 5 arrived",
        "we met on MS Teams",  # a title in capitals needs its name in capitals
        "MRS Patel, MR smith",
        "spoke to Mr\nsmith and the rest",  # a line break, then a lowercase word
        "the titles Mrs\n\nPatel",  # never across a blank line
        "OAK DR\nMANCHESTER",
        # In capitals, "MISS" is the verb, and a short word after a title is a word or an acronym, not a name.
        "WE MISS HER ALREADY",
        "DON'T MISS THE MEETING",
        "client has MS OT referral",
        "MS MDT tomorrow, MS NHS",
        "ADVISED DR TO CALL",
        "MR IS DUE",
        "Mr\nMr\nMr\nMrs\nDr\nMs",  # titles on line after line, none with a name
        # A line that ends with a title the note never finished, then a new sentence or a heading.
        "We met Mrs\nMonday we agreed the plan",
        "Spoke to Mr.\nThe family will ring back",
        "MET MRS\nMONDAY, AGREED THE PLAN",
        "Rang Ms\nActions: book the room",
        "Met Mr\nToday, we agreed the plan",
        "Met Mrs\nMonday 3pm: the review",
        "Rang Ms\nActions\n- call GP",  # a heading alone on its line
        "Saw Mr\nThe Team Manager",
        "Met Mrs\nToday (Tuesday) we spoke",
        "Spoke to Mr\nHer daughter rang",
        "Spoke to Mr\nAn (interpreter) came",
    ],
)
def test_title_lookalikes_are_not_flagged(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "We started at 10:30 and finished at 11:45.",
        "The package costs £1,200.50 a week, up from £950, about £62,400 a year.",
        "3 people attended; 12 actions, 2 carried over from 2025.",
        "Call the duty line on 0161 234 5678 if needed.",
        "The team reflected on strengths-based practice and the Care Act 2014, s.42 enquiries.",
        "Everyone agreed the ground rules at 9:05am.",
    ],
)
def test_ordinary_sentences_raise_no_warnings(text: str) -> None:
    assert find_identifiers(text) == []


def test_spans_are_str_indexes_around_emoji_and_rtl_text() -> None:
    text = f"😀👍🏽 שלום עולם Mr Smith 🎉 NHS {VALID} مرحبا M1 1AE"
    findings = find_identifiers(text)
    assert [text[f.start : f.end] for f in findings] == ["Mr Smith", VALID, "M1 1AE"]
    assert [f.text for f in findings] == ["Mr Smith", VALID, "M1 1AE"]
    assert remove_all(text) == "😀👍🏽 שלום עולם [name removed] 🎉 NHS [NHS number removed] مرحبا [postcode removed]"


def test_remove_finding_replaces_only_that_span() -> None:
    text = f"Mr Smith, NHS {VALID}, lives in M1 1AE."
    nhs = find_identifiers(text)[1]
    assert remove_finding(text, nhs) == "Mr Smith, NHS [NHS number removed], lives in M1 1AE."


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        ("Visited Mr. Smith at home", "Visited [name removed] at home"),
        # A name on the next line goes as it does on the title's, and the line break stays, before the placeholder.
        ("Visited Mr.\nSmith at home", "Visited \n[name removed] at home"),
        ("spoke to MR\r\nO'NEILL today", "spoke to \r\n[name removed] today"),
        ("DOB:\n01/02/1950 noted", "\n[date of birth removed] noted"),
    ],
)
def test_removing_a_finding_keeps_the_lines_of_the_text(text: str, removed: str) -> None:
    assert remove_all(text) == removed


@pytest.mark.parametrize("line_end", ["\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_every_kind_of_line_end_is_a_line_end_to_the_check(line_end: str) -> None:
    """Text from an older Mac, a word processor or a web page ends its lines otherwise than with "\\n": a name on the
    next line goes with its line end kept, and "Dr" at a line end or a blank line still parts a title from a word."""
    assert remove_all(f"Visited Mr{line_end}Smith at home") == f"Visited {line_end}[name removed] at home"
    assert remove_all(f"MRS{line_end}PATEL{line_end}") == f"{line_end}[name removed]{line_end}"
    assert find_identifiers(f"12 Oak Dr{line_end}Manchester") == []
    assert find_identifiers(f"Met Mr{line_end}{line_end}Smith rang") == []


def test_remove_finding_refuses_a_stale_finding() -> None:
    text = "Visited Mrs Jones."
    finding = find_identifiers(text)[0]
    with pytest.raises(ValueError, match="changed"):
        remove_finding("Visited Mr Jones today.", finding)


def test_remove_all_clears_every_kind() -> None:
    text = f"Mrs Jones (DOB 01/02/1950, NHS {ALSO_VALID}) of M1 1AE."
    assert remove_all(text) == (
        "[name removed] ([date of birth removed], NHS [NHS number removed]) of [postcode removed]."
    )
    assert find_identifiers(remove_all(text)) == []


def test_findings_are_in_text_order_and_never_overlap() -> None:
    text = f"M1 1AE then {VALID} then Dr Who then DOB 1/2/1950"
    findings = find_identifiers(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


def test_finding_is_a_value() -> None:
    finding = Finding(IdentifierKind.POSTCODE, 0, 6, "M1 1AE", "msg")
    assert finding == Finding(IdentifierKind.POSTCODE, 0, 6, "M1 1AE", "msg")


@pytest.mark.parametrize(
    "text",
    [
        "DOB" + " " * 20_000 + "x",  # a long run of spaces after a cue, and no date
        "born on" + " " * 20_000 + ":" + " " * 20_000 + "x",
        "Mrs" + " " * 20_000 + "\n" + " " * 20_000 + "5",
        "943\u00a0" * 20_000,
    ],
)
def test_the_check_stays_linear_on_long_runs(text: str) -> None:
    """It runs as the facilitator types: a pattern that tries every split of a run of spaces takes minutes here, a
    linear one milliseconds, so the bound is generous and only a backtracking pattern misses it."""
    start = time.perf_counter()
    find_identifiers(text)
    assert time.perf_counter() - start < 1.0


# -- the check kept up to date as the notes are typed (IdentifierCheck) --------------------------------------------
PIECES = [
    *("Mr", "Mrs", "MR", "Dr", "Smith", "Monday", "The", "Her", "An"),
    *("J.", "A", "PATEL", "Lee", "the", "OT", "MS", "Jones-Smith", "O’Neil"),
    *("DOB", "DOB:", "born", "on", "date", "of", "birth", "is", "12/02/1950", "1950-03-12", "12th", "March,", "1950"),
    *("SW1A", "1AA", "M1", "1AE", VALID, "401", "023", "2137", "943.476.5919", "😀", "-", ".", "5"),
]
GAPS = [" ", " ", " ", "\n", "\n\n", "  ", "\t", "\u00a0", "", ".", "-"]


def _words(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(GAPS) for _ in range(count))


def _not_ignored(text: str, ignored: set[tuple[IdentifierKind, str]]) -> list[Finding]:
    return [finding for finding in find_identifiers(text) if (finding.kind, finding.text) not in ignored]


@pytest.mark.parametrize("seed", range(4))
def test_checking_again_after_each_edit_flags_what_a_whole_check_flags(seed: int) -> None:
    """Random edits (typing, deleting, pasting, anywhere) of text dense with near-identifiers: after each one the
    check kept up to date finds exactly what checking the whole text finds, but what was said to be no identifier
    (now and then one of the findings)."""
    rng = random.Random(seed)
    for _ in range(40):
        ignored: set[tuple[IdentifierKind, str]] = set()
        check = IdentifierCheck()
        text = _words(rng, rng.randint(0, 200))
        for _ in range(20):
            assert list(check.check(text)) == _not_ignored(text, ignored), repr(text)
            if (found := find_identifiers(text)) and rng.random() < 0.1:
                chosen = rng.choice(found)
                ignored.add((chosen.kind, chosen.text))
                check.ignore(chosen.kind, chosen.text)
            start = rng.randint(0, len(text))
            end = min(len(text), start + rng.choice([0, 0, 1, 2, 5, 30]))
            typed = rng.choice(["", rng.choice(PIECES), rng.choice(GAPS), rng.choice("aZ 1.\n-"), _words(rng, 3)])
            text = text[:start] + typed + text[end:]
        assert list(check.check(text)) == _not_ignored(text, ignored), repr(text)


@pytest.mark.parametrize("seed", range(4))
def test_edits_while_a_text_is_checked_in_pieces_flag_what_a_whole_check_flags(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text just loaded is checked a piece at a time, and edited (anywhere, in the pieces checked or not, or across
    them) between pieces: once the pieces run out, the check holds exactly what checking the whole text finds."""
    monkeypatch.setattr(identifier_check, "PIECE_SIZE", 40)
    read = identifier_check_reads(monkeypatch)
    rng = random.Random(seed)
    for _ in range(40):
        check = IdentifierCheck()
        text = _words(rng, rng.randint(0, 200))
        check.check_in_pieces(text)
        while not check.check_piece():
            if rng.random() < 0.5:
                start = rng.randint(0, len(text))
                end = min(len(text), start + rng.choice([0, 0, 1, 2, 5, 30, 100]))
                typed = rng.choice(["", rng.choice(PIECES), rng.choice(GAPS), _words(rng, rng.choice([3, 30]))])
                text = text[:start] + typed + text[end:]
                check.check_in_pieces(text)
        whole = find_identifiers(text)
        read.clear()
        assert list(check.check(text)) == whole, repr(text)
        assert read == []  # all of it was checked in the pieces


PROSE = "Discussed the carer's assessment with Mrs Okafor, SW1A 1AA.\n" * 3_000  # 186 KB
PASTE = "Mr\nPatel rang; the plan was agreed. " * 3_000  # 105 KB


@pytest.mark.parametrize(
    "edit",
    [
        lambda text, done: text[:10] + "x" + text[10:],  # a key in the part checked
        lambda text, done: text[:10] + PASTE + text[10:],  # a paste there: more than a piece
        lambda text, done: text[: done - 5] + PASTE + text[done - 5 :],  # a paste across the end of the pieces
        lambda text, done: text[:100] + text[done + 100 :],  # a cut across it
        lambda text, done: text[: done + 5000] + PASTE + text[done + 5000 :],  # a paste past it
    ],
)
def test_an_edit_while_a_text_is_checked_in_pieces_is_checked_a_piece_at_a_time(
    edit: Callable[[str, int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check = IdentifierCheck()
    check.check_in_pieces(PROSE)
    for _ in range(5):
        check.check_piece()
    read = identifier_check_reads(monkeypatch)
    edited = edit(PROSE, 5 * identifier_check.PIECE_SIZE)
    check.check_in_pieces(edited)
    while not check.check_piece():
        pass
    assert read and all(endpos - start < identifier_check.PIECE_SIZE + 1_000 for start, endpos in read), max(
        endpos - start for start, endpos in read
    )
    assert list(check.check(edited)) == find_identifiers(edited)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A date of birth written out reads eight words from its cue: the last one decides.
        ("Noted: date of birth is 12th of March, 19", "Noted: date of birth is 12th of March, 1950"),
        ("Noted: date of birth is 12th of March, 1950", "Noted: date of birth is 12th of March, 195"),
        ("Seen by Mrs Anna Maria smith today", "Seen by Mrs Anna Maria Smith today"),  # the third name
        ("Met Mr\npatel today", "Met Mr\nPatel today"),  # a name on the next line
        ("Met Mr\nPatel today", "Met Mr\nThe family"),  # and a new sentence there instead
        ("Ring Dr" + " " * 5000 + "Okafor", "Ring Dr" + " " * 5000 + "okafor"),  # a long run of spaces between
    ],
)
def test_an_edit_far_into_a_finding_changes_it(before: str, after: str) -> None:
    filler = "Discussed the carer's assessment. " * 100
    check = IdentifierCheck()
    check.check(filler + before + filler)
    assert list(check.check(filler + after + filler)) == find_identifiers(filler + after + filler)


def test_a_title_before_another_title_and_its_name_is_not_part_of_the_name() -> None:
    assert spans("Mr Smith Mrs Jones") == ["Mr Smith", "Mrs Jones"]


def test_an_edit_at_the_start_of_a_note_of_titles_keeps_what_is_flagged_to_the_end() -> None:
    """Titles on line after line, a name now and then: a line taken away at the top, or a word typed there, leaves
    every name below flagged as the whole text flags it."""
    text = ("Mr\n" * 9 + "Mrs\nPatel\n") * 200
    check = IdentifierCheck()
    assert [f.text for f in check.check(text)] == ["Mrs\nPatel"] * 200
    for edited in (text[3:], "x" + text[3:], "Dr\n" + text):
        assert list(check.check(edited)) == find_identifiers(edited)


def test_only_the_edit_and_what_can_reach_it_are_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """However long the note, a key typed at its end or in its middle is checked in a few hundred characters."""
    note = "Discussed the carer's assessment with Mrs Okafor, SW1A 1AA, DOB 01/02/1950.\n" * 13_000  # 1 MB
    middle = len(note) // 2
    edits = {edited: find_identifiers(edited) for edited in (note + " Mr", note[:middle] + "Mrs Lee " + note[middle:])}
    check = IdentifierCheck()
    check.check(note)
    read = identifier_check_reads(monkeypatch)
    for edited, whole in edits.items():
        assert list(check.check(edited)) == whole
        assert read and all(endpos - start < 400 for start, endpos in read), read
        read.clear()
        check.check(note)


def test_keys_typed_in_the_middle_of_a_note_of_many_names_build_only_the_findings_near_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each key moves every finding after it; built again one by one, that took half a second a key in a long note
    of names. What each check gives is still what the whole text gives."""
    note = "Mrs Okafor rang Mr\nPatel.\n" * 8_000
    middle = len(note) // 2
    check = IdentifierCheck()
    check.check(note)
    built = findings_built(monkeypatch)
    text = note
    for typed, key in enumerate(" Mrs Lee"):
        text = text[: middle + typed] + key + text[middle + typed :]
        check.check(text)
    assert len(built) < 50
    monkeypatch.undo()
    assert list(check.check(text)) == find_identifiers(text)


def findings_built(monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """Each finding made from now on (what a check costs, in findings built)."""
    built: list[Finding] = []
    build = Finding.__init__

    def counted(self: Finding, *args: object, **kwargs: object) -> None:
        built.append(self)
        build(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Finding, "__init__", counted)
    return built
