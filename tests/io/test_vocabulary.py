import pytest

from stuurploeg.domain.model import CaseStatus, Exploitation
from stuurploeg.io.values import ValueProblem
from stuurploeg.io.vocabulary import (
    EXPLOITATION_WORDS,
    STATUS_WORDS,
    is_total_row,
    is_total_word,
    parse_exploitation,
    parse_status,
)


@pytest.mark.parametrize(("word", "status"), sorted(STATUS_WORDS.items()))
def test_status_words(word, status):
    assert parse_status(word.upper()) is status


@pytest.mark.parametrize(("text", "status"), [
    ("In behandeling", CaseStatus.RUNNING), ("On hold", CaseStatus.PARKED),
    ("Beëindigd", CaseStatus.CLOSED), (" Nieuw ", CaseStatus.NEW), ("", None),
])
def test_status_forms(text, status):
    assert parse_status(text) is status


@pytest.mark.parametrize(("word", "form"), sorted(EXPLOITATION_WORDS.items()))
def test_exploitation_words(word, form):
    assert parse_exploitation(word) is form


@pytest.mark.parametrize(("text", "form"), [
    ("Seksuele uitbuiting", Exploitation.SEXUAL), ("Arbeidsuitbuiting", Exploitation.LABOUR),
    ("Criminele uitbuiting", Exploitation.CRIMINAL), ("Orgaanhandel", Exploitation.ORGAN),
    ("arbeid (bouw)", Exploitation.LABOUR),
])
def test_exploitation_forms(text, form):
    assert parse_exploitation(text) is form


def test_unknown_words():
    with pytest.raises(ValueProblem):
        parse_status("misschien")
    with pytest.raises(ValueProblem):
        parse_exploitation("piraterij")


def test_totals():
    assert is_total_word("Totaal") and is_total_word("TOTAAL FTE") and is_total_word("Som")
    assert is_total_word("Eindtotaal") and is_total_word("Total")
    assert not is_total_word("SOM-2026-01") and not is_total_word("Z-1") and not is_total_word(3)
    assert is_total_row(["", "Totaal", 5]) and not is_total_row(["Z-1", "Eik", 2])


def test_total_labels_are_exact():
    from stuurploeg.io.vocabulary import is_total_label

    for text in ("Totaal", "TOTAAL:", " som ", "Subtotaal", "Eindtotaal", "total"):
        assert is_total_label(text), text
    for text in ("Totalrecall", "Total loss", "Totaal fte", "Somalië", "", None, 3):
        assert not is_total_label(text), text
    assert not is_total_row(["", "Totalrecall", 5])
