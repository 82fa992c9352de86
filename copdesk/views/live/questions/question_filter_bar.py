"""The row that says what the next draw may be: categories, models, favourites only, funnel, segment matching."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from copdesk.core.model import SegmentPhase
from copdesk.core.picker import QuestionFilter, phase_questions
from copdesk.core.question_bank import Bank, Question, QuestionKind
from copdesk.views.widgets.checklist_button import ChecklistButton
from copdesk.views.widgets.short_captions import ShortCaptionRow


class QuestionFilterBar(QWidget):
    changed = Signal()  # what the draw may be has changed (not the funnel, which is how it is drawn)
    funnel_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = ShortCaptionRow(self)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.row)
        self.row.row.setSpacing(4)
        self.setStyleSheet("QPushButton { padding-left: 8px; padding-right: 8px; }")  # five filters in one row
        self.category_button = ChecklistButton("Categories")
        self.model_button = ChecklistButton("Reflective models")
        self.model_button.setToolTip("Draw from the reflective models you tick, such as the Weather model")
        self.favourites_only = self._toggle(
            "★ only", "Draw from favourites only", "Draw only from your starred questions"
        )
        self.funnel_button = self._toggle(
            "Broad to specific", "Broad to specific", "Start with broad questions, then focus in on one part"
        )
        self.match_segment = self._toggle(
            "Suits this part",
            "Questions that suit this part of the session",
            "Offer questions that suit the part of the session now running (its agenda segment)",
        )
        self.match_segment.setChecked(True)
        for button in (self.category_button, self.model_button):
            button.selection_changed.connect(self.changed)
        self.favourites_only.toggled.connect(self.changed)
        self.match_segment.toggled.connect(self.changed)
        self.funnel_button.toggled.connect(self.funnel_toggled)
        # In a window too narrow for their words (1024 wide), shorter ones: "Funnel" is the masterclass's name for
        # questions from broad to specific.
        self.row.add(self.category_button)
        self.row.add(self.model_button, short={"Reflective models": "Models"})
        self.row.add(self.favourites_only)
        self.row.add(self.funnel_button, short={"Broad to specific": "Funnel"})
        self.row.add(self.match_segment, short={"Suits this part": "This part"})
        self.row.row.addStretch(1)

    def _toggle(self, text: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    def set_options(self, bank: Bank, own: Iterable[Question]) -> None:
        """The shipped categories and models, then the facilitator's own, keeping what is ticked."""
        mine = list(own)
        self.category_button.set_options(bank.categories, list(dict.fromkeys(q.category for q in mine)))
        models = [m for m in dict.fromkeys(q.model for q in mine) if m not in bank.models]
        self.model_button.set_options(bank.models, models)

    def matching(self, phase: SegmentPhase | None) -> bool:
        return phase is not None and self.match_segment.isChecked()

    def draw_filter(self, favourites: Iterable[str], phase: SegmentPhase | None) -> QuestionFilter:
        """The filter for the next draw; ``phase`` is the running segment's, when a session is live."""
        categories, models = self.category_button.selected(), self.model_button.selected()
        base = QuestionFilter(
            categories=categories,
            models=models,
            favourites=frozenset(favourites) if self.favourites_only.isChecked() else None,
            # Ticking a category of tips or techniques asks for them; otherwise only questions to ask aloud.
            kinds=frozenset() if categories or models else frozenset({QuestionKind.QUESTION}),
        )
        return phase_questions(phase, base) if phase is not None and self.matching(phase) else base
