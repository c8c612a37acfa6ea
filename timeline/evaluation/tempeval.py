"""`timeline eval tempeval` (being written)."""


def register(sub):
    p = sub.add_parser("tempeval", help="(not yet available)")
    p.set_defaults(func=lambda args: 2)
