"""Reading one cell the way Dutch workbooks write it.

Every parser takes the raw value calamine gives (``str``, ``int``, ``float``, ``bool``,
``date``, ``datetime``, ``time``, ``timedelta``, or ``""``/``None`` for an empty cell) and
returns the typed value, ``None`` for a blank cell, or raises :class:`ValueProblem` with a
Dutch message that says what was expected. Parsers are called once per cell of a 20,000-row
list, so the common case (a real number, a plain string) is tried first.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from stuurploeg.domain.weeks import IsoWeek, weeks_in_year

EXCEL_TEXT_LIMIT = 32_767  # Excel's own cell limit; longer text is not from Excel
_EXCEL_EPOCH = date(1899, 12, 30)
# Serial day numbers of 1950-01-01 and 2100-12-31: a bare number in this range in a date
# column is an Excel date whose cell lost its date format.
_SERIAL_MIN, _SERIAL_MAX = 18_264, 73_415

# Text that people put in a cell to say "nothing here".
_BLANK_WORDS = frozenset({"", "-", "--", "nvt", "n.v.t.", "n.v.t", "nb", "n.b.", "?", "onbekend"})
_TRUE_WORDS = frozenset({"ja", "j", "x", "yes", "y", "true", "waar", "1", "wel", "✓", "✔", "v"})
_FALSE_WORDS = frozenset({"nee", "n", "no", "false", "onwaar", "0", "niet", "geen"})

_NUMBER_STRIP = str.maketrans("", "", " \u00a0\u202f'_")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_GROUPED = {sep: re.compile(r"^[+-]?\d{1,3}(" + re.escape(sep) + r"\d{3})+$") for sep in ",."}
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
# 2026-W05, 2026W5, 2026 wk 5, 2026-week 05
_WEEK_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/ ]?\s*(?:w|wk|week)\s*\.?\s*(\d{1,2})$")
# wk 5, week 5, w5, wk 5 2027, week 5-2027, wk 5/2027, 5-2027
_WEEK_WEEK_FIRST = re.compile(r"^(?:(?:w|wk|week)\s*\.?\s*)(\d{1,2})(?:\s*[-/ ]\s*(\d{4}))?$")
_WEEK_SLASH_YEAR = re.compile(r"^(\d{1,2})\s*[-/]\s*(\d{4})$")


class ValueProblem(ValueError):
    """A cell value that cannot be read as the field's type; the message is Dutch."""


@dataclass(frozen=True, slots=True)
class CellFault:
    """A cell whose value the workbook does not really hold: an Excel error value
    (``#N/A``, ``#DIV/0!``) or a formula saved without its result. calamine reads both as
    an empty cell; the reader puts one of these in its place so that no parser takes it
    for a blank or for text."""

    text: str  # the error value, or the formula as typed ("=A1*2")
    formula: bool = False  # True: a formula without a stored result

    def __str__(self) -> str:
        return self.text

    def problem(self) -> ValueProblem:
        if self.formula:
            return ValueProblem(
                "is een formule zonder opgeslagen uitkomst; Stuurploeg rekent formules niet "
                "zelf uit. Open de werkmap in Excel en sla haar opnieuw op (bij het opslaan "
                "bewaart Excel de uitkomst), of typ de waarde zelf in")
        return ValueProblem(
            f"is de Excel-foutwaarde {self.text}: de formule in deze cel geeft een fout. "
            "Herstel de formule in Excel of typ de waarde zelf in")


# What a value may be before it is taken for a typing error (or an attack) rather than
# data: a case needs at most this many fte and weeks, a team has at most this bezetting.
MAX_CASE_FTE = 100.0
MAX_CASE_WEEKS = 520
MAX_TEAM_FTE = 1_000.0
MAX_COUNT = 10_000  # victims, minors, suspects, certified investigators
FIRST_PLAUSIBLE_YEAR = 2000
YEARS_AHEAD = 10


def check_magnitude(value: float | None, limit: float) -> None:
    """Raise when ``value`` is above ``limit``: no real case list or team holds that."""
    if value is not None and value > limit:
        shown = f"{limit:g}".replace(".", ",")
        raise ValueProblem(f"is onwaarschijnlijk groot (meer dan {shown}); controleer de "
                           "waarde")


def check_plausible_week(week: IsoWeek | None, reference: IsoWeek) -> None:
    """Raise for a week before 2000 or more than ten years after ``reference``: a date cell
    that was empty (Excel's day 0 is in 1900) or mistyped, not a week of a plan."""
    if week is None:
        return
    last = reference.year + YEARS_AHEAD
    if not FIRST_PLAUSIBLE_YEAR <= week.year <= last:
        raise ValueProblem(f"valt in {week.year} ({week}): buiten de verwachte periode "
                           f"{FIRST_PLAUSIBLE_YEAR} tot en met {last}; controleer de datum of "
                           "week")


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if type(value) is str:
        return value.strip().lower() in _BLANK_WORDS
    if type(value) is float:
        return math.isnan(value)
    return False


def show(value: object, limit: int = 80) -> str:
    """The value as the user would recognise it in a message, shortened if long."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, datetime) and value.time() == time(0):
        text = value.date().strftime("%d-%m-%Y")
    elif isinstance(value, date) and not isinstance(value, datetime):
        text = value.strftime("%d-%m-%Y")
    elif isinstance(value, bool):
        text = "WAAR" if value else "ONWAAR"
    elif isinstance(value, float):
        text = repr(value).replace(".", ",")
    else:
        text = str(value)
    text = text.replace("\r", " ").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fold(text: str) -> str:
    """Lower case without accents: ``"Seksuële"`` → ``"seksuele"``."""
    text = text.strip().lower()
    if text.isascii():
        return text
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


# -- numbers ---------------------------------------------------------------------------
def parse_number(value: object) -> float | None:
    """A number: real cell numbers, or text with a decimal comma (``"1,5"``, ``"1.234,5"``)."""
    t = type(value)
    if t is float:
        if math.isfinite(value):  # type: ignore[arg-type]
            return value  # type: ignore[return-value]
        if math.isnan(value):  # type: ignore[arg-type]
            return None
        raise ValueProblem("is geen eindig getal")
    if t is int:
        return float(value)  # type: ignore[arg-type]
    if t is str:
        return _number_from_text(value)  # type: ignore[arg-type]
    if value is None:
        return None
    if t is bool:
        raise ValueProblem("is WAAR/ONWAAR, verwacht een getal")
    if t is CellFault:
        raise value.problem()  # type: ignore[union-attr]
    raise ValueProblem("is een datum of tijd, verwacht een getal")


def _number_from_text(text: str, *, allow_unit: bool = True) -> float | None:
    s = text.strip().lower()
    if s in _BLANK_WORDS:
        return None
    if allow_unit:
        for unit in ("fte", "wk", "weken", "week"):
            if s.endswith(unit):
                s = s[: -len(unit)]
                break
    s = s.translate(_NUMBER_STRIP)
    if s.startswith("(") and s.endswith(")"):  # accountants' negative
        s = "-" + s[1:-1]
    comma, dot = s.count(","), s.count(".")
    if comma and dot:
        # The later separator is the decimal one: 1.234,5 (Dutch) or 1,234.5 (English).
        if s.rfind(",") > s.rfind("."):
            whole, _, frac = s.rpartition(",")
            s = _ungroup(whole, ".") + "." + frac
        else:
            whole, _, frac = s.rpartition(".")
            s = _ungroup(whole, ",") + "." + frac
    elif comma == 1:
        s = s.replace(",", ".")
    elif comma > 1:
        s = _ungroup(s, ",")
    elif dot > 1:
        s = _ungroup(s, ".")
    if not _NUMBER_RE.match(s):
        raise ValueProblem("is geen getal (gebruik bijvoorbeeld 1,5 of 2)")
    number = float(s)
    if not math.isfinite(number):
        raise ValueProblem("is geen eindig getal")
    return number


def _ungroup(text: str, separator: str) -> str:
    """``1.234.567`` → ``1234567``, but only for real groups of three digits."""
    if not _GROUPED[separator].match(text):
        raise ValueProblem("is geen getal (gebruik bijvoorbeeld 1,5 of 2)")
    return text.replace(separator, "")


def parse_int(value: object) -> int | None:
    """A whole number; ``3.0`` and ``"3"`` are fine, ``2.5`` is not."""
    if type(value) is int:
        return value  # type: ignore[return-value]
    number = parse_number(value)
    if number is None:
        return None
    if not number.is_integer():
        raise ValueProblem("is geen heel getal")
    return int(number)


def parse_fraction(value: object) -> float | None:
    """A share 0..1 written as ``75%``, ``75``, ``0,75`` or a percent-formatted ``0.75``.

    Numbers above 1 (up to 100) are read as percentages; 1 itself means 100%.
    """
    percent = False
    if type(value) is str:
        s = value.strip()
        if s.endswith("%"):
            percent = True
            s = s[:-1]
        number = _number_from_text(s, allow_unit=False)
    else:
        number = parse_number(value)
    if number is None:
        if percent:
            raise ValueProblem("is geen percentage")
        return None
    if percent or number > 1:
        number = number / 100
    if not 0 <= number <= 1:
        raise ValueProblem("ligt niet tussen 0% en 100%")
    return number


# -- booleans --------------------------------------------------------------------------
def parse_bool(value: object) -> bool | None:
    """ja/nee/j/n/x/yes/no/true/false/1/0; blank is unknown (``None``)."""
    t = type(value)
    if t is str:
        s = value.strip().lower()  # type: ignore[union-attr]
        if s in _TRUE_WORDS:
            return True
        if s in _FALSE_WORDS:
            return False
        if s in _BLANK_WORDS:
            return None
        raise ValueProblem("is geen ja/nee (gebruik ja, nee, j, n of x)")
    if t is bool:
        return value  # type: ignore[return-value]
    if t is int or t is float:
        if value == 1:
            return True
        if value == 0:
            return False
        if t is float and math.isnan(value):  # type: ignore[arg-type]
            return None
        raise ValueProblem("is geen ja/nee (alleen 1 of 0 als getal)")
    if value is None:
        return None
    if t is CellFault:
        raise value.problem()  # type: ignore[union-attr]
    raise ValueProblem("is geen ja/nee")


# -- dates and weeks -------------------------------------------------------------------
def parse_date(value: object) -> date | None:
    """Excel dates, text ``dd-mm-yyyy`` / ``yyyy-mm-dd`` (also with / or .), serial numbers."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    t = type(value)
    if t is str:
        s = value.strip()  # type: ignore[union-attr]
        if s.lower() in _BLANK_WORDS:
            return None
        s = _TIME_SUFFIX.sub("", s)
        m = _DATE_DMY.match(s)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            m = _DATE_YMD.match(s)
            if not m:
                raise ValueProblem("is geen datum (gebruik dd-mm-jjjj)")
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            return date(y, mo, d)
        except ValueError:
            raise ValueProblem("is geen bestaande datum") from None
    if (t is int or t is float) and _SERIAL_MIN <= value <= _SERIAL_MAX:  # type: ignore[operator]
        return _EXCEL_EPOCH + timedelta(days=int(value))  # type: ignore[arg-type]
    if value is None or (t is float and math.isnan(value)):  # type: ignore[arg-type]
        return None
    if t in (time, timedelta):
        raise ValueProblem("is een tijd, verwacht een datum")
    if t is CellFault:
        raise value.problem()  # type: ignore[union-attr]
    raise ValueProblem("is geen datum (gebruik dd-mm-jjjj)")


def nearest_week(week: int, reference: IsoWeek) -> IsoWeek:
    """Week number ``week`` in the year that puts it closest to ``reference``."""
    best: IsoWeek | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if week <= weeks_in_year(year):
            candidate = IsoWeek(year, week)
            if best is None or abs(candidate - reference) < abs(best - reference):  # type: ignore[operator]
                best = candidate
    if best is None:  # only week 53, which most years lack
        raise ValueProblem(f"is week {week}, maar die bestaat niet in {reference.year - 1}, "
                           f"{reference.year} of {reference.year + 1}; schrijf het jaar erbij "
                           "(bijvoorbeeld 2026-W53) of controleer het weeknummer")
    return best


def parse_week(value: object, reference: IsoWeek) -> tuple[IsoWeek | None, bool]:
    """An ISO week from ``2026-W05``, ``wk 5 2027``, ``week 5`` or a date (its ISO week).

    Returns ``(week, guessed_year)``: for a week without a year (``wk 5``) the year is the
    one that puts the week nearest ``reference``, and ``guessed_year`` is True so that the
    caller can say which year was assumed.
    """
    if isinstance(value, date):
        return IsoWeek.from_date(value), False
    t = type(value)
    if t is str:
        s = fold(value)  # type: ignore[arg-type]
        if s in _BLANK_WORDS:
            return None, False
        m = _WEEK_YEAR_FIRST.match(s)
        if m:
            return _week(int(m.group(1)), int(m.group(2))), False
        m = _WEEK_WEEK_FIRST.match(s) or _WEEK_SLASH_YEAR.match(s)
        if m:
            week = int(m.group(1))
            if m.group(2):
                return _week(int(m.group(2)), week), False
            if not 1 <= week <= 53:
                raise ValueProblem("is geen weeknummer (1 tot en met 53)")
            return _nearest_checked(week, reference), True
        if s.isdigit() and len(s) <= 2:
            return _nearest_checked(int(s), reference), True
        try:
            day = parse_date(value)
        except ValueProblem:
            raise ValueProblem("is geen week (gebruik 2026-W05, wk 5 of een datum)") from None
        return (IsoWeek.from_date(day), False) if day else (None, False)
    if t is int or (t is float and value.is_integer()):  # type: ignore[union-attr]
        number = int(value)  # type: ignore[arg-type]
        if 1 <= number <= 53:
            return _nearest_checked(number, reference), True
        if _SERIAL_MIN <= number <= _SERIAL_MAX:
            return IsoWeek.from_date(_EXCEL_EPOCH + timedelta(days=number)), False
    if value is None or (t is float and math.isnan(value)):  # type: ignore[arg-type]
        return None, False
    if t is CellFault:
        raise value.problem()  # type: ignore[union-attr]
    raise ValueProblem("is geen week (gebruik 2026-W05, wk 5 of een datum)")


def _week(year: int, week: int) -> IsoWeek:
    if not 1900 <= year <= 2200:
        raise ValueProblem(f"heeft een onwaarschijnlijk jaar ({year})")
    try:
        return IsoWeek(year, week)
    except ValueError:
        raise ValueProblem(f"{year} heeft geen week {week}") from None


def _nearest_checked(week: int, reference: IsoWeek) -> IsoWeek:
    if not 1 <= week <= 53:
        raise ValueProblem("is geen weeknummer (1 tot en met 53)")
    return nearest_week(week, reference)


# -- text ------------------------------------------------------------------------------
def parse_text(value: object) -> str | None:
    """Text as typed; numbers that are really codes (``1234.0``) become ``"1234"``."""
    t = type(value)
    if t is str:
        s = value.strip()  # type: ignore[union-attr]
        if not s:
            return None
        if len(s) > EXCEL_TEXT_LIMIT:
            raise ValueProblem(f"is langer dan {EXCEL_TEXT_LIMIT} tekens")
        return s
    if t is int:
        return str(value)
    if t is float:
        if math.isnan(value):  # type: ignore[arg-type]
            return None
        return str(int(value)) if value.is_integer() else str(value)  # type: ignore[union-attr]
    if value is None:
        return None
    if t is bool:
        return "ja" if value else "nee"
    if t is CellFault:
        raise value.problem()  # type: ignore[union-attr]
    return show(value)
