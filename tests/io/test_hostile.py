"""Hostile and broken files end in a clear Dutch message, quickly, with bounded memory.

Every file is generated here; each goes through the real sandboxed reader (check_file).
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

from stuurploeg.app.importing import check_file
from stuurploeg.io import sandbox
from tests.io.helpers import case_rows, ole_file, write_xlsx

SECONDS = 10  # "within seconds"; each case here takes well under that


def refused(path: Path, *words: str, **kwargs) -> str:
    t0 = time.monotonic()
    report = check_file(path, **kwargs)
    elapsed = time.monotonic() - t0
    assert not report.usable
    assert report.rows == 0 and report.cases is None
    assert len(report.errors) == 1
    message = report.errors[0].message
    assert "Traceback" not in message
    for word in words:
        assert word in message, message
    assert elapsed < SECONDS, elapsed
    return message


def _rezip(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = replace.get(item.filename, zin.read(item.filename))
            zout.writestr(item.filename, data)
        for name in set(replace) - set(zin.namelist()):
            zout.writestr(name, replace[name])
    return dst


@pytest.fixture
def good(tmp_path) -> Path:
    return write_xlsx(tmp_path / "good.xlsx", {"Zaken": case_rows(3)})


def test_missing_file(tmp_path):
    refused(tmp_path / "weg.xlsx", "bestaat niet")


def test_directory(tmp_path):
    refused(tmp_path, "map")


def test_empty_file(tmp_path):
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(b"")
    refused(path, "leeg")


def test_truncated_xlsx(tmp_path, good):
    path = tmp_path / "half.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(path, "beschadigd of onvolledig")


def test_random_bytes(tmp_path):
    path = tmp_path / "ruis.xlsx"
    path.write_bytes(os.urandom(50_000))
    refused(path, "geen Excel")


def test_csv_renamed(tmp_path):
    path = tmp_path / "lijst.xlsx"
    path.write_text("Zaak ID;Naam;Status\nZ-1;Eik;nieuw\n", encoding="utf-8")
    refused(path, "tekstbestand", "CSV")


def test_html_renamed(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>Z-1</td></tr></table></body></html>")
    refused(path, "HTML")


def test_other_zip_and_word(tmp_path):
    path = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("foto.txt", "hallo")
    refused(path, "zip-archief")
    word = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(word, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    refused(word, "Word-document")


def test_encrypted_xlsx_ole_container(tmp_path):
    """An encrypted xlsx is an OLE2 file holding EncryptionInfo + EncryptedPackage."""
    path = tmp_path / "geheim.xlsx"
    path.write_bytes(ole_file({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 200,
                                "EncryptedPackage": os.urandom(5000)}))
    refused(path, "versleuteld", "wachtwoord")


def test_broken_ole(tmp_path):
    path = tmp_path / "oud.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000))
    refused(path, "beschadigd")


@pytest.mark.slow
def test_zip_bomb_ratio(tmp_path, good):
    path = _rezip(good, tmp_path / "bom.xlsx",
                  {"xl/worksheets/sheet1.xml": b"<x>" + b" " * (64 * 1024 * 1024) + b"</x>"})
    assert path.stat().st_size < 1024 * 1024
    refused(path, "zip-bom")


def test_zip_too_many_entries(tmp_path, good):
    path = _rezip(good, tmp_path / "veel.xlsx", {})
    with zipfile.ZipFile(path, "a") as z:
        for i in range(2_100):
            z.writestr(f"xl/media/x{i}.bin", b"")
    refused(path, "onderdelen")


def test_billion_laughs(tmp_path, good):
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                   * 10) for i in range(1, 10))
           + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
           b"</sheetData></worksheet>")
    path = _rezip(good, tmp_path / "lol.xlsx", {"xl/worksheets/sheet1.xml": lol})
    refused(path, "DOCTYPE")


def test_doctype_hidden_behind_padding(tmp_path, good):
    padded = (b'<?xml version="1.0"?>' + b"<!-- " + b"x" * 200_000 + b" -->"
              + b'<!DOCTYPE x [<!ENTITY a "b">]><worksheet/>')
    path = _rezip(good, tmp_path / "pad.xlsx", {"xl/worksheets/sheet1.xml": padded})
    refused(path, "DOCTYPE")


def test_external_entity(tmp_path, good):
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIME-INHOUD")
    xxe = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://'
           + str(secret).encode() + b'">]>'
           b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">'
           b"<si><t>&e;</t></si></sst>")
    path = _rezip(good, tmp_path / "xxe.xlsx", {"xl/sharedStrings.xml": xxe})
    message = refused(path, "DOCTYPE")
    assert "GEHEIME-INHOUD" not in message


@pytest.mark.slow
def test_million_rows_refused_before_loading(tmp_path, good):
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i)
                    for i in range(1, 1_000_001))
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A1000000"/>'
             b"<sheetData>" + rows + b"</sheetData></worksheet>")
    path = _rezip(good, tmp_path / "miljoen.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    refused(path, "1.000.000 rijen")


@pytest.mark.slow
def test_many_rows_without_dimension(tmp_path, monkeypatch, good):
    """No <dimension>: calamine loads it, the sheet size check still refuses."""
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i)
                    for i in range(1, 150_001))
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows +
             b"</sheetData></worksheet>")
    path = _rezip(good, tmp_path / "veel.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    refused(path, "150.000 rijen", "hoogstens 100.000")


@pytest.mark.slow
def test_huge_string_cell(tmp_path):
    path = write_xlsx(tmp_path / "lang.xlsx", {"Zaken": case_rows(2)})
    huge = os.urandom(3 * 1024 * 1024).hex()  # 6 MB of text that does not compress away
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main" count="1"><si><t>' + huge.encode() + b"</t></si></sst>")
    # Put the huge string as the name of the first case via a shared string.
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b'<c r="B2" t="inlineStr"><is><t>Onderzoek 1</t></is></c>',
                          b'<c r="B2" t="s"><v>0</v></c>')
    path = _rezip(path, tmp_path / "lang2.xlsx", {"xl/worksheets/sheet1.xml": sheet,
                                                  "xl/sharedStrings.xml": sst})
    t0 = time.monotonic()
    report = check_file(path)
    assert time.monotonic() - t0 < SECONDS
    [error] = report.errors
    assert (error.row, error.column) == (2, "Naam") and "langer dan 32767" in error.message
    assert len(error.message) < 400 and len(error.value) <= 80
    assert report.rows == 1


@pytest.mark.slow
def test_memory_limit_ends_in_message(tmp_path, good, monkeypatch):
    """A reader that runs out of memory is stopped and reported, the caller survives."""
    with pytest.raises(sandbox.ReadRefused, match="geheugen"):
        sandbox.run_isolated(_eat_memory, (), file_name="x.xlsx",
                             memory_limit=300 * 1024 * 1024, timeout=20)


def test_native_crash_in_reader_ends_in_message():
    """A native reader that aborts (failed allocation in Rust) takes only the child down."""
    with pytest.raises(sandbox.ReadRefused, match="leesproces gestopt"):
        sandbox.run_isolated(os.abort, (), file_name="x.xlsx", timeout=20)


def test_unexpected_error_in_reader_is_a_message(capfd):
    with pytest.raises(sandbox.ReadRefused, match="onverwachte fout") as exc:
        sandbox.run_isolated(_fail, (), file_name="x.xlsx", timeout=20)
    assert "Traceback" not in str(exc.value)
    assert "Traceback" not in capfd.readouterr().err


def test_cancel_ends_the_reader():
    import threading

    from stuurploeg.domain.progress import Cancelled, TaskState

    state = TaskState()
    threading.Timer(0.3, state.cancel).start()
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        sandbox.run_isolated(_sleep, (), file_name="x.xlsx", state=state, timeout=30)
    assert time.monotonic() - t0 < 5


@pytest.mark.slow
def test_timeout_ends_the_reader(tmp_path):
    t0 = time.monotonic()
    with pytest.raises(sandbox.ReadRefused, match="langer dan"):
        sandbox.run_isolated(_sleep, (), file_name="x.xlsx", timeout=1.0)
    assert time.monotonic() - t0 < 5


def _eat_memory() -> None:
    blocks = []
    while True:
        blocks.append(bytearray(50 * 1024 * 1024))


def _fail() -> None:
    raise KeyError("kapot")


def _sleep() -> None:
    time.sleep(60)
