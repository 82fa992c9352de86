"""The team's name and roster."""
