"""Finding the sheet, the header row and the column of every field."""

from __future__ import annotations

from dataclasses import dataclass, field

from stuurploeg.io.fields import (
    CAPACITY,
    CASES,
    SHEET_NAMES,
    label,
    match_header,
    normalise_header,
    normalise_sheet_name,
    required_fields,
)
from stuurploeg.io.lookalikes import describe_letters, lookalike_letters, skeleton
from stuurploeg.io.report import Issue
from stuurploeg.io.values import show

HEADER_SCAN_ROWS = 30
KIND_NAMES = {CASES: "zakenlijst", CAPACITY: "capaciteitsoverzicht (blad Teams)"}


@dataclass(slots=True)
class Layout:
    kind: str
    sheet: str
    header_index: int  # 0-based row index; Excel row = header_index + 1
    headers: list[str]  # header text per column ("" where the header cell is empty)
    columns: dict[str, int]  # field → 0-based column index
    unused: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def header_row(self) -> int:
        return self.header_index + 1

    @property
    def mapping(self) -> dict[str, str]:
        return {key: self.headers[col] for key, col in self.columns.items()}


def header_texts(row: list[object]) -> list[str]:
    return [v.strip() if isinstance(v, str) else show(v) for v in row]


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def find_layout(rows: list[list[object]], kind: str, sheet: str,
                mapping: dict[str, str] | None = None) -> Layout | None:
    """The first row in the first 30 that holds the kind's required columns, or None."""
    required = required_fields(kind)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if row.count("") == len(row):
            continue
        headers = header_texts(row)
        columns = _columns_by_mapping(headers, mapping) if mapping else _columns_by_match(
            headers, kind)
        if all(key in columns for key in required):
            return _layout(kind, sheet, index, headers, columns)
    return None


def _columns_by_match(headers: list[str], kind: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, text in enumerate(headers):
        key = match_header(text, kind) if text else None
        if key is not None and key not in columns:
            columns[key] = col
    return columns


def _columns_by_mapping(headers: list[str], mapping: dict[str, str]) -> dict[str, int]:
    exact = {}
    loose = {}
    for col, text in enumerate(headers):
        if text:
            exact.setdefault(text, col)
            loose.setdefault(normalise_header(text) or text, col)
    columns: dict[str, int] = {}
    for key, header in mapping.items():
        if not header:
            continue
        col = exact.get(header.strip())
        if col is None:
            col = loose.get(normalise_header(header) or header)
        if col is not None:
            columns[key] = col
    return columns


def _layout(kind: str, sheet: str, index: int, headers: list[str],
            columns: dict[str, int]) -> Layout:
    layout = Layout(kind, sheet, index, headers, columns)
    used = set(columns.values())
    for col, text in enumerate(headers):
        if text:
            read_as = next((k for k, c in columns.items() if c == col), None)
            issue = lookalike_issue(text, kind, sheet, index, col, columns, read_as)
            if issue is not None:
                layout.issues.append(issue)
        if not text or col in used:
            continue
        layout.unused.append(text)
        key = match_header(text, kind)
        if key is not None and key in columns:
            layout.issues.append(Issue(
                sheet, index + 1, text, None,
                f"Kolom '{text}' betekent ook '{label(kind, key)}', maar die is al gelezen uit "
                f"kolom '{headers[columns[key]]}'. Kolom '{text}' is niet gebruikt; hernoem of "
                "verwijder een van beide als dat niet klopt.",
                "warning",
            ))
    return layout


def lookalike_issue(text: str, kind: str, sheet: str, index: int, col: int,
                    columns: dict[str, int], read_as: str | None) -> Issue | None:
    """An issue for a header with letters from another script that make it look like a
    known header (or that are hidden inside one that was read)."""
    letters = lookalike_letters(text)
    if not letters:
        return None
    key = match_header(skeleton(text), kind)
    if key is None:
        return None
    cell = f"{column_letter(col)}{index + 1}"
    where = (f"De kolomkop '{text}' in cel {cell} lijkt op '{label(kind, key)}', maar bevat "
             f"letters uit een ander schrift ({describe_letters(letters)}).")
    if read_as is not None:
        return Issue(sheet, index + 1, text, text,
                     f"{where} De kolom is gelezen als '{label(kind, read_as)}'; typ de "
                     "kolomkop opnieuw in gewone letters als dat niet klopt.", "warning")
    taken = key in columns
    then = (f"'{label(kind, key)}' is al gelezen uit kolom {column_letter(columns[key])}."
            if taken else
            f"Zonder deze kolom ontbreekt '{label(kind, key)}' voor alle rijen.")
    return Issue(sheet, index + 1, text, text,
                 f"{where} Stuurploeg leest haar daarom niet. {then} Typ de kolomkop opnieuw "
                 "in gewone letters, of koppel de kolom met de hand.",
                 "warning" if taken else "error")


def lookalike_findings(rows: list[list[object]], kinds: tuple[str, ...]) -> list[str]:
    """Dutch sentences for header cells (first rows) that look like a required header of
    ``kinds`` but hold letters from another script: why no header row was found."""
    found = []
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        for col, text in enumerate(header_texts(row)):
            if not text or not lookalike_letters(text):
                continue
            for kind in kinds:
                key = match_header(skeleton(text), kind)
                if key is not None and key in required_fields(kind):
                    found.append(
                        f"De kolomkop '{text}' in cel {column_letter(col)}{index + 1} lijkt op "
                        f"'{label(kind, key)}', maar bevat letters uit een ander schrift "
                        f"({describe_letters(lookalike_letters(text))}); typ die kolomkop "
                        "opnieuw in gewone letters.")
                    break
    return found


def sheet_order(sheets: list[str], kinds: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """Sheets to try, each with the kinds to try on it: named sheets first."""
    named: list[tuple[str, tuple[str, ...]]] = []
    rest: list[tuple[str, tuple[str, ...]]] = []
    for sheet in sheets:
        norm = normalise_sheet_name(sheet)
        own = tuple(k for k in kinds if norm in SHEET_NAMES[k])
        if own:
            named.append((sheet, own + tuple(k for k in kinds if k not in own)))
        else:
            rest.append((sheet, kinds))
    return named + rest


def explain_no_header(rows_by_sheet: dict[str, list[list[object]]], kinds: tuple[str, ...],
                      file_name: str) -> str:
    """Why no sheet qualified, with the nearest miss, in Dutch."""
    best: tuple[int, str, int, str, list[str]] | None = None
    for sheet, rows in rows_by_sheet.items():
        for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
            headers = header_texts(row)
            for kind in kinds:
                columns = _columns_by_match(headers, kind)
                missing = [label(kind, k) for k in required_fields(kind) if k not in columns]
                score = len(columns)
                if columns and (best is None or score > best[0]):
                    best = (score, sheet, index + 1, kind, missing)
    what = " of ".join(KIND_NAMES[k] for k in kinds)
    needs = "; ".join(
        f"een {KIND_NAMES[k]} heeft ten minste de kolommen "
        + " en ".join(label(k, key) for key in required_fields(k))
        for k in kinds
    )
    if not rows_by_sheet:
        return (f"'{file_name}' heeft geen zichtbaar blad met gegevens. Maak het blad met de "
                f"{what} zichtbaar of kies een andere werkmap.")
    text = (f"In '{file_name}' is geen kopregel van een {what} gevonden in de eerste "
            f"{HEADER_SCAN_ROWS} rijen van de bladen {', '.join(rows_by_sheet)}: {needs} "
            "(synoniemen: zie docs/input-format.md).")
    if best is not None and best[4]:
        text += (f" Rij {best[2]} van blad {best[1]} lijkt er het meest op, maar daar ontbreekt: "
                 f"{', '.join(best[4])}. Geef de kolom die naam of koppel de kolommen met de hand.")
    for sheet, rows in rows_by_sheet.items():
        for finding in lookalike_findings(rows, kinds):
            text += f" Blad {sheet}: {finding}"
    return text

