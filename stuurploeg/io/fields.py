"""The fields of each workbook kind, their Dutch labels and the headers that mean them.

Headers are compared after :func:`normalise_header`: case, accents, spaces, ``_``, ``-``
and punctuation are ignored, and so is a part in brackets that holds only a unit or
qualifier the contract knows (``(weken)``, ``(fte)``, ``(%)``, ``(j/n)``, ``(aantal)``,
``(1-5)``…), so ``"Doorlooptijd (weken)"``, ``"doorlooptijd"`` and ``"DOORLOOP-TIJD"`` are
the same header. Any other word in brackets makes it another column: ``"Naam (verdachte)"``
is not the case name. A leading ``aantal`` / ``#`` and a trailing unit (``in weken``,
``fte``, ``%``) are ignored as well when the header does not match as it stands.
docs/input-format.md lists the same synonyms and qualifiers for users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stuurploeg.io.values import fold
from stuurploeg.io.vocabulary import EXPLOITATION_WORDS, STATUS_WORDS

CASES = "cases"
CAPACITY = "capacity"
KINDS = (CASES, CAPACITY)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str  # Dutch, shown in the import wizard and in messages
    synonyms: tuple[str, ...]
    required: bool = False  # the header must be present for the sheet to qualify


def _f(key: str, label: str, *synonyms: str, required: bool = False) -> FieldSpec:
    return FieldSpec(key, label, (label, *synonyms), required)


CASE_FIELDS: tuple[FieldSpec, ...] = (
    _f("case_id", "Zaak-ID", "Zaak ID", "Zaaknummer", "Zaaknr", "Zaak", "Zaakcode",
       "Zaakkenmerk", "Kenmerk", "Registratienummer", "Registratienr", "Onderzoeksnummer",
       "Dossiernummer", "Case ID", "Case", "ID", "Nummer", "Nr", required=True),
    _f("name", "Naam", "Onderzoeksnaam", "Naam onderzoek", "Onderzoek", "Titel", "Zaaknaam",
       "Codenaam", "Projectnaam", "Name", "Title", required=True),
    _f("exploitation", "Uitbuitingsvorm", "Vorm", "Type uitbuiting", "Vorm uitbuiting",
       "Soort uitbuiting", "Uitbuiting", "Vorm van uitbuiting", "Type", "Exploitation"),
    _f("status", "Status", "Fase", "Zaakstatus", "Stand", "Stadium"),
    _f("victims", "Slachtoffers", "Aantal slachtoffers", "Aantal SO", "SO", "Victims"),
    _f("minors", "Minderjarige slachtoffers", "Minderjarigen", "Minderjarig",
       "Minderjarige SO", "Waarvan minderjarig", "Minors"),
    _f("suspects", "Verdachten", "Aantal verdachten", "Aantal VE", "Suspects"),
    _f("international", "Internationaal", "Internationale component", "Grensoverschrijdend",
       "International"),
    _f("violence", "Geweld", "Geweldgebruik", "Geweld gebruikt", "Violence"),
    _f("ongoing", "Actuele uitbuiting", "Uitbuiting actueel", "Lopende uitbuiting",
       "Actueel", "Uitbuiting gaande", "Ongoing"),
    _f("severity", "Ernst", "Ernst score", "Severity"),
    _f("urgency", "Urgentie", "Spoed", "Urgency"),
    _f("information", "Informatiepositie", "Info positie", "Infopositie", "Information"),
    _f("prospects", "Bewijskansen", "Haalbaarheid", "Bewijskans", "Slagingskans", "Prospects"),
    _f("expansion", "Doorrechercheerpotentie", "Doorrechercheren", "Doorrechercheer potentie",
       "Potentie doorrechercheren", "Expansion"),
    _f("impact", "Maatschappelijke impact", "Impact", "Maatschappelijk effect"),
    _f("fte", "Benodigde fte", "FTE", "Capaciteit", "Fte benodigd", "Inzet", "Benodigde inzet",
       "Benodigde capaciteit"),
    _f("weeks", "Doorlooptijd", "Doorlooptijd weken", "Weken", "Duur", "Looptijd",
       "Aantal weken", "Duur weken", "Duration"),
    _f("digital", "Digitaal", "Digitale recherche", "Digi", "Digitaal fte", "Digital"),
    _f("financial", "Financieel", "Financiele recherche", "Fin recherche", "Financial"),
    _f("tactical", "Tactisch", "Tactische recherche", "Tactical"),
    _f("intelligence", "Intelligence", "Intel", "Intelligence fte"),
    _f("team", "Team", "Teamnaam", "Toegewezen team", "Uitvoerend team"),
    _f("start_week", "Startweek", "Start", "Gestart", "Startdatum", "Start week", "Begonnen",
       "Gestart in week"),
    _f("earliest_start", "Vroegste start", "Vroegste startweek", "Start vanaf", "Niet voor",
       "Earliest start"),
    _f("latest_start", "Uiterste start", "Uiterste startweek", "Uiterlijk starten",
       "Start uiterlijk", "Uiterlijke start", "Latest start"),
    _f("unit", "Eenheid", "Politie-eenheid", "Regio", "Unit"),
    _f("source", "Bron", "Bron signaal", "Signaalbron", "Herkomst", "Herkomst signaal", "Source"),
    _f("notes", "Opmerkingen", "Opmerking", "Toelichting", "Notities", "Bijzonderheden", "Notes"),
)

TEAM_FIELDS: tuple[FieldSpec, ...] = (
    _f("team", "Team", "Teamnaam", "Naam team", "Naam", required=True),
    _f("unit", "Eenheid", "Politie-eenheid", "Regio", "Unit"),
    _f("formation_fte", "Formatie", "Formatie fte", "Formatieve sterkte", "Formation"),
    _f("staffed_fte", "Bezetting", "Bezetting fte", "Feitelijke bezetting", "Sterkte",
       "Staffed", required=True),
    _f("deployability", "Inzetbaarheid", "Inzetbaar", "Inzetbaar %", "Inzetbaarheid %",
       "Inzetbaarheidspercentage", "Beschikbaarheid", "Deployability"),
    # The same thing in fte (not a share): the reader derives the share from the bezetting.
    _f("deployable_fte", "Inzetbare fte", "Inzetbaar fte", "Inzetbaarheid fte",
       "Beschikbare fte", "Beschikbaar fte", "Beschikbaarheid fte", "Deployable fte"),
    _f("digital", "Digitaal", "Digitale recherche", "Digi", "Digital"),
    _f("financial", "Financieel", "Financiele recherche", "Fin recherche", "Financial"),
    _f("tactical", "Tactisch", "Tactische recherche", "Tactical"),
    _f("intelligence", "Intelligence", "Intel"),
    _f("certified", "Gecertificeerd", "Gecertificeerde rechercheurs",
       "Gecertificeerde mensenhandelrechercheurs", "Certified"),
)

# Long-form Beschikbaarheid sheet: one row per team and week.
AVAILABILITY_FIELDS: tuple[FieldSpec, ...] = (
    _f("team", "Team", "Teamnaam", required=True),
    _f("week", "Week", "Weeknummer", "Periode", required=True),
    _f("fte", "Beschikbaar", "FTE", "Beschikbare fte", "Beschikbaar fte", "Beschikbaarheid",
       "Beschikbaarheid (fte)", "Capaciteit", "Available", required=True),
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {CASES: CASE_FIELDS, CAPACITY: TEAM_FIELDS}

SHEET_NAMES: dict[str, tuple[str, ...]] = {
    CASES: ("zaken", "zakenlijst", "cases", "caselist", "onderzoeken", "zaakoverzicht",
            "overzichtzaken", "lijst"),
    CAPACITY: ("teams", "capaciteit", "capacity", "formatie", "bezetting"),
}
AVAILABILITY_SHEET_NAMES = ("beschikbaarheid", "beschikbaar", "availability", "weekcapaciteit")
# Sheets that explain the workbook rather than hold data.
NOTES_SHEET_WORDS = ("toelichting", "instructie", "uitleg", "notes", "readme", "leesmij",
                     "legenda", "info", "handleiding", "versie", "changelog")

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_UNIT_SUFFIXES = ("inweken", "weken", "infte", "fte", "procent", "perc", "pct", "aantal")
_FTE_UNIT = re.compile(r"(?<![a-z])fte(?![a-z])")
_PERCENT_UNIT = re.compile(r"%|procent|perc|pct")


# Words a bracketed part of a header may hold and still be the same column: units, answer
# formats and ranges. The status and exploitation words let a header list its own values
# ("Status (nieuw/lopend)").
QUALIFIER_WORDS = frozenset({
    "fte", "weken", "week", "wk", "wkn", "in", "aantal", "nr", "totaal", "j", "n", "ja", "nee",
    "x", "of", "en", "score", "jjjj", "ww", "www", "yyyy", "iso", "isoweek", "datum", "dd",
    "mm", "procent", "pct", "perc", "optioneel", "verplicht", "van", "per", "de", "het", "uit",
    *STATUS_WORDS, *EXPLOITATION_WORDS,
})
QUALIFIER_JOINED = frozenset({"", "15", "05", "1tm5", "1tot5", "jjjjww", "jjjjwww", "yyyyww",
                              "ddmmjjjj", "ddmmyyyy", "jjjjmmdd", "tm"})
_WORD = re.compile(r"[0-9a-z]+")


def _bracket(match: re.Match[str]) -> str:
    """A bracketed part: dropped when it only qualifies, else kept as part of the name."""
    inner = match.group(0)[1:-1]
    joined = _NON_ALNUM.sub("", inner)
    words = _WORD.findall(inner)
    if joined in QUALIFIER_JOINED or (words and all(
            w in QUALIFIER_WORDS or (w.isdigit() and len(w) == 1) for w in words)
            and any(not w.isdigit() for w in words)):
        return ""
    return joined


def normalise_header(text: object) -> str:
    """``"Doorlooptijd (weken)"`` → ``"doorlooptijd"``, ``"Naam (verdachte)"`` →
    ``"naamverdachte"``; non-text headers give ``""``."""
    if not isinstance(text, str):
        if isinstance(text, int | float) and not isinstance(text, bool):
            return str(text)
        return ""
    return _NON_ALNUM.sub("", _BRACKETS.sub(_bracket, fold(text)))


def normalise_sheet_name(name: str) -> str:
    return _NON_ALNUM.sub("", fold(name))


def _variants(norm: str) -> list[str]:
    out = [norm]
    if norm.startswith("aantal") and len(norm) > 6:
        out.append(norm[6:])
    for v in list(out):
        for suffix in _UNIT_SUFFIXES:
            if v.endswith(suffix) and len(v) > len(suffix):
                out.append(v[: -len(suffix)])
    return out


def _table(fields: tuple[FieldSpec, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for spec in fields:
        for synonym in spec.synonyms:
            table.setdefault(normalise_header(synonym), spec.key)
    return table


_TABLES = {CASES: _table(CASE_FIELDS), CAPACITY: _table(TEAM_FIELDS),
           "availability": _table(AVAILABILITY_FIELDS)}


def match_header(text: object, kind: str) -> str | None:
    """The field key a header means for this kind, or None."""
    key = _match(normalise_header(text), kind, text)
    if key is None and isinstance(text, str) and _BRACKETS.search(text):
        # "Bewijskansen (haalbaarheid)": brackets that name the same field once more.
        outer = _NON_ALNUM.sub("", _BRACKETS.sub("", fold(text)))
        key = _match(outer, kind, text)
        if key is not None and not all(
                _match(normalise_header(m.group(0)[1:-1]), kind, text) == key
                or not _bracket(m) for m in _BRACKETS.finditer(fold(text))):
            key = None
    return key


def _match(norm: str, kind: str, text: object) -> str | None:
    table = _TABLES[kind]
    if not norm:
        return None
    for variant in _variants(norm):
        key = table.get(variant)
        if key is not None:
            if key == "deployability" and _in_fte(text):
                # "Inzetbaar (fte)" holds fte, not a percentage: 11,4 must not become 11,4%.
                return "deployable_fte"
            return key
    return None


def _in_fte(text: object) -> bool:
    folded = fold(text) if isinstance(text, str) else ""
    return bool(_FTE_UNIT.search(folded)) and not _PERCENT_UNIT.search(folded)


def guess_mapping(headers: list[object], kind: str) -> dict[str, str]:
    """field → header text for the headers that match; the first column wins a field."""
    mapping: dict[str, str] = {}
    for header in headers:
        key = match_header(header, kind)
        if key is not None and key not in mapping:
            mapping[key] = str(header).strip()
    return mapping


def field_labels(kind: str) -> list[tuple[str, str]]:
    """(field, Dutch label) in display order, for the import wizard."""
    return [(spec.key, spec.label) for spec in FIELDS[kind]]


def label(kind: str, key: str) -> str:
    for spec in FIELDS[kind]:
        if spec.key == key:
            return spec.label
    return key


def required_fields(kind: str) -> tuple[str, ...]:
    return tuple(spec.key for spec in FIELDS[kind] if spec.required)
