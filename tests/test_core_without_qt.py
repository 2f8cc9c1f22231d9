"""The core layers must import and work where Qt is not installed at all."""

import importlib
import pkgutil
import subprocess
import sys

import pytest

import stuurploeg

CORE = ("stuurploeg.domain", "stuurploeg.io", "stuurploeg.store", "stuurploeg.app")


def _core_modules():
    for pkg_name in CORE:
        pkg = importlib.import_module(pkg_name)
        yield pkg_name
        for info in pkgutil.walk_packages(pkg.__path__, prefix=pkg_name + "."):
            yield info.name


@pytest.mark.slow
def test_core_imports_no_qt():
    modules = sorted(_core_modules())
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):\n"
        "            raise ImportError('Qt imported by the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    __import__(m)\n"
        "print(len([m for m in sys.modules if m.startswith('stuurploeg')]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert stuurploeg.__version__
