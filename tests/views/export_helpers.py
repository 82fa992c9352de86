"""Waiting for an export from the window, which writes in a worker thread (``views/reports/export_job.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from copdesk.views.reports.report_actions import ReportActions


def finish_export(reports: ReportActions) -> None:
    """Wait for the running export, then deliver its end to the window (the audit line, the status message, or a
    question whose answer may start the next export)."""
    run = reports.running_export
    if run is None:
        return
    run.worker.wait()
    for _ in range(100):  # the worker's finished signal is queued to the UI thread
        if reports.running_export is not run:
            return
        QCoreApplication.processEvents()
    raise AssertionError("the export ended but the window never heard")
