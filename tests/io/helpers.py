"""Workbooks built by test code (no committed blobs)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

CASE_HEADER = ["Zaak ID", "Naam", "Status", "Benodigde fte", "Doorlooptijd (weken)"]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]],
               hidden: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def case_rows(n: int = 3) -> list[list[object]]:
    return [CASE_HEADER] + [[f"Z-{i}", f"Onderzoek {i}", "nieuw", 2, 10] for i in range(1, n + 1)]


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file holding the given streams (version 3, 512-byte sectors)."""
    sector = 512
    data_sectors: list[bytes] = []
    entries = []
    for name, payload in streams.items():
        start = len(data_sectors)
        padded = payload + b"\0" * (-len(payload) % sector)
        chunks = [padded[i:i + sector] for i in range(0, len(padded), sector)]
        data_sectors.extend(chunks)
        entries.append((name, start, len(payload), len(chunks)))
    n_data = len(data_sectors)
    dir_start = n_data
    fat_start = n_data + 1
    fat = []
    for _name, start, _size, count in entries:
        fat.extend(start + i + 1 for i in range(count - 1))
        fat.append(0xFFFFFFFE)
    fat.append(0xFFFFFFFE)  # directory: one sector
    fat.append(0xFFFFFFFD)  # the FAT sector itself
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def dir_entry(name: str, kind: int, start: int, size: int, left=0xFFFFFFFF,
                  right=0xFFFFFFFF, child=0xFFFFFFFF) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + len(raw).to_bytes(2, "little") + bytes([kind, 1])
                + left.to_bytes(4, "little") + right.to_bytes(4, "little")
                + child.to_bytes(4, "little") + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + start.to_bytes(4, "little", signed=False) + size.to_bytes(4, "little")
                + b"\0" * 4)

    # root → first stream; streams chained as right siblings (fine for a tiny tree)
    dirs = [dir_entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for i, (name, start, size, _count) in enumerate(entries):
        right = i + 2 if i + 1 < len(entries) else 0xFFFFFFFF
        dirs.append(dir_entry(name, 2, start, max(size, 4096), right=right))
    directory = b"".join(dirs).ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + (0x3E).to_bytes(2, "little")
              + (3).to_bytes(2, "little") + b"\xfe\xff" + (9).to_bytes(2, "little")
              + (6).to_bytes(2, "little") + b"\0" * 6 + (0).to_bytes(4, "little")
              + (1).to_bytes(4, "little") + dir_start.to_bytes(4, "little") + b"\0" * 4
              + (4096).to_bytes(4, "little") + (0xFFFFFFFE).to_bytes(4, "little")
              + (0).to_bytes(4, "little") + (0xFFFFFFFE).to_bytes(4, "little")
              + (0).to_bytes(4, "little") + fat_start.to_bytes(4, "little")
              + b"\xff" * (4 * 108))
    fat_bytes = b"".join(x.to_bytes(4, "little") for x in fat)
    return header.ljust(sector, b"\0") + b"".join(data_sectors) + directory + fat_bytes


def write_xls(path: Path, sheet: str, rows: list[list[object]], *, encrypted: bool = False
              ) -> Path:
    """A minimal BIFF8 (.xls) workbook: one sheet of LABEL and NUMBER cells."""
    import struct

    def record(kind: int, data: bytes) -> bytes:
        return struct.pack("<HH", kind, len(data)) + data

    def bof(dt: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 6))

    cells = b""
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value in (None, ""):
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                cells += record(0x0203, struct.pack("<HHHd", r, c, 0, float(value)))
            else:
                text = str(value).encode("utf-16-le")
                cells += record(0x0204, struct.pack("<HHHHB", r, c, 0, len(str(value)), 1) + text)
    ncols = max((len(r) for r in rows), default=0)
    sheet_stream = (bof(0x0010) + record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, ncols, 0))
                    + cells + record(0x000A, b""))
    name = sheet.encode("utf-16-le")

    def globals_(offset: int) -> bytes:
        filepass = record(0x002F, b"\x01\x00\x01\x00\x01\x00" + b"\x11" * 48) if encrypted else b""
        return (bof(0x0005) + filepass + record(0x0042, struct.pack("<H", 1200))
                + record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(sheet), 1) + name)
                + record(0x000A, b""))

    head = globals_(0)
    stream = globals_(len(head)) + sheet_stream
    stream = stream.ljust(max(4096, len(stream)), b"\0")  # keep it out of the mini stream
    path.write_bytes(ole_file({"Workbook": stream}))
    return path
