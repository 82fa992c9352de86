"""Who is present, in the start dialog: the team (guests of earlier sessions after it), guests added on the spot,
the ticks and their count, and the presenter ticked as present.

Whoever presents is present: choosing them ticks them, and choosing someone else unticks whoever only that choice
had ticked; a tick the facilitator changed is theirs. A guest is never one of the team's absences: Tick everyone
leaves guests as they are, and the count gives them apart. The dialog builds its plan from :meth:`WhoIsPresent.ticked`
and the presenter chosen, whose keys are ``(MEMBER, member id)`` or ``(GUEST, name)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem, QWidget

from copdesk.core.model import Member, Role
from copdesk.core.text import InvalidName, clean_person_name, counted, name_key
from copdesk.views.forms.ui_start_session import Ui_StartSessionDialog

GUEST = "guest"
MEMBER = "member"
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_GUEST_ROLE = Qt.ItemDataRole.UserRole + 2  # a guest (of this session or an earlier one), not one of the team


class WhoIsPresent(QObject):
    def __init__(self, dialog: QWidget, ui: Ui_StartSessionDialog) -> None:
        super().__init__(dialog)
        self.present_list, self.count_label, self.guest_edit = ui.presentList, ui.countLabel, ui.guestEdit
        self.presenter_combo, self.error_label = ui.presenterCombo, ui.startError
        self._ticked_for_presenter: QListWidgetItem | None = None  # ticked only because they were chosen to present
        self._choosing = False  # while _tick_presenter ticks, so that its own ticks are not taken for the user's
        self.present_list.itemChanged.connect(self.update_count)
        self.present_list.itemChanged.connect(self._ticked_by_hand)
        ui.tickEveryoneButton.clicked.connect(lambda: self._tick_all(True))
        ui.clearButton.clicked.connect(lambda: self._tick_all(False))
        self.guest_edit.installEventFilter(self)  # Enter there adds the guest, and only that
        ui.addGuestButton.clicked.connect(self.add_guest)
        self.presenter_combo.currentIndexChanged.connect(self._tick_presenter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.guest_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_guest()
            return True
        return super().eventFilter(watched, event)

    def fill(self, members: Sequence[Member]) -> None:
        """A team's people, none ticked, and No presenter."""
        self.present_list.clear()
        self._ticked_for_presenter = None
        self.presenter_combo.clear()
        self.presenter_combo.addItem("No presenter", None)
        # Guests of earlier sessions come after the team: offered if they come again, never ticked with everyone.
        for member in sorted(members, key=lambda member: member.role is Role.GUEST):
            self._add_person(
                member.display_name,
                (MEMBER, member.id),
                checked=False,
                role=member.role.label,
                guest=member.role is Role.GUEST,
            )

    def items(self) -> list[QListWidgetItem]:
        return [self.present_list.item(row) for row in range(self.present_list.count())]

    def ticked(self) -> list[Any]:
        """The keys of those ticked, as Qt hands them back (lists)."""
        return [
            item.data(Qt.ItemDataRole.UserRole) for item in self.items() if item.checkState() == Qt.CheckState.Checked
        ]

    def new_guests(self) -> list[str]:
        """The guests added here and ticked, as the Add person dialog counts them: names Start would save."""
        return [str(key[1]) for key in self.ticked() if key[0] == GUEST]

    def presenting(self, member_id: int | None) -> bool:
        """Whether the presenter chosen is that member (None: No presenter)."""
        key = self.presenter_combo.currentData()
        return (None if key is None else list(key)) == (None if member_id is None else [MEMBER, member_id])

    def choose_presenter(self, member_id: int | None) -> None:
        """findData cannot match the (kind, id) keys, which Qt hands back as lists: compare them by value."""
        keys = [self.presenter_combo.itemData(row) for row in range(self.presenter_combo.count())]
        wanted = [MEMBER, member_id]
        self.presenter_combo.setCurrentIndex(
            next((row for row, key in enumerate(keys) if key and list(key) == wanted), 0)
        )

    def _tick_presenter(self) -> None:
        """Whoever presents is present: choosing them ticks them, so the count says so, and choosing someone else
        unticks whoever only the choice had ticked (not one ticked since, by hand or Tick everyone)."""
        chosen = self.presenter_combo.currentData()
        earlier, self._ticked_for_presenter = self._ticked_for_presenter, None
        self._choosing = True
        try:
            for item in self.items():
                key = list(item.data(Qt.ItemDataRole.UserRole))
                if item is earlier:
                    item.setCheckState(Qt.CheckState.Unchecked)
                if chosen is not None and key == list(chosen) and item.checkState() != Qt.CheckState.Checked:
                    item.setCheckState(Qt.CheckState.Checked)
                    self._ticked_for_presenter = item
        finally:
            self._choosing = False

    def _ticked_by_hand(self, item: QListWidgetItem) -> None:
        """A tick the facilitator changed is theirs: a later change of presenter leaves it as it is."""
        if not self._choosing and item is self._ticked_for_presenter:
            self._ticked_for_presenter = None

    def _add_person(self, name: str, key: tuple[str, object], *, checked: bool, role: str, guest: bool) -> None:
        item = QListWidgetItem(f"{name}  ·  {role}")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(_NAME_ROLE, name)
        item.setData(_GUEST_ROLE, guest)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {role}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.present_list.addItem(item)
        self.presenter_combo.addItem(name, key)

    def _tick_all(self, checked: bool) -> None:
        """Tick everyone in the team (a guest is ticked by hand, or as added), or clear every tick."""
        self._ticked_for_presenter = None  # every tick is now the facilitator's
        for item in self.items():
            if checked and item.data(_GUEST_ROLE):
                continue
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def update_count(self) -> None:
        """How many of the team are ticked, and how many guests: a guest is never one of the team's absences."""
        ticked = [item for item in self.items() if item.checkState() == Qt.CheckState.Checked]
        team = [item for item in self.items() if not item.data(_GUEST_ROLE)]
        guests = sum(bool(item.data(_GUEST_ROLE)) for item in ticked)
        text = f"{len(ticked) - guests} of {len(team)} present"
        self.count_label.setText(text + (f", and {counted(guests, 'guest')}" if guests else ""))

    def set_present(self, names: set[str], *, checked: bool = True) -> None:
        """Tick people by display name."""
        self._ticked_for_presenter = None
        for item in self.items():
            if item.data(_NAME_ROLE) in names:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def add_guest(self) -> bool:
        """Add the typed guest as present; a bad or duplicate name is refused and nothing changes."""
        try:
            name = clean_person_name(self.guest_edit.text(), what="Guest name")
        except InvalidName as error:
            self.error_label.setText(str(error))
            return False
        taken = {name_key(str(item.data(_NAME_ROLE))) for item in self.items()}
        if name_key(name) in taken:
            self.error_label.setText(f"{name} is already on the list; tick them instead.")
            return False
        self._add_person(name, (GUEST, name), checked=True, role="Guest (new)", guest=True)
        self.guest_edit.clear()
        self.error_label.clear()
        self.update_count()
        return True
