import openpyxl.xml

from stuurploeg.cli import main


def test_headless_command_refuses_without_defusedxml(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    assert main(["check", str(tmp_path / "x.xlsx")]) == 1
    assert "defusedxml" in capsys.readouterr().err


def test_headless_command_runs_with_defusedxml(capsys, tmp_path):
    assert openpyxl.xml.DEFUSEDXML
    assert main(["check", str(tmp_path / "ontbreekt.xlsx")]) == 1  # a missing file: exit 1
    assert "defusedxml" not in capsys.readouterr().err
