import pytest

from stuurploeg.io.fields import (
    AVAILABILITY_FIELDS,
    CAPACITY,
    CASE_FIELDS,
    CASES,
    TEAM_FIELDS,
    field_labels,
    guess_mapping,
    match_header,
    normalise_header,
)

ALL = [(CASES, spec.key, syn) for spec in CASE_FIELDS for syn in spec.synonyms] + \
      [(CAPACITY, spec.key, syn) for spec in TEAM_FIELDS for syn in spec.synonyms]


@pytest.mark.parametrize(("kind", "key", "synonym"), ALL)
def test_every_synonym_matches_its_field(kind, key, synonym):
    assert match_header(synonym, kind) == key
    # and in the forms people type them
    assert match_header(synonym.upper(), kind) == key
    # a qualifier the contract knows may follow in brackets (any other word may not)
    assert match_header(f"  {synonym.replace(' ', '_')} (verplicht) ", kind) == key


@pytest.mark.parametrize("fields", [CASE_FIELDS, TEAM_FIELDS, AVAILABILITY_FIELDS])
def test_no_synonym_means_two_fields(fields):
    owner: dict[str, str] = {}
    for spec in fields:
        for synonym in spec.synonyms:
            norm = normalise_header(synonym)
            assert owner.setdefault(norm, spec.key) == spec.key, synonym


@pytest.mark.parametrize(("header", "key"), [
    ("Doorlooptijd (weken)", "weeks"), ("doorlooptijd", "weeks"), ("DOORLOOP-TIJD", "weeks"),
    ("Doorlooptijd in weken", "weeks"), ("Aantal slachtoffers", "victims"),
    ("# slachtoffers", "victims"), ("Zaak_ID", "case_id"), ("zaak-id", "case_id"),
    ("Benodigde FTE", "fte"), ("Capaciteit (fte)", "fte"), ("Financiële recherche", "financial"),
    ("Digitaal (fte)", "digital"), ("Bewijskansen (haalbaarheid)", "prospects"),
    ("Maatschappelijke impact", "impact"), ("Bron (signaal)", "source"),
    ("Uiterste startweek", "latest_start"), ("Minderjarige slachtoffers", "minors"),
])
def test_case_header_forms(header, key):
    assert match_header(header, CASES) == key


@pytest.mark.parametrize(("header", "key"), [
    ("Inzetbaar %", "deployability"), ("Inzetbaarheid (%)", "deployability"),
    ("Bezetting (fte)", "staffed_fte"), ("Formatie (fte)", "formation_fte"),
    ("Teamnaam", "team"), ("Gecertificeerde rechercheurs", "certified"),
    ("Intelligence (fte)", "intelligence"),
])
def test_team_header_forms(header, key):
    assert match_header(header, CAPACITY) == key


def test_unknown_and_empty_headers():
    assert match_header("BSN verdachte", CASES) is None
    assert match_header("", CASES) is None
    assert match_header(None, CASES) is None


def test_guess_mapping_first_column_wins():
    mapping = guess_mapping(["Zaaknummer", "Naam", "ID", "Vrij veld"], CASES)
    assert mapping == {"case_id": "Zaaknummer", "name": "Naam"}


def test_field_labels_are_dutch_and_complete():
    labels = dict(field_labels(CASES))
    assert labels["case_id"] == "Zaak-ID"
    assert labels["weeks"] == "Doorlooptijd"
    assert len(labels) == len(CASE_FIELDS)
    assert dict(field_labels(CAPACITY))["staffed_fte"] == "Bezetting"


def test_input_format_doc_lists_every_synonym():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "input-format.md").read_text()
    for spec in (*CASE_FIELDS, *TEAM_FIELDS, *AVAILABILITY_FIELDS):
        for synonym in spec.synonyms:
            assert f"`{synonym}`" in doc, synonym


@pytest.mark.parametrize(("header", "key"), [
    ("Inzetbaar (fte)", "deployable_fte"), ("Beschikbaarheid (fte)", "deployable_fte"),
    ("Inzetbaarheid in fte", "deployable_fte"), ("INZETBAAR FTE", "deployable_fte"),
    ("Inzetbaarheid (%)", "deployability"), ("Inzetbaar % (van fte)", "deployability"),
    ("Beschikbaarheid", "deployability"),
])
def test_a_deployability_header_in_fte_is_not_the_percentage(header, key):
    assert match_header(header, CAPACITY) == key


@pytest.mark.parametrize("header", ["Beschikbaarheid", "Beschikbaarheid (fte)", "Beschikbaar"])
def test_availability_value_headers(header):
    assert match_header(header, "availability") == "fte"
