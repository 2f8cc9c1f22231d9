"""Stuurploeg: case prioritisation and capacity planning for the stuurploeg mensenhandel."""

from __future__ import annotations

# Used where the installed package's metadata is missing (a bundle built without it, a
# checkout on sys.path); tests/test_version.py keeps it equal to pyproject.toml.
FALLBACK_VERSION = "0.1.0"


def version() -> str:
    """The installed package's version (its metadata), else :data:`FALLBACK_VERSION`."""
    from importlib import metadata

    try:
        return metadata.version("stuurploeg")
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def __getattr__(name: str) -> str:
    # Looked up lazily: importlib.metadata is not worth its import time on every start.
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'stuurploeg' has no attribute {name!r}")
