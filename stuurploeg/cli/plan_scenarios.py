"""`stuurploeg plan --scenario FILE.toml` (repeatable): read, check, plan and compare.

A scenario file that cannot be used is a wrong command line: exit 2 with a Dutch message
that names the file, line, entry and key, and no plan is made.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_BAD_SCENARIO = 2


class ScenarioExit(Exception):
    """Stop ``stuurploeg plan`` with ``code`` after printing ``str()`` to stderr."""

    def __init__(self, message: str, code: int = EXIT_BAD_SCENARIO) -> None:
        super().__init__(message)
        self.code = code


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``run`` with a :class:`ScenarioExit` turned into its message and exit code."""
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except ScenarioExit as exc:
            print(f"stuurploeg plan: {exc}", file=sys.stderr)
            return exc.code

    return wrapped


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", action="append", type=Path, default=[], metavar="FILE.toml",
                   help="plan ook dit scenario (TOML) en vergelijk het met de basis; mag "
                        "vaker (zie docs/scenarios.md)")


def load(args: argparse.Namespace) -> list[Any]:
    """The parsed scenario files (before any data is read); raises :class:`ScenarioExit`."""
    from stuurploeg.app.scenario_file import ScenarioFileError, load_scenario_file

    files = []
    for path in args.scenario:
        try:
            files.append(load_scenario_file(path))
        except ScenarioFileError as exc:
            raise ScenarioExit(_lines("scenario niet bruikbaar", exc.problems)) from None
    names: dict[str, Path] = {}
    for f in files:
        other = names.get(f.scenario.name.casefold())
        if other is not None:
            raise ScenarioExit(
                f"{f.source} en {other.name} heten allebei {f.scenario.name!r}; geef elk "
                "scenario een eigen naam (name = …).")
        names[f.scenario.name.casefold()] = f.path or Path(f.source)
    return files


def check(files: list[Any], cases: Any, capacity: Any, start: Any, weeks: int) -> list[str]:
    """Check every scenario against the data; raises :class:`ScenarioExit` on errors and
    returns the warnings (described)."""
    from stuurploeg.app.scenario_check import check_scenario

    errors, warnings = [], []
    for f in files:
        for p in check_scenario(f.scenario, cases, capacity, start=start, weeks=weeks, file=f):
            (errors if p.severity == "error" else warnings).append(p)
    if errors:
        raise ScenarioExit(_lines("scenario past niet bij de gegevens", errors))
    return [w.describe() for w in warnings]


def plan(files: list[Any], base: Any, cases: Any, capacity: Any, args: argparse.Namespace,
         *, fixed: Any = (), overrides: Any = ()) -> list[Any]:
    from stuurploeg.app.scenario_check import with_team_names
    from stuurploeg.app.scenarios import run_scenarios

    if files and args.planner != "rank" and not args.json:
        print(f"{len(files)} scenario('s) plannen met planner {args.planner} (elk ongeveer "
              f"{args.time_limit:g} s)…", file=sys.stderr, flush=True)
    return run_scenarios(base, cases, capacity,
                         [with_team_names(f.scenario, capacity) for f in files],
                         time_limit=args.time_limit, fixed=fixed, overrides=overrides)


def human(outcomes: list[Any]) -> str:
    return "\n\n".join("\n".join(o.comparison.lines()) for o in outcomes)


def _lines(what: str, problems: list[Any]) -> str:
    return "\n".join([f"{what}:", *(f"  - {p.describe()}" for p in problems)])
