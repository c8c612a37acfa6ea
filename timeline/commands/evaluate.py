"""`timeline eval NAME ...`: evaluation commands. Each lives in `timeline/evaluation/NAME.py`."""
from __future__ import annotations

import importlib

EVAL_MODULES = [
    "timeline.evaluation.tempeval",
    "timeline.evaluation.reuters",
    "timeline.evaluation.plover",
    "timeline.evaluation.tls",
    "timeline.evaluation.timeline17_recall",
]


def register(sub):
    p = sub.add_parser("eval", help="score the tool against gold data (TempEval-3, Reuters datelines, ...)",
                       description="Score the tool against gold data. Each evaluation prints its figures and the command that reproduces them.")
    evsub = p.add_subparsers(dest="evaluation", metavar="NAME")
    for name in EVAL_MODULES:
        importlib.import_module(name).register(evsub)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])
