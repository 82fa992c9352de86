"""What a Designer form (``copdesk/views/forms``) cannot say by itself, done the same way for every dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent, QValidator
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QWidget,
)

from copdesk.views.widgets.labels import elide_words
from copdesk.views.widgets.typed_words import TypedWords

LINE_EDIT_MARGIN = 2  # QLineEdit's own room either side of its text, inside the style's contents rectangle
EXAMPLE = ", e.g. "  # where a placeholder's example begins: "What was agreed, e.g. Share the carers' checklist"


class CharacterLimit(QValidator):
    """At most ``most`` characters in a one-line field, counted as the core counts them (``len``: one emoji is one
    character), where Qt's own ``setMaxLength`` counts UTF-16 units (an emoji is two): an 80-character name with an
    emoji in it lost its last letter when its cell opened, and a name typed to the limit was cut short, or cut
    through the middle of its last emoji. What would go past the limit is left out where it was being put in (the
    end of a paste, the key just typed), never half a character, and :attr:`cut` says it was; :attr:`held` is then
    what the field holds.

    With ``whole_words``, a paste cut in the middle of a word keeps none of that word ("… therapy", never "… therapy
    assess"), unless the words it kept are that one word alone."""

    cut = Signal()

    def __init__(self, most: int, parent: QObject | None = None, *, whole_words: bool = False) -> None:
        super().__init__(parent)
        self.most, self.whole_words = most, whole_words
        self.held = ""  # the text last let through: where a paste began is found against it

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        excess = len(text) - self.most
        if excess <= 0:
            self.held = text
            return QValidator.State.Acceptable, text, position
        at = _index_of_unit(text, position)  # Qt's cursor counts UTF-16 units
        start = max(at - excess, 0)
        if self.whole_words:
            start = self._word_start(text, start, at)
        kept = (text[:start] + text[at:])[: self.most]
        self.held = kept
        self.cut.emit()
        return QValidator.State.Acceptable, kept, utf16_offset(kept, min(start, len(kept)))

    def _word_start(self, text: str, start: int, at: int) -> int:
        """``start`` moved back to the start of a word the cut at ``start`` would split, though never before where
        the paste ending at ``at`` began (what the field held stays whole). At the end, the spaces before it go too."""
        if start == 0 or text[start - 1].isspace() or text[start].isspace():
            return start
        same = next(
            (i for i, (was, now) in enumerate(zip(self.held, text, strict=False)) if was != now), len(self.held)
        )
        pasted_from = max(min(same, at - (len(text) - len(self.held))), 0)
        word = max((i + 1 for i in range(pasted_from, start) if text[i].isspace()), default=None)
        if word is None:
            return start  # one word longer than the limit: its start is kept
        while at == len(text) and word > pasted_from and text[word - 1].isspace():
            word -= 1
        return word


def _index_of_unit(text: str, units: int) -> int:
    """The index in ``text`` of the character at ``units`` UTF-16 units from its start."""
    counted = 0
    for index, character in enumerate(text):
        if counted >= units:
            return index
        counted += 2 if ord(character) > 0xFFFF else 1
    return len(text)


def utf16_offset(text: str, index: int) -> int:
    """The Qt cursor position of Python index ``index`` in ``text``: Qt counts UTF-16 units (an emoji is two)."""
    return len(text[:index].encode("utf-16-le", "surrogatepass")) // 2


def hold_characters(field: QLineEdit, most: int, *, whole_words: bool = False) -> CharacterLimit:
    """Make ``field`` hold at most ``most`` characters (:class:`CharacterLimit`): every one-line field with a limit
    is given it here, never with ``setMaxLength``."""
    limit = CharacterLimit(most, field, whole_words=whole_words)
    limit.held = field.text()
    field.setValidator(limit)
    return limit


def say_when_cut(field: QLineEdit, say: Callable[[str], None], advice: str = "") -> None:
    """Say it when a paste (or a key) would take ``field`` past what it holds (:func:`hold_characters`): only the
    start of it is kept, and the rest would otherwise be gone without a word. ``advice`` follows, after a space."""
    limit = field.validator()
    if not isinstance(limit, CharacterLimit):
        raise TypeError(f"{field.accessibleName()} holds any length: give it hold_characters first")
    limit.cut.connect(
        lambda: say(
            f"{field.accessibleName()} holds at most {limit.most:,} characters: the rest was not taken."
            f"{f' {advice}' if advice else ''}"
        )
    )


class LimitedCellDelegate(QStyledItemDelegate):
    """A table cell typed into as the field it stands for is: its editor holds at most ``limit`` characters, and a
    paste or a key past that is said (:func:`say_when_cut`). Without it the editor took any length, and the name the
    store then refused was gone with the editor."""

    def __init__(self, parent: QWidget, what: str, limit: int, say: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._what, self._limit, self._say = what, limit, say

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            hold_characters(editor, self._limit)
            editor.setAccessibleName(self._what)
            say_when_cut(editor, self._say)
        return editor


def fit_height_on_screen(window: QWidget) -> None:
    """Make a shown ``window`` as tall as its content at the width it has, short of the screen's foot, where its
    buttons would be out of reach (beyond that, what scrolls in it scrolls), and move it up if it then overhangs.

    Qt opens a dialog no taller than two thirds of the screen, and measures wrapped words at a narrower width than
    the dialog has: a list that had room on a 1366x768 laptop scrolled, and words had a gap under them.
    """
    layout = window.layout()
    if layout is None:
        return
    width = window.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    room = window.screen().availableGeometry()
    frame = window.frameGeometry().height() - window.height()
    window.resize(width, min(needed, room.height() - frame))
    overhang = window.frameGeometry().bottom() - room.bottom()
    if overhang > 0:
        window.move(window.x(), max(room.top(), window.y() - overhang))


def unsaved_settled(parent: QWidget, title: str, question: str, save: Callable[[], bool]) -> bool:
    """Ask about unsaved edits (Save, Discard or Cancel) before they would be dropped: True once they are saved or
    discarded, False to stay (Cancel, or a save refused, which says why itself)."""
    buttons = QMessageBox.StandardButton
    answer = _asked(parent, title, question, buttons.Save | buttons.Discard | buttons.Cancel)
    if answer == buttons.Save:
        return save()
    return answer == buttons.Discard


def leaving_typed_words(parent: QWidget, title: str, question: str) -> bool:
    """Ask before words typed in a question that is closing are left behind (Discard or Cancel, Cancel the default):
    True to leave them, False to stay."""
    buttons = QMessageBox.StandardButton
    return _asked(parent, title, question, buttons.Discard | buttons.Cancel, buttons.Cancel) == buttons.Discard


def _asked(
    parent: QWidget,
    title: str,
    question: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """Qt's ``QMessageBox.question``, in a :class:`MessageBox`: its buttons have accessible names, where Qt's own
    box left them without one. The answer is the button pressed (Esc: the box's escape button, or NoButton)."""
    box = MessageBox(QMessageBox.Icon.Question, title, question, buttons, parent)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


LEAVE_TYPED_WORDS = "Leave without saving what you typed?"


def may_leave(dialog: QWidget, typed: TypedWords | None, question: str = LEAVE_TYPED_WORDS) -> bool:
    """Whether a dialog closing without saving (Esc, Cancel or its title bar, which all come to ``reject``) may leave
    ``typed`` behind: at once when nothing is typed (or only spaces), else only when the facilitator says Discard
    (:func:`leaving_typed_words`). However short, what was typed is asked about: Esc is pressed out of habit."""
    if typed is None or not typed.words.strip():
        return True
    return leaving_typed_words(dialog, dialog.windowTitle(), question)


def name_standard_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Neither Designer nor Qt gives a standard button an accessible name: each without one takes its caption,
    without the mnemonic ("&Cancel" is "Cancel")."""
    for button in box.buttons():
        if not button.accessibleName():
            button.setAccessibleName(button.text().replace("&", ""))


class MessageBox(QMessageBox):
    """A message box whose buttons all have accessible names once it shows (:func:`name_standard_buttons`): a
    screen reader landed on OK or Cancel, in a box of Qt's, and the button said nothing of what it was."""

    def showEvent(self, event: QShowEvent) -> None:
        name_standard_buttons(self)
        super().showEvent(event)


def tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message with its OK button named (:class:`MessageBox`), in place of Qt's ``QMessageBox.information``,
    ``warning`` or ``critical``, whose OK a screen reader found without a name."""
    MessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()


def place_field(form: QFormLayout, label: QLabel, field: QWidget, *, after: QWidget | None) -> None:
    """Put a field made in code (it needs constructor arguments uic cannot pass) beside its label from the form.

    Made last, it would come last in the tab order: it goes after ``after``, or first (None), where the focus is
    when the dialog opens and where Tab starts, the form's controls after it in their order.
    """
    form.setWidget(row_of(form, label), QFormLayout.ItemRole.FieldRole, field)
    label.setBuddy(field)
    if after is None:
        # Each put straight after the field, the last first: the chain is a ring, and Qt leaves a control already
        # next to the field where it is (the first is next to it, round the ring, until the others have moved).
        for stop in reversed(_tab_stops_but(field)):
            QWidget.setTabOrder(field, stop)
        field.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    else:
        QWidget.setTabOrder(after, field)


def _tab_stops_but(field: QWidget) -> list[QWidget]:
    """The controls Tab reaches in ``field``'s window, in their order, without ``field`` and any control's parts."""
    window, stops = field.window(), list[QWidget]()
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        if takes_tab and widget is not field and not any(stop.isAncestorOf(widget) for stop in (field, *stops)):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def insert_row_below(form: QFormLayout, above: QWidget, widget: QWidget) -> None:
    """A whole-width row made in code (an identifier warning watching ``above``), just below ``above``."""
    form.insertRow(row_of(form, above) + 1, widget)
    QWidget.setTabOrder(above, widget)


def row_of(form: QFormLayout, widget: QWidget) -> int:
    """The form row that holds ``widget``, for rows made in code beside rows made in Designer."""
    position: tuple[int, QFormLayout.ItemRole] = form.getWidgetPosition(widget)  # type: ignore[assignment]
    return position[0]


class WordsPlaceholder(QObject):
    """A one-line field's placeholder in whole words, fitted again as the field resizes: Qt cuts it wherever the room
    ends ("What was agreed, e.g. Share the c…"). Too long for the field, its example goes, whole ("What was agreed"),
    and only a field too narrow even for that is cut, between words."""

    def __init__(self, field: QLineEdit, text: str) -> None:
        super().__init__(field)
        self.field, self.text = field, text
        field.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def room(self) -> int:
        return text_room(self.field)

    def fit(self) -> None:
        metrics, room = self.field.fontMetrics(), self.room()
        what = self.text.partition(EXAMPLE)[0]
        fitted = self.text if metrics.horizontalAdvance(self.text) <= room else elide_words(what, metrics, room)
        self.field.setPlaceholderText(fitted)


def text_room(field: QLineEdit) -> int:
    """The width Qt draws ``field``'s text in (as ``QLineEdit::paintEvent`` works it out), in pixels."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return contents.width() - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN


class WideEnoughFor(QObject):
    """``field`` never narrower than the widest of ``texts`` needs, in the font and padding it has once laid out (a
    field takes its pane's font when it is put in it, after it is made)."""

    def __init__(self, field: QLineEdit, *texts: str) -> None:
        super().__init__(field)
        self.field, self.texts = field, texts
        field.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish):
            self.fit()
        return False

    def fit(self) -> None:
        field, metrics = self.field, self.field.fontMetrics()
        padding = field.width() - text_room(field)
        field.setMinimumWidth(padding + max(metrics.horizontalAdvance(text) for text in self.texts) + 1)
