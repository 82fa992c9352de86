"""A file name CoPDesk completed never replaces a file the save dialog did not ask about.

A save dialog asks before it returns the name of a file already there; CoPDesk then completes a name given without
its ending ("report" is written as report.pdf, "monday" as monday.db). The dialog asked about "report", never about
report.pdf, which may be an older export, a folder, a link to a file elsewhere, or the data CoPDesk has open. Every
save dialog that completes a name checks the completed one here: an export asks before it replaces a file (an older
export replaced after asking is normal), a copy of the data refuses (a copy never replaces a database), and neither
ever writes what nothing may replace. A name typed with its ending was asked about by the dialog: not asked again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from copdesk.output import ZERO_WIDTH_SPACE
from copdesk.store.errors import StoreError
from copdesk.store.location import check_output_path, followed, same_file, shown
from copdesk.views.widgets.forms import MessageBox

# After a folder's separator, and inside a longer run of characters with no space, the box's words may break: a
# link's target or a folder of a hundred characters and more with no space (a Windows path) ran past its edge.
_BREAK_AFTER = re.compile(r"[\\/]|[^\s\\/]{24}(?=[^\s\\/])")


def completed(chosen: Path, suffix: str, has_ending: Callable[[str], bool]) -> Path:
    """The name chosen, ending as the file written does: ``suffix`` is added when the name has no ending, as people
    often leave it off, and when it has another ("report.pdf" for HTML, "Q3.2026"), so no program is handed a file
    it cannot read; the name itself is kept whole. ``has_ending`` says which endings are the file's, in any letter
    case ("REPORT.PDF" has its ending). Trailing dots and spaces are taken off first, as Windows takes them off:
    "report." and "report.pdf." both name report.pdf."""
    name = chosen.name.rstrip(". ") or chosen.name
    return chosen.with_name(name if has_ending(Path(name).suffix) else name + suffix)


@dataclass(frozen=True, slots=True)
class InTheWay:
    """What is at the completed name ``path``, which the save dialog, asked about ``chosen``, never mentioned."""

    path: Path
    chosen: Path
    leads_to: Path | None  # where ``path`` leads when it is a link: the file a write would replace
    never: str  # why nothing may replace it (a folder, a database, the data open); empty when asking is enough

    @property
    def replaces(self) -> bool:
        """Whether a write replaces a file (not one a link leads to where no file is yet)."""
        return self.leads_to is None or os.path.lexists(self.leads_to)

    @property
    def question(self) -> str:
        if self.leads_to is None:
            return f"{self.path.name} is already there. Replace it?"
        if not self.replaces:
            return (
                f"{self.path.name} is already there, as a link to {shown(self.leads_to)}, where no file is. Write it?"
            )
        return f"{self.path.name} is already there, as a link to {shown(self.leads_to)}. Replace that file?"


def in_the_way(chosen: Path, path: Path, data_open: Path) -> InTheWay | None:
    """What writing ``path`` (``chosen`` completed) would replace unasked, or None: nothing is there, or the dialog
    asked about it (the name was typed whole, or both names are one file, as "report.pdf." is report.pdf on
    Windows). The data CoPDesk has open is never written by a completed name, even through a link."""
    if path == chosen or not os.path.lexists(path):
        return None
    try:
        if same_file(path, data_open):
            return InTheWay(path, chosen, None, f"{shown(path)} is the data CoPDesk has open: choose another name.")
        if os.path.lexists(chosen) and same_file(chosen, path):
            return None
        check_output_path(path)
    except StoreError as refused:  # a folder, a database, a link round in a circle: never replaced
        return InTheWay(path, chosen, None, refused.message)
    return InTheWay(path, chosen, followed(path) if path.is_symlink() else None, "")


class ReplaceAnswer(Enum):
    REPLACE = "replace"
    OTHER_NAME = "choose another name"
    CANCEL = "cancel"


def ask_to_replace(parent: QWidget, there: InTheWay) -> ReplaceAnswer:
    """The question the save dialog could not ask. Enter chooses another name, and Esc cancels: a file is replaced
    only by a click on Replace."""
    cancel = QMessageBox.StandardButton.Cancel
    box = MessageBox(QMessageBox.Icon.Question, "Replace the file?", _wrapping(there.question), cancel, parent)
    box.setObjectName("replaceCompletedName")
    box.setInformativeText(
        _wrapping(
            f"CoPDesk completed the name you gave, “{there.chosen.name}”. The file is in {shown(there.path.parent)}."
        )
    )
    # The words carry zero-width spaces to wrap at: none is selected and copied into a name typed next (the box's own
    # flags reach its first label only).
    for label in box.findChildren(QLabel):
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    replace = box.addButton("&Replace" if there.replaces else "&Write it", QMessageBox.ButtonRole.DestructiveRole)
    other = box.addButton("Choose another &name…", QMessageBox.ButtonRole.ActionRole)
    box.button(cancel).setAccessibleName("Cancel: keep the file, export nothing")
    box.setDefaultButton(other)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return ReplaceAnswer.REPLACE
    return ReplaceAnswer.OTHER_NAME if clicked is other else ReplaceAnswer.CANCEL


def _wrapping(text: str) -> str:
    """``text`` with a zero-width space (a place to break, and nothing to see) where :data:`_BREAK_AFTER` says."""
    return _BREAK_AFTER.sub(lambda found: found.group(0) + ZERO_WIDTH_SPACE, text)
