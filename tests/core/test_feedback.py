"""Anonymous feedback and the self-assessment's words: checked, summarised, never traced to a person."""

from __future__ import annotations

import pytest

from copdesk.core.feedback import (
    MAX_CHANGE_LENGTH,
    Feedback,
    FeedbackError,
    checked_assessment,
    checked_feedback,
    summarise,
)


def test_one_answer_is_enough_and_none_is_refused() -> None:
    assert checked_feedback(4, "  ") == Feedback(4, "")
    assert checked_feedback(None, " More  time for the case ") == Feedback(None, "More time for the case")
    with pytest.raises(FeedbackError, match="nothing to record"):
        checked_feedback(None, "   ")
    with pytest.raises(FeedbackError, match="from 1 to 5"):
        checked_feedback(6, "")
    with pytest.raises(FeedbackError, match="control character"):
        checked_feedback(3, "pasted\x07bell")
    with pytest.raises(FeedbackError, match=f"keep it to {MAX_CHANGE_LENGTH}"):
        checked_feedback(3, "x" * (MAX_CHANGE_LENGTH + 1))
    assert checked_feedback(5, "Start on time 🙂").to_change == "Start on time 🙂"


def test_the_summary_counts_ratings_and_keeps_the_changes() -> None:
    summary = summarise(
        [Feedback(5, ""), Feedback(3, "Shorter case"), Feedback(None, "More questions"), Feedback(4, "")]
    )
    assert (summary.responses, summary.ratings, summary.rated) == (4, (0, 0, 1, 1, 1), 3)
    assert (summary.points, summary.rated) == (12, 3)
    assert summary.changes == ("Shorter case", "More questions")
    assert summary.in_words() == "4 responses, 4.0 out of 5 on average (3 rated); 2 suggested a change."
    assert summarise([]).in_words() == "No feedback was recorded."


def test_an_average_at_a_half_is_rounded_up_as_by_hand() -> None:
    """17 / 4 is 4.25: "4.3" to whoever checks it, where formatting the float gives "4.2"."""
    summary = summarise([Feedback(4, ""), Feedback(4, ""), Feedback(4, ""), Feedback(5, "")])
    assert summary.in_words() == "4 responses, 4.3 out of 5 on average (4 rated); 0 suggested a change."


def test_the_self_assessment_keeps_known_headings_and_drops_empty_ones() -> None:
    texts = {"went-well": " Good turnout \n\n", "harder": "   ", "support": "Time to plan"}
    assert checked_assessment(texts, ["went-well", "harder", "support"]) == {
        "went-well": "Good turnout",
        "support": "Time to plan",
    }
    with pytest.raises(FeedbackError, match="not one of the self-assessment's headings"):
        checked_assessment({"gossip": "x"}, ["went-well"])
