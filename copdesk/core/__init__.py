"""Pure-Python domain rules. Nothing in this package may import Qt, ``store``, ``views`` or ``cli``."""
