"""Pure-Python domain rules. Nothing in this package may import Qt, ``store``, ``services``, ``views``
or ``cli``."""
