"""`timeline serve` (being written)."""


def register(sub):
    p = sub.add_parser("serve", help="(not yet available)")
    p.set_defaults(func=lambda args: 2)
