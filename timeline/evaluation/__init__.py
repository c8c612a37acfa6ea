"""Evaluation commands: each module exposes `register(eval_subparsers)` for `timeline eval NAME`."""
