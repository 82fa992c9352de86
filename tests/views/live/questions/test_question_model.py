"""The question list model on its own: named roles, the core filter, and the flags its owner sets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.core.custom_questions import custom_key
from copdesk.core.picker import QuestionFilter
from copdesk.core.question_bank import Bank, PromptPhase, Question, QuestionKind
from copdesk.views.live.questions.question_model import EVERYTHING, QuestionListModel, QuestionRole

MINE = Question(custom_key("team.1"), "Whose voice is missing?", "Ours", "Our model", "Us", (PromptPhase.EXPLORING,))


@pytest.fixture
def model(qapp: QApplication, bank: Bank) -> QuestionListModel:
    return QuestionListModel([*bank, MINE])


def ids(model: QuestionListModel) -> list[str]:
    return [str(model.data(model.index(row), QuestionRole.ID)) for row in range(model.rowCount())]


def test_everything_is_listed_whatever_its_kind(model: QuestionListModel, bank: Bank) -> None:
    assert model.rowCount() == len(bank) + 1
    kinds = {model.data(model.index(row), QuestionRole.KIND) for row in range(model.rowCount())}
    assert kinds == {kind.value for kind in QuestionKind}


def test_named_roles(model: QuestionListModel) -> None:
    names = {bytes(name.data()).decode() for name in model.roleNames().values()}
    assert {"question", "id", "text", "category", "model", "kind", "custom", "favourite", "asked", "hidden"} <= names
    row = model.row_of(MINE.id)
    assert row is not None
    index = model.index(row)
    assert model.data(index, QuestionRole.QUESTION) == MINE
    assert model.data(index, QuestionRole.CUSTOM) is True
    assert model.data(index, QuestionRole.CATEGORY) == "Ours"
    assert model.data(model.index(0), QuestionRole.CUSTOM) is False
    assert model.data(model.index(model.rowCount()), QuestionRole.ID) is None


def test_the_filter_is_the_core_filter(model: QuestionListModel) -> None:
    model.set_filter(QuestionFilter(search="voice", kinds=EVERYTHING.kinds))
    assert ids(model) == [MINE.id]
    model.set_filter(QuestionFilter(categories=frozenset({"Weather model"})))
    assert ids(model) == ["weather.sunshine", "weather.rain", "weather.lightening", "weather.fog"]
    assert model.question_at(0).id == "weather.sunshine"
    assert model.row_of("reflective.1") is None


def test_flags_show_in_the_text_and_tell_the_view(model: QuestionListModel, qtbot: QtBot) -> None:
    model.set_filter(QuestionFilter(search="least restrictive"))
    index = model.index(0)
    assert str(model.data(index, Qt.ItemDataRole.DisplayRole)).startswith(
        "What was the least restrictive option available?\nReflective questions"
    )
    with qtbot.waitSignal(model.dataChanged):
        model.set_favourites({"reflective.1"})
    with qtbot.waitSignal(model.dataChanged):
        model.set_asked({"reflective.1"})
    display = str(model.data(index, Qt.ItemDataRole.DisplayRole))
    assert "★ favourite" in display and "✓ asked this session" in display
    assert model.data(index, QuestionRole.FAVOURITE) is True and model.data(index, QuestionRole.ASKED) is True


def test_hidden_questions_are_marked(qapp: QApplication) -> None:
    model = QuestionListModel()
    model.set_questions([MINE], hidden=[MINE.id])
    index = model.index(0)
    assert model.data(index, QuestionRole.HIDDEN) is True
    assert "hidden" in str(model.data(index, Qt.ItemDataRole.DisplayRole))
    font = model.data(index, Qt.ItemDataRole.FontRole)
    assert font is not None and font.italic()  # type: ignore[attr-defined]


def test_guidance_says_what_it_is(model: QuestionListModel) -> None:
    row = model.row_of("tips.questioning.2")
    assert row is not None
    assert "tip for the facilitator" in str(model.data(model.index(row), Qt.ItemDataRole.DisplayRole))
