"""Errors the CLI turns into one clear line on stderr and a non-zero exit."""


class TimelineError(Exception):
    """A user-facing failure: bad input, an unreadable file, an invalid option value."""
