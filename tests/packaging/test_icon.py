"""The app icon: a multi-size .ico for the Windows program and a 256 px .png."""

from __future__ import annotations

import struct

import pytest

from tests.packaging.conftest import ROOT

ICONS = ROOT / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    return struct.unpack(">II", data[16:24])  # the IHDR chunk's width and height


def test_ico_holds_every_size_windows_asks_for():
    data = (ICONS / "stuurploeg.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        side = w or 256
        assert (w, planes, bpp) == (h, 1, 32)
        assert _png_size(data[offset: offset + length]) == (side, side)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_png_is_256_pixels():
    assert _png_size((ICONS / "stuurploeg.png").read_bytes()) == (256, 256)


@pytest.mark.gui
def test_script_writes_the_same_kind_of_files(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icon", ICONS / "make_icon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path)]) == 0
    assert _png_size((tmp_path / "stuurploeg.png").read_bytes()) == (256, 256)
    assert (tmp_path / "stuurploeg.ico").read_bytes()[:6] == struct.pack("<HHH", 0, 1, 7)
