"""The temporal core in one call: document time from metadata or dateline, then every time expression."""
from __future__ import annotations

from dataclasses import dataclass

from timeline.dct import DocumentTime, document_time
from timeline.document import Document
from timeline.timex.model import Timex
from timeline.timex.tagger import tag


@dataclass
class TemporalAnnotation:
    document: Document
    dct: DocumentTime
    timexes: list[Timex]


MAX_STORY_CHARS = 1_000_000  # about 150,000 words: far beyond a news story; the parse would take many minutes


def annotate(document: Document, pub_date=None, spacy_doc=None, max_chars: int | None = MAX_STORY_CHARS
             ) -> TemporalAnnotation:
    """Resolve the document's time, then tag its whole text against it.

    The dateline's own date ("Moscow, Jan 19") is tagged as the document time itself. With no
    document time, relative expressions stay unresolved (e.g. `XXXX-WXX-4`); nothing is invented.
    """
    if spacy_doc is None and max_chars is not None and len(document.text) > max_chars:
        from timeline.errors import TimelineError

        raise TimelineError(
            f"{document.path or 'the text'} has {len(document.text):,} characters; one story may have at most "
            f"{max_chars:,} (split it into articles, or raise the limit with --max-chars)")
    dct = document_time(document, pub_date=pub_date)
    span = None
    dl = document.dateline
    if dl is not None and dl.date_start is not None and dl.date_end is not None and dct.date is not None \
            and (dl.month, dl.day) == (dct.date.month, dct.date.day):
        span = (dl.date_start, dl.date_end)
    title = (document.title_start, document.title_end) if document.title_start is not None else None
    timexes = tag(document.text, dct.date, doc=spacy_doc, dct_span=span, title_span=title)
    return TemporalAnnotation(document, dct, timexes)
