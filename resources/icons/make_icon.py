"""Draw the app icon: a white ship's wheel (stuur) on a blue rounded square.

    .venv/bin/python resources/icons/make_icon.py      (or: make icons)

Writes ``stuurploeg.png`` (256 px) and ``stuurploeg.ico`` (16–256 px, PNG-compressed
entries, as Windows Vista and later read them) next to this script. Qt draws the images;
the .ico container is written here, as Qt's own ICO writer stores a single size.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE = QColor(21, 67, 120)
WHITE = QColor(255, 255, 255)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    centre = QPointF(128 * s, 128 * s)
    # Fewer, thicker lines at small sizes, so the wheel still reads at 16 px.
    small = size <= 24
    rim_pen = QPen(WHITE, (22 if small else 16) * s)
    p.setPen(rim_pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(centre, 72 * s, 72 * s)
    spoke_pen = QPen(WHITE, (20 if small else 12) * s, c=Qt.PenCapStyle.RoundCap)
    p.setPen(spoke_pen)
    spokes = 4 if small else 8
    for i in range(spokes):
        angle = math.pi * 2 * i / spokes + math.pi / 8 * (not small)
        inner, outer = 26 * s, (72 if small else 100) * s
        p.drawLine(
            QPointF(centre.x() + inner * math.cos(angle), centre.y() + inner * math.sin(angle)),
            QPointF(centre.x() + outer * math.cos(angle), centre.y() + outer * math.sin(angle)),
        )
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(WHITE)
    p.drawEllipse(centre, 24 * s, 24 * s)
    p.setBrush(BLUE)
    p.drawEllipse(centre, 9 * s, 9 * s)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: list[tuple[int, bytes]]) -> bytes:
    """An ICO file whose entries are PNG images (width/height 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else HERE
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    pngs = [(size, png_bytes(draw(size))) for size in SIZES]
    (folder / "stuurploeg.png").write_bytes(pngs[-1][1])
    (folder / "stuurploeg.ico").write_bytes(ico_bytes(pngs))
    sizes = ", ".join(map(str, SIZES))
    print(f"{folder / 'stuurploeg.png'}\n{folder / 'stuurploeg.ico'} ({sizes} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
