"""`stuurploeg plan`: import a case list and a capacity sheet, rank and plan, headless.

Exit codes as `check`: 0 planned, 1 an input is not usable or the plan could not be made
or written, 2 a wrong command line (also a scenario file that cannot be used).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from stuurploeg.cli import plan_scenarios, plan_workspace
from stuurploeg.domain.weeks import IsoWeek

MAX_WEEKS = 156


def _week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is geen ISO-week; schrijf bijvoorbeeld 2026-W40"
        ) from None


def _weeks(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"aantal weken moet 1 t/m {MAX_WEEKS} zijn, niet {text!r}")
    return n


def _seconds(text: str) -> float:
    try:
        s = float(text.replace(",", "."))
    except ValueError:
        s = -1.0
    if not 0 < s <= 24 * 3600:
        raise argparse.ArgumentTypeError(
            f"tijdslimiet moet een aantal seconden > 0 zijn, niet {text!r}"
        )
    return s


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "plan",
        help="zaken rangschikken en op teams inplannen (zonder scherm)",
        description="Leest de zakenlijst en de capaciteit, rangschikt de kandidaten en plant "
        "ze in binnen de beschikbare fte.",
    )
    p.add_argument("--cases", type=Path, metavar="BESTAND",
                   help="zakenlijst (verplicht zonder --workspace)")
    p.add_argument("--capacity", type=Path, metavar="BESTAND",
                   help="capaciteitsoverzicht (verplicht zonder --workspace)")
    p.add_argument("--start", type=_week, default=None, metavar="JJJJ-Www",
                   help="eerste week van de planning (standaard: deze week)")
    p.add_argument("--weeks", type=_weeks, default=26, metavar="N",
                   help="aantal weken (standaard 26)")
    p.add_argument("--planner", choices=("rank", "fill", "optimal"), default="rank",
                   help="rank: in rangorde; fill: rangorde aangevuld; optimal: maximale prioriteit")
    p.add_argument("--time-limit", type=_seconds, default=30.0, metavar="S",
                   help="rekentijd voor fill/optimal in seconden, alles inbegrepen (standaard "
                        "30); dezelfde gegevens geven hetzelfde plan, behalve als de computer "
                        "te druk was (dan volgt een waarschuwing)")
    p.add_argument("--profile", type=Path, default=None, metavar="BESTAND",
                   help="wegingsprofiel (TOML)")
    p.add_argument("--out", type=Path, default=None, metavar="PLAN.xlsx",
                   help="schrijf de planning naar een Excel-werkmap")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    plan_scenarios.add_arguments(p)
    plan_workspace.add_arguments(p)
    p.set_defaults(run=plan_scenarios.guarded(run))


def run(args: argparse.Namespace) -> int:
    from stuurploeg.app.importing import check_file
    from stuurploeg.app.planning import PlanError, export_plan, make_plan
    from stuurploeg.app.profiles import ProfileError, load_profile
    from stuurploeg.domain.scoring import STANDARD_PROFILE
    from stuurploeg.io.excel_out import ExportError

    if args.workspace is None and (args.cases is None or args.capacity is None):
        # As argparse does for a missing required option: the usage error, exit 2.
        print("stuurploeg plan: fout in de opdracht: geef --cases en --capacity, of "
              "--workspace", file=sys.stderr)
        raise SystemExit(2)
    profile = STANDARD_PROFILE
    if args.profile is not None:
        try:
            profile = load_profile(args.profile)
        except ProfileError as exc:
            return _fail(str(exc))
    scenario_files = plan_scenarios.load(args)
    reports = []
    # Yearless weeks ("wk 5") are read near the first planned week, not near today.
    reference = args.start or IsoWeek.current()
    given: dict[str, Any] = {}
    for path, kind in ((args.cases, "cases"), (args.capacity, "capacity")):
        if path is None:
            continue
        report = check_file(path, kind, reference=reference)
        if not report.usable:
            return _fail(_not_usable(path, kind, report))
        reports.append(report)
        given[kind] = report.cases if kind == "cases" else report.capacity
    cases, capacity = given.get("cases"), given.get("capacity")
    source = None
    fixed: tuple[Any, ...] = ()
    previous: tuple[Any, ...] = ()
    overrides: list[Any] = []
    if args.workspace is not None:
        try:
            source = plan_workspace.read(args, reference, cases, capacity)
        except plan_workspace.WorkspaceUnusable as exc:
            return _fail(str(exc))
        cases, capacity = list(source.basis.cases), source.capacity
        fixed, previous, overrides = source.basis.fixed, source.basis.previous, source.overrides
        if args.profile is None:
            profile = source.profile
    scenario_warnings = plan_scenarios.check(scenario_files, cases, capacity, reference,
                                             args.weeks)
    if not args.json:
        for r in reports:
            for w in getattr(r, "warnings", ()) or ():
                print(f"waarschuwing: {w.describe()}", file=sys.stderr)
    if args.planner != "rank" and not args.json:
        print(f"Plan verbeteren met planner {args.planner} (hoogstens {args.time_limit:g} s)…",
              file=sys.stderr, flush=True)
    try:
        result = make_plan(
            cases,
            capacity,
            profile=profile,
            start=reference,
            weeks=args.weeks,
            planner=args.planner,
            time_limit=args.time_limit,
            overrides=overrides,
            fixed=fixed,
            previous=previous,
        )
        outcomes = plan_scenarios.plan(scenario_files, result, cases, capacity, args,
                                       fixed=fixed, overrides=overrides)
    except PlanError as exc:
        return _fail(str(exc))
    if args.out is not None:
        sources = {"Zakenlijst": (args.cases or args.workspace).name,
                   "Capaciteit": (args.capacity or args.workspace).name}
        sources.update({f"Scenario {f.scenario.name}": f.source for f in scenario_files})
        try:
            if outcomes:
                from stuurploeg.app.scenarios import export_with_scenarios

                export_with_scenarios(result, cases, args.out, outcomes, sources=sources)
            else:
                export_plan(result, cases, args.out, sources=sources)
        except ExportError as exc:
            return _fail(str(exc))
    if args.json:
        data = result.to_json()
        # Without these a JSON reader would not see e.g. a running case that uses no capacity.
        data["warnings"] = [w.describe() for r in reports for w in getattr(r, "warnings", ()) or ()]
        data["warnings"] += list(result.warnings) + scenario_warnings
        if scenario_files:
            data["scenarios"] = [o.to_json() for o in outcomes]
        if source is not None:
            data["workspace"] = plan_workspace.to_json(source)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for w in scenario_warnings:
            print(f"waarschuwing: {w}", file=sys.stderr)
        print(_human(result, args.out))
        if source is not None:
            print("\n" + "\n".join(plan_workspace.human(source, result)))
        if outcomes:
            print("\n" + plan_scenarios.human(outcomes))
    return 0


def _fail(message: str) -> int:
    print(f"stuurploeg plan: {message}", file=sys.stderr)
    return 1



def _not_usable(path: Path, kind: str, report: Any) -> str:
    label = "zakenlijst" if kind == "cases" else "capaciteitsoverzicht"
    errors = list(getattr(report, "errors", ()) or ())
    lines = [f"{path} is als {label} niet bruikbaar ({len(errors)} fout(en)):"]
    lines += [f"  - {e.describe()}" for e in errors[:20]]
    if len(errors) > 20:
        lines.append(f"  … en nog {len(errors) - 20}; zie `stuurploeg check {path}`.")
    return "\n".join(lines)


def _overbooked_runs(overbooked: Any) -> list[str]:
    """One line per team, kind and run of consecutive weeks with the same excess."""
    from stuurploeg.domain.planning.format import fte, team

    lines: list[str] = []
    run: list[Any] = []

    def flush() -> None:
        if run:
            first, last = run[0], run[-1]
            span = str(first.week) if first is last else f"{first.week} t/m {last.week}"
            lines.append(f"  {team(first.team)}, {first.kind}: {fte(first.fte)} fte te veel in "
                         f"{span}")
            run.clear()

    for o in sorted(overbooked, key=lambda o: (o.team, o.kind, o.week)):
        if run and (o.team, o.kind, round(o.fte, 6)) == (
            run[-1].team, run[-1].kind, round(run[-1].fte, 6)
        ) and o.week == run[-1].week + 1:
            run.append(o)
        else:
            flush()
            run.append(o)
    flush()
    return lines


def _human(result: Any, out: Path | None) -> str:
    from stuurploeg.domain.planning.format import fte

    lines = [
        f"Planning {result.start} t/m {result.week_list[-1]} ({result.weeks} weken), planner "
        f"{result.planner}, weging {result.profile.name}.",
        f"Ingepland: {len(result.assignments)} van {len(result.ranking)} kandidaten, totale "
        f"prioriteit {result.total_priority:.1f}".replace(".", ",")
        + (f", bewezen marge tot optimum {100 * result.gap:.1f}%".replace(".", ",")
           if result.gap is not None else "")
        + ".",
    ]
    if result.cancelled:
        lines.append("Het zoeken is afgebroken; dit is het beste plan tot dan toe.")
    lines.append("")
    lines.append("Ingepland:")
    for a in result.assignments:
        lines.append(f"  {a.case_id:<12} {a.team:<16} vanaf {a.start_week}  "
                     f"{a.weeks:>3} weken  {fte(a.fte)} fte" + ("  (vastgezet)" if a.fixed else "")
                     + ("  (verschoven)" if result.move_of(a.case_id) else ""))
    if result.unplanned:
        lines.append("")
        lines.append("Niet ingepland:")
        lines += [f"  {u.case_id:<12} {u.reason}" for u in result.unplanned]
    if result.overbooked:
        lines.append("")
        lines.append("Overboekt door lopende zaken:")
        lines += _overbooked_runs(result.overbooked)
    for w in result.warnings:
        lines.append(f"waarschuwing: {w}")
    if out is not None:
        lines.append(f"\nWerkmap geschreven: {out}")
    return "\n".join(lines)
