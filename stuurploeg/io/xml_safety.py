"""openpyxl must parse XML through defusedxml (entity expansion and external entities off).

Stuurploeg reads workbooks with calamine, but openpyxl writes them and a later fallback
reader may use it; an install where defusedxml is missing would silently parse with the
standard library's expat, so start-up refuses to run in that state.
"""

from __future__ import annotations


def ensure_defusedxml() -> None:
    """Raise RuntimeError unless openpyxl uses defusedxml."""
    import openpyxl.xml

    if not openpyxl.xml.DEFUSEDXML:
        raise RuntimeError(
            "defusedxml ontbreekt of wordt niet gebruikt door openpyxl; installeer het pakket "
            "'defusedxml' opnieuw (pip install defusedxml)."
        )
