"""A cheap check that a text is English: the share of its words that are common English function words.

English news prose runs at 35-50 %; French, German, Spanish or Arabic text at a few percent (words such as
"a", "in", "on" that other languages share are left out of the list). Short texts are not judged.
"""
from __future__ import annotations

import re

FUNCTION_WORDS = frozenset("""
the of and to is that for was with as by at from it he she said says has have had be been being are were will
would not this these those an which or its after his her but their they them who whom what when where while
than then there also about into over against between during before under could should can may might must
we our us you your i my me no more most other such only out up so if because just all any some each both
""".split())

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 20
MIN_SHARE = 0.12


def english_share(text: str, max_words: int = 2000) -> tuple[float, int]:
    """(share of English function words, number of words looked at) over the first `max_words` words."""
    words = [w.lower() for w in _WORD.findall(text[:40_000])][:max_words]
    if not words:
        return 0.0, 0
    return sum(w in FUNCTION_WORDS for w in words) / len(words), len(words)


def not_english_reason(text: str) -> str | None:
    """None when the text reads as English (or is too short to tell); else a one-line reason."""
    share, n = english_share(text)
    if n < MIN_WORDS:
        return None
    if share < MIN_SHARE:
        return f"does not look like English ({share:.0%} of its {n} words are English function words)"
    return None
