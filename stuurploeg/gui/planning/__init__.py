"""Plan maken: the dialog that asks for a plan and shows what changed."""
