"""The main window's docks, each a small widget that listens to the :class:`Session`."""
