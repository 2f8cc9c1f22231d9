import openpyxl.xml
import pytest

from stuurploeg.io.xml_safety import ensure_defusedxml


def test_defusedxml_in_use():
    ensure_defusedxml()
    assert openpyxl.xml.DEFUSEDXML


def test_refuses_without_defusedxml(monkeypatch):
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    with pytest.raises(RuntimeError, match="defusedxml"):
        ensure_defusedxml()
