"""`stuurploeg check FILE [--kind cases|capacity] [--json]`: is this workbook usable?

Exit 0 usable (warnings allowed), 1 not usable / unreadable / refused; argparse gives 2
for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stuurploeg.app.importing import CheckReport

MAX_LISTED = 50  # issues printed per kind in the human report; --json has them all


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="controleer een zakenlijst of capaciteitsoverzicht (Excel)",
        description="Leest een werkmap zoals de app dat doet en meldt fouten en waarschuwingen "
                    "met blad, rij, kolom en waarde. Exitcode 0: bruikbaar; 1: niet bruikbaar.",
    )
    p.add_argument("file", type=Path, help="werkmap (.xlsx, .xlsm, .xls of .ods)")
    p.add_argument("--kind", choices=("cases", "capacity"),
                   help="soort werkmap (standaard: automatisch herkennen)")
    p.add_argument("--sheet", help="blad om te lezen (standaard: automatisch kiezen)")
    p.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from stuurploeg.app.importing import check_file
    report = check_file(args.file, args.kind, sheet=args.sheet)
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(report))
    return 0 if report.usable else 1


_KIND_NL = {"cases": "zakenlijst", "capacity": "capaciteitsoverzicht"}


def format_report(report: CheckReport) -> str:
    """The readable Dutch report of ``stuurploeg check``."""
    lines = [f"Bestand:   {report.file}"]
    if report.kind:
        lines.append(f"Soort:     {_KIND_NL.get(report.kind, report.kind)}")
    if report.sheet:
        lines.append(f"Blad:      {report.sheet} (kopregel op rij {report.header_row})")
    if report.mapping:
        lines.append(f"Kolommen:  {len(report.mapping)} herkend")
    if report.unused_columns:
        lines.append("Niet gebruikt (wordt niet bewaard): " + ", ".join(
            f"'{c}'" for c in report.unused_columns))
    noun = "teams" if report.kind == "capacity" else "zaken"
    if report.sheet:
        lines.append(f"Bruikbare rijen: {report.rows} {noun}")
    for title, issues in (("Fouten", report.errors), ("Waarschuwingen", report.warnings)):
        if not issues:
            continue
        lines.append("")
        lines.append(f"{title} ({len(issues)}):")
        for issue in issues[:MAX_LISTED]:
            lines.append(f"  - {issue.describe()}")
        if len(issues) > MAX_LISTED:
            lines.append(f"  … en nog {len(issues) - MAX_LISTED} (alle meldingen: --json)")
    lines.append("")
    if report.usable:
        extra = f", met {len(report.warnings)} waarschuwing(en)" if report.warnings else ""
        lines.append(f"Resultaat: BRUIKBAAR{extra}.")
    else:
        lines.append("Resultaat: NIET BRUIKBAAR. Los de fouten hierboven op en controleer "
                     "het bestand opnieuw.")
    return "\n".join(lines) + "\n"
