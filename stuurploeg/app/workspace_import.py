"""Importing a case list and/or capacity sheet into a workspace (re-import = merge).

The files are read and checked by :func:`~stuurploeg.app.importing.check_file`; what it
found usable is merged in one transaction, with a new/changed/gone report that
:func:`describe_change` puts into Dutch.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from stuurploeg.app.workspace import (
    FieldChange,
    ImportResult,
    ImportSource,
    Workspace,
    file_sha256,
)
from stuurploeg.domain.criteria_text import CRITERION_LABELS
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
    """Check the files with :func:`check_file` and merge them in one transaction.

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



# -- what a re-import changed, in Dutch -------------------------------------------------

_CHANGE_LABELS: dict[str, str] = {
    "name": "naam", "status": "status", "exploitation": "uitbuitingsvorm",
    "victims": "slachtoffers", "minors": "minderjarige slachtoffers",
    "suspects": "verdachten", "international": "internationaal", "violence": "geweld",
    "ongoing": "actuele uitbuiting",
    **{c.value: label for c, label in CRITERION_LABELS.items()},
    "fte": "benodigde fte", "weeks": "doorlooptijd (weken)",
    "digital_fte": "digitale recherche (fte)", "financial_fte": "financiële recherche (fte)",
    "tactical_fte": "tactische recherche (fte)", "intelligence_fte": "intelligence (fte)",
    "team": "team", "start_week": "startweek", "earliest_start": "vroegste start",
    "latest_start": "uiterste start", "unit": "eenheid", "source": "bron",
    "notes": "opmerkingen",
}
_TEAM_LABELS: dict[str, str] = {
    "staffed_fte": "bezetting (fte)", "deployability": "inzetbaarheid",
    "formation_fte": "formatie (fte)", "certified": "gecertificeerde rechercheurs",
}
_FLAGS = frozenset({"international", "violence", "ongoing"})
_AVAILABILITY = "beschikbaarheid "


def change_label(field: str, kind: str = "cases") -> str:
    """The Dutch name of a stored field, as the merge report shows it."""
    if field.startswith(_AVAILABILITY):
        return f"beschikbaarheid in {field[len(_AVAILABILITY):]} (fte)"
    if kind == "capacity" and field in _TEAM_LABELS:
        return _TEAM_LABELS[field]
    return _CHANGE_LABELS.get(field) or _TEAM_LABELS.get(field) or field.replace("_", " ")


def change_value(field: str, value: object) -> str:
    """A stored value as a Dutch user reads it: decimal comma, dd-mm-jjjj, ja/nee."""
    if value is None or value == "":
        return "(leeg)"
    if field in _FLAGS and isinstance(value, int | bool):
        return "ja" if value else "nee"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if field == "deployability" and isinstance(value, int | float):
        return f"{100 * value:.0f}%"
    if isinstance(value, float):
        return dutch_number(value)
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    return str(value)


def dutch_number(value: float, decimals: int = 2) -> str:
    """``2.5`` → ``2,5``; ``14.0`` → ``14``; at most ``decimals`` decimals."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace(".", ",")


def describe_change(change: FieldChange, kind: str = "cases") -> str:
    """``"slachtoffers: 1 → 6"``: one changed field of a re-import, in Dutch (the key —
    case or team — is not part of it)."""
    return (f"{change_label(change.field, kind)}: {change_value(change.field, change.old)} → "
            f"{change_value(change.field, change.new)}")
