"""One registry of formats per exported document (tests/cli/test_format_choices.py checks the CLI offers it), and
an unknown format is refused with the ones there are."""

from __future__ import annotations

from typing import Any

import pytest

from copdesk.core.cpd import CPD_DOCUMENT
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.quarterly_report import REPORT_DOCUMENT
from copdesk.core.record import RECORD_DOCUMENT
from copdesk.core.rollup import ROLLUP_DOCUMENT, SUMMARY_DOCUMENT

DOCUMENTS: list[ExportDocument[Any]] = [
    RECORD_DOCUMENT,
    REPORT_DOCUMENT,
    CPD_DOCUMENT,
    SUMMARY_DOCUMENT,
    ROLLUP_DOCUMENT,
]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
def test_each_format_has_a_key_a_label_and_a_suffix_once(document: ExportDocument[Any]) -> None:
    assert len(set(document.keys)) == len(document.formats)
    for file_format in document.formats:
        assert file_format.label and file_format.suffix.startswith(".")
        assert file_format.binary == (file_format.key == "pdf")  # only PDF is drawn, from HTML


def test_an_unknown_format_names_the_ones_there_are() -> None:
    with pytest.raises(ValueError, match="use pdf, html, md"):
        CPD_DOCUMENT.get("docx")


def test_a_file_ending_names_its_format() -> None:
    assert CPD_DOCUMENT.for_suffix(".MARKDOWN") is CPD_DOCUMENT.get("md")
    assert CPD_DOCUMENT.for_suffix(".txt") is None


def test_the_pdf_renderer_gives_the_html_it_is_drawn_from() -> None:
    pdf, html = RECORD_DOCUMENT.get("pdf"), RECORD_DOCUMENT.get("html")
    assert isinstance(pdf, ExportFormat) and pdf.render is html.render
