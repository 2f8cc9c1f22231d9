"""The capacity workbook: sheet Teams (one row per team) and optional Beschikbaarheid.

Beschikbaarheid gives the available fte per team per week and overrides the team's base
capacity for those weeks. It is either wide (a Team column and one column per week,
headed by a week) or long (Team, Week, FTE/Beschikbaar).
"""

from __future__ import annotations

from collections.abc import Callable

from stuurploeg.domain.model import Specialism, Team
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.fields import CAPACITY, label, match_header
from stuurploeg.io.layout import HEADER_SCAN_ROWS, Layout, header_texts
from stuurploeg.io.report import CheckReport, Issue
from stuurploeg.io.values import (
    MAX_COUNT,
    MAX_TEAM_FTE,
    ValueProblem,
    check_magnitude,
    check_plausible_week,
    parse_fraction,
    parse_int,
    parse_number,
    parse_text,
    parse_week,
    show,
)
from stuurploeg.io.vocabulary import is_total_row, is_total_word

# Below this a deployability is more likely an fte count or a typo than a real share.
LOW_DEPLOYABILITY = 0.30
_SPECIALISMS = {"digital": Specialism.DIGITAL, "financial": Specialism.FINANCIAL,
                "tactical": Specialism.TACTICAL, "intelligence": Specialism.INTELLIGENCE}


def _issue(report: CheckReport, sheet: str, row: int | None, column: str | None,
           value: object, message: str, severity: str = "error") -> None:
    shown = None if value is None or value == "" else show(value)
    report.add(Issue(sheet, row, column, shown, message, severity))  # type: ignore[arg-type]


def read_teams(rows: list[list[object]], layout: Layout, report: CheckReport,
               refused: set[str] | None = None) -> list[Team]:
    """The teams of sheet Teams; ``refused`` receives (case-folded) the names of teams
    whose row was refused, so the availability sheet does not report them again."""
    cols, sheet, headers = layout.columns, layout.sheet, layout.headers
    mapped = sorted(set(cols.values()))
    teams: list[Team] = []
    seen: dict[str, int] = {}
    duplicates: set[str] = set()
    for index in range(layout.header_index + 1, len(rows)):
        row = rows[index]
        if row.count("") == len(row):
            continue
        excel_row = index + 1
        failed = False

        def cell(key: str, row: list[object] = row) -> object:
            col = cols.get(key)
            return row[col] if col is not None and col < len(row) else None

        def problem(key: str | None, message: str, severity: str = "error",
                    row_no: int = excel_row, raw: object = None) -> None:
            nonlocal failed
            failed = failed or severity == "error"
            column = headers[cols[key]] if key in cols else None  # type: ignore[index]
            _issue(report, sheet, row_no, column, raw, message, severity)

        def value(key: str, parser, *, minimum: float | None = 0.0,  # type: ignore[no-untyped-def]
                  limit: float = MAX_TEAM_FTE):
            raw = cell(key)
            try:
                parsed = parser(raw)
                if parser is not parse_fraction:
                    check_magnitude(parsed, limit)
            except ValueProblem as exc:
                problem(key, f"{label(CAPACITY, key)} '{show(raw)}' {exc}. Verbeter de waarde.",
                        raw=raw)
                return None
            if parsed is not None and minimum is not None and parsed < minimum:
                problem(key, f"{label(CAPACITY, key)} mag niet negatief zijn.", raw=raw)
                return None
            return parsed

        if all(row[c] == "" for c in mapped if c < len(row)):
            problem(None, "Deze rij heeft alleen gegevens in kolommen die niet worden gebruikt; "
                    "de rij is overgeslagen.", "warning")
            continue
        name = None
        try:
            name = parse_text(cell("team"))
        except ValueProblem as exc:
            problem("team", f"Teamnaam {exc}.", raw=cell("team"))
            continue
        if name is None or is_total_word(name):
            if is_total_word(name) or is_total_row(row):
                problem(None, "Totaalrij overgeslagen (geen teamnaam, wel een cel 'Totaal').",
                        "warning")
            else:
                problem("team", "Teamnaam ontbreekt. Vul de naam van het team in of maak de rij "
                        "helemaal leeg.")
            continue
        staffed = value("staffed_fte", parse_number)
        if staffed is None and not failed:
            problem("staffed_fte", f"Bezetting (fte) ontbreekt voor team {name}. Vul het aantal "
                    "fte in dat het team werkelijk heeft.")
        formation = value("formation_fte", parse_number) if "formation_fte" in cols else None
        deploy = None
        if "deployability" in cols:
            deploy = value("deployability", parse_fraction)
        if "deployable_fte" in cols:
            deploy = _from_deployable_fte(value("deployable_fte", parse_number), deploy, staffed,
                                          name, problem, cell("deployable_fte"))
        if deploy is None and not failed:
            problem("deployability" if "deployability" in cols else None,
                    f"Inzetbaarheid ontbreekt voor team {name}; 100% aangenomen. Vul het "
                    "percentage in (landelijk gemiddeld ongeveer 71%).", "warning")
            deploy = 1.0
        if deploy is not None and deploy < LOW_DEPLOYABILITY and not failed:
            problem("deployability" if "deployability" in cols else "deployable_fte",
                    f"Inzetbaarheid van team {name} is maar {_percent(deploy)}. Controleer de "
                    "waarde (landelijk gemiddeld ongeveer 71%); is het een aantal fte, zet dan "
                    "'(fte)' in de kolomkop.", "warning",
                    raw=cell("deployability") if "deployability" in cols
                    else cell("deployable_fte"))
        specialist: dict[Specialism, float] = {}
        for key, specialism in _SPECIALISMS.items():
            if key in cols:
                v = value(key, parse_number)
                if v is not None:
                    specialist[specialism] = v
        certified = value("certified", parse_int, limit=MAX_COUNT) \
            if "certified" in cols else None
        unit = None
        if "unit" in cols:
            try:
                unit = parse_text(cell("unit"))
            except ValueProblem as exc:
                problem("unit", f"Eenheid {exc}; het veld is leeg gelaten.", "warning",
                        raw=cell("unit"))
        if staffed is not None:
            for key, specialism in _SPECIALISMS.items():
                v = specialist.get(specialism)
                if v is not None and v > staffed + 1e-9:
                    problem(key, f"De specialisten van team {name}: {label(CAPACITY, key)} "
                            f"({_fte_text(v)} fte) is meer dan de hele bezetting "
                            f"({_fte_text(staffed)} fte). Verbeter een van beide.",
                            raw=cell(key))
            total = sum(specialist.values())
            if total > staffed + 1e-9 and not failed:
                # Real teams overlap (a tactical investigator who is also digital): the
                # planner keeps the total and each specialism as separate limits.
                problem("staffed_fte", f"De specialisten van team {name} zijn samen "
                        f"{_fte_text(total)} fte, meer dan de bezetting ({_fte_text(staffed)} "
                        "fte). Aangenomen is dat specialismen overlappen (iemand is "
                        "bijvoorbeeld zowel tactisch als digitaal rechercheur); het totaal en "
                        "elk specialisme tellen in de planning als aparte grens.", "warning",
                        raw=cell("staffed_fte"))
        if formation is not None and staffed is not None and staffed > formation + 1e-9:
            problem("staffed_fte", f"Team {name} heeft een bezetting ({staffed:g}) boven de "
                    f"formatie ({formation:g}). Controleer beide; de bezetting is gebruikt.",
                    "warning", raw=cell("staffed_fte"))
        key = name.casefold()
        if key in seen:
            duplicates.add(key)
            problem("team", f"Team '{name}' komt twee keer voor: rij {seen[key]} en rij "
                    f"{excel_row}. Geef elk team één rij; beide rijen zijn niet gebruikt.",
                    raw=name)
            continue
        seen[key] = excel_row
        if failed or staffed is None:
            continue
        teams.append(Team(team=name, staffed_fte=staffed, deployability=deploy or 0.0,
                          formation_fte=formation, unit=unit, specialist_fte=specialist,
                          certified=certified, position=len(teams)))
    kept = [t for t in teams if t.team.casefold() not in duplicates]
    if refused is not None:
        refused.update(set(seen) - {t.team.casefold() for t in kept})
    return [t if t.position == i else _renumber(t, i) for i, t in enumerate(kept)]


def _from_deployable_fte(deployable: float | None, deploy: float | None,
                         staffed: float | None, name: str, problem: Callable[..., None],
                         raw: object) -> float | None:
    """The share from a column in fte (inzetbare fte / bezetting), with a warning saying so."""
    if deployable is None:
        return deploy
    if deploy is not None:
        problem("deployable_fte", f"Team {name} heeft zowel een inzetbaarheid (%) als inzetbare "
                "fte; de inzetbaarheid (%) is gebruikt.", "warning", raw=raw)
        return deploy
    if staffed is None or staffed <= 0:
        return None
    if deployable > staffed + 1e-9:
        problem("deployable_fte", f"Inzetbare fte van team {name} ({deployable:g}) is meer dan "
                f"de bezetting ({staffed:g}). Verbeter een van beide.", raw=raw)
        return None
    share = deployable / staffed
    problem("deployable_fte", f"Inzetbaarheid van team {name} berekend uit de kolom in fte: "
            f"{_fte_text(deployable)} inzetbaar / {_fte_text(staffed)} bezetting = "
            f"{_percent(share)}.", "warning", raw=raw)
    return share


def _fte_text(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def _renumber(team: Team, position: int) -> Team:
    from dataclasses import replace

    return replace(team, position=position)


# -- Beschikbaarheid ------------------------------------------------------------------
def read_availability(rows: list[list[object]], sheet: str, teams: list[Team],
                      report: CheckReport, reference: IsoWeek,
                      refused: set[str] | None = None
                      ) -> dict[tuple[str, IsoWeek], float]:
    """Available fte per (team, week); problems are reported, never silently dropped.

    Rows of a team in ``refused`` (its row on sheet Teams has an error) are left out with
    one warning per team: the error itself was reported on sheet Teams."""
    names: _Names = _Names({t.team.casefold(): t.team for t in teams}, refused or set())
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if row.count("") == len(row):
            continue
        headers = header_texts(row)
        keys = [match_header(h, "availability") if h else None for h in headers]
        if "team" not in keys:
            continue
        team_col = keys.index("team")
        if "week" in keys and "fte" in keys:
            return _read_long(rows, sheet, index, headers, team_col, keys.index("week"),
                              keys.index("fte"), names, report, reference)
        weeks, guessed = _week_columns(row, team_col, reference)
        for col, week in list(weeks.items()):
            try:
                check_plausible_week(week, reference)
            except ValueProblem as exc:
                del weeks[col]
                _issue(report, sheet, index + 1, headers[col], row[col],
                       f"Kolomkop '{headers[col]}' {exc}. Deze kolom is niet gebruikt.",
                       "warning")
        guessed = [c for c in guessed if c in weeks]
        if weeks:
            if guessed:
                _guessed_warning(report, sheet, index + 1, headers, guessed, weeks, reference)
            return _read_wide(rows, sheet, index, headers, team_col, weeks, names, report)
    _issue(report, sheet, None, None, None,
           f"Blad {sheet} is niet gelezen: geen kopregel met een kolom Team en kolommen per "
           "week (zoals 2026-W48) of de kolommen Team, Week en Beschikbaar gevonden. De "
           "basiscapaciteit uit blad Teams is gebruikt voor alle weken.", "warning")
    return {}


def _week_columns(row: list[object], team_col: int, reference: IsoWeek
                  ) -> tuple[dict[int, IsoWeek], list[int]]:
    """Columns headed by a week, and those whose year was guessed.

    Yearless headers continue the year of the one before.
    """
    weeks: dict[int, IsoWeek] = {}
    guessed_cols: list[int] = []
    previous: IsoWeek | None = None
    for col, raw in enumerate(row):
        if col == team_col or raw == "" or raw is None:
            continue
        try:
            week, guessed = parse_week(raw, previous + 1 if previous else reference)
        except ValueProblem:
            continue
        if week is None:
            continue
        weeks[col] = week
        previous = week
        if guessed:
            guessed_cols.append(col)
    return weeks, guessed_cols


def _guessed_warning(report: CheckReport, sheet: str, row: int, headers: list[str],
                     guessed: list[int], weeks: dict[int, IsoWeek], reference: IsoWeek) -> None:
    """One warning for all week headers without a year, naming the first of them."""
    first = guessed[0]
    more = f" en {len(guessed) - 1} andere kolommen" if len(guessed) > 1 else ""
    _issue(report, sheet, row, headers[first], headers[first],
           f"Weeknummer zonder jaar in de kopregel: '{headers[first]}'{more} is gelezen als "
           f"{weeks[first]} (de week die het dichtst bij {reference} ligt; volgende kolommen "
           "lopen door). Schrijf het jaar erbij (2026-W05) als dat niet klopt.", "warning")


class _Names(dict[str, str]):
    """Known team names (case-folded → as written), and those refused on sheet Teams."""

    def __init__(self, known: dict[str, str], refused: set[str]) -> None:
        super().__init__(known)
        self.refused = refused
        self.told: set[str] = set()


def _team_name(raw: object, names: _Names, report: CheckReport, sheet: str,
               row: int, column: str) -> str | None:
    try:
        name = parse_text(raw)
    except ValueProblem:
        name = None
    if name is None:
        return None
    found = names.get(name.casefold())
    if found is None and name.casefold() in names.refused:
        if name.casefold() not in names.told:
            names.told.add(name.casefold())
            _issue(report, sheet, row, column, raw,
                   f"De beschikbaarheid van team '{show(raw)}' is niet gebruikt, omdat de rij "
                   "van dit team op blad Teams een fout heeft (zie daar).", "warning")
        return None
    if found is None:
        _issue(report, sheet, row, column, raw,
               f"Team '{show(raw)}' staat niet op blad Teams; de beschikbaarheid van deze rij "
               "is niet gebruikt. Gebruik dezelfde teamnaam als op blad Teams.")
    return found


def _is_totals(team: object, row: list[object]) -> bool:
    """A totals row: the team cell says 'Totaal', or is empty next to a 'Totaal' cell."""
    return is_total_word(team) or (team == "" and is_total_row(row))


def _fte(raw: object, report: CheckReport, sheet: str, row: int, column: str) -> float | None:
    try:
        value = parse_number(raw)
    except ValueProblem as exc:
        _issue(report, sheet, row, column, raw, f"Beschikbare fte '{show(raw)}' {exc}.")
        return None
    if value is not None and value < 0:
        _issue(report, sheet, row, column, raw, "Beschikbare fte mag niet negatief zijn.")
        return None
    try:
        check_magnitude(value, MAX_TEAM_FTE)
    except ValueProblem as exc:
        _issue(report, sheet, row, column, raw, f"Beschikbare fte '{show(raw)}' {exc}.")
        return None
    return value


def _read_wide(rows: list[list[object]], sheet: str, header_index: int, headers: list[str],
               team_col: int, weeks: dict[int, IsoWeek], names: _Names,
               report: CheckReport) -> dict[tuple[str, IsoWeek], float]:
    out: dict[tuple[str, IsoWeek], float] = {}
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if row.count("") == len(row) or team_col >= len(row):
            continue
        if _is_totals(row[team_col], row):
            _issue(report, sheet, index + 1, headers[team_col], row[team_col] or None,
                   "Totaalrij overgeslagen; totalen berekent Stuurploeg zelf.", "warning")
            continue
        team = _team_name(row[team_col], names, report, sheet, index + 1, headers[team_col])
        if team is None:
            if row[team_col] == "":
                _issue(report, sheet, index + 1, headers[team_col], None,
                       "Teamnaam ontbreekt; de beschikbaarheid van deze rij is niet gebruikt.")
            continue
        for col, week in weeks.items():
            if col < len(row):
                value = _fte(row[col], report, sheet, index + 1, headers[col])
                if value is not None:
                    out[(team, week)] = value
    return out


def _read_long(rows: list[list[object]], sheet: str, header_index: int, headers: list[str],
               team_col: int, week_col: int, fte_col: int, names: _Names,
               report: CheckReport, reference: IsoWeek) -> dict[tuple[str, IsoWeek], float]:
    out: dict[tuple[str, IsoWeek], float] = {}
    where: dict[tuple[str, IsoWeek], int] = {}
    guessed_first: tuple[int, object, IsoWeek] | None = None
    guessed_count = 0
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if row.count("") == len(row):
            continue

        def get(c: int, r: list[object] = row) -> object:
            return r[c] if c < len(r) else ""

        if _is_totals(get(team_col), row):
            _issue(report, sheet, index + 1, headers[team_col], get(team_col) or None,
                   "Totaalrij overgeslagen; totalen berekent Stuurploeg zelf.", "warning")
            continue
        team = _team_name(get(team_col), names, report, sheet, index + 1, headers[team_col])
        if team is None:
            if get(team_col) == "":
                _issue(report, sheet, index + 1, headers[team_col], None,
                       "Teamnaam ontbreekt; de beschikbaarheid van deze rij is niet gebruikt.")
            continue
        try:
            week, guessed = parse_week(get(week_col), reference)
            check_plausible_week(week, reference)
        except ValueProblem as exc:
            _issue(report, sheet, index + 1, headers[week_col], get(week_col),
                   f"Week '{show(get(week_col))}' {exc}.")
            continue
        if week is None:
            _issue(report, sheet, index + 1, headers[week_col], None, "Week ontbreekt.")
            continue
        if guessed:
            guessed_count += 1
            guessed_first = guessed_first or (index + 1, get(week_col), week)
        value = _fte(get(fte_col), report, sheet, index + 1, headers[fte_col])
        if value is None:
            continue
        if (team, week) in where:
            _issue(report, sheet, index + 1, headers[week_col], get(week_col),
                   f"Team {team} week {week} staat twee keer in het blad: rij {where[team, week]} "
                   f"en rij {index + 1}. Laat één rij over.")
            continue
        where[team, week] = index + 1
        out[(team, week)] = value
    if guessed_first is not None:
        row_no, raw, week = guessed_first
        more = f" en {guessed_count - 1} andere cellen" if guessed_count > 1 else ""
        _issue(report, sheet, row_no, headers[week_col], raw,
               f"Weeknummer zonder jaar: '{show(raw)}' (rij {row_no}{more}) is gelezen als de "
               f"week die het dichtst bij {reference} ligt ({week}). Schrijf het jaar erbij "
               "(2026-W05) als dat niet klopt.", "warning")
    return out
