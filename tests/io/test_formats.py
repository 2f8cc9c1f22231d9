"""The formats read: xlsx, xlsm, an xlsx renamed .xls, ods; formulas as cached values."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_in import check_job
from tests.io.helpers import case_rows, write_xls, write_xlsx

REF = IsoWeek(2026, 48)


def write_ods(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    def cell(v: object) -> str:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>")
        if v in (None, ""):
            return "<table:table-cell/>"
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}'
                "</text:p></table:table-cell>")

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                  for row in rows)
        + "</table:table>"
        for name, rows in sheets.items())
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return path


def test_ods(tmp_path):
    report = check_job(str(write_ods(tmp_path / "z.ods", {"Zaken": case_rows(3)})),
                       None, None, None, REF)
    assert report.usable, report.errors
    assert [c.fte for c in report.cases] == [2.0, 2.0, 2.0]


def test_xlsm_and_xlsx_renamed_xls(tmp_path):
    src = write_xlsx(tmp_path / "z.xlsx", {"Zaken": case_rows(2)})
    for name in ("z.xlsm", "z.xls", "zonder_extensie"):
        shutil.copy(src, tmp_path / name)
        assert check_job(str(tmp_path / name), None, None, None, REF).rows == 2


def test_formulas_read_as_cached_values(tmp_path):
    src = write_xlsx(tmp_path / "z.xlsx", {"Zaken": case_rows(1)})
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b'<c r="D2" t="n"><v>2</v></c>',
                          b'<c r="D2"><f>1+2</f><v>3</v></c>')
    assert b"<f>1+2</f>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet
    out = tmp_path / "formule.xlsx"
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = check_job(str(out), None, None, None, REF)
    assert report.cases[0].fte == 3.0


def test_encrypted_ods_refused(tmp_path):
    path = write_ods(tmp_path / "z.ods", {"Zaken": case_rows(1)})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["META-INF/manifest.xml"] = parts["META-INF/manifest.xml"].replace(
        b"</manifest:manifest>", b"<manifest:encryption-data/></manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = check_job(str(path), None, None, None, REF)
    assert "versleuteld" in report.errors[0].message


def test_xls(tmp_path):
    path = write_xls(tmp_path / "z.xls", "Zaken", [["Lijst 2026"], *case_rows(3)])
    report = check_job(str(path), None, None, None, REF)
    assert report.usable, report.errors
    assert (report.header_row, report.rows) == (2, 3)
    assert report.cases[0].weeks == 10


def test_encrypted_xls_refused(tmp_path):
    path = write_xls(tmp_path / "z.xls", "Zaken", case_rows(1), encrypted=True)
    report = check_job(str(path), None, None, None, REF)
    assert not report.usable
    assert "versleuteld" in report.errors[0].message
