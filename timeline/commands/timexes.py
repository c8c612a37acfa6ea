"""`timeline timexes FILE [--dct YYYY-MM-DD]` (being written)."""


def register(sub):
    p = sub.add_parser("timexes", help="(not yet available)")
    p.set_defaults(func=lambda args: 2)
