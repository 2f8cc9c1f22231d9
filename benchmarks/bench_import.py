"""`stuurploeg check` of a 20,000-row case list against a bare pandas+openpyxl read.

Target (issue 3): the whole check, process start-up included, takes at most half the time
of ``pandas.read_excel(engine="openpyxl")`` of the same file. Both are timed in this run,
best of a few repeats, on a workbook generated here with the sample data's columns.
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

ROWS = 20_000
REPEATS = 3
OUT = Path(__file__).resolve().parent / "out"


def load_make_samples() -> ModuleType:
    """sample_data/make_samples.py (a script beside the workbooks, not a package)."""
    path = Path(__file__).resolve().parents[1] / "sample_data" / "make_samples.py"
    spec = importlib.util.spec_from_file_location("make_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_workbook(path: Path, rows: int = ROWS) -> None:
    """A case list like sample_data/zakenlijst.xlsx, with ``rows`` cases."""
    from openpyxl import Workbook

    samples = load_make_samples()
    base = samples.make_cases(random.Random(7))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Zaken")
    ws.append(samples.CASE_HEADERS)
    for i in range(rows):
        row = list(base[i % len(base)])
        row[0] = f"MH-{i:06d}"
        row[1] = f"Onderzoek {i}"
        ws.append(row)
    wb.save(path)


def _best(func) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    path = OUT / "zakenlijst_20k.xlsx"
    make_workbook(path)
    command = [sys.executable, "-m", "stuurploeg", "check", str(path), "--kind", "cases"]

    def check() -> None:
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"stuurploeg check failed ({done.returncode}):\n{done.stdout[-2000:]}"
                             f"{done.stderr[-2000:]}")

    def pandas_openpyxl() -> None:
        import pandas as pd

        frame = pd.read_excel(path, engine="openpyxl")
        assert len(frame) == ROWS

    t_check = _best(check)
    t_pandas = _best(pandas_openpyxl)
    print(f"file: {path.name} ({ROWS:,} rows x 29 columns, {path.stat().st_size // 1024} KB)")
    print(f"stuurploeg check (whole command, new process): {t_check:.3f} s")
    print(f"pandas.read_excel(engine='openpyxl'):          {t_pandas:.3f} s")
    ratio = t_check / t_pandas
    print(f"ratio check / pandas+openpyxl: {ratio:.2f} (target <= 0.50: "
          f"{'met' if ratio <= 0.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
