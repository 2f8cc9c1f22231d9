"""`stuurploeg plan --workspace WS`: plan what a workspace holds, respecting its meetings.

The decisions of finalised meetings are fixed placements and the last vastgesteld plan
is kept where it still fits; every case the re-plan moved is listed ("verschoven t.o.v.
vorige vergadering"). ``--cases``/``--capacity`` given as well: plan those files (a new
list that is not imported yet) against the workspace's meetings. The workspace is opened
read-only: planning never changes it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stuurploeg.domain.weeks import IsoWeek


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workspace", type=Path, default=None, metavar="WERKRUIMTE",
                   help="plan de zaken en capaciteit van deze werkruimte (of --cases/"
                        "--capacity daartegen): besluiten van vastgestelde vergaderingen "
                        "liggen vast, het vorige vastgestelde plan blijft zoveel mogelijk staan")


@dataclass
class WorkspaceInput:
    cases: list[Any]
    capacity: Any
    profile: Any
    overrides: list[Any]
    basis: Any  # app.replan.ReplanBasis
    name: str


class WorkspaceUnusable(Exception):
    """``str()``: the Dutch reason the workspace cannot be planned."""


def read(args: argparse.Namespace, start: IsoWeek, cases: list[Any] | None,
         capacity: Any | None) -> WorkspaceInput:
    """The workspace's data and meetings; ``cases``/``capacity`` replace its own."""
    from stuurploeg.app.replan import replan_basis
    from stuurploeg.app.workspace import StoreError, open_workspace
    from stuurploeg.app.workspace_plans import position_overrides, weight_profile

    path = args.workspace
    if not path.exists():
        raise WorkspaceUnusable(f"werkruimte {path} bestaat niet; maak er een met "
                                "`stuurploeg import`.")
    try:
        with open_workspace(path, readonly=True) as ws:
            listed = ws.cases() if cases is None else cases
            teams = ws.capacity() if capacity is None else capacity
            if not listed or not teams.teams:
                raise WorkspaceUnusable(
                    f"werkruimte {path.name} heeft nog geen zakenlijst of capaciteit; importeer "
                    "die met `stuurploeg import` of geef --cases en --capacity.")
            return WorkspaceInput(list(listed), teams, weight_profile(ws),
                                  position_overrides(ws), replan_basis(ws, start, listed),
                                  path.name)
    except StoreError as exc:
        raise WorkspaceUnusable(str(exc)) from None


def human(source: WorkspaceInput, result: Any) -> list[str]:
    """What the re-plan respected and every case it moved, for the text output."""
    basis = source.basis
    lines = []
    if basis.meeting is None:
        lines.append(f"Werkruimte {source.name}: nog geen vastgestelde vergadering; gewoon plan.")
    else:
        plan = f"plan '{basis.plan_name}'" if basis.plan_name else "geen opgeslagen plan"
        lines.append(f"Werkruimte {source.name}: vorige vergadering {basis.meeting:%d-%m-%Y}, "
                     f"{plan}.")
    if basis.notes:
        lines.append("Besluiten verwerkt:")
        lines += [f"  {n}" for n in basis.notes]
    if result.replan:
        if result.moved:
            lines.append(f"Verschoven t.o.v. vorige vergadering ({len(result.moved)}):")
            lines += [f"  {m.case_id:<12} {m.describe()}" for m in result.moved]
        else:
            lines.append("Verschoven t.o.v. vorige vergadering: geen.")
    return lines


def to_json(source: WorkspaceInput) -> dict[str, Any]:
    basis = source.basis
    return {
        "meeting": None if basis.meeting is None else basis.meeting.isoformat(),
        "previous_plan": basis.plan_name,
        "fixed": [{"case_id": f.case_id, "team": f.team, "start_week": str(f.start_week)}
                  for f in basis.fixed],
        "decisions_applied": list(basis.notes),
    }
