"""PySide6 widgets and Qt item models: one module per pane or dialog. Handed their context by ``copdesk.app``."""
