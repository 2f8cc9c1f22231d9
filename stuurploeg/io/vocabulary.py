"""Words Dutch case lists use for status, uitbuitingsvorm and totals rows."""

from __future__ import annotations

import functools

from stuurploeg.domain.model import CaseStatus, Exploitation
from stuurploeg.io.values import ValueProblem, fold, parse_text

_STATUS = {
    CaseStatus.NEW: ("nieuw", "new", "signaal", "voorstel", "kandidaat", "aangemeld", "open",
                     "wachtend", "instroom", "aanmelding"),
    CaseStatus.RUNNING: ("lopend", "loopt", "actief", "running", "gestart", "inbehandeling",
                         "inonderzoek", "onderzoek", "doorrechercheren", "lopende"),
    CaseStatus.PARKED: ("geparkeerd", "parked", "parkeren", "aangehouden", "onhold", "pauze",
                        "gepauzeerd"),
    CaseStatus.CLOSED: ("afgerond", "closed", "gesloten", "afgesloten", "klaar", "beeindigd",
                        "afgehandeld", "done", "gereed"),
}
STATUS_WORDS = {word: status for status, words in _STATUS.items() for word in words}
_EXPLOITATION = {
    Exploitation.SEXUAL: ("seksueel", "seksuele", "seksueleuitbuiting", "sexual", "seks",
                          "prostitutie", "sex", "sexueel"),
    Exploitation.LABOUR: ("arbeid", "arbeidsuitbuiting", "labour", "labor", "arbeidsmarkt",
                          "uitbuitingarbeid"),
    Exploitation.CRIMINAL: ("crimineel", "criminele", "criminaleuitbuiting", "criminal",
                            "crimineleuitbuiting", "gedwongencriminaliteit"),
    Exploitation.ORGAN: ("orgaanhandel", "organen", "organ", "orgaan", "orgaanverwijdering",
                         "gedwongenorgaandonatie"),
    Exploitation.OTHER: ("overig", "overige", "other", "anders", "gemengd", "overigevormen"),
}
EXPLOITATION_WORDS = {w: e for e, words in _EXPLOITATION.items() for w in words}
_EXPLOITATION_PREFIX = (("seks", Exploitation.SEXUAL), ("sex", Exploitation.SEXUAL),
                        ("arbeid", Exploitation.LABOUR), ("crimin", Exploitation.CRIMINAL),
                        ("orga", Exploitation.ORGAN))
_TOTAL_WORDS = ("totaal", "total", "subtotaal", "eindtotaal", "generaaltotaal")
@functools.lru_cache(maxsize=4096)  # a column holds few distinct statuses/forms
def _norm(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def parse_status(value: object) -> CaseStatus | None:
    text = parse_text(value)
    if text is None:
        return None
    status = STATUS_WORDS.get(_norm(text))
    if status is None:
        raise ValueProblem("is geen bekende status (gebruik nieuw, lopend, geparkeerd of "
                           "afgerond)")
    return status


def parse_exploitation(value: object) -> Exploitation | None:
    text = parse_text(value)
    if text is None:
        return None
    norm = _norm(text)
    found = EXPLOITATION_WORDS.get(norm)
    if found is None:
        found = next((e for prefix, e in _EXPLOITATION_PREFIX if norm.startswith(prefix)), None)
    if found is None:
        raise ValueProblem("is geen bekende uitbuitingsvorm (seksueel, arbeid, crimineel, "
                           "orgaanhandel of overig)")
    return found


def is_total_word(value: object) -> bool:
    """Loose: the text starts like a total ("Totaal fte"); for a team-name cell only."""
    if not isinstance(value, str) or not value:
        return False
    norm = _norm(value)
    return norm in ("som", "totaal", "total") or any(norm.startswith(w) for w in _TOTAL_WORDS)


_TOTAL_LABELS = frozenset({*_TOTAL_WORDS, "som", "totalen"})


def is_total_label(value: object) -> bool:
    """Strict: the cell is exactly a total word ("Totaal", "som:"), not "Totalrecall"."""
    if not isinstance(value, str) or not value:
        return False
    return fold(value).rstrip(":").strip() in _TOTAL_LABELS


def is_total_row(row: list[object]) -> bool:
    """Some cell of the row is exactly a total word (see :func:`is_total_label`)."""
    return any(is_total_label(v) for v in row)
