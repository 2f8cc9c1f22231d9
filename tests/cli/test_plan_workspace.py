"""`stuurploeg plan --workspace`: decisions are fixed, the last vastgesteld plan is kept,
every move is listed in the text and the JSON."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from stuurploeg.app.workspace import open_workspace
from stuurploeg.cli import main
from stuurploeg.domain.weeks import IsoWeek
from tests.cli.conftest import decide
from tests.store.factories import make_cases, source


def _plan_json(wsp, capsys, *extra):
    assert main(["plan", "--workspace", str(wsp), "--start", "2026-W40", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_plan_workspace_fixes_decisions_and_lists_the_moves(wsp, capsys):
    data = _plan_json(wsp, capsys)
    assert "moved" not in data  # no meeting finalised: a plain plan
    assert data["workspace"] == {"meeting": None, "previous_plan": None, "fixed": [],
                                 "decisions_applied": []}
    taken, other = data["assignments"][0], data["assignments"][1]
    assert decide(wsp, "--case", taken["case_id"], "--kind", "take-up") == 0
    assert main(["finalise", str(wsp), "--meeting", "2026-10-01", "--by", "mr. De Vries"]) == 0
    capsys.readouterr()

    # the next case list: the other planned case may only start four weeks later
    later = IsoWeek.parse(other["start_week"]) + 4
    cases = [replace(c, earliest_start=later) if c.case_id == other["case_id"] else c
             for c in make_cases(6)]
    with open_workspace(wsp) as ws:
        ws.merge(cases=cases, cases_source=source(rows=6, name="zakenlijst-2.xlsx"))

    data = _plan_json(wsp, capsys)
    assert data["workspace"]["meeting"] == "2026-10-01"
    assert [f["case_id"] for f in data["workspace"]["fixed"]] == [taken["case_id"]]
    spot = next(a for a in data["assignments"] if a["case_id"] == taken["case_id"])
    assert (spot["team"], spot["start_week"]) == (taken["team"], taken["start_week"])
    moved = {m["case_id"]: m for m in data["moved"]}
    assert taken["case_id"] not in moved
    m = moved[other["case_id"]]
    assert m["from"] == {"team": other["team"], "start_week": other["start_week"]}
    assert m["to"] is None or IsoWeek.parse(m["to"]["start_week"]) >= later
    assert "vroegste start" in m["reason"]

    assert main(["plan", "--workspace", str(wsp), "--start", "2026-W40"]) == 0
    text = capsys.readouterr().out
    assert "vorige vergadering 01-10-2026" in text
    assert "Verschoven t.o.v. vorige vergadering (" in text and other["case_id"] in text
    assert f"Zaak {taken['case_id']}: opgepakt op 01-10-2026; vastgezet op" in text


def test_plan_needs_files_or_a_workspace(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["plan"])
    assert exc.value.code == 2
    assert "geef --cases en --capacity, of --workspace" in capsys.readouterr().err
    assert main(["plan", "--workspace", str(tmp_path / "geen.stuurploeg")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
