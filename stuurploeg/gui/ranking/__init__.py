"""The Ranglijst: its columns, rows, sort and filter, the table model and view, and
Positie aanpassen."""
