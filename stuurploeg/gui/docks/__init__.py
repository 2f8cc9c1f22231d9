"""The main window's docks: small widgets that read the controller and call its methods."""
