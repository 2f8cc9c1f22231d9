"""What the controller tells the user (status bar, messages), translated."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from stuurploeg.gui.controller.state import MergeSummary

if TYPE_CHECKING:
    from stuurploeg.app.importing import CheckReport
    from stuurploeg.app.workspace import ImportResult
    from stuurploeg.store.cases_repo import MergeReport

translate = QCoreApplication.translate
WORKSPACE_SUFFIX = ".stuurploeg"


def with_workspace_suffix(path: Path) -> Path:
    return path if path.suffix == WORKSPACE_SUFFIX else path.with_suffix(WORKSPACE_SUFFIX)


def opening(path: Path) -> str:
    return translate("Workspace", "Opening %1…").replace("%1", str(path))


def opened(cases: int, path: Path) -> str:
    return (
        translate("Workspace", "%1 cases in %2.").replace("%1", str(cases)).replace("%2", path.name)
    )


def no_sample_data(folder: Path) -> str:
    return translate("Startup", "No sample data found in %1.").replace("%1", str(folder))


def cases_loaded(cases: int, path: Path) -> str:
    return (
        translate("Startup", "%1 cases loaded from %2.")
        .replace("%1", str(cases))
        .replace("%2", path.name)
    )


def capacity_loaded(teams: int, path: Path) -> str:
    return (
        translate("Startup", "Capacity of %1 teams imported from %2.")
        .replace("%1", str(teams))
        .replace("%2", path.name)
    )


def merging(path: Path) -> str:
    return translate("Workspace", "Merging %1…").replace("%1", path.name)


def exporting() -> str:
    return translate("Workspace", "Exporting…")


def exported(path: Path) -> str:
    return translate("Workspace", "Decision list written to %1.").replace("%1", str(path))


def needs_workspace() -> str:
    return translate("Workspace", "Decisions are recorded in a workspace: open or create one.")


def proposal_coming() -> str:
    return translate(
        "Workspace",
        "The plan proposal is still being made; record the decision once it is shown.",
    )


def unknown_case(case_id: str) -> str:
    text = translate("Workspace", "Select a case in the Ranglijst first (%1 is not in it).")
    return text.replace("%1", case_id or "—")


def merge_summary(report: CheckReport, skip_bad_rows: bool, result: ImportResult) -> MergeSummary:
    """The status-bar line and the field-by-field details of a merged import."""
    path = Path(report.file)
    merged = result.capacity if report.kind == "capacity" else result.cases
    assert merged is not None, "import_checked reports the kind it merged"
    text = (
        translate("Workspace", "Imported %1: %2 new, %3 changed, %4 gone.")
        .replace("%1", path.name)
        .replace("%2", str(len(merged.new)))
        .replace("%3", str(len(merged.changed_keys)))
        .replace("%4", str(len(merged.gone)))
    )
    if skip_bad_rows and report.errors:
        text += " " + translate("Workspace", "%1 rows with errors were skipped.").replace(
            "%1", str(len(report.errors))
        )
    return MergeSummary(path, text, merge_details(merged), merged)


def merge_details(merged: MergeReport) -> str:
    """New, changed (field by field), gone and kept rows, for the merge report's details."""
    lines = []
    if merged.new:
        lines.append(translate("Workspace", "New: %1").replace("%1", ", ".join(merged.new)))
    # Field names and values as the user knows them: "slachtoffers: 1 → 6", "14 → 5,5".
    from stuurploeg.app.workspace_import import describe_change

    for change in merged.changed:
        lines.append(
            translate("Workspace", "Changed %1, %2")
            .replace("%1", str(change.key))
            .replace("%2", describe_change(change, merged.kind))
        )
    if merged.gone:
        lines.append(
            translate("Workspace", "Gone (kept, with their decisions): %1").replace(
                "%1", ", ".join(merged.gone)
            )
        )
    if merged.kept:
        lines.append(
            translate(
                "Workspace", "Not in the file but left unchanged (rows were skipped): %1"
            ).replace("%1", ", ".join(merged.kept))
        )
    return "\n".join(lines) or translate("Workspace", "Nothing changed.")


def backup_failed(problem: str) -> str:
    """The deferred backup of an opened workspace failed: what then happens to changes."""
    return translate(
        "Workspace",
        "%1 Until a backup succeeds, changes to this workspace are not saved; what is "
        "stored stays as it is.",
    ).replace("%1", problem)
