"""The CLI's --format choices are each document's registry in core, and so are the export dialogs' lists."""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from copdesk.cli import build_parser
from copdesk.core.cpd import CPD_DOCUMENT
from copdesk.core.export_formats import ExportDocument
from copdesk.core.quarterly_report import REPORT_DOCUMENT
from copdesk.core.record import RECORD_DOCUMENT
from copdesk.core.rollup import SUMMARY_DOCUMENT
from copdesk.views.reports import export_dialogs


def _format_choices(command: str) -> tuple[str, ...]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    option = next(a for a in sub.choices[command]._actions if "--format" in a.option_strings)
    return tuple(option.choices or ())


@pytest.mark.parametrize(
    ("command", "document"), [("export", RECORD_DOCUMENT), ("report", REPORT_DOCUMENT), ("cpd", CPD_DOCUMENT)]
)
def test_the_cli_offers_the_registry(command: str, document: ExportDocument[Any]) -> None:
    assert _format_choices(command) == document.keys


def test_the_dialogs_offer_the_registry() -> None:
    assert RECORD_DOCUMENT.formats == export_dialogs.RECORD_FORMATS
    assert (*REPORT_DOCUMENT.formats, *SUMMARY_DOCUMENT.formats) == export_dialogs.REPORT_FORMATS
    assert CPD_DOCUMENT.formats == export_dialogs.CPD_FORMATS
