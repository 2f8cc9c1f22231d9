"""Stuurploeg: case prioritisation and capacity planning for the stuurploeg mensenhandel."""

__version__ = "0.1.0"
