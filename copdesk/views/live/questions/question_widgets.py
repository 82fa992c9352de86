"""The two displays of the question pane: the current question, and a room-matched suggestion.

The card is read from across a desk while the facilitator listens, so the question is in large type
and everything else in small type around it. The suggestion is a separate, clearly labelled frame:
it is the app's guess about the room, and it only becomes the current question when the
facilitator chooses it.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.custom_questions import is_custom
from copdesk.core.picker import RoomSignal, Suggestion, suggested_prompts
from copdesk.core.provenance import Attributed, Origin
from copdesk.core.question_bank import Question, QuestionKind, SignalKind
from copdesk.views.live.questions.question_model import KIND_LABELS, question_credit
from copdesk.views.widgets import theme
from copdesk.views.widgets.labels import ElidedLabel
from copdesk.views.widgets.more_below import MoreBelow

SIGNAL_HEADLINES = {
    SignalKind.TENSION: "tension or defensiveness",
    SignalKind.LOW_ENERGY: "low energy in the room",
    SignalKind.QUIET_VOICE: "someone has not spoken for a while",
    SignalKind.REPEATED_ISSUE: "the same issue again",
}
# However long the question (with a caution, beside a suggestion), the card claims at most this much of the pane:
# its source line and two lines of the question at the heading size (in the big type a question is one line).
# The rest scrolls inside the card, so the notes pane below keeps its lines to type in at 1366x768. Given more
# room by the splitter, the card shows more at once.
_TALLEST_CARD = 72
_SPACING = 6  # between the card's lines, but beside a suggestion in a short pane


def _label(role: str, *, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setProperty("role", role)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def reason_text(suggestion: Suggestion) -> str:
    """Why the prompt is offered, saying who makes the link: the masterclass (a remedy it sets beside the
    challenge), CoPDesk (drawn from a quoted line), or the facilitator (a custom question's own reason)."""
    question = suggestion.question
    if is_custom(question.id) or question.signal_origin is None:
        return f"Your reason: {suggestion.reason}"
    section = question.signal_section or question.source
    if question.signal_origin is Origin.MASTERCLASS:
        return f"Why: the masterclass sets it beside “{suggestion.reason}” (Masterclass, {section})"
    return f"CoPDesk's suggestion, drawn from the masterclass's {section}: “{suggestion.reason}”"


def caution_text(question: Question) -> str | None:
    """A shipped question's caution is the masterclass's, so it is quoted with its section; a custom question's is the
    facilitator's own. The Why tip is its own caution, so it has none beside it."""
    if question.caution is None or question.caution == question.text:
        return None
    if is_custom(question.id) or question.origin is None:
        return question.caution
    return Attributed(question.caution, Origin.MASTERCLASS, question.caution_section).with_credit()


class QuestionCard(QScrollArea):
    """The current question, its category and model, its source and any caution, and a one-line notice.

    A notice (what just happened, such as every question having been drawn) takes the place of the source line
    while it shows, one line like it, cut between words with the whole of it on hover: it never asks the pane for
    room the notes below need, and is never scrolled out of view.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionCard")
        # A stop of the Tab chain (it scrolls a long question): a screen reader says what it holds.
        self.setAccessibleName("Question card")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder.setObjectName("questionCardBody")
        # The card sits on the pane, so it takes the pane's colour rather than the window's.
        self.setStyleSheet("QScrollArea#questionCard, QWidget#questionCardBody { background: transparent; }")
        self.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)  # the card's own frame (the stylesheet's, for the focus) is the margin
        layout.setSpacing(_SPACING)
        self.meta_label = ElidedLabel()  # one line; the whole of it on hover
        self.meta_label.setProperty("role", "hint")
        self.meta_label.setObjectName("questionMeta")
        self.guidance_label = _label("hint")
        self.guidance_label.setObjectName("questionGuidance")
        self.text_label = _label("big", selectable=True)
        self.text_label.setObjectName("questionText")
        self.text_label.setAccessibleName("Current question")
        self.empty_label = _label("emptyState")
        self.empty_label.setObjectName("questionEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.caution_label = _label("hint")
        self.caution_label.setObjectName("questionCaution")
        self.caution_label.setProperty("level", "amber")
        self.note_label = _label("hint")  # the entry's note: CoPDesk's word on it ("a step for planning …")
        self.note_label.setObjectName("questionNote")
        self.notice_label = ElidedLabel()
        self.notice_label.setProperty("role", "hint")
        self.notice_label.setObjectName("questionNotice")
        self.notice_label.setProperty("level", "amber")
        for widget in (
            self.notice_label,
            self.meta_label,
            self.guidance_label,
            self.text_label,
            self.empty_label,
            self.caution_label,
            self.note_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(holder)
        self._holder = holder
        self._body_layout = layout
        self._sized_for: tuple[str, int] | None = None  # the question and the room it was last sized for
        self.tallest: int | None = _TALLEST_CARD
        self.more_below = MoreBelow(self, "the question")
        self.show_question(None, prompt="")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_text()
        self._fit()
        self.more_below.place()

    def _size_text(self) -> None:
        """The big type when the question fits one line of the card, else the heading size, so what shows in the
        card's height is whole lines of the question rather than a line and a cut-off half.

        The room kept for the scroll bar (a caution below the question can bring it) stops a question that only
        just fits from wrapping once it shows. Measured again only when the question or the card's width changes.
        """
        label = self.text_label
        if not self.guidance_label.isHidden():
            return  # guidance for the facilitator keeps the body size: it is never the big "question"
        margins = self._body_layout.contentsMargins()
        scroll_bar = 0 if self.verticalScrollBar().isVisible() else self.verticalScrollBar().sizeHint().width()
        room = self.viewport().width() - scroll_bar - margins.left() - margins.right()
        if self._sized_for == (label.text(), room):
            return
        self._sized_for = (label.text(), room)
        if label.property("role") != "big":
            theme.set_role(label, "big")  # measured in the stylesheet's big type, whatever it is now
        if label.fontMetrics().horizontalAdvance(label.text()) > room:
            theme.set_role(label, "heading")

    def _fit(self) -> None:
        """Ask the splitter for the height the shown question needs, up to :attr:`tallest` (:meth:`set_room`)."""
        self.setMinimumHeight(self._least_height(self.tallest, self._body_layout.spacing()))

    def growth_standing_tall(self) -> int:
        """How much more room the card would ask in a pane of its usual height than it asks now, worked out without
        giving it that room (its least height then is the pane's to measure)."""
        if self.isHidden():
            return 0  # the remedies or the search results show in its place
        return self._least_height(_TALLEST_CARD, _SPACING) - self.minimumHeight()

    def _least_height(self, tallest: int | None, spacing: int) -> int:
        """The card's least height up to ``tallest`` (``None``: the lines above the question and one of it), its
        lines ``spacing`` apart."""
        holder = self._holder
        needed = holder.heightForWidth(self.viewport().width()) if holder.hasHeightForWidth() else -1
        if needed < 0:
            needed = holder.sizeHint().height()
        shown = sum(not label.isHidden() for label in self._holder.findChildren(QLabel))
        needed += (spacing - self._body_layout.spacing()) * max(shown - 1, 0)
        if tallest is None:  # beside a suggestion in a short pane: the lines above the question, and one of it
            above = (self.notice_label, self.meta_label, self.guidance_label)
            tallest = sum(self._height_of(label) + spacing for label in above if not label.isHidden())
            tallest += self.text_label.fontMetrics().lineSpacing()
        return min(needed, tallest) + 2 * self.frameWidth()

    def _height_of(self, label: QLabel) -> int:
        """A label's height at the card's width: its lines, wrapped or not."""
        if label.hasHeightForWidth():
            return label.heightForWidth(self.viewport().width())
        return label.sizeHint().height()

    def set_room(self, *, short: bool, suggestion: bool) -> None:
        """:data:`_TALLEST_CARD` in a pane of its usual height. In a short pane (a window 640 high), twice that with
        no suggestion above. Beside one, the lines above the question (its source, a tip's "for you") and its first
        line, closer together, so that every list of the notes below keeps a whole row: the rest of the question
        scrolls, and Tab reaches the card to scroll it."""
        if not short:
            self.tallest = _TALLEST_CARD
        else:
            self.tallest = None if suggestion else 2 * _TALLEST_CARD
        self._body_layout.setSpacing(2 if self.tallest is None else _SPACING)
        self._fit()

    def show_question(self, question: Question | None, *, prompt: str) -> None:
        """``prompt`` says what to do when there is no question yet."""
        self.clear_notice()
        for widget in (self.meta_label, self.text_label):
            widget.setVisible(question is not None)
        self.empty_label.setVisible(question is None)
        if question is None:
            self.guidance_label.hide()
            self.caution_label.hide()
            self.note_label.hide()
            self.empty_label.setText(prompt)
            self.setAccessibleDescription(prompt)
            self._fit()
            return
        names = [question.category] if question.model == question.category else [question.category, question.model]
        # The kind of guidance is said on the line below, so the credit has the room here.
        self.meta_label.set_full_text(f"{' · '.join(names)} · {question_credit(question)}")
        guidance = question.kind is not QuestionKind.QUESTION
        self.guidance_label.setVisible(guidance)
        if guidance:
            self.guidance_label.setText(
                f"{'A tip' if question.kind is QuestionKind.TIP else 'A listening technique'} for you, the "
                "facilitator: not one to ask aloud"
            )
            theme.set_role(self.text_label, "")
            self.text_label.setAccessibleName(f"Current {KIND_LABELS[question.kind]}")
        else:
            self.text_label.setAccessibleName("Current question")
            self._sized_for = None  # a question after guidance is measured afresh in the big type
        self.text_label.setText(question.text)
        # The label's name ("Current question") takes the place of its words for a screen reader: they are said too.
        self.text_label.setAccessibleDescription(question.text)
        self.setAccessibleDescription(f"{self.text_label.accessibleName()}: {question.text}")
        self._size_text()
        caution = caution_text(question)
        self.caution_label.setVisible(caution is not None)
        self.caution_label.setText(f"⚠ Caution: {caution}" if caution else "")
        self.note_label.setVisible(question.note is not None)
        self.note_label.setText(question.note or "")
        self._fit()

    def show_notice(self, text: str) -> None:
        self.notice_label.set_full_text(text)
        self.notice_label.show()
        self.meta_label.hide()

    def clear_notice(self) -> None:
        self.notice_label.set_full_text("")
        self.notice_label.hide()
        self.meta_label.setVisible(not self.text_label.isHidden())


class SuggestionBanner(QFrame):
    """One suggestion at a time, with the text that justifies it and who links it; *Another* steps through the rest."""

    use_requested = Signal(object)  # the suggested Question

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionSuggestion")
        self.setProperty("banner", "info")
        self.setAccessibleName("Suggested prompt")
        self.signal: SignalKind | None = None
        self.compact = False
        self._suggestions: list[Suggestion] = []
        self._index = 0
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 6)
        outer.setSpacing(2)
        top = QHBoxLayout()
        self.headline_label = ElidedLabel()
        self.headline_label.setObjectName("suggestionHeadline")
        self.headline_label.setStyleSheet("font-weight: 600;")
        top.addWidget(self.headline_label, 1)
        self.use_button = self._button("Use", "Make the suggestion the current question", top)
        self.another_button = self._button("Another", "Show another suggestion for the same signal", top)
        self.dismiss_button = self._button("Dismiss", "Hide the suggestion", top)
        outer.addLayout(top)
        self.text_label = _label("", selectable=True)
        self.text_label.setObjectName("suggestionText")
        self.text_label.setStyleSheet("font-weight: 600;")
        self.reason_label = ElidedLabel()
        self.reason_label.setObjectName("suggestionReason")
        self.reason_label.setProperty("role", "hint")
        self.note_label = _label("hint")
        self.note_label.setObjectName("suggestionNote")
        self.line_label = ElidedLabel()
        self.line_label.setObjectName("suggestionLine")
        self.line_label.setStyleSheet("font-weight: 600;")
        self.line_label.hide()
        outer.addWidget(self.text_label)
        outer.addWidget(self.line_label)
        outer.addWidget(self.note_label)
        outer.addWidget(self.reason_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # every line of it shows
        self.use_button.clicked.connect(self._use)
        self.another_button.clicked.connect(self.another)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hide()

    def sizeHint(self) -> QSize:
        """As tall as its lines are at the width it has. Qt's own hint wraps the suggestion at a narrow width of its
        choosing, and the banner, which shows every line, then claimed rows of the pane for lines it never has: the
        splitter took them from the notes below, the follow-up list first."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its lines, and so its height, follow its width

    def growth_standing_tall(self) -> int:
        """How much taller the banner would stand with the suggestion's lines in place of its one line, at its width."""
        if self.isHidden() or not self.compact:
            return 0
        margins = self._outer.contentsMargins()
        lines = self.text_label.heightForWidth(self.width() - margins.left() - margins.right())
        return lines - self.line_label.sizeHint().height()

    def set_compact(self, compact: bool) -> None:
        """In a short pane (a window 640 high): the suggestion on one line, cut after a whole word with the whole of it
        on hover, in place of lines the pane has no room for."""
        self.compact = compact
        self.text_label.setVisible(not compact)
        self.line_label.setVisible(compact)

    def _button(self, text: str, accessible: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        row.addWidget(button)
        return button

    @property
    def current(self) -> Suggestion | None:
        return self._suggestions[self._index] if self._suggestions else None

    def offer(self, signal: SignalKind, suggestions: list[Suggestion]) -> None:
        self.signal = signal
        self._suggestions = suggestions
        self._index = 0
        if not suggestions:
            self.dismiss()
            return
        self.another_button.setEnabled(len(suggestions) > 1)
        self._render()
        self.show()

    def offer_matching(self, room: RoomSignal, pool: list[Question], *, drawn: set[str], rng: random.Random) -> None:
        """The bank's prompts for the signal: a fresh order each time (the core keeps questions before guidance),
        and what was not drawn this session first."""
        shuffled = list(pool)
        rng.shuffle(shuffled)
        suggestions = suggested_prompts(room, shuffled)
        fresh = [suggestion for suggestion in suggestions if suggestion.question.id not in drawn]
        self.offer(room.kind, fresh or suggestions)

    def another(self) -> None:
        if self._suggestions:
            self._index = (self._index + 1) % len(self._suggestions)
            self._render()

    def dismiss(self) -> None:
        self.signal = None
        self._suggestions = []
        self.hide()

    def _render(self) -> None:
        suggestion = self._suggestions[self._index]
        kind = (
            "" if suggestion.question.kind is QuestionKind.QUESTION else f" ({KIND_LABELS[suggestion.question.kind]})"
        )
        self.headline_label.set_full_text(f"SUGGESTION · {SIGNAL_HEADLINES[suggestion.signal]}")
        text = suggestion.question.text + kind
        self.another_button.setText(f"Another ({self._index + 1}/{len(self._suggestions)})")
        self.text_label.setText(text)
        self.line_label.set_full_text(text)
        self.note_label.setVisible(suggestion.question.note is not None)
        self.note_label.setText(suggestion.question.note or "")
        self.reason_label.set_full_text(reason_text(suggestion))

    def _use(self) -> None:
        suggestion = self.current
        if suggestion is not None:
            self.use_requested.emit(suggestion.question)
            self.dismiss()
