"""`timeline eval reuters` (being written)."""


def register(sub):
    p = sub.add_parser("reuters", help="(not yet available)")
    p.set_defaults(func=lambda args: 2)
