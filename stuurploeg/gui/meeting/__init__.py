"""Vergadermodus: the meeting room layout (ranking, the selected case and the decision
form side by side, a capacity strip below) and its keyboard map."""
