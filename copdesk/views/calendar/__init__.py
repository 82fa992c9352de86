"""The team's rhythm: the series editor and the agenda templates."""
