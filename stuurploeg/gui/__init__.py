"""gui layer."""

from stuurploeg.gui.import_check import install as _install_import_check

_install_import_check()  # before our modules and numpy are imported (start-up time)
