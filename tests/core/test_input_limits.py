from __future__ import annotations

from copdesk.core.input_limits import MAX_NOTE_BYTES, size_problem, utf8_size


def note_too_large(text: str) -> str | None:
    return size_problem(utf8_size(text))


def test_one_megabyte_is_accepted_and_one_byte_more_is_not() -> None:
    assert note_too_large("a" * MAX_NOTE_BYTES) is None
    message = note_too_large("a" * (MAX_NOTE_BYTES + 1))
    assert message is not None and "1 MB" in message and "\n" not in message


def test_size_is_counted_as_stored_in_utf8() -> None:
    emoji = "🌱"  # four bytes in UTF-8, two UTF-16 units, one code point
    assert utf8_size(emoji) == 4
    assert note_too_large(emoji * (MAX_NOTE_BYTES // 4)) is None
    assert note_too_large(emoji * (MAX_NOTE_BYTES // 4 + 1)) is not None
    assert utf8_size("\ud800") == 3  # a lone surrogate from a QString does not raise
