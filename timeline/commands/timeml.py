"""`timeline timeml` (being written)."""


def register(sub):
    p = sub.add_parser("timeml", help="(not yet available)")
    p.set_defaults(func=lambda args: 2)
