"""The question picker pane (objectName ``questionPanel``): the right question at the right moment.

How it behaves, and why:

- **Next** (Q or Ctrl+Right) draws with the core :class:`Picker`: random, never a repeat within the
  session, balanced across the selected categories, least-asked first across sessions, optionally
  as a funnel from broad to specific. After **Back** it first walks forward through what was shown.
- **Mark as asked** (Ctrl+M) and **Favourite** are written as :mod:`copdesk.views.live.questions.question_marks` says.
- While a segment runs, draws follow it (``phase_questions``), and entering a segment draws a fresh
  question for it. Any engagement marker (tension, low energy, the same issue again), or a quiet-voice signal,
  brings up a matching prompt in a separate frame marked as a suggestion, with the quoted text behind it and
  who makes the link (the masterclass, or CoPDesk). The marker's remedies show in the question's place
  (``remedies_requested``): inside this pane, they hide neither the timer nor any control, and Esc, Close or the
  next question puts them away. A marker taken back (``marker_taken_back``) takes its remedies and prompt with it.
- ``LiveSession.question_shown`` carries the current question for the share-safe view. Tips and
  listening techniques are guidance for the facilitator, so for them it carries an empty string.
- With no session live the pane still draws and searches, for browsing, and says nothing is logged.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton, QWidget

from copdesk.core.model import MarkerKind, SegmentPhase
from copdesk.core.picker import (
    SEGMENT_OFFERS,
    Picker,
    QuestionFilter,
    RoomSignal,
    signal_for_marker,
)
from copdesk.core.question_bank import Bank, DeckError, Question, QuestionKind, SignalKind, load_bank
from copdesk.store import questions as store
from copdesk.store import sessions
from copdesk.store.questions import CustomQuestionRow
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.participation.engagement_markers import RemediesPage
from copdesk.views.live.questions.custom_questions_dialog import CustomQuestionsDialog
from copdesk.views.live.questions.question_filter_bar import QuestionFilterBar
from copdesk.views.live.questions.question_keys import (
    ASKED_KEY,
    BACK_KEYS,
    FAVOURITE_KEY,
    NEXT_KEYS,
    SEARCH_KEY,
    add_key,
    key_button,
)
from copdesk.views.live.questions.question_marks import QuestionMarks
from copdesk.views.live.questions.question_search import QuestionSearch
from copdesk.views.live.questions.question_widgets import QuestionCard, SuggestionBanner
from copdesk.views.live.questions.short_column import ShortColumn
from copdesk.views.widgets import theme
from copdesk.views.widgets.labels import ElidedLabel
from copdesk.views.widgets.page_stack import ShownPageStack
from copdesk.views.widgets.pane import Pane
from copdesk.views.widgets.short_captions import ShortCaptionRow

CARD_PAGE, RESULTS_PAGE, REMEDIES_PAGE = 0, 1, 2
MIN_PAGE_HEIGHT = 36
SEARCH_WIDTH = 140  # the least the search field keeps beside the buttons: a few words of a search


class QuestionPanel(Pane):
    def __init__(self, context: AppContext, live_session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__("questionPanel", "Questions", parent)
        self.context = context
        self.live = live_session
        self.rng = random.Random()
        self.bank = Bank(())
        self.custom: list[CustomQuestionRow] = []
        self.segment_name = ""
        self._segment_position: int | None = None
        self.custom_dialog: CustomQuestionsDialog | None = None
        self._suggestion_from_marker = False
        self._announced: tuple[str, str] | None = None
        self.picker = Picker((), rng=self.rng)
        self._build()
        self.marks = QuestionMarks(context, live_session, refresh=self._refresh, notice=self.card.show_notice)
        try:
            self.bank = load_bank(context.resource("questions"))
        except DeckError as exc:
            self.show_empty(f"The question bank could not be read ({exc}). Reinstall CoPDesk to restore it.")
            self.setEnabled(False)
            return
        self.reload_custom_questions()
        live_session.started.connect(self._session_started)
        live_session.ended.connect(self._session_ended)
        live_session.segment_changed.connect(self._segment_changed)
        live_session.room_signal.connect(self._room_signal)
        live_session.marker_logged.connect(self._marker_logged)
        live_session.marker_taken_back.connect(self._marker_taken_back)
        live_session.remedies_requested.connect(self.show_remedies)
        self._refresh()

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        # Three rows of buttons (a suggestion's, the draw's, the filters') share the pane with the question and
        # a suggestion of two lines at 1366x768: slimmer buttons leave every line of both in view.
        self.setStyleSheet(f"{theme.SLIM_BUTTONS} QLineEdit {{ padding-top: 2px; padding-bottom: 2px; }}")
        self.mode_label = ElidedLabel()
        self.mode_label.setObjectName("questionMode")
        theme.set_role(self.mode_label, "hint")
        self.header_tools.insertWidget(1, self.mode_label, 10)  # most of the free width, beside the title
        self.custom_button = QPushButton("Your questions…")
        self.custom_button.setAccessibleName("Add, edit, hide, import or export your own questions")
        self.custom_button.clicked.connect(self.open_custom_questions)
        self.header_tools.addWidget(self.custom_button)

        self.banner = SuggestionBanner()
        self.banner.use_requested.connect(self.show_question)
        self.body.addWidget(self.banner)

        self.card = QuestionCard()
        self.search = QuestionSearch(self)
        self.search.opened.connect(self._search_opened)
        self.search.closed.connect(self._search_closed)
        self.search.chosen.connect(self.show_question)
        self.search.field.setToolTip(f"Search the masterclass's questions and your own ({SEARCH_KEY})")
        add_key(self, self, "Search questions", (SEARCH_KEY,), self.search.focus)
        self.stack = ShownPageStack()
        self.stack.addWidget(self.card)
        self.stack.addWidget(self.search.results_view)
        self.remedies_page = RemediesPage()
        self.remedies_page.closed.connect(self.hide_remedies)
        self.remedies_card = self.remedies_page.card
        self.stack.addWidget(self.remedies_page)
        for page in (self.search.results_view, self.remedies_page):
            page.setMinimumHeight(MIN_PAGE_HEIGHT)  # they scroll: shown, they keep the pane no taller than this
        self.body.addWidget(self.stack, 1)
        self.controls = self._build_controls()
        self.body.addWidget(self.controls)
        self.filters = QuestionFilterBar()
        self.filters.changed.connect(self._refresh)
        self.filters.funnel_toggled.connect(self._funnel_toggled)
        self.body.addWidget(self.filters)
        self.short_column = ShortColumn(self.body, self.banner, self.card, self.filters, self.controls)
        self.header_tools.insertWidget(2, self.short_column.filters_button)  # beside "Your questions…", when short

    def _build_controls(self) -> ShortCaptionRow:
        """Back, Next question, Favourite, Mark as asked and the search field; in a window too narrow for their
        words (1024 wide), "Next", the star alone, "Mark asked" and "Search questions", in place of words cut
        through."""
        row = ShortCaptionRow()
        self.back_button = key_button(self, "Back", "Previous question", BACK_KEYS, self.previous_question)
        self.next_button = key_button(self, "Next question", "Next question", NEXT_KEYS, self.next_question)
        self.next_button.setProperty("primary", True)
        self.favourite_button = QToolButton()
        self.favourite_button.setCheckable(True)
        self.favourite_button.setIcon(theme.icon(self.context.resources, "star"))
        self.favourite_button.setText("Favourite")
        self.favourite_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        add_key(self, self.favourite_button, "Favourite", (FAVOURITE_KEY,), self.toggle_favourite)
        self.favourite_button.clicked.connect(self.toggle_favourite)
        self.asked_button = key_button(self, "Mark as asked", "Mark as asked", (ASKED_KEY,), self.toggle_asked)
        self.asked_button.setCheckable(True)
        row.add(self.back_button)
        row.add(self.next_button, short={"Next question": "Next"})
        row.add(self.favourite_button, short={"Favourite": ""})
        row.add(self.asked_button, short={"Mark as asked": "Mark asked"})
        row.row.addSpacing(8)
        self.search.field.setMinimumWidth(SEARCH_WIDTH)
        row.add(self.search.field, 1, short={self.search.field.placeholderText(): "Search questions"})
        return row

    # -- the pool and the filter --------------------------------------------------------------
    def pool(self) -> list[Question]:
        """The shipped bank and the custom questions that are not hidden."""
        return [*self.bank, *(row.as_question() for row in self.custom)]

    def draw_filter(self) -> QuestionFilter:
        return self.filters.draw_filter(self.marks.favourite_ids, self.segment_phase())

    def segment_phase(self) -> SegmentPhase | None:
        if not self.live.is_live or self.live.segment_phase is None:
            return None
        try:
            return SegmentPhase(self.live.segment_phase)
        except ValueError:
            return None

    @property
    def current(self) -> Question | None:
        return self.picker.current

    # -- actions ------------------------------------------------------------------------------
    @property
    def remedies_shown(self) -> bool:
        return self.stack.currentIndex() == REMEDIES_PAGE

    def show_remedies(self, kind: str, follow_up: str) -> None:
        try:
            marker = MarkerKind(kind)
        except ValueError:
            return
        self.search.close()
        self.remedies_page.show_for(marker, follow_up)
        self.stack.setCurrentIndex(REMEDIES_PAGE)

    def hide_remedies(self) -> None:
        self.remedies_page.put_away()
        if self.remedies_shown:
            self.stack.setCurrentIndex(CARD_PAGE)
            self._refresh()

    def next_question(self) -> None:
        self.hide_remedies()
        self.search.close()
        if self.picker.can_go_forward:
            self.picker.forward()
        elif self.picker.draw(self.draw_filter()) is None:
            self._refresh()
            self.card.show_notice(self._nothing_left())
            return
        self._refresh()

    def previous_question(self) -> None:
        self.hide_remedies()
        self.search.close()
        self.picker.back()
        self._refresh()

    def show_question(self, question: Question) -> None:
        """Make a question picked by hand (a search result, a suggestion) the current one."""
        self.hide_remedies()
        self.search.close()
        self.picker.show(question)
        self._refresh()

    def toggle_favourite(self) -> None:
        self.marks.toggle_favourite(self.picker.current)

    def toggle_asked(self) -> None:
        self.marks.toggle_asked(self.picker.current)

    def open_custom_questions(self) -> CustomQuestionsDialog:
        if self.custom_dialog is None:
            self.custom_dialog = CustomQuestionsDialog(self.context, self.bank, self)
            self.custom_dialog.changed.connect(self.reload_custom_questions)
        self.custom_dialog.open()
        self.custom_dialog.raise_()
        return self.custom_dialog

    def reload_custom_questions(self) -> None:
        self.custom = store.custom_questions(self.context.db)
        pool = self.pool()
        self.picker.set_questions(pool)
        self.search.set_questions(pool)
        self.filters.set_options(self.bank, (row.as_question() for row in self.custom))
        self._refresh()

    def _funnel_toggled(self, on: bool) -> None:
        self.picker.funnel = on
        self.picker.restart_funnel()
        self._refresh()

    def _search_opened(self) -> None:
        self.remedies_page.put_away()
        self.stack.setCurrentIndex(RESULTS_PAGE)

    def _search_closed(self) -> None:
        self.stack.setCurrentIndex(CARD_PAGE)
        self._refresh()

    # -- the live session ---------------------------------------------------------------------
    def _session_started(self, session_id: int) -> None:
        team_id = self.live.team_id
        db = self.context.db
        seen = store.team_ask_counts(db, team_id) if team_id is not None else {}
        asked = [entry.question_key for entry in store.asked_in_session(db, session_id)]
        self.marks.logged_ids = set(asked)
        self.picker = Picker(
            self.pool(), rng=self.rng, seen_before=seen, asked=asked, funnel=self.filters.funnel_button.isChecked()
        )
        self.segment_name = ""
        self._segment_position = None
        self.banner.dismiss()
        self._refresh()

    def _session_ended(self, _session_id: int) -> None:
        self.hide_remedies()
        self.marks.logged_ids = set()
        self.segment_name = ""
        self._segment_position = None
        self.picker = Picker(self.pool(), rng=self.rng, funnel=self.filters.funnel_button.isChecked())
        self.banner.dismiss()
        self._refresh()

    def _segment_changed(self, position: int, _phase: str) -> None:
        session_id = self.live.session_id
        segment = (
            next((s for s in sessions.segments(self.context.db, session_id) if s.position == position), None)
            if session_id is not None
            else None
        )
        self.segment_name = segment.name if segment is not None else f"Segment {position + 1}"
        entered, self._segment_position = position != self._segment_position, position
        # A fresh question only on entering a new segment: a repeated announcement (a resume) keeps what is shown.
        if entered and self.filters.matching(self.segment_phase()):
            self.picker.restart_funnel()
            if self.picker.draw(self.draw_filter()) is None:
                self._refresh()
                self.card.show_notice(self._nothing_left())
                return
        self._refresh()

    def _room_signal(self, kind: str) -> None:
        if not kind:
            if not self._suggestion_from_marker:
                self.banner.dismiss()
            return
        try:
            signal = SignalKind(kind)
        except ValueError:
            return
        if self.banner.signal is not signal:
            self._offer(signal, from_marker=False)

    def _marker_logged(self, kind: str) -> None:
        try:
            signal = signal_for_marker(MarkerKind(kind))
        except ValueError:
            return
        self._offer(signal, from_marker=True)

    def _marker_taken_back(self, kind: str) -> None:
        """A marker pressed by mistake and taken back: its remedies and the prompt it offered go too, rather than
        go on telling of a room that never was (a signal that still stands is offered again straight after)."""
        marker = MarkerKind(kind)
        if self.remedies_shown and self.remedies_page.kind is marker:
            self.hide_remedies()
        if self._suggestion_from_marker and self.banner.signal is signal_for_marker(marker):
            self.banner.dismiss()
            self._suggestion_from_marker = False

    def _offer(self, signal: SignalKind, *, from_marker: bool) -> None:
        self._suggestion_from_marker = from_marker
        room = RoomSignal(signal, since=self.context.monotonic())
        self.banner.offer_matching(room, self.pool(), drawn=set(self.picker.asked_ids), rng=self.rng)

    # -- display ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        question = self.picker.current
        if self.stack.currentIndex() == CARD_PAGE or question is None:
            self.card.show_question(question, prompt=self._empty_prompt())
        live = self.live.is_live
        askable = live and question is not None and question.kind is QuestionKind.QUESTION
        self.back_button.setEnabled(self.picker.can_go_back)
        self.favourite_button.setEnabled(question is not None)
        favourite = question is not None and question.id in self.marks.favourite_ids
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setIcon(theme.icon(self.context.resources, "star-filled" if favourite else "star"))
        self.asked_button.setEnabled(askable)
        asked = question is not None and question.id in self.marks.logged_ids
        self.asked_button.setChecked(asked)
        self.asked_button.setText("Asked ✓" if asked else "Mark as asked")
        self.search.set_marks(self.marks.favourite_ids, self.marks.logged_ids)
        self._update_mode()
        self._announce(question)

    def _update_mode(self) -> None:
        phase = self.segment_phase()
        if not self.live.is_live:
            mode = "Browsing · no session is live, so nothing is logged"
        elif phase is None:
            mode = "Live · what you mark as asked goes in the session record"
        elif self.filters.match_segment.isChecked():
            mode = f"Live · {self.segment_name}: {SEGMENT_OFFERS[phase]}"
        else:
            mode = f"Live · {self.segment_name}: any question (not matched to the segment)"
        self.mode_label.set_full_text(mode)

    def _announce(self, question: Question | None) -> None:
        """Tell the share-safe view, once per change; guidance for the facilitator is never shown to the room."""
        shown = question.text if question is not None and question.kind is QuestionKind.QUESTION else ""
        key = (question.id if question is not None else "", shown)
        if key != self._announced:
            self._announced = key
            self.live.question_shown.emit(shown)

    def _empty_prompt(self) -> str:
        return "Press Next question (Q) to draw a question, or search all of them beside it."

    def _nothing_left(self) -> str:
        matching = self.filters.matching(self.segment_phase())
        turn_off = ", turn off Suits this part" if matching else ""
        if not self.draw_filter().apply(self.pool()):  # none fits at all, drawn or not
            starred = self.filters.favourites_only.isChecked() and not self.marks.favourite_ids
            why = " (★ only is on, and no question is starred yet)" if starred else ""
            return f"No question fits the filters{why}. Widen the filters{turn_off}, or search for one."
        matched = " and suits this segment" if matching else ""
        return (
            f"Every question that fits the filters{matched} has been drawn this session. "
            f"Widen the filters{turn_off}, or search for one."
        )
