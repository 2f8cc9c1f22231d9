"""The import wizard: choose a workbook, its sheet and header, map the columns, check."""
