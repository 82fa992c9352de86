"""Restore, retention and erasure dialogs."""
