"""Writing exported files (records, reports, summaries) for the CLI and the GUI alike.

Every file goes through ``QSaveFile``: the text is written to a temporary file beside the target and renamed
over it only when the whole write succeeded, so a full disk or a crash mid-write never leaves a half file, and
an existing file is only replaced by a complete one. This module is the one place outside ``views`` that uses
Qt: the CLI never imports views, but it may use QtCore and QtGui for file output (QSaveFile, and QTextDocument
with QPdfWriter for PDF), which needs a QGuiApplication only on the PDF path.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSaveFile
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from copdesk.core.export_formats import ExportFormat
from copdesk.store.connection import SQLITE_HEADER

D = TypeVar("D")

PDF_RESOLUTION_DPI = 300

# A QGuiApplication made here must outlive the call that made it, or Qt tears it down under the document.
_offscreen_application: list[QGuiApplication] = []


class OutputError(Exception):
    """The file could not be written; any existing file at the path is unchanged. The message is one line."""


def save_text(path: Path, text: str) -> None:
    save_bytes(path, text.encode("utf-8"))


def save_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, or raise :class:`OutputError` and leave the path as it was."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give the path of the file to write.")
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputError(f"Cannot write {target}: {target.parent} is a file, not a folder.")
    if not target.parent.is_dir():
        raise OutputError(f"Cannot write {target}: the folder {target.parent} does not exist.")
    _refuse_to_replace_a_database(target)
    save = QSaveFile(str(target))
    if not save.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OutputError(f"Cannot write {target}: {save.errorString() or 'permission denied'}.")
    written = save.write(QByteArray(data))
    if written != len(data):
        reason = save.errorString() or "the disk may be full"
        save.cancelWriting()
        save.commit()
        raise OutputError(f"Cannot write {target}: {reason}.")
    if not save.commit():
        raise OutputError(f"Cannot write {target}: {save.errorString() or 'the disk may be full'}.")


def _refuse_to_replace_a_database(target: Path) -> None:
    """An export written over a database (CoPDesk's own, open or not) would destroy every note in it."""
    name = target.name
    for suffix in ("-wal", "-shm", "-journal", ".lock"):
        if name.endswith(suffix) and target.with_name(name.removesuffix(suffix)).exists():
            raise OutputError(f"{target} belongs to the database beside it; choose another file name.")
    if target.is_file():
        with target.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                raise OutputError(f"{target} is a database; CoPDesk will not overwrite it. Choose another file name.")


def html_to_pdf(html: str, title: str) -> bytes:
    """Lay out ``html`` with QTextDocument on A4 pages and return the PDF bytes (QPdfWriter)."""
    _ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("CoPDesk")
    writer.setResolution(PDF_RESOLUTION_DPI)
    # No page margins here: QTextDocument.print_ lays the text out with its own 2 cm margins and page numbers.
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # the PDF is finished when the writer goes away
    buffer.close()
    return bytes(buffer.data().data())


def save_pdf(path: Path, html: str, title: str) -> None:
    save_bytes(path, html_to_pdf(html, title))


def save_rendered(path: Path, file_format: ExportFormat[D], document: D, title: str) -> None:
    """Write ``document`` in ``file_format`` (from its :class:`~copdesk.core.export_formats.ExportDocument`): a
    binary format (PDF) is drawn from the HTML its renderer gives, a text format is written as rendered."""
    text = file_format.render(document)
    if file_format.binary:
        save_pdf(path, text, title)
    else:
        save_text(path, text)


def _ensure_gui_application() -> None:
    """QTextDocument needs fonts, so a QGuiApplication; the CLI gets an offscreen one, the GUI keeps its own."""
    if QGuiApplication.instance() is None:
        _offscreen_application.append(
            QGuiApplication([sys.argv[0] if sys.argv else "copdesk-cli", "-platform", "offscreen"])
        )
