"""Turning the rows of a case list (zakenlijst) into validated :class:`Case` objects.

Each row either becomes a ``Case`` or gets at least one error saying why not; values that
were repaired or left empty get a warning that says what was assumed.
"""

from __future__ import annotations

from collections.abc import Callable

from stuurploeg.domain.model import Case, CaseStatus, Criterion, Specialism
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.fields import CASES, label
from stuurploeg.io.layout import Layout
from stuurploeg.io.report import CheckReport, Issue
from stuurploeg.io.values import (
    MAX_CASE_FTE,
    MAX_CASE_WEEKS,
    MAX_COUNT,
    CellFault,
    ValueProblem,
    check_magnitude,
    check_plausible_week,
    parse_bool,
    parse_int,
    parse_number,
    parse_text,
    parse_week,
    show,
)
from stuurploeg.io.vocabulary import (
    is_total_label,
    is_total_row,
    parse_exploitation,
    parse_status,
)

Progress = Callable[[float, str], None]

_CRITERIA = {c.value: c for c in Criterion}
_SPECIALISMS = {"digital": Specialism.DIGITAL, "financial": Specialism.FINANCIAL,
                "tactical": Specialism.TACTICAL, "intelligence": Specialism.INTELLIGENCE}
_BOOL_FIELDS = ("international", "violence", "ongoing")
_INT_FIELDS = ("victims", "suspects")
_TEXT_FIELDS = ("unit", "source", "notes")




class _RowContext:
    """Issue helpers bound to one row, so messages name sheet, row, column and value."""

    __slots__ = ("excel_row", "failed", "headers", "report", "sheet")

    def __init__(self, report: CheckReport, sheet: str, headers: list[str]) -> None:
        self.report, self.sheet, self.headers = report, sheet, headers
        self.excel_row = 0
        self.failed = False

    def error(self, col: int | None, value: object, message: str) -> None:
        self.failed = True
        self.report.add(Issue(self.sheet, self.excel_row, self._header(col), _shown(value),
                              message, "error"))

    def warn(self, col: int | None, value: object, message: str) -> None:
        self.report.add(Issue(self.sheet, self.excel_row, self._header(col), _shown(value),
                              message, "warning"))

    def _header(self, col: int | None) -> str | None:
        return None if col is None else self.headers[col]


def _shown(value: object) -> str | None:
    if value is None or value == "":
        return None
    return show(value)


def read_cases(rows: list[list[object]], layout: Layout, report: CheckReport,
               reference: IsoWeek, progress: Progress | None = None) -> list[Case]:
    cols = layout.columns
    sheet = layout.sheet
    ctx = _RowContext(report, sheet, layout.headers)
    mapped = sorted(set(cols.values()))
    id_col = cols["case_id"]
    guessed_weeks: dict[str, tuple[int, int, object, IsoWeek]] = {}  # field → first example
    seen: dict[str, tuple[int, str]] = {}  # folded id → (Excel row, id)
    duplicates: set[str] = set()
    candidates: list[tuple[str, dict[str, object]]] = []
    total = len(rows)
    step = max(total // 20, 1000)

    def get(row: list[object], key: str) -> object:
        col = cols.get(key)
        if col is None or col >= len(row):
            return None
        return row[col]

    def parse(row: list[object], key: str, parser: Callable[[object], object],
              required_msg: str | None = None, *, soft: bool = False,
              limit: float | None = None) -> object:
        raw = get(row, key)
        try:
            value = parser(raw)
            if limit is not None:
                check_magnitude(value, limit)  # type: ignore[arg-type]
        except ValueProblem as exc:
            message = f"{label(CASES, key)} '{show(raw)}' {exc}."
            if soft:
                ctx.warn(cols[key], raw, message + " Het veld is leeg gelaten.")
            else:
                ctx.error(cols[key], raw, message + " Verbeter de waarde in de werkmap.")
            return None
        if value is None and required_msg is not None:
            ctx.error(cols.get(key), raw, required_msg)
        return value

    def week(row: list[object], key: str) -> IsoWeek | None:
        raw = get(row, key)
        try:
            value, guessed = parse_week(raw, reference)
            check_plausible_week(value, reference)
        except ValueProblem as exc:
            ctx.error(cols[key], raw, f"{label(CASES, key)} '{show(raw)}' {exc}. "
                      "Gebruik bijvoorbeeld 2026-W05, 'wk 5 2027' of een datum.")
            return None
        if guessed and value is not None:
            first = guessed_weeks.get(key)
            guessed_weeks[key] = (first[0] if first else ctx.excel_row,
                                  (first[1] + 1) if first else 1,
                                  first[2] if first else raw, first[3] if first else value)
        return value

    for index in range(layout.header_index + 1, total):
        if index % step == 0 and progress is not None:
            progress(index / total, "Zaken controleren")
        row = rows[index]
        width = len(row)
        if row.count("") == width:
            continue  # fully blank rows are skipped silently
        ctx.excel_row = index + 1
        ctx.failed = False
        if all(row[c] == "" for c in mapped if c < width):
            ctx.warn(None, None, "Deze rij heeft alleen gegevens in kolommen die niet worden "
                     "gebruikt; de rij is overgeslagen.")
            continue
        raw_id = row[id_col] if id_col < width else ""
        case_id = parse(row, "case_id", parse_text)
        if case_id is None or is_total_label(raw_id):
            # Only a row that holds nothing of a case but a total word is a totals row: a real
            # case without zaaknummer must not disappear with a mere warning.
            if all(_blank_or_total(get(row, key)) for key in ("case_id", "name", "status")) \
                    and is_total_row(row):
                ctx.warn(None, None, "Totaalrij overgeslagen (een cel 'Totaal' en geen "
                         "zaaknummer). Totalen worden door Stuurploeg zelf berekend.")
                continue
            if case_id is None:
                if not ctx.failed:
                    ctx.error(id_col, raw_id, f"{label(CASES, 'case_id')} ontbreekt. Vul een "
                              "uniek zaaknummer in of maak de rij helemaal leeg.")
                continue
        name = parse(row, "name", parse_text,
                     f"Naam ontbreekt voor zaak {case_id}. Vul de naam van het onderzoek in.")
        if "status" not in cols:
            status = CaseStatus.NEW
        else:
            status = parse(row, "status", parse_status)
            if status is None and not ctx.failed:
                ctx.warn(cols["status"], None,
                         f"Status ontbreekt voor zaak {case_id}; 'nieuw' aangenomen.")
        exploitation = parse(row, "exploitation", parse_exploitation, soft=True) \
            if "exploitation" in cols else None
        numbers = {}
        for key in _INT_FIELDS:
            if key in cols:
                n = parse(row, key, parse_int, soft=True, limit=MAX_COUNT)
                if n is not None and n < 0:
                    ctx.warn(cols[key], get(row, key), f"{label(CASES, key)} is negatief; het "
                             "veld is leeg gelaten.")
                    n = None
                numbers[key] = n
        minors = _minors(row, cols, ctx, get) if "minors" in cols else None
        flags = {key: parse(row, key, parse_bool, soft=True) for key in _BOOL_FIELDS
                 if key in cols}
        criteria: dict[Criterion, int | None] = {}
        for key, criterion in _CRITERIA.items():
            if key not in cols:
                continue
            raw = get(row, key)
            score = parse(row, key, parse_int, soft=True)
            if score is not None and not 1 <= score <= 5:
                ctx.warn(cols[key], raw, f"{label(CASES, key)} '{show(raw)}' ligt niet tussen 1 "
                         "en 5; het criterium telt als niet gescoord. Vul 1 tot en met 5 in.")
                score = None
            criteria[criterion] = score
        closed = status is CaseStatus.CLOSED
        fte_msg = None if closed else (f"Benodigde fte ontbreekt voor zaak {case_id}. Vul de "
                                       "fte in die het onderzoek vraagt (bijvoorbeeld 2,5).")
        weeks_msg = None if closed else (f"Doorlooptijd ontbreekt voor zaak {case_id}. Vul het "
                                         "aantal weken in.")
        fte = parse(row, "fte", parse_number, fte_msg, limit=MAX_CASE_FTE) \
            if "fte" in cols else None
        if ("fte" not in cols or "weeks" not in cols) and not closed:
            ctx.failed = True  # reported once for the sheet, see missing_planning_columns
        if fte is not None and fte <= 0 and not closed:
            ctx.error(cols["fte"], get(row, "fte"), f"Benodigde fte moet groter dan 0 zijn "
                      f"voor zaak {case_id}.")
        weeks = parse(row, "weeks", parse_int, weeks_msg, limit=MAX_CASE_WEEKS) \
            if "weeks" in cols else None
        if weeks is not None and weeks <= 0 and not closed:
            ctx.error(cols["weeks"], get(row, "weeks"), f"Doorlooptijd moet minstens 1 week zijn "
                      f"voor zaak {case_id}.")
        specialist: dict[Specialism, float] = {}
        for key, specialism in _SPECIALISMS.items():
            if key not in cols:
                continue
            value = parse(row, key, parse_number, limit=MAX_CASE_FTE)
            if value is None:
                continue
            if value < 0:
                ctx.error(cols[key], get(row, key), f"{label(CASES, key)} mag niet negatief zijn.")
            else:
                specialist[specialism] = value
        if fte is not None and fte > 0 and sum(specialist.values()) > fte + 1e-9:
            ctx.error(cols["fte"], get(row, "fte"),
                      f"De specialistische fte ({_fmt(sum(specialist.values()))}) is meer dan de "
                      f"totale benodigde fte ({_fmt(fte)}) van zaak {case_id}; specialisten "
                      "zijn een deel van de totale fte. Verhoog de fte of verlaag de specialisten.")
        team = parse(row, "team", parse_text) if "team" in cols else None
        start = week(row, "start_week") if "start_week" in cols else None
        if status is CaseStatus.RUNNING and (team is None or start is None):
            missing = " en ".join(x for x, v in (("team", team), ("startweek", start)) if v is None)
            ctx.error(cols.get("team") if team is None else cols.get("start_week"), None,
                      f"Zaak {case_id} is lopend maar heeft geen {missing}. Een lopende zaak "
                      "heeft team en startweek nodig om de capaciteit te kunnen rekenen.")
        earliest = week(row, "earliest_start") if "earliest_start" in cols else None
        latest = week(row, "latest_start") if "latest_start" in cols else None
        if earliest is not None and latest is not None and latest < earliest:
            ctx.error(cols["latest_start"], get(row, "latest_start"),
                      f"Uiterste start ({latest}) ligt vóór de vroegste start ({earliest}) van "
                      f"zaak {case_id}.")
        texts = {key: parse(row, key, parse_text, soft=True) for key in _TEXT_FIELDS
                 if key in cols}
        victims = numbers.get("victims")
        if minors is not None and victims is not None and minors > victims:
            ctx.warn(cols["minors"], get(row, "minors"),
                     f"Zaak {case_id} heeft meer minderjarige slachtoffers ({minors}) dan "
                     f"slachtoffers ({victims}). Controleer beide aantallen.")
        key_id = case_id.casefold()
        if key_id in seen:
            first_row, _ = seen[key_id]
            duplicates.add(key_id)
            ctx.error(id_col, raw_id,
                      f"Zaak-ID '{case_id}' komt twee keer voor: rij {first_row} en rij "
                      f"{ctx.excel_row}. Maak de zaaknummers uniek; beide rijen zijn niet "
                      "gebruikt.")
            continue
        seen[key_id] = (ctx.excel_row, case_id)
        if ctx.failed or name is None:
            continue
        candidates.append((key_id, dict(
            case_id=case_id, name=name, status=status or CaseStatus.NEW,  # type: ignore[arg-type]
            exploitation=exploitation,  # type: ignore[arg-type]
            victims=victims, minors=minors, suspects=numbers.get("suspects"),
            international=flags.get("international"), violence=flags.get("violence"),
            ongoing=flags.get("ongoing"), criteria=criteria, fte=fte,  # type: ignore[arg-type]
            weeks=weeks, specialist_fte=specialist, team=team, start_week=start,  # type: ignore[arg-type]
            earliest_start=earliest, latest_start=latest, unit=texts.get("unit"),
            source=texts.get("source"), notes=texts.get("notes"),
        )))
    missing_planning_columns(layout, report)
    if candidates:
        absent_column_warnings(layout, report, candidates)
    for key, (row_no, count, raw, value) in guessed_weeks.items():
        more = f" en {count - 1} andere cellen" if count > 1 else ""
        report.add(Issue(sheet, row_no, layout.headers[cols[key]], show(raw),
                         f"Weeknummer zonder jaar: '{show(raw)}' (rij {row_no}{more}) is gelezen "
                         f"als de week die het dichtst bij {reference} ligt ({value}). Schrijf "
                         "het jaar erbij (2026-W05) als dat niet klopt.", "warning"))
    kept = (kwargs for k, kwargs in candidates if k not in duplicates)
    return [Case(**kwargs, position=i) for i, kwargs in enumerate(kept)]  # type: ignore[arg-type]


_UNKNOWN_WHEN_ABSENT = ("exploitation", "victims", "minors", "suspects", "international",
                        "violence", "ongoing")


def absent_column_warnings(layout: Layout, report: CheckReport,
                           candidates: list[tuple[str, dict[str, object]]]) -> None:
    """One warning for the optional columns that are not in the header, saying what was
    assumed for every row."""
    cols = layout.columns
    said = []
    if "status" not in cols:
        with_team = sum(1 for _, c in candidates if c["team"] or c["start_week"])
        running = (f" {with_team} zaak/zaken hebben wel een team of startweek: lopen die, dan "
                   "telt hun capaciteit nu niet mee als bezet." if with_team else "")
        said.append("De werkmap heeft geen kolom Status; alle zaken zijn als 'nieuw' gelezen."
                    f"{running} Voeg een kolom Status toe (nieuw, lopend, geparkeerd, "
                    "afgerond) als dat niet klopt.")
    criteria = [label(CASES, c) for c in _CRITERIA if c not in cols]
    if criteria:
        said.append(f"Geen kolom voor {_listing(criteria)}: voor alle zaken telt dat als niet "
                    "gescoord (de score is dan onvolledig).")
    unknown = [label(CASES, k) for k in _UNKNOWN_WHEN_ABSENT if k not in cols]
    if unknown:
        said.append(f"Geen kolom voor {_listing(unknown)}: voor alle zaken onbekend gelaten.")
    starts = [label(CASES, k) for k in ("earliest_start", "latest_start") if k not in cols]
    if starts:
        said.append(f"Geen kolom voor {_listing(starts)}: voor alle zaken geen beperking op de "
                    "startweek.")
    if said:
        report.add(Issue(layout.sheet, layout.header_row, None, None, " ".join(said),
                         "warning"))


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def missing_planning_columns(layout: Layout, report: CheckReport) -> None:
    """fte and doorlooptijd are needed for every case that is not afgerond: say so once."""
    for key, example in (("fte", "Benodigde fte"), ("weeks", "Doorlooptijd (weken)")):
        if key not in layout.columns:
            report.add(Issue(layout.sheet, layout.header_row, None, None,
                             f"De kolom {label(CASES, key)} ontbreekt in de kopregel; zonder die "
                             "kolom kan geen zaak (behalve afgeronde) worden gepland. Voeg een "
                             f"kolom '{example}' toe.", "error"))


def _minors(row: list[object], cols: dict[str, int], ctx: _RowContext,
            get: Callable[[list[object], str], object]) -> int | None:
    """Minderjarige slachtoffers: a count, or ja/nee (ja = at least one)."""
    raw = get(row, "minors")
    try:
        count = parse_int(raw)
    except ValueProblem as exc:
        if isinstance(raw, CellFault):
            ctx.warn(cols["minors"], raw, f"Minderjarige slachtoffers '{show(raw)}' {exc}. Het "
                     "veld is leeg gelaten.")
            return None
        try:
            flag = parse_bool(raw)
        except ValueProblem:
            ctx.warn(cols["minors"], raw, f"Minderjarige slachtoffers '{show(raw)}' is geen aantal "
                     "en geen ja/nee. Het veld is leeg gelaten.")
            return None
        return None if flag is None else int(flag)
    if count is not None and count < 0:
        ctx.warn(cols["minors"], raw, "Minderjarige slachtoffers is negatief; het veld is leeg "
                 "gelaten.")
        return None
    try:
        check_magnitude(count, MAX_COUNT)
    except ValueProblem as exc:
        ctx.warn(cols["minors"], raw, f"Minderjarige slachtoffers '{show(raw)}' {exc}. Het "
                 "veld is leeg gelaten.")
        return None
    return count


def _blank_or_total(value: object) -> bool:
    return value is None or value == "" or is_total_label(value)


def _fmt(x: float) -> str:
    return f"{x:g}".replace(".", ",")
