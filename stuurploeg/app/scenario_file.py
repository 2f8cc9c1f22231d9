"""Scenario files (``stuurploeg plan --scenario FILE.toml``); the format is in
``docs/scenarios.md``.

Read with the standard library's ``tomllib``: the format is plain TOML and needs nothing
more. ``tomllib`` gives no positions for values, so a small line scanner
(:class:`_Locator`) finds where each ``[[capacity]]`` and ``[[case]]`` entry and each key
begins, and every problem names its line, entry and key where it can.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from stuurploeg.domain.model import SPECIALISMS, Specialism
from stuurploeg.domain.planning.types import (
    CapacityDelta,
    CaseAction,
    CaseChange,
    Scenario,
    capacity_change,
)
from stuurploeg.domain.scoring import WeightProfile
from stuurploeg.domain.weeks import IsoWeek

MAX_SCENARIO_BYTES = 1024 * 1024
MAX_ENTRIES = 10_000
MAX_NAME = 100
MAX_FTE = 1000.0

CAPACITY, CASE = "capacity", "case"
_TOP_KEYS = ("name", "description", "profile", CAPACITY, CASE)
_ENTRY_KEYS = {
    CAPACITY: ("team", "from", "to", "fte", "specialism"),
    CASE: ("case", "action", "start"),
}
# Words users may reach for, and the key the format has for them.
_HINTS = {
    "naam": "name", "titel": "name", "omschrijving": "description", "toelichting": "description",
    "profiel": "profile", "weging": "profile", "wegingsprofiel": "profile",
    "capaciteit": CAPACITY, "capaciteiten": CAPACITY, "zaak": CASE, "zaken": CASE,
    "cases": CASE, "van": "from", "vanaf": "from", "tot": "to", "tm": "to", "tot_en_met": "to",
    "specialisme": "specialism", "soort": "specialism", "kind": "specialism",
    "actie": "action", "startweek": "start", "start_week": "start", "week": "start",
    "zaak_id": "case", "case_id": "case", "zaaknummer": "case",
}
_ACTION_HINTS = {
    "erin": "in", "inplannen": "in", "verplicht": "in", "uit": "out", "eruit": "out",
    "weg": "out", "uitsluiten": "out", "later": "start", "starten": "start",
}
_TOML_MESSAGES = {
    "Invalid value": "ongeldige waarde (staat tekst tussen aanhalingstekens, een getal met "
                     "een punt als decimaalteken?)",
    "Invalid statement": "ongeldige regel",
    "Expected '=' after a key in a key/value pair": "'=' verwacht na de sleutel",
    "Unterminated string": "tekst zonder afsluitend aanhalingsteken",
    "Unclosed array": "lijst zonder afsluitende ']'",
    "Unclosed inline table": "tabel zonder afsluitende '}'",
    "Cannot overwrite a value": "deze sleutel heeft al een waarde",
    "Expected ']]' at the end of an array declaration": "']]' verwacht aan het eind van de kop",
    "Expected ']' at the end of a table declaration": "']' verwacht aan het eind van de kop",
    "Invalid initial character for a key part": "ongeldig teken aan het begin van een sleutel",
    "Invalid date or datetime": "ongeldige datum",
}


@dataclass(frozen=True)
class ScenarioProblem:
    """One problem with a scenario, in Dutch, with where it is when known."""

    source: str  # the file name, or the scenario's name
    message: str
    line: int | None = None
    column: int | None = None
    entry: str | None = None  # "[[capacity]] 2", "[[case]] 1"
    key: str | None = None
    severity: str = "error"  # or "warning"

    def describe(self) -> str:
        where = [self.source]
        if self.line is not None:
            where.append(f"regel {self.line}" + (f", kolom {self.column}" if self.column else ""))
        if self.entry:
            where.append(self.entry)
        if self.key:
            where.append(f"sleutel {self.key}")
        return ", ".join(where) + ": " + self.message


class ScenarioFileError(Exception):
    """The scenario cannot be used; ``problems`` says what and where (``str()``: all)."""

    def __init__(self, problems: list[ScenarioProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.describe() for p in problems))


@dataclass(frozen=True)
class ScenarioFile:
    """A parsed scenario file and where its parts came from."""

    path: Path | None
    source: str
    scenario: Scenario
    delta_entries: tuple[int, ...]  # per ``scenario.deltas`` item: its [[capacity]] number
    case_entries: tuple[int, ...]  # per ``scenario.cases`` item: its [[case]] number
    locator: _Locator

    def where(self, section: str | None, number: int | None = None,
              key: str | None = None) -> dict[str, Any]:
        """``line``/``entry``/``key`` for a :class:`ScenarioProblem` about that place."""
        return {
            "line": self.locator.line(section, number, key),
            "entry": f"[[{section}]] {number}" if section and number else None,
            "key": key,
        }


def load_scenario_file(path: Path | str) -> ScenarioFile:
    """Read and check a scenario file; raises :class:`ScenarioFileError` (Dutch)."""
    path = Path(path)
    source = path.name
    try:
        if path.stat().st_size > MAX_SCENARIO_BYTES:
            raise _error(source, f"te groot voor een scenario (meer dan "
                                 f"{MAX_SCENARIO_BYTES // 1024} kB).")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise _error(str(path), "het scenariobestand bestaat niet.") from None
    except IsADirectoryError:
        raise _error(str(path), "is een map, geen scenariobestand.") from None
    except UnicodeDecodeError:
        raise _error(source, "geen tekstbestand (UTF-8); sla het op als UTF-8.") from None
    except OSError as exc:
        raise _error(source, f"kan niet worden gelezen: {exc.strerror or exc}.") from None
    return parse_scenario(text, source=source, base_dir=path.parent, path=path)


def parse_scenario(
    text: str, *, source: str = "scenario", base_dir: Path | None = None,
    path: Path | None = None,
) -> ScenarioFile:
    """Parse scenario TOML; a ``profile`` path is read relative to ``base_dir``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioFileError([_syntax_problem(source, str(exc))]) from None
    except RecursionError:  # tomllib recurses per nesting level
        raise _error(source, "waarden zijn te diep genest voor een scenario.") from None
    locator = _Locator(text)
    parser = _Parser(source, locator, base_dir)
    scenario, delta_entries, case_entries = parser.parse(data)
    if parser.problems:
        raise ScenarioFileError(sorted(parser.problems, key=lambda p: p.line or 0))
    return ScenarioFile(path, source, scenario, tuple(delta_entries), tuple(case_entries),
                        locator)


def _error(source: str, message: str) -> ScenarioFileError:
    return ScenarioFileError([ScenarioProblem(source, message)])


def _syntax_problem(source: str, message: str) -> ScenarioProblem:
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    line = column = None
    if m:
        line, column = int(m.group(1)), int(m.group(2))
        message = message[: m.start()]
    else:
        message = re.sub(r"\s*\(at end of document\)\s*$", "", message)
    dutch = _TOML_MESSAGES.get(message.strip())
    if dutch is None and message.startswith(("Illegal character", "Found invalid character")):
        char = message.split("character", 1)[1].strip()
        dutch = (f"ongeldig teken {char} (is een tekst niet afgesloten met een "
                 "aanhalingsteken?)")
    if dutch is None:
        dutch = f"fout in de TOML-opmaak ({message.strip()})"
    return ScenarioProblem(source, f"{dutch}.", line=line, column=column)


class _Locator:
    """Where top-level keys, ``[[capacity]]``/``[[case]]`` entries and their keys start."""

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}
        self.entries: dict[str, list[tuple[int, dict[str, int]]]] = {CAPACITY: [], CASE: []}
        current: dict[str, int] | None = None  # None: the top level
        in_string: str | None = None
        for no, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if in_string:  # inside a multi-line string: only look for its end
                if line.count(in_string) % 2:
                    in_string = None
                continue
            if m := re.match(r"^\[\[\s*[\"']?([A-Za-z0-9_\-]+)[\"']?\s*\]\]", line):
                name = m.group(1)
                if name in self.entries:
                    self.entries[name].append((no, {}))
                    current = self.entries[name][-1][1]
                else:
                    self.top.setdefault(name, no)
                    current = {}
            elif m := re.match(r"^\[\s*[\"']?([A-Za-z0-9_\-]+)", line):
                self.top.setdefault(m.group(1), no)
                current = {}
            elif m := re.match(r"^[\"']?([A-Za-z0-9_\-]+)[\"']?\s*=", line):
                (self.top if current is None else current).setdefault(m.group(1), no)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2:
                    in_string = quote
                    break

    def line(self, section: str | None, number: int | None = None,
             key: str | None = None) -> int | None:
        if section is None:
            return self.top.get(key) if key else None
        entries = self.entries.get(section, [])
        if number is None or not 1 <= number <= len(entries):
            return self.top.get(section)
        start, keys = entries[number - 1]
        return keys.get(key, start) if key else start


class _Parser:
    def __init__(self, source: str, locator: _Locator, base_dir: Path | None) -> None:
        self.source = source
        self.locator = locator
        self.base_dir = base_dir
        self.problems: list[ScenarioProblem] = []

    def problem(self, message: str, section: str | None = None, number: int | None = None,
                key: str | None = None) -> None:
        self.problems.append(ScenarioProblem(
            self.source, message, line=self.locator.line(section, number, key),
            entry=f"[[{section}]] {number}" if section and number else None, key=key,
        ))

    def parse(self, data: Mapping[str, Any]) -> tuple[Scenario, list[int], list[int]]:
        for key in data:
            if key not in _TOP_KEYS:
                self.problem(_unknown_key(key, _TOP_KEYS), key=key)
        name = self._name(data)
        description = data.get("description", "")
        if not isinstance(description, str):
            self.problem(f"moet tekst zijn, niet {_what(description)}.", key="description")
            description = ""
        profile = self._profile(data)
        deltas: list[CapacityDelta] = []
        delta_entries: list[int] = []
        for number, entry in self._entries(data, CAPACITY):
            for d in self._capacity(number, entry):
                deltas.append(d)
                delta_entries.append(number)
        changes: list[CaseChange] = []
        case_entries: list[int] = []
        seen: dict[str, list[tuple[CaseAction, int]]] = {}
        for number, entry in self._entries(data, CASE):
            change = self._case(number, entry)
            if change is None:
                continue
            if self._conflicts(change, number, seen):
                continue
            seen.setdefault(change.case_id, []).append((change.action, number))
            changes.append(change)
            case_entries.append(number)
        scenario = Scenario(name or "", tuple(deltas), tuple(changes), profile,
                            description.strip())
        return scenario, delta_entries, case_entries

    # -- top level ------------------------------------------------------------------
    def _name(self, data: Mapping[str, Any]) -> str | None:
        if "name" not in data:
            self.problem('de naam van het scenario ontbreekt; schrijf bijvoorbeeld '
                         'name = "Extra digitaal Zuid" bovenaan.', key="name")
            return None
        name = data["name"]
        if not isinstance(name, str) or not name.strip():
            self.problem(f"moet een niet-lege tekst zijn, niet {_what(name)}.", key="name")
            return None
        if len(name.strip()) > MAX_NAME:
            self.problem(f"de naam is langer dan {MAX_NAME} tekens.", key="name")
            return None
        return " ".join(name.split())

    def _profile(self, data: Mapping[str, Any]) -> WeightProfile | None:
        if "profile" not in data:
            return None
        value = data["profile"]
        if not isinstance(value, str) or not value.strip():
            self.problem("moet de bestandsnaam van een wegingsprofiel zijn (tekst), niet "
                         f"{_what(value)}.", key="profile")
            return None
        from stuurploeg.app.profiles import ProfileError, load_profile

        path = Path(value.strip()).expanduser()
        if not path.is_absolute() and self.base_dir is not None:
            path = self.base_dir / path
        if not path.is_file():
            self.problem(f"wegingsprofiel {value} bestaat niet (gezocht: {path}); de naam is "
                         "ten opzichte van de map van het scenariobestand.", key="profile")
            return None
        try:
            return load_profile(path)
        except RecursionError:
            self.problem("wegingsprofiel niet bruikbaar: waarden te diep genest.",
                         key="profile")
            return None
        except ProfileError as exc:
            self.problem(f"wegingsprofiel niet bruikbaar: {exc}", key="profile")
            return None

    def _entries(self, data: Mapping[str, Any], section: str):
        value = data.get(section, [])
        if isinstance(value, dict):
            self.problem(f"schrijf [[{section}]] met dubbele haken: elke wijziging is een "
                         "eigen tabel in een lijst.", key=section)
            return
        if not isinstance(value, list):
            self.problem(f"moet een lijst van [[{section}]]-tabellen zijn, niet "
                         f"{_what(value)}.", key=section)
            return
        if len(value) > MAX_ENTRIES:
            self.problem(f"meer dan {MAX_ENTRIES} [[{section}]]-tabellen.", key=section)
            return
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, dict):
                self.problem(f"moet een tabel met sleutels zijn, niet {_what(entry)}.",
                             section, number)
                continue
            unknown = [k for k in entry if k not in _ENTRY_KEYS[section]]
            for key in unknown:
                self.problem(_unknown_key(key, _ENTRY_KEYS[section]), section, number, key)
            yield number, entry

    # -- [[capacity]] ---------------------------------------------------------------
    def _capacity(self, n: int, entry: Mapping[str, Any]) -> tuple[CapacityDelta, ...]:
        before = len(self.problems)
        team = self._text(CAPACITY, n, entry, "team")
        first = self._week(CAPACITY, n, entry, "from", required=True)
        last = self._week(CAPACITY, n, entry, "to", required=False)
        fte = self._fte(n, entry)
        specialism = self._specialism(n, entry)
        if first is not None and last is not None and last < first:
            self.problem(f"de laatste week {last} ligt vóór de eerste week {first} (from).",
                         CAPACITY, n, "to")
        if len(self.problems) > before or team is None or first is None or fte is None:
            return ()
        return capacity_change(team, first, last, fte, specialism)

    def _fte(self, n: int, entry: Mapping[str, Any]) -> float | None:
        if "fte" not in entry:
            self.problem("ontbreekt: hoeveel fte erbij (negatief: eraf), bijvoorbeeld "
                         "fte = 2.0.", CAPACITY, n, "fte")
            return None
        value = entry["fte"]
        if isinstance(value, str) and _number_text(value):
            self.problem(f"moet een getal zijn zonder aanhalingstekens; schrijf fte = "
                         f"{value.strip().replace(',', '.')} (TOML gebruikt een punt).",
                         CAPACITY, n, "fte")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(f"moet een getal zijn, niet {_what(value)}.", CAPACITY, n, "fte")
            return None
        if not math.isfinite(value) or abs(value) > MAX_FTE:
            self.problem(f"moet een getal tussen -{MAX_FTE:g} en {MAX_FTE:g} zijn, niet "
                         f"{value!r}.", CAPACITY, n, "fte")
            return None
        if value == 0:
            self.problem("fte = 0 verandert niets; geef het aantal fte erbij of (negatief) "
                         "eraf.", CAPACITY, n, "fte")
            return None
        return float(value)

    def _specialism(self, n: int, entry: Mapping[str, Any]) -> Specialism | None:
        if "specialism" not in entry:
            return None
        value = entry["specialism"]
        known = ", ".join(s.value for s in SPECIALISMS)
        if isinstance(value, str):
            key = value.strip().casefold()
            for s in SPECIALISMS:
                if key == s.value:
                    return s
        self.problem(f"onbekend specialisme {_shown(value)}; kies uit {known}.",
                     CAPACITY, n, "specialism")
        return None

    # -- [[case]] -------------------------------------------------------------------
    def _case(self, n: int, entry: Mapping[str, Any]) -> CaseChange | None:
        before = len(self.problems)
        case_id = self._text(CASE, n, entry, "case")
        action = self._action(n, entry)
        start = None
        if action is CaseAction.START:
            start = self._week(CASE, n, entry, "start", required=True,
                               missing='ontbreekt: bij action = "start" hoort de week waarin '
                                       'de zaak op zijn vroegst start, bijvoorbeeld '
                                       'start = "2026-W48".')
        elif "start" in entry and action is not None:
            self.problem('hoort alleen bij action = "start"; wilt u zaak en startweek '
                         'allebei wijzigen, zet dan een tweede [[case]] met action = '
                         '"start" erbij.', CASE, n, "start")
        if len(self.problems) > before or case_id is None or action is None:
            return None
        return CaseChange(case_id, action, start)

    def _action(self, n: int, entry: Mapping[str, Any]) -> CaseAction | None:
        if "action" not in entry:
            self.problem('ontbreekt: kies action = "in", "out" of "start".', CASE, n,
                         "action")
            return None
        value = entry["action"]
        if isinstance(value, str):
            key = value.strip().casefold()
            for a in CaseAction:
                if key == a.value:
                    return a
            if key in _ACTION_HINTS:
                self.problem(f'onbekende actie {_shown(value)}; bedoelt u '
                             f'"{_ACTION_HINTS[key]}"? Kies "in", "out" of "start".',
                             CASE, n, "action")
                return None
        self.problem(f'onbekende actie {_shown(value)}; kies "in" (moet erin), "out" '
                     '(uitsluiten) of "start" (niet eerder starten dan start).',
                     CASE, n, "action")
        return None

    def _conflicts(self, change: CaseChange, n: int,
                   seen: dict[str, list[tuple[CaseAction, int]]]) -> bool:
        """A case may be forced in and given a start week; nothing else combines."""
        for action, other in seen.get(change.case_id, []):
            if action is change.action:
                self.problem(f'zaak {change.case_id} staat al in [[case]] {other} met '
                             f'action = "{action.value}".', CASE, n, "case")
                return True
            if CaseAction.OUT in (action, change.action):
                self.problem(f'zaak {change.case_id}: action = "{change.action.value}" '
                             f'spreekt [[case]] {other} tegen (action = "{action.value}").',
                             CASE, n, "action")
                return True
        return False

    # -- values ---------------------------------------------------------------------
    def _text(self, section: str, n: int, entry: Mapping[str, Any], key: str) -> str | None:
        if key not in entry:
            example = "team = \"MH Zuid\"" if key == "team" else 'case = "MH-2026-0012"'
            self.problem(f"ontbreekt; schrijf bijvoorbeeld {example}.", section, n, key)
            return None
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            self.problem(f"moet een niet-lege tekst zijn, niet {_what(value)}.", section, n,
                         key)
            return None
        return value.strip()

    def _week(self, section: str, n: int, entry: Mapping[str, Any], key: str, *,
              required: bool, missing: str | None = None) -> IsoWeek | None:
        if key not in entry:
            if required:
                self.problem(missing or 'ontbreekt; schrijf een ISO-week, bijvoorbeeld '
                             f'{key} = "2026-W45".', section, n, key)
            return None
        value = entry[key]
        if isinstance(value, date):  # a TOML date (or date-time): its ISO week
            return IsoWeek.from_date(value)
        if isinstance(value, str):
            try:
                return IsoWeek.parse(value)
            except ValueError:
                pass
        self.problem(f"{_shown(value)} is geen geldige ISO-week; schrijf bijvoorbeeld "
                     f'{key} = "2026-W45" (jaar, W, weeknummer 1–52 of 53).', section, n, key)
        return None


def _unknown_key(key: str, known: tuple[str, ...]) -> str:
    hint = _HINTS.get(key.casefold())
    if hint in known:
        return f"onbekende sleutel {key!r}; bedoelt u {hint!r}?"
    return f"onbekende sleutel {key!r}; bekend zijn: {', '.join(known)}."


def _number_text(text: str) -> bool:
    return re.fullmatch(r"\s*[-+]?\d+([.,]\d+)?\s*", text) is not None


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return f"de waarheidswaarde {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"het getal {value!r}"
    if isinstance(value, str):
        return "een lege tekst" if not value.strip() else f"de tekst {value!r}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel"
    return f"een {type(value).__name__}"


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else _what(value)
