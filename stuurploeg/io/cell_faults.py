"""Cells of an xlsx sheet that hold no real value: Excel error values and formulas saved
without their result.

calamine returns both as an empty cell, so a ``#DIV/0!`` in the fte column would read as
"fte ontbreekt" and a ``#N/A`` in an optional column would vanish without a word. The
sheet's XML says what they are (``t="e"``, or an ``<f>`` without a ``<v>``); this module
finds them so the reader can name them. Only called on files :mod:`sniff` has vetted
(every part inflated and bounded, no DOCTYPE), inside the sandboxed reader.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeET

from stuurploeg.io.values import CellFault

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MARK = re.compile(rb'<(?:\w+:)?f[\s>/]|\st="e"')
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v\s*(?:/>|>(.*?)</(?:\w+:)?v>)", re.S)

Faults = dict[tuple[int, int], CellFault]  # (0-based row, 0-based column) -> fault


def sheet_faults(path: Path) -> dict[str, Faults]:
    """Sheet name → its fault cells, for an xlsx/xlsm workbook; {} for anything else or a
    workbook whose structure cannot be followed (calamine then reports what it finds)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            out: dict[str, Faults] = {}
            for name, part in parts.items():
                try:
                    data = archive.read(part)
                except KeyError:
                    continue
                faults = scan(data)
                if faults:
                    out[name] = faults
            return out
    except (zipfile.BadZipFile, OSError, ValueError, SafeET.ParseError, KeyError):
        return {}


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target") or ""
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = part
    book = SafeET.fromstring(archive.read("xl/workbook.xml"))
    parts = {}
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        rid = sheet.get(f"{_NS_REL}id")
        name = sheet.get("name")
        if name and rid in targets:
            parts[name] = targets[rid]
    return parts


def scan(data: bytes) -> Faults:
    """The fault cells of one worksheet part. Cheap for sheets without formulas or error
    values (one regex pass that finds nothing)."""
    faults: Faults = {}
    seen: set[int] = set()
    for mark in _MARK.finditer(data):
        start = data.rfind(b"<", 0, mark.start() + 1)
        if mark.group(0).startswith(b"<"):  # a formula: its cell starts before it
            start = _cell_start(data, mark.start())
        if start < 0 or start in seen:
            continue
        seen.add(start)
        head_end = data.find(b">", start)
        if head_end < 0 or data[head_end - 1:head_end] == b"/":
            continue
        head = data[start:head_end]
        ref = _REF.search(head)
        if ref is None:
            continue
        end = _CELL_END.search(data, head_end)
        body = data[head_end + 1:end.start() if end else len(data)]
        fault = _fault(head, body)
        if fault is not None:
            faults[(int(ref.group(2)) - 1, _column_index(ref.group(1)))] = fault
    return faults


def _cell_start(data: bytes, pos: int) -> int:
    """The ``<c`` (or ``<x:c``) tag that encloses position ``pos``."""
    at = pos
    while True:
        at = data.rfind(b"<", 0, at)
        if at < 0:
            return -1
        tag = data[at + 1:at + 12]
        name = tag.split(b" ", 1)[0].split(b">", 1)[0]
        if name == b"c" or name.endswith(b":c"):
            return at


def _fault(head: bytes, body: bytes) -> CellFault | None:
    kind = _TYPE.search(head)
    value = _VALUE.search(body)
    text = (value.group(1) or b"") if value else b""
    if kind is not None and kind.group(1) == b"e":
        return CellFault(_unescape(text) or "#FOUT")
    formula = _FORMULA.search(body)
    if formula is None:
        return None
    if value is not None and (text or (kind is not None and kind.group(1) in
                                       (b"str", b"inlineStr"))):
        return None  # a stored result (also an empty text result)
    if formula.group(1) is None and b"si=" in formula.group(0) and value is not None:
        return None  # a shared formula's follower with its stored result
    return CellFault("=" + _unescape(formula.group(1) or b""), formula=True)


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))[:200]


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1
