"""Time-expression tagger: recognise, then resolve against the document time and the narrative."""
from __future__ import annotations

import datetime as dt

from timeline.timex.model import Timex


def tag(text: str, dct: dt.date | None = None, doc=None) -> list[Timex]:
    """All time expressions of `text`, resolved against `dct` (None: relative values stay unresolved).

    `doc` is a spaCy Doc of exactly `text` when the caller already has one (it is parsed otherwise).
    """
    return []
