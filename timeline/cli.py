"""The single CLI entry point: `python -m timeline COMMAND ...` and the `timeline` console script.

Each command lives in its own module under `timeline/commands/` and exposes
`register(subparsers)`; it sets `func` on its parser, a function taking the parsed
arguments and returning an exit code. Data goes to stdout, messages to stderr.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from timeline.errors import TimelineError

# Order is the order shown in --help.
COMMAND_MODULES = [
    "timeline.commands.timexes",
    "timeline.commands.dct",
    "timeline.commands.extract",
    "timeline.commands.timeml",
    "timeline.commands.evaluate",
    "timeline.commands.serve",
]


class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error of the CLI."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="timeline",
        description="Turn news reports into a dated, sourced chronology of events.",
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback when a command fails")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except TimelineError as exc:
        if args.debug:
            raise
        print(f"timeline {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"timeline {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if args.debug:
            raise
        print(f"timeline {args.command}: internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)",
              file=sys.stderr)
        return 1


def main_entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
