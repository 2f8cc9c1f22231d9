"""Import use case: check a case list or capacity workbook (CLI ``check`` and the GUI).

Every read of a user's file happens in a sandboxed child process (see
:mod:`stuurploeg.io.sandbox`); what comes back is a :class:`CheckReport` of plain data.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io import sandbox
from stuurploeg.io.excel_in import check_job, list_sheets_job, preview_job
from stuurploeg.io.fields import CAPACITY, CASES, KINDS, FieldSpec, field_labels, guess_mapping
from stuurploeg.io.report import CheckReport, Issue, ReadRefused
from stuurploeg.io.workbook import Cell

__all__ = [
    "CAPACITY",
    "CASES",
    "KINDS",
    "CheckReport",
    "FieldSpec",
    "Issue",
    "ReadRefused",
    "check_file",
    "field_labels",
    "guess_mapping",
    "list_sheets",
    "preview",
]


def check_file(path: str | PathLike[str], kind: str | None = None, *, sheet: str | None = None,
               mapping: dict[str, str] | None = None, state: TaskState | None = None,
               reference: IsoWeek | None = None, timeout: float = sandbox.TIMEOUT_SECONDS
               ) -> CheckReport:
    """Read and validate a workbook; problems are in the report, never raised.

    ``kind`` None detects "cases" or "capacity". ``mapping`` (field → header text)
    replaces the automatic header matching. ``reference`` is the week that yearless week
    numbers are read near (default: the current week). Raises only
    :class:`~stuurploeg.domain.progress.Cancelled` when ``state`` is cancelled.
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    file = Path(path)
    try:
        # The reader process may have another working directory: give it an absolute path.
        report: CheckReport = sandbox.run_isolated(
            check_job, (str(file.absolute()), kind, sheet, dict(mapping) if mapping else None,
                        reference),
            file_name=file.name, state=state, with_progress=True, timeout=timeout,
        )
        report.file = str(path)
        return report
    except ReadRefused as exc:
        report = CheckReport(file=str(file), kind=kind)
        report.add(Issue(None, None, None, None, str(exc), "error"))
        return report


def list_sheets(path: str | PathLike[str]) -> list[str]:
    """Visible sheet names; raises ReadRefused (Dutch message) for a refused file."""
    file = Path(path)
    return sandbox.run_isolated(list_sheets_job, (str(file.absolute()),), file_name=file.name)


def preview(path: str | PathLike[str], sheet: str, nrows: int = 30) -> list[list[Cell]]:
    """The first ``nrows`` raw rows of ``sheet`` (long text shortened), for the wizard."""
    file = Path(path)
    return sandbox.run_isolated(preview_job, (str(file.absolute()), sheet, nrows),
                                file_name=file.name)
