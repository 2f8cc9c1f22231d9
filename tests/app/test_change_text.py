"""What a re-import changed, said in Dutch: field labels, decimal commas, weeks, dates."""

import pytest

from stuurploeg.app.workspace_import import describe_change
from stuurploeg.store.cases_repo import FieldChange


@pytest.mark.parametrize(
    ("change", "kind", "text"),
    [
        (FieldChange("MH-1", "victims", 1, 6), "cases", "slachtoffers: 1 → 6"),
        (FieldChange("Team Noord", "staffed_fte", 14.0, 5.0), "capacity",
         "bezetting (fte): 14 → 5"),
        (FieldChange("Team Noord", "deployability", 0.71, 0.65), "capacity",
         "inzetbaarheid: 71% → 65%"),
        (FieldChange("MH-1", "fte", 2.5, 3.25), "cases", "benodigde fte: 2,5 → 3,25"),
        (FieldChange("MH-1", "digital_fte", None, 0.5), "cases",
         "digitale recherche (fte): (leeg) → 0,5"),
        (FieldChange("MH-1", "start_week", "2026-W05", "2026-W07"), "cases",
         "startweek: 2026-W05 → 2026-W07"),
        (FieldChange("MH-1", "international", 0, 1), "cases", "internationaal: nee → ja"),
        (FieldChange("MH-1", "severity", 3, 5), "cases", "ernst: 3 → 5"),
        (FieldChange("MH-1", "status", "nieuw", "lopend"), "cases", "status: nieuw → lopend"),
        (FieldChange("Team Noord", "beschikbaarheid 2026-W05", 4.0, 3.5), "capacity",
         "beschikbaarheid in 2026-W05 (fte): 4 → 3,5"),
        (FieldChange("MH-1", "weeks", 10, 12), "cases", "doorlooptijd (weken): 10 → 12"),
    ],
)
def test_changes_read_as_dutch(change, kind, text):
    assert describe_change(change, kind) == text


def test_dates_are_written_day_first():
    from datetime import date

    assert describe_change(FieldChange("X", "notes", date(2026, 3, 2), None), "cases") == \
        "opmerkingen: 02-03-2026 → (leeg)"
