"""Importing a case list and/or capacity sheet into a workspace (re-import = merge).

The files are read and checked by the import of issue 3 (:func:`check_file`); what it
found usable is merged in one transaction, with a new/changed/gone report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stuurploeg.app.workspace import ImportResult, ImportSource, Workspace, file_sha256
from stuurploeg.domain.progress import TaskState
from stuurploeg.io.report import CheckReport
from stuurploeg.store.errors import StoreError


class ImportRefused(StoreError):
    """A file is not usable (or has bad rows the user did not accept); nothing imported."""

    def __init__(self, message: str, reports: Sequence[object] = ()) -> None:
        self.reports = list(reports)
        super().__init__(message)


def import_files(
    ws: Workspace,
    *,
    cases_path: Path | str | None = None,
    capacity_path: Path | str | None = None,
    skip_bad_rows: bool = False,
    state: TaskState | None = None,
) -> ImportResult:
    """Check the files with the import (issue 3) and merge them in one transaction.

    A file with errors imports nothing unless ``skip_bad_rows`` (the user accepted that
    the bad rows are left out); warnings are passed on in the result.
    """
    from stuurploeg.app.importing import check_file  # pandas is heavy: only when importing

    reports = {}
    for path, kind in ((cases_path, "cases"), (capacity_path, "capacity")):
        if path is not None:
            reports[kind] = check_file(Path(path), kind, state=state)
    return import_checked(
        ws, cases=reports.get("cases"), capacity=reports.get("capacity"),
        skip_bad_rows=skip_bad_rows,
    )


def import_checked(
    ws: Workspace,
    *,
    cases: CheckReport | None = None,
    capacity: CheckReport | None = None,
    skip_bad_rows: bool = False,
) -> ImportResult:
    """Merge what :func:`check_file` read (e.g. after the GUI's import wizard).

    Refused (nothing imported) when a report is unusable: unreadable, no usable rows
    (merging an empty list would mark every case gone), or errors not accepted.
    """
    checked = []
    for report, kind in ((cases, "cases"), (capacity, "capacity")):
        if report is None:
            continue
        name = Path(report.file).name
        what = "zakenlijst" if kind == "cases" else "capaciteitsoverzicht"
        data = report.cases if kind == "cases" else report.capacity
        if data is None or report.rows == 0:
            first = "; ".join(i.describe() for i in report.errors[:3])
            raise ImportRefused(
                f"De {what} {name} is niet geïmporteerd: er zijn geen bruikbare rijen"
                f"{' (' + first + ')' if first else ''}. Controleer het bestand en probeer "
                "het opnieuw; de werkruimte is niet gewijzigd.",
                [report],
            )
        if report.errors and not skip_bad_rows:
            first = "; ".join(i.describe() for i in report.errors[:3])
            raise ImportRefused(
                f"De {what} {name} is niet geïmporteerd: {len(report.errors)} fout(en): "
                f"{first}. Herstel het bestand, of kies ervoor de foute rijen over te slaan.",
                [report],
            )
        source = ImportSource(
            kind, name, file_sha256(report.file), int(report.rows), dict(report.mapping or {}),
            report.sheet, report.header_row,
        )
        checked.append((kind, data, source, report))
    if not checked:
        raise ImportRefused("Geef een zakenlijst en/of een capaciteitsoverzicht op.")
    args: dict[str, object] = {}
    warnings = []
    for kind, data, source, report in checked:
        args[kind] = data
        args[f"{kind}_source"] = source
        warnings += [f"{source.file_name}: {w.describe()}" for w in report.warnings]
        if report.errors:
            warnings.append(
                f"{source.file_name}: {len(report.errors)} rij(en) met fouten overgeslagen."
            )
    # The errors name sheet and row, not always the case: a case missing from a file with
    # skipped rows may be one of them, so none is marked gone (it would drop out of the
    # ranking and lose its place unseen).
    incomplete = any(kind == "cases" and report.errors for kind, _, _, report in checked)
    args["cases_incomplete"] = incomplete
    result = ws.merge(**args)  # type: ignore[arg-type]
    if result.cases is not None and result.cases.kept:
        kept = result.cases.kept
        shown = ", ".join(kept[:10]) + (" …" if len(kept) > 10 else "")
        warnings.append(
            f"{len(kept)} zaak/zaken uit de werkruimte staan niet (bruikbaar) in het bestand: "
            f"overgeslagen, ongewijzigd ({shown}). Ze zijn niet als verdwenen gemarkeerd, "
            "omdat er rijen met fouten zijn overgeslagen. Herstel die rijen en importeer "
            "opnieuw om verdwenen zaken te zien."
        )
    result.warnings = warnings
    return result

