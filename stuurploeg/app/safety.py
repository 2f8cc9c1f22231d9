"""Start-up checks shared by the CLI and the GUI: refuse to run in an unsafe install."""

from __future__ import annotations

from stuurploeg.io.xml_safety import ensure_defusedxml


def startup_checks() -> None:
    """Raise RuntimeError (Dutch message) when the install cannot parse XML safely."""
    ensure_defusedxml()
