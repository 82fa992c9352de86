"""The first-run choice: create your team, or explore the fictional demo data; later, File ▸ New team."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from copdesk.core.roster import (
    MAX_MEMBERS,
    TeamDraft,
    commas_unsure,
    line_parted_at_commas,
    parse_team_draft,
    team_name_taken,
)
from copdesk.core.text import MAX_NAME_LENGTH, InvalidName, counted, name_key
from copdesk.views.forms.ui_first_run import Ui_FirstRunDialog
from copdesk.views.widgets.forms import MessageBox, hold_characters, may_leave, name_standard_buttons, say_when_cut
from copdesk.views.widgets.names_in_a_line import name_list
from copdesk.views.widgets.typed_words import TypedWords, field_lines

NEW_TEAM_INTRO = (
    "Each team has its own sessions, schedule, notes and actions. Switch between teams with the Team list at the "
    "top of the window."
)
MEMBERS_TEXT_LIMIT = MAX_MEMBERS * (MAX_NAME_LENGTH + 1)  # a line for each member the team may have, at its longest
ONE_PERSON_A_LINE = "&One person a line"
PART_AT_THE_COMMAS = "&Part at the commas"


def lines_with_commas(members: str) -> list[str]:
    """The words of each line that a comma may part into several people ("Ash Lee, Bo Day, Cy Vale"), or may be
    part of one name ("Okafor, Sam", as Outlook writes one): a line with no address, or what follows its last one
    (:func:`copdesk.core.roster.commas_unsure`)."""
    return [unsure for line in members.splitlines() if (unsure := commas_unsure(line))]


def parted_at_commas(members: str) -> str:
    """``members`` with each of :func:`lines_with_commas` parted into a line per name."""
    return "\n".join("\n".join(line_parted_at_commas(line)) for line in members.splitlines())


class FirstRunDialog(QDialog):
    """Returns either a :class:`TeamDraft` (:attr:`draft`) or a request for demo data (:attr:`wants_demo`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.draft: TeamDraft | None = None
        self.wants_demo = False
        self._taken: dict[str, str] = {}  # the other teams' names, by their key
        self.ui.errorLabel.hide()
        hold_characters(self.ui.teamNameEdit, MAX_NAME_LENGTH)
        self._cut = ""  # a paste too long for the team's name: said once the edit it cut has been made
        say_when_cut(self.ui.teamNameEdit, self._name_cut)
        self.ui.membersEdit.max_characters = MEMBERS_TEXT_LIMIT
        self.ui.membersEdit.refused.connect(self._say)
        # A problem said goes once the words it was about change, not when OK is next pressed.
        self.ui.teamNameEdit.textEdited.connect(self._name_edited)
        self.ui.membersEdit.textChanged.connect(self.ui.errorLabel.hide)
        self.ui.createTeamRadio.toggled.connect(self.ui.teamForm.setEnabled)
        self.ui.buttonBox.accepted.connect(self._accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.setAccessibleName("Confirm or cancel")
        name_standard_buttons(self.ui.buttonBox)
        self.ui.teamNameEdit.setFocus()

    def _accept(self) -> None:
        if self.ui.demoRadio.isChecked():
            self.wants_demo = True
            self.accept()
            return
        # A roster copied from a spreadsheet has a tab between its first-name and surname columns: a space.
        members = self.ui.membersEdit.toPlainText().replace("\t", " ")
        draft = self._read(members)
        if draft is not None and lines_with_commas(members):
            answer = self._ask_about_commas(members, draft)
            if answer == PART_AT_THE_COMMAS:  # shown in the form a name a line, so a problem said names its line
                self.ui.membersEdit.setPlainText(parted_at_commas(members))
                draft = self._read(self.ui.membersEdit.toPlainText())
            elif answer != ONE_PERSON_A_LINE:  # back to the list as typed: nothing created
                self.ui.membersEdit.setFocus()
                return
        if draft is not None:
            self.draft = draft
            self.accept()

    def _read(self, members: str) -> TeamDraft | None:
        """The team as typed, or None once what is wrong with it is said."""
        try:
            draft = parse_team_draft(self.ui.teamNameEdit.text(), members)
        except InvalidName as exc:
            self._say(str(exc))
            return None
        taken = self._taken.get(name_key(draft.name))
        if taken is not None:  # said here, with what was typed still in the form
            self._say(team_name_taken(taken))
            return None
        return draft

    def _ask_about_commas(self, members: str, draft: TeamDraft) -> str:
        """A line with commas and no address was made one member, silently, where a list typed "Ash Lee, Bo Day" meant
        two; "Okafor, Sam" is one. Asked, with what each answer makes of the list; the button clicked (its caption;
        "" for Cancel)."""
        listed = lines_with_commas(members)
        which = f"“{listed[0]}” has" if len(listed) == 1 else f"{len(listed)} lines have"
        try:
            parted = parse_team_draft(draft.name, parted_at_commas(members))
            into = (
                f"{counted(len(parted.members), 'person', 'people')} ({name_list(n for n, _role in parted.members)})."
            )
        except InvalidName as exc:
            into = str(exc)
        cancel = QMessageBox.StandardButton.Cancel
        box = MessageBox(QMessageBox.Icon.Question, "One person or several?", "", cancel, self)
        box.setText(f"{which} commas and no email address: is {'it' if len(listed) == 1 else 'each'} one person?")
        box.setInformativeText(
            f"One person a line: {counted(len(draft.members), 'person', 'people')}, each comma part of a name, as in "
            f"“Okafor, Sam”.\n\nParted at the commas: {into}"
        )
        one = box.addButton(ONE_PERSON_A_LINE, QMessageBox.ButtonRole.AcceptRole)
        part = box.addButton(PART_AT_THE_COMMAS, QMessageBox.ButtonRole.ActionRole)
        box.button(cancel).setAccessibleName("Cancel: back to the list, nothing created")
        box.setDefaultButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return clicked.text() if clicked in (one, part) else ""

    def reject(self) -> None:
        """Cancel, Esc or the title bar: a team typed and not yet created is left behind only when the facilitator
        says so."""
        if may_leave(self, self.typed_words()):
            super().reject()

    def typed_words(self) -> TypedWords | None:
        """The team's name and members as typed (:mod:`copdesk.views.widgets.typed_words`): until the team is created
        they are saved nowhere."""
        ui = self.ui
        lines = field_lines((("Team name", ui.teamNameEdit.text()), ("Members", ui.membersEdit.toPlainText())))
        return TypedWords(self.windowTitle(), lines) if lines else None

    def _name_cut(self, said: str) -> None:
        self._cut = said

    def _name_edited(self) -> None:
        said, self._cut = self._cut, ""
        if said:
            self._say(said)
        else:
            self.ui.errorLabel.hide()

    def _say(self, problem: str) -> None:
        self.ui.errorLabel.setText(problem)
        self.ui.errorLabel.show()

    def as_new_team(self, *, demo_offered: bool, taken: Iterable[str] = ()) -> None:
        """File ▸ New team. While there is no team yet, the first run's choice stands (the demo too); once there is
        one, only the team is asked for: no welcome, no choice, no indent under a choice. ``taken``: the teams'
        names, refused in the dialog (letter case aside) rather than once it has closed."""
        self._taken = {name_key(name): name for name in taken}
        ui = self.ui
        self.setWindowTitle("New team")
        ui.headingLabel.setText("Create a team")
        if demo_offered:
            return
        ui.introLabel.setText(NEW_TEAM_INTRO)
        ui.createTeamRadio.hide()
        ui.demoRadio.hide()
        margins = ui.teamFormLayout.contentsMargins()
        ui.teamFormLayout.setContentsMargins(0, margins.top(), margins.right(), margins.bottom())
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Create team")
        name_standard_buttons(ui.buttonBox)
