"""Generate the fictional sample workbooks: zakenlijst.xlsx and capaciteit.xlsx.

Run ``python sample_data/make_samples.py`` (from the repository root) to regenerate them.
Everything is drawn from a fixed seed, so the content is the same every run. All names,
numbers and case details are invented; nothing refers to real people or investigations.

The unit is sized so that planning is meaningful from 2026-W48: running cases take a
good part of the five teams' capacity, and the candidates together ask for roughly twice
what is left in a 26-week horizon, so a good share fits and the rest does not.
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from stuurploeg.domain.weeks import IsoWeek  # noqa: E402

SEED = 20261125
NOW = IsoWeek(2026, 48)
UNIT = "Eenheid Voorbeeldland"  # fictional
FIXED_TIME = datetime(2026, 11, 23, 9, 0, 0)
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")

# name, staffed fte, formation fte, deployability, digital, financial, tactical, intelligence
TEAMS = [
    ("Team Haven", 16.0, 18.0, 0.71, 1.5, 1.0, 2.0, 1.0),
    ("Team Rivier", 14.0, 15.0, 0.68, 1.5, 1.0, 1.5, 0.5),
    ("Team Polder", 13.0, 14.0, 0.74, 1.0, 1.0, 1.5, 0.5),
    ("Team Duin", 12.0, 14.0, 0.64, 1.0, 1.0, 1.0, 1.0),
    ("Team Expertise", 10.0, 11.0, 0.78, 3.0, 2.5, 1.0, 1.5),
]

CODENAMES = [
    "Eikvaren", "Boterbloem", "Zilverspar", "Kievit", "Grauwe Gans", "Lisdodde", "Zeekraal",
    "Vlasbek", "Rietzanger", "Duizendblad", "Kamperfoelie", "Sleedoorn", "Waterlelie",
    "Ijsvogel", "Veldleeuwerik", "Hondsroos", "Klaproos", "Berkenzwam", "Kwartelkoning",
    "Zeeaster", "Heidelibel", "Roerdomp", "Dotterbloem", "Moerasspirea", "Stormvogel",
    "Blauwe Reiger", "Gele Lis", "Wilde Marjolein", "Koekoeksbloem", "Zomereik", "Duinroos",
    "Kemphaan", "Lepelaar", "Wulp", "Grutto", "Tureluur", "Scholekster", "Zwarte Ruiter",
    "Bosanemoon", "Pinksterbloem", "Salomonszegel", "Akelei", "Zandhagedis", "Boomvalk",
    "Velduil", "Kerkuil", "Steenuil", "Bosuil", "Zeearend", "Visdief", "Noordse Stern",
    "Dwergstern", "Bontbekplevier", "Strandplevier", "Kanoet", "Drieteenstrandloper",
    "Zilverreiger", "Purperreiger", "Woudaap", "Porseleinhoen", "Waterral",
]
SOURCES = ["Signaal KMar", "Melding CoMensha", "Eigen waarneming wijkteam", "Arbeidsinspectie",
           "Signaal gemeente", "Tip Meld Misdaad Anoniem", "Doorrechercheren eerder onderzoek",
           "Signaal Landelijke Eenheid", "Melding zorgverlener"]
NOTES = ["", "", "", "Afhankelijk van rechtshulpverzoek", "Samenloop met ondermijningsdossier",
         "Slachtoffers in opvang", "Nog aanvullend signaal verwacht", "Tolk nodig (Roemeens)",
         "Mogelijk verband met eerder onderzoek", ""]

CASE_HEADERS = [
    "Zaaknummer", "Onderzoeksnaam", "Uitbuitingsvorm", "Status", "Aantal slachtoffers",
    "Minderjarige slachtoffers", "Aantal verdachten", "Internationaal", "Geweld",
    "Actuele uitbuiting", "Ernst", "Urgentie", "Informatiepositie", "Bewijskansen",
    "Doorrechercheerpotentie", "Maatschappelijke impact", "Benodigde fte",
    "Doorlooptijd (weken)", "Digitaal (fte)", "Financieel (fte)", "Tactisch (fte)",
    "Intelligence (fte)", "Team", "Startweek", "Vroegste start", "Uiterste start", "Eenheid",
    "Bron signaal", "Opmerkingen",
]


def _yn(flag: bool) -> str:
    return "ja" if flag else "nee"


def _half(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high) * 2) / 2


def make_cases(rng: random.Random) -> list[list[object]]:
    statuses = ["lopend"] * 14 + ["nieuw"] * 35 + ["geparkeerd"] * 6 + ["afgerond"] * 5
    rng.shuffle(statuses)
    forms = ["seksueel"] * 24 + ["arbeid"] * 18 + ["crimineel"] * 13 + ["overig"] * 3 + \
        ["orgaanhandel"] * 2
    rng.shuffle(forms)
    rows: list[list[object]] = []
    running_seen = 0
    spec_free: dict[str, list[float]] = {}
    for i, (status, form) in enumerate(zip(statuses, forms, strict=True)):
        victims = rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 12])
        minors = rng.choice([0, 0, 0, 0, 1, 2]) if form != "arbeid" else 0
        minors = min(minors, victims)
        fte = _half(rng, 1.0, 3.5)
        weeks = rng.choice([8, 10, 12, 12, 16, 16, 20, 24, 26, 30])
        spec = [0.0, 0.0, 0.0, 0.0]
        if rng.random() < 0.45:
            spec[0] = 0.5
        if form in ("arbeid", "crimineel") and rng.random() < 0.5:
            spec[1] = 0.5
        if rng.random() < 0.25:
            spec[2] = 0.5
        if rng.random() < 0.15:
            spec[3] = 0.5
        while sum(spec) > fte:
            fte += 0.5
        criteria = [rng.randint(1, 5) for _ in range(6)]
        if status == "nieuw" and rng.random() < 0.12:
            criteria[rng.randrange(6)] = None  # not yet scored
        team = start = None
        if status == "lopend":
            # Spread running cases over the teams, as a capacity manager would.
            fte = min(fte, 2.0)
            team_row = TEAMS[running_seen % len(TEAMS)]
            team = team_row[0]
            running_seen += 1
            # A running case only uses specialists its team still has free.
            free = spec_free.setdefault(team, [x * team_row[3] for x in team_row[4:8]])
            for k in range(4):
                if spec[k] > free[k] + 1e-9:
                    spec[k] = 0.0
                free[k] -= spec[k]
            started = rng.randint(3, 30)
            weeks = max(weeks, started + rng.randint(2, 16))
            start = str(NOW - started)
        earliest = latest = None
        if status in ("nieuw", "geparkeerd") and rng.random() < 0.2:
            earliest = str(NOW + rng.randint(2, 10))
        if status == "nieuw" and rng.random() < 0.15:
            latest = str(NOW + rng.randint(12, 24))
        if status == "afgerond":
            fte_cell: object = ""
            weeks_cell: object = ""
            spec = [0.0, 0.0, 0.0, 0.0]
        else:
            fte_cell, weeks_cell = fte, weeks
        ongoing = status != "afgerond" and rng.random() < 0.55
        rows.append([
            f"MH-{2025 + (i >= 20)}-{101 + i:03d}", f"Onderzoek {CODENAMES[i]}", form, status,
            victims, minors, rng.choice([1, 1, 2, 2, 3, 4, 6]), _yn(rng.random() < 0.4),
            _yn(rng.random() < 0.3), _yn(ongoing), *criteria, fte_cell, weeks_cell,
            *[s if s else "" for s in spec], team or "", start or "", earliest or "",
            latest or "", UNIT, rng.choice(SOURCES), rng.choice(NOTES),
        ])
    return rows


def _style_header(ws, row: int, ncols: int) -> None:  # type: ignore[no-untyped-def]
    for col in range(1, ncols + 1):
        cell = ws.cell(row=row, column=col)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        ws.column_dimensions[get_column_letter(col)].width = max(
            12, len(str(cell.value or "")) + 2)


def _fix_times(wb: Workbook) -> None:
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "Stuurploeg voorbeeldgegevens"


def _save(wb: Workbook, path: Path) -> None:
    """Save with fixed timestamps inside the zip too, so reruns give identical bytes."""
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps "modified" at save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*",
                              rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), data)
            dst.writestr(info, data)


def write_case_list(path: Path, rng: random.Random) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Zaken"
    ws.append(["Zakenlijst AVIM — fictief voorbeeld (geen echte zaken of personen)"])
    ws.append([f"Peilmoment: week {NOW}"])
    ws.append([])
    ws.append(CASE_HEADERS)
    _style_header(ws, 4, len(CASE_HEADERS))
    for row in make_cases(rng):
        ws.append(row)
    ws.freeze_panes = "C5"
    notes = wb.create_sheet("Toelichting")
    for line in [
        "Dit is een fictieve zakenlijst voor het uitproberen van Stuurploeg.",
        "Status: nieuw, lopend, geparkeerd of afgerond. Lopende zaken hebben team en startweek.",
        "Criteria 1 (laag) tot 5 (hoog); leeg = nog niet gescoord.",
        "Benodigde fte is inclusief de specialistische fte (digitaal, financieel, ...).",
    ]:
        notes.append([line])
    _fix_times(wb)
    _save(wb, path)


def availability_factor(week: IsoWeek) -> float:
    """Holiday dips: Christmas (W52, W53, W01), May, summer 2027 and autumn break."""
    if week.week in (52, 53):
        return 0.75
    if week.week == 1:
        return 0.85
    if week.week in (18, 19):
        return 0.85
    if 28 <= week.week <= 34:
        return 0.7 if 29 <= week.week <= 33 else 0.85
    if week.week in (42, 43):
        return 0.9
    return 1.0


def write_capacity(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Teams"
    headers = ["Team", "Eenheid", "Formatie (fte)", "Bezetting (fte)", "Inzetbaarheid",
               "Digitaal (fte)", "Financieel (fte)", "Tactisch (fte)", "Intelligence (fte)",
               "Gecertificeerde rechercheurs"]
    ws.append(headers)
    _style_header(ws, 1, len(headers))
    for name, staffed, formation, deploy, dig, fin, tac, intel in TEAMS:
        ws.append([name, UNIT, formation, staffed, deploy, dig, fin, tac, intel,
                   int(staffed * 0.6)])
        ws.cell(row=ws.max_row, column=5).number_format = "0%"
    weeks = [NOW + i for i in range(60)]
    avail = wb.create_sheet("Beschikbaarheid")
    avail.append(["Team", *[str(w) for w in weeks]])
    _style_header(avail, 1, len(weeks) + 1)
    for name, staffed, _formation, deploy, *_ in TEAMS:
        base = staffed * deploy
        avail.append([name, *[round(base * availability_factor(w), 1) for w in weeks]])
    notes = wb.create_sheet("Toelichting")
    notes.append(["Fictief capaciteitsoverzicht. Inzetbaarheid rond 71% (Algemene Rekenkamer: "
                  "64–78% per eenheid)."])
    notes.append(["Beschikbaarheid: beschikbare fte per team per week, met dips rond de "
                  "feestdagen en in de zomer."])
    _fix_times(wb)
    _save(wb, path)


def main(out: Path = HERE) -> None:
    rng = random.Random(SEED)
    write_case_list(out / "zakenlijst.xlsx", rng)
    write_capacity(out / "capaciteit.xlsx")
    print(f"geschreven: {out / 'zakenlijst.xlsx'}, {out / 'capaciteit.xlsx'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
