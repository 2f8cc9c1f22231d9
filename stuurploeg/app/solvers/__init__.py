"""Exact optimisers for the planners (OR-Tools), called by ``app.planning``."""
