import pytest

pytest.importorskip("PySide6")
