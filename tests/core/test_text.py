"""Counts in words (one helper for every "N things" CoPDesk writes, so 0, 1 and many all read right), text cut
short for a message, names that must show something, and names listed in the order a person expects."""

from __future__ import annotations

import pytest

from copdesk.core.text import (
    InvalidName,
    clean_name,
    clean_person_name,
    counted,
    listed,
    mean_text,
    name_sort_key,
    shortened,
    without_edge_joiners,
)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0 dates"), (1, "1 date"), (2, "2 dates"), (11, "11 dates")],
)
def test_a_regular_noun_takes_an_s_except_for_one(number: int, expected: str) -> None:
    assert counted(number, "date") == expected


def test_an_irregular_plural_is_given() -> None:
    assert counted(1, "issue was", "issues were") == "1 issue was"
    assert counted(3, "issue was", "issues were") == "3 issues were"
    assert counted(2, "match", "matches") == "2 matches"


def test_none_stands_in_for_zero_only() -> None:
    assert counted(0, "open action", none="No") == "No open actions"
    assert counted(1, "open action", none="No") == "1 open action"
    assert counted(5, "open action", none="No") == "5 open actions"


def test_words_are_listed_as_a_sentence_lists_them() -> None:
    assert listed(["notes-a.txt"]) == "notes-a.txt"
    assert listed(["1st", "3rd"]) == "1st and 3rd"
    assert listed(["a", "b", "c"]) == "a, b and c"


def test_text_is_cut_to_the_limit_with_the_last_character_saying_so() -> None:
    assert shortened("Share the carers' checklist", 40) == "Share the carers' checklist"
    assert shortened("abcdefghij", 10) == "abcdefghij"
    assert shortened("abcdefghijk", 10) == "abcdefghi…"
    assert len(shortened("x" * 5000, 50)) == 50


@pytest.mark.parametrize("blank", ["\u200d", "\u3164", "\u2800", "\uffa0", "\u115f\u1160", "\u3164 \u2800", "\u0301"])
def test_a_name_that_shows_nothing_is_refused(blank: str) -> None:
    # Letters or symbols to Unicode, blank on screen: the tile, the erase list and a named export would be empty.
    with pytest.raises(InvalidName, match="shows nothing; type at least one letter"):
        clean_name(blank, what="Member name")


@pytest.mark.parametrize("name", ["Zoë", "李", "O'Neil", "7", "👩🏽‍⚕️", "Ana\u200dBel", "-"])
def test_a_name_with_anything_that_shows_is_kept(name: str) -> None:
    assert clean_name(name) == name


@pytest.mark.parametrize("name", ["👩🏽‍⚕️", "🌱 🌱", "-", "?!"])
def test_a_person_s_name_of_no_letter_nor_digit_is_refused(name: str) -> None:
    """An erasure finds a person by the words of their name, in backups and in notes: "🌱" has none, and stayed."""
    with pytest.raises(InvalidName, match="Guest name has no letter in it"):
        clean_person_name(name, what="Guest name")


@pytest.mark.parametrize("name", ["Zoë", "李", "O'Neil", "7", "Ana‍Bel", "Kai 🌱"])
def test_a_person_s_name_with_a_letter_or_a_digit_is_kept(name: str) -> None:
    assert clean_person_name(name) == name


@pytest.mark.parametrize(
    ("total", "count", "places", "expected"),
    [(17, 4, 1, "4.3"), (87, 20, 1, "4.4"), (5, 2, 0, "3"), (1, 8, 2, "0.13"), (255, 60, 1, "4.3"), (12, 3, 1, "4.0")],
)
def test_a_mean_at_a_half_is_rounded_up_as_by_hand(total: int, count: int, places: int, expected: str) -> None:
    """Formatting the float rounds 4.25 to even ("4.2") and 87 / 20, held as 4.34999…, down ("4.3")."""
    assert mean_text(total, count, places) == expected


# Fictional names, in the order a person files them: accents, case and letters of their own count for nothing until
# two names are otherwise the same, and then the same order every time.
IN_ORDER = (
    "Adaeze Obi",
    "Æsa Nord",  # Æ is AE
    "Aoife Byrne",
    "aoife Byrne",  # the same name but for case: after, by its exact text
    "Ɓello Musa",  # Hausa's hooked B is a B
    "Dorcas Mensah",
    "Đorđe Ilić",  # Đ is D
    "émile Roux",  # lower case and an accent, among the Es
    "Emma Stone",
    "Ẹni Ọlá",  # Yoruba's dots below
    "İlker Yılmaz",  # Turkish dotted capital İ and dotless ı are I
    "Ilse Berg",
    "Ísak Þórsson",  # Þ is TH
    "Kwame Ɔwusu",  # Akan's open O is an O
    "Lukas Weber",
    "Łukasz Nowak",  # Ł is L, where by code point it came after Z
    "Oluwaseun Adeyemi",
    "Ørjan Dahl",  # Ø is O
    "Sean O'Brien",
    "Sean O’Brien",  # a curly apostrophe is a straight one
    "Şebnem Kaya",
    "Siobhán Nic Aodha",
    "Straße Anna",  # ß is ss
    "Thomas Hill",
    "Zara Ahmed",
    "Zoe Quinn",
    "Zoë Quinn",
)


@pytest.mark.parametrize("given", [IN_ORDER, tuple(reversed(IN_ORDER)), IN_ORDER[1::2] + IN_ORDER[::2]])
def test_names_are_listed_as_a_person_files_them_whatever_order_they_came_in(given: tuple[str, ...]) -> None:
    assert tuple(sorted(given, key=name_sort_key)) == IN_ORDER


def test_names_that_differ_only_in_accents_or_case_file_together_and_still_differ() -> None:
    assert name_sort_key("ZOË QUINN")[0] == name_sort_key("zoe quinn")[0]
    assert name_sort_key("ZOË QUINN") != name_sort_key("zoe quinn")


@pytest.mark.parametrize(
    "in_order",
    [
        ("Ciara Oakes", "Ciara Obi", "Ciara O'Brien"),  # the apostrophe counts for nothing: O'Brien is OBrien
        ("Mary Jane Hart", "Mary-Jane Hart", "Mary Jones", "Maryam Khan"),  # a hyphen parts words as a space does
        ("Ann Lee", "Anna Black"),  # word by word, as an index files them: nothing before something
        ("Jean-Luc Petit", "Jean Paul Mbeki", "Jeanne Morel"),
        ("Keʻala Nui", "Kekoa Lee", "Keoni Kahale"),  # the ʻokina is an apostrophe, not a letter after z
    ],
)
def test_punctuation_only_breaks_ties_between_names_otherwise_the_same(in_order: tuple[str, ...]) -> None:
    assert tuple(sorted(reversed(in_order), key=name_sort_key)) == in_order


def test_another_script_follows_latin_and_keeps_its_own_alphabetical_order() -> None:
    in_order = (
        "Zara Ahmed",
        "Αλέξης Παππάς",  # Greek, its tonos an accent
        "Ζωή Νικολάου",
        "Анна Иванова",  # Cyrillic
        "Ёлка Смирнова",  # Ё filed as Е
        "Яна Орлова",
        "נועה לוי",  # Hebrew
        "🌻 Sunflower",  # a name starting with an emoji is not filed among the As by dropping it
    )
    assert tuple(sorted(reversed(in_order), key=name_sort_key)) == in_order


def test_indic_vowel_signs_and_the_virama_count_as_letters_as_a_dictionary_files_them() -> None:
    """Hindi dictionaries file the bare consonant, then each vowel sign in the alphabet's order, then the conjuncts
    (the virama's half letters) last: stripping the virama as an accent put क्षमा (kṣamā) before काजल."""
    in_order = ("कमल", "काजल", "किरण", "कुसुम", "केशव", "क्षमा")
    assert tuple(sorted(reversed(in_order), key=name_sort_key)) == in_order


def test_a_thai_vowel_written_before_its_consonant_is_filed_after_it() -> None:
    """เกศินี starts with the vowel เ but is filed under its consonant ก, before ทองดี, as Thai dictionaries do."""
    in_order = ("เกศินี", "ทองดี", "สมชาย")
    assert tuple(sorted(reversed(in_order), key=name_sort_key)) == in_order


@pytest.mark.parametrize("typed", ["\u200cSam Lee", "Sam Lee\u200d", "Sam\u200c Lee", "Sam \u200d\u200cLee"])
def test_a_joiner_at_the_edge_of_a_word_goes(typed: str) -> None:
    """Kept, it made a second "Sam Lee" beside the first that looked the same, and typing "Sam Lee" found neither."""
    assert clean_person_name(typed) == "Sam Lee"


@pytest.mark.parametrize("name", ["علی\u200cرضا", "क्\u200dष"])
def test_a_name_written_with_a_joiner_or_non_joiner_is_kept(name: str) -> None:
    """A Persian keyboard types the zero-width non-joiner inside a name ("علی‌رضا"), which was refused as "an invisible
    control character" to retype without pasting: a name its owner could not type at all. Joiners alone still show
    nothing, and other invisible characters are still refused."""
    assert clean_person_name(name) == name
    with pytest.raises(InvalidName, match="shows nothing"):
        clean_name("\u200c\u200d")
    with pytest.raises(InvalidName, match="invisible control character"):
        clean_name("Ash\u200bLee")


@pytest.mark.parametrize("stored", ["\u200bSam Lee", "Sam Lee\u2060", "Sam\u200c \u200dLee\u200b", "Sam Lee"])
def test_a_name_stored_with_any_joiner_at_a_word_edge_is_written_as_today(stored: str) -> None:
    """A zero-width space or word joiner is refused in a name typed today; one stored by other means loses it at a
    word's edge, as a joiner goes, never refused: it is someone's name already."""
    assert without_edge_joiners(stored) == "Sam Lee"
    assert without_edge_joiners("Ana\u200dBel \u200b") == "Ana\u200dBel"
