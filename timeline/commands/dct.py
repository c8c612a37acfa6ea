"""`timeline dct` (being written)."""


def register(sub):
    p = sub.add_parser("dct", help="(not yet available)")
    p.set_defaults(func=lambda args: 2)
