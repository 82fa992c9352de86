"""Exported files: written whole or not at all (QSaveFile), and PDFs that hold the expected text."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from copdesk.core.export_formats import ExportFormat
from copdesk.core.record import RECORD_DOCUMENT, IssueLine, SessionRecord, render_html
from copdesk.output import (
    UNBROKEN_RUN,
    ExportCancelled,
    FileInUseError,
    OutputError,
    html_to_pdf,
    save_rendered,
    save_text,
    soft_wrap,
    split_long_paragraphs,
)
from tests.held_open import HeldOpen
from tests.pdf_text import page_count, pdf_text

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_TOPIC = "Topic <script>alert(\"x\")</script> & 'quotes' \u202eRTL\u202c"

TEXT: ExportFormat[str] = ExportFormat("md", "Markdown", ".md", lambda text: text)


def _record(notes: int = 1) -> SessionRecord:
    return SessionRecord(
        team_name="Northside Community Team",
        kind_label="Spotlight session",
        topic=HOSTILE_TOPIC,
        date=datetime(2026, 9, 8, 13, 0),
        attendance_count=7,
        notes=tuple(f"Note number {n}: what the group noticed." for n in range(notes)),
        learning_points=("Check early what the person wants.",),
    )


def test_text_is_written_and_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "record.md"
    target.write_text("old", encoding="utf-8")
    save_text(target, "new é")
    assert target.read_text(encoding="utf-8") == "new é"
    assert [p.name for p in tmp_path.iterdir()] == ["record.md"]  # no temporary file left behind


@pytest.mark.posix_only
def test_a_failed_write_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "report.html"
    target.write_text("the previous report", encoding="utf-8")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with privileges that ignore folder permissions")
        with pytest.raises(OutputError, match=r"^Cannot write .*report\.html: ") as caught:
            save_text(target, "a new report")
        assert "\n" not in str(caught.value)
    finally:
        folder.chmod(0o700)
    assert target.read_text(encoding="utf-8") == "the previous report"


@pytest.mark.parametrize(
    ("make_target", "message"),
    [
        (lambda tmp: tmp / "missing" / "x.html", "the folder .* does not exist"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: tmp / "plain.txt" / "x.html", "plain.txt is a file, not a folder"),
    ],
)
def test_impossible_targets_are_one_line_errors(tmp_path: Path, make_target: object, message: str) -> None:
    (tmp_path / "plain.txt").write_text("a file", encoding="utf-8")
    target = make_target(tmp_path)  # type: ignore[operator]
    with pytest.raises(OutputError, match=message):
        save_text(target, "x")


@pytest.mark.posix_only
def test_a_write_cut_short_keeps_the_existing_file(tmp_path: Path) -> None:
    """A full disk, as a file-size limit: QSaveFile's write fails, and the old file stays as it was."""
    target = tmp_path / "report.html"
    target.write_text("the previous report", encoding="utf-8")
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from copdesk.output import OutputError, save_text\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        "    save_text(Path(sys.argv[1]), 'x' * 100_000)\n"
        "except OutputError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert result.stdout.startswith(f"Cannot write {target}: "), result.stdout + result.stderr
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_render_failure_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    target.write_text("kept", encoding="utf-8")

    def broken(_: object) -> str:
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        save_rendered(target, ExportFormat("md", "Markdown", ".md", broken), None, "title")
    assert target.read_text(encoding="utf-8") == "kept"


def test_pdf_is_valid_and_holds_the_text(qapp: object) -> None:
    data = html_to_pdf(render_html(_record()), "Session record")
    assert data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
    assert page_count(data) == 1
    text = unicodedata.normalize("NFKC", pdf_text(data))
    assert "Session record: Northside Community Team" in text
    assert "Spotlight session" in text and "7 attended." in text
    assert "Check early what the person wants." in text
    flat = " ".join(text.split())
    assert '<script>alert("x")</script>' in flat  # shown as text, as typed, never run


def test_a_pdf_record_says_what_an_issues_not_known_status_means(qapp: object) -> None:
    """The PDF is drawn from the HTML: a reader of the printed record finds why an issue reads Not known."""
    unknown = IssueLine("Parking", "Not known (escalated or open)", 2, status_known=False)
    data = html_to_pdf(render_html(dataclasses.replace(_record(), issues=(unknown,))), "Session record")
    flat = " ".join(unicodedata.normalize("NFKC", pdf_text(data)).split())
    assert "Not known (escalated or open)" in flat
    assert "Where a status reads Not known, an escalation of the issue was closed before CoPDesk kept that date" in flat


def test_a_long_record_flows_onto_more_a4_pages(qapp: object) -> None:
    data = html_to_pdf(render_html(_record(notes=120)), "Session record")
    assert page_count(data) >= 3
    assert b"/MediaBox [0 0 595" in data  # A4 portrait, in points
    assert "Note number 119" in pdf_text(data)


def test_an_export_never_replaces_a_database(tmp_path: Path) -> None:
    from copdesk import paths
    from copdesk.store.connection import open_database

    database = tmp_path / "copdesk.db"
    opened = open_database(database, paths.migrations_dir())
    before = database.read_bytes()
    for target in (database, tmp_path / "copdesk.db-wal", tmp_path / "copdesk.db-shm"):
        with pytest.raises(OutputError, match="database"):
            save_text(target, "# Session record\n")
    opened.db.close()
    assert database.read_bytes()[:16] == before[:16]


def test_soft_wrap_breaks_long_runs_between_tags_only() -> None:
    long_link = "https://example.org/" + "a" * 300
    html = f'<p><a href="{long_link}">{long_link}</a> short words &amp; {"&amp;" * 200}</p>'
    wrapped = soft_wrap(html)
    assert f'<a href="{long_link}">' in wrapped  # a tag is never touched
    assert wrapped.replace("\u200b", "") == html  # only zero-width spaces were added
    runs = [run for text in re.split(r"<[^>]*>", wrapped) for run in text.split()]
    assert all(len(piece) <= UNBROKEN_RUN * len("&amp;") for run in runs for piece in run.split("\u200b"))
    assert max(len(piece) for run in runs for piece in run.split("\u200b")) > UNBROKEN_RUN // 2
    assert "&am\u200b" not in wrapped and "&\u200b" not in wrapped  # an entity is never cut
    assert soft_wrap("<p>short words stay as they are</p>") == "<p>short words stay as they are</p>"


def test_a_long_paragraph_is_laid_out_as_paragraphs_of_its_lines() -> None:
    from PySide6.QtGui import QTextDocument

    html_to_pdf("<p>x</p>", "warm-up")  # makes the QGuiApplication QTextDocument needs
    document = QTextDocument()
    document.setHtml("<ul><li>" + "<br>".join(f"line {n} " + "word " * 50 for n in range(100)) + "</li></ul>")
    before = document.toPlainText().replace("\u2028", "\n")
    split_long_paragraphs(document)
    assert document.blockCount() > 10
    assert document.toPlainText().replace("\u2028", "\n") == before  # the same lines, in the same order


def test_a_megabyte_unbroken_note_exports_to_pdf(tmp_path: Path) -> None:
    """Qt's layout is quadratic in an unbroken run: 1 MB took minutes before it was soft-wrapped."""
    record = _record()
    unbroken = "z" * 1_000_000
    big = dataclasses.replace(record, notes=(unbroken,))
    target = tmp_path / "big.pdf"
    save_rendered(target, RECORD_DOCUMENT.get("pdf"), big, "Big")
    text = pdf_text(target.read_bytes()).replace("\u200b", "")
    assert text.count("z") >= 1_000_000  # every character is there (a line at a page foot shows on both pages)


def test_a_cancelled_save_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "record.md"
    with pytest.raises(ExportCancelled):
        save_rendered(target, TEXT, "text", "Record", cancelled=lambda: True)
    stages: list[str] = []
    answers = iter([False, False, True])  # cancelled only at the last moment, before the commit
    with pytest.raises(ExportCancelled):
        save_rendered(target, TEXT, "text", "Record", cancelled=lambda: next(answers), stage=stages.append)
    assert list(tmp_path.iterdir()) == []
    assert stages == ["Preparing the text…", "Writing the file…"]


def test_a_file_another_program_holds_is_left_as_it_was_with_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel holding the CSV on Windows: the new file cannot take its place. The message says why and what to do, the
    old file is as it was, and nothing half-written is left under the name chosen or beside it."""
    target = tmp_path / "invite-list.csv"
    target.write_text("the list Excel has open", encoding="utf-8")
    held = HeldOpen(target)
    held.install(monkeypatch)

    with pytest.raises(FileInUseError) as refused:
        save_text(target, "the new list")

    assert str(refused.value) == (
        "invite-list.csv was not replaced: another program has it open (Excel, a PDF viewer), or it is read-only. "
        "Close it there and try again, or choose another name; the file is as it was."
    )
    assert held.refused == [target.resolve()]
    assert target.read_text(encoding="utf-8") == "the list Excel has open"
    assert [path.name for path in tmp_path.iterdir()] == ["invite-list.csv"]
    held.let_go()
    save_text(target, "the new list")
    assert target.read_text(encoding="utf-8") == "the new list"
