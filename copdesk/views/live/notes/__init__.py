"""The notes pane: notes, follow-ups, actions, issues, learning, parked items, escalations and search."""
