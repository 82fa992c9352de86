"""The session timer pane: the countdown, the disc and the live agenda."""
