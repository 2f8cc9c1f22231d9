import os
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from stuurploeg.io import atomic
from stuurploeg.io.excel_out import (
    EXCEL_CELL_LIMIT,
    Column,
    ExportError,
    Kind,
    Sheet,
    WorkbookWriter,
    escape_ooxml,
)

TRICKY = ["=1+1", "+31 6 1234", "-2", "@SUM(A1)", "\tx", "\rregel", "a\r\nb",
          "_x0041_", "x_x005F_y", "gewoon"]


def _write(tmp_path, rows, columns=None, **kw):
    writer = WorkbookWriter()
    columns = columns or [Column("Tekst")]
    writer.add_sheet(Sheet("Blad", columns, rows, **kw))
    return writer, writer.save(tmp_path / "uit.xlsx")


def _calamine_values(path, sheet="Blad"):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_text_is_never_a_formula_and_round_trips_exactly(tmp_path):
    _, report = _write(tmp_path, [[t] for t in TRICKY])
    wb = load_workbook(report.path)
    cells = [row[0] for row in wb["Blad"].iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in cells)
    assert [c.quotePrefix for c in cells[:5]] == [True] * 5
    assert [row[0] for row in _calamine_values(report.path)[1:]] == TRICKY
    assert report.warnings == []


@settings(max_examples=60)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\x00"), max_size=40))
@pytest.mark.slow
def test_any_storable_text_round_trips(tmp_path_factory, text):
    tmp = tmp_path_factory.mktemp("rt")
    writer, report = _write(tmp, [[text + "|"]])
    got = _calamine_values(report.path)[1][0]
    if writer.warnings:  # characters Excel cannot store were replaced, and said so
        assert "\ufffd" in got
    else:
        assert got == text + "|"


def test_illegal_characters_replaced_and_reported(tmp_path):
    _, report = _write(tmp_path, [["a\x01b\x1fc"]])
    assert _calamine_values(report.path)[1][0] == "a\ufffdb\ufffdc"
    assert len(report.warnings) == 1 and "cel A2" in report.warnings[0]


def test_overlong_text_is_marked_and_reported_not_cut_silently(tmp_path):
    _, report = _write(tmp_path, [["x" * (EXCEL_CELL_LIMIT + 10)]])
    got = _calamine_values(report.path)[1][0]
    assert len(got) == EXCEL_CELL_LIMIT and "ingekort" in got
    assert any("ingekort" in w for w in report.warnings)


def test_real_types_styling_filter_and_frozen_header(tmp_path):
    cols = [Column("Datum", Kind.DATE), Column("Aantal", Kind.INT), Column("Fte", Kind.NUMBER),
            Column("Ja/nee", Kind.BOOL), Column("Week", Kind.WEEK)]
    _, report = _write(tmp_path, [[date(2026, 11, 25), 3, 1.5, True, "2026-W48"]], cols,
                       title_block=[("Vergadering", date(2026, 11, 25))], heading="Titel")
    ws = load_workbook(report.path)["Blad"]
    header = next(r[0].row for r in ws.iter_rows() if r[0].value == "Datum")
    values = [c.value for c in ws[header + 1]]
    assert values == [datetime(2026, 11, 25), 3, 1.5, "ja", "2026-W48"]
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.auto_filter.ref == f"A{header}:E{header + 1}"
    assert ws.cell(header, 1).font.bold


def test_locked_target_leaves_old_file_byte_identical(tmp_path, monkeypatch):
    target = tmp_path / "uit.xlsx"
    target.write_bytes(b"oude inhoud")

    def locked(src, dst):
        raise PermissionError(13, "in gebruik")

    monkeypatch.setattr(atomic.os, "replace", locked)
    writer = WorkbookWriter()
    writer.add_sheet(Sheet("Blad", [Column("A")], [["x"]]))
    with pytest.raises(ExportError, match="in gebruik"):
        writer.save(target, retries=2, delay=0.001)
    assert target.read_bytes() == b"oude inhoud"
    assert os.listdir(tmp_path) == ["uit.xlsx"]  # no temporary file left behind


def test_missing_folder_is_a_clear_message(tmp_path):
    writer = WorkbookWriter()
    writer.add_sheet(Sheet("Blad", [Column("A")], [["x"]]))
    with pytest.raises(ExportError, match="bestaat niet"):
        writer.save(tmp_path / "nergens" / "uit.xlsx")


def test_escape_ooxml():
    assert escape_ooxml("a\rb") == "a_x000D_b"
    assert escape_ooxml("_x0041_") == "_x005F_x0041_"
    assert escape_ooxml("_xZZZZ_") == "_xZZZZ_"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_file_gets_ordinary_permissions_and_a_replaced_file_keeps_its_own(tmp_path):
    umask = os.umask(0o022)
    try:
        _, report = _write(tmp_path, [["x"]])
        assert report.path.stat().st_mode & 0o777 == 0o644
        report.path.chmod(0o640)
        _, again = _write(tmp_path, [["y"]])
        assert again.path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


def test_target_that_is_a_folder_is_a_clear_message(tmp_path):
    (tmp_path / "uit.xlsx").mkdir()
    writer = WorkbookWriter()
    writer.add_sheet(Sheet("Blad", [Column("A")], [["x"]]))
    with pytest.raises(ExportError, match="is een map"):
        writer.save(tmp_path / "uit.xlsx")
    assert os.listdir(tmp_path) == ["uit.xlsx"]


def test_other_os_error_on_replace_is_a_clear_message(tmp_path, monkeypatch):
    def broken(src, dst):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(atomic.os, "replace", broken)
    writer = WorkbookWriter()
    writer.add_sheet(Sheet("Blad", [Column("A")], [["x"]]))
    with pytest.raises(ExportError, match="niet op zijn plaats"):
        writer.save(tmp_path / "uit.xlsx")
    assert os.listdir(tmp_path) == []
