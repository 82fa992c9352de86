"""Writing exported files (records, reports, summaries) for the CLI and the GUI alike.

Every file goes through ``QSaveFile``: the text is written to a temporary file beside the target and renamed
over it only when the whole write succeeded, so a full disk or a crash mid-write never leaves a half file, and
an existing file is only replaced by a complete one. This module is the one place outside ``views`` that uses
Qt: the CLI never imports views, but it may use QtCore and QtGui for file output (QSaveFile, and QTextDocument
with QPdfWriter for PDF), which needs a QGuiApplication only on the PDF path.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QFileDevice, QIODevice, QMarginsF, QSaveFile
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from copdesk.core.export_formats import ExportFormat
from copdesk.store.errors import UnsafeOutputError
from copdesk.store.location import check_output_path, shown

D = TypeVar("D")

PDF_RESOLUTION_DPI = 300
# Qt's line breaker is quadratic in the length of a run with nowhere to break: a 100 KB string took 0.6 s to
# lay out, 400 KB took 9 s, 1 MB minutes. Runs longer than this get a zero-width space (a place to break, and
# nothing to see) every so many characters, in the PDF's layout only.
UNBROKEN_RUN = 80
ZERO_WIDTH_SPACE = "\u200b"
# Qt also lays out one paragraph in time that grows with the square of its length: a 1 MB note (one paragraph,
# its lines joined by <br>) took 10 s where the same text as a thousand paragraphs took 1.5 s. Longer paragraphs
# are cut into paragraphs of about this many characters, at a line break or a place to break, for the layout.
LONG_PARAGRAPH = 1000
LINE_SEPARATOR = "\u2028"  # what <br> becomes inside a QTextDocument paragraph
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_LONG_RUN = re.compile(r"(?:&#?\w+;|[^\s<&])" + f"{{{UNBROKEN_RUN + 1},}}")
_CHARACTER = re.compile(r"&#?\w+;|.", re.DOTALL)  # an entity counts as the one character it stands for

# A QGuiApplication made here must outlive the call that made it, or Qt tears it down under the document.
_offscreen_application: list[QGuiApplication] = []


class OutputError(Exception):
    """The file could not be written; any existing file at the path is unchanged. The message is one line."""


class FileInUseError(OutputError):
    """The new file was whole, but the system refused to put it in place of the old one, which it then discarded:
    on Windows, another program has the old file open (Excel holding a CSV, a PDF viewer), or it is read-only. The
    old file is as it was, and nothing else is left under its name or beside it."""


class ExportCancelled(Exception):
    """Cancelled before the file was committed: nothing was written, and any existing file is unchanged."""


def _never() -> bool:
    return False


def _quietly(_stage: str) -> None:
    """No one is told the stages (the CLI)."""


def save_text(path: Path, text: str) -> None:
    save_bytes(path, text.encode("utf-8"))


def save_bytes(
    path: Path,
    data: bytes,
    cancelled: Callable[[], bool] = _never,
    before_commit: Callable[[], None] | None = None,
) -> None:
    """Write ``data`` to ``path`` atomically, owner-only, or raise :class:`OutputError` and leave the path as it was.

    The path is checked first (:func:`copdesk.store.location.check_output_path`): links resolved, no database or
    file beside one replaced, no device turned into a file. QSaveFile would give the new file the mode of the one
    it replaces; an export holds names and case discussions, so it is made owner-only (0600) whatever was there.
    A file that cannot be replaced because another program holds it raises :class:`FileInUseError`, which says so.
    ``cancelled`` is asked once more just before the file is committed; if it says so, the temporary file is
    discarded and :class:`ExportCancelled` raised. ``before_commit`` runs last, with the new file whole but not yet
    in place: if it raises, the temporary file is discarded and the path left as it was.
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
    if cancelled():
        save.cancelWriting()
        save.commit()  # after cancelWriting, this removes the temporary file and leaves the target as it was
        raise ExportCancelled
    if before_commit is not None:
        try:
            before_commit()
        except BaseException:
            save.cancelWriting()
            save.commit()
            raise
    if not save.commit():
        if save.error() == QFileDevice.FileError.RenameError and target.exists():
            raise FileInUseError(
                f"{target.name} was not replaced: another program has it open (Excel, a PDF viewer), or it is "
                "read-only. Close it there and try again, or choose another name; the file is as it was."
            )
        raise OutputError(f"Cannot write {shown(target)}: {save.errorString() or 'the disk may be full'}.")


def soft_wrap(html: str) -> str:
    """``html`` with a zero-width space every :data:`UNBROKEN_RUN` characters of any longer run without a space.

    Only text between tags is touched, never a tag or an entity, so the document reads the same; the PDF's
    lines can then break inside a pasted link or a string of 1 MB, which is laid out in linear time.
    """

    def wrap(run: re.Match[str]) -> str:
        characters = _CHARACTER.findall(run.group(0))
        pieces = ("".join(characters[i : i + UNBROKEN_RUN]) for i in range(0, len(characters), UNBROKEN_RUN))
        return ZERO_WIDTH_SPACE.join(pieces)

    parts = _TAG_OR_TEXT.split(html)
    return "".join(part if index % 2 else _LONG_RUN.sub(wrap, part) for index, part in enumerate(parts))


def split_long_paragraphs(document: QTextDocument) -> None:
    """Cut every paragraph longer than :data:`LONG_PARAGRAPH` into paragraphs that read as its lines.

    The cuts fall at its line breaks (which are then dropped), or inside a line longer than that after a space or a
    zero-width space; the new paragraphs get no spacing between them, and none joins a list.
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.length() > LONG_PARAGRAPH:
            _split_paragraph(cursor, block)
        block = following
    cursor.endEditBlock()


def _split_paragraph(cursor: QTextCursor, block: QTextBlock) -> None:
    text = block.text()
    cuts: list[int] = []
    last = 0
    for position, character in enumerate(text, start=1):
        at_line_end = character == LINE_SEPARATOR and position - last >= LONG_PARAGRAPH // 4
        if at_line_end or (position - last >= LONG_PARAGRAPH and character in (ZERO_WIDTH_SPACE, " ")):
            cuts.append(position)
            last = position
    if not cuts:
        return
    original = block.blockFormat()
    start = block.position()
    for index, cut in enumerate(reversed(cuts)):  # from the end, so the earlier positions stay where they were
        cursor.setPosition(start + cut)
        if text[cut - 1] == LINE_SEPARATOR:
            cursor.deletePreviousChar()
        piece = original.__class__(original)
        piece.clearProperty(QTextFormat.Property.ObjectIndex)  # a list's next item would get a bullet
        piece.setTopMargin(0)
        if index:
            piece.setBottomMargin(0)
        cursor.insertBlock(piece, cursor.charFormat())
    cursor.setPosition(start)
    first = block.blockFormat()
    first.setBottomMargin(0)
    cursor.setBlockFormat(first)


def html_to_pdf(html: str, title: str) -> bytes:
    """Lay out ``html`` with QTextDocument on A4 pages and return the PDF bytes (QPdfWriter).

    Safe in a worker thread that has an event loop (a ``QThread``): the writer and the document are made here,
    in the thread that uses them. Long unbroken runs are soft-wrapped first (:func:`soft_wrap`).
    """
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
    document.setHtml(soft_wrap(html))
    split_long_paragraphs(document)
    document.print_(writer)
    del writer  # the PDF is finished when the writer goes away
    buffer.close()
    return bytes(buffer.data().data())


def save_rendered(
    path: Path,
    file_format: ExportFormat[D],
    document: D,
    title: str,
    *,
    cancelled: Callable[[], bool] = _never,
    stage: Callable[[str], None] = _quietly,
) -> None:
    """Write ``document`` in ``file_format`` (from its :class:`~copdesk.core.export_formats.ExportDocument`).

    A window runs this in a worker thread: ``stage`` hears each step as it starts, and ``cancelled`` is asked
    between steps and before the file is committed (:class:`ExportCancelled` then, and no file is written).
    """
    data = rendered_bytes(file_format, document, title, cancelled=cancelled, stage=stage)
    stage("Writing the file…")
    save_bytes(path, data, cancelled)


def rendered_bytes(
    file_format: ExportFormat[D],
    document: D,
    title: str,
    *,
    cancelled: Callable[[], bool] = _never,
    stage: Callable[[str], None] = _quietly,
) -> bytes:
    """One document's bytes in ``file_format``: a binary format (PDF) is laid out from the HTML its renderer gives,
    a text format is the rendered text in the format's encoding. ``stage`` hears each step as it starts, and
    ``cancelled`` is asked between steps (:class:`ExportCancelled` then)."""
    stage("Preparing the text…")
    text = file_format.render(document)
    if cancelled():
        raise ExportCancelled
    if file_format.binary:
        stage("Laying out the pages…")
        data = html_to_pdf(text, title)
    else:
        data = text.encode(file_format.encoding)
    if cancelled():
        raise ExportCancelled
    return data


def _ensure_gui_application() -> None:
    """QTextDocument needs fonts, so a QGuiApplication; the CLI gets an offscreen one, the GUI keeps its own."""
    if QGuiApplication.instance() is None:
        _offscreen_application.append(
            QGuiApplication([sys.argv[0] if sys.argv else "copdesk-cli", "-platform", "offscreen"])
        )
