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

from PySide6.QtCore import QBuffer, QByteArray, QFileDevice, QIODevice, QMarginsF, QSaveFile
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from copdesk.core.export_formats import ExportFormat
from copdesk.store.errors import UnsafeOutputError
from copdesk.store.location import check_output_path, shown

D = TypeVar("D")

PDF_RESOLUTION_DPI = 300

# A QGuiApplication made here must outlive the call that made it, or Qt tears it down under the document.
_offscreen_application: list[QGuiApplication] = []


class OutputError(Exception):
    """The file could not be written; any existing file at the path is unchanged. The message is one line."""


def save_text(path: Path, text: str) -> None:
    save_bytes(path, text.encode("utf-8"))


def save_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, owner-only, or raise :class:`OutputError` and leave the path as it was.

    The path is checked first (:func:`copdesk.store.location.check_output_path`): links resolved, no database or
    file beside one replaced, no device turned into a file. QSaveFile would give the new file the mode of the one
    it replaces; an export holds names and case discussions, so it is made owner-only (0600) whatever was there.
    """
    try:
        target = check_output_path(Path(path))
    except UnsafeOutputError as exc:
        raise OutputError(exc.message) from exc
    save = QSaveFile(str(target))
    if not save.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OutputError(f"Cannot write {shown(target)}: {save.errorString() or 'permission denied'}.")
    save.setPermissions(QFileDevice.Permission.ReadOwner | QFileDevice.Permission.WriteOwner)
    written = save.write(QByteArray(data))
    if written != len(data):
        reason = save.errorString() or "the disk may be full"
        save.cancelWriting()
        save.commit()
        raise OutputError(f"Cannot write {shown(target)}: {reason}.")
    if not save.commit():
        raise OutputError(f"Cannot write {shown(target)}: {save.errorString() or 'the disk may be full'}.")


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


def save_rendered(path: Path, file_format: ExportFormat[D], document: D, title: str) -> None:
    """Write ``document`` in ``file_format`` (from its :class:`~copdesk.core.export_formats.ExportDocument`)."""
    save_bytes(path, rendered_bytes(file_format, document, title))


def rendered_bytes(file_format: ExportFormat[D], document: D, title: str) -> bytes:
    """One document's bytes in ``file_format``: a binary format (PDF) is laid out from the HTML its renderer gives,
    a text format is the rendered text as UTF-8."""
    text = file_format.render(document)
    return html_to_pdf(text, title) if file_format.binary else text.encode("utf-8")


def _ensure_gui_application() -> None:
    """QTextDocument needs fonts, so a QGuiApplication; the CLI gets an offscreen one, the GUI keeps its own."""
    if QGuiApplication.instance() is None:
        _offscreen_application.append(
            QGuiApplication([sys.argv[0] if sys.argv else "copdesk-cli", "-platform", "offscreen"])
        )
