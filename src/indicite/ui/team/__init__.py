"""Team mode in the windows: opening a team database (issue 20)."""
