"""Child of the crash test: records decisions in a loop, printing each committed one.

``D <id>`` after a draft is committed, ``F <id>,<id>,…`` after a meeting is finalised.
Run as ``python crash_child.py WORKSPACE START_DAY``.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from stuurploeg.app.decisions import finalise_meeting, record_decision
from stuurploeg.app.workspace import open_workspace
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind
from stuurploeg.domain.weeks import IsoWeek


def main() -> None:
    path, start = sys.argv[1], int(sys.argv[2])
    ws = open_workspace(path, keep_backups=3)
    print("open", flush=True)
    n = 0
    while True:
        day = date(2027, 1, 1) + timedelta(days=start + n // 4)
        d = record_decision(ws, Decision(
            f"MH-2026-{1 + n % 12:03d}", DecisionKind.TAKE_UP, "officier", team="Team Noord",
            start_week=IsoWeek(2027, 2) + n % 20, fte=1.0 + n % 3,
            motivation=f"besluit {n} " + "x" * (n % 50)), day)
        print(f"D {d.id}", flush=True)
        n += 1
        if n % 4 == 0:
            done = finalise_meeting(ws, day, "officier")
            print("F " + ",".join(str(x.id) for x in done), flush=True)


if __name__ == "__main__":
    main()
