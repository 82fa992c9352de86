"""Names found as whole names, from the names or from their salted digests alone."""

from __future__ import annotations

import unicodedata

from copdesk.core.name_match import NameDigests, digest, folded, replace_spans, whole_name_pattern

SALT = "test-salt"


def test_a_name_matches_only_as_whole_words() -> None:
    al = NameDigests.of_names(SALT, ["Al"])
    assert al.mentions("reassigned to Al") and al.mentions("Al's case")
    assert not al.mentions("reassigned to Alex Morgan") and not al.mentions("Family")


def test_case_spacing_and_unicode_forms_do_not_hide_a_name() -> None:
    zoe = NameDigests.of_names(SALT, ["Zoë Quinn"])
    assert zoe.mentions("owned by ZOË   quinn") and zoe.mentions(unicodedata.normalize("NFD", "Zoë Quinn"))
    assert zoe.is_name("zoë QUINN") and not zoe.is_name("Zoë Quinn-Hart")
    assert not zoe.mentions("Zoë, Quinn's colleague")  # a comma parts two people


def test_redaction_takes_whole_names_and_capitalised_parts() -> None:
    names = NameDigests.of_names(SALT, ["Drew Anne-Marie Okafor"])
    text = "Drew Anne-Marie Okafor drew the plan; Anne-Marie agreed. okafor is lower case."
    assert replace_spans(text, names.spans(text, parts=True), "[colleague]") == (
        "[colleague] drew the plan; [colleague] agreed. okafor is lower case."
    )


def test_stored_digests_match_without_the_name() -> None:
    made = NameDigests.of_names(SALT, ["Zephyrine Quartermaine"])
    stored = NameDigests.from_stored(SALT, [(d, True) for d in made.whole] + [(d, False) for d in made.parts])
    assert "Zephyrine" not in repr(stored)
    asked = "Ask Zephyrine Quartermaine, or Zephyrine."
    assert replace_spans(asked, stored.spans(asked, parts=True), "[x]") == "Ask [x], or [x]."
    assert not NameDigests.from_stored("another-salt", [(d, True) for d in made.whole]).mentions(
        "Zephyrine Quartermaine"
    )


def test_the_pattern_for_many_notes_counts_whole_names_only() -> None:
    pattern = whole_name_pattern(["Al", "Zoë Quinn"])
    assert pattern is not None
    assert pattern.search(folded("Al said")) and pattern.search(folded("ZOË QUINN said"))
    assert not pattern.search(folded("Alex Morgan said")) and whole_name_pattern([]) is None


def test_a_letter_with_a_mark_of_its_own_stays_in_its_word() -> None:
    """ "ọ̀" is a letter and a mark Unicode cannot join into one: the mark split "Adéọ̀lá" into two words, so the name
    was never found, and an erasure counted no text that names her."""
    adeola = NameDigests.of_names(SALT, ["Adéọ̀lá Ògúnyẹ́mí"])
    assert adeola.mentions("Ask Adéọ̀lá Ògúnyẹ́mí") and adeola.is_name("ADÉỌ̀LÁ ògúnyẹ́mí")
    pattern = whole_name_pattern(["Adéọ̀lá Ògúnyẹ́mí"])
    assert pattern is not None and pattern.search(folded("Ask Adéọ̀lá Ògúnyẹ́mí"))


def test_a_name_erased_before_marks_stayed_in_their_words_is_still_known() -> None:
    """The redaction list of a database kept such a name's digest as the words the mark split it into; a restore
    that brings that person back must still find them, to erase them again."""
    split = ("adéọ", "lá", "ògúnyẹ", "mí")
    assert digest(SALT, split) in NameDigests.of_names(SALT, ["Adéọ̀lá Ògúnyẹ́mí"]).whole


def test_a_name_of_no_word_is_found_as_a_whole_name_and_never_in_text() -> None:
    """A person's name of emoji or marks alone ("🌱", taken before names needed a letter or a digit) had no digest, so
    an erasure reached no copy of it; it is found where it is a whole name (a guest's name, an owner), and nothing
    else is: not an empty name, not another emoji, not the emoji in a note."""
    names = NameDigests.of_names(SALT, ["🌱", "Ash Lee"])
    assert names.is_name("🌱") and names.is_name(" 🌱 ") and names.is_name("ash  LEE")
    assert not names.is_name("") and not names.is_name("🌿") and not names.is_name("🌱🌱")
    assert not names.mentions("The 🌱 group met") and not NameDigests.of_names(SALT, [""]).is_name("")


def test_a_name_with_a_non_joiner_is_found_whole_as_it_is_written() -> None:
    alireza = NameDigests.of_names(SALT, ["علی\u200cرضا Ahmadi"])
    assert alireza.mentions("Met علی\u200cرضا Ahmadi today") and alireza.is_name("علی\u200cرضا ahmadi")
    pattern = whole_name_pattern(["علی\u200cرضا Ahmadi"])
    assert pattern is not None and pattern.search(folded("met علی\u200cرضا ahmadi"))
