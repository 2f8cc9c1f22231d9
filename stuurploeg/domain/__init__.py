"""Pure domain logic: no Qt, no files, no database (numpy allowed)."""
