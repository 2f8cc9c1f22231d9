"""A column whose header only looks like the case name ("Naam (verdachte)") holds the
suspects' names: they must not end up anywhere the app writes — the workspace, its
backups, the exports or the data folder — however far the workspace is taken."""

import os
import zipfile
from pathlib import Path

import pytest

from stuurploeg.cli import main
from tests.io.helpers import write_xlsx

ROOT = Path(__file__).resolve().parents[2]
SUSPECTS = ("Pietersen-Zwaanswijk", "Oudegeest-Brakel")


def _everything_written(*folders: Path, skip: Path) -> dict[Path, bytes]:
    """Every file's bytes, with the members of zip files (xlsx) unpacked."""
    out: dict[Path, bytes] = {}
    for folder in folders:
        for p in folder.rglob("*"):
            if not p.is_file() or p == skip:
                continue
            data = p.read_bytes()
            if zipfile.is_zipfile(p):
                with zipfile.ZipFile(p) as z:
                    data += b"".join(z.read(n) for n in z.namelist())
            out[p] = data
    return out


@pytest.mark.slow
def test_suspects_names_in_a_bracketed_name_column_are_stored_nowhere(tmp_path, capsys):
    cases = write_xlsx(tmp_path / "zaken.xlsx", {"Zaken": [
        ["Zaak-ID", "Naam (verdachte)", "Onderzoeksnaam", "Status", "Benodigde fte",
         "Doorlooptijd (weken)"],
        ["MH-2026-001", SUSPECTS[0], "Onderzoek Meeuw", "nieuw", 2, 10],
        ["MH-2026-002", SUSPECTS[1], "Onderzoek Reiger", "nieuw", 1.5, 8],
    ]})
    ws = tmp_path / "regio.stuurploeg"
    capacity = ROOT / "sample_data" / "capaciteit.xlsx"
    assert main(["import", str(ws), "--cases", str(cases), "--capacity", str(capacity)]) == 0
    out = capsys.readouterr().out
    assert "Onderzoek" in out or "nieuw" in out
    assert main(["decide", str(ws), "--case", "MH-2026-001", "--kind", "decline",
                 "--motivation", "geen capaciteit", "--by", "mr. De Vries",
                 "--meeting", "2026-10-01"]) == 0
    assert main(["finalise", str(ws), "--meeting", "2026-10-01", "--by", "mr. De Vries"]) == 0
    # A second import makes a backup of what the first one stored.
    assert main(["import", str(ws), "--cases", str(cases)]) == 0
    assert main(["export", str(ws), "--out", str(tmp_path / "besluitenlijst.xlsx")]) == 0
    capsys.readouterr()

    written = _everything_written(tmp_path, Path(os.environ["STUURPLOEG_DATA_DIR"]),
                                  skip=cases)
    assert ws in written and tmp_path / "besluitenlijst.xlsx" in written
    assert any("backups" in str(p) for p in written), sorted(written)
    for name in SUSPECTS:
        leaked = [str(p) for p, data in written.items() if name.encode() in data]
        assert not leaked, (name, leaked)
    # ...while the real case names are there.
    assert b"Onderzoek Meeuw" in written[ws]
