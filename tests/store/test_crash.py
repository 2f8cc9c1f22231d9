"""SIGKILL a process that is recording decisions, many times; nothing committed is lost."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stuurploeg.app.decisions import verify_workspace
from stuurploeg.app.workspace import open_workspace

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 50

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(ws, ws_path):
    ws.close()
    rng = random.Random(20261001)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    drafts: set[int] = set()
    finals: set[int] = set()
    start_day = 0
    began = time.monotonic()
    for run in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(ws_path), str(start_day)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        # Kill at a random moment: every other run counted from the start (so some kills
        # land while opening: lock, integrity check, backup), the others from when the
        # workspace is open (so a slow machine still has kills mid-loop).
        head = ""
        if run % 2:
            head = child.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.3))
        else:
            time.sleep(rng.uniform(0.05, 0.45))
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate()
        out = head + out
        assert child.returncode == -signal.SIGKILL, err
        for line in out.splitlines():
            kind, _, rest = line.partition(" ")
            if kind == "D":
                drafts.add(int(rest))
            elif kind == "F" and rest:
                finals.update(int(x) for x in rest.split(","))
        start_day += 500  # each run starts on meetings of its own
    elapsed = time.monotonic() - began

    report = verify_workspace(ws_path)
    assert report.ok, report.problems
    assert report.integrity == []
    with open_workspace(ws_path) as again:
        stored = {d.id: d for d in again.decisions()}
        assert drafts <= stored.keys(), sorted(drafts - stored.keys())
        assert all(stored[i].final for i in finals)
        # every final entry belongs to the chain that verified
        assert report.chain.entries == sum(1 for d in stored.values() if d.final)
    assert len(drafts) > KILLS  # the kills really hit a running loop
    assert finals, "no meeting was finalised before a kill"
    print(f"{KILLS} kills, {len(drafts)} committed drafts, {len(finals)} final, {elapsed:.1f} s")
