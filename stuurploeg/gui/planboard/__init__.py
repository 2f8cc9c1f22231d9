"""Planbord: the planning picture — a Gantt per team and a team × week load map."""
