"""``stuurploeg restore``: put a backup back in place of a workspace, or list its backups.

This is what the messages about a damaged or changed workspace mean by "herstel een
reservekopie". The current file is never overwritten: it is kept beside the workspace
under a ``.beschadigd-`` name. A backup is checked before it is put back, and the head of
its decision log becomes the one this computer expects, so restoring an older backup is
not later reported as a log that was cut off.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OK, FAILED = 0, 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "restore", help="reservekopie terugzetten (zonder reservekopie: de lijst ervan)")
    p.add_argument("workspace", type=Path, help="werkruimte (*.stuurploeg)")
    p.add_argument("backup", nargs="?",
                   help="nummer uit de lijst, of het pad van een reservekopie")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from stuurploeg.app.decisions import verify_workspace
    from stuurploeg.app.workspace import StoreError, list_backups, restore_backup

    ws: Path = args.workspace
    backups = list_backups(ws)
    if args.backup is None:
        if not backups:
            print(f"Fout: er zijn geen reservekopieën van {ws.name} (gezocht naast "
                  f"{ws}). Vraag de functioneel beheerder om hulp.", file=sys.stderr)
            return FAILED
        print(f"Reservekopieën van {ws.name}, de oudste eerst:")
        for n, backup in enumerate(backups, 1):
            print(f"  {n:>2}  {backup.name}")
        print(f"Zet er een terug met: stuurploeg restore {ws} NUMMER "
              f"(de nieuwste is {len(backups)}).")
        return OK
    chosen = _chosen(args.backup, backups)
    if chosen is None:
        print(f"Fout: reservekopie {args.backup} bestaat niet. Kies een nummer van 1 tot en "
              f"met {len(backups)} uit 'stuurploeg restore {ws}', of geef het pad van een "
              "reservekopie.", file=sys.stderr)
        return FAILED
    existed = ws.exists()
    try:
        kept = restore_backup(ws, chosen)
    except StoreError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return FAILED
    print(f"Reservekopie {chosen.name} is teruggezet als {ws.name}.")
    if existed:
        print(f"Het vorige bestand is bewaard als {kept.name} (niets is weggegooid).")
    report = verify_workspace(ws)
    if report.ok:
        n = report.chain.entries if report.chain else 0
        print(f"Controle: in orde, {n} vastgestelde besluiten. Besluiten die na deze "
              "reservekopie zijn genomen, staan er niet in: leg ze opnieuw vast.")
        return OK
    print(f"Controle: NIET in orde: {'; '.join(report.problems)}. Kies een oudere "
          "reservekopie of meld dit bij de functioneel beheerder.", file=sys.stderr)
    return FAILED


def _chosen(text: str, backups: list[Path]) -> Path | None:
    if text.isdigit():
        n = int(text)
        return backups[n - 1] if 1 <= n <= len(backups) else None
    path = Path(text)
    return path if path.is_file() else None
