"""The Windows version resource made from the package version."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("version, expected", [
    ("0.1.0", (0, 1, 0, 0)),
    ("1.2", (1, 2, 0, 0)),
    ("2.0.1rc1", (2, 0, 1, 0)),
    ("1.2.3.4.5", (1, 2, 3, 4)),
    ("v3.4", (3, 4, 0, 0)),
])
def test_version_tuple(winversion, version, expected):
    assert winversion.version_tuple(version) == expected


@pytest.mark.parametrize("bad", ["", "dev", "1.70000"])
def test_version_tuple_refuses_what_windows_cannot_hold(winversion, bad):
    with pytest.raises(ValueError):
        winversion.version_tuple(bad)


class _Recorder:
    """Stands in for PyInstaller's versioninfo classes: records what the file builds."""

    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, *args, **kwargs):
        return (self.kind, args, kwargs)


def _evaluate(text: str):
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct"]
    return eval(text, {"__builtins__": {}}, {n: _Recorder(n) for n in names})


def test_version_file_has_the_structure_pyinstaller_reads(winversion):
    kind, _args, info = _evaluate(winversion.version_file_text("0.1.0"))
    assert kind == "VSVersionInfo"
    ffi = info["ffi"][2]
    assert ffi["filevers"] == ffi["prodvers"] == (0, 1, 0, 0)
    string_info, var_info = info["kids"]
    table = string_info[1][0][0]
    assert table[0] == "StringTable" and table[1][0] == "041304B0"  # Dutch, Unicode
    strings = {s[1][0]: s[1][1] for s in table[1][1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == "0.1.0"
    assert strings["OriginalFilename"] == "stuurploeg.exe"
    assert strings["ProductName"] == "Stuurploeg"
    assert "EUPL-1.2" in strings["LegalCopyright"]
    assert var_info[1][0][0][1] == ("Translation", [0x0413, 1200])


def test_cli_program_gets_its_own_name(winversion):
    _kind, _args, info = _evaluate(winversion.version_file_text("0.1.0", "stuurploeg-cli"))
    strings = {s[1][0]: s[1][1] for s in info["kids"][0][1][0][0][1][1]}
    assert strings["OriginalFilename"] == "stuurploeg-cli.exe"
    assert strings["InternalName"] == "stuurploeg-cli"
