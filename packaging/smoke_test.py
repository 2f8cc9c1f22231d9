"""`make package-test`: run the built bundle the way a user does, and check what it does.

    python packaging/smoke_test.py dist/stuurploeg

Every check runs the bundle's own program (never this checkout's Python package) in a
temporary folder, with the settings and the data folder pointed there too, so nothing of
the user's is read or touched. Prints each check and exits non-zero when any fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import report  # noqa: E402  (packaging/report.py)

GUI_SECONDS = 5
TIMEOUT = 300
MEETING = "2026-11-25"
BY = "mr. A. de Vries"


class Failed(Exception):
    pass


class Smoke:
    def __init__(self, bundle: Path, scratch: Path) -> None:
        self.bundle = bundle.resolve()
        self.internal = self.bundle / "_internal"
        name = "stuurploeg-cli.exe" if os.name == "nt" else "stuurploeg"
        self.program = self.bundle / name
        self.scratch = scratch
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "STUURPLOEG_DATA_DIR": str(scratch / "data"),
            "XDG_CONFIG_HOME": str(scratch / "config"),  # QSettings on Linux
            "HOME": str(scratch / "home"),
            "PYTHONPATH": "",  # the bundle must not need this checkout
        }
        self.passed: list[str] = []
        self.failed: list[tuple[str, str]] = []

    # -- running --------------------------------------------------------------------------
    def run(self, *args: str | Path, expect: int = 0) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.program), *map(str, args)]
        done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", env=self.env, cwd=self.scratch,
                              timeout=TIMEOUT, check=False)
        shown = " ".join(cmd[1:])
        if done.returncode != expect:
            raise Failed(f"`stuurploeg {shown}` exited {done.returncode}, expected {expect}\n"
                         f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}")
        if "Traceback" in done.stdout + done.stderr:
            raise Failed(f"`stuurploeg {shown}` printed a traceback:\n{done.stderr[-3000:]}")
        return done

    def check(self, what: str, test: Callable[[], str | None]) -> None:
        start = time.monotonic()
        try:
            detail = test()
        except Failed as exc:
            self.failed.append((what, str(exc)))
            print(f"FAIL {what}\n     {str(exc).replace(chr(10), chr(10) + '     ')}")
            return
        except Exception as exc:  # a broken check is a failed check, never a crash
            self.failed.append((what, repr(exc)))
            print(f"FAIL {what}: {exc!r}")
            return
        self.passed.append(what)
        took = time.monotonic() - start
        print(f"ok   {what} ({took:.1f} s){': ' + detail if detail else ''}")

    # -- the checks -----------------------------------------------------------------------
    def layout(self) -> str:
        expected = [
            self.program,
            self.internal / "resources" / "translations" / "stuurploeg_nl.qm",
            self.internal / "resources" / "translations" / "qtbase_nl.qm",  # Qt's own Dutch
            self.internal / "resources" / "icons" / "stuurploeg.png",
            self.internal / "sample_data" / "zakenlijst.xlsx",
            self.internal / "sample_data" / "capaciteit.xlsx",
        ]
        missing = [str(p) for p in expected if not p.is_file()]
        if missing:
            raise Failed(f"missing from the bundle: {missing}")
        qt_qm = sorted(p.name for p in self.internal.rglob("PySide6/**/translations/*.qm"))
        foreign = [n for n in qt_qm if not n.endswith(("_nl.qm", "_en.qm"))]
        if foreign:
            raise Failed(f"Qt translations other than Dutch and English: {foreign}")
        return f"{report.mib(report.bundle_size(self.bundle))}, Qt translations {qt_qm}"

    def no_dev_packages(self) -> str:
        found = report.dev_modules_in(self.program)
        folders = [p.name for p in self.internal.iterdir() if p.name in report.DEV_PACKAGES]
        if found or folders:
            raise Failed(f"development packages in the bundle: {found[:10]} {folders}")
        return f"{len(report.archive_modules(self.program))} archive entries, none from " \
               "pytest/hypothesis/scipy/ruff/import-linter"

    def version(self) -> str:
        expected = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
            "version"]
        out = self.run("--version").stdout.strip()
        if out != f"stuurploeg {expected}":
            raise Failed(f"--version printed {out!r}, expected 'stuurploeg {expected}'")
        return out

    def check_samples(self) -> str:
        found = []
        for name, kind in (("zakenlijst.xlsx", "cases"), ("capaciteit.xlsx", "capacity")):
            out = self.run("check", self.internal / "sample_data" / name, "--kind", kind).stdout
            if "Resultaat: BRUIKBAAR" not in out:
                raise Failed(f"check {name}: not usable:\n{out}")
            found.append(name)
        return f"{', '.join(found)} BRUIKBAAR (read in the import sandbox's child process)"

    def hostile_file(self) -> str:
        fake = self.scratch / "geen-excel.xlsx"
        fake.write_bytes(b"\x00\x01 dit is geen werkmap " * 200)
        out = self.run("check", fake, expect=1).stdout
        if "NIET BRUIKBAAR" not in out:
            raise Failed(f"a non-workbook was not refused clearly:\n{out}")
        return "refused with a Dutch message, exit 1"

    def workspace_flow(self) -> str:
        ws = self.scratch / "regio.stuurploeg"
        cases = self.internal / "sample_data" / "zakenlijst.xlsx"
        capacity = self.internal / "sample_data" / "capaciteit.xlsx"
        out = self.run("import", ws, "--cases", cases, "--capacity", capacity).stdout
        if "aangemaakt" not in out or "60 nieuw" not in out:
            raise Failed(f"import did not create the workspace with 60 cases:\n{out[:800]}")
        decisions = [
            ("MH-2025-101", "decline", "--motivation", "Geen capaciteit; opnieuw in het voorjaar."),
            ("MH-2025-102", "park", "--until", "volgende", "--motivation", "Wacht op informatie."),
            ("MH-2025-103", "take-up", "--team", "Team Haven", "--start", "2026-W50", "--fte",
             "2", "--motivation", "Hoogste prioriteit."),
        ]
        for case, kind, *extra in decisions:
            out = self.run("decide", ws, "--case", case, "--kind", kind, *extra, "--by", BY,
                           "--meeting", MEETING).stdout
            if "vastgelegd als concept" not in out:
                raise Failed(f"decide {case} {kind}:\n{out}")
        out = self.run("finalise", ws, "--meeting", MEETING, "--by", BY).stdout
        if "vastgesteld" not in out:
            raise Failed(f"finalise:\n{out}")
        head = out.rsplit("Kophash besluitenlog:", 1)[-1].split()[0]
        xlsx = self.scratch / "besluitenlijst.xlsx"
        out = self.run("export", ws, "--out", xlsx, "--meeting", MEETING).stdout
        if "3 besluit(en)" not in out or not xlsx.is_file():
            raise Failed(f"export:\n{out}")
        rows = _read_xlsx(xlsx)
        if rows[0][0] != "Besluitenlijst stuurploeg mensenhandel":
            raise Failed(f"the exported besluitenlijst starts with {rows[0][:3]}")
        verified = json.loads(self.run("verify", ws, "--head", head, "--json").stdout)
        if not verified["ok"] or verified["entries"] != 3 or verified["head_hash"] != head:
            raise Failed(f"verify: {verified}")
        return (f"3 decisions finalised, besluitenlijst written ({xlsx.stat().st_size:,} bytes), "
                f"chain verified, head {head[:12]}…")

    def plan_optimal(self) -> str:
        out_file = self.scratch / "planning.xlsx"
        done = self.run("plan", "--cases", self.internal / "sample_data" / "zakenlijst.xlsx",
                        "--capacity", self.internal / "sample_data" / "capaciteit.xlsx",
                        "--planner", "optimal", "--time-limit", "2", "--json", "--out", out_file)
        result = json.loads(done.stdout)
        if result.get("planner") != "optimal" or not result.get("assignments"):
            raise Failed(f"the optimal planner planned nothing: {done.stdout[:800]}")
        if result.get("overbooked"):
            raise Failed(f"the plan overbooks teams: {result['overbooked']}")
        stopped = [w for w in result.get("warnings", []) if "onverwacht gestopt" in w
                   or "geen antwoord" in w]
        if result.get("gap") is None or stopped:
            # the rank-order fallback also plans: only a gap says the search itself ran
            raise Failed(f"the solver's child process did not search in the bundle: {stopped}")
        if not out_file.is_file():
            raise Failed("plan --out wrote no workbook")
        return (f"{len(result['assignments'])} of {len(result['ranking'])} ranked cases "
                f"planned, total priority {result['total_priority']:.1f}, gap "
                f"{result['gap']:.3f}; plan workbook {out_file.stat().st_size:,} bytes")

    def gui(self, run: int) -> str:
        out = self.scratch / f"gui-report-{run}.json"
        cmd = [str(self.gui_program()), "open", "--smoke-report", str(GUI_SECONDS),
               "--smoke-out", str(out)]
        done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", env=self.env, cwd=self.scratch,
                              timeout=TIMEOUT, check=False)
        if done.returncode != 0 or not out.is_file():
            raise Failed(f"the app exited {done.returncode} without a report\n"
                         f"--- stdout\n{done.stdout[-2000:]}\n--- stderr\n{done.stderr[-3000:]}")
        if "Traceback" in done.stdout + done.stderr:
            raise Failed(f"the app printed a traceback:\n{done.stderr[-3000:]}")
        got = json.loads(out.read_text("utf-8"))
        window = got.get("window") or {}
        data = self.scratch / "data"
        problems = []

        def expect(ok: bool, text: str) -> None:
            if not ok:
                problems.append(text)

        expect(got["frozen"] is True, "not running as the frozen bundle")
        expect(Path(got["bundle_dir"] or "/").resolve() == self.internal,
               f"bundle folder {got['bundle_dir']}")
        expect(got["translation_found"] and _inside(got["translation_file"], self.internal),
               f"translation {got['translation_file']} not found inside the bundle")
        expect(got["qtbase_nl_found"] and _inside(got["qtbase_nl_file"], self.internal),
               f"Qt's Dutch translation not found inside the bundle ({got['qtbase_nl_file']})")
        expect(got["sample_files_found"] and _inside(got["sample_data_dir"], self.internal),
               f"sample data not found inside the bundle ({got['sample_data_dir']})")
        expect(got["seconds_up"] >= GUI_SECONDS, f"stayed up only {got['seconds_up']} s")
        expect(not got["message_boxes"], f"message boxes on screen: {got['message_boxes']}")
        expect(got["charts_loaded"], "the pyqtgraph charts were not loaded")
        expect(_inside(got["settings_file"], data), f"settings at {got['settings_file']}")
        # Visible strings are Dutch: the File menu and the dock titles as the user sees them.
        expect(window.get("menus", [""])[0] == "&Bestand", f"menus {window.get('menus')}")
        expect("Capaciteit" in window.get("docks", []), f"docks {window.get('docks')}")
        # The title names the workspace, then (once the first plan is in) which plan is shown.
        expect(window.get("title", "").startswith("voorbeeld — Stuurploeg"),
               f"title {window.get('title')!r}")
        expect(window.get("workspace") == str(data / "voorbeeld.stuurploeg"),
               f"workspace {window.get('workspace')}")
        expect(window.get("cases", 0) > 0 and window.get("ranked", 0) > 0,
               f"{window.get('cases')} cases, {window.get('ranked')} ranked")
        expect(" zaken in voorbeeld.stuurploeg" in window.get("status", ""),
               f"status {window.get('status')!r}")
        about = got.get("about") or {}
        expect(about.get("title") == "Over Stuurploeg" and about.get("icon_found"),
               f"Over-dialog {about}")
        log = data / "stuurploeg.log"
        log_text = log.read_text("utf-8", errors="replace") if log.is_file() else ""
        expect(bool(log_text), f"no log file at {log}")
        expect(" ERROR " not in log_text and "Traceback" not in log_text,
               f"errors in the log:\n{log_text[-2000:]}")
        if problems:
            raise Failed("; ".join(problems) + f"\nreport: {json.dumps(got, ensure_ascii=False)}")
        how = "made the sample workspace" if run == 1 else "reopened the last workspace"
        return (f"{how}; up {got['seconds_up']} s on {got['platform']}; title "
                f"{window['title']!r}; menus {window['menus']}; {window['cases']} cases, "
                f"{window['ranked']} ranked; status {window['status']!r}")

    def gui_program(self) -> Path:
        windowed = self.bundle / "stuurploeg.exe"
        return windowed if os.name == "nt" else self.program


def _inside(path: str, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder)


def _read_xlsx(path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in book.worksheets[0].iter_rows(max_row=3, values_only=True)]
    finally:
        book.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    bundle = Path(args[0] if args else "dist/stuurploeg")
    if not bundle.is_dir():
        print(f"No bundle at {bundle}: run `make package` first.", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="stuurploeg-smoke-"))
    started = time.monotonic()
    print(f"Smoke test of {bundle.resolve()} in {scratch} ({date.today():%d-%m-%Y})")
    smoke = Smoke(bundle, scratch)
    try:
        smoke.check("bundle layout: program, Dutch .qm, icon, sample workbooks", smoke.layout)
        smoke.check("no development packages in the bundle", smoke.no_dev_packages)
        smoke.check("stuurploeg --version", smoke.version)
        smoke.check("check of the bundled sample workbooks", smoke.check_samples)
        smoke.check("check of a file that is no workbook", smoke.hostile_file)
        smoke.check("import / decide / finalise / export / verify on a new workspace",
                    smoke.workspace_flow)
        smoke.check("plan --planner optimal --time-limit 2 (OR-Tools CP-SAT)",
                    smoke.plan_optimal)
        smoke.check(f"GUI offscreen, first start, {GUI_SECONDS} s", lambda: smoke.gui(1))
        smoke.check(f"GUI offscreen, second start, {GUI_SECONDS} s", lambda: smoke.gui(2))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"Smoke test took {time.monotonic() - started:.0f} s.")
    print(f"Smoke test of the bundle: {len(smoke.passed)} passed, {len(smoke.failed)} failed")
    return 1 if smoke.failed else 0


if __name__ == "__main__":
    sys.exit(main())
