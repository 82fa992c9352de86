"""The Live page and the windows that follow it (share-safe view, mini timer), with the signals between its panes."""
