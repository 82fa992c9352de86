"""Marking people present after the start: a latecomer ticked from the team, or a guest added on the spot.

Nothing is written until "Mark present", and then in one transaction
(:func:`copdesk.services.sessions.add_latecomers`), so a refused guest name, a refused write, or cancelling,
leaves the session as it was. Only people not yet present and still
active on the team are offered; someone made inactive is made active again in File ▸ Team members.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from copdesk.core.model import Member
from copdesk.core.text import MAX_NAME_LENGTH, InvalidName, clean_person_name, name_key
from copdesk.services.sessions import add_latecomers
from copdesk.store import sessions, teams
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_add_people import Ui_AddPeopleDialog
from copdesk.views.widgets.forms import hold_characters, may_leave, say_when_cut
from copdesk.views.widgets.typed_words import TypedWords, field_lines, rereads

_MEMBER_ID = Qt.ItemDataRole.UserRole
_GUEST_NAME = Qt.ItemDataRole.UserRole + 1
NOBODY_ABSENT = "Everyone on the team is already marked present. Add a guest below."


class AddPeopleDialog(QDialog):
    """Returns (through :attr:`added`) the ids marked present once accepted."""

    def __init__(self, context: AppContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AddPeopleDialog()
        self.ui.setupUi(self)
        self.context = context
        self.session_id = session_id
        self.added: list[int] = []
        db = context.db
        team_id = sessions.get_session(db, session_id).team_id
        present = set(sessions.attendee_ids(db, session_id))
        self.everyone: list[Member] = teams.list_members(db, team_id, include_inactive=True)
        self.present_keys = {name_key(m.display_name) for m in self.everyone if m.id in present}
        absent = [m for m in self.everyone if m.active and m.id not in present]

        ui = self.ui
        self.absent_list, self.nobody_label, self.guest_edit = ui.absentList, ui.nobodyLabel, ui.guestEdit
        self.error_label, self.mark_button = ui.addPeopleError, ui.markButton
        self.absent_list.itemChanged.connect(self._update_button)
        self.absent_list.itemActivated.connect(self._mark_now)
        for member in absent:
            self._add_item(member.display_name, member.role.label, member_id=member.id, checked=False)
        self.nobody_label.setText(NOBODY_ABSENT)
        self.nobody_label.setVisible(not absent)
        hold_characters(self.guest_edit, MAX_NAME_LENGTH)
        say_when_cut(self.guest_edit, self.error_label.setText)  # a long paste is cut, never in silence
        self.guest_edit.returnPressed.connect(self.add_guest)
        ui.addGuestButton.clicked.connect(self.add_guest)
        ui.cancelButton.clicked.connect(self.reject)
        self.mark_button.clicked.connect(self.mark_present)
        self._update_button()

    def _add_item(self, name: str, role: str, *, member_id: int | None, checked: bool) -> None:
        item = QListWidgetItem(f"{name}  ·  {role}")
        item.setData(_MEMBER_ID, member_id)
        item.setData(_GUEST_NAME, None if member_id is not None else name)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {role}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.absent_list.addItem(item)

    def _items(self) -> list[QListWidgetItem]:
        return [self.absent_list.item(row) for row in range(self.absent_list.count())]

    def ticked(self) -> list[QListWidgetItem]:
        return [item for item in self._items() if item.checkState() == Qt.CheckState.Checked]

    def set_ticked(self, names: set[str]) -> None:
        """Tick people by display name (for keyboard-free use, and for tests)."""
        for item in self._items():
            name = str(item.data(Qt.ItemDataRole.AccessibleTextRole)).split(", ")[0]
            if name in names:
                item.setCheckState(Qt.CheckState.Checked)

    def _update_button(self) -> None:
        count = len(self.ticked())
        self.mark_button.setEnabled(count > 0)
        self.mark_button.setText(f"&Mark {count} present" if count > 1 else "&Mark present")
        self.absent_list.setVisible(self.absent_list.count() > 0)
        self.nobody_label.setVisible(self.absent_list.count() == 0)

    def add_guest(self) -> bool:
        """Add the typed guest, ticked; a bad or duplicate name is refused with one line and nothing changes."""
        try:
            name = clean_person_name(self.guest_edit.text(), what="Guest name")
        except InvalidName as error:
            self.error_label.setText(str(error))
            return False
        key = name_key(name)
        taken = next((m for m in self.everyone if name_key(m.display_name) == key), None)
        listed = {name_key(str(item.data(_GUEST_NAME))) for item in self._items() if item.data(_GUEST_NAME)}
        if key in self.present_keys:
            message = f"{name} is already marked present."
        elif taken is not None and not taken.active:
            message = f"{name} is on the team but inactive; make them active in File ▸ Team members."
        elif taken is not None or key in listed:
            message = f"{name} is already on the list; tick them instead."
        else:
            message = ""
        if message:
            self.error_label.setText(message)
            return False
        self._add_item(name, "Guest (new)", member_id=None, checked=True)
        self.guest_edit.clear()
        self.error_label.clear()
        self._update_button()
        return True

    def _guests(self, items: list[QListWidgetItem]) -> list[str]:
        return [str(item.data(_GUEST_NAME)) for item in items if item.data(_GUEST_NAME)]

    def typed_words(self) -> TypedWords | None:
        """The guests added to the list and the guest name being typed (:mod:`copdesk.views.widgets.typed_words`):
        until "Mark present" they are saved nowhere. Who was ticked from the team is no one's words."""
        fields = (("Guests", ", ".join(self._guests(self.ticked()))), ("Guest name", self.guest_edit.text()))
        lines = field_lines(fields)
        return TypedWords(self.windowTitle(), lines) if lines else None

    def reject(self) -> None:
        """Cancel, Esc or the title bar: guests typed are left behind only when the facilitator says so."""
        if may_leave(self, self.typed_words()):
            super().reject()

    def put_away(self) -> None:
        """The session has ended: nobody can be marked present in it any more, so the dialog goes without asking."""
        super().reject()

    def _mark_now(self, item: QListWidgetItem) -> None:
        """Enter or a double-click on a name: that person (and anyone already ticked) is marked present."""
        item.setCheckState(Qt.CheckState.Checked)
        self.mark_present()

    def mark_present(self) -> bool:
        """Save everyone ticked in one go; on a refusal the dialog stays open with the reason and nothing saved."""
        ticked = self.ticked()
        if not ticked:
            self.error_label.setText("Tick who has arrived, or add a guest.")
            return False
        member_ids = [int(item.data(_MEMBER_ID)) for item in ticked if item.data(_MEMBER_ID) is not None]
        guests = self._guests(ticked)
        session_id, now = self.session_id, self.context.now()
        try:
            saved = self.context.writes.run(
                lambda: add_latecomers(self.context.db, session_id, member_ids, guests, now),
                retry=self.mark_present,
                key=("latecomers", session_id),
                kept="Who you ticked is still ticked.",
                words=rereads(self),
            )
        except (InvalidName, ValueError) as error:
            self.error_label.setText(str(error))
            return False
        if saved is None:
            self.error_label.setText(self.context.writes.message)
            return False
        self.added = saved.value
        self.accept()
        return True
