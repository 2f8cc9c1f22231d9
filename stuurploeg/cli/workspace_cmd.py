"""Headless workspace commands: ``import``, ``decide``, ``finalise``, ``export``, ``verify``.

They call the same ``stuurploeg.app`` functions as the GUI. Exit codes as ``check``:
0 done, 1 failed (message in Dutch on stderr, saying what to do), 2 wrong command line.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.domain.weeks import IsoWeek

OK, FAILED = 0, 1
# Options whose value is free text: a value that starts with '-' ("-1+1") is still a value.
TEXT_OPTIONS = ("--motivation", "--to-detail", "--by", "--team", "--case")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="zakenlijst en/of capaciteit in een werkruimte zetten")
    p.add_argument("workspace", type=Path, help="werkruimte (*.stuurploeg); nieuw of bestaand")
    p.add_argument("--cases", type=Path, help="zakenlijst (Excel)")
    p.add_argument("--capacity", type=Path, help="capaciteitsoverzicht (Excel)")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="rijen met fouten overslaan in plaats van niets te importeren")
    p.add_argument("--json", action="store_true", help="rapport als JSON")
    p.set_defaults(run=run_import)

    p = sub.add_parser("decide", help="een (concept)besluit vastleggen")
    p.add_argument("workspace", type=Path)
    p.add_argument("--case", required=True, help="zaaknummer")
    p.add_argument("--kind", required=True, type=_kind, metavar="|".join(k.value for k in
                                                                            DecisionKind))
    p.add_argument("--team")
    p.add_argument("--start", type=_week, help="startweek JJJJ-Www")
    p.add_argument("--fte", type=_fte)
    p.add_argument("--weeks", type=_positive_int, help="extra weken (doorrechercheren)")
    p.add_argument("--until", type=_until, help="parkeren tot JJJJ-MM-DD, of 'volgende'")
    p.add_argument("--to", type=_target, help="overdragen aan: " + ", ".join(
        t.value for t in HandOverTarget))
    p.add_argument("--to-detail", help="toelichting bij de overdracht (bijv. welke eenheid)")
    p.add_argument("--motivation", help="motivering")
    p.add_argument("--by", required=True, help="wie besluit")
    p.add_argument("--meeting", type=_date, help="vergaderdatum JJJJ-MM-DD (standaard vandaag)")
    p.add_argument("--corrects", type=_positive_int, metavar="NR",
                   help="nr. (kolom 'Nr.' van de besluitenlijst) van het vastgestelde besluit "
                   "dat dit corrigeert")
    p.add_argument("--replace", action="store_true",
                   help="een concept over deze zaak in dezelfde vergadering vervangen (een "
                   "vastgesteld besluit verandert alleen door een correctie)")
    victims = p.add_mutually_exclusive_group()
    victims.add_argument("--inform-victims", dest="inform_victims", action="store_true",
                         default=None, help="slachtoffers informeren")
    victims.add_argument("--no-inform-victims", dest="inform_victims", action="store_false")
    p.set_defaults(run=run_decide)

    p = sub.add_parser("finalise", help="de besluitenlijst van een vergadering vaststellen")
    p.add_argument("workspace", type=Path)
    p.add_argument("--meeting", required=True, type=_date, help="vergaderdatum JJJJ-MM-DD")
    p.add_argument("--by", help="wie vaststelt (standaard de gebruikersnaam)")
    p.set_defaults(run=run_finalise)

    p = sub.add_parser("export", help="de besluitenlijst naar Excel schrijven")
    p.add_argument("workspace", type=Path)
    p.add_argument("--out", required=True, type=Path, help="doelbestand .xlsx")
    p.add_argument("--meeting", type=_date, help="alleen deze vergadering (JJJJ-MM-DD)")
    p.set_defaults(run=run_export)

    p = sub.add_parser("verify", help="integriteit en hashketen van het besluitenlog controleren")
    p.add_argument("workspace", type=Path)
    p.add_argument("--head", help="kophash van een eerdere export die in de keten moet staan")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_verify)


# -- argument types (a bad value is a wrong command line: exit 2) -----------------------


def _kind(text: str) -> DecisionKind:
    aliases = {"oppakken": "take-up", "doorrechercheren": "expand", "parkeren": "park",
               "niet-oppakken": "decline", "overdragen": "hand-over", "afsluiten": "close"}
    value = aliases.get(text.strip().lower(), text.strip().lower())
    try:
        return DecisionKind(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"onbekend besluit {text!r}; kies uit {', '.join(k.value for k in DecisionKind)}"
        ) from None


def _target(text: str) -> HandOverTarget:
    norm = text.strip().lower().replace("-", " ").replace("_", " ")
    for t in HandOverTarget:
        if norm in (t.value.lower(), t.name.lower().replace("_", " ")):
            return t
    raise argparse.ArgumentTypeError(
        f"onbekende ontvanger {text!r}; kies uit {', '.join(t.value for t in HandOverTarget)}"
    )


def _week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen ISO-week: {text!r} (bijv. 2026-W41)") from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum: {text!r} (JJJJ-MM-DD)") from None


def _until(text: str) -> date | str:
    if text.strip().lower() in ("volgende", "next", "volgende-vergadering"):
        return "next"
    return _date(text)


def _fte(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen getal: {text!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"fte moet groter dan 0 zijn: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"moet groter dan 0 zijn: {text!r}")
    return value


def _user_name() -> str | None:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return None


def _fail(message: str) -> int:
    print(f"Fout: {message}", file=sys.stderr)
    return FAILED


def _warn(ws) -> None:
    for w in ws.warnings:
        print(f"Waarschuwing: {w}", file=sys.stderr)


# -- commands -------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    from stuurploeg.app.workspace import StoreError, open_or_create_workspace
    from stuurploeg.app.workspace_import import describe_change, import_files

    if args.cases is None and args.capacity is None:
        print("stuurploeg import: fout in de opdracht: geef --cases en/of --capacity op",
              file=sys.stderr)
        return 2
    try:
        # A new workspace gets its real name only with the import's commit.
        ws, created = open_or_create_workspace(args.workspace, staged=True)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        _warn(ws)
        result = import_files(ws, cases_path=args.cases, capacity_path=args.capacity,
                              skip_bad_rows=args.skip_bad_rows)
    except BaseException as exc:
        if created:  # "the workspace is not changed" must hold: it does not exist either
            ws.discard()
        else:
            ws.close()
        if isinstance(exc, StoreError):
            return _fail(str(exc))
        raise
    ws.close()
    reports = [r for r in (result.cases, result.capacity) if r is not None]
    if args.json:
        print(json.dumps({
            "workspace": str(args.workspace), "created": created,
            "reports": [{
                "kind": r.kind, "new": r.new, "returned": r.returned, "gone": r.gone,
                "kept": r.kept,
                "changed": [{"key": c.key, "field": c.field, "old": c.old, "new": c.new}
                            for c in r.changed],
            } for r in reports],
            "warnings": result.warnings,
        }, ensure_ascii=False, indent=2, default=str))
        return OK
    print(f"Werkruimte {args.workspace.name} {'aangemaakt' if created else 'bijgewerkt'}.")
    for r in reports:
        what = "Zaken" if r.kind == "cases" else "Teams"
        print(f"{what}: {len(r.new)} nieuw, {len(r.changed_keys)} gewijzigd, "
              f"{len(r.gone)} verdwenen, {len(r.returned)} teruggekeerd.")
        for key in r.new:
            print(f"  nieuw: {key}")
        for c in r.changed:
            print(f"  gewijzigd: {c.key} {describe_change(c, r.kind)}")
        for key in r.gone:
            print(f"  verdwenen: {key} (blijft bewaard; besluiten blijven staan)")
        for key in r.returned:
            print(f"  teruggekeerd: {key}")
        for key in r.kept:
            print(f"  overgeslagen, ongewijzigd: {key}")
    for w in result.warnings:
        print(f"Waarschuwing: {w}")
    return OK


def run_decide(args: argparse.Namespace) -> int:
    from stuurploeg.app.decisions import (
        decision_id_for_seq,
        prefill_from_proposal,
        record_decision,
    )
    from stuurploeg.app.planning import PlanError
    from stuurploeg.app.workspace import StoreError, open_workspace
    from stuurploeg.app.workspace_plans import ensure_plan
    from stuurploeg.domain.decisions import Decision

    decision = Decision(
        case_id=args.case.strip(), kind=args.kind, decided_by=args.by, team=args.team,
        start_week=args.start, fte=args.fte, extra_weeks=args.weeks,
        until_date=args.until if isinstance(args.until, date) else None,
        until_next_meeting=args.until == "next", hand_over_to=args.to,
        hand_over_detail=args.to_detail, motivation=args.motivation,
        inform_victims=args.inform_victims,
    )
    day = args.meeting or date.today()
    try:
        with open_workspace(args.workspace) as ws:
            _warn(ws)
            if args.corrects is not None:
                decision = replace(decision,
                                   corrects_id=decision_id_for_seq(ws, args.corrects))
            had_plan = ws.plan() is not None
            plan = ensure_plan(ws, day)
            if plan is not None and not had_plan:
                print(f"Geen opgeslagen planning: voorstel '{plan.name}' gemaakt en bewaard.")
            replaced = ws.decisions_for_case(day, decision.case_id) if args.replace else []
            stored = record_decision(ws, prefill_from_proposal(ws, decision), day,
                                     replace=args.replace)
    except (StoreError, PlanError) as exc:
        return _fail(str(exc))
    assert stored.meeting_date is not None
    print(f"Besluit {stored.id} ({stored.label}, zaak {stored.case_id}) vastgelegd als concept "
          f"in de vergadering van {stored.meeting_date:%d-%m-%Y}.")
    for old in replaced:
        print(f"Het concept {old.id} ({old.label}, door {old.decided_by}) is daarmee vervangen.")
    return OK


def run_finalise(args: argparse.Namespace) -> int:
    from stuurploeg.app.decisions import finalise_meeting
    from stuurploeg.app.workspace import StoreError, open_workspace

    by = args.by or _user_name()
    if not by:
        print("stuurploeg finalise: fout in de opdracht: geef met --by op wie vaststelt",
              file=sys.stderr)
        return 2
    try:
        with open_workspace(args.workspace) as ws:
            _warn(ws)
            done = finalise_meeting(ws, args.meeting, by)
            head = ws.head()
    except StoreError as exc:
        return _fail(str(exc))
    print(f"Besluitenlijst van {args.meeting:%d-%m-%Y} vastgesteld door {by}: "
          f"{len(done)} besluit(en), nr. {done[0].seq} t/m {done[-1].seq}.")
    print(f"Kophash besluitenlog: {head[1]}")
    return OK


def run_export(args: argparse.Namespace) -> int:
    from stuurploeg.app.export import export_decision_log
    from stuurploeg.app.workspace import StoreError, open_workspace
    from stuurploeg.io.excel_out import ExportError

    if args.out.suffix.lower() != ".xlsx":
        print("stuurploeg export: fout in de opdracht: --out moet op .xlsx eindigen",
              file=sys.stderr)
        return 2
    try:
        # Read-only: exporting works while the app has the workspace open.
        with open_workspace(args.workspace, readonly=True) as ws:
            result = export_decision_log(ws, args.out, args.meeting)
    except (StoreError, ExportError) as exc:
        return _fail(str(exc))
    print(f"Besluitenlijst geschreven naar {result.path} ({result.decisions} besluit(en)).")
    print(f"Kophash besluitenlog: {result.head_hash} ({result.entries} vastgestelde besluiten)")
    for w in result.warnings:
        print(f"Waarschuwing: {w}", file=sys.stderr)
    # The file is written (it says so in its title block), but a script must not take a
    # head hash of a tampered log for a good one: exit 1.
    return OK if result.chain_ok else FAILED


def run_verify(args: argparse.Namespace) -> int:
    from stuurploeg.app.decisions import verify_workspace
    from stuurploeg.app.workspace import StoreError

    try:
        report = verify_workspace(args.workspace, args.head)
    except StoreError as exc:
        return _fail(str(exc))
    if args.json:
        problem = report.chain.problem if report.chain else None
        print(json.dumps({
            "workspace": str(args.workspace), "ok": report.ok,
            "entries": report.chain.entries if report.chain else 0,
            "head_hash": report.head_hash, "integrity": report.integrity,
            "first_bad": None if problem is None else {
                "seq": problem.seq, "id": problem.decision_id, "case_id": problem.case_id,
                "meeting": problem.meeting_date.isoformat() if problem.meeting_date else None,
                "message": problem.message},
            "problems": report.problems,
        }, ensure_ascii=False, indent=2))
        return OK if report.ok else FAILED
    if report.ok:
        n = report.chain.entries if report.chain else 0
        print(f"In orde: integriteitscontrole geslaagd, {n} vastgestelde besluiten, "
              "hashketen klopt.")
        print(f"Kophash besluitenlog: {report.head_hash}")
        return OK
    print(f"NIET in orde: {args.workspace.name}", file=sys.stderr)
    for p in report.problems:
        print(f"  {p}", file=sys.stderr)
    print("Het bestand is niet gewijzigd. Vergelijk met een eerdere export of reservekopie en "
          "meld dit bij de functioneel beheerder.", file=sys.stderr)
    return FAILED
