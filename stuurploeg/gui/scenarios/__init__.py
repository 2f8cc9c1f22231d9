"""The scenario panel: what-if scenarios side by side with the base plan."""
