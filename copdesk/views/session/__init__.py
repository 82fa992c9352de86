"""A session's life in the window: start, resume after a crash, end with its summary, discard."""
