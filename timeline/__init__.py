"""timeline: dated, sourced chronologies from news reports on diplomacy and conflict.

    import timeline
    events = timeline.extract(text, pub_date="2017-01-19")         # pandas DataFrame (timeline.schema)
    events = timeline.extract_many([{"text": t, "pub_date": d, "title": h, "url": u, "id": i}, ...])

Importing the package is cheap: spaCy and pandas load on the first call.
"""

__version__ = "0.1.0"

_FIELDS = ("text", "pub_date", "title", "url", "id", "source")


def extract(text, pub_date=None, *, title=None, url=None, doc_id=None, source=None):
    """The event table of one article. `pub_date`: a date or YYYY-MM-DD (None: from the text's front matter or
    dateline, never today's date). Raises `timeline.errors.TimelineError` for an invalid date."""
    from timeline.events import extract_events, make_document
    from timeline.schema import empty_events

    if not isinstance(text, str):
        raise TypeError(f"extract() takes the article text as a str, not {type(text).__name__}")
    if not text.strip():
        return empty_events()
    document = make_document(text, pub_date, title=title, url=url, doc_id=doc_id, source=source)
    return extract_events(document, pub_date=document.pub_date)


def extract_many(items, *, on_error=None, batch_size: int = 16):
    """The event tables of many articles, concatenated. `items`: texts, or dicts with `text` and optionally
    `pub_date`, `title`, `url`, `id`, `source`. spaCy parses them in batches (`nlp.pipe`).

    `on_error(index, exception)`: when given, an article that fails (invalid date, ...) is reported to it and
    skipped; otherwise the first failure is raised."""

    from timeline import nlp
    from timeline.events import extract_event_rows, make_document
    from timeline.schema import events_table

    documents = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = {"text": item}
        try:
            unknown = set(item) - set(_FIELDS) - {"doc_id"}
            if unknown:
                raise ValueError("unknown field(s): " + ", ".join(sorted(unknown)))
            text = item.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ValueError("no text")
            documents.append((i, make_document(text, item.get("pub_date"), title=item.get("title"),
                                               url=item.get("url"), doc_id=item.get("id") or item.get("doc_id"),
                                               source=item.get("source"))))
        except Exception as exc:
            if on_error is None:
                raise
            on_error(i, exc)
    rows: list[dict] = []
    parsed = nlp.parse_many((d.text for _, d in documents), batch_size=batch_size)
    for (i, document), spacy_doc in zip(documents, parsed):
        try:
            rows.extend(extract_event_rows(document, pub_date=document.pub_date, spacy_doc=spacy_doc))
        except Exception as exc:
            if on_error is None:
                raise
            on_error(i, exc)
    return events_table(rows)
