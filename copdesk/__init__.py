"""CoPDesk: a desktop companion for facilitating a team Community of Practice."""

__version__ = "0.1.0"
