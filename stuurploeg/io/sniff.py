"""What a file really is, judged from its bytes, and whether it is safe to hand to a parser.

Runs before any spreadsheet parser sees the file (inside the sandboxed reader process):
- the type comes from the bytes, never from the name (a CSV renamed ``.xlsx`` is a CSV);
- encrypted workbooks (an OLE2 container with an ``EncryptedPackage`` stream, or an ODS
  whose manifest has encryption data) are refused with a message that says so;
- zip containers are checked for entry count, total uncompressed size and compression
  ratio by actually inflating every entry (declared sizes can lie), and any XML part with
  a DOCTYPE is refused: Office XML never has one, so one means entity tricks
  (billion laughs, external entities);
- for xlsx the sheets' ``<dimension>`` is read, so a million-row sheet is refused before
  a parser loads it.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from stuurploeg.io.report import ReadRefused

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_ENTRY_RATIO = 150  # real sheets compress 5–30×; zip bombs 1,000× and more
_RATIO_FLOOR = 2 * 1024 * 1024  # small entries may compress well without being bombs
MAX_ROWS = 100_000
MAX_COLUMNS = 500

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?\"")
_CHUNK = 1024 * 1024


class FileType(StrEnum):
    XLSX = "xlsx"  # also xlsm and xlsb: the Office Open XML family
    XLS = "xls"
    ODS = "ods"


@dataclass(frozen=True, slots=True)
class SniffResult:
    type: FileType
    # xlsx: sheet part name → (rows, columns) from its <dimension>, where present
    dimensions: dict[str, tuple[int, int]]


def sniff(path: Path) -> SniffResult:
    """Identify and vet ``path``; raises :class:`ReadRefused` with a Dutch message."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        raise ReadRefused(f"Het bestand '{path}' bestaat niet.") from None
    except IsADirectoryError:
        raise ReadRefused(f"'{path}' is een map, geen bestand.") from None
    except OSError as exc:
        raise ReadRefused(
            f"Het bestand '{path.name}' kan niet worden geopend ({exc.strerror or exc}). "
            "Controleer of u leesrechten hebt en of het niet door een ander programma "
            "vergrendeld is."
        ) from None
    if size == 0:
        raise ReadRefused(f"Het bestand '{path.name}' is leeg (0 bytes). "
                          "Kies de juiste Excel-werkmap.")
    if size > MAX_FILE_BYTES:
        raise ReadRefused(
            f"Het bestand '{path.name}' is {size // (1024 * 1024)} MB; het maximum is "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Een zakenlijst of capaciteitsoverzicht "
            "is veel kleiner: controleer of dit het juiste bestand is."
        )
    if head.startswith(_ZIP_MAGICS):
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path)
    raise ReadRefused(_describe_other(path.name, head))


def _describe_other(name: str, head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    lower = text[:512].lower()
    if lower.startswith((b"<html", b"<!doctype html", b"<table")) or b"<html" in lower:
        return (f"'{name}' is een webpagina (HTML) met een Excel-naam, geen echte werkmap. "
                "Open het in Excel en sla het op als Excel-werkmap (.xlsx).")
    if lower.startswith(b"<?xml"):
        return (f"'{name}' is een los XML-bestand, geen Excel-werkmap. "
                "Sla het in Excel op als Excel-werkmap (.xlsx).")
    if lower.startswith(b"%pdf"):
        return f"'{name}' is een PDF-bestand, geen Excel-werkmap."
    if _looks_like_text(head):
        return (f"'{name}' is een tekstbestand (bijvoorbeeld CSV), geen Excel-werkmap, ook al "
                "heeft het die naam. Open het in Excel en sla het op als Excel-werkmap (.xlsx).")
    return (f"'{name}' is geen Excel- of OpenDocument-werkmap (het bestand begint niet zoals "
            "een werkmap begint; het is mogelijk beschadigd). Kies een .xlsx-, .xls- of "
            ".ods-bestand.")


def _looks_like_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    if not text:
        return False
    printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return printable / len(text) > 0.97


# -- OLE2 (xls, and encrypted Office Open XML) ----------------------------------------
def _sniff_ole(path: Path) -> SniffResult:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry).lower() for entry in ole.listdir()}
            book = "workbook" if "workbook" in streams else "book" if "book" in streams else None
            xls_encrypted = book is not None and _has_filepass(ole.openstream(book).read(65536))
    except Exception:  # olefile raises assorted errors on broken containers
        raise ReadRefused(
            f"'{path.name}' is beschadigd of onvolledig (het oude Excel-formaat .xls kan niet "
            "worden gelezen). Open het in Excel en sla het opnieuw op."
        ) from None
    if "encryptedpackage" in streams or "encryptioninfo" in streams or xls_encrypted:
        raise ReadRefused(
            f"'{path.name}' is versleuteld (beveiligd met een wachtwoord). Stuurploeg opent geen "
            "versleutelde bestanden. Open het in Excel, verwijder het wachtwoord (Bestand > "
            "Info > Werkmap beveiligen > Versleutelen met wachtwoord, veld leegmaken) en sla "
            "een kopie op."
        )
    if "workbook" in streams or "book" in streams:
        return SniffResult(FileType.XLS, {})
    if "worddocument" in streams:
        raise ReadRefused(f"'{path.name}' is een Word-document, geen Excel-werkmap.")
    raise ReadRefused(f"'{path.name}' is een Office-bestand maar geen Excel-werkmap.")


def _has_filepass(stream: bytes) -> bool:
    """Whether the BIFF workbook globals hold a FILEPASS record (an encrypted .xls)."""
    offset = 0
    while offset + 4 <= len(stream):
        kind = int.from_bytes(stream[offset:offset + 2], "little")
        size = int.from_bytes(stream[offset + 2:offset + 4], "little")
        if kind == 0x002F:
            return True
        if kind == 0x000A:  # EOF of the globals: FILEPASS comes right after BOF if at all
            return False
        offset += 4 + size
    return False


# -- zip (xlsx, xlsm, xlsb, ods) ------------------------------------------------------
def _sniff_zip(path: Path) -> SniffResult:
    broken = (f"'{path.name}' is beschadigd of onvolledig (bijvoorbeeld een afgebroken "
              "download of kopie). Open het in Excel en sla het opnieuw op, of vraag het "
              "bestand opnieuw op.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ReadRefused(broken) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise ReadRefused(
                f"'{path.name}' bevat {len(infos)} onderdelen (maximaal {MAX_ZIP_ENTRIES}); "
                "dit is geen gewone werkmap en wordt uit voorzorg niet geopend."
            )
        declared = sum(i.file_size for i in infos)
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise ReadRefused(_too_big(path.name))
        names = {i.filename for i in infos}
        lowered = {n.lower() for n in names}
        if "mimetype" in names:
            if archive.read("mimetype")[:200].strip() != _ODS_MIME:
                raise ReadRefused(f"'{path.name}' is een OpenDocument-bestand, maar geen "
                                  "rekenblad (.ods).")
            file_type = FileType.ODS
            manifest = _read_limited(archive, "META-INF/manifest.xml", 1024 * 1024, path.name)
            if b"encryption-data" in manifest:
                raise ReadRefused(
                    f"'{path.name}' is versleuteld (beveiligd met een wachtwoord). Sla het "
                    "zonder wachtwoord op en kies die kopie."
                )
        elif "xl/workbook.xml" in lowered or "xl/workbook.bin" in lowered:
            file_type = FileType.XLSX
        elif "word/document.xml" in lowered:
            raise ReadRefused(f"'{path.name}' is een Word-document, geen Excel-werkmap.")
        elif "ppt/presentation.xml" in lowered:
            raise ReadRefused(f"'{path.name}' is een PowerPoint-bestand, geen Excel-werkmap.")
        else:
            raise ReadRefused(f"'{path.name}' is een zip-archief, geen Excel-werkmap.")
        dimensions = _inflate_all(archive, infos, path.name, broken)
    return SniffResult(file_type, dimensions)


def _too_big(name: str) -> str:
    return (f"'{name}' pakt uit tot meer dan {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB of is "
            "ongewoon sterk gecomprimeerd (mogelijk een 'zip-bom'). Het wordt uit voorzorg "
            "niet geopend. Controleer of dit de juiste werkmap is.")


def _read_limited(archive: zipfile.ZipFile, name: str, limit: int, file_name: str) -> bytes:
    try:
        with archive.open(name) as fh:
            data = fh.read(limit + 1)
    except KeyError:
        return b""
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        raise ReadRefused(f"'{file_name}' is beschadigd of onvolledig.") from None
    if len(data) > limit:
        raise ReadRefused(_too_big(file_name))
    return data


def _inflate_all(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str,
                 broken: str) -> dict[str, tuple[int, int]]:
    """Inflate every entry, counting real sizes; find DOCTYPEs and sheet dimensions."""
    total = 0
    dimensions: dict[str, tuple[int, int]] = {}
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadRefused(
                f"'{name}' bevat versleutelde onderdelen (beveiligd met een wachtwoord). "
                "Sla het zonder wachtwoord op en kies die kopie."
            )
        is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
        is_sheet = info.filename.lower().startswith("xl/worksheets/") and is_xml
        compressed = max(info.compress_size, 1)
        size = 0
        head = tail = b""
        entity_trick = False
        try:
            with archive.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    if is_xml:
                        if size == 0:
                            head = chunk[:65536]
                        # Anywhere in the part, not just at the top: the prolog may be
                        # padded with comments to push a DOCTYPE past a fixed window.
                        window = tail + chunk
                        if b"<!" in window and _DOCTYPE.search(window):
                            entity_trick = True
                            break
                        tail = chunk[-16:]
                    size += len(chunk)
                    total += len(chunk)
                    if total > MAX_UNCOMPRESSED_BYTES or (
                        size > _RATIO_FLOOR and size / compressed > MAX_ENTRY_RATIO
                    ):
                        raise ReadRefused(_too_big(name))
        except ReadRefused:
            raise
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
                ValueError):
            raise ReadRefused(broken) from None
        if entity_trick:
            raise ReadRefused(
                f"'{name}' bevat XML-constructies (DOCTYPE/ENTITY) die in een echte "
                "Excel-werkmap niet voorkomen en voor aanvallen gebruikt kunnen worden. "
                "Het bestand wordt niet geopend. Sla de gegevens op in een nieuwe werkmap."
            )
        if is_sheet:
            m = _DIMENSION.search(head)
            if m and m.group(4):
                dimensions[info.filename] = (int(m.group(4)), _column_number(m.group(3)))
            elif m and m.group(2):
                dimensions[info.filename] = (int(m.group(2)), _column_number(m.group(1) or b"A"))
    for rows, cols in dimensions.values():
        check_size(rows, cols, name)
    return dimensions


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def check_size(rows: int, cols: int, name: str, sheet: str | None = None) -> None:
    where = f"Blad '{sheet}' in '{name}'" if sheet else f"'{name}'"
    if rows > MAX_ROWS:
        raise ReadRefused(
            f"{where} heeft {rows:,} rijen; Stuurploeg leest er hoogstens {MAX_ROWS:,}. "
            "Verwijder lege of overbodige rijen (of zet alleen de zakenlijst in een eigen "
            "werkmap) en probeer het opnieuw.".replace(",", ".")
        )
    if cols > MAX_COLUMNS:
        raise ReadRefused(
            f"{where} heeft {cols} kolommen; Stuurploeg leest er hoogstens {MAX_COLUMNS}. "
            "Verwijder overbodige kolommen en probeer het opnieuw."
        )
